/**
 * Canonical-ABI adapters: the core function that stands between a
 * component's `canon lower` of an import and another component's
 * `canon lift` of the export that satisfies it.
 *
 * The adapter takes the caller's (lower) core signature, copies the
 * arguments into the callee (allocating with the callee's realloc,
 * `memory.copy` between memories when they differ), calls the callee's
 * core function, copies the results back into the caller (allocating with
 * the caller's realloc, writing through the caller's return pointer when
 * results are in memory), then calls the callee's post-return with its raw
 * results. Values are always copied, never shared: the callee's
 * post-return may free what it returned, and an argument the callee owns
 * may be freed by it, so nothing crosses the boundary by reference.
 *
 * @module
 */
import type { FuncType, ValType } from "../../../wasm/module/model.ts";
import type { CType, FuncSig } from "./types.ts";
import {
  alignment,
  casesOf,
  discriminantSize,
  elemSize,
  F32,
  F64,
  fieldOffsets,
  flatten,
  flattenFuncType,
  I32,
  I64,
  isVariantLike,
  needsDeepCopy,
  paramsTuple,
  payloadOffset,
} from "./layout.ts";
import { Emitter } from "./emitter.ts";
import { convert } from "./convert.ts";
import { storeFlat } from "./store_flat.ts";
import { emitTranscode } from "./transcode.ts";
import { FuseError } from "../errors.ts";

/** Number types as a load reads them: value type, width, signed. */
const NUMBER_WIDTH: Record<string, [ValType, number, boolean]> = {
  u8: [I32, 1, false],
  s8: [I32, 1, true],
  u16: [I32, 2, false],
  s16: [I32, 2, true],
  u32: [I32, 4, false],
  s32: [I32, 4, false],
  u64: [I64, 8, false],
  s64: [I64, 8, false],
  f32: [F32, 4, false],
  f64: [F64, 8, false],
};

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
  calleeTask?: { state: number; type: number; typeId: number; slots: number[]; indirect: boolean };
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

/** Copies values of one type from one side's representation to the other's. */
class Translator {
  constructor(
    private readonly e: Emitter,
    private readonly src: AdapterSide,
    private readonly dst: AdapterSide,
    private readonly where: string,
    private readonly handle?: (kind: "own" | "borrow", resource: number) => number,
    private readonly release?: (resource: number) => number,
  ) {}

  /** Borrows lent for this call, ended once it returns. */
  readonly lent: { release: number; from: number; to: number }[] = [];

  /** Moves handle local `h` across; returns the local holding the result. */
  private moveHandle(t: CType & { kind: "own" | "borrow" }, h: number): number {
    const o = this.e.local(I32);
    this.e.localGet(h).call(this.handleFunc(t)).localSet(o);
    if (t.kind === "borrow" && this.release) {
      this.lent.push({ release: this.release(t.resource), from: h, to: o });
    }
    return o;
  }

  /** The function that moves a handle across, or an error when there is none. */
  private handleFunc(t: CType & { kind: "own" | "borrow" }): number {
    if (!this.handle) {
      this.fail("resource handles need handle tables, which this adapter was not given");
    }
    return this.handle(t.kind, t.resource);
  }

  private fail(what: string): never {
    throw new FuseError("unsupported-adapter", this.where, what, "");
  }

  private realloc(align: number, sizeLocal: number): number {
    if (this.dst.realloc === undefined) {
      this.fail("the receiving side has no realloc, but the value needs memory there");
    }
    const out = this.e.local(I32);
    this.e.i32Const(0).i32Const(0).i32Const(align).localGet(sizeLocal).call(this.dst.realloc)
      .localSet(out);
    checkAligned(this.e, out, align);
    return out;
  }

