/**
 * The host side of the canonical ABI in JS, for calling a fused module's
 * root exports the way a component runtime would: lower the arguments,
 * call, lift the results (with the spec's traps), call post-return.
 *
 * @module
 */
import type { CType, FuncSig } from "../../wasm/abi/mod.ts";
import {
  alignment,
  casesOf,
  discriminantSize,
  elemSize,
  fieldOffsets,
  flatten,
  flattenFuncType,
  payloadOffset,
} from "../../wasm/abi/mod.ts";
import type { Value } from "./wast.ts";

/** A trap raised while lifting or lowering (as opposed to inside wasm). */
export class CanonTrap extends Error {
  constructor(message: string) {
    super(message);
    this.name = "CanonTrap";
  }
}

/** What the host needs of the instance to call one export. */
export interface ExportAbi {
  func: (...args: unknown[]) => unknown;
  memory?: WebAssembly.Memory;
  realloc?: (a: number, b: number, c: number, d: number) => number;
  postReturn?: (...args: unknown[]) => void;
  encoding: "utf8" | "utf16" | "latin1+utf16";
}

const INT: Record<string, [number, boolean]> = {
  s8: [8, true],
  u8: [8, false],
  s16: [16, true],
  u16: [16, false],
  s32: [32, true],
  u32: [32, false],
  s64: [64, true],
  u64: [64, false],
};

function wrapInt(kind: string, v: bigint): bigint {
  const [bits, signed] = INT[kind];
  return signed ? BigInt.asIntN(bits, v) : BigInt.asUintN(bits, v);
}

class Lifter {
  constructor(private readonly abi: ExportAbi) {}

  private view(): DataView {
    if (!this.abi.memory) throw new CanonTrap("no memory");
    return new DataView(this.abi.memory.buffer);
  }

  private check(ptr: number, size: number, align: number, what: string): void {
    if (ptr % align !== 0) throw new CanonTrap(`${what} pointer not aligned`);
    if (ptr + size > this.view().byteLength) throw new CanonTrap(`${what} out of bounds of memory`);
  }

  /** `load(t, ptr)`. */
  load(t: CType, ptr: number): Value {
    const dv = this.view();
    this.check(ptr, elemSize(t), alignment(t), t.kind);
    switch (t.kind) {
      case "bool":
        return { t: "bool", v: dv.getUint8(ptr) !== 0 };
      case "s8":
        return { t: "int", type: t.kind, v: BigInt(dv.getInt8(ptr)) };
      case "u8":
        return { t: "int", type: t.kind, v: BigInt(dv.getUint8(ptr)) };
      case "s16":
        return { t: "int", type: t.kind, v: BigInt(dv.getInt16(ptr, true)) };
      case "u16":
        return { t: "int", type: t.kind, v: BigInt(dv.getUint16(ptr, true)) };
      case "s32":
        return { t: "int", type: t.kind, v: BigInt(dv.getInt32(ptr, true)) };
      case "u32":
        return { t: "int", type: t.kind, v: BigInt(dv.getUint32(ptr, true)) };
      case "s64":
        return { t: "int", type: t.kind, v: dv.getBigInt64(ptr, true) };
      case "u64":
        return { t: "int", type: t.kind, v: dv.getBigUint64(ptr, true) };
      case "f32":
        return { t: "float", type: "f32", v: dv.getFloat32(ptr, true) };
      case "f64":
        return { t: "float", type: "f64", v: dv.getFloat64(ptr, true) };
      case "char":
        return this.char(dv.getUint32(ptr, true));
      case "string":
        return this.string(dv.getUint32(ptr, true), dv.getUint32(ptr + 4, true));
      case "list":
        if (t.length !== undefined) {
          return {
            t: "list",
            v: Array.from(
              { length: t.length },
              (_, i) => this.load(t.element, ptr + i * elemSize(t.element)),
            ),
          };
        }
        return this.list(t.element, dv.getUint32(ptr, true), dv.getUint32(ptr + 4, true));
      case "record": {
        const offs = fieldOffsets(t.fields.map((f) => f.type));
        return {
          t: "record",
          v: t.fields.map((f, i) => ({ name: f.name, value: this.load(f.type, ptr + offs[i]) })),
        };
      }
      case "tuple": {
        const offs = fieldOffsets(t.types);
        return { t: "tuple", v: t.types.map((x, i) => this.load(x, ptr + offs[i])) };
      }
      case "flags": {
        const size = elemSize(t);
        let bits = 0n;
        for (let i = 0; i < size; i++) bits |= BigInt(dv.getUint8(ptr + i)) << BigInt(8 * i);
        return { t: "flags", v: t.names.filter((_, i) => (bits >> BigInt(i)) & 1n) };
      }
      case "own":
      case "borrow":
        return { t: "int", type: "u32", v: BigInt(dv.getUint32(ptr, true)) };
      default: {
        const cases = casesOf(t);
        const ds = discriminantSize(cases.length);
        const disc = ds === 1
          ? dv.getUint8(ptr)
          : ds === 2
          ? dv.getUint16(ptr, true)
          : dv.getUint32(ptr, true);
        if (disc >= cases.length) throw new CanonTrap("invalid variant discriminant");
        const payload = cases[disc] ? this.load(cases[disc]!, ptr + payloadOffset(t)) : undefined;
        return this.variantValue(t, disc, payload);
      }
    }
  }

