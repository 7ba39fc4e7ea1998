/**
 * Component type encodings: `valtype`, `defvaltype`, `functype`,
 * component / instance types and their declarators, `externtype`, and the
 * `core:type` forms a component embeds.
 *
 * @module
 */
import { MAX_NESTING_DEPTH } from "../limits.ts";
import type { BinaryReader } from "../reader.ts";
import type { BinaryWriter } from "../writer.ts";
import type {
  ComponentDecl,
  ComponentFuncType,
  DefValType,
  ExternDesc,
  InstanceDecl,
  LabeledType,
  PrimValType,
  TypeDef,
  ValType,
} from "./model.ts";
import { readCoreValType, writeCoreValType } from "../module/types.ts";
import { readAlias, writeAlias } from "./aliases.ts";
import { readExternName, writeExternName } from "./names.ts";
import { readCoreTypeDef, writeCoreTypeDef } from "./core_types.ts";

export { readCoreTypeDef, writeCoreTypeDef } from "./core_types.ts";

const PRIMS: Record<number, PrimValType> = {
  0x7f: "bool",
  0x7e: "s8",
  0x7d: "u8",
  0x7c: "s16",
  0x7b: "u16",
  0x7a: "s32",
  0x79: "u32",
  0x78: "s64",
  0x77: "u64",
  0x76: "f32",
  0x75: "f64",
  0x74: "char",
  0x73: "string",
  0x64: "error-context",
};
const PRIM_CODES: Record<string, number> = Object.fromEntries(
  Object.entries(PRIMS).map(([k, v]) => [v, Number(k)]),
);

/** Reads a `valtype` (a primitive or a type index, as a signed LEB). */
export function readValType(r: BinaryReader): ValType {
  const b = r.peek("a value type");
  const prim = PRIMS[b];
  if (prim !== undefined) {
    r.u8();
    return prim;
  }
  const at = r.offset;
  const idx = r.s32("a type index");
  if (idx < 0) r.fail("bad-value", `unknown component value type 0x${b.toString(16)} at ${at}`);
  return idx;
}

/** Writes a `valtype`. */
export function writeValType(w: BinaryWriter, t: ValType): void {
  if (typeof t === "number") w.s32(t);
  else w.u8(PRIM_CODES[t]);
}

function readOptValType(r: BinaryReader): ValType | undefined {
  const at = r.offset;
  const b = r.u8("an optional value type marker");
  if (b === 0) return undefined;
  if (b !== 1) r.fail("bad-value", `expected 0x00 or 0x01 before an optional type at ${at}`);
  return readValType(r);
}

function writeOptValType(w: BinaryWriter, t: ValType | undefined): void {
  if (t === undefined) w.u8(0);
  else writeValType(w.u8(1), t);
}

function readLabeled(r: BinaryReader, what: string): LabeledType[] {
  const n = r.count(`${what} count`, 2);
  const out: LabeledType[] = new Array(n);
  for (let i = 0; i < n; i++) out[i] = { name: r.name(`${what} name`), type: readValType(r) };
  return out;
}

function writeLabeled(w: BinaryWriter, list: LabeledType[]): void {
  w.u32(list.length);
  for (const l of list) writeValType(w.name(l.name), l.type);
}

function readNames(r: BinaryReader, what: string): string[] {
  const n = r.count(`${what} count`);
  const out: string[] = new Array(n);
  for (let i = 0; i < n; i++) out[i] = r.name(what);
  return out;
}

function writeNames(w: BinaryWriter, names: string[]): void {
  w.u32(names.length);
  for (const n of names) w.name(n);
}

/** Reads a `defvaltype` whose opcode byte `op` was already consumed. */
function readDefValType(r: BinaryReader, op: number, at: number): DefValType {
  const prim = PRIMS[op];
  if (prim !== undefined) return { kind: "primitive", type: prim };
  switch (op) {
    case 0x72:
      return { kind: "record", fields: readLabeled(r, "record field") };
    case 0x71: {
      const n = r.count("variant case count", 3);
      const cases = new Array(n);
      for (let i = 0; i < n; i++) {
        const name = r.name("variant case name");
        const type = readOptValType(r);
        const refinesAt = r.offset;
        const marker = r.u8("variant case refines marker");
        const c: { name: string; type?: ValType; refines?: number } = { name };
        if (type !== undefined) c.type = type;
        if (marker === 1) c.refines = r.u32("refines index");
        else if (marker !== 0) r.fail("bad-value", `bad variant case terminator at ${refinesAt}`);
        cases[i] = c;
      }
      return { kind: "variant", cases };
    }
    case 0x70:
      return { kind: "list", element: readValType(r) };
    case 0x67:
      return { kind: "list", element: readValType(r), length: r.u32("fixed list length") };
    case 0x6f: {
      const n = r.count("tuple length");
      const types: ValType[] = new Array(n);
      for (let i = 0; i < n; i++) types[i] = readValType(r);
      return { kind: "tuple", types };
    }
    case 0x6e:
      return { kind: "flags", names: readNames(r, "flag name") };
    case 0x6d:
      return { kind: "enum", names: readNames(r, "enum case name") };
    case 0x6b:
      return { kind: "option", type: readValType(r) };
    case 0x6a: {
      const d: DefValType = { kind: "result" };
      const ok = readOptValType(r);
      const err = readOptValType(r);
      if (ok !== undefined) d.ok = ok;
      if (err !== undefined) d.err = err;
      return d;
    }
    case 0x69:
      return { kind: "own", resource: r.u32("resource type index") };
    case 0x68:
      return { kind: "borrow", resource: r.u32("resource type index") };
    case 0x66: {
      const element = readOptValType(r);
      return element === undefined ? { kind: "stream" } : { kind: "stream", element };
    }
    case 0x65: {
      const element = readOptValType(r);
      return element === undefined ? { kind: "future" } : { kind: "future", element };
    }
    case 0x63:
      return { kind: "map", key: readValType(r), value: readValType(r) };
  }
  throw r.fail("bad-value", `unknown component type opcode 0x${op.toString(16)} at ${at}`);
}