  /** Copies a string given as (ptr, len) locals; returns the new (ptr, len) locals. */
  string(ptr: number, len: number): [number, number] {
    const e = this.e;
    if (this.src.encoding !== "utf8") checkAligned(e, ptr, 2);
    // latin1+utf16 on both sides still transcodes: over-wide UTF-16 deflates to Latin-1.
    if (this.src.encoding !== this.dst.encoding || this.src.encoding === "latin1+utf16") {
      if (this.dst.realloc === undefined) {
        this.fail("the receiving side has no realloc for the string");
      }
      return emitTranscode(
        e,
        this.src.encoding,
        this.dst.encoding,
        {
          srcMemory: this.src.memory,
          dstMemory: this.dst.memory,
          dstRealloc: this.dst.realloc,
        },
        ptr,
        len,
      );
    }
    const bytes = e.local(I32);
    if (this.src.encoding === "utf8") e.localGet(len).localSet(bytes);
    else if (this.src.encoding === "utf16") e.localGet(len).i32Const(1).op(0x74).localSet(bytes); // len << 1
    else {
      // latin1+utf16: the top bit tags UTF-16; its code units are 2 bytes.
      e.localGet(len).i32Const(0x7fffffff).op(0x71); // and
      e.localGet(len).i32Const(31).op(0x76); // shr_u → 0 or 1
      e.op(0x74).localSet(bytes); // shl
    }
    const np = this.realloc(this.src.encoding === "utf8" ? 1 : 2, bytes);
    e.localGet(np).localGet(ptr).localGet(bytes).memoryCopy(this.dst.memory, this.src.memory);
    return [np, len];
  }

  /** Copies a list given as (ptr, len) locals; returns the new (ptr, len) locals. */
  list(element: CType, ptr: number, len: number): [number, number] {
    const e = this.e;
    checkAligned(e, ptr, alignment(element));
    const size = elemSize(element);
    const bytes = e.local(I32);
    e.localGet(len).i32Const(size).op(0x6c).localSet(bytes); // mul
    const np = this.realloc(alignment(element), bytes);
    if (!needsDeepCopy(element) && !needsValidation(element)) {
      e.localGet(np).localGet(ptr).localGet(bytes).memoryCopy(this.dst.memory, this.src.memory);
      return [np, len];
    }
    const i = e.local(I32), sa = e.local(I32), da = e.local(I32);
    e.i32Const(0).localSet(i);
    e.block().loop();
    e.localGet(i).localGet(len).op(0x4f).brIf(1); // i >= len → exit
    e.localGet(ptr).localGet(i).i32Const(size).op(0x6c).op(0x6a).localSet(sa);
    e.localGet(np).localGet(i).i32Const(size).op(0x6c).op(0x6a).localSet(da);
    this.memory(element, sa, 0, da, 0);
    e.localGet(i).i32Const(1).op(0x6a).localSet(i);
    e.br(0).end().end();
    return [np, len];
  }

