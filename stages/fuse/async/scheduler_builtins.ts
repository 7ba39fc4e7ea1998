/**
 * The scheduler's component-visible built-ins: waitable sets, subtasks,
 * `task.cancel` and the `thread.*` built-ins this scheduler supports, over
 * the records {@linkcode SchedulerCode} keeps.
 *
 * @module
 */
import { Emitter } from "../abi/emitter.ts";
import type { Generated } from "../abi/handles.ts";
import { I32 } from "../../../wasm/abi/mod.ts";
import { SchedulerCode } from "./scheduler.ts";
import {
  H,
  SCHEDULER_TYPES,
  type SchedulerFuncs,
  T,
  W,
  WAIT_SET_CANCELLABLE,
  WAIT_YIELD_CANCELLABLE,
} from "./scheduler_records.ts";

/**
 * The code of the scheduler's built-ins.
 *
 * @example
 * ```ts
 * import { BuiltinCode } from "./scheduler_builtins.ts";
 * const code = new BuiltinCode({ memory: 0, base: 4096, tasks: 16, waitables: 32 });
 * console.log(code.threadIndex().type); // { params: [], results: [127] }
 * ```
 */
export class BuiltinCode extends SchedulerCode {
  /** `waitable-set.new`: a set, as a handle of the owner's table. */
  waitableSetNew(funcs: Pick<SchedulerFuncs, "waitableNew">, newHandle: number): Generated {
    const e = new Emitter([]);
    const w = e.local(I32), h = e.local(I32);
    e.i32Const(2).i32Const(0).call(funcs.waitableNew).localTee(w).call(newHandle).localSet(h);
    this.storeW(e, w, W.handle, (e) => e.localGet(h));
    e.localGet(h);
    return this.gen({ params: [], results: [I32] }, e, "waitable-set.new");
  }

  /**
   * `waitable-set.wait` (`block`) or `.poll`: the next event of the set,
   * written as `(p1, p2)` at the pointer; the event code is returned (poll:
   * NONE when there is none).
   */
  waitableSetWait(
    block: boolean,
    memory: number,
    funcs: Pick<SchedulerFuncs, "runUntilReady" | "setReady">,
    setRep: number,
    endHandle: number,
    /** `cancellable`: a cancellation asked for is TASK_CANCELLED (6), before or while it waits. */
    cancellable?: { step: number; block?: number },
  ): Generated {
    const e = new Emitter([I32, I32]);
    const w = e.local(I32), ev = e.local(I32), p1 = e.local(I32), p2 = e.local(I32);
    e.localGet(1).i32Const(3).op(0x71).if().unreachable().end(); // misaligned event pointer
    if (cancellable) {
      const deliver = () => {
        this.takeCancel(e, () => {
          e.localGet(1).i32Const(0).store(I32, 4, memory, 0);
          e.localGet(1).i32Const(0).store(I32, 4, memory, 4);
          e.i32Const(6).op(0x0f);
        });
      };
      const set = e.local(I32), n = e.local(I32);
      deliver();
      e.localGet(0).call(setRep).localSet(set);
      if (block) {
        e.block().loop();
        e.localGet(set).call(funcs.setReady).localTee(w).brIf(1);
        deliver();
        this.blockThread(e, cancellable.block, WAIT_SET_CANCELLABLE, set);
        e.call(cancellable.step).op(0x45).if().unreachable().end(); // deadlock: nothing can run
        this.livelock(e, n);
        e.br(0).end().end();
        e.localGet(w);
      } else e.localGet(set).call(funcs.setReady).localTee(w);
    } else {
      e.localGet(0).call(setRep).call(block ? funcs.runUntilReady : funcs.setReady).localTee(w);
    }
    // No event (a poll): NONE, and its payload (0, 0) is written too.
    e.if();
    this.loadW(e, w, W.event).localSet(ev);
    this.storeW(e, w, W.event, (e) => e.i32Const(0));
    this.loadW(e, w, W.p1).localSet(p1);
    this.loadW(e, w, W.p2).localSet(p2);
    e.localGet(ev).i32Const(2).op(0x6b).i32Const(3).op(0x4d).if();
    e.localGet(p1).call(endHandle).localSet(p1);
    this.reclaimBuffer(e, w);
    e.end();
    e.end();
    e.localGet(1).localGet(p1).store(I32, 4, memory, 0);
    e.localGet(1).localGet(p2).store(I32, 4, memory, 4);
    e.localGet(ev);
    return this.gen(
      { params: [I32, I32], results: [I32] },
      e,
      block ? "waitable-set.wait" : "waitable-set.poll",
    );
  }

