/**
 * Where an unwind stops (`stacks.ts`): the catchers Asyncify leaves alone.
 * Each runs a task's call as the task's own stack and, when the call
 * unwound, ends the unwind and records how to rewind it: the starter of a
 * thread adapter, the start of one that waited to enter its instance, a
 * callback task's start or callback, and the resume of any of them.
 *
 * @module
 */
import { Emitter } from "../abi/emitter.ts";
import type { Generated } from "../abi/handles.ts";
import { I32 } from "../../../wasm/abi/mod.ts";
import type { FuncType } from "../../../wasm/module/mod.ts";
import { H, T, W } from "./scheduler_records.ts";
import {
  BUFFER,
  CATCH_PREFIX,
  RESUME_ADAPTER,
  RESUME_CALLBACK,
  StackCode,
  SUSPENDED,
  type ThreadAdapter,
} from "./stacks.ts";

/**
 * The catchers' code.
 *
 * @example
 * ```ts
 * import { CatcherCode } from "./stack_catchers.ts";
 * const code = new CatcherCode({ memory: 0, base: 4096, tasks: 4, waitables: 8, stacks: 2, stackBytes: 512 });
 * console.log(code.runCallback({ dispatchThunk: 1, stopUnwind: 2 }).type.results); // [127]
 * ```
 */
export class CatcherCode extends StackCode {
  /**
   * The starter of an async call into a stackful callee: runs `adapter`
   * (the call, its results lowered at the caller's retptr) as a new thread.
   * A thread that finished gives RETURNED (2); one that suspended becomes a
   * subtask of the caller, STARTED. A callee that needs its instance to
   * itself (`lock`: the instance's exclusive-thread global) waits while
   * another thread holds it: its arguments are kept in its buffer and the
   * caller gets the subtask STARTING; the scheduler starts it later.
   */
  starter(o: {
    type: FuncType;
    adapter: number;
    /** The id `dispatchResume` / `dispatchStart` run the adapter by. */
    resumeId: number;
    typeId: number;
    lock?: number;
    funcs: { taskNew: number; subtaskStart: number; stopUnwind: number };
  }): Generated {
    const e = new Emitter(o.type.params);
    const t = e.local(I32);
    e.i32Const(o.resumeId).i32Const(0).i32Const(o.typeId).i32Const(0).call(o.funcs.taskNew)
      .localSet(t);
    this.takeBuffer(e, t);
    if (o.lock !== undefined) {
      e.globalGet(o.lock).if();
      // Backpressure: the arguments wait in the buffer; the holder's end lets the call start.
      o.type.params.forEach((p, i) => {
        this.loadT(e, t, T.stack).localGet(i).store(
          p,
          p === 0x7e || p === 0x7c ? 8 : 4,
          this.m,
          BUFFER.frames + 8 * i,
        );
      });
      this.storeT(e, t, T.wait, (e) => e.i32Const(4));
      this.storeT(e, t, T.set, (e) => e.globalGet(o.lock!));
      e.localGet(t).call(o.funcs.subtaskStart).i32Const(-2).op(0x71).op(0x0f); // STARTING
      e.end();
      e.localGet(t).globalSet(o.lock);
    }
    const saved = this.enter(e, t);
    e.forwardParams().call(o.adapter).drop();
    this.restoreRunning(e, saved);
    this.ifUnwound(e, o.funcs.stopUnwind, () => {
      e.localGet(t).call(o.funcs.subtaskStart).op(0x0f);
    });
    if (o.lock !== undefined) e.i32Const(0).globalSet(o.lock);
    this.endThread(e, t);
    e.i32Const(2);
    return this.gen(o.type, e, `${CATCH_PREFIX}start`);
  }

