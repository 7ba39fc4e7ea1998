/**
 * The in-module scheduler's state in linear memory: capacities, the header,
 * task and waitable record layouts (field offsets), and the core types of
 * the scheduler's shared functions. `scheduler.ts` describes the records.
 *
 * @module
 */
import type { FuncType } from "../../../wasm/module/mod.ts";
import type { TableSite } from "../abi/handles.ts";
import { I32 } from "../../../wasm/abi/mod.ts";
import { FUSE_DEFAULTS } from "../settings.ts";

/** Default capacities: tasks alive at once, and waitables (subtasks, sets, stream ends). */
export const DEFAULT_CAPACITY: SchedulerCapacity = {
  tasks: FUSE_DEFAULTS.asyncTasks,
  waitables: FUSE_DEFAULTS.asyncWaitables,
};
/** Header bytes without threads; a module with threads adds `only` (4 bytes). */
export const HEADER = 144;
/**
 * Header fields (byte offsets): the round-robin cursor, the running task,
 * the running thread (a task with a stack of its own, 0 on the host's stack),
 * the flag a suspending thread raises while its stack unwinds, and (`only`,
 * after the return area) the instance a sync call that blocks is in: while it
 * is set, `step` resumes only that instance's threads (`threads.ts`).
 */
export const H = { cursor: 0, current: 4, thread: 8, unwinding: 12, only: 144 } as const;
/** Task record bytes without threads; a module with threads adds `instance` and `start`. */
export const TASK_BYTES = 48;
export const WAITABLE_BYTES = 64;
/** Steps a blocked caller lets other tasks take before it calls the wait a livelock. */
export const LIVELOCK_STEPS = 1 << 20;
/**
 * `T.wait` of a thread suspended by a `thread.*` built-in (or never started): no event makes it
 * ready; a switch to it or `thread.resume-later` does (it becomes 1, yielded).
 */
export const WAIT_SUSPENDED = 7;
/** `T.wait` of a thread in a cancellable `waitable-set.wait`: an event, or a cancellation. */
export const WAIT_SET_CANCELLABLE = 8;
/** `T.wait` of a thread in a cancellable `thread.yield`: ready; a cancel resumes it at once. */
export const WAIT_YIELD_CANCELLABLE = 9;
/** Steps per task record the host's entry runs, at most, for tasks still ready when it returns. */
export const DRAIN_STEPS = 64;
/** Offset of the host entry's return area inside the region. */
export const RETURN_AREA = 16;

/** Handle-table type tags of waitable sets and subtasks (resources use their id + 1). */
export const SET_TYPE = 0xfff0;
/** See {@linkcode SET_TYPE}. */
export const SUBTASK_TYPE = 0xfff1;

/** Task record fields (byte offsets). */
export const T = {
  state: 0,
  thunk: 4,
  wait: 8,
  set: 12,
  ctx0: 16,
  ctx1: 20,
  subtask: 24,
  retptr: 28,
  complete: 32,
  typeId: 36,
  /** Cancellation: 0 none, 1 requested (TASK_CANCELLED not yet delivered), 2 delivered. */
  cancel: 40,
  /**
   * A thread (a task with a stack of its own, `stacks.ts`): the address of its
   * stack buffer; 0 for a callback task. While it is suspended, `wait` says on
   * what: 1 yielded, 2 an event of set `set`, 3 task `set` resolved.
   */
  stack: 44,
  /**
   * A thread of `thread.new-indirect`, or a sync call run as a thread (`threads.ts`): its
   * instance (the address of the instance's lock word); 0 for other tasks.
   */
  instance: 48,
  /**
   * A `thread.new-indirect` thread: the id of its start function's table, negated once it
   * started (its start function index is `thunk`, its closure argument `set` until then).
   */
  start: 52,
} as const;
/**
 * Waitable record fields (byte offsets). Stream and future ends use `task`
 * for their partner end and the copy fields for their pending read / write.
 */
export const W = {
  kind: 0,
  joined: 4,
  event: 8,
  p1: 12,
  p2: 16,
  task: 20,
  handle: 24,
  resolved: 28,
  ptr: 32,
  remaining: 36,
  progress: 40,
  elemSize: 44,
  typeId: 48,
  state: 52,
  flags: 56,
  memory: 60,
} as const;

/** How many task and waitable records the scheduler has (fixed: the MCU's RAM budget). */
export interface SchedulerCapacity {
  tasks: number;
  waitables: number;
  /** Threads that can be suspended at once (each a saved stack); 0 when nothing needs one. */
  stacks?: number;
  /** Bytes of each suspended thread's saved stack (its frames' locals). */
  stackBytes?: number;
  /**
   * With threads: one lock word per component instance, the task running core code in it
   * (the spec's `exclusive_thread`: a suspended invocation keeps its instance to itself).
   */
  locks?: number;
}

/**
 * Bytes the scheduler's region takes.
 *
 * @example
 * ```ts
 * import { schedulerBytes } from "./scheduler.ts";
 * console.log(schedulerBytes()); // 2960
 * console.log(schedulerBytes({ tasks: 4, waitables: 8 })); // 848
 * ```
 */