  /** Copies one value stored at `sa + so` (source memory) to `da + doff` (destination memory). */
  memory(t: CType, sa: number, so: number, da: number, doff: number): void {
    const e = this.e;
    const sm = this.src.memory, dm = this.dst.memory;
    const scalar = (type: ValType, width: number, fix?: () => void) => {
      e.localGet(da).localGet(sa).load(type, width, false, sm, so);
      fix?.();
      e.store(type, width, dm, doff);
    };
    switch (t.kind) {
      case "bool":
        return scalar(I32, 1, () => e.i32Const(0).op(0x47)); // != 0
      case "s8":
      case "u8":
        return scalar(I32, 1);
      case "s16":
      case "u16":
        return scalar(I32, 2);
      case "s32":
      case "u32":
        return scalar(I32, 4);
      case "own":
      case "borrow": {
        const h = e.local(I32);
        e.localGet(sa).load(I32, 4, false, sm, so).localSet(h);
        const o = this.moveHandle(t, h);
        e.localGet(da).localGet(o).store(I32, 4, dm, doff);
        return;
      }
      case "char": {
        const c = e.local(I32);
        e.localGet(sa).load(I32, 4, false, sm, so).localSet(c);
        this.checkChar(c);
        e.localGet(da).localGet(c).store(I32, 4, dm, doff);
        return;
      }
      case "f32":
        return scalar(F32, 4);
      case "s64":
      case "u64":
        return scalar(I64, 8);
      case "f64":
        return scalar(F64, 8);
      case "string":
      case "list": {
        if (t.kind === "list" && t.length !== undefined) {
          const types = Array.from({ length: t.length }, () => t.element);
          return this.memory({ kind: "tuple", types }, sa, so, da, doff);
        }
        const p = e.local(I32), n = e.local(I32);
        e.localGet(sa).load(I32, 4, false, sm, so).localSet(p);
        e.localGet(sa).load(I32, 4, false, sm, so + 4).localSet(n);
        const [np, nn] = t.kind === "list" ? this.list(t.element, p, n) : this.string(p, n);
        e.localGet(da).localGet(np).store(I32, 4, dm, doff);
        e.localGet(da).localGet(nn).store(I32, 4, dm, doff + 4);
        return;
      }
      case "record":
      case "tuple": {
        const types = t.kind === "record" ? t.fields.map((f) => f.type) : t.types;
        const offs = fieldOffsets(types);
        types.forEach((ft, k) => this.memory(ft, sa, so + offs[k], da, doff + offs[k]));
        return;
      }
      case "flags": {
        // Bits beyond the declared flags are ignored, as lifting does.
        const size = elemSize(t);
        const n = t.names.length;
        if (size <= 2) return scalar(I32, size, () => e.i32Const((1 << n) - 1).op(0x71));
        for (let k = 0; k < size; k += 4) {
          const bits = Math.min(32, n - 8 * k);
          e.localGet(da).localGet(sa).load(I32, 4, false, sm, so + k);
          if (bits < 32) e.i32Const((1 << bits) - 1).op(0x71);
          e.store(I32, 4, dm, doff + k);
        }
        return;
      }
      default: {
        const cases = casesOf(t);
        const dsize = discriminantSize(cases.length);
        const disc = e.local(I32);
        e.localGet(sa).load(I32, dsize, false, sm, so).localSet(disc);
        // Trap on an invalid discriminant, as lifting does.
        e.localGet(disc).i32Const(cases.length).op(0x4f).if().unreachable().end();
        e.localGet(da).localGet(disc).store(I32, dsize, dm, doff);
        const po = payloadOffset(t);
        cases.forEach((c, k) => {
          if (!c) return;
          e.localGet(disc).i32Const(k).op(0x46).if();
          this.memory(c, sa, so + po, da, doff + po);
          e.end();
        });
        return;
      }
    }
  }

  private checkChar(c: number): void {
    const e = this.e;
    // c >= 0x110000 || (0xD800 <= c < 0xE000) → trap
    e.localGet(c).i32Const(0x110000).op(0x4f);
    e.localGet(c).i32Const(0xd800).op(0x6b).i32Const(0x800).op(0x49); // (c - 0xD800) <u 0x800
    e.op(0x72).if().unreachable().end();
  }

  /** Translates flat values held in `ins` (one local per flat slot); returns the output locals. */
  flat(t: CType, ins: number[]): number[] {
    const e = this.e;
    switch (t.kind) {
      case "bool": {
        const o = e.local(I32);
        e.localGet(ins[0]).i32Const(0).op(0x47).localSet(o);
        return [o];
      }
      case "char":
        this.checkChar(ins[0]);
        return ins;
      case "u8":
      case "u16":
      case "s8":
      case "s16": {
        // lift_flat narrows: unsigned masks, signed sign-extends the low bits.
        const o = e.local(I32);
        e.localGet(ins[0]);
        if (t.kind === "u8") e.i32Const(0xff).op(0x71);
        else if (t.kind === "u16") e.i32Const(0xffff).op(0x71);
        else e.op(t.kind === "s8" ? 0xc0 : 0xc1);
        e.localSet(o);
        return [o];
      }
      case "string":
        return this.string(ins[0], ins[1]);
      case "list":
        if (t.length === undefined) return this.list(t.element, ins[0], ins[1]);
        return this.flatSeq(Array.from({ length: t.length }, () => t.element), ins);
      case "record":
        return this.flatSeq(t.fields.map((f) => f.type), ins);
      case "tuple":
        return this.flatSeq(t.types, ins);
      case "own":
      case "borrow":
        return [this.moveHandle(t, ins[0])];
      case "flags": {
        // Bits beyond the declared flags are ignored, as lifting does.
        return ins.map((x, k) => {
          const n = Math.min(32, t.names.length - 32 * k);
          if (n >= 32) return x;
          const o = e.local(I32);
          e.localGet(x).i32Const((1 << n) - 1).op(0x71).localSet(o);
          return o;
        });
      }
      default:
        if (isVariantLike(t)) {
          // An out-of-range discriminant traps, as lifting does.
          e.localGet(ins[0]).i32Const(casesOf(t).length).op(0x4f).if().unreachable().end();
        }
        if (isVariantLike(t) && variantNeedsWork(t)) return this.flatVariant(t, ins);
        return ins;
    }
    return ins;
  }

