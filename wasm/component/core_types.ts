/**
 * The `core:type` forms a component embeds: core function types, module
 * types with their import / export / alias / type declarators, and GC
 * types (checked and skipped: fuse does not use them).
 *
 * @module
 */
import type { BinaryReader } from "../reader.ts";
import type { BinaryWriter } from "../writer.ts";
import type { CoreTypeDef, ModuleDecl } from "./model.ts";
import {
  readCoreFuncTypeBody,
  readCoreValType,
  readImportDesc,
  writeCoreFuncTypeBody,
  writeImportDesc,
} from "../module/types.ts";

function readModuleDecl(r: BinaryReader): ModuleDecl {
  const at = r.offset;
  const b = r.u8("a module type declarator");
  switch (b) {
    case 0x00:
      return {
        kind: "import",
        module: r.name("an import module name"),
        field: r.name("an import field name"),
        desc: readImportDesc(r),
      };
    case 0x01:
      return { kind: "type", type: readCoreTypeDef(r) };
    case 0x02: {
      const s = r.u8("core alias sort");
      const t = r.u8("core alias target");
      if (s !== 0x10 || t !== 0x01) {
        r.fail("bad-value", `only outer type aliases are allowed at ${at}`);
      }
      return { kind: "alias", count: r.u32("outer count"), index: r.u32("outer index") };
    }
    case 0x03:
      return { kind: "export", name: r.name("an export name"), desc: readImportDesc(r) };
  }
  throw r.fail("bad-value", `unknown module type declarator 0x${b.toString(16)} at ${at}`);
}

/** Reads a `core:type` as a component embeds it. */
export function readCoreTypeDef(r: BinaryReader): CoreTypeDef {
  const at = r.offset;
  const op = r.u8("a core type");
  if (op === 0x60) return { kind: "func", ...readCoreFuncTypeBody(r) };
  if (op === 0x50) {
    const n = r.count("module type declarator count");
    const decls: ModuleDecl[] = new Array(n);
    for (let i = 0; i < n; i++) decls[i] = readModuleDecl(r);
    return { kind: "module", decls };
  }
  // GC forms (rec groups, sub types, structs, arrays) are kept as their bytes.
  r.pos--;
  if (op === 0x00) r.pos++; // the 0x00 prefix of a non-final `sub` in a component
  skipGcType(r, at);
  return { kind: "gc", bytes: r.bytes.subarray(at - r.base, r.pos) };
}

function skipStorageType(r: BinaryReader): void {
  const b = r.peek("a storage type");
  if (b === 0x78 || b === 0x77) r.u8();
  else readCoreValType(r);
}

function skipCompType(r: BinaryReader, at: number): void {
  const op = r.u8("a composite type");
  if (op === 0x60) {
    readCoreFuncTypeBody(r);
  } else if (op === 0x5e) {
    skipStorageType(r);
    r.u8("a field mutability");
  } else if (op === 0x5f) {
    const n = r.count("struct field count", 2);
    for (let i = 0; i < n; i++) {
      skipStorageType(r);
      r.u8("a field mutability");
    }
  } else r.fail("bad-value", `unknown core type form 0x${op.toString(16)} at ${at}`);
}

function skipSubType(r: BinaryReader, at: number): void {
  const op = r.peek("a sub type");
  if (op === 0x50 || op === 0x4f) {
    r.u8();
    const n = r.count("supertype count");
    for (let i = 0; i < n; i++) r.u32("a supertype index");
  }
  skipCompType(r, at);
}

function skipGcType(r: BinaryReader, at: number): void {
  if (r.peek("a core type") === 0x4e) {
    r.u8();
    const n = r.count("rec group size");
    for (let i = 0; i < n; i++) skipSubType(r, at);
    return;
  }
  skipSubType(r, at);
}

/** Writes a `core:type`. */
export function writeCoreTypeDef(w: BinaryWriter, t: CoreTypeDef): void {
  if (t.kind === "gc") {
    w.bytes(t.bytes);
    return;
  }
  if (t.kind === "func") {
    writeCoreFuncTypeBody(w.u8(0x60), t);
    return;
  }
  w.u8(0x50).u32(t.decls.length);
  for (const d of t.decls) {
    switch (d.kind) {
      case "import":
        writeImportDesc(w.u8(0).name(d.module).name(d.field), d.desc);
        break;
      case "type":
        writeCoreTypeDef(w.u8(1), d.type);
        break;
      case "alias":
        w.u8(2).u8(0x10).u8(0x01).u32(d.count).u32(d.index);
        break;
      case "export":
        writeImportDesc(w.u8(3).name(d.name), d.desc);
        break;
    }
  }
}
