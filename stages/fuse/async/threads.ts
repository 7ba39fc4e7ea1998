/**
 * Cooperative threads a component creates and switches between itself
 * (`thread.new-indirect`, `thread.suspend`, `thread.resume-later`,
 * `thread.yield-then-resume`, `thread.suspend-then-resume`), on the stack
 * machinery of `stacks.ts`.
 *
 * A thread is a task record with a stack buffer: `thunk` holds its start
 * function's table index, the buffer's `resume` field the negated id of its
 * table (how `dispatchThreadStart` calls it), and its closure argument waits
 * in the buffer until the first resume. It starts suspended
 * ({@linkcode WAIT_SUSPENDED}): no event makes it ready, only a switch to it
 * or `thread.resume-later`. A switch marks the target ready, points the
 * scheduler's round-robin cursor at it, and suspends the running thread, so
 * the target is the next thread `step` resumes.
 *
 * The host's call into a sync export of a component that uses these
 * built-ins runs as a thread too ({@linkcode ThreadCode.syncHostEntry}): it
 * can switch away and be switched back to; while it is suspended the entry
 * runs the scheduler, and a call that can no longer return traps.
 *
 * @module
 */
import { Emitter } from "../abi/emitter.ts";
import type { Generated } from "../abi/handles.ts";
import { I32 } from "../../../wasm/abi/mod.ts";
import type { FuncType } from "../../../wasm/module/mod.ts";
import { H, RETURN_AREA, T, WAIT_SUSPENDED } from "./scheduler_records.ts";
import { CatcherCode } from "./stack_catchers.ts";
import { BUFFER, CATCH_PREFIX, type Running } from "./stacks.ts";

/** The core type of a thread's start function (`thread.new-indirect`'s `$ft`). */
export const THREAD_START_TYPE: FuncType = { params: [I32], results: [] };

/**
 * The code of the `thread.*` built-ins and the host's entry into a sync
 * export run as a thread.
 *
 * @example
 * ```ts
 * import { ThreadCode } from "./threads.ts";
 * const code = new ThreadCode({ memory: 0, base: 4096, tasks: 4, waitables: 8, stacks: 2, stackBytes: 512 });
 * console.log(code.threadResumeLater().type); // { params: [127], results: [] }
 * ```
 */
export class ThreadCode extends CatcherCode {
  /**
   * `thread.new-indirect(fi, c) -> index`: a new thread of the instance whose
   * lock word is at `instance`, suspended, that calls `fi` of the table with
   * id `startId` with `c` when first resumed. It takes a stack buffer only
   * when it first blocks.
   */
  threadNew(startId: number, instance: number, taskNew: number): Generated {
    const e = new Emitter([I32, I32]);
    const t = e.local(I32);
    e.localGet(0).i32Const(0).i32Const(0).i32Const(0).call(taskNew).localSet(t);
    this.storeT(e, t, T.set, (e) => e.localGet(1));
    this.storeT(e, t, T.start, (e) => e.i32Const(startId));
    this.storeT(e, t, T.instance, (e) => e.i32Const(instance));
    this.storeT(e, t, T.wait, (e) => e.i32Const(WAIT_SUSPENDED));
    e.localGet(t);
    return this.gen({ params: [I32, I32], results: [I32] }, e, "thread.new-indirect");
  }

  /**
   * `backpressure.inc` (`up`) / `.dec` on the counter at `at`: a decrement
   * below 0 traps. The scheduler starts the tasks that waited once it is 0.
   */
  backpressure(up: boolean, at: number): Generated {
    const e = new Emitter([]);
    if (!up) e.i32Const(at).load(I32, 4, false, this.m, 0).op(0x45).if().unreachable().end();
    e.i32Const(at).i32Const(at).load(I32, 4, false, this.m, 0).i32Const(up ? 1 : -1).op(0x6a)
      .store(I32, 4, this.m, 0);
    return this.gen({ params: [], results: [] }, e, up ? "backpressure.inc" : "backpressure.dec");
  }