function writeDefValType(w: BinaryWriter, t: DefValType): void {
  switch (t.kind) {
    case "primitive":
      w.u8(PRIM_CODES[t.type]);
      return;
    case "record":
      writeLabeled(w.u8(0x72), t.fields);
      return;
    case "variant":
      w.u8(0x71).u32(t.cases.length);
      for (const c of t.cases) {
        writeOptValType(w.name(c.name), c.type);
        if (c.refines === undefined) w.u8(0);
        else w.u8(1).u32(c.refines);
      }
      return;
    case "list":
      if (t.length === undefined) writeValType(w.u8(0x70), t.element);
      else writeValType(w.u8(0x67), t.element), w.u32(t.length);
      return;
    case "tuple":
      w.u8(0x6f).u32(t.types.length);
      for (const x of t.types) writeValType(w, x);
      return;
    case "flags":
      writeNames(w.u8(0x6e), t.names);
      return;
    case "enum":
      writeNames(w.u8(0x6d), t.names);
      return;
    case "option":
      writeValType(w.u8(0x6b), t.type);
      return;
    case "result":
      writeOptValType(w.u8(0x6a), t.ok);
      writeOptValType(w, t.err);
      return;
    case "own":
      w.u8(0x69).u32(t.resource);
      return;
    case "borrow":
      w.u8(0x68).u32(t.resource);
      return;
    case "stream":
      writeOptValType(w.u8(0x66), t.element);
      return;
    case "future":
      writeOptValType(w.u8(0x65), t.element);
      return;
    case "map":
      writeValType(w.u8(0x63), t.key);
      writeValType(w, t.value);
      return;
  }
}

/** Reads a `resultlist` into the function type (or a `task.return` built-in). */
export function readResultList(
  r: BinaryReader,
): { result?: ValType; namedResults?: LabeledType[] } {
  const at = r.offset;
  const b = r.u8("a result list");
  if (b === 0x00) return { result: readValType(r) };
  if (b !== 0x01) r.fail("bad-value", `bad result list marker 0x${b.toString(16)} at ${at}`);
  const named = readLabeled(r, "named result");
  return named.length === 0 ? {} : { namedResults: named };
}

/** Writes a `resultlist`. */
export function writeResultList(
  w: BinaryWriter,
  f: { result?: ValType; namedResults?: LabeledType[] },
): void {
  if (f.result !== undefined) writeValType(w.u8(0), f.result);
  else writeLabeled(w.u8(1), f.namedResults ?? []);
}

function readFuncType(r: BinaryReader, async: boolean): ComponentFuncType {
  const params = readLabeled(r, "parameter");
  return { kind: "func", async, params, ...readResultList(r) };
}

/** Reads an `externtype`. */
export function readExternDesc(r: BinaryReader): ExternDesc {
  const at = r.offset;
  const b = r.u8("an extern kind");
  switch (b) {
    case 0x00: {
      const s = r.u8("core module sort");
      if (s !== 0x11) r.fail("bad-value", `expected 0x11 (core module) at ${at + 1}`);
      return { kind: "module", type: r.u32("a core type index") };
    }
    case 0x01:
      return { kind: "func", type: r.u32("a type index") };
    case 0x02: {
      const vb = r.u8("a value bound");
      if (vb === 0) return { kind: "value", bound: { kind: "eq", index: r.u32("a value index") } };
      return { kind: "value", bound: { kind: "type", type: readValType(r) } };
    }
    case 0x03: {
      const tb = r.u8("a type bound");
      if (tb === 0) return { kind: "type", bound: { kind: "eq", index: r.u32("a type index") } };
      if (tb === 1) return { kind: "type", bound: { kind: "sub-resource" } };
      break;
    }
    case 0x04:
      return { kind: "component", type: r.u32("a type index") };
    case 0x05:
      return { kind: "instance", type: r.u32("a type index") };
  }
  throw r.fail("bad-value", `unknown extern type 0x${b.toString(16)} at ${at}`);
}