  private variantValue(t: CType, disc: number, payload: Value | undefined): Value {
    switch (t.kind) {
      case "variant":
        return payload
          ? { t: "variant", tag: t.cases[disc].name, v: payload }
          : { t: "variant", tag: t.cases[disc].name };
      case "enum":
        return { t: "enum", tag: t.names[disc] };
      case "option":
        return disc === 0 ? { t: "option" } : { t: "option", v: payload };
      default:
        return payload
          ? { t: "result", ok: disc === 0, v: payload }
          : { t: "result", ok: disc === 0 };
    }
  }

  private char(c: number): Value {
    if (c >= 0x110000 || (c >= 0xd800 && c < 0xe000)) throw new CanonTrap("invalid char");
    return { t: "char", v: String.fromCodePoint(c) };
  }

  private string(ptr: number, len: number): Value {
    const enc = this.abi.encoding;
    let bytes = len, utf16 = enc === "utf16";
    if (enc === "latin1+utf16") {
      utf16 = (len & 0x80000000) !== 0;
      len &= 0x7fffffff;
      bytes = utf16 ? len * 2 : len;
    } else if (utf16) bytes = len * 2;
    // Any UTF-16-capable encoding aligns to 2, even when this string is Latin-1 (load_string).
    this.check(ptr, bytes, enc === "utf8" ? 1 : 2, "string pointer/length");
    const raw = new Uint8Array(this.abi.memory!.buffer, ptr, bytes);
    try {
      if (utf16) {
        return { t: "string", v: new TextDecoder("utf-16le", { fatal: true }).decode(raw) };
      }
      if (enc === "latin1+utf16") return { t: "string", v: String.fromCharCode(...raw) };
      return { t: "string", v: new TextDecoder("utf-8", { fatal: true }).decode(raw) };
    } catch {
      throw new CanonTrap("invalid string encoding");
    }
  }

  private list(element: CType, ptr: number, len: number): Value {
    const size = elemSize(element);
    this.check(ptr, size * len, alignment(element), "list pointer/length");
    return {
      t: "list",
      v: Array.from({ length: len }, (_, i) => this.load(element, ptr + i * size)),
    };
  }