  /** Traps unless `i` (a local) is a live thread suspended by a `thread.*` built-in. */
  private checkSuspended(e: Emitter, i: number): void {
    e.localGet(i).i32Const(1).op(0x6b).i32Const(this.site.tasks).op(0x4f).if().unreachable().end();
    this.loadT(e, i, T.state).op(0x45).if().unreachable().end();
    this.loadT(e, i, T.wait).i32Const(WAIT_SUSPENDED).op(0x47).if().unreachable().end();
  }

  /** `thread.resume-later(i)`: suspended thread `i` becomes ready; the running one goes on. */
  threadResumeLater(): Generated {
    const e = new Emitter([I32]);
    this.checkSuspended(e, 0);
    this.storeT(e, 0, T.wait, (e) => e.i32Const(1));
    return this.gen({ params: [I32], results: [] }, e, "thread.resume-later");
  }

  /**
   * `thread.yield-then-resume(i)` / `thread.suspend-then-resume(i)`: thread
   * `i` runs next; the running thread stays ready (yield) or suspended. Never
   * cancelled (returns 0).
   */
  threadSwitch(yields: boolean, block: number): Generated {
    const e = new Emitter([I32]);
    this.checkSuspended(e, 0);
    this.storeT(e, 0, T.wait, (e) => e.i32Const(1));
    // `step` tries cursor + 1 first (`scheduler.ts`).
    this.setHeader(e, H.cursor, (e) => e.localGet(0).i32Const(this.site.tasks - 2).op(0x6a));
    this.suspendRunning(e, yields ? 1 : WAIT_SUSPENDED, block);
    e.i32Const(0);
    const name = yields ? "thread.yield-then-resume" : "thread.suspend-then-resume";
    return this.gen({ params: [I32], results: [I32] }, e, name);
  }

  /**
   * `thread.yield-then-promote(i)` / `thread.suspend-then-promote(i)`: as
   * the switches when thread `i` is ready (it runs next), else a plain yield
   * / suspend. Never cancelled (returns 0).
   */
  threadPromote(yields: boolean, block: number): Generated {
    const e = new Emitter([I32]);
    e.localGet(0).i32Const(1).op(0x6b).i32Const(this.site.tasks).op(0x4f).if().unreachable().end();
    this.loadT(e, 0, T.state).op(0x45).if().unreachable().end();
    this.loadT(e, 0, T.wait).i32Const(1).op(0x46).if();
    this.setHeader(e, H.cursor, (e) => e.localGet(0).i32Const(this.site.tasks - 2).op(0x6a));
    e.end();
    this.suspendRunning(e, yields ? 1 : WAIT_SUSPENDED, block);
    e.i32Const(0);
    const name = yields ? "thread.yield-then-promote" : "thread.suspend-then-promote";
    return this.gen({ params: [I32], results: [I32] }, e, name);
  }

  /** `thread.suspend()`: the running thread waits for a switch to it or a resume-later. */
  threadSuspend(block: number): Generated {
    const e = new Emitter([]);
    this.suspendRunning(e, WAIT_SUSPENDED, block);
    e.i32Const(0);
    return this.gen({ params: [], results: [I32] }, e, "thread.suspend");
  }

  /** Suspends the running thread (`kind`: its `T.wait`); on the host's stack, traps. */
  private suspendRunning(e: Emitter, kind: number, block: number): void {
    this.header(e, H.thread).op(0x45).if().unreachable().end(); // cannot block the host's call
    e.i32Const(kind).i32Const(0).call(block);
  }

  /**
   * `dispatchThreadStart(id, fi, c)`: calls start function `fi` of table
   * `tables[id - 1]` with `c` (a first start), or the same call with `c`
   * 0 while a rewind restores the thread's own locals.
   */
  dispatchThreadStart(tables: number[], typeIndex: number): Generated {
    const e = new Emitter([I32, I32, I32]);
    tables.forEach((table, k) => {
      e.localGet(0).i32Const(k + 1).op(0x46).if();
      e.localGet(2).localGet(1).callIndirect(typeIndex, table).op(0x0f);
      e.end();
    });
    e.unreachable();
    return this.gen(
      { params: [I32, I32, I32], results: [] },
      e,
      `${CATCH_PREFIX}dispatch-thread-start`,
    );
  }

