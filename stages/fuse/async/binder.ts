/**
 * Binds the async parts of a composition to the in-module scheduler: the
 * scheduler's shared functions (generated once, on first use), the
 * per-component built-ins (waitable sets, subtasks, yield), the task calls
 * that start a callback-lifted function or resume it with an event, and the
 * host entry of a callback-lifted root export.
 *
 * @module
 */
import type { FuncType } from "../../../wasm/module/mod.ts";
import type { Generated } from "../abi/handles.ts";
import { I32 } from "../../../wasm/abi/mod.ts";
import type { FuncTarget } from "../binding.ts";
import type { SchedulerBuiltin } from "../scope.ts";
import { FuseError } from "../errors.ts";
import { SET_TYPE, SUBTASK_TYPE } from "./scheduler.ts";
import type { ThreadCode } from "./threads.ts";
import { CATCH_PREFIX } from "./stacks.ts";

import { ThreadBinder } from "./thread_binder.ts";
import {
  ERROR_CONTEXT_TYPE,
  type ErrorContextBuiltin,
  errorContextDebugMessage,
  errorContextNew,
} from "./error_context.ts";
import { CALLBACK_TYPE, type TaskGlobals } from "./binder_core.ts";

export { type AsyncContext, CALLBACK_TYPE, type TaskGlobals } from "./binder_core.ts";

/**
 * The scheduler side of a merge.
 *
 * @example
 * ```ts
 * import { AsyncBinder } from "./binder.ts";
 * // const binder = new AsyncBinder(mergeContext);
 * // const waitFn = binder.builtin("waitable-set.wait", "app", 0);
 * ```
 */
export class AsyncBinder extends ThreadBinder {
  /**
   * A task call for `owner`: runs `target` (params `params`) as the task
   * given first. `key` names the target, for deduplication.
   */
  taskCall(
    owner: string,
    key: string,
    params: FuncType["params"],
    target: FuncTarget,
    task: TaskGlobals,
  ): FuncTarget {
    const type: FuncType = { params: [I32, ...params], results: [I32] };
    const setRep = this.handleFn(owner, "rep", SET_TYPE);
    const deliver = this.shared("deliver");
    const endHandle = key.startsWith("callback\0") ? this.endHandle(owner) : undefined;
    return this.ctx.generate(`async-call\0${owner}\0${key}`, `async:task-call:${owner}`, () => {
      const base = this.ctx.taskGlobalBase();
      return this.code().taskCall({
        params,
        target: this.ctx.funcIndex(target),
        context: this.ctx.contextSlots(owner).map(([slot, g]) => [slot, base + g]),
        state: base + task.state,
        type: base + task.type,
        setRep: this.ctx.funcIndex(setRep),
        deliver: this.ctx.funcIndex(deliver),
        ...(endHandle ? { endHandle: this.ctx.funcIndex(endHandle) } : {}),
      });
    }, type);
  }

  /**
   * A callback task's start (`start`, a task call taking `params`) run as
   * the task's own stack when the module has threads, so that a start which
   * blocks synchronously suspends the task instead of its caller; otherwise
   * `start` itself.
   */
  suspendableStart(
    owner: string,
    start: FuncTarget,
    params: FuncType["params"],
    task: TaskGlobals,
  ): FuncTarget {
    if (!this.threads) return start;
    const type: FuncType = { params: [I32, ...params], results: [I32] };
    this.callbackStarts.push({ target: start, type });
    const id = this.callbackStarts.length;
    const stopUnwind = this.shared("stopUnwind");
    const deliver = this.shared("deliver");
    const promoteHolder = this.shared("promoteHolder");
    this.shared("step");
    return this.ctx.generate(
      `async-callback-start\0${id}`,
      `${CATCH_PREFIX}callback-start#${id}`,
      () =>
        this.code().callbackStart({
          type,
          start: this.ctx.funcIndex(start),
          id,
          lock: this.lockAddress(owner),
          stopUnwind: this.ctx.funcIndex(stopUnwind),
          returned: {
            state: this.ctx.taskGlobalBase() + task.state,
            deliver: this.ctx.funcIndex(deliver),
          },
          promoteHolder: this.ctx.funcIndex(promoteHolder),
        }),
      type,
    );
  }