  /**
   * `startThread(t)`: starts thread `t`, which waited to enter its instance,
   * if the instance is free now (its subtask becomes STARTED); it may finish
   * (RETURNED) or suspend at once.
   */
  startThread(funcs: { dispatchStart: number; stopUnwind: number; deliver: number }): Generated {
    const e = new Emitter([I32]);
    const w = e.local(I32);
    const saved = this.enter(e, 0);
    this.loadT(e, 0, T.thunk).localGet(0).call(funcs.dispatchStart).op(0x45).if();
    this.restoreRunning(e, saved);
    e.op(0x0f);
    e.end();
    this.restoreRunning(e, saved);
    this.ifUnwound(e, funcs.stopUnwind, () => {
      this.loadT(e, 0, T.subtask).localTee(w).if();
      this.storeW(e, w, W.event, (e) => e.i32Const(1));
      this.storeW(e, w, W.p1, (e) => this.loadW(e, w, W.handle));
      this.storeW(e, w, W.p2, (e) => e.i32Const(1));
      e.end();
      e.op(0x0f);
    });
    this.storeT(e, 0, T.state, (e) => e.i32Const(2));
    e.localGet(0).call(funcs.deliver);
    this.endThread(e, 0);
    return this.gen({ params: [I32], results: [] }, e, `${CATCH_PREFIX}start-waiting`);
  }

  /**
   * `dispatchStart(id, t) -> started`: runs adapter `id` for thread `t` with
   * the arguments kept in its buffer, once its instance's lock is free (else
   * `t` waits on the holder: 0).
   */
  dispatchStart(adapters: ThreadAdapter[]): Generated {
    const e = new Emitter([I32, I32]);
    adapters.forEach((a, k) => {
      e.localGet(0).i32Const(k + 1).op(0x46).if();
      if (a.lock !== undefined) {
        e.globalGet(a.lock).if();
        this.storeT(e, 1, T.set, (e) => e.globalGet(a.lock!));
        e.i32Const(0).op(0x0f);
        e.end();
        e.localGet(1).globalSet(a.lock);
      }
      this.storeT(e, 1, T.wait, (e) => e.i32Const(0));
      a.type.params.forEach((p, i) => {
        this.loadT(e, 1, T.stack).load(
          p,
          p === 0x7e || p === 0x7c ? 8 : 4,
          false,
          this.m,
          BUFFER.frames + 8 * i,
        );
      });
      e.call(a.index);
      for (let r = 0; r < a.type.results.length; r++) e.drop();
      this.releaseLock(e, a);
      e.i32Const(1).op(0x0f).end();
    });
    e.unreachable();
    return this.gen({ params: [I32, I32], results: [I32] }, e, `${CATCH_PREFIX}dispatch-start`);
  }

  /** After an adapter returned: it finished unless it unwound; then its lock is free. */
  private releaseLock(e: Emitter, a: ThreadAdapter): void {
    if (a.lock === undefined) return;
    this.header(e, H.unwinding).op(0x45).if().i32Const(0).globalSet(a.lock).end();
  }

  /**
   * `resumeThread(t)`: rewinds suspended task `t` the way its buffer says.
   * A thread adapter that finishes resolves its subtask RETURNED; a callback
   * task's call (its start or a callback) that finishes hands its code to
   * `after`, as if it had never blocked.
   */
  resumeThread(funcs: {
    startRewind: number;
    dispatchResume: number;
    dispatchThunk: number;
    dispatchCallbackStart: number;
    after: number;
    stopUnwind: number;
    deliver: number;
  }): Generated {
    const e = new Emitter([I32]);
    const how = e.local(I32), code = e.local(I32);
    const saved = this.enter(e, 0);
    this.storeT(e, 0, T.wait, (e) => e.i32Const(0));
    this.loadT(e, 0, T.stack).load(I32, 4, false, this.m, BUFFER.resume).localSet(how);
    this.loadT(e, 0, T.stack).i32Const(BUFFER.data).op(0x6a).call(funcs.startRewind);
    e.localGet(how).i32Const(RESUME_ADAPTER).op(0x46).if();
    this.loadT(e, 0, T.thunk).call(funcs.dispatchResume);
    this.restoreRunning(e, saved);
    this.ifUnwound(e, funcs.stopUnwind, () => e.op(0x0f));
    this.storeT(e, 0, T.state, (e) => e.i32Const(2));
    e.localGet(0).call(funcs.deliver);
    this.endThread(e, 0);
    e.op(0x0f);
    e.end();
    // A callback task: its callback (arguments restored by the rewind) or its start, by id.
    e.localGet(how).i32Const(RESUME_CALLBACK).op(0x46).ifTyped(I32);
    this.loadT(e, 0, T.thunk).localGet(0).i32Const(0).i32Const(0).i32Const(0)
      .call(funcs.dispatchThunk);
    e.else();
    e.localGet(how).i32Const(RESUME_CALLBACK).op(0x6b).localGet(0)
      .call(funcs.dispatchCallbackStart);
    e.end().localSet(code);
    this.restoreRunning(e, saved);
    this.ifUnwound(e, funcs.stopUnwind, () => e.op(0x0f));
    this.freeBuffer(e, 0);
    e.localGet(0).localGet(code).call(funcs.after);
    return this.gen({ params: [I32], results: [] }, e, `${CATCH_PREFIX}resume`);
  }

