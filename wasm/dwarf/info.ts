/**
 * The variables of DWARF debug info (`.debug_info` with `.debug_abbrev` and
 * `.debug_str`, version 4) that live at a fixed linear-memory address (C
 * file-scope and function `static` variables, Rust statics), with their
 * types as far as a debugger outside wasm can show them.
 *
 * @module
 */
import { BinaryReader } from "../reader.ts";
import { WasmDecodeError } from "../errors.ts";
import { forEachUnit } from "./unit.ts";

/** A variable's type, reduced to what a native debugger can show of wasm memory. */
export type DwarfType =
  | { kind: "base"; name: string; size: number; encoding: number }
  /** A pointer: a 32-bit linear-memory address. */
  | { kind: "pointer" }
  | { kind: "array"; element: DwarfType; count: number }
  /** A struct, union or enum: shown as its bytes. */
  | { kind: "aggregate"; name: string; size: number }
  | { kind: "unknown" };

/** A variable at a fixed address of the module's (first) memory. */
export interface DwarfVariable {
  name: string;
  address: number;
  type: DwarfType;
}

/** The sections a variable walk reads. */
export interface DebugSections {
  info: Uint8Array;
  abbrev: Uint8Array;
  str?: Uint8Array;
}

const TAG = {
  variable: 0x34,
  baseType: 0x24,
  typedef: 0x16,
  constType: 0x26,
  volatileType: 0x35,
  pointerType: 0x0f,
  arrayType: 0x01,
  subrange: 0x21,
  structure: 0x13,
  union: 0x17,
  enumeration: 0x04,
  class: 0x02,
} as const;

const AT = {
  name: 0x03,
  type: 0x49,
  location: 0x02,
  byteSize: 0x0b,
  encoding: 0x3e,
  count: 0x37,
  upperBound: 0x2f,
} as const;

/** One abbreviation: a DIE's tag, whether it has children, its attributes' forms. */
interface Abbrev {
  tag: number;
  children: boolean;
  attrs: [attr: number, form: number][];
}

/** A DIE with the attributes the walk reads. */
interface Die {
  tag: number;
  /** Its first child's index, when it has children; its parent's index. */
  parent: number;
  attrs: Map<number, number | string | Uint8Array>;
}

function readAbbrevs(abbrev: Uint8Array, offset: number): Map<number, Abbrev> {
  const r = new BinaryReader(abbrev, offset);
  const out = new Map<number, Abbrev>();
  for (let code = r.u32("an abbreviation code"); code !== 0; code = r.u32("a code")) {
    const tag = r.u32("a tag");
    const children = r.u8("a children flag") !== 0;
    const attrs: [number, number][] = [];
    for (;;) {
      const attr = r.u32("an attribute"), form = r.u32("a form");
      if (attr === 0 && form === 0) break;
      attrs.push([attr, form]);
    }
    out.set(code, { tag, children, attrs });
  }
  return out;
}

/** Reads one attribute value of `form` (DWARF 4, 32-bit); undefined for what the walk ignores. */
function readForm(
  r: BinaryReader,
  form: number,
  s: DebugSections,
): number | string | Uint8Array | undefined {
  switch (form) {
    case 0x01: // addr (wasm32: 4 bytes)
    case 0x06: // data4
    case 0x10: // ref_addr
    case 0x13: // ref4
    case 0x17: // sec_offset
      return r.u32le();
    case 0x0e: { // strp
      const at = r.u32le();
      return s.str ? new BinaryReader(s.str, at).cstring("a .debug_str string") : "";
    }
    case 0x08: // string
      return r.cstring();
    case 0x0b: // data1
    case 0x11: // ref1
    case 0x0c: // flag
      return r.u8();
    case 0x05: // data2
    case 0x12: // ref2
      return r.u16le();
    case 0x07: // data8
    case 0x14: // ref8
    case 0x20: // ref_sig8
      r.skip(8);
      return undefined;
    case 0x0f: // udata
    case 0x15: // ref_udata
      return Number(r.u64());
    case 0x0d: // sdata
      return Number(r.s64());
    case 0x18: // exprloc
    case 0x09: // block
      return r.bytesN(r.u32("a block length"));
    case 0x0a: // block1
      return r.bytesN(r.u8());
    case 0x03: // block2
      return r.bytesN(r.u16le());
    case 0x04: // block4
      return r.bytesN(r.u32le());
    case 0x19: // flag_present
      return 1;
    case 0x16: // indirect
      return readForm(r, r.u32("a form"), s);
    default:
      throw new WasmDecodeError(
        "unsupported",
        r.offset,
        `DWARF form 0x${form.toString(16)} is not read; build with DWARF 4 (clang -gdwarf-4)`,
      );
  }
}