  /**
   * A flat variant whose payload holds pointers or handles: branch on the
   * discriminant, narrow the joined slots to the case's own flat types,
   * translate the payload, and widen the results back into joined slots.
   */
  private flatVariant(t: CType, ins: number[]): number[] {
    const e = this.e;
    const joined = flatten(t).slice(1) as number[];
    const outs = [e.local(I32), ...joined.map((jt) => e.local(jt))];
    for (let k = 0; k < ins.length; k++) e.localGet(ins[k]).localSet(outs[k]);
    casesOf(t).forEach((c, k) => {
      if (!c || !caseNeedsWork(c, joined)) return;
      e.localGet(ins[0]).i32Const(k).op(0x46).if();
      const own = flatten(c) as number[];
      const caseIns = own.map((ft, i) => {
        const l = e.local(ft);
        e.localGet(ins[1 + i]);
        convert(e, joined[i], ft);
        e.localSet(l);
        return l;
      });
      const translated = this.flat(c, caseIns);
      translated.forEach((l, i) => {
        e.localGet(l);
        convert(e, own[i], joined[i]);
        e.localSet(outs[1 + i]);
      });
      e.end();
    });
    return outs;
  }

  private flatSeq(types: CType[], ins: number[]): number[] {
    const out: number[] = [];
    let k = 0;
    for (const ft of types) {
      const n = flatten(ft).length;
      out.push(...this.flat(ft, ins.slice(k, k + n)));
      k += n;
    }
    return out;
  }
}

/**
 * Whether lifting a flat value of `t` changes its bits or may trap: small
 * integers are narrowed, bools normalized, chars, flags and discriminants
 * checked, pointers and handles moved.
 */
function liftChanges(t: CType): boolean {
  switch (t.kind) {
    case "u8":
    case "u16":
    case "s8":
    case "s16":
    case "bool":
    case "char":
    case "flags":
    case "string":
    case "own":
    case "borrow":
      return true;
    case "list":
      return t.length === undefined || liftChanges(t.element);
    case "record":
      return t.fields.some((f) => liftChanges(f.type));
    case "tuple":
      return t.types.some(liftChanges);
    case "variant":
    case "option":
    case "result":
    case "enum":
      return true;
    default:
      return false;
  }
}

/**
 * Whether a variant case's payload must be narrowed from the joined slots:
 * its own flat types differ from the slots (an f32 in an i64 slot keeps only
 * its low bits), or lifting it changes bits (a u8 in an i32 slot).
 */
function caseNeedsWork(c: CType, joined: number[]): boolean {
  return liftChanges(c) || (flatten(c) as number[]).some((t, i) => t !== joined[i]);
}

function variantNeedsWork(t: CType): boolean {
  const joined = flatten(t).slice(1) as number[];
  return casesOf(t).some((c) => c !== undefined && caseNeedsWork(c, joined));
}

/** Calls the callee's post-return, if it has one, with its raw results. */
function callPostReturn(e: Emitter, req: AdapterRequest, raw: number[]): void {
  if (req.callee.postReturn === undefined) return;
  for (const x of raw) e.localGet(x);
  e.call(req.callee.postReturn);
}

/** Traps unless local `ptr` is a multiple of `align`. */
function checkAligned(e: Emitter, ptr: number, align: number): void {
  if (align <= 1) return;
  e.localGet(ptr).i32Const(align - 1).op(0x71).if().unreachable().end();
}

function needsValidation(t: CType): boolean {
  switch (t.kind) {
    case "bool":
    case "char":
      return true;
    case "record":
      return t.fields.some((f) => needsValidation(f.type));
    case "tuple":
      return t.types.some(needsValidation);
    case "list":
      return t.length !== undefined && needsValidation(t.element);
    case "variant":
    case "option":
    case "result":
    case "enum":
      return true;
    default:
      return false;
  }
}

