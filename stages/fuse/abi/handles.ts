/**
 * Resource handle tables for the fused module: one table per component
 * instance, in a region of linear memory fuse reserves, with the
 * Component Model's semantics — indices allocate from 1, freed indices are
 * reused LIFO, every access checks the index, that the slot is live and
 * that it holds the expected resource type; dropping an own handle runs the
 * resource's destructor.
 *
 * Table layout (little-endian u32s): `[next_fresh, free_head]` then
 * `capacity` slots of `[rep, info, next_free, lends]`, where `info` is
 * `1 (live) | 2 (own) | type << 8` and `lends` counts the borrows of an own
 * handle currently lent to a call (such a handle cannot be dropped or
 * moved).
 *
 * @module
 */
import type { FuncType } from "../../../wasm/module/mod.ts";
import { Emitter } from "./emitter.ts";
import { I32 } from "../../../wasm/abi/mod.ts";

const SLOT = 16;
const HEADER = 8;
/** Bytes before the first slot (`next_fresh`, `free_head`), for code that scans a table. */
export const HANDLE_HEADER = HEADER;
/** Bytes per slot. */
export const HANDLE_SLOT = SLOT;

/** Where one table lives. */
export interface TableSite {
  memory: number;
  base: number;
  capacity: number;
}

/** Bytes one table of `capacity` slots takes. */
export function tableBytes(capacity: number): number {
  return HEADER + capacity * SLOT;
}

/** A generated core function. */
export interface Generated {
  type: FuncType;
  body: Uint8Array;
  name: string;
}

/** Emits `slot address = base + 8 + (h - 1) * 12` for handle local `h` into local `out`. */
function slotAddress(e: Emitter, site: TableSite, h: number, out: number): void {
  e.localGet(h).i32Const(1).op(0x6b).i32Const(SLOT).op(0x6c).i32Const(site.base + HEADER).op(0x6a)
    .localSet(out);
}

/** Emits the checks of a handle access: in range, live, of `type` (and own, when required). */
function checkHandle(
  e: Emitter,
  site: TableSite,
  h: number,
  slot: number,
  type: number,
  own: boolean,
): void {
  const m = site.memory;
  // h == 0 || h >= next_fresh → trap ("unknown handle index")
  e.localGet(h).op(0x45);
  e.localGet(h).i32Const(0).load(I32, 4, false, m, site.base).op(0x4f);
  e.op(0x72).if().unreachable().end();
  slotAddress(e, site, h, slot);
  const info = e.local(I32);
  e.localGet(slot).load(I32, 4, false, m, 4).localSet(info);
  // not live → trap
  e.localGet(info).i32Const(1).op(0x71).op(0x45).if().unreachable().end();
  // wrong type → trap
  e.localGet(info).i32Const(8).op(0x76).i32Const(type).op(0x47).if().unreachable().end();
  if (own) {
    e.localGet(info).i32Const(2).op(0x71).op(0x45).if().unreachable().end();
    notLent(e, site, slot);
  }
}

/** Traps when the handle in `slot` is lent out ("cannot remove owned resource while borrowed"). */
function notLent(e: Emitter, site: TableSite, slot: number): void {
  e.localGet(slot).load(I32, 4, false, site.memory, 12).if().unreachable().end();
}

/** Emits freeing handle `h` whose slot address is in `slot`. */
function free(e: Emitter, site: TableSite, h: number, slot: number): void {
  const m = site.memory;
  e.localGet(slot).i32Const(0).store(I32, 4, m, 4);
  e.localGet(slot).i32Const(0).load(I32, 4, false, m, site.base + 4).store(I32, 4, m, 8);
  e.i32Const(0).localGet(h).store(I32, 4, m, site.base + 4);
}

/**
 * Emits allocating a handle for rep local `rep` with `info`; leaves the
 * handle in local `out`. Traps when the table is full.
 */
function allocate(e: Emitter, site: TableSite, rep: number, info: number, out: number): void {
  const m = site.memory;
  const slot = e.local(I32);
  e.i32Const(0).load(I32, 4, false, m, site.base + 4).localTee(out);
  e.if();
  // reuse the free-list head
  slotAddress(e, site, out, slot);
  e.i32Const(0).localGet(slot).load(I32, 4, false, m, 8).store(I32, 4, m, site.base + 4);
  e.op(0x05); // else: a fresh index
  e.i32Const(0).load(I32, 4, false, m, site.base).localTee(out);
  e.op(0x45).if().localGet(out).i32Const(1).op(0x6a).localSet(out).end(); // first use: next_fresh starts at 1
  e.localGet(out).i32Const(site.capacity).op(0x4b).if().unreachable().end(); // full
  e.i32Const(0).localGet(out).i32Const(1).op(0x6a).store(I32, 4, m, site.base);
  slotAddress(e, site, out, slot);
  e.end();
  e.localGet(slot).localGet(rep).store(I32, 4, m, 0);
  e.localGet(slot).i32Const(info).store(I32, 4, m, 4);
  e.localGet(slot).i32Const(0).store(I32, 4, m, 12);
}

/**
 * `canon resource.new`: rep → new own handle.
 *
 * @example
 * ```ts
 * import { resourceNew } from "./handles.ts";
 * const f = resourceNew({ memory: 0, base: 1024, capacity: 16 }, 3);
 * console.log(f.type); // { params: [0x7f], results: [0x7f] }
 * ```
 */
export function resourceNew(site: TableSite, type: number): Generated {
  const e = new Emitter([I32]);
  const h = e.local(I32);
  allocate(e, site, 0, 1 | 2 | (type << 8), h);
  e.localGet(h);
  return { type: { params: [I32], results: [I32] }, body: e.body(), name: `resource.new#${type}` };
}

