/**
 * The small functions fuse generates around the components' own code: the
 * task built-ins kept in globals, the entry wrapper of a root export, the
 * may_leave flag and its checks, traps and the start function. Each builder
 * takes final indices and returns a body; the merge decides when one is
 * needed.
 *
 * @module
 */
import type { FuncType } from "../../wasm/module/mod.ts";
import type { Generated } from "./abi/handles.ts";
import { Emitter } from "./abi/emitter.ts";
import type { TaskBuiltin } from "./scope.ts";

/** The core type of each task built-in kept in a global. */
export function taskBuiltinType(op: TaskBuiltin): FuncType {
  if (op === "context.get") return { params: [], results: [0x7f] };
  if (op === "context.set") return { params: [0x7f], results: [] };
  return { params: [], results: [] };
}

/**
 * `context.get` / `context.set` on a context slot, or `backpressure.inc` /
 * `.dec` on a counter: each is one global of the fused module.
 *
 * @example
 * ```ts
 * import { taskBuiltin } from "./generated.ts";
 * console.log(taskBuiltin("context.get", 3).body); // Uint8Array(5) [0, 35, 3, 11] plus the locals count
 * ```
 */
export function taskBuiltin(op: TaskBuiltin, global: number): Generated {
  const type = taskBuiltinType(op);
  const e = new Emitter(type.params);
  if (op === "context.get") e.globalGet(global);
  else if (op === "context.set") e.localGet(0).globalSet(global);
  else {
    // Decrementing a counter that is already zero traps, as in the spec.
    if (op === "backpressure.dec") e.globalGet(global).op(0x45).if().unreachable().end();
    e.globalGet(global).i32Const(op === "backpressure.inc" ? 1 : -1).op(0x6a).globalSet(global);
  }
  return { type, body: e.body(), name: "" };
}

/**
 * A root export's entry from the host: each call starts a task whose
 * context slots start at 0, and an own handle it returns is type-checked
 * by `ownCheck` (which traps on a handle of another resource).
 *
 * @example
 * ```ts
 * import { taskEntry } from "./generated.ts";
 * const g = taskEntry({ params: [0x7f], results: [0x7f] }, 7, [2], undefined);
 * console.log(g.type.params); // [127]
 * ```
 */
export function taskEntry(
  type: FuncType,
  target: number,
  contextGlobals: number[],
  ownCheck: number | undefined,
): Generated {
  const e = new Emitter(type.params);
  for (const g of contextGlobals) e.i32Const(0).globalSet(g);
  e.forwardParams().call(target);
  if (ownCheck !== undefined) {
    const handle = e.local(0x7f);
    e.localTee(handle).call(ownCheck).drop().localGet(handle);
  }
  return { type, body: e.body(), name: "" };
}

/**
 * Calls `target` (a realloc or post-return) with the may_leave flag set, so
 * the imports it may reach trap instead of leaving the instance.
 *
 * @example
 * ```ts
 * import { withNoLeaveFlag } from "./generated.ts";
 * console.log(withNoLeaveFlag({ params: [], results: [] }, 0, 5).body.length > 0); // true
 * ```
 */
export function withNoLeaveFlag(type: FuncType, flag: number, target: number): Generated {
  const e = new Emitter(type.params);
  e.i32Const(1).globalSet(flag).forwardParams().call(target).i32Const(0).globalSet(flag);
  return { type, body: e.body(), name: "" };
}

/**
 * Calls `target` (a leaving import) unless the may_leave flag is set: then
 * it traps ("cannot leave component instance").
 *
 * @example
 * ```ts
 * import { leaveCheck } from "./generated.ts";
 * console.log(leaveCheck({ params: [0x7f], results: [] }, 0, 5).body.length > 0); // true
 * ```
 */
export function leaveCheck(type: FuncType, flag: number, target: number): Generated {
  const e = new Emitter(type.params);
  e.globalGet(flag).if().unreachable().end().forwardParams().call(target);
  return { type, body: e.body(), name: "" };
}

/** Where a stackful async task's state lives (task global positions, before the base). */
export interface TaskStateGlobals {
  state: number;
  type: number;
  typeId: number;
  slots: number[];
}

/**
 * `task.return` for one result type: traps unless a task of this instance
 * is running (state 1) with this result type, keeps the results in the slot
 * globals and marks the task returned (state 2).
 *
 * @example
 * ```ts
 * import { taskReturn } from "./generated.ts";
 * const g = taskReturn({ params: [0x7f], results: [] }, 10, { state: 0, type: 1, typeId: 1, slots: [2] });
 * console.log(g.type.params); // [127]
 * ```
 */
