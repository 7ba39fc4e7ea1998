/**
 * What an adapter generator is asked for and gives: both sides of a
 * boundary (memory, realloc, encoding), the callee's async shape, and the
 * handle conversions, all as final indices of the fused module.
 *
 * @module
 */
import type { FuncType, ValType } from "../../../wasm/module/mod.ts";
import type { FuncSig } from "../../../wasm/abi/mod.ts";

/** The scheduler functions an adapter into a callback-lifted callee calls (final indices). */
export interface CalleeCallback {
  taskNew: number;
  start: number;
  after: number;
  runUntilReturned: number;
  subtaskStart?: number;
  /** Which task call resumes the callee (the scheduler's thunk id). */
  thunk: number;
  /** Which completion lowers its results at the caller's retptr (0: none). */
  complete: number;
  /**
   * With threads, for a sync caller: `() -> area` (the running thread's result area, 0 on the
   * host's stack), where completion `complete` saves the task.return slots when the task
   * returns, so that other tasks of the callee cannot overwrite them before the suspended
   * caller reads them.
   */
  resultArea?: number;
  /**
   * With threads, for a sync caller: the callee instance's lock (address) and
   * `lockAcquire(address, task)`, which waits until the instance is free.
   */
  lock?: { address: number; acquire: number };
  /**
   * For an async caller whose borrows the callee keeps until it returns:
   * `deferLends(task, release, from₁, to₁, from₂, to₂)` keeps the lent pairs
   * with the subtask; release function `release` ends them when the task
   * resolves (`scheduler.ts`). Absent: the borrows end when the start returns.
   */
  deferLends?: { func: number; release: number };
}

/** One side of a boundary: its memory, realloc and string encoding. */
export interface AdapterSide {
  memory: number;
  realloc?: number;
  encoding: "utf8" | "utf16" | "latin1+utf16";
}

/** What to generate. All indices are final indices in the fused module. */
export interface AdapterRequest {
  sig: FuncSig;
  caller: AdapterSide;
  callee: AdapterSide & { func: number; postReturn?: number };
  /** Where the adapter is, for error messages. */
  where?: string;
  /**
   * The caller lowered with `async`: more than 4 flat parameters come by
   * pointer, results go through a pointer, and the adapter returns the
   * subtask's status (RETURNED: every call here completes before it returns).
   */
  callerAsync?: boolean;
  /**
   * The callee lifted with `async` (stackful, no callback): it returns
   * nothing and hands its results to `task.return`, which keeps them in the
   * callee instance's globals. `state` is 1 while the task runs and 2 once it
   * has returned; `type` holds `typeId` so `task.return` can check the result
   * type; `slots` are the flat results (one pointer when `indirect`).
   */
  calleeTask?: {
    state: number;
    type: number;
    typeId: number;
    slots: number[];
    indirect: boolean;
    /** The slots' value types (i32 when absent). */
    slotTypes?: ValType[];
  };
  /**
   * The callee lifted with `async (callback …)` (stackless): `start` runs its
   * core function as a new scheduler task (`taskNew(thunk, complete, typeId,
   * retptr)`), `after` parks it, and then a sync caller runs the scheduler
   * until the task returned (`runUntilReturned`) while an async caller gets
   * `subtaskStart`'s status — RETURNED, or STARTED with a subtask whose
   * results `complete` lowers at the retptr once the task returns.
   */
  calleeCallback?: CalleeCallback;
  /**
   * Handle conversions for own / borrow values: each returns the index of a
   * core function `(i32 handle) -> i32` moving a handle from the caller's
   * table to the callee's (`down`) or back (`up`).
   */
  handles?: {
    down(kind: "own" | "borrow", resource: number): number;
    up(kind: "own" | "borrow", resource: number): number;
    /** `(lender's handle, callee's handle) -> ()` ending a borrow lent for the call. */
    release(resource: number): number;
  };
}

/** A generated adapter: its core type and its code-section body. */
export interface GeneratedFunction {
  type: FuncType;
  body: Uint8Array;
}