  /**
   * In `resumeThread`, for task `t` (a local) that is a `thread.new-indirect`
   * thread: starts it (its start function with its closure argument), or
   * rewinds it; a thread that finished is freed. Returns from the caller.
   */
  resumeCreated(
    e: Emitter,
    t: number,
    funcs: { startRewind: number; dispatchThreadStart: number; stopUnwind: number },
    saved: Running,
  ): void {
    const start = e.local(I32), arg = e.local(I32);
    this.loadT(e, t, T.start).localTee(start).if();
    e.localGet(start).i32Const(0).op(0x4a).if(); // not started: its first run, with its argument
    this.storeT(e, t, T.start, (e) => e.i32Const(0).localGet(start).op(0x6b));
    this.loadT(e, t, T.set).localSet(arg);
    e.else();
    this.loadT(e, t, T.stack).i32Const(BUFFER.data).op(0x6a).call(funcs.startRewind);
    e.i32Const(0).localGet(start).op(0x6b).localSet(start);
    e.end();
    e.localGet(start);
    this.loadT(e, t, T.thunk);
    e.localGet(arg).call(funcs.dispatchThreadStart);
    this.restoreRunning(e, saved);
    this.ifUnwound(e, funcs.stopUnwind, () => e.op(0x0f));
    this.endThread(e, t);
    e.op(0x0f);
    e.end();
  }

  /**
   * The body of a sync export run as a thread: calls `target` and keeps its
   * results in the scheduler's return area (8 bytes each), where
   * {@linkcode syncHostEntry} reads them once the thread finished.
   */
  syncThreadBody(type: FuncType, target: number): Generated {
    const e = new Emitter(type.params);
    const results = type.results.map((r) => e.local(r));
    e.forwardParams().call(target);
    for (let r = results.length - 1; r >= 0; r--) e.localSet(results[r]);
    type.results.forEach((r, i) => {
      e.i32Const(0).localGet(results[i])
        .storeValue(r, this.m, this.site.base + RETURN_AREA + 8 * i);
    });
    return this.gen({ params: type.params, results: [] }, e, "async:host-thread-body");
  }

  /**
   * A sync call (the host's into a root export, or another component's)
   * into a component that switches threads, run as a thread of that
   * component's instance (`instance`: its lock word's address): runs `body`
   * (a {@linkcode syncThreadBody}, resumed by id `resumeId`) as a new
   * thread; while it is suspended, runs only that instance's threads until
   * it finished (nothing of them ready traps: the call can never return).
   * Threads still ready then stay so: the spec leaves when they run to the
   * embedder, and a sync call returns as soon as it can.
   */
  syncThreadCall(o: {
    type: FuncType;
    body: number;
    resumeId: number;
    instance: number;
    funcs: { taskNew: number; step: number; stopUnwind: number };
  }): Generated {
    const e = new Emitter(o.type.params);
    const t = e.local(I32), n = e.local(I32), only = e.local(I32);
    const results = o.type.results.map((r) => e.local(r));
    e.i32Const(o.resumeId).i32Const(0).i32Const(0).i32Const(0).call(o.funcs.taskNew).localSet(t);
    this.storeT(e, t, T.instance, (e) => e.i32Const(o.instance));
    this.takeBuffer(e, t);
    const saved = this.enter(e, t);
    e.forwardParams().call(o.body);
    this.restoreRunning(e, saved);
    this.header(e, H.unwinding).if();
    this.setHeader(e, H.unwinding, (e) => e.i32Const(0));
    e.call(o.funcs.stopUnwind);
    this.header(e, H.only).localSet(only);
    this.setHeader(e, H.only, (e) => e.i32Const(o.instance));
    e.block().loop();
    this.loadT(e, t, T.state).i32Const(1).op(0x47).brIf(1); // resumed to the end: freed
    e.call(o.funcs.step).op(0x45).if().unreachable().end(); // blocked for good
    this.livelock(e, n);
    e.br(0).end().end();
    this.setHeader(e, H.only, (e) => e.localGet(only));
    e.else();
    this.endThread(e, t);
    e.end();
    o.type.results.forEach((r, i) => {
      e.i32Const(0).loadValue(r, this.m, this.site.base + RETURN_AREA + 8 * i).localSet(results[i]);
    });
    for (const r of results) e.localGet(r);
    return this.gen(o.type, e, `${CATCH_PREFIX}sync-thread-call`);
  }
}
