/**
 * The in-module scheduler: what the Component Model's async machinery
 * (CanonicalABI.md, Concurrency.md) needs at run time, generated into the
 * fused core module so that an async composition runs with no host runtime —
 * in Deno as on a bare-metal Cortex-M.
 *
 * Tasks are stackless (`canon lift … async (callback …)`): a task's core
 * function returns a packed code (EXIT 0, YIELD 1, WAIT 2 | set << 4) and the
 * scheduler later calls its callback with an event. Cooperative scheduling
 * needs no stack switching: a caller that must block (a sync lower, the host
 * entry, `waitable-set.wait`) runs other ready tasks on its own stack until
 * what it waits for happens, and a blocked state with nothing ready traps
 * (deadlock).
 *
 * State lives in a region of linear memory the memory plan reserves only
 * when a component uses async ({@linkcode schedulerBytes}), little-endian
 * u32s:
 *
 * - header (`HEADER` bytes): `[cursor, current task, …]`, then a 128-byte
 *   return area for host entries whose results do not fit one value;
 * - `tasks` task records of `TASK_BYTES` (more with threads): `state` (0 free, 1 started, 2
 *   returned), `thunk` (which task-call function resumes it), `wait` (0 ready
 *   to run on, 1 yielded, 2 waiting on `set`), `set`, `ctx0`, `ctx1`,
 *   `subtask` (its caller's waitable, 0 when the caller blocks), `retptr`,
 *   `complete` (which function lowers its results into the caller), `typeId`
 *   (the result type task.return must hand over), `cancel`; `state` 3 is
 *   resolved by `task.cancel`;
 * - `waitables` waitable records of `WAITABLE_BYTES`: `kind` (0 free, 1
 *   subtask, 2 set, 3 stream or future end), `joined` (set id), `event`,
 *   `p1`, `p2`, `task` (a subtask's task; an end's partner), `handle` (a
 *   subtask's index in the owner's handle table), `resolved`, then an end's
 *   copy state (`streams.ts`).
 *
 * Component-visible indices are handles in each component instance's handle
 * table (shared with resources, as in the spec); their rep is the waitable id.
 *
 * @module
 */
import type { FuncType } from "../../../wasm/module/mod.ts";
import { Emitter } from "../abi/emitter.ts";
import type { Generated } from "../abi/handles.ts";
import { I32 } from "../../../wasm/abi/mod.ts";
import {
  H,
  headerBytes,
  LIVELOCK_STEPS,
  SCHEDULER_TYPES,
  type SchedulerFuncs,
  type SchedulerSite,
  T,
  taskBytes,
  W,
  WAITABLE_BYTES,
} from "./scheduler_records.ts";

export {
  DEFAULT_CAPACITY,
  LIVELOCK_STEPS,
  RETURN_AREA,
  SCHEDULER_TYPES,
  schedulerBytes,
  type SchedulerCapacity,
  type SchedulerFuncs,
  type SchedulerSite,
  SET_TYPE,
  SUBTASK_TYPE,
  W,
  type WaitableSite,
} from "./scheduler_records.ts";

/**
 * Emits the scheduler's code against one region; every method returns one
 * generated function.
 *
 * @example
 * ```ts
 * import { SchedulerCode } from "./scheduler.ts";
 * const code = new SchedulerCode({ memory: 0, base: 4096, tasks: 16, waitables: 32 });
 * console.log(code.setReady().type); // { params: [127], results: [127] }
 * ```
 */
export class SchedulerCode {
  constructor(protected readonly site: SchedulerSite) {}