  /** The id the scheduler resumes `owner`'s callback with (its thunk, registered once). */
  thunkId(owner: string, key: string, callback: FuncTarget, task: TaskGlobals): number {
    const k = `${owner}\0${key}`;
    let id = this.thunkIds.get(k);
    if (id === undefined) {
      this.thunks.push(
        this.taskCall(owner, `callback\0${key}`, CALLBACK_TYPE.params, callback, task),
      );
      this.thunkOwners.push(owner);
      id = this.thunks.length;
      this.thunkIds.set(k, id);
    }
    return id;
  }

  /** Registers a completion function (retptr) → its id. */
  completeId(target: FuncTarget): number {
    this.completes.push(target);
    return this.completes.length;
  }

  /** The shared functions an adapter for a callback-lifted callee calls. */
  adapterFuncs(callerOwner: string, callerAsync: boolean) {
    const funcs = {
      taskNew: this.shared("taskNew"),
      after: this.shared("after"),
      runUntilReturned: this.shared("runUntilReturned"),
      subtaskStart: callerAsync ? this.subtaskStart(callerOwner) : undefined,
    };
    return () => ({
      taskNew: this.ctx.funcIndex(funcs.taskNew),
      after: this.ctx.funcIndex(funcs.after),
      runUntilReturned: this.ctx.funcIndex(funcs.runUntilReturned),
      subtaskStart: funcs.subtaskStart && this.ctx.funcIndex(funcs.subtaskStart),
    });
  }

  private subtaskStart(owner: string): FuncTarget {
    const newHandle = this.handleFn(owner, "new", SUBTASK_TYPE);
    const waitableNew = this.shared("waitableNew");
    return this.ctx.generate(
      `async-subtask-start\0${owner}`,
      `async:${owner}::subtask-start`,
      () =>
        this.code().subtaskStart(
          { waitableNew: this.ctx.funcIndex(waitableNew) },
          this.ctx.funcIndex(newHandle),
          this.releases.length > 0,
        ),
      { params: [I32], results: [I32] },
    );
  }

  /**
   * An async call into a stackful callee, run as a thread (`stacks.ts`): the
   * starter the caller's lowered import becomes, around `adapter` (of core
   * type `type`, the call with its results lowered at the retptr).
   * `exclusive`: the callee needs its instance to itself (a sync lift).
   */
  threadStarter(
    callerOwner: string,
    calleeOwner: string,
    adapter: FuncTarget,
    type: FuncType,
    typeId: number,
    exclusive: boolean,
  ): FuncTarget {
    const lock = exclusive ? this.lockAddress(calleeOwner) : undefined;
    this.threadAdapters.push({ target: adapter, type, ...(lock !== undefined ? { lock } : {}) });
    const resumeId = this.threadAdapters.length;
    const taskNew = this.shared("taskNew");
    const subtaskStart = this.subtaskStart(callerOwner);
    const stopUnwind = this.shared("stopUnwind");
    // The scheduler resumes the thread from `step`, which must exist for it.
    this.shared("step");
    return this.ctx.generate(
      `async-thread\0${resumeId}`,
      `${CATCH_PREFIX}start:${callerOwner}->${calleeOwner}`,
      () =>
        this.code().starter({
          type,
          adapter: this.ctx.funcIndex(adapter),
          resumeId,
          typeId,
          ...(lock !== undefined ? { lock } : {}),
          funcs: {
            taskNew: this.ctx.funcIndex(taskNew),
            subtaskStart: this.ctx.funcIndex(subtaskStart),
            stopUnwind: this.ctx.funcIndex(stopUnwind),
          },
        }),
      type,
    );
  }