  /** `waitable-set.drop`: traps while a task waits on it; its members leave it. */
  waitableSetDrop(setRep: number, dropHandle: number): Generated {
    const e = new Emitter([I32]);
    const id = e.local(I32), k = e.local(I32);
    e.localGet(0).call(setRep).localSet(id);
    e.block().loop();
    e.localGet(k).i32Const(1).op(0x6a).localTee(k).i32Const(this.site.tasks).op(0x4b).brIf(1);
    this.loadT(e, k, T.state).op(0x45).brIf(0);
    this.loadT(e, k, T.wait).i32Const(2).op(0x46);
    this.loadT(e, k, T.set).localGet(id).op(0x46).op(0x71).if().unreachable().end();
    e.br(0).end().end();
    e.i32Const(0).localSet(k);
    e.block().loop();
    e.localGet(k).i32Const(1).op(0x6a).localTee(k).i32Const(this.site.waitables).op(0x4b).brIf(1);
    this.loadW(e, k, W.joined).localGet(id).op(0x46).if();
    this.storeW(e, k, W.joined, (e) => e.i32Const(0));
    e.end();
    e.br(0).end().end();
    this.storeW(e, id, W.kind, (e) => e.i32Const(0));
    e.localGet(0).call(dropHandle);
    return this.gen({ params: [I32], results: [] }, e, "waitable-set.drop");
  }

  /** `waitable.join(waitable, set)`: set 0 leaves any set. */
  waitableJoin(subtaskRep: number, setRep: number): Generated {
    const e = new Emitter([I32, I32]);
    const w = e.local(I32);
    e.localGet(0).call(subtaskRep).localSet(w);
    this.storeW(e, w, W.joined, (e) => {
      e.localGet(1).ifTyped(I32).localGet(1).call(setRep).else().i32Const(0).end();
    });
    return this.gen({ params: [I32, I32], results: [] }, e, "waitable.join");
  }

  /** `subtask.drop`: traps unless the subtask has returned. */
  subtaskDrop(subtaskRep: number, dropHandle: number): Generated {
    const e = new Emitter([I32]);
    const w = e.local(I32);
    e.localGet(0).call(subtaskRep).localSet(w);
    this.loadW(e, w, W.resolved).op(0x45).if().unreachable().end(); // not resolved
    this.storeW(e, w, W.kind, (e) => e.i32Const(0));
    e.localGet(0).call(dropHandle);
    return this.gen({ params: [I32], results: [] }, e, "subtask.drop");
  }

  /**
   * `subtask.cancel`: asks the task to cancel (it hears TASK_CANCELLED when
   * next resumed, and may resolve with `task.cancel` or still return). A
   * sync cancel runs the scheduler until it resolved and returns RETURNED (2)
   * or CANCELLED_BEFORE_RETURNED (4); an async one returns BLOCKED and the
   * subtask's event says how it ended. Cancelling a resolved subtask traps.
   */
  subtaskCancel(
    subtaskRep: number,
    funcs: Pick<SchedulerFuncs, "runUntilReturned" | "dispatchThunk" | "after">,
    sync: boolean,
    /** With threads: a task still waiting to start resolves CANCELLED_BEFORE_STARTED now. */
    waiting?: (e: Emitter, t: number, w: number) => void,
  ): Generated {
    const e = new Emitter([I32]);
    const w = e.local(I32), t = e.local(I32);
    e.localGet(0).call(subtaskRep).localSet(w);
    this.loadW(e, w, W.resolved).if().unreachable().end(); // already resolved
    this.loadW(e, w, W.task).localSet(t);
    this.storeT(e, t, T.cancel, (e) => e.i32Const(1));
    waiting?.(e, t, w);
    // A parked task hears TASK_CANCELLED now, on this stack, and may resolve at once (one
    // suspended with its own stack hears it when it is resumed).
    this.loadT(e, t, T.wait).i32Const(0).op(0x47);
    this.loadT(e, t, T.stack).op(0x45).op(0x71).if();
    this.storeT(e, t, T.cancel, (e) => e.i32Const(2));
    this.storeT(e, t, T.wait, (e) => e.i32Const(0));
    e.localGet(t);
    this.loadT(e, t, T.thunk).localGet(t).i32Const(6).i32Const(0).i32Const(0)
      .call(funcs.dispatchThunk).call(funcs.after);
    e.end();
    if (sync) e.localGet(t).call(funcs.runUntilReturned);
    else {
      // Not resolved yet: BLOCKED, and the SUBTASK event reports the outcome.
      this.loadW(e, w, W.resolved).op(0x45).if().i32Const(-1).op(0x0f).end();
    }
    this.storeW(e, w, W.event, (e) => e.i32Const(0)); // the outcome is returned, not delivered
    this.loadW(e, w, W.p2);
    return this.gen({ params: [I32], results: [I32] }, e, "subtask.cancel");
  }