  /** `lift_flat(t, values)`. */
  liftFlat(t: CType, flat: unknown[]): Value {
    let i = 0;
    const next = () => flat[i++];
    const go = (t: CType): Value => {
      switch (t.kind) {
        case "bool":
          return { t: "bool", v: (next() as number) !== 0 };
        case "s8":
        case "u8":
        case "s16":
        case "u16":
        case "s32":
        case "u32":
        case "s64":
        case "u64": {
          const raw = next();
          return { t: "int", type: t.kind, v: wrapInt(t.kind, BigInt(raw as number | bigint)) };
        }
        case "f32":
        case "f64":
          return { t: "float", type: t.kind, v: next() as number };
        case "char":
          return this.char((next() as number) >>> 0);
        case "string":
          return this.string((next() as number) >>> 0, (next() as number) >>> 0);
        case "list":
          if (t.length !== undefined) {
            return {
              t: "list",
              v: Array.from({ length: t.length }, () => go(t.element)),
            };
          }
          return this.list(t.element, (next() as number) >>> 0, (next() as number) >>> 0);
        case "record":
          return { t: "record", v: t.fields.map((f) => ({ name: f.name, value: go(f.type) })) };
        case "tuple":
          return { t: "tuple", v: t.types.map(go) };
        case "flags": {
          const n = flatten(t).length;
          let bits = 0n;
          for (let k = 0; k < n; k++) bits |= BigInt((next() as number) >>> 0) << BigInt(32 * k);
          return { t: "flags", v: t.names.filter((_, k) => (bits >> BigInt(k)) & 1n) };
        }
        case "own":
        case "borrow":
          return { t: "int", type: "u32", v: BigInt((next() as number) >>> 0) };
        default: {
          const cases = casesOf(t);
          const disc = (next() as number) >>> 0;
          const width = flatten(t).length - 1;
          const payloadFlat = flat.slice(i, i + width);
          i += width;
          if (disc >= cases.length) throw new CanonTrap("invalid variant discriminant");
          const c = cases[disc];
          let payload: Value | undefined;
          if (c) {
            // Coerce the joined slots back to the case's own flat types.
            const want = flatten(c);
            const vals = want.map((ft, k) => coerce(payloadFlat[k], ft as number));
            payload = new Lifter(this.abi).liftFlat(c, vals);
          }
          return this.variantValue(t, disc, payload);
        }
      }
    };
    return go(t);
  }
}

function coerce(v: unknown, to: number): unknown {
  if (to === 0x7f) return typeof v === "bigint" ? Number(BigInt.asIntN(32, v)) : v; // i32 from i64 slot
  if (to === 0x7d) {
    // f32 stored in an i32 or i64 slot: reinterpret the low bits.
    const bits = typeof v === "bigint" ? Number(BigInt.asUintN(32, v)) : (v as number) >>> 0;
    if (typeof v === "number" && !Number.isInteger(v)) return v;
    const dv = new DataView(new ArrayBuffer(4));
    dv.setUint32(0, bits, true);
    return dv.getFloat32(0, true);
  }
  if (to === 0x7c) {
    if (typeof v === "number") return v;
    const dv = new DataView(new ArrayBuffer(8));
    dv.setBigUint64(0, BigInt.asUintN(64, v as bigint), true);
    return dv.getFloat64(0, true);
  }
  return v;
}

/** Calls the export's realloc and checks what it returns, as lowering does. */
function checkedRealloc(abi: ExportAbi, align: number, size: number): number {
  const ptr = abi.realloc!(0, 0, align, size) >>> 0;
  if (ptr % align !== 0) throw new CanonTrap("realloc return: unaligned pointer");
  if (ptr + size > abi.memory!.buffer.byteLength) {
    throw new CanonTrap("realloc return: beyond end of memory");
  }
  return ptr;
}