  protected get m(): number {
    return this.site.memory;
  }
  /** Memarg offset of task field `f` for an address `t * taskBytes`. */
  protected tOff(f: number): number {
    return this.site.base + headerBytes(this.site) - taskBytes(this.site) + f;
  }
  /** Memarg offset of waitable field `f` for an address `w * WAITABLE_BYTES`. */
  protected wOff(f: number): number {
    return this.site.base + headerBytes(this.site) + this.site.tasks * taskBytes(this.site) -
      WAITABLE_BYTES + f;
  }
  /** Pushes the address operand of task `t` (a local). */
  protected task(e: Emitter, t: number): Emitter {
    return e.localGet(t).i32Const(taskBytes(this.site)).op(0x6c);
  }
  protected waitable(e: Emitter, w: number): Emitter {
    return e.localGet(w).i32Const(WAITABLE_BYTES).op(0x6c);
  }
  protected loadT(e: Emitter, t: number, f: number): Emitter {
    return this.task(e, t).load(I32, 4, false, this.m, this.tOff(f));
  }
  /** Stores the value `push` leaves on the stack into task field `f`. */
  protected storeT(e: Emitter, t: number, f: number, push: (e: Emitter) => void): Emitter {
    this.task(e, t);
    push(e);
    return e.store(I32, 4, this.m, this.tOff(f));
  }
  /**
   * An end's event taken: a buffer still pending after a partial copy (state
   * 1, with the event) is given back to its owner (state 0).
   */
  protected reclaimBuffer(e: Emitter, w: number): void {
    this.loadW(e, w, W.state).i32Const(1).op(0x46).if();
    this.storeW(e, w, W.state, (e) => e.i32Const(0));
    e.end();
  }
  protected loadW(e: Emitter, w: number, f: number): Emitter {
    return this.waitable(e, w).load(I32, 4, false, this.m, this.wOff(f));
  }
  protected storeW(e: Emitter, w: number, f: number, push: (e: Emitter) => void): Emitter {
    this.waitable(e, w);
    push(e);
    return e.store(I32, 4, this.m, this.wOff(f));
  }
  protected header(e: Emitter, off: number): Emitter {
    return e.i32Const(0).load(I32, 4, false, this.m, this.site.base + off);
  }
  protected setHeader(e: Emitter, off: number, push: (e: Emitter) => void): Emitter {
    e.i32Const(0);
    push(e);
    return e.store(I32, 4, this.m, this.site.base + off);
  }

  /** `taskNew(thunk, complete, typeId, retptr) -> task`: a free record, started. */
  taskNew(): Generated {
    const e = new Emitter([I32, I32, I32, I32]);
    const t = e.local(I32);
    e.block().loop();
    e.localGet(t).i32Const(1).op(0x6a).localTee(t).i32Const(this.site.tasks).op(0x4b);
    e.if().unreachable().end(); // every task record is in use
    this.loadT(e, t, T.state).op(0x45).brIf(1);
    e.br(0).end().end();
    // `stack` is only ever written in a module with threads.
    const fields = [T.wait, T.set, T.ctx0, T.ctx1, T.subtask, T.cancel];
    for (const f of this.site.stacks ? [...fields, T.stack, T.instance, T.start] : fields) {
      this.storeT(e, t, f, (e) => e.i32Const(0));
    }
    this.storeT(e, t, T.state, (e) => e.i32Const(1));
    this.storeT(e, t, T.thunk, (e) => e.localGet(0));
    this.storeT(e, t, T.complete, (e) => e.localGet(1));
    this.storeT(e, t, T.typeId, (e) => e.localGet(2));
    this.storeT(e, t, T.retptr, (e) => e.localGet(3));
    e.localGet(t);
    return this.gen(SCHEDULER_TYPES.taskNew, e, "async:task-new");
  }

  /** `waitableNew(kind, task) -> id`. */
  waitableNew(): Generated {
    const e = new Emitter([I32, I32]);
    const w = e.local(I32);
    e.block().loop();
    e.localGet(w).i32Const(1).op(0x6a).localTee(w).i32Const(this.site.waitables).op(0x4b);
    e.if().unreachable().end(); // every waitable record is in use
    this.loadW(e, w, W.kind).op(0x45).brIf(1);
    e.br(0).end().end();
    for (
      const f of [W.joined, W.event, W.p1, W.p2, W.handle, W.resolved, W.state, W.flags, W.progress]
    ) {
      this.storeW(e, w, f, (e) => e.i32Const(0));
    }
    this.storeW(e, w, W.kind, (e) => e.localGet(0));
    this.storeW(e, w, W.task, (e) => e.localGet(1));
    e.localGet(w);
    return this.gen(SCHEDULER_TYPES.waitableNew, e, "async:waitable-new");
  }

