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
  type Running,
  StackCode,
  STARTING,
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
 * console.log(code.runCallback({ dispatchThunk: 1, lockOf: 2, stopUnwind: 3 }).type.results); // [127]
 * ```
 */
export class CatcherCode extends StackCode {
  /**
   * The starter of an async call into a stackful callee: runs `adapter`
   * (the call, its results lowered at the caller's retptr) as a new thread.
   * A thread that finished gives RETURNED (2); one that suspended becomes a
   * subtask of the caller, STARTED. A callee that needs its instance to
   * itself (`lock`: the address of the instance's lock word) waits while
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
      const lock = o.lock;
      this.entryFreeFor(e, t, (e) => e.i32Const(lock));
      e.op(0x45).if();
      // Backpressure: the arguments wait in the buffer; the lock's release lets the call start.
      this.saveArgs(e, t, o.type.params, 0);
      this.storeT(e, t, T.wait, (e) => e.i32Const(4));
      this.storeT(e, t, T.set, (e) => e.i32Const(lock));
      e.localGet(t).call(o.funcs.subtaskStart).i32Const(-2).op(0x71).op(0x0f); // STARTING
      e.end();
      this.takeLock(e, t, (e) => e.i32Const(lock));
    }
    const saved = this.enter(e, t);
    e.forwardParams().call(o.adapter).drop();
    this.restoreRunning(e, saved);
    this.ifUnwound(e, o.funcs.stopUnwind, () => {
      e.localGet(t).call(o.funcs.subtaskStart).op(0x0f);
    });
    if (o.lock !== undefined) this.freeLock(e, (e) => e.i32Const(o.lock!));
    this.endThread(e, t);
    e.i32Const(2);
    return this.gen(o.type, e, `${CATCH_PREFIX}start`);
  }

  /**
   * `startThread(t)`: starts task `t`, which waited to enter its instance, if
   * the instance is free now: a thread adapter (its subtask becomes STARTED;
   * it may finish, RETURNED, or suspend at once), or a callback task's start
   * (its code then goes to `after`).
   */
  startThread(funcs: {
    dispatchStart: number;
    dispatchCallbackStart: number;
    lockOf: number;
    after: number;
    stopUnwind: number;
    deliver: number;
  }): Generated {
    const e = new Emitter([I32]);
    const how = e.local(I32), code = e.local(I32);
    this.loadT(e, 0, T.stack).load(I32, 4, false, this.m, BUFFER.resume).localSet(how);
    const saved = this.enter(e, 0);
    e.localGet(how).i32Const(RESUME_ADAPTER).op(0x46).if();
    this.loadT(e, 0, T.thunk).localGet(0).call(funcs.dispatchStart).op(0x45).if();
    this.restoreRunning(e, saved);
    e.op(0x0f);
    e.end();
    this.restoreRunning(e, saved);
    this.ifUnwound(e, funcs.stopUnwind, () => {
      this.subtaskStarted(e, 0);
      e.op(0x0f);
    });
    this.storeT(e, 0, T.state, (e) => e.i32Const(2));
    e.localGet(0).call(funcs.deliver);
    this.endThread(e, 0);
    e.op(0x0f);
    e.end();
    // A callback task's start: once its instance is free, with the arguments it kept.
    const lockAt = (e: Emitter) => this.loadT(e, 0, T.thunk).call(funcs.lockOf);
    this.entryFreeFor(e, 0, lockAt);
    e.op(0x45).if();
    this.restoreRunning(e, saved);
    e.op(0x0f);
    e.end();
    this.takeLock(e, 0, lockAt);
    this.storeT(e, 0, T.wait, (e) => e.i32Const(0));
    this.subtaskStarted(e, 0);
    e.localGet(how).i32Const(RESUME_CALLBACK).op(0x6b).localGet(0).i32Const(1)
      .call(funcs.dispatchCallbackStart).localSet(code);
    this.restoreRunning(e, saved);
    this.ifUnwound(e, funcs.stopUnwind, () => e.op(0x0f));
    this.freeLock(e, lockAt);
    this.freeBuffer(e, 0);
    e.localGet(0).localGet(code).call(funcs.after);
    return this.gen({ params: [I32], results: [] }, e, `${CATCH_PREFIX}start-waiting`);
  }

  /** Task `t`'s subtask, if its caller holds one, hears STARTED. */
  private subtaskStarted(e: Emitter, t: number): void {
    const w = e.local(I32);
    this.loadT(e, t, T.subtask).localTee(w).if();
    this.storeW(e, w, W.event, (e) => e.i32Const(1));
    this.storeW(e, w, W.p1, (e) => this.loadW(e, w, W.handle));
    this.storeW(e, w, W.p2, (e) => e.i32Const(1));
    e.end();
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
        const lock = a.lock;
        this.entryFreeFor(e, 1, (e) => e.i32Const(lock));
        e.op(0x45).if().i32Const(0).op(0x0f).end();
        this.takeLock(e, 1, (e) => e.i32Const(lock));
      }
      this.storeT(e, 1, T.wait, (e) => e.i32Const(0));
      this.loadArgs(e, 1, a.type.params);

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
    const lock = a.lock;
    this.header(e, H.unwinding).op(0x45).if();
    this.freeLock(e, (e) => e.i32Const(lock));
    e.end();
  }

  /** Keeps params `params` (locals from `first`) in task `t`'s buffer until it starts. */
  private saveArgs(e: Emitter, t: number, params: FuncType["params"], first: number): void {
    params.forEach((p, i) => {
      this.loadT(e, t, T.stack).localGet(first + i)
        .storeValue(p, this.m, BUFFER.frames + 8 * i);
    });
  }

  /** Pushes the params {@linkcode saveArgs} kept for task `t`. */
  private loadArgs(e: Emitter, t: number, params: FuncType["params"]): void {
    params.forEach((p, i) => {
      this.loadT(e, t, T.stack)
        .loadValue(p, this.m, BUFFER.frames + 8 * i);
    });
  }

  /**
   * `resumeThread(t)`: rewinds suspended task `t` the way its buffer says.
   * A thread adapter that finishes resolves its subtask RETURNED; a callback
   * task's call (its start or a callback) that finishes hands its code to
   * `after`, as if it had never blocked. `created` handles threads that
   * `thread.new-indirect` made (`threads.ts`).
   */
  resumeThread(funcs: {
    startRewind: number;
    dispatchResume: number;
    dispatchThunk: number;
    dispatchCallbackStart: number;
    after: number;
    lockOf: number;
    stopUnwind: number;
    deliver: number;
  }, created?: (e: Emitter, saved: Running) => void): Generated {
    const e = new Emitter([I32]);
    const how = e.local(I32), code = e.local(I32);
    const saved = this.enter(e, 0);
    this.storeT(e, 0, T.wait, (e) => e.i32Const(0));
    // A `thread.new-indirect` thread (`threads.ts`) starts or rewinds its own way.
    created?.(e, saved);
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
    e.localGet(how).i32Const(RESUME_CALLBACK).op(0x6b).localGet(0).i32Const(0)
      .call(funcs.dispatchCallbackStart);
    e.end().localSet(code);
    this.restoreRunning(e, saved);
    this.ifUnwound(e, funcs.stopUnwind, () => e.op(0x0f));
    this.freeLock(e, (e) => this.loadT(e, 0, T.thunk).call(funcs.lockOf));
    this.freeBuffer(e, 0);
    e.localGet(0).localGet(code).call(funcs.after);
    return this.gen({ params: [I32], results: [] }, e, `${CATCH_PREFIX}resume`);
  }

  /**
   * A callback task's call (`dispatchThunk`'s arguments, or one start's
   * `(task, params…)`) run as the task's own stack, holding its instance's
   * lock (`lockAt` pushes the address): when it blocks, the stack is
   * suspended (the buffer says how to rewind it: `how`) and the call gives
   * {@linkcode SUSPENDED}; otherwise its code.
   */
  private callbackCall(
    e: Emitter,
    t: number,
    call: () => void,
    how: number,
    lockAt: (e: Emitter) => void,
    stopUnwind: number,
    returned?: { state: number; deliver: number },
  ): void {
    const code = e.local(I32);
    this.takeLock(e, t, lockAt);
    const saved = this.enter(e, t);
    call();
    e.localSet(code);
    this.restoreRunning(e, saved);
    this.ifUnwound(e, stopUnwind, () => {
      this.loadT(e, t, T.stack).i32Const(how).store(I32, 4, this.m, BUFFER.resume);
      if (returned) {
        // It called task.return before it blocked: its caller has the value now, as in the spec
        // (the task call, suspended, would hand it over only when it returns).
        e.globalGet(returned.state).i32Const(2).op(0x46);
        this.loadT(e, t, T.state).i32Const(1).op(0x46).op(0x71).if();
        this.storeT(e, t, T.state, (e) => e.i32Const(2));
        e.localGet(t).call(returned.deliver);
        e.end();
      }
      e.i32Const(SUSPENDED).op(0x0f);
    });
    this.freeLock(e, lockAt);
    this.freeBuffer(e, t);
    e.localGet(code);
  }

  /**
   * `runCallback(thunk, t, event, p1, p2) -> code`: `dispatchThunk` as task
   * `t`'s stack (`step` called it only with the instance free for `t`).
   */
  runCallback(funcs: { dispatchThunk: number; lockOf: number; stopUnwind: number }): Generated {
    const e = new Emitter([I32, I32, I32, I32, I32]);
    this.callbackCall(
      e,
      1,
      () => e.forwardParams().call(funcs.dispatchThunk),
      RESUME_CALLBACK,
      (e) => e.localGet(0).call(funcs.lockOf),
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
   * as the task's own stack; `id` is how a resume finds it again. While
   * another task is inside the instance (`lock`, an address), the start
   * waits with its arguments kept: {@linkcode STARTING}.
   */
  callbackStart(o: {
    type: FuncType;
    start: number;
    id: number;
    lock: number;
    stopUnwind: number;
    /** The owner's task-state global, and `deliver`: a start that returned, then blocked. */
    returned?: { state: number; deliver: number };
    /** `promoteHolder`: a thread holding the lock that can go on runs first. */
    promoteHolder?: number;
  }): Generated {
    const e = new Emitter(o.type.params);
    const lockAt = (e: Emitter) => e.i32Const(o.lock);
    if (o.promoteHolder !== undefined) e.i32Const(o.lock).localGet(0).call(o.promoteHolder);
    this.entryFreeFor(e, 0, lockAt);
    e.op(0x45).if();
    this.ensureBuffer(e, 0);
    this.saveArgs(e, 0, o.type.params.slice(1), 1);
    this.loadT(e, 0, T.stack).i32Const(RESUME_CALLBACK + o.id)
      .store(I32, 4, this.m, BUFFER.resume);
    this.storeT(e, 0, T.wait, (e) => e.i32Const(4));
    this.storeT(e, 0, T.set, (e) => e.i32Const(o.lock));
    e.i32Const(STARTING).op(0x0f);
    e.end();
    this.callbackCall(
      e,
      0,
      () => e.forwardParams().call(o.start),
      RESUME_CALLBACK + o.id,
      lockAt,
      o.stopUnwind,
      o.returned,
    );
    return this.gen(o.type, e, `${CATCH_PREFIX}callback-start`);
  }

  /**
   * `promoteHolder(lock, t)`: before task `t` decides it must wait for the
   * instance whose lock word is at `lock`, a suspended thread holding the
   * lock that can go on runs now, on this stack, so that a task that only
   * waits for its own copy or wait to finish leaves the instance first (the
   * reference implementation's order: `sync-streams`).
   */
  promoteHolder(funcs: { resumeThread: number; startThread: number; setReady: number }): Generated {
    const e = new Emitter([I32, I32]);
    const holder = e.local(I32);
    e.localGet(0).load(I32, 4, false, this.m, 0).localTee(holder).op(0x45).op(0x45);
    e.localGet(holder).localGet(1).op(0x47).op(0x71).if();
    this.loadT(e, holder, T.wait).if();
    this.loadT(e, holder, T.stack).if();
    this.threadReady(e, holder, funcs.setReady);
    e.if();
    this.goOn(e, holder, funcs.startThread, funcs.resumeThread);
    e.end();
    e.end();
    e.end();
    e.end();
    return this.gen({ params: [I32, I32], results: [] }, e, `${CATCH_PREFIX}promote-holder`);
  }

  /**
   * `dispatchCallbackStart(id, t, kept) -> code`: start `id` of task `t`,
   * with the arguments it kept (`kept` 1) or zeros (a rewind restores its
   * locals).
   */
  dispatchCallbackStart(starts: { index: number; type: FuncType }[]): Generated {
    const e = new Emitter([I32, I32, I32]);
    starts.forEach((s, k) => {
      const params = s.type.params.slice(1);
      e.localGet(0).i32Const(k + 1).op(0x46).if();
      e.localGet(2).if();
      e.localGet(1);
      this.loadArgs(e, 1, params);
      e.call(s.index).op(0x0f);
      e.end();
      e.localGet(1);
      for (const p of params) e.zero(p);
      e.call(s.index).op(0x0f).end();
    });
    e.unreachable();
    return this.gen(
      { params: [I32, I32, I32], results: [I32] },
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