  /**
   * A callback task's call (`dispatchThunk`'s arguments, or one start's
   * `(task, params…)`) run as the task's own stack: when it blocks, the stack
   * is suspended (the buffer says how to rewind it: `how`, or `how` local)
   * and the call gives {@linkcode SUSPENDED}; otherwise its code.
   */
  private callbackCall(
    e: Emitter,
    t: number,
    call: () => void,
    how: number,
    stopUnwind: number,
  ): void {
    const code = e.local(I32);
    const saved = this.enter(e, t);
    call();
    e.localSet(code);
    this.restoreRunning(e, saved);
    this.ifUnwound(e, stopUnwind, () => {
      this.loadT(e, t, T.stack).i32Const(how).store(I32, 4, this.m, BUFFER.resume);
      e.i32Const(SUSPENDED).op(0x0f);
    });
    this.freeBuffer(e, t);
    e.localGet(code);
  }

  /** `runCallback(thunk, t, event, p1, p2) -> code`: `dispatchThunk` as task `t`'s stack. */
  runCallback(funcs: { dispatchThunk: number; stopUnwind: number }): Generated {
    const e = new Emitter([I32, I32, I32, I32, I32]);
    this.callbackCall(
      e,
      1,
      () => e.forwardParams().call(funcs.dispatchThunk),
      RESUME_CALLBACK,
      funcs.stopUnwind,
    );
    return this.gen(
      { params: [I32, I32, I32, I32, I32], results: [I32] },
      e,
      `${CATCH_PREFIX}run-callback`,
    );
  }

  /**
   * A callback task's start (`start`, a task call `(task, params…) -> code`)
   * as the task's own stack; `id` is how a resume finds it again.
   */
  callbackStart(o: { type: FuncType; start: number; id: number; stopUnwind: number }): Generated {
    const e = new Emitter(o.type.params);
    this.callbackCall(
      e,
      0,
      () => e.forwardParams().call(o.start),
      RESUME_CALLBACK + o.id,
      o.stopUnwind,
    );
    return this.gen(o.type, e, `${CATCH_PREFIX}callback-start`);
  }

  /**
   * `dispatchCallbackStart(id, t) -> code`: rewinds start `id` of task `t`
   * (zeros for its other parameters: a rewind restores its locals).
   */
  dispatchCallbackStart(starts: { index: number; type: FuncType }[]): Generated {
    const e = new Emitter([I32, I32]);
    starts.forEach((s, k) => {
      e.localGet(0).i32Const(k + 1).op(0x46).if();
      e.localGet(1);
      for (const p of s.type.params.slice(1)) e.zero(p);
      e.call(s.index).op(0x0f).end();
    });
    e.unreachable();
    return this.gen(
      { params: [I32, I32], results: [I32] },
      e,
      `${CATCH_PREFIX}dispatch-callback-start`,
    );
  }

  /**
   * `dispatchResume(id)`: calls adapter `id` with zeros for its parameters
   * (a rewind restores its own locals); a thread that finished frees its
   * instance's lock.
   */
  dispatchResume(adapters: ThreadAdapter[]): Generated {
    const e = new Emitter([I32]);
    adapters.forEach((a, k) => {
      e.localGet(0).i32Const(k + 1).op(0x46).if();
      for (const p of a.type.params) e.zero(p);
      e.call(a.index);
      for (let r = 0; r < a.type.results.length; r++) e.drop();
      this.releaseLock(e, a);
      e.op(0x0f).end();
    });
    e.unreachable();
    return this.gen({ params: [I32], results: [] }, e, `${CATCH_PREFIX}dispatch-resume`);
  }
}