export function taskReturn(type: FuncType, base: number, t: TaskStateGlobals): Generated {
  const e = new Emitter(type.params);
  e.globalGet(base + t.state).i32Const(1).op(0x47).if().unreachable().end();
  e.globalGet(base + t.type).i32Const(t.typeId).op(0x47).if().unreachable().end();
  t.slots.forEach((slot, i) => e.localGet(i).globalSet(base + slot));
  e.i32Const(2).globalSet(base + t.state);
  return { type, body: e.body(), name: "" };
}

/**
 * A function of `type` that traps (an instance re-entering itself).
 *
 * @example
 * ```ts
 * import { trap } from "./generated.ts";
 * console.log(trap({ params: [], results: [] }).body); // Uint8Array(3) [0, 0, 11]
 * ```
 */
export function trap(type: FuncType): Generated {
  return { type, body: new Emitter(type.params).unreachable().body(), name: "" };
}

/**
 * The fused start function: every module's start, in instantiation order.
 *
 * @example
 * ```ts
 * import { startFunction } from "./generated.ts";
 * console.log(startFunction([3, 4]).body); // Uint8Array(6) [0, 16, 3, 16, 4, 11]
 * ```
 */
export function startFunction(starts: number[]): Generated {
  const e = new Emitter([]);
  for (const s of starts) e.call(s);
  return { type: { params: [], results: [] }, body: e.body(), name: "dissolve:start" };
}

/**
 * A domain's arena allocator, `(old_ptr, old_size, align, new_size) -> ptr`,
 * with the embedder import's meaning, served inside the fused module: a bump
 * allocator over `[base, end)` of `memory`, whose used bytes are kept in the
 * mutable i32 global `used` (starting at 0). It traps on an alignment that is
 * not a power of two and when the arena is exhausted; a reallocation copies
 * the old block (the smaller of the two sizes).
 *
 * @example
 * ```ts
 * import { arenaRealloc } from "./generated.ts";
 * const g = arenaRealloc({ memory: 1, base: 1024, end: 2048 }, 3);
 * console.log(g.type); // { params: [127, 127, 127, 127], results: [127] }
 * ```
 */
export function arenaRealloc(
  site: { memory: number; base: number; end: number },
  used: number,
): Generated {
  const type = { params: [0x7f, 0x7f, 0x7f, 0x7f], results: [0x7f] } as FuncType;
  const [oldPtr, oldSize, align, newSize] = [0, 1, 2, 3];
  const e = new Emitter(type.params);
  const at = e.local(0x7f);
  const I32_ADD = 0x6a, I32_SUB = 0x6b, I32_AND = 0x71, I32_OR = 0x72, I32_EQZ = 0x45;
  const I32_GT_U = 0x4b, I32_LT_U = 0x49, SELECT = 0x1b;
  // align must be a power of two: align == 0 or align & (align - 1) traps.
  e.localGet(align).op(I32_EQZ)
    .localGet(align).localGet(align).i32Const(1).op(I32_SUB).op(I32_AND)
    .op(I32_OR).if().unreachable().end();
  // at = (base + used + align - 1) & -align; the arena's bounds hold it: at ≥ base + used
  // (no wrap-around) and new_size ≤ end - at.
  e.i32Const(site.base).globalGet(used).op(I32_ADD).localGet(align).op(I32_ADD)
    .i32Const(1).op(I32_SUB).i32Const(0).localGet(align).op(I32_SUB).op(I32_AND).localSet(at);
  e.localGet(at).i32Const(site.base).globalGet(used).op(I32_ADD).op(I32_LT_U)
    .localGet(at).i32Const(site.end).op(I32_GT_U).op(I32_OR)
    .localGet(newSize).i32Const(site.end).localGet(at).op(I32_SUB).op(I32_GT_U).op(I32_OR)
    .if().unreachable().end();
  e.localGet(at).localGet(newSize).op(I32_ADD).i32Const(site.base).op(I32_SUB).globalSet(used);
  // A reallocation keeps the old block's bytes.
  e.localGet(oldPtr).op(I32_EQZ).localGet(oldSize).op(I32_EQZ).op(I32_OR).op(I32_EQZ).if()
    .localGet(at).localGet(oldPtr)
    .localGet(oldSize).localGet(newSize).localGet(oldSize).localGet(newSize).op(I32_LT_U)
    .op(SELECT)
    .memoryCopy(site.memory, site.memory)
    .end();
  e.localGet(at);
  return { type, body: e.body(), name: "" };
}