/** Puts a case's own flat value into its joined variant slot (`lower_flat` of a variant). */
function widen(x: unknown, from: number, to: number): unknown {
  if (x === undefined) return to === 0x7e ? 0n : 0;
  if (from === to) return x;
  if (to === 0x7e) {
    if (from === 0x7d) {
      const dv = new DataView(new ArrayBuffer(4));
      dv.setFloat32(0, x as number, true);
      return BigInt(dv.getUint32(0, true));
    }
    if (from === 0x7c) {
      const dv = new DataView(new ArrayBuffer(8));
      dv.setFloat64(0, x as number, true);
      return dv.getBigUint64(0, true);
    }
    return BigInt.asUintN(64, BigInt(x as number));
  }
  const dv = new DataView(new ArrayBuffer(4));
  dv.setFloat32(0, x as number, true);
  return dv.getInt32(0, true);
}

/** Index of a variant-like value's case, and its payload. */
function caseOf(t: CType, v: Value): [number, Value | undefined] {
  switch (t.kind) {
    case "variant": {
      const x = v as { tag: string; v?: Value };
      return [t.cases.findIndex((c) => c.name === x.tag), x.v];
    }
    case "enum":
      return [t.names.indexOf((v as { tag: string }).tag), undefined];
    case "option": {
      const x = v as { v?: Value };
      return x.v === undefined ? [0, undefined] : [1, x.v];
    }
    default: {
      const x = v as { ok: boolean; v?: Value };
      return [x.ok ? 0 : 1, x.v];
    }
  }
}

/** `store(v, t, ptr)`: writes a value in its canonical layout (allocating strings / lists). */
function store(t: CType, v: Value, abi: ExportAbi, ptr: number): void {
  const view = () => new DataView(abi.memory!.buffer);
  const flat: unknown[] = [];
  switch (t.kind) {
    case "s64":
    case "u64":
      view().setBigUint64(ptr, BigInt.asUintN(64, (v as { v: bigint }).v), true);
      return;
    case "f32":
      view().setFloat32(ptr, (v as { v: number }).v, true);
      return;
    case "f64":
      view().setFloat64(ptr, (v as { v: number }).v, true);
      return;
    case "record": {
      const offs = fieldOffsets(t.fields.map((f) => f.type));
      t.fields.forEach((f, i) =>
        store(f.type, (v as { v: { value: Value }[] }).v[i].value, abi, ptr + offs[i])
      );
      return;
    }
    case "tuple": {
      const offs = fieldOffsets(t.types);
      t.types.forEach((x, i) => store(x, (v as { v: Value[] }).v[i], abi, ptr + offs[i]));
      return;
    }
    case "variant":
    case "enum":
    case "option":
    case "result": {
      const cases = casesOf(t);
      const [k, payload] = caseOf(t, v);
      const ds = discriminantSize(cases.length);
      const dv = view();
      if (ds === 1) dv.setUint8(ptr, k);
      else if (ds === 2) dv.setUint16(ptr, k, true);
      else dv.setUint32(ptr, k, true);
      if (cases[k] && payload) store(cases[k]!, payload, abi, ptr + payloadOffset(t));
      return;
    }
    case "list":
      if (t.length !== undefined) {
        (v as { v: Value[] }).v.forEach((x, i) =>
          store(t.element, x, abi, ptr + i * elemSize(t.element))
        );
        return;
      }
  }
  // Everything else stores its flat form: one or two i32s of the type's width.
  lowerFlat(t, v, abi, flat);
  const size = Math.min(4, elemSize(t));
  flat.forEach((x, i) => {
    const dv = view();
    if (size === 1) dv.setUint8(ptr, x as number);
    else if (size === 2) dv.setUint16(ptr, x as number, true);
    else dv.setUint32(ptr + 4 * i, x as number, true);
  });
}

