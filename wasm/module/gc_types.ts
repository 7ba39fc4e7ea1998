/**
 * GC type definitions (`rec`, `sub`, `sub final`, `struct`, `array`, and
 * function types inside them). Each is kept as its bytes plus the position
 * of every type index it holds, so a merge can renumber the indices without
 * a full structural model; a function type inside one is also parsed, for
 * signature lookups.
 *
 * @module
 */
import { BinaryReader } from "../reader.ts";
import { BinaryWriter } from "../writer.ts";
import type { FuncType, GcType, TypeRef } from "./model.ts";
import { readCoreFuncTypeBody } from "./types.ts";

/** The form bytes that start a GC type definition. */
export const GC_TYPE_FORMS: ReadonlySet<number> = new Set([0x4e, 0x50, 0x4f, 0x5e, 0x5f]);

/**
 * Reads one `rectype` whose form byte is in {@linkcode GC_TYPE_FORMS}: the
 * types it defines, the first of a `rec` group carrying the group's size.
 *
 * @example
 * ```ts
 * import { readGcRecType } from "./gc_types.ts";
 * import { BinaryReader } from "../reader.ts";
 * // (type (struct (field i32)))
 * const [t] = readGcRecType(new BinaryReader(new Uint8Array([0x5f, 1, 0x7f, 0])));
 * console.log(t.bytes.length, t.refs.length); // 4 0
 * ```
 */
export function readGcRecType(r: BinaryReader): GcType[] {
  if (r.peek("a type form") !== 0x4e) return [readSubType(r)];
  r.u8();
  const n = r.count("rec group size", 1);
  const out: GcType[] = [];
  for (let i = 0; i < n; i++) {
    const t = readSubType(r);
    t.rec = i === 0 ? n : 0;
    out.push(t);
  }
  return out;
}

function readSubType(r: BinaryReader): GcType {
  const start = r.pos;
  const refs: TypeRef[] = [];
  const ref = (signed: boolean) => {
    const at = r.pos;
    const index = signed ? Number(r.s64("a heap type index")) : r.u32("a supertype index");
    if (index < 0) r.fail("bad-value", `invalid heap type ${index}`);
    refs.push({ start: at - start, end: r.pos - start, signed, index });
  };
  const valType = () => {
    const at = r.offset;
    const b = r.u8("a value type");
    if (b === 0x63 || b === 0x64) {
      const h = r.peek("a heap type");
      if (h >= 0x40 && h < 0x80) r.u8();
      else ref(true);
    } else if (!(b >= 0x69 && b <= 0x7f) || b === 0x79 || b === 0x7a) {
      r.fail("bad-value", `unknown storage type 0x${b.toString(16)} at ${at}`);
    }
  };
  const form0 = r.peek("a type form");
  if (form0 === 0x50 || form0 === 0x4f) {
    r.u8();
    const supers = r.count("supertype count", 1);
    for (let i = 0; i < supers; i++) ref(false);
  }
  const at = r.offset;
  const form = r.u8("a composite type");
  let func: FuncType | undefined;
  if (form === 0x5e) {
    valType();
    r.u8("field mutability");
  } else if (form === 0x5f) {
    const fields = r.count("field count", 2);
    for (let i = 0; i < fields; i++) {
      valType();
      r.u8("field mutability");
    }
  } else if (form === 0x60) {
    const body = r.pos;
    func = readCoreFuncTypeBody(r);
    r.pos = body;
    for (let k = 0; k < 2; k++) {
      const n = r.count(k ? "result count" : "parameter count", 1);
      for (let i = 0; i < n; i++) valType();
    }
  } else {
    r.fail("bad-value", `unknown composite type 0x${form.toString(16)} at ${at}`);
  }
  return { kind: "gc", bytes: r.bytes.slice(start, r.pos), refs, ...(func ? { func } : {}) };
}

/**
 * `t` with every type index `i` replaced by `map(i)` (a new definition;
 * `t` is unchanged).
 *
 * @example
 * ```ts
 * import { readGcRecType, renumberGcType } from "./gc_types.ts";
 * import { BinaryReader } from "../reader.ts";
 * // (type (struct (field (ref null 0))))
 * const [t] = readGcRecType(new BinaryReader(new Uint8Array([0x5f, 1, 0x63, 0, 0])));
 * console.log(renumberGcType(t, (i) => i + 70).bytes); // Uint8Array(6) [95, 1, 99, 198, 0, 0]
 * ```
 */
export function renumberGcType(t: GcType, map: (index: number) => number): GcType {
  const w = new BinaryWriter();
  const refs: TypeRef[] = [];
  let from = 0;
  for (const ref of t.refs) {
    w.bytes(t.bytes.subarray(from, ref.start));
    const index = map(ref.index);
    const start = w.length;
    if (ref.signed) w.s32(index);
    else w.u32(index);
    refs.push({ start, end: w.length, signed: ref.signed, index });
    from = ref.end;
  }
  w.bytes(t.bytes.subarray(from));
  const out: GcType = { ...t, bytes: w.finish().slice(), refs };
  if (t.func) {
    const r = new BinaryReader(out.bytes, out.bytes.indexOf(0x60) + 1);
    out.func = readCoreFuncTypeBody(r);
  }
  return out;
}

/**
 * Writes `t`: a `rec` header first when it opens a group.
 *
 * @example
 * ```ts
 * import { writeGcType } from "./gc_types.ts";
 * import { BinaryWriter } from "../writer.ts";
 * const w = new BinaryWriter();
 * writeGcType(w, { kind: "gc", bytes: new Uint8Array([0x5e, 0x7f, 1]), refs: [] });
 * console.log(w.finish()); // Uint8Array(3) [94, 127, 1]
 * ```
 */
export function writeGcType(w: BinaryWriter, t: GcType): void {
  if (t.rec) w.u8(0x4e).u32(t.rec);
  w.bytes(t.bytes);
}