/**
 * Generates the adapter for one lowered import bound to a lifted export.
 *
 * @example
 * ```ts
 * import { generateAdapter } from "./adapter.ts";
 * const a = generateAdapter({
 *   sig: { params: [{ name: "x", type: { kind: "u32" } }], result: { kind: "bool" } },
 *   caller: { memory: 0, encoding: "utf8" },
 *   callee: { memory: 0, encoding: "utf8", func: 3 },
 * });
 * console.log(a.type); // { params: [0x7f], results: [0x7f] }
 * ```
 */
export function generateAdapter(req: AdapterRequest): GeneratedFunction {
  const where = req.where ?? "adapter";
  const lower = flattenFuncType(req.sig, req.callerAsync ? "async lower" : "lower");
  const lift = flattenFuncType(req.sig, req.calleeTask ? "async lift" : "lift");
  // An async lower passes more than 4 flat parameters by pointer; a callee taking them flat
  // gets them loaded (numbers only: the loads are the lift from memory).
  const loadParams = lower.paramsIndirect && !lift.paramsIndirect;
  if (loadParams && !req.sig.params.every((p) => NUMBER_WIDTH[p.type.kind] !== undefined)) {
    throw new FuseError(
      "unsupported-adapter",
      where,
      "an async lower passing its parameters by pointer to a callee that takes them flat",
      "pass at most 4 flat parameters, or only numbers",
    );
  }
  const e = new Emitter(lower.params);
  const cb = req.calleeCallback;
  const task = req.calleeTask;
  const cbTask = cb ? e.local(I32) : -1;
  if (cb) {
    // The task record comes first: it is the task call's first argument.
    const retptr = req.callerAsync && req.sig.result ? lower.params.length - 1 : undefined;
    e.i32Const(cb.thunk).i32Const(cb.complete).i32Const(task?.typeId ?? 0);
    if (retptr === undefined) e.i32Const(0);
    else e.localGet(retptr);
    e.call(cb.taskNew).localTee(cbTask);
  }
  const down = new Translator(
    e,
    req.caller,
    req.callee,
    where,
    req.handles?.down,
    req.handles?.release,
  );
  const up = new Translator(e, req.callee, req.caller, where, req.handles?.up);
  // Arguments.
  if (loadParams) {
    const tuple = paramsTuple(req.sig);
    checkAligned(e, 0, alignment(tuple));
    const offsets = fieldOffsets(req.sig.params.map((p) => p.type));
    const ins = req.sig.params.map((p, i) => {
      const [type, width, signed] = NUMBER_WIDTH[p.type.kind];
      const l = e.local(type);
      e.localGet(0).load(type, width, signed, req.caller.memory, offsets[i]).localSet(l);
      return l;
    });
    for (const o of down.flat(tuple, ins)) e.localGet(o);
  } else if (!lower.paramsIndirect) {
    const n = req.sig.params.reduce((k, p) => k + flatten(p.type).length, 0);
    const ins = Array.from({ length: n }, (_, i) => i);
    const outs = down.flat(paramsTuple(req.sig), ins);
    for (const o of outs) e.localGet(o);
  } else {
    const tuple = paramsTuple(req.sig);
    if (req.callee.realloc === undefined) {
      throw new FuseError(
        "unsupported-adapter",
        where,
        "more than 16 flat parameters but the callee has no realloc",
        "",
      );
    }
    const size = e.local(I32);
    e.i32Const(elemSize(tuple)).localSet(size);
    const area = e.local(I32);
    e.i32Const(0).i32Const(0).i32Const(alignment(tuple)).localGet(size).call(req.callee.realloc)
      .localSet(area);
    checkAligned(e, area, alignment(tuple));
    // The caller's tuple pointer must be aligned too.
    checkAligned(e, 0, alignment(tuple));
    down.memory(tuple, 0, 0, area, 0);
    e.localGet(area);
  }
  if (task && !cb) e.i32Const(1).globalSet(task.state).i32Const(task.typeId).globalSet(task.type);
  e.call(cb ? cb.start : req.callee.func);
  // Borrows lent for the call end when it returns (results are kept in locals meanwhile).
  const endLends = () => {
    for (const l of down.lent) e.localGet(l.from).localGet(l.to).call(l.release);
  };
  // Where the callee's results are: flat in locals, or in its memory at a pointer.
  let source: { flat: number[] } | { area: number } | undefined;
  const raw: number[] = [];
  if (cb) {
    const code = e.local(I32);
    e.localSet(code).localGet(cbTask).localGet(code).call(cb.after);
    if (req.callerAsync) {
      // The results reach the caller through `complete`, now or when the task returns.
      endLends();
      e.localGet(cbTask).call(cb.subtaskStart!);
      return { type: { params: lower.params, results: lower.results }, body: e.body() };
    }
    e.localGet(cbTask).call(cb.runUntilReturned);
  }
  if (task) {
    if (!cb) {
      // A stackful task that returned without task.return traps; then the instance is free again.
      e.globalGet(task.state).i32Const(2).op(0x47).if().unreachable().end();
      e.i32Const(0).globalSet(task.state);
    }
    if (req.sig.result) {
      const locals = taskResults(e, task, req.sig.result);
      source = task.indirect ? { area: locals[0] } : { flat: locals };
    }
    endLends();
  } else if (req.sig.result) {
    const r = e.local(lift.results[0]);
    e.localSet(r);
    raw.push(r);
    source = lift.resultsIndirect ? { area: r } : { flat: [r] };
    endLends();
  } else endLends();
  if (req.sig.result && source) {
    const result = req.sig.result;
    if ("area" in source) checkAligned(e, source.area, alignment(result));
    if (!lower.resultsIndirect) {
      // One flat result, returned as it is.
      const outs = up.flat(result, (source as { flat: number[] }).flat);
      callPostReturn(e, req, raw);
      for (const o of outs) e.localGet(o);
      return { type: { params: lower.params, results: lower.results }, body: e.body() };
    }
    const retptr = lower.params.length - 1;
    checkAligned(e, retptr, alignment(result));
    if ("area" in source) up.memory(result, source.area, 0, retptr, 0);
    else storeFlat(e, result, up.flat(result, source.flat), req.caller.memory, retptr, 0);
  }
  callPostReturn(e, req, raw);
  // An async caller gets the subtask's status: RETURNED (2), with no subtask left behind.
  if (req.callerAsync) e.i32Const(2);
  return { type: { params: lower.params, results: lower.results }, body: e.body() };
}