  /** `setReady(set) -> waitable`: the first member of `set` with an event, or 0. */
  setReady(): Generated {
    const e = new Emitter([I32]);
    const w = e.local(I32);
    e.block().loop();
    e.localGet(w).i32Const(1).op(0x6a).localTee(w).i32Const(this.site.waitables).op(0x4b);
    e.if().i32Const(0).localSet(w).br(2).end();
    this.loadW(e, w, W.kind).op(0x45).brIf(0);
    this.loadW(e, w, W.joined).localGet(0).op(0x47).brIf(0);
    this.loadW(e, w, W.event).op(0x45).brIf(0);
    e.br(1).end().end();
    e.localGet(w);
    return this.gen(SCHEDULER_TYPES.setReady, e, "async:set-ready");
  }

  /**
   * `after(task, code)`: what a task's core function or callback returned.
   * EXIT frees it (trapping unless it called task.return); YIELD and WAIT
   * park it.
   */
  after(): Generated {
    const e = new Emitter([I32, I32]);
    const kind = e.local(I32);
    if (this.site.stacks) {
      // A call suspended with its stack, or waiting to start (`stacks.ts`), has no code yet.
      e.localGet(1).i32Const(0).op(0x48).if().op(0x0f).end();
    }
    e.localGet(1).i32Const(0xf).op(0x71).localTee(kind).i32Const(2).op(0x4b);
    e.if().unreachable().end(); // not a callback code
    e.localGet(kind).op(0x45).if();
    this.loadT(e, 0, T.state).i32Const(1).op(0x46).if().unreachable().end(); // exit unresolved
    this.storeT(e, 0, T.state, (e) => e.i32Const(0));
    e.op(0x0f).end();
    this.storeT(e, 0, T.wait, (e) => e.localGet(kind));
    this.storeT(e, 0, T.set, (e) => e.localGet(1).i32Const(4).op(0x76));
    return this.gen(SCHEDULER_TYPES.after, e, "async:after");
  }