  /**
   * `task.cancel`: the running task, told TASK_CANCELLED, resolves without
   * results; its caller's subtask ends CANCELLED_BEFORE_RETURNED (4). Traps
   * when no cancellation was delivered or the task already resolved.
   */
  taskCancel(releaseLends?: number): Generated {
    const e = new Emitter([]);
    const t = e.local(I32), w = e.local(I32);
    this.header(e, 4).localTee(t).op(0x45).if().unreachable().end(); // not in a task
    this.loadT(e, t, T.cancel).i32Const(2).op(0x47).if().unreachable().end(); // not cancelled
    this.loadT(e, t, T.state).i32Const(1).op(0x47).if().unreachable().end(); // resolved
    this.storeT(e, t, T.state, (e) => e.i32Const(3));
    this.loadT(e, t, T.subtask).localTee(w).if();
    this.storeW(e, w, W.event, (e) => e.i32Const(1));
    this.storeW(e, w, W.p1, (e) => this.loadW(e, w, W.handle));
    this.storeW(e, w, W.p2, (e) => e.i32Const(4));
    this.storeW(e, w, W.resolved, (e) => e.i32Const(1));
    if (releaseLends !== undefined) e.localGet(w).call(releaseLends);
    e.end();
    return this.gen({ params: [], results: [] }, e, "task.cancel");
  }

  /**
   * `deferLends(t, release, from₁, to₁, from₂, to₂)`: task `t`'s subtask
   * keeps the borrows its caller lent (lender's and callee's handles) and the
   * id of the function that ends them, until the task resolves.
   */
  deferLends(): Generated {
    const e = new Emitter([I32, I32, I32, I32, I32, I32]);
    const w = e.local(I32);
    this.loadT(e, 0, T.subtask).localTee(w).if();
    [W.typeId, W.ptr, W.remaining, W.progress, W.elemSize].forEach((f, k) => {
      this.storeW(e, w, f, (e) => e.localGet(k + 1));
    });
    e.end();
    return this.gen(SCHEDULER_TYPES.deferLends, e, "async:defer-lends");
  }

  /** `releaseLends(w)`: subtask `w` resolved: the borrows its call kept end now. */
  releaseLends(dispatchRelease: number): Generated {
    const e = new Emitter([I32]);
    this.loadW(e, 0, W.typeId).if();
    this.loadW(e, 0, W.typeId).localGet(0).call(dispatchRelease);
    this.storeW(e, 0, W.typeId, (e) => e.i32Const(0));
    e.end();
    return this.gen(SCHEDULER_TYPES.releaseLends, e, "async:release-lends");
  }

  /**
   * One call's release, `(w)`: ends each borrow its subtask `w` kept
   * (`ends[k]`: the end-lend function of the k-th borrow), strictly: a
   * borrow the callee still holds traps.
   */
  releaseBody(ends: number[]): Generated {
    const e = new Emitter([I32]);
    ends.forEach((end, k) => {
      this.loadW(e, 0, k === 0 ? W.ptr : W.progress);
      this.loadW(e, 0, k === 0 ? W.remaining : W.elemSize);
      e.i32Const(1).call(end);
    });
    return this.gen({ params: [I32], results: [] }, e, "async:release");
  }

  /** `thread.yield`: lets one other ready task run; never cancelled (returns 0). */
  threadYield(step: number, block?: number, cancellable = false): Generated {
    const e = new Emitter([]);
    // `cancellable`: a cancellation asked for is delivered (1), before or after the yield.
    const deliver = () => cancellable && this.takeCancel(e, () => e.i32Const(1).op(0x0f));
    deliver();
    if (block !== undefined) {
      // A thread suspends (the others run meanwhile); on the host's stack one other task runs.
      this.header(e, H.thread).if();
      e.i32Const(cancellable ? WAIT_YIELD_CANCELLABLE : 1).i32Const(0).call(block);
      deliver();
      e.i32Const(0).op(0x0f).end();
    }
    e.call(step).drop();
    deliver();
    e.i32Const(0);
    return this.gen({ params: [], results: [I32] }, e, "thread.yield");
  }

  /**
   * If the running task was asked to cancel and has not heard it yet, it
   * hears it now (`then`, which returns what the built-in gives).
   */
  private takeCancel(e: Emitter, then: () => void): void {
    const t = e.local(I32);
    this.header(e, H.current).localTee(t).if();
    this.loadT(e, t, T.cancel).i32Const(1).op(0x46).if();
    this.storeT(e, t, T.cancel, (e) => e.i32Const(2));
    then();
    e.end();
    e.end();
  }

  /** `thread.index`: the running task's index (0 outside a scheduled task). */
  threadIndex(): Generated {
    const e = new Emitter([]);
    this.header(e, 4);
    return this.gen({ params: [], results: [I32] }, e, "thread.index");
  }
}
