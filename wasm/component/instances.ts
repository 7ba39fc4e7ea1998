/**
 * Instance definitions: `core:instance`, `instance`, and the component's
 * `import` / `export` / `start` entries.
 *
 * @module
 */
import type { BinaryReader } from "../reader.ts";
import type { BinaryWriter } from "../writer.ts";
import type {
  ComponentExport,
  ComponentImport,
  ComponentInstance,
  ComponentStart,
  CoreInstance,
} from "./model.ts";
import { readCoreSort, readSort, writeCoreSort, writeSort } from "./aliases.ts";
import { readExternName, writeExternName } from "./names.ts";
import { readExternDesc, writeExternDesc } from "./types.ts";

/** Reads a `core:instance`. */
export function readCoreInstance(r: BinaryReader): CoreInstance {
  const at = r.offset;
  const b = r.u8("a core instance kind");
  if (b === 0x00) {
    const module = r.u32("a core module index");
    const n = r.count("instantiate argument count", 3);
    const args = new Array(n);
    for (let i = 0; i < n; i++) {
      const name = r.name("an instantiate argument name");
      const sat = r.offset;
      const sort = r.u8("the instance sort");
      if (sort !== 0x12) {
        r.fail("bad-value", `core instantiate argument must be an instance (0x12) at ${sat}`);
      }
      args[i] = { name, instance: r.u32("a core instance index") };
    }
    return { kind: "instantiate", module, args };
  }
  if (b === 0x01) {
    const n = r.count("inline export count", 3);
    const exports = new Array(n);
    for (let i = 0; i < n; i++) {
      const name = r.name("an export name");
      const sort = readCoreSort(r);
      exports[i] = { name, sort, index: r.u32("an index") };
    }
    return { kind: "exports", exports };
  }
  throw r.fail("bad-value", `unknown core instance kind 0x${b.toString(16)} at ${at}`);
}

/** Writes a `core:instance`. */
export function writeCoreInstance(w: BinaryWriter, inst: CoreInstance): void {
  if (inst.kind === "instantiate") {
    w.u8(0).u32(inst.module).u32(inst.args.length);
    for (const a of inst.args) w.name(a.name).u8(0x12).u32(a.instance);
  } else {
    w.u8(1).u32(inst.exports.length);
    for (const e of inst.exports) {
      writeCoreSort(w.name(e.name), e.sort);
      w.u32(e.index);
    }
  }
}

/** Reads an `instance`. */
export function readInstance(r: BinaryReader): ComponentInstance {
  const at = r.offset;
  const b = r.u8("an instance kind");
  if (b === 0x00) {
    const component = r.u32("a component index");
    const n = r.count("instantiate argument count", 3);
    const args = new Array(n);
    for (let i = 0; i < n; i++) {
      const name = r.name("an instantiate argument name");
      const sort = readSort(r);
      args[i] = { name, sort, index: r.u32("an index") };
    }
    return { kind: "instantiate", component, args };
  }
  if (b === 0x01) {
    const n = r.count("inline export count", 3);
    const exports = new Array(n);
    for (let i = 0; i < n; i++) {
      const name = readExternName(r);
      const sort = readSort(r);
      exports[i] = { name, sort, index: r.u32("an index") };
    }
    return { kind: "exports", exports };
  }
  throw r.fail("bad-value", `unknown instance kind 0x${b.toString(16)} at ${at}`);
}

/** Writes an `instance`. */
export function writeInstance(w: BinaryWriter, inst: ComponentInstance): void {
  if (inst.kind === "instantiate") {
    w.u8(0).u32(inst.component).u32(inst.args.length);
    for (const a of inst.args) {
      writeSort(w.name(a.name), a.sort);
      w.u32(a.index);
    }
  } else {
    w.u8(1).u32(inst.exports.length);
    for (const e of inst.exports) {
      writeExternName(w, e.name);
      writeSort(w, e.sort);
      w.u32(e.index);
    }
  }
}

/** Reads an `import`. */
export function readImport(r: BinaryReader): ComponentImport {
  return { name: readExternName(r), desc: readExternDesc(r) };
}

/** Writes an `import`. */
export function writeImport(w: BinaryWriter, i: ComponentImport): void {
  writeExternName(w, i.name);
  writeExternDesc(w, i.desc);
}

/** Reads an `export`. */
export function readExport(r: BinaryReader): ComponentExport {
  const name = readExternName(r);
  const sort = readSort(r);
  const index = r.u32("an export index");
  const at = r.offset;
  const has = r.u8("an export type marker");
  const e: ComponentExport = { name, sort, index };
  if (has === 1) e.desc = readExternDesc(r);
  else if (has !== 0) r.fail("bad-value", `bad export type marker 0x${has.toString(16)} at ${at}`);
  return e;
}

/** Writes an `export`. */
export function writeExport(w: BinaryWriter, e: ComponentExport): void {
  writeExternName(w, e.name);
  writeSort(w, e.sort);
  w.u32(e.index);
  if (e.desc === undefined) w.u8(0);
  else writeExternDesc(w.u8(1), e.desc);
}

/** Reads a `start`. */
export function readStart(r: BinaryReader): ComponentStart {
  const func = r.u32("a function index");
  const n = r.count("start argument count");
  const args: number[] = new Array(n);
  for (let i = 0; i < n; i++) args[i] = r.u32("a value index");
  return { func, args, results: r.u32("a result count") };
}

/** Writes a `start`. */
export function writeStart(w: BinaryWriter, s: ComponentStart): void {
  w.u32(s.func).u32(s.args.length);
  for (const a of s.args) w.u32(a);
  w.u32(s.results);
}