/**
 * The completion of an async call into a callback-lifted callee: lowers the
 * results its task handed to `task.return` (in the slot globals) into the
 * caller's memory at the retptr, its only parameter.
 *
 * @example
 * ```ts
 * import { generateCompletion } from "./adapter.ts";
 * const c = generateCompletion({
 *   sig: { params: [], result: { kind: "u32" } },
 *   caller: { memory: 0, encoding: "utf8" },
 *   callee: { memory: 0, encoding: "utf8", func: 0 },
 *   calleeTask: { state: 0, type: 1, typeId: 1, slots: [2], indirect: false },
 * });
 * console.log(c.type); // { params: [127], results: [] }
 * ```
 */
export function generateCompletion(req: AdapterRequest): GeneratedFunction {
  const where = req.where ?? "adapter";
  const task = req.calleeTask!;
  const result = req.sig.result!;
  const e = new Emitter([I32]);
  const up = new Translator(e, req.callee, req.caller, where, req.handles?.up);
  const locals = taskResults(e, task, result);
  checkAligned(e, 0, alignment(result));
  if (task.indirect) {
    checkAligned(e, locals[0], alignment(result));
    up.memory(result, locals[0], 0, 0, 0);
  } else storeFlat(e, result, up.flat(result, locals), req.caller.memory, 0, 0);
  return { type: { params: [I32], results: [] }, body: e.body() };
}

/**
 * Reads the results a task handed to `task.return` (its slot globals) into
 * new locals: the flat values, or the one pointer when they went indirect.
 */
function taskResults(
  e: Emitter,
  task: NonNullable<AdapterRequest["calleeTask"]>,
  result: CType,
): number[] {
  const locals = task.indirect ? [e.local(I32)] : flatten(result).map((t) => e.local(t));
  locals.forEach((l, i) => e.globalGet(task.slots[i]).localSet(l));
  return locals;
}
