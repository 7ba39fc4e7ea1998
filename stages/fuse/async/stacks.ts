/**
 * Threads: tasks that block with their stack, inside the fused module.
 *
 * A task lifted without a callback (a sync lift, or `async` without one)
 * runs on a stack of its own when an async lower starts it: if it blocks
 * (`waitable-set.wait`, a sync call into an async callee, `thread.yield`),
 * its whole stack is suspended and its caller gets STARTED; the scheduler
 * resumes it when what it waits for happens.
 *
 * Core wasm has no stack switching, so the fused module is transformed by
 * binaryen's Asyncify (`asyncify.ts`): a suspend unwinds the thread's frames
 * into its stack buffer (a region after the scheduler's records), and a
 * resume rewinds them. Where an unwind stops is the code here:
 *
 * - the **starter** an async lower calls instead of the adapter: it runs the
 *   adapter as a new thread and, when the thread suspended, turns it into a
 *   subtask (STARTED);
 * - **resume**, which the scheduler's `step` calls for a suspended thread
 *   that can go on: it rewinds the thread's adapter (dispatched by id) and,
 *   once the thread finished, resolves its subtask (RETURNED).
 *
 * These are the functions Asyncify leaves alone (their names start with
 * {@linkcode CATCH_PREFIX}); everything that can run inside a thread is
 * instrumented. `block(kind, arg)` records what the running thread waits for
 * and calls the suspend placeholder, which `asyncify.ts` replaces with the
 * real unwind / rewind. A task with no thread of its own (a callback, the
 * host's call) still blocks the old way: it runs other tasks on its stack.
 *
 * @module
 */
import { Emitter } from "../abi/emitter.ts";
import type { Generated } from "../abi/handles.ts";
import { I32 } from "../../../wasm/abi/mod.ts";
import type { FuncType } from "../../../wasm/module/mod.ts";
import { EntryCode } from "./scheduler_entry.ts";
import { H, stacksBase, T, W } from "./scheduler_records.ts";

/** Names of the functions an unwind stops at: Asyncify does not instrument them. */
export const CATCH_PREFIX = "dissolve-stack-catch:";
/** The placeholders `asyncify.ts` replaces, by name. */
export const STACK_PLACEHOLDERS = {
  /** `(data)`: unwinds the running thread into its buffer, or ends a rewind. */
  suspend: "dissolve-stack:suspend",
  /** `()`: an unwind reached its catcher. */
  stopUnwind: "dissolve-stack:stop-unwind",
  /** `(data)`: the next call rewinds the thread saved at `data`. */
  startRewind: "dissolve-stack:start-rewind",
} as const;
/** Bytes before a buffer's Asyncify data: the owning task (0: free). */
const OWNER = 4;
/** Where a thread waiting to enter keeps its arguments (8 bytes each) in its buffer. */
const ARGS = OWNER + 8;
/**
 * Bytes at the end of each buffer where a callback callee's results wait for
 * the thread that called it synchronously (task.return's slots, 8 bytes each).
 */
export const RESULT_AREA = 128;

/** An adapter run as a thread: its final index, core type and its instance's lock global. */
export interface ThreadAdapter {
  index: number;
  type: FuncType;
  lock?: number;
}

/**
 * The stack-switching code of the scheduler.
 *
 * @example
 * ```ts
 * import { StackCode } from "./stacks.ts";
 * const code = new StackCode({ memory: 0, base: 4096, tasks: 4, waitables: 8, stacks: 2, stackBytes: 512 });
 * console.log(code.block(0).type); // { params: [127, 127], results: [] }
 * ```
 */
export class StackCode extends EntryCode {
  private get stacks(): number {
    return this.site.stacks ?? 0;
  }
  private get stackBytes(): number {
    return this.site.stackBytes ?? 0;
  }
  /** Address of stack buffer `k` (a local) in the scheduler's memory. */
  private buffer(e: Emitter, k: number): Emitter {
    return e.localGet(k).i32Const(this.stackBytes).op(0x6c)
      .i32Const(this.site.base + stacksBase(this.site)).op(0x6a);
  }

  /** A placeholder `asyncify.ts` replaces (its body only traps). */
  placeholder(which: keyof typeof STACK_PLACEHOLDERS): Generated {
    const e = new Emitter(which === "stopUnwind" ? [] : [I32]);
    e.unreachable();
    return this.gen(
      { params: which === "stopUnwind" ? [] : [I32], results: [] },
      e,
      STACK_PLACEHOLDERS[which],
    );
  }

  /**
   * `block(kind, arg)`: the running thread waits (`T.stack`'s kinds) and
   * suspends; it returns once the thread was resumed, and the caller checks
   * again what it waited for.
   */
  block(suspend: number): Generated {
    const e = new Emitter([I32, I32]);
    const t = e.local(I32), data = e.local(I32);
    this.header(e, H.thread).localSet(t);
    this.storeT(e, t, T.wait, (e) => e.localGet(0));
    this.storeT(e, t, T.set, (e) => e.localGet(1));
    // Asyncify's data: [next free byte, end] at the buffer, after its owner word.
    this.loadT(e, t, T.stack).i32Const(OWNER).op(0x6a).localTee(data);
    e.localGet(data).i32Const(8).op(0x6a).store(I32, 4, this.m, 0);
    e.localGet(data);
    this.loadT(e, t, T.stack).i32Const(this.stackBytes - RESULT_AREA).op(0x6a)
      .store(I32, 4, this.m, 4);
    // The catcher sees the flag once the stack unwound (a rewind does not run this again).
    this.setHeader(e, H.unwinding, (e) => e.i32Const(1));
    e.localGet(data).call(suspend);
    return this.gen({ params: [I32, I32], results: [] }, e, "async:block");
  }