  /** The host's entry into a callback-lifted root export. */
  hostEntry(
    name: string,
    params: FuncType["params"],
    start: FuncTarget,
    thunk: number,
    task: TaskGlobals,
    slotTypes: FuncType["params"],
    returnArea?: { memory: number; base: number },
  ): FuncTarget {
    const funcs = {
      taskNew: this.shared("taskNew"),
      after: this.shared("after"),
      runUntilReturned: this.shared("runUntilReturned"),
      step: this.shared("step"),
    };
    const results = !task.indirect && slotTypes.length <= 1 ? slotTypes : [I32];
    return this.ctx.generate(`async-entry\0${name}`, `async:entry:${name}`, () => {
      const base = this.ctx.taskGlobalBase();
      return this.code().hostEntry({
        params,
        start: this.ctx.funcIndex(start),
        thunk,
        typeId: task.typeId,
        slots: task.slots.map((s, i) => ({ global: base + s, type: slotTypes[i] })),
        indirect: task.indirect,
        ...(returnArea ? { returnArea } : {}),
        funcs: {
          taskNew: this.ctx.funcIndex(funcs.taskNew),
          after: this.ctx.funcIndex(funcs.after),
          runUntilReturned: this.ctx.funcIndex(funcs.runUntilReturned),
          step: this.ctx.funcIndex(funcs.step),
        },
      });
    }, { params, results });
  }

  /**
   * The host's entry into root export `name`, lifted `async` with no callback: `core` run as
   * a stackful task on the host's stack, its `task.return` slots returned the sync way.
   */
  stackfulHostEntry(
    name: string,
    params: FuncType["params"],
    core: FuncTarget,
    task: TaskGlobals,
    slotTypes: FuncType["params"],
    returnArea?: { memory: number; base: number },
  ): FuncTarget {
    const results = !task.indirect && slotTypes.length <= 1 ? slotTypes : [I32];
    return this.ctx.generate(`stackful-entry\0${name}`, `async:entry:${name}`, () => {
      const base = this.ctx.taskGlobalBase();
      return this.code().stackfulHostEntry({
        params,
        core: this.ctx.funcIndex(core),
        state: base + task.state,
        type: base + task.type,
        typeId: task.typeId,
        slots: task.slots.map((s, i) => ({ global: base + s, type: slotTypes[i] })),
        indirect: task.indirect,
        ...(returnArea ? { returnArea } : {}),
      });
    }, { params, results });
  }

