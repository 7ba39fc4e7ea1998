/**
 * Stream and future ends in the fused module: the end built-ins
 * (`stream.new`, read / write, cancel, drop, and the future's), the copy
 * and notify functions they share, and the checks on an end moved to another
 * instance or the host.
 *
 * @module
 */
import { elemSize, I32, needsDeepCopy } from "../../../wasm/abi/mod.ts";
import type { FuncTarget } from "../binding.ts";
import type { EndBuiltin } from "../scope.ts";
import type { CType } from "../../../wasm/abi/mod.ts";
import { END_TYPES, type EndOp, StreamCode } from "./streams.ts";
import { FuseError } from "../errors.ts";
import { SUBTASK_TYPE } from "./scheduler.ts";

import { SchedulerBinder } from "./binder_core.ts";

/**
 * The stream and future side of the scheduler binder.
 *
 * @example
 * ```ts
 * import { EndBinder } from "./end_binder.ts";
 * // const read = new EndBinder(mergeContext).endBuiltin("stream.read", "app", end);
 * ```
 */
export class EndBinder extends SchedulerBinder {
  protected readonly endTypeIds = new Map<string, number>();

  protected streamCode(): StreamCode {
    return new StreamCode(this.site());
  }

  /** `owner`'s handle of a waitable id (events name ends by handle), generated once. */
  endHandle(owner: string): FuncTarget {
    return this.ctx.generate(
      `async-end-handle\0${owner}`,
      `async:${owner}::end-handle`,
      () => this.streamCode().endHandle(this.ctx.handleSite(owner), Object.values(END_TYPES)),
      {
        params: [I32],
        results: [I32],
      },
    );
  }

  /** `owner`'s check of a handle that may be any waitable (join). */
  protected anyWaitableRep(owner: string): FuncTarget {
    return this.ctx.generate(
      `async-any-rep\0${owner}`,
      `async:${owner}::waitable-rep`,
      () =>
        this.streamCode().anyWaitableRep(this.ctx.handleSite(owner), [
          SUBTASK_TYPE,
          ...Object.values(END_TYPES),
        ]),
      { params: [I32], results: [I32] },
    );
  }

  protected endShared(name: "notify" | "runUntilEvent"): FuncTarget {
    const type = name === "notify"
      ? { params: [I32, I32], results: [] }
      : { params: [I32], results: [] };
    const step = name === "runUntilEvent" ? this.shared("step") : undefined;
    return this.ctx.generate(
      `async\0${name}`,
      `async:${name}`,
      () =>
        name === "notify"
          ? this.streamCode().notify()
          : this.streamCode().runUntilEvent(this.ctx.funcIndex(step!)),
      type,
    );
  }

  protected endCopyFn(memory: () => number, memories: () => number, key: string): FuncTarget {
    const notify = this.endShared("notify");
    return this.ctx.generate(
      `async\0end-copy\0${key}`,
      `async:end-copy`,
      () => this.streamCode().copy(memory(), memories(), this.ctx.funcIndex(notify)),
      {
        params: [I32, I32, I32],
        results: [I32],
      },
    );
  }

  /**
   * A stream or future built-in as `owner` calls it: `elem` is the element
   * type (plain bytes only), `sync` whether the call waits.
   */
  endBuiltin(
    op: EndBuiltin,
    owner: string,
    end: { elem: CType | null; sync: boolean; memory?: () => number; memories: () => number },
  ): FuncTarget {
    const future = op.startsWith("future.");
    if (end.elem && needsDeepCopy(end.elem)) {
      throw new FuseError(
        "unsupported-builtin",
        owner,
        `canon ${op} of a ${future ? "future" : "stream"} whose elements hold pointers or ` +
          "handles: the fused scheduler copies plain bytes only",
        "carry numbers (or records of them) in the stream, and strings or lists by other calls",
      );
    }
    const typeKey = JSON.stringify([future, end.elem]);
    let typeId = this.endTypeIds.get(typeKey);
    if (typeId === undefined) this.endTypeIds.set(typeKey, typeId = this.endTypeIds.size + 1);
    const R = future ? END_TYPES.futureReadable : END_TYPES.streamReadable;
    const Wt = future ? END_TYPES.futureWritable : END_TYPES.streamWritable;
    const which = op.slice(op.indexOf(".") + 1);
    const writable = which === "write" || which.endsWith("-write") || which === "drop-writable";
    const tag = writable ? Wt : R;
    const memory = end.memory ?? (() => 0);
    const endOp = (): EndOp => ({
      future,
      elemSize: end.elem ? elemSize(end.elem) : 0,
      typeId: typeId!,
      memory: memory(),
      sync: end.sync,
    });
    const idx = (t: FuncTarget) => this.ctx.funcIndex(t);
    const key = `async-end\0${owner}\0${op}\0${typeId}\0${end.sync}`;
    const name = `async:${owner}::${op}`;
    const sc = () => this.streamCode();
    switch (which) {
      case "new": {
        const deps = [
          this.shared("waitableNew"),
          this.handleFn(owner, "new", R),
          this.handleFn(owner, "new", Wt),
        ];
        return this.ctx.generate(key, name, () => {
          const [wn, nr, nw] = deps.map(idx);
          return sc().endsNew(endOp(), wn, nr, nw);
        }, { params: [], results: [0x7e] });
      }
      case "read":
      case "write": {
        const deps = [
          this.handleFn(owner, "rep", tag),
          this.endCopyFn(memory, end.memories, `${typeId}\0${owner}\0${op}`),
          this.endShared("runUntilEvent"),
        ];
        return this.ctx.generate(key, name, () => {
          const [rep, copy, run] = deps.map(idx);
          return sc().endCopy(endOp(), rep, { copy, runUntilEvent: run });
        }, { params: future ? [I32, I32] : [I32, I32, I32], results: [I32] });
      }
      case "cancel-read":
      case "cancel-write": {
        const rep = this.handleFn(owner, "rep", tag);
        return this.ctx.generate(key, name, () => sc().endCancel(idx(rep)), {
          params: [I32],
          results: [I32],
        });
      }
      default: {
        const deps = [
          this.handleFn(owner, "rep", tag),
          this.handleFn(owner, "drop", tag),
          this.endShared("notify"),
        ];
        return this.ctx.generate(key, name, () => {
          const [rep, drop, notify] = deps.map(idx);
          return sc().endDrop(rep, drop, notify);
        }, { params: [I32], results: [] });
      }
    }
  }

  /**
   * For a handle of an end kind: `move` (the handle's transfer) behind the
   * checks a lift of a stream or future makes; undefined for other tags.
   */
  endTransferCheck(owner: string, tag: number, move?: FuncTarget): FuncTarget | undefined {
    if (!(Object.values(END_TYPES) as number[]).includes(tag)) return undefined;
    const rep = this.handleFn(owner, "rep", tag);
    return this.ctx.generate(
      `async-end-lift\0${owner}\0${tag}\0${move ? this.ctx.funcIndexKey(move) : "host"}`,
      `async:${owner}::end-lift`,
      () =>
        this.streamCode().endLift(
          this.ctx.funcIndex(rep),
          move && this.ctx.funcIndex(move),
        ),
      { params: [I32], results: [I32] },
    );
  }
}