  /**
   * `step() -> ran`: resumes the next ready task after the cursor (round
   * robin): a yielded one with no event, a waiting one with its set's event.
   */
  step(
    funcs: Pick<SchedulerFuncs, "setReady" | "dispatchThunk" | "after"> & {
      /** With threads (`stacks.ts`): resumes a suspended one. */
      resumeThread?: number;
      /** …and starts one that waited to enter its instance (`wait` 4). */
      startThread?: number;
      /** …and runs callbacks as their task's own stack. */
      runCallback?: number;
      /** …when no other task is inside the instance: pushes whether task `t` may run there. */
      instanceFree?: (e: Emitter, t: number) => void;
      threadReady?: (e: Emitter, t: number) => void;
      /** With `thread.*` (`threads.ts`): threads not started yet, and sync calls that block. */
      switches?: boolean;
    },
  ): Generated {
    const e = new Emitter([]);
    const i = e.local(I32), t = e.local(I32), w = e.local(I32), code = e.local(I32);
    const ev = e.local(I32), p1 = e.local(I32), p2 = e.local(I32);
    e.block().loop();
    e.localGet(i).i32Const(this.site.tasks).op(0x46).brIf(1);
    e.localGet(i).i32Const(1).op(0x6a).localSet(i);
    this.header(e, 0).localGet(i).op(0x6a).i32Const(this.site.tasks).op(0x70).i32Const(1).op(0x6a)
      .localSet(t);
    this.loadT(e, t, T.state).op(0x45).brIf(0);
    this.loadT(e, t, T.wait).op(0x45).brIf(0); // running (on the stack): not resumable
    if (funcs.resumeThread !== undefined && funcs.threadReady) {
      if (funcs.switches) {
        // While a sync call blocks, only its own instance's threads run (`threads.ts`).
        this.header(e, H.only).if();
        this.loadT(e, t, T.instance);
        this.header(e, H.only).op(0x47).brIf(1);
        e.end();
      }
      // A suspended thread goes on where it blocked, once what it waits for happened; a
      // `thread.new-indirect` thread that never ran has no stack yet.
      this.loadT(e, t, T.stack);
      if (funcs.switches) this.loadT(e, t, T.start).op(0x72);
      e.if();
      funcs.threadReady(e, t);
      e.op(0x45).brIf(1);
      this.setHeader(e, 0, (e) => e.localGet(t).i32Const(1).op(0x6b));
      this.goOn(e, t, funcs.startThread!, funcs.resumeThread);
      e.i32Const(1).op(0x0f);
      e.end();
      if (funcs.instanceFree) {
        funcs.instanceFree(e, t);
        e.op(0x45).brIf(0);
      }
    }
    // A parked task asked to cancel hears TASK_CANCELLED before anything else.
    this.loadT(e, t, T.cancel).i32Const(1).op(0x46).if();
    this.storeT(e, t, T.cancel, (e) => e.i32Const(2));
    e.i32Const(6).localSet(ev).i32Const(0).localSet(p1).i32Const(0).localSet(p2);
    e.else();
    this.loadT(e, t, T.wait).i32Const(1).op(0x46).if();
    e.i32Const(0).localSet(ev).i32Const(0).localSet(p1).i32Const(0).localSet(p2);
    e.else();
    this.loadT(e, t, T.wait).i32Const(2).op(0x47).brIf(2);
    this.loadT(e, t, T.set).call(funcs.setReady).localTee(w).op(0x45).brIf(2);
    this.loadW(e, w, W.event).localSet(ev);
    this.loadW(e, w, W.p1).localSet(p1);
    this.loadW(e, w, W.p2).localSet(p2);
    this.storeW(e, w, W.event, (e) => e.i32Const(0));
    e.end();
    e.end();
    this.storeT(e, t, T.wait, (e) => e.i32Const(0));
    this.setHeader(e, 0, (e) => e.localGet(t).i32Const(1).op(0x6b));
    this.loadT(e, t, T.thunk).localGet(t).localGet(ev).localGet(p1).localGet(p2)
      .call(funcs.runCallback ?? funcs.dispatchThunk).localSet(code);
    e.localGet(t).localGet(code).call(funcs.after);
    e.i32Const(1).op(0x0f);
    e.end().end();
    e.i32Const(0);
    return this.gen(SCHEDULER_TYPES.step, e, "async:step");
  }

  /** `runUntilReturned(task)`: runs others until `task` has returned; nothing ready traps. */
  runUntilReturned(step: number, block?: number): Generated {
    const e = new Emitter([I32]);
    const n = e.local(I32);
    e.block().loop();
    this.loadT(e, 0, T.state).i32Const(1).op(0x47).brIf(1);
    this.blockThread(e, block, 3, 0);
    e.call(step).op(0x45).if().unreachable().end(); // deadlock: nothing can run
    this.livelock(e, n);
    e.br(0).end().end();
    return this.gen(SCHEDULER_TYPES.runUntilReturned, e, "async:run-until-returned");
  }

  /** `runUntilReady(set) -> waitable`: runs others until `set` has an event; nothing ready traps. */
  runUntilReady(funcs: Pick<SchedulerFuncs, "setReady" | "step"> & { block?: number }): Generated {
    const e = new Emitter([I32]);
    const w = e.local(I32);
    const n = e.local(I32);
    e.block().loop();
    e.localGet(0).call(funcs.setReady).localTee(w).brIf(1);
    this.blockThread(e, funcs.block, 2, 0);
    e.call(funcs.step).op(0x45).if().unreachable().end(); // deadlock: nothing can run
    this.livelock(e, n);
    e.br(0).end().end();
    e.localGet(w);
    return this.gen(SCHEDULER_TYPES.runUntilReady, e, "async:run-until-ready");
  }