/** Lowers a JS value into flat core values (scalars and strings/lists via realloc). */
function lowerFlat(t: CType, v: Value, abi: ExportAbi, out: unknown[]): void {
  switch (t.kind) {
    case "bool":
      out.push((v as { v: boolean }).v ? 1 : 0);
      return;
    case "s64":
    case "u64":
      out.push(BigInt.asIntN(64, (v as { v: bigint }).v));
      return;
    case "f32":
    case "f64":
      out.push((v as { v: number }).v);
      return;
    case "char":
      out.push((v as { v: string }).v.codePointAt(0));
      return;
    case "string": {
      const s = (v as { v: string }).v;
      if (abi.encoding === "utf16") {
        const ptr = abi.realloc!(0, 0, 2, s.length * 2);
        const dv = new DataView(abi.memory!.buffer);
        for (let i = 0; i < s.length; i++) dv.setUint16(ptr + 2 * i, s.charCodeAt(i), true);
        out.push(ptr, s.length);
      } else {
        const bytes = new TextEncoder().encode(s);
        const ptr = abi.realloc!(0, 0, 1, bytes.length);
        new Uint8Array(abi.memory!.buffer).set(bytes, ptr);
        out.push(ptr, bytes.length);
      }
      return;
    }
    case "record":
      t.fields.forEach((f, i) =>
        lowerFlat(f.type, (v as { v: { value: Value }[] }).v[i].value, abi, out)
      );
      return;
    case "tuple":
      t.types.forEach((x, i) => lowerFlat(x, (v as { v: Value[] }).v[i], abi, out));
      return;
    case "enum":
      out.push(t.names.indexOf((v as { tag: string }).tag));
      return;
    case "flags": {
      const names = (v as { v: string[] }).v;
      out.push(t.names.reduce((bits, n, i) => names.includes(n) ? bits | (1 << i) : bits, 0));
      return;
    }
    case "list": {
      const items = (v as { v: Value[] }).v;
      if (t.length !== undefined) {
        items.forEach((x) => lowerFlat(t.element, x, abi, out));
        return;
      }
      const size = elemSize(t.element);
      const ptr = checkedRealloc(abi, alignment(t.element), size * items.length);
      items.forEach((x, i) => store(t.element, x, abi, ptr + i * size));
      out.push(ptr, items.length);
      return;
    }
    case "variant":
    case "option":
    case "result": {
      const cases = casesOf(t);
      const [k, payload] = caseOf(t, v);
      const joined = flatten(t).slice(1);
      const mine = cases[k] ? flatten(cases[k]!) : [];
      const vals: unknown[] = [];
      if (cases[k] && payload) lowerFlat(cases[k]!, payload, abi, vals);
      out.push(k);
      joined.forEach((jt, i) => out.push(widen(vals[i], mine[i] as number, jt as number)));
      return;
    }
    default:
      if (t.kind.startsWith("s") || t.kind.startsWith("u")) {
        out.push(Number(BigInt.asIntN(32, (v as { v: bigint }).v)));
        return;
      }
      throw new CanonTrap(`lowering a ${t.kind} argument is not supported by the test host`);
  }
}

/**
 * Calls an export with JS values; returns the lifted result (or undefined).
 *
 * @example
 * ```ts
 * import { callExport } from "./canon_host.ts";
 * // const v = callExport(sig, abi, [{ t: "int", type: "u32", v: 1n }]);
 * ```
 */
export function callExport(sig: FuncSig, abi: ExportAbi, args: Value[]): Value | undefined {
  const flat: unknown[] = [];
  const shape = flattenFuncType(sig, "lift");
  if (shape.paramsIndirect) {
    const tuple: CType = { kind: "tuple", types: sig.params.map((p) => p.type) };
    const ptr = abi.realloc!(0, 0, alignment(tuple), elemSize(tuple));
    store(tuple, { t: "tuple", v: args }, abi, ptr);
    flat.push(ptr);
  } else sig.params.forEach((p, i) => lowerFlat(p.type, args[i], abi, flat));
  const raw = abi.func(...flat);
  const lifter = new Lifter(abi);
  let result: Value | undefined;
  if (sig.result) {
    result = shape.resultsIndirect
      ? lifter.load(sig.result, (raw as number) >>> 0)
      : lifter.liftFlat(sig.result, [raw]);
  }
  if (abi.postReturn) abi.postReturn(...(raw === undefined ? [] : [raw]));
  return result;
}
