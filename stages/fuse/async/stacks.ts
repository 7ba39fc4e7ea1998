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
 * {@linkcode CATCH_PREFIX}, `stack_catchers.ts`); everything that can run
 * inside a thread is instrumented. A callback task's start and each of its
 * callbacks run the same way, so a callback that blocks synchronously (a
 * sync call into an async callee) suspends its task, not the scheduler. `block(kind, arg)` records what the running thread waits for
 * and calls the suspend placeholder, which `asyncify.ts` replaces with the
 * real unwind / rewind. Code on the host's stack (its call into a sync
 * export) still blocks the old way: it runs other tasks on that stack.
 *
 * @module
 */
import { Emitter } from "../abi/emitter.ts";
import type { Generated } from "../abi/handles.ts";
import { I32 } from "../../../wasm/abi/mod.ts";
import type { FuncType } from "../../../wasm/module/mod.ts";
import { EntryCode } from "./scheduler_entry.ts";
import {
  H,
  stacksBase,
  T,
  W,
  WAIT_SET_CANCELLABLE,
  WAIT_YIELD_CANCELLABLE,
} from "./scheduler_records.ts";

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
/**
 * A stack buffer: the owning task (0: free), how a resume rewinds it
 * ({@linkcode RESUME_ADAPTER}, {@linkcode RESUME_CALLBACK}, or a callback
 * start's id + 1), Asyncify's data (`[next free byte, end]`), then the saved
 * frames — or, for a thread waiting to enter, its arguments (8 bytes each).
 */
export const BUFFER = { owner: 0, resume: 4, data: 8, frames: 16 } as const;
/**
 * Offset, from an instance's lock word, of its backpressure counter
 * (`backpressure.inc` / `.dec`): while it is not 0, no new task starts there.
 */
export const BACKPRESSURE = 4;
/** A thread adapter: rewound by `dispatchResume` (the task's `thunk`). */
export const RESUME_ADAPTER = 0;
/** A callback task suspended in a callback: rewound through `dispatchThunk`. */
export const RESUME_CALLBACK = 1;
/** The code a catcher returns for a task whose stack it suspended (`after` ignores it). */
export const SUSPENDED = -1;
/** The code a catcher returns for a task waiting for its instance to start (`after` ignores it). */
export const STARTING = -2;
/**
 * Bytes at the end of each buffer where a callback callee's results wait for
 * the thread that called it synchronously (task.return's slots, 8 bytes each).
 */
export const RESULT_AREA = 128;

/** An adapter run as a thread: its final index, core type and its instance's lock (address). */
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
/**
 * What {@linkcode StackCode.enter} saved while task `t` runs: the running
 * thread and task, and the context slots its instance's threads trade.
 */
export interface Running {
  thread: number;
  current: number;
  t: number;
  context: number[];
}