/** `canon resource.rep`: handle → rep (checked). */
export function resourceRep(site: TableSite, type: number): Generated {
  const e = new Emitter([I32]);
  const slot = e.local(I32);
  checkHandle(e, site, 0, slot, type, true);
  e.localGet(slot).load(I32, 4, false, site.memory, 0);
  return { type: { params: [I32], results: [I32] }, body: e.body(), name: `resource.rep#${type}` };
}

/** `canon resource.drop`: frees the handle; an own handle's resource is destroyed by `dtor`. */
export function resourceDrop(site: TableSite, type: number, dtor?: number): Generated {
  const e = new Emitter([I32]);
  const slot = e.local(I32), info = e.local(I32), rep = e.local(I32);
  checkHandle(e, site, 0, slot, type, false);
  e.localGet(slot).load(I32, 4, false, site.memory, 4).localSet(info);
  e.localGet(slot).load(I32, 4, false, site.memory, 0).localSet(rep);
  e.localGet(info).i32Const(2).op(0x71).if();
  notLent(e, site, slot);
  e.end();
  free(e, site, 0, slot);
  if (dtor !== undefined) {
    e.localGet(info).i32Const(2).op(0x71).if().localGet(rep).call(dtor).end();
  }
  return { type: { params: [I32], results: [] }, body: e.body(), name: `resource.drop#${type}` };
}

/**
 * Moves an own handle from table `from` to table `to` (an own argument or
 * result crossing a boundary): checks and frees it in `from`, allocates it
 * in `to`.
 */
export function transferOwn(from: TableSite, to: TableSite, type: number): Generated {
  const e = new Emitter([I32]);
  const slot = e.local(I32), rep = e.local(I32), h = e.local(I32);
  checkHandle(e, from, 0, slot, type, true);
  e.localGet(slot).load(I32, 4, false, from.memory, 0).localSet(rep);
  free(e, from, 0, slot);
  allocate(e, to, rep, 1 | 2 | (type << 8), h);
  e.localGet(h);
  return { type: { params: [I32], results: [I32] }, body: e.body(), name: `own#${type}` };
}

/**
 * Copies a handle into table `to`, the original staying in `from`: an
 * error context passed to another component (both hold it, and each drops
 * its own).
 *
 * @example
 * ```ts
 * import { copyHandle } from "./handles.ts";
 * const site = { memory: 0, base: 1024, capacity: 16 };
 * console.log(copyHandle(site, site, 0xfff6).name); // copy#65526
 * ```
 */
export function copyHandle(from: TableSite, to: TableSite, type: number): Generated {
  const e = new Emitter([I32]);
  const slot = e.local(I32), rep = e.local(I32), h = e.local(I32);
  checkHandle(e, from, 0, slot, type, true);
  e.localGet(slot).load(I32, 4, false, from.memory, 0).localSet(rep);
  allocate(e, to, rep, 1 | 2 | (type << 8), h);
  e.localGet(h);
  return { type: { params: [I32], results: [I32] }, body: e.body(), name: `copy#${type}` };
}

/**
 * Lends a handle for a call: to the resource's implementation, the rep;
 * to anyone else, a new borrow handle in `to` (freed by {@linkcode endBorrow}).
 */
export function lendBorrow(from: TableSite, to: TableSite | "rep", type: number): Generated {
  const e = new Emitter([I32]);
  const slot = e.local(I32), rep = e.local(I32), h = e.local(I32);
  checkHandle(e, from, 0, slot, type, false);
  e.localGet(slot).load(I32, 4, false, from.memory, 0).localSet(rep);
  // An own handle lent for the call may not be dropped or moved until it returns.
  e.localGet(slot).localGet(slot).load(I32, 4, false, from.memory, 12).i32Const(1).op(0x6a)
    .store(I32, 4, from.memory, 12);
  if (to === "rep") e.localGet(rep);
  else {
    allocate(e, to, rep, 1 | (type << 8), h);
    e.localGet(h);
  }
  return { type: { params: [I32], results: [I32] }, body: e.body(), name: `borrow#${type}` };
}

/**
 * After the call a borrow was lent for: the lender's handle is no longer
 * lent. The callee must have dropped the borrow handle it got (the spec's
 * "borrow handles still remain at the end of the call"): one still live, a
 * borrow of the same rep, traps — or, where fuse ends a borrow before the
 * callee's task does (`strict` 0: an async call whose borrows it cannot keep
 * with the subtask), is freed. Parameters: the lender's handle, the callee's
 * handle, `strict`.
 */
export function endLend(from: TableSite, to: TableSite | "rep", type: number): Generated {
  const e = new Emitter([I32, I32, I32]);
  const slot = e.local(I32), rep = e.local(I32);
  slotAddress(e, from, 0, slot);
  e.localGet(slot).load(I32, 4, false, from.memory, 0).localSet(rep);
  e.localGet(slot).localGet(slot).load(I32, 4, false, from.memory, 12).i32Const(1).op(0x6b)
    .store(I32, 4, from.memory, 12);
  if (to !== "rep") {
    const other = e.local(I32);
    slotAddress(e, to, 1, other);
    // Live, a borrow (not own) of this type, of this rep: the callee kept it.
    e.localGet(other).load(I32, 4, false, to.memory, 4).i32Const(1 | (type << 8)).op(0x46);
    e.localGet(other).load(I32, 4, false, to.memory, 0).localGet(rep).op(0x46).op(0x71);
    e.if();
    e.localGet(2).if().unreachable().end();
    free(e, to, 1, other);
    e.end();
  }
  return { type: { params: [I32, I32, I32], results: [] }, body: e.body(), name: "end-lend" };
}