  /** `resultArea() -> address`: the running thread's result area, 0 on the host's stack. */
  resultArea(): Generated {
    const e = new Emitter([]);
    const t = e.local(I32);
    this.header(e, H.thread).localTee(t).ifTyped(I32);
    this.loadT(e, t, T.stack).i32Const(this.stackBytes - RESULT_AREA).op(0x6a);
    e.else().i32Const(0).end();
    return this.gen({ params: [], results: [I32] }, e, "async:result-area");
  }

  /** Takes a free stack buffer for task `t` (a local); none free traps. */
  private takeBuffer(e: Emitter, t: number): void {
    const k = e.local(I32), at = e.local(I32);
    e.block().loop();
    e.localGet(k).i32Const(this.stacks).op(0x4f).if().unreachable().end(); // every buffer in use
    this.buffer(e, k).localTee(at).load(I32, 4, false, this.m, 0).op(0x45).brIf(1);
    e.localGet(k).i32Const(1).op(0x6a).localSet(k).br(0);
    e.end().end();
    e.localGet(at).localGet(t).store(I32, 4, this.m, 0);
    this.storeT(e, t, T.stack, (e) => e.localGet(at));
  }

  /** Frees task `t`'s buffer and record (the thread finished). */
  private endThread(e: Emitter, t: number): void {
    this.loadT(e, t, T.stack).i32Const(0).store(I32, 4, this.m, 0);
    this.storeT(e, t, T.stack, (e) => e.i32Const(0));
    this.storeT(e, t, T.state, (e) => e.i32Const(0));
  }

  /**
   * Saves the running thread and task into locals and makes `t` both; returns the locals, which
   * {@linkcode restoreRunning} puts back.
   */
  private enter(e: Emitter, t: number): [number, number] {
    const thread = e.local(I32), current = e.local(I32);
    this.header(e, H.thread).localSet(thread);
    this.header(e, H.current).localSet(current);
    this.setHeader(e, H.thread, (e) => e.localGet(t));
    this.setHeader(e, H.current, (e) => e.localGet(t));
    return [thread, current];
  }
  private restoreRunning(e: Emitter, [thread, current]: [number, number]): void {
    this.setHeader(e, H.thread, (e) => e.localGet(thread));
    this.setHeader(e, H.current, (e) => e.localGet(current));
  }
  /** If the call just made unwound: ends the unwind, then runs `then`. */
  private ifUnwound(e: Emitter, stopUnwind: number, then: () => void): void {
    this.header(e, H.unwinding).if();
    this.setHeader(e, H.unwinding, (e) => e.i32Const(0));
    e.call(stopUnwind);
    then();
    e.end();
  }

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
          ARGS + 8 * i,
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
          ARGS + 8 * i,
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
   * `resumeThread(t)`: rewinds suspended thread `t` (its adapter, by id);
   * when it finishes, its subtask resolves RETURNED.
   */
  resumeThread(
    funcs: { startRewind: number; dispatchResume: number; stopUnwind: number; deliver: number },
  ): Generated {
    const e = new Emitter([I32]);
    const saved = this.enter(e, 0);
    this.storeT(e, 0, T.wait, (e) => e.i32Const(0));
    this.loadT(e, 0, T.stack).i32Const(OWNER).op(0x6a).call(funcs.startRewind);
    this.loadT(e, 0, T.thunk).call(funcs.dispatchResume);
    this.restoreRunning(e, saved);
    this.ifUnwound(e, funcs.stopUnwind, () => e.op(0x0f));
    this.storeT(e, 0, T.state, (e) => e.i32Const(2));
    e.localGet(0).call(funcs.deliver);
    this.endThread(e, 0);
    return this.gen({ params: [I32], results: [] }, e, `${CATCH_PREFIX}resume`);
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

  /**
   * In `step`: whether suspended thread `t` (a local) can go on — yielded,
   * its set has an event, or the task it waits for resolved — left on the
   * stack as an i32.
   */
  threadReady(e: Emitter, t: number, setReady: number): void {
    const kind = e.local(I32);
    this.loadT(e, t, T.wait).localTee(kind).i32Const(1).op(0x46);
    e.localGet(kind).i32Const(2).op(0x46).ifTyped(I32);
    this.loadT(e, t, T.set).call(setReady).op(0x45).op(0x45);
    e.else();
    e.localGet(kind).i32Const(3).op(0x4f).ifTyped(I32); // 3: a task resolved; 4: the lock's holder
    const waited = e.local(I32);
    this.loadT(e, t, T.set).localSet(waited);
    this.loadT(e, waited, T.state).i32Const(1).op(0x47);
    e.else().i32Const(0).end();
    e.end();
    e.op(0x72);
  }
}