export function schedulerBytes(capacity: SchedulerCapacity = DEFAULT_CAPACITY): number {
  return stacksBase(capacity) + (capacity.stacks ?? 0) * (capacity.stackBytes ?? 0);
}

/** Offset of the first instance lock word in the region (after the task and waitable records). */
export function locksBase(capacity: SchedulerCapacity): number {
  return headerBytes(capacity) + capacity.tasks * taskBytes(capacity) +
    capacity.waitables * WAITABLE_BYTES;
}

/** Bytes of the header: {@linkcode HEADER}, and `H.only` in a module with threads. */
export function headerBytes(capacity: SchedulerCapacity): number {
  return capacity.stacks ? HEADER + 4 : HEADER;
}

/** Bytes of a task record: {@linkcode TASK_BYTES}, and the thread fields with threads. */
export function taskBytes(capacity: SchedulerCapacity): number {
  return capacity.stacks ? TASK_BYTES + 8 : TASK_BYTES;
}

/** Bytes of each instance's gate: its lock word and its backpressure counter. */
export const GATE_BYTES = 8;

/** Offset of the first stack buffer in the region (after the instances' gates). */
export function stacksBase(capacity: SchedulerCapacity): number {
  return locksBase(capacity) + GATE_BYTES * (capacity.locks ?? 0);
}

/**
 * The context slots of an instance whose threads switch (`threads.ts`), by
 * the address of its lock (`T.instance` of its threads): each thread keeps
 * its own (the spec's thread-local storage), so where one starts or stops
 * running, the slots' globals and its record trade places.
 */
export interface ThreadContext {
  instance: number;
  /** Slot number and global index of each context slot the instance uses. */
  globals: [slot: number, global: number][];
}

/** Where the scheduler's region lives, and its capacity. */
export interface SchedulerSite extends SchedulerCapacity {
  /** Instances whose threads keep their own context slots (a module with threads). */
  threadContexts?: ThreadContext[];
  memory: number;
  base: number;
}

/** The scheduler's shared functions, by final function index. */
export interface SchedulerFuncs {
  taskNew: number;
  after: number;
  step: number;
  runUntilReturned: number;
  runUntilReady: number;
  setReady: number;
  deliver: number;
  waitableNew: number;
  dispatchThunk: number;
  dispatchComplete: number;
  /** Threads (`stacks.ts`), only in a module that has them. */
  block: number;
  resumeThread: number;
  startThread: number;
  resultArea: number;
  runCallback: number;
  dispatchCallbackStart: number;
  lockOf: number;
  lockAcquire: number;
  dispatchResume: number;
  dispatchStart: number;
  suspend: number;
  stopUnwind: number;
  startRewind: number;
  /** `thread.new-indirect` threads (`threads.ts`): calls one's start function. */
  dispatchThreadStart: number;
  /** Runs a ready suspended thread that holds an instance's lock (`stack_catchers.ts`). */
  promoteHolder: number;
  /** Borrows an async call's subtask keeps until its task resolves (`scheduler_builtins.ts`). */
  deferLends: number;
  releaseLends: number;
  dispatchRelease: number;
}

/** The core types of the shared functions. */
export const SCHEDULER_TYPES: Record<keyof SchedulerFuncs, FuncType> = {
  taskNew: { params: [I32, I32, I32, I32], results: [I32] },
  after: { params: [I32, I32], results: [] },
  step: { params: [], results: [I32] },
  runUntilReturned: { params: [I32], results: [] },
  runUntilReady: { params: [I32], results: [I32] },
  setReady: { params: [I32], results: [I32] },
  deliver: { params: [I32], results: [] },
  waitableNew: { params: [I32, I32], results: [I32] },
  dispatchThunk: { params: [I32, I32, I32, I32, I32], results: [I32] },
  dispatchComplete: { params: [I32, I32], results: [] },
  block: { params: [I32, I32], results: [] },
  resumeThread: { params: [I32], results: [] },
  startThread: { params: [I32], results: [] },
  resultArea: { params: [], results: [I32] },
  runCallback: { params: [I32, I32, I32, I32, I32], results: [I32] },
  dispatchCallbackStart: { params: [I32, I32, I32], results: [I32] },
  lockOf: { params: [I32], results: [I32] },
  lockAcquire: { params: [I32, I32], results: [] },
  dispatchResume: { params: [I32], results: [] },
  dispatchStart: { params: [I32, I32], results: [I32] },
  suspend: { params: [I32], results: [] },
  stopUnwind: { params: [], results: [] },
  startRewind: { params: [I32], results: [] },
  dispatchThreadStart: { params: [I32, I32, I32], results: [] },
  promoteHolder: { params: [I32, I32], results: [] },
  deferLends: { params: [I32, I32, I32, I32, I32, I32], results: [] },
  releaseLends: { params: [I32], results: [] },
  dispatchRelease: { params: [I32, I32], results: [] },
};

/** The handle table a component instance keeps its waitables in (shared with resources). */
export type WaitableSite = TableSite;