/** Every DIE of one unit, in order (the reader is after the unit header). */
function readDies(
  r: BinaryReader,
  abbrevs: Map<number, Abbrev>,
  s: DebugSections,
  unitStart: number,
) {
  const dies = new Map<number, Die>();
  const parents: number[] = [-1];
  while (!r.eof) {
    const offset = r.offset - unitStart;
    const code = r.u32("an abbreviation code");
    if (code === 0) {
      parents.pop();
      continue;
    }
    const a = abbrevs.get(code);
    if (!a) r.fail("bad-value", `DIE abbreviation ${code} is not in .debug_abbrev`);
    const attrs = new Map<number, number | string | Uint8Array>();
    for (const [attr, form] of a.attrs) {
      const v = readForm(r, form, s);
      if (v !== undefined) attrs.set(attr, v);
    }
    dies.set(offset, { tag: a.tag, parent: parents[parents.length - 1], attrs });
    if (a.children) parents.push(offset);
  }
  return dies;
}

/** A DIE's type, followed through typedefs and qualifiers. */
function typeOf(dies: Map<number, Die>, ref: unknown, depth = 0): DwarfType {
  const die = typeof ref === "number" ? dies.get(ref) : undefined;
  if (!die || depth > 32) return { kind: "unknown" };
  const name = String(die.attrs.get(AT.name) ?? "");
  const size = Number(die.attrs.get(AT.byteSize) ?? 0);
  switch (die.tag) {
    case TAG.baseType:
      return { kind: "base", name, size, encoding: Number(die.attrs.get(AT.encoding) ?? 0) };
    case TAG.typedef:
    case TAG.constType:
    case TAG.volatileType:
      return typeOf(dies, die.attrs.get(AT.type), depth + 1);
    case TAG.pointerType:
      return { kind: "pointer" };
    case TAG.arrayType: {
      const element = typeOf(dies, die.attrs.get(AT.type), depth + 1);
      let count = 1;
      for (const [, d] of dies) {
        if (d.tag !== TAG.subrange || dies.get(d.parent) !== die) continue;
        const c = d.attrs.get(AT.count) ?? (Number(d.attrs.get(AT.upperBound) ?? -1) + 1);
        count *= Number(c);
      }
      return { kind: "array", element, count };
    }
    case TAG.structure:
    case TAG.union:
    case TAG.enumeration:
    case TAG.class:
      return { kind: "aggregate", name, size };
    default:
      return { kind: "unknown" };
  }
}

/**
 * Every variable with a fixed address (`DW_OP_addr`) in the debug info.
 *
 * @example
 * ```ts ignore
 * import { decodeVariables } from "./info.ts";
 * const vars = decodeVariables({ info, abbrev, str });
 * console.log(vars.map((v) => `${v.name}@${v.address}`)); // [ "pool@1072", "pool_used@1056" ]
 * ```
 */
export function decodeVariables(s: DebugSections): DwarfVariable[] {
  const out: DwarfVariable[] = [];
  forEachUnit(s.info, "debug info units", (unit, unitStart) => {
    const abbrevs = readAbbrevs(s.abbrev, unit.u32le("debug_abbrev_offset"));
    if (unit.u8("address_size") !== 4) unit.fail("unsupported", "only 32-bit addresses are read");
    const dies = readDies(unit, abbrevs, s, unitStart);
    for (const [, die] of dies) {
      if (die.tag !== TAG.variable) continue;
      const loc = die.attrs.get(AT.location);
      const name = die.attrs.get(AT.name);
      // Exactly `DW_OP_addr <u32>`: a variable at one fixed address.
      if (!(loc instanceof Uint8Array) || loc.length !== 5 || loc[0] !== 0x03) continue;
      if (typeof name !== "string") continue;
      const address = (loc[1] | (loc[2] << 8) | (loc[3] << 16) | (loc[4] << 24)) >>> 0;
      if (address === 0xffffffff) continue; // the linker's tombstone: a variable it dropped
      out.push({ name, address, type: typeOf(dies, die.attrs.get(AT.type)) });
    }
  });
  return out;
}
