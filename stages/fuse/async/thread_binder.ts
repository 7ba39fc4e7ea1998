/**
 * The `thread.*` side of the binder: the switching built-ins, the threads
 * `thread.new-indirect` makes, sync calls run as threads of their callee's
 * instance, and the backpressure counters beside the instances' locks
 * (`threads.ts`).
 *
 * @module
 */
import type { FuncType } from "../../../wasm/module/mod.ts";
import type { Generated } from "../abi/handles.ts";
import { I32 } from "../../../wasm/abi/mod.ts";
import type { FuncTarget } from "../binding.ts";
import type { SchedulerBuiltin } from "../scope.ts";
import { EndBinder } from "./end_binder.ts";
import { BACKPRESSURE, CATCH_PREFIX } from "./stacks.ts";
import type { ThreadCode } from "./threads.ts";

/**
 * The binder's thread built-ins; {@linkcode AsyncBinder} adds the rest.
 *
 * @example
 * ```ts
 * import { ThreadBinder } from "./thread_binder.ts";
 * // const resumeLater = new ThreadBinder(mergeContext).builtin("thread.resume-later", "app");
 * ```
 */
export class ThreadBinder extends EndBinder {
  readonly #threadTableIds = new Map<string, number>();

  /** A `thread.*` switching built-in (`threads.ts`); `make` generates it for its owner. */
  protected threadBuiltin(
    op: SchedulerBuiltin,
    make: (
      type: FuncType,
      deps: FuncTarget[],
      body: (c: ThreadCode, d: number[]) => Generated,
    ) => FuncTarget,
  ): FuncTarget {
    const deps = [this.shared("block"), this.shared("step")];
    switch (op) {
      case "thread.resume-later":
        return make({ params: [I32], results: [] }, deps, (c) => c.threadResumeLater());
      case "thread.suspend":
        return make({ params: [], results: [I32] }, deps, (c, [block]) => c.threadSuspend(block));
      case "thread.yield-then-resume":
      case "thread.suspend-then-resume":
        return make(
          { params: [I32], results: [I32] },
          deps,
          (c, [block]) => c.threadSwitch(op === "thread.yield-then-resume", block),
        );
      default:
        return make(
          { params: [I32], results: [I32] },
          deps,
          (c, [block]) => c.threadPromote(op === "thread.yield-then-promote", block),
        );
    }
  }

  /**
   * `thread.new-indirect` as `owner` calls it: threads start with a function of the table
   * `table` gives the fused index of.
   */
  threadNew(owner: string, tableKey: string, table: () => number): FuncTarget {
    this.switches = true;
    this.threadOwners.add(owner);
    const taskNew = this.shared("taskNew");
    this.shared("step");
    let id = this.#threadTableIds.get(tableKey);
    if (id === undefined) {
      this.threadTables.push(table);
      this.#threadTableIds.set(tableKey, id = this.threadTables.length);
    }
    const startId = id, instance = this.lockAddress(owner);
    return this.ctx.generate(
      `thread-new\0${owner}\0${startId}`,
      `async:${owner}::thread.new-indirect`,
      () => this.code().threadNew(startId, instance, this.ctx.funcIndex(taskNew)),
      { params: [I32, I32], results: [I32] },
    );
  }

  /**
   * A sync call into `callee`, a component that switches threads, run as a thread of its
   * instance (`threads.ts`): the host's entry into a root export, or another component's
   * call (`key` names it). `target` is the call (core type `type`).
   */
  syncThreadCall(key: string, callee: string, type: FuncType, target: FuncTarget): FuncTarget {
    this.switches = true;
    this.threadOwners.add(callee);
    const bodyType: FuncType = { params: type.params, results: [] };
    const body = this.ctx.generate(
      `sync-thread-body\0${key}`,
      `async:sync-thread-body:${key}`,
      () => this.code().syncThreadBody(type, this.ctx.funcIndex(target)),
      bodyType,
    );
    this.threadAdapters.push({ target: body, type: bodyType });
    const resumeId = this.threadAdapters.length;
    const instance = this.lockAddress(callee);
    const funcs = {
      taskNew: this.shared("taskNew"),
      step: this.shared("step"),
      stopUnwind: this.shared("stopUnwind"),
    };
    return this.ctx.generate(
      `sync-thread-call\0${key}`,
      `${CATCH_PREFIX}sync-thread-call:${key}`,
      () =>
        this.code().syncThreadCall({
          type,
          body: this.ctx.funcIndex(body),
          resumeId,
          instance,
          funcs: {
            taskNew: this.ctx.funcIndex(funcs.taskNew),
            step: this.ctx.funcIndex(funcs.step),
            stopUnwind: this.ctx.funcIndex(funcs.stopUnwind),
          },
        }),
      type,
    );
  }

  /**
   * `backpressure.inc` / `.dec` as `owner` calls it, in a module with threads: the counter
   * beside the instance's lock, which a start checks before it enters (`stacks.ts`).
   */
  backpressure(op: "backpressure.inc" | "backpressure.dec", owner: string): FuncTarget {
    const at = this.lockAddress(owner) + BACKPRESSURE;
    return this.ctx.generate(
      `backpressure\0${owner}\0${op}`,
      `async:${owner}::${op}`,
      () => this.code().backpressure(op === "backpressure.inc", at),
      { params: [], results: [] },
    );
  }
}