  /**
   * Tasks that only ever yield while a caller waits on them (a spin on a
   * flag nobody will set) would loop forever: after `LIVELOCK_STEPS` steps
   * without the awaited event, the wait traps.
   */
  /**
   * Inside a loop that waits: a thread (`stacks.ts`) suspends until `kind` /
   * local `arg` is satisfied, then the loop checks again (`br 0`); on the
   * host's stack, or with no threads in the module, it falls through to
   * running others.
   */
  protected blockThread(e: Emitter, block: number | undefined, kind: number, arg: number): void {
    if (block === undefined) return;
    this.header(e, H.thread).if();
    e.i32Const(kind).localGet(arg).call(block).br(1);
    e.end();
  }

  /**
   * Runs suspended thread `t` (a local) that can go on: started, when it
   * waited to enter its instance (`wait` 4), else resumed (`stacks.ts`).
   */
  protected goOn(e: Emitter, t: number, startThread: number, resumeThread: number): void {
    this.loadT(e, t, T.wait).i32Const(4).op(0x46).if();
    e.localGet(t).call(startThread);
    e.else();
    e.localGet(t).call(resumeThread);
    e.end();
  }

  protected livelock(e: Emitter, counter: number): void {
    e.localGet(counter).i32Const(1).op(0x6a).localTee(counter).i32Const(LIVELOCK_STEPS).op(0x4b);
    e.if().unreachable().end();
  }

  /**
   * `deliver(task)`: the task called task.return: its results go to the
   * caller (the completion function lowers them at the caller's retptr) and
   * its subtask, if the caller holds one, gets the SUBTASK RETURNED event.
   */
  deliver(dispatchComplete: number, releaseLends?: number): Generated {
    const e = new Emitter([I32]);
    const w = e.local(I32);
    this.loadT(e, 0, T.complete).if();
    this.loadT(e, 0, T.complete);
    this.loadT(e, 0, T.retptr).call(dispatchComplete);
    e.end();
    this.loadT(e, 0, T.subtask).localTee(w).if();
    this.storeW(e, w, W.event, (e) => e.i32Const(1));
    this.storeW(e, w, W.p1, (e) => this.loadW(e, w, W.handle));
    this.storeW(e, w, W.p2, (e) => e.i32Const(2));
    this.storeW(e, w, W.resolved, (e) => e.i32Const(1));
    if (releaseLends !== undefined) e.localGet(w).call(releaseLends);
    e.end();
    return this.gen(SCHEDULER_TYPES.deliver, e, "async:deliver");
  }

  /** A dispatcher: calls `targets[id - 1]` with the remaining parameters. */
  dispatch(
    which: "dispatchThunk" | "dispatchComplete" | "dispatchRelease",
    targets: number[],
  ): Generated {
    const type = SCHEDULER_TYPES[which];
    const e = new Emitter(type.params);
    targets.forEach((f, k) => {
      e.localGet(0).i32Const(k + 1).op(0x46).if();
      for (let p = 1; p < type.params.length; p++) e.localGet(p);
      e.call(f).op(0x0f).end();
    });
    e.unreachable();
    return this.gen(type, e, `async:${which}`);
  }