  /** A scheduler built-in as `owner` calls it (`memory`: where wait / poll write events). */
  builtin(
    op: SchedulerBuiltin,
    owner: string,
    memory?: () => number,
    async = false,
    cancellable = false,
  ): FuncTarget {
    const setRep = () => this.handleFn(owner, "rep", SET_TYPE);
    const subRep = () => this.handleFn(owner, "rep", SUBTASK_TYPE);
    const idx = (t: FuncTarget) => this.ctx.funcIndex(t);
    const make = (
      type: FuncType,
      deps: FuncTarget[],
      body: (c: ThreadCode, d: number[]) => Generated,
    ) =>
      this.ctx.generate(
        `async-builtin\0${owner}\0${op}\0${async}\0${cancellable}`,
        `async:${owner}::${op}`,
        () => body(this.code(), deps.map(idx)),
        type,
      );
    const I = { params: [I32], results: [] };
    switch (op) {
      case "waitable-set.new":
        return make(
          { params: [], results: [I32] },
          [this.shared("waitableNew"), this.handleFn(owner, "new", SET_TYPE)],
          (c, [wn, nh]) => c.waitableSetNew({ waitableNew: wn }, nh),
        );
      case "waitable-set.wait":
      case "waitable-set.poll":
        return this.#waitBuiltin(op === "waitable-set.wait", owner, make, memory, cancellable);
      case "waitable-set.drop":
        return make(
          I,
          [setRep(), this.handleFn(owner, "drop", SET_TYPE)],
          (c, [rep, drop]) => c.waitableSetDrop(rep, drop),
        );
      case "waitable.join":
        return make(
          { params: [I32, I32], results: [] },
          [this.anyWaitableRep(owner), setRep()],
          (c, [sub, set]) => c.waitableJoin(sub, set),
        );
      case "subtask.drop":
        return make(
          I,
          [subRep(), this.handleFn(owner, "drop", SUBTASK_TYPE)],
          (c, [rep, drop]) => c.subtaskDrop(rep, drop),
        );
      case "subtask.cancel":
        return make(
          { params: [I32], results: [I32] },
          [
            subRep(),
            this.shared("runUntilReturned"),
            this.shared("dispatchThunk"),
            this.shared("after"),
          ],
          (c, [rep, run, dispatch, after]) =>
            c.subtaskCancel(
              rep,
              { runUntilReturned: run, dispatchThunk: dispatch, after },
              !async,
              this.threads
                ? (e, t, w) =>
                  c.cancelWaiting(e, t, w, {
                    resumeThread: this.index("resumeThread"),
                    releaseLends: this.releaseLendsIndex(),
                  })
                : undefined,
            ),
        );
      case "thread.yield":
        return make(
          { params: [], results: [I32] },
          this.threads ? [this.shared("step"), this.shared("block")] : [this.shared("step")],
          (c, [step, block]) => c.threadYield(step, block, cancellable),
        );
      case "thread.index":
        return make({ params: [], results: [I32] }, [], (c) => c.threadIndex());
      case "thread.resume-later":
      case "thread.suspend":
      case "thread.yield-then-resume":
      case "thread.suspend-then-resume":
      case "thread.yield-then-promote":
      case "thread.suspend-then-promote":
        return this.threadBuiltin(op, make);
      case "thread.new-indirect":
        throw new FuseError("internal", owner, `${op} needs its table (threadNew)`, "report a bug");
      default:
        throw new FuseError(
          "internal",
          owner,
          `${op} is a stream / future built-in (endBuiltin)`,
          "report a bug",
        );
      case "task.cancel":
        return make(
          { params: [], results: [] },
          [],
          (c) => c.taskCancel(this.releaseLendsIndex()),
        );
    }
  }

  /** `waitable-set.wait` (`block`) / `.poll` as `owner` calls it. */
  #waitBuiltin(
    wait: boolean,
    owner: string,
    make: (
      type: FuncType,
      deps: FuncTarget[],
      body: (c: ThreadCode, d: number[]) => Generated,
    ) => FuncTarget,
    memory?: () => number,
    cancellable = false,
  ): FuncTarget {
    return make(
      { params: [I32, I32], results: [I32] },
      [
        this.shared("runUntilReady"),
        this.shared("setReady"),
        this.handleFn(owner, "rep", SET_TYPE),
        this.endHandle(owner),
        this.shared("step"),
        ...(this.threads ? [this.shared("block")] : []),
      ],
      (c, [ru, sr, rep, endHandle, step, block]) =>
        c.waitableSetWait(
          wait,
          memory?.() ?? 0,
          { runUntilReady: ru, setReady: sr },
          rep,
          endHandle,
          cancellable ? { step, ...(block !== undefined ? { block } : {}) } : undefined,
        ),
    );
  }

  /** An error-context built-in as `owner` calls it (`error_context.ts`). */
  errorContext(op: ErrorContextBuiltin, owner: string, memory: () => number): FuncTarget {
    const key = `error-context\0${owner}\0${op}`;
    const name = `${owner}::${op}`;
    if (op === "error-context.drop") return this.handleFn(owner, "drop", ERROR_CONTEXT_TYPE);
    if (op === "error-context.new") {
      const newHandle = this.handleFn(owner, "new", ERROR_CONTEXT_TYPE);
      return this.ctx.generate(
        key,
        name,
        () => errorContextNew(memory(), this.ctx.funcIndex(newHandle)),
        { params: [I32, I32], results: [I32] },
      );
    }
    const rep = this.handleFn(owner, "rep", ERROR_CONTEXT_TYPE);
    return this.ctx.generate(
      key,
      name,
      () => errorContextDebugMessage(memory(), this.ctx.funcIndex(rep)),
      { params: [I32, I32], results: [] },
    );
  }
}