export class StackCode extends EntryCode {
  protected get stacks(): number {
    return this.site.stacks ?? 0;
  }
  protected get stackBytes(): number {
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
   * again what it waited for. A task that never blocked before gets its
   * stack buffer now.
   */
  block(suspend: number): Generated {
    const e = new Emitter([I32, I32]);
    const t = e.local(I32), buf = e.local(I32);
    this.header(e, H.thread).localSet(t);
    this.storeT(e, t, T.wait, (e) => e.localGet(0));
    this.storeT(e, t, T.set, (e) => e.localGet(1));
    this.ensureBuffer(e, t);
    this.loadT(e, t, T.stack).localTee(buf);
    e.localGet(buf).i32Const(BUFFER.frames).op(0x6a).store(I32, 4, this.m, BUFFER.data);
    e.localGet(buf);
    e.localGet(buf).i32Const(this.stackBytes - RESULT_AREA).op(0x6a)
      .store(I32, 4, this.m, BUFFER.data + 4);
    // The catcher sees the flag once the stack unwound (a rewind does not run this again).
    this.setHeader(e, H.unwinding, (e) => e.i32Const(1));
    e.localGet(buf).i32Const(BUFFER.data).op(0x6a).call(suspend);
    return this.gen({ params: [I32, I32], results: [] }, e, "async:block");
  }

  /** Task `t` (a local) gets a stack buffer unless it has one. */
  protected ensureBuffer(e: Emitter, t: number): void {
    this.loadT(e, t, T.stack).op(0x45).if();
    this.takeBuffer(e, t);
    e.end();
  }

  /** `resultArea() -> address`: the running thread's result area, 0 on the host's stack. */
  resultArea(): Generated {
    const e = new Emitter([]);
    const t = e.local(I32);
    this.header(e, H.thread).localTee(t).ifTyped(I32);
    this.ensureBuffer(e, t);
    this.loadT(e, t, T.stack).i32Const(this.stackBytes - RESULT_AREA).op(0x6a);
    e.else().i32Const(0).end();
    return this.gen({ params: [], results: [I32] }, e, "async:result-area");
  }

  /** Takes a free stack buffer for task `t` (a local); none free traps. */
  protected takeBuffer(e: Emitter, t: number): void {
    const k = e.local(I32), at = e.local(I32);
    e.block().loop();
    e.localGet(k).i32Const(this.stacks).op(0x4f).if().unreachable().end(); // every buffer in use
    this.buffer(e, k).localTee(at).load(I32, 4, false, this.m, 0).op(0x45).brIf(1);
    e.localGet(k).i32Const(1).op(0x6a).localSet(k).br(0);
    e.end().end();
    e.localGet(at).localGet(t).store(I32, 4, this.m, BUFFER.owner);
    e.localGet(at).i32Const(RESUME_ADAPTER).store(I32, 4, this.m, BUFFER.resume);
    this.storeT(e, t, T.stack, (e) => e.localGet(at));
  }

  /** Gives task `t`'s buffer back, if it has one. */
  protected freeBuffer(e: Emitter, t: number): void {
    this.loadT(e, t, T.stack).if();
    this.loadT(e, t, T.stack).i32Const(0).store(I32, 4, this.m, BUFFER.owner);
    this.storeT(e, t, T.stack, (e) => e.i32Const(0));
    e.end();
  }

  /**
   * In `subtask.cancel`: task `t` (a local) still waiting to start (`T.wait`
   * 4) never runs: its buffer and record are freed and its subtask `w`
   * resolves CANCELLED_BEFORE_STARTED (3), which `subtask.cancel` returns. One
   * suspended in a cancellable wait or yield is resumed at once.
   */
  cancelWaiting(
    e: Emitter,
    t: number,
    w: number,
    funcs: { resumeThread: number; releaseLends?: number },
  ): void {
    const kind = e.local(I32);
    this.loadT(e, t, T.wait).localTee(kind).i32Const(4).op(0x46).if();
    this.endThread(e, t);
    this.storeW(e, w, W.p2, (e) => e.i32Const(3));
    this.storeW(e, w, W.resolved, (e) => e.i32Const(1));
    if (funcs.releaseLends !== undefined) e.localGet(w).call(funcs.releaseLends);
    e.i32Const(3).op(0x0f);
    e.end();
    // Suspended in a cancellable wait or yield: it hears the cancellation now, on this stack.
    e.localGet(kind).i32Const(WAIT_SET_CANCELLABLE).op(0x46);
    e.localGet(kind).i32Const(WAIT_YIELD_CANCELLABLE).op(0x46).op(0x72);
    this.loadT(e, t, T.stack).op(0x45).op(0x45).op(0x71).if();
    e.localGet(t).call(funcs.resumeThread);
    e.end();
  }

  /** Frees task `t`'s buffer and record (the thread finished). */
  protected endThread(e: Emitter, t: number): void {
    this.freeBuffer(e, t);
    this.storeT(e, t, T.state, (e) => e.i32Const(0));
  }

  /**
   * Saves the running thread and task into locals and makes `t` both; returns the locals, which
   * {@linkcode restoreRunning} puts back.
   */
  protected enter(e: Emitter, t: number): Running {
    const thread = e.local(I32), current = e.local(I32);
    this.header(e, H.thread).localSet(thread);
    this.header(e, H.current).localSet(current);
    this.setHeader(e, H.thread, (e) => e.localGet(t));
    this.setHeader(e, H.current, (e) => e.localGet(t));
    // A thread of an instance that switches brings its own context slots.
    const context = this.threadSlots().map(([instance, slot, g]) => {
      const kept = e.local(I32);
      this.ifThreadOf(e, t, instance);
      e.globalGet(g).localSet(kept);
      this.loadT(e, t, slot === 0 ? T.ctx0 : T.ctx1).globalSet(g);
      e.end();
      return kept;
    });
    return { thread, current, t, context };
  }
  protected restoreRunning(e: Emitter, { thread, current, t, context }: Running): void {
    this.setHeader(e, H.thread, (e) => e.localGet(thread));
    this.setHeader(e, H.current, (e) => e.localGet(current));
    this.threadSlots().forEach(([instance, slot, g], k) => {
      this.ifThreadOf(e, t, instance);
      this.storeT(e, t, slot === 0 ? T.ctx0 : T.ctx1, (e) => e.globalGet(g));
      e.localGet(context[k]).globalSet(g);
      e.end();
    });
  }
  /** Each context slot of an instance whose threads switch: its instance, slot and global. */
  private threadSlots(): [instance: number, slot: number, global: number][] {
    return (this.site.threadContexts ?? []).flatMap((c) =>
      c.globals.map(([slot, g]): [number, number, number] => [c.instance, slot, g])
    );
  }
  /** Opens an `if` taken when task `t` (a local) is a thread of the instance locked at `instance`. */
  private ifThreadOf(e: Emitter, t: number, instance: number): void {
    this.loadT(e, t, T.instance).i32Const(instance).op(0x46).if();
  }
  /** If the call just made unwound: ends the unwind, then runs `then`. */
  protected ifUnwound(e: Emitter, stopUnwind: number, then: () => void): void {
    this.header(e, H.unwinding).if();
    this.setHeader(e, H.unwinding, (e) => e.i32Const(0));
    e.call(stopUnwind);
    then();
    e.end();
  }

  /**
   * In `step`: whether suspended thread `t` (a local) can go on — yielded,
   * its set has an event, the task it waits for resolved, or (waiting to
   * start, 4, or to enter, 5) the instance lock at `T.set` is free, or (6) the
   * stream / future end `T.set` has its event — left on the stack as an i32.
   */
  threadReady(e: Emitter, t: number, setReady: number): void {
    const kind = e.local(I32), waited = e.local(I32);
    // 1: yielded, 9: yielded cancellably (`scheduler_builtins.ts`).
    this.loadT(e, t, T.wait).localTee(kind).i32Const(1).op(0x46);
    e.localGet(kind).i32Const(WAIT_YIELD_CANCELLABLE).op(0x46).op(0x72);
    // 2: an event of set `T.set`; 8: that, or (a cancellable wait) a cancellation asked for.
    e.localGet(kind).i32Const(2).op(0x46);
    e.localGet(kind).i32Const(WAIT_SET_CANCELLABLE).op(0x46).op(0x72).ifTyped(I32);
    this.loadT(e, t, T.set).call(setReady).op(0x45).op(0x45);
    e.localGet(kind).i32Const(WAIT_SET_CANCELLABLE).op(0x46);
    this.loadT(e, t, T.cancel).i32Const(1).op(0x46).op(0x71).op(0x72);
    e.else();
    e.localGet(kind).i32Const(3).op(0x46).ifTyped(I32);
    this.loadT(e, t, T.set).localSet(waited);
    this.loadT(e, waited, T.state).i32Const(1).op(0x47);
    e.else();
    e.localGet(kind).i32Const(6).op(0x46).ifTyped(I32); // 6: a sync copy's end has its event
    this.loadT(e, t, T.set).localSet(waited);
    this.loadW(e, waited, W.event).i32Const(0).op(0x47);
    e.else();
    // 4: to start (no backpressure either), 5: to go on (7, suspended by `thread.*`, waits for
    // a switch or resume-later).
    e.localGet(kind).i32Const(4).op(0x6b).i32Const(1).op(0x4d).ifTyped(I32);
    this.loadT(e, t, T.set).load(I32, 4, false, this.m, 0).op(0x45);
    e.localGet(kind).i32Const(4).op(0x46).ifTyped(I32);
    this.loadT(e, t, T.set).load(I32, 4, false, this.m, BACKPRESSURE).op(0x45);
    e.else().i32Const(1).end();
    e.op(0x71);
    e.else().i32Const(0).end();
    e.end();
    e.end();
    e.end();
    e.op(0x72);
  }

  /**
   * Pushes whether task `t` (a local) may run core code in its instance now:
   * the instance's lock (`lockAt` pushes its address, 0 for none) is free or
   * held by `t` itself.
   */
  lockFreeFor(e: Emitter, t: number, lockAt: (e: Emitter) => void): void {
    const at = e.local(I32), holder = e.local(I32);
    lockAt(e);
    e.localTee(at).ifTyped(I32);
    e.localGet(at).load(I32, 4, false, this.m, 0).localTee(holder).op(0x45);
    e.localGet(holder).localGet(t).op(0x46).op(0x72);
    e.else().i32Const(1).end();
  }

  /**
   * Pushes whether task `t` (a local) may start in the instance whose lock
   * word `lockAt` pushes: the lock is free for it and the instance's
   * backpressure counter (the word after the lock) is 0.
   */
  entryFreeFor(e: Emitter, t: number, lockAt: (e: Emitter) => void): void {
    const at = e.local(I32);
    this.lockFreeFor(e, t, (e) => {
      lockAt(e);
      e.localTee(at);
    });
    e.localGet(at).ifTyped(I32);
    e.localGet(at).load(I32, 4, false, this.m, BACKPRESSURE).op(0x45);
    e.else().i32Const(1).end();
    e.op(0x71);
  }

  /** Pushes task `t`'s (a local) thunk. */
  loadThunk(e: Emitter, t: number): Emitter {
    return this.loadT(e, t, T.thunk);
  }

  /** Takes the lock at the address `lockAt` pushes (none: 0) for task `t`. */
  protected takeLock(e: Emitter, t: number, lockAt: (e: Emitter) => void): void {
    const at = e.local(I32);
    lockAt(e);
    e.localTee(at).if().localGet(at).localGet(t).store(I32, 4, this.m, 0).end();
  }

  /** Frees the lock at the address `lockAt` pushes (none: 0). */
  protected freeLock(e: Emitter, lockAt: (e: Emitter) => void): void {
    const at = e.local(I32);
    lockAt(e);
    e.localTee(at).if().localGet(at).i32Const(0).store(I32, 4, this.m, 0).end();
  }

  /**
   * `lockAcquire(address, t)`: task `t` takes the instance lock at `address`
   * for a synchronous call into the instance, once it is free. Meanwhile a
   * thread suspends (waiting 5); the host's stack runs the other tasks.
   */
  lockAcquire(funcs: { block: number; step: number }): Generated {
    const e = new Emitter([I32, I32]);
    const holder = e.local(I32), n = e.local(I32);
    e.block().loop();
    e.localGet(0).load(I32, 4, false, this.m, 0).localTee(holder).op(0x45).brIf(1);
    e.localGet(holder).localGet(1).op(0x46).brIf(1);
    this.header(e, H.thread).if();
    e.i32Const(5).localGet(0).call(funcs.block).br(1);
    e.end();
    e.call(funcs.step).op(0x45).if().unreachable().end(); // deadlock: nothing can run
    this.livelock(e, n);
    e.br(0).end().end();
    e.localGet(0).localGet(1).store(I32, 4, this.m, 0);
    return this.gen({ params: [I32, I32], results: [] }, e, "async:lock-acquire");
  }

  /** `lockOf(thunk) -> address`: the lock of the instance whose callback `thunk` is (0: none). */
  lockOf(locks: number[]): Generated {
    const e = new Emitter([I32]);
    locks.forEach((at, k) => {
      e.localGet(0).i32Const(k + 1).op(0x46).if().i32Const(at).op(0x0f).end();
    });
    e.i32Const(0);
    return this.gen({ params: [I32], results: [I32] }, e, "async:lock-of");
  }
}