/** Writes an `externtype`. */
export function writeExternDesc(w: BinaryWriter, d: ExternDesc): void {
  switch (d.kind) {
    case "module":
      w.u8(0).u8(0x11).u32(d.type);
      return;
    case "func":
      w.u8(1).u32(d.type);
      return;
    case "value":
      w.u8(2);
      if (d.bound.kind === "eq") w.u8(0).u32(d.bound.index);
      else writeValType(w.u8(1), d.bound.type);
      return;
    case "type":
      w.u8(3);
      if (d.bound.kind === "eq") w.u8(0).u32(d.bound.index);
      else w.u8(1);
      return;
    case "component":
      w.u8(4).u32(d.type);
      return;
    case "instance":
      w.u8(5).u32(d.type);
      return;
  }
}

function readInstanceDecl(r: BinaryReader, allowImport: boolean, depth: number): ComponentDecl {
  const at = r.offset;
  const b = r.u8("a declarator");
  switch (b) {
    case 0x00:
      return { kind: "core type", type: readCoreTypeDef(r) };
    case 0x01:
      return { kind: "type", type: readTypeDef(r, depth + 1) };
    case 0x02:
      return { kind: "alias", alias: readAlias(r) };
    case 0x03:
      if (!allowImport) break;
      return { kind: "import", name: readExternName(r), desc: readExternDesc(r) };
    case 0x04:
      return { kind: "export", name: readExternName(r), desc: readExternDesc(r) };
  }
  throw r.fail("bad-value", `unknown declarator 0x${b.toString(16)} at ${at}`);
}

function writeDecl(w: BinaryWriter, d: ComponentDecl): void {
  switch (d.kind) {
    case "core type":
      writeCoreTypeDef(w.u8(0), d.type);
      return;
    case "type":
      writeTypeDef(w.u8(1), d.type);
      return;
    case "alias":
      writeAlias(w.u8(2), d.alias);
      return;
    case "import":
      writeExternName(w.u8(3), d.name);
      writeExternDesc(w, d.desc);
      return;
    case "export":
      writeExternName(w.u8(4), d.name);
      writeExternDesc(w, d.desc);
      return;
  }
}

/** Reads a type-section `deftype`. */
export function readTypeDef(r: BinaryReader, depth = 0): TypeDef {
  const at = r.offset;
  if (depth > MAX_NESTING_DEPTH) {
    throw r.fail("bad-section", `types nested deeper than ${MAX_NESTING_DEPTH} levels`);
  }
  const op = r.u8("a type definition");
  switch (op) {
    case 0x40:
      return readFuncType(r, false);
    case 0x43:
      return readFuncType(r, true);
    case 0x41: {
      const n = r.count("component type declarator count");
      const decls: ComponentDecl[] = new Array(n);
      for (let i = 0; i < n; i++) decls[i] = readInstanceDecl(r, true, depth);
      return { kind: "component", decls };
    }
    case 0x42: {
      const n = r.count("instance type declarator count");
      const decls: InstanceDecl[] = new Array(n);
      for (let i = 0; i < n; i++) decls[i] = readInstanceDecl(r, false, depth) as InstanceDecl;
      return { kind: "instance", decls };
    }
    case 0x3f: {
      const rep = readCoreValType(r);
      const has = r.u8("a destructor marker");
      return has
        ? { kind: "resource", rep, dtor: r.u32("a destructor index") }
        : { kind: "resource", rep };
    }
    case 0x3e: {
      const rep = readCoreValType(r);
      const t: TypeDef = { kind: "resource", rep, opcode: 0x3e };
      if (r.u8("a destructor marker")) t.dtor = r.u32("a destructor index");
      if (r.u8("a callback marker")) t.callback = r.u32("a callback index");
      return t;
    }
  }
  return { kind: "defined", type: readDefValType(r, op, at) };
}

/** Writes a type-section `deftype`. */
export function writeTypeDef(w: BinaryWriter, t: TypeDef): void {
  switch (t.kind) {
    case "defined":
      writeDefValType(w, t.type);
      return;
    case "func":
      w.u8(t.async ? 0x43 : 0x40);
      writeLabeled(w, t.params);
      writeResultList(w, t);
      return;
    case "component":
    case "instance":
      w.u8(t.kind === "component" ? 0x41 : 0x42).u32(t.decls.length);
      for (const d of t.decls) writeDecl(w, d);
      return;
    case "resource":
      w.u8(t.opcode ?? 0x3f);
      writeCoreValType(w, t.rep);
      if (t.dtor === undefined) w.u8(0);
      else w.u8(1).u32(t.dtor);
      if (t.opcode === 0x3e) {
        if (t.callback === undefined) w.u8(0);
        else w.u8(1).u32(t.callback);
      }
      return;
  }
}