  /**
   * A task call for one owner: runs `target` (the task's core function, or
   * its callback with an event) as task `t` — the owner's context slots and
   * task state taken from the record and saved back, the results delivered if
   * it called task.return, a WAIT's set handle turned into the set's id.
   * Parameters: the task, then `target`'s own.
   */
  taskCall(o: {
    params: FuncType["params"];
    target: number;
    context: [slot: number, global: number][];
    state: number;
    type: number;
    setRep: number;
    deliver: number;
    /** For a callback: turns a stream / future event's waitable id into the owner's handle. */
    endHandle?: number;
  }): Generated {
    const e = new Emitter([I32, ...o.params]);
    const saved = o.context.map(() => e.local(I32));
    const savedState = e.local(I32), savedType = e.local(I32), savedCurrent = e.local(I32);
    const code = e.local(I32);
    o.context.forEach(([slot, g], k) => {
      e.globalGet(g).localSet(saved[k]);
      this.loadT(e, 0, slot === 0 ? T.ctx0 : T.ctx1).globalSet(g);
    });
    e.globalGet(o.state).localSet(savedState).globalGet(o.type).localSet(savedType);
    this.header(e, 4).localSet(savedCurrent);
    this.setHeader(e, 4, (e) => e.localGet(0));
    this.loadT(e, 0, T.state).globalSet(o.state);
    this.loadT(e, 0, T.typeId).globalSet(o.type);
    if (o.endHandle !== undefined) {
      // Events 2..5 (stream / future read / write) name the end: as this instance's handle.
      e.localGet(1).i32Const(2).op(0x6b).i32Const(3).op(0x4d).if();
      e.localGet(2).call(o.endHandle).localSet(2);
      e.end();
    }
    o.params.forEach((_, i) => e.localGet(i + 1));
    e.call(o.target).localSet(code);
    o.context.forEach(([slot, g], k) => {
      this.storeT(e, 0, slot === 0 ? T.ctx0 : T.ctx1, (e) => e.globalGet(g));
      e.localGet(saved[k]).globalSet(g);
    });
    // task.return during this call: hand the results over now, while the slots hold them.
    e.globalGet(o.state).i32Const(2).op(0x46);
    this.loadT(e, 0, T.state).i32Const(1).op(0x46).op(0x71).if();
    this.storeT(e, 0, T.state, (e) => e.i32Const(2));
    e.localGet(0).call(o.deliver);
    e.end();
    e.localGet(savedState).globalSet(o.state).localGet(savedType).globalSet(o.type);
    this.setHeader(e, 4, (e) => e.localGet(savedCurrent));
    e.localGet(code).i32Const(0xf).op(0x71).i32Const(2).op(0x46).if();
    e.localGet(code).i32Const(4).op(0x76).call(o.setRep).i32Const(4).op(0x74).i32Const(2)
      .op(0x72).localSet(code);
    e.end();
    e.localGet(code);
    return this.gen({ params: [I32, ...o.params], results: [I32] }, e, "async:task-call");
  }

  /**
   * After an async lower started a task: RETURNED (2) when it already
   * returned, else a new subtask in the caller's table — `(handle << 4) |
   * STARTED`.
   */
  subtaskStart(
    funcs: Pick<SchedulerFuncs, "waitableNew">,
    newHandle: number,
    /** Calls keep borrows with their subtasks (`deferLends`): none kept yet. */
    keepsLends = false,
  ): Generated {
    const e = new Emitter([I32]);
    const w = e.local(I32), h = e.local(I32);
    this.loadT(e, 0, T.state).i32Const(1).op(0x47).if().i32Const(2).op(0x0f).end();
    e.i32Const(1).localGet(0).call(funcs.waitableNew).localSet(w);
    if (keepsLends) this.storeW(e, w, W.typeId, (e) => e.i32Const(0));
    this.storeT(e, 0, T.subtask, (e) => e.localGet(w));
    e.localGet(w).call(newHandle).localSet(h);
    this.storeW(e, w, W.handle, (e) => e.localGet(h));
    e.localGet(h).i32Const(4).op(0x74).i32Const(1).op(0x72);
    return this.gen({ params: [I32], results: [I32] }, e, "async:subtask-start");
  }

  /** A generated function of `type` from the code `e` holds. */
  protected gen(type: FuncType, e: Emitter, name: string): Generated {
    return { type, body: e.body(), name };
  }
}
