/**
 * Decodes a core module into the {@linkcode CoreModule} model.
 *
 * Every section keeps its exact original bytes in `raw`; function bodies
 * and constant expressions stay byte ranges (read their instructions with
 * `operators.ts`). Section order and uniqueness are checked as the core
 * spec requires; every failure is a `WasmDecodeError` with an offset.
 *
 * @module
 */
import { BinaryReader } from "../reader.ts";
import type {
  ConstExpr,
  CoreModule,
  DataSegment,
  DefinedType,
  ElementSegment,
  Export,
  ExternalKind,
  FunctionBody,
  Global,
  Import,
  ModuleSection,
  Table,
  ValType,
} from "./model.ts";
import {
  readCoreFuncTypeBody,
  readCoreValType,
  readGlobalType,
  readImportDesc,
  readMemoryType,
  readTableType,
} from "./types.ts";
import { skipConstExpr } from "./operators.ts";
import { GC_TYPE_FORMS, readGcRecType } from "./gc_types.ts";

/** Canonical order of the non-custom sections (datacount sits between element and code). */
const ORDER: Record<number, number> = {
  1: 1,
  2: 2,
  3: 3,
  4: 4,
  5: 5,
  13: 6,
  6: 7,
  7: 8,
  8: 9,
  9: 10,
  12: 11,
  10: 12,
  11: 13,
};

function readConstExpr(r: BinaryReader): ConstExpr {
  const start = r.pos;
  skipConstExpr(r);
  return { bytes: r.bytes.subarray(start, r.pos), offset: r.base + start };
}

function readVec<T>(
  r: BinaryReader,
  what: string,
  minSize: number,
  read: (r: BinaryReader) => T,
): T[] {
  const n = r.count(`${what} count`, minSize);
  const out: T[] = new Array(n);
  for (let i = 0; i < n; i++) out[i] = read(r);
  return out;
}

function readTypes(r: BinaryReader): DefinedType[] {
  const n = r.count("type count", 3);
  const out: DefinedType[] = [];
  for (let i = 0; i < n; i++) {
    const at = r.offset;
    const form = r.peek("a type form");
    if (form === 0x60) {
      r.u8();
      out.push(readCoreFuncTypeBody(r));
    } else if (GC_TYPE_FORMS.has(form)) {
      for (const t of readGcRecType(r)) out.push(t);
    } else {
      r.fail("bad-value", `expected a type definition at ${at}, found 0x${form.toString(16)}`);
    }
  }
  return out;
}

function readImport(r: BinaryReader): Import {
  return {
    module: r.name("an import module name"),
    field: r.name("an import field name"),
    desc: readImportDesc(r),
  };
}

const EXPORT_KINDS: ExternalKind[] = ["func", "table", "memory", "global", "tag"];

function readExport(r: BinaryReader): Export {
  const name = r.name("an export name");
  const at = r.offset;
  const k = r.u8("an export kind");
  const kind = EXPORT_KINDS[k];
  if (!kind) r.fail("bad-value", `unknown export kind 0x${k.toString(16)} at ${at}`);
  return { name, kind, index: r.u32("an export index") };
}

function readTable(r: BinaryReader): Table {
  if (r.peek("a table type") === 0x40) {
    const at = r.offset;
    r.u8();
    if (r.u8("the reserved byte after 0x40") !== 0) {
      r.fail("bad-value", `expected 0x00 after 0x40 at ${at + 1}`);
    }
    const type = readTableType(r);
    return { type, init: readConstExpr(r) };
  }
  return { type: readTableType(r) };
}

function readGlobal(r: BinaryReader): Global {
  return { type: readGlobalType(r), init: readConstExpr(r) };
}

function readElement(r: BinaryReader): ElementSegment {
  const at = r.offset;
  const flags = r.u32("element segment flags");
  if (flags > 7) r.fail("bad-value", `unknown element segment flags ${flags} at ${at}`);
  const passiveOrDecl = (flags & 1) !== 0;
  const explicitTable = (flags & 2) !== 0;
  const exprs = (flags & 4) !== 0;
  const seg: ElementSegment = {
    mode: !passiveOrDecl ? "active" : explicitTable ? "declarative" : "passive",
    table: 0,
    type: 0x70,
    items: { kind: "functions", indices: [] },
    flags,
  };
  if (!passiveOrDecl) {
    if (explicitTable) seg.table = r.u32("a table index");
    seg.offset = readConstExpr(r);
  }
  if (passiveOrDecl || explicitTable) {
    if (exprs) seg.type = readCoreValType(r);
    else {
      const kat = r.offset;
      const kind = r.u8("an element kind");
      if (kind !== 0) r.fail("bad-value", `unknown element kind ${kind} at ${kat}`);
    }
  }
  if (exprs) {
    seg.items = { kind: "expressions", exprs: readVec(r, "element expression", 1, readConstExpr) };
  } else {seg.items = {
      kind: "functions",
      indices: readVec(r, "element function index", 1, (x) => x.u32("a function index")),
    };}
  return seg;
}

function readData(r: BinaryReader): DataSegment {
  const at = r.offset;
  const flags = r.u32("data segment flags");
  if (flags > 2) r.fail("bad-value", `unknown data segment flags ${flags} at ${at}`);
  const seg: DataSegment = {
    mode: flags === 1 ? "passive" : "active",
    memory: 0,
    data: new Uint8Array(0),
    flags,
  };
  if (flags === 2) seg.memory = r.u32("a memory index");
  if (flags !== 1) seg.offset = readConstExpr(r);
  const len = r.u32("a data segment length");
  seg.data = r.bytesN(len, "data segment bytes");
  return seg;
}

function readBody(r: BinaryReader): FunctionBody {
  const size = r.u32("a function body size");
  const start = r.pos;
  const bytes = r.bytesN(size, "a function body");
  return { bytes, offset: r.base + start };
}

function readSectionPayload(id: number, p: BinaryReader, raw: Uint8Array): ModuleSection {
  switch (id) {
    case 0: {
      const name = p.name("a custom section name");
      return { id: "custom", name, data: p.bytesN(p.remaining), raw };
    }
    case 1:
      return { id: "type", types: readTypes(p), raw };
    case 2:
      return { id: "import", imports: readVec(p, "import", 4, readImport), raw };
    case 3:
      return {
        id: "function",
        types: readVec(p, "function", 1, (x) => x.u32("a type index")),
        raw,
      };
    case 4:
      return { id: "table", tables: readVec(p, "table", 3, readTable), raw };
    case 5:
      return { id: "memory", memories: readVec(p, "memory", 2, readMemoryType), raw };
    case 6:
      return { id: "global", globals: readVec(p, "global", 3, readGlobal), raw };
    case 7:
      return { id: "export", exports: readVec(p, "export", 3, readExport), raw };
    case 8:
      return { id: "start", func: p.u32("the start function index"), raw };
    case 9:
      return { id: "element", segments: readVec(p, "element segment", 2, readElement), raw };
    case 10:
      return { id: "code", bodies: readVec(p, "function body", 1, readBody), raw };
    case 11:
      return { id: "data", segments: readVec(p, "data segment", 2, readData), raw };
    case 12:
      return { id: "datacount", count: p.u32("the data count"), raw };
    case 13:
      return {
        id: "tag",
        tags: readVec(p, "tag", 2, (x) => {
          const at = x.offset;
          if (x.u8("a tag attribute") !== 0) x.fail("bad-value", `invalid tag attribute at ${at}`);
          return x.u32("a tag type index");
        }),
        raw,
      };
  }
  return p.fail("bad-section", `unknown section id ${id}`);
}

/**
 * Decodes the core module in `bytes[start, end)`; error offsets are
 * absolute positions in `bytes` (so a module nested in a component reports
 * offsets in the component file).
 *
 * @example
 * ```ts
 * import { decodeModule } from "./decode.ts";
 * const m = decodeModule(new Uint8Array([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0]));
 * console.log(m.sections.length); // 0
 * ```
 */
export function decodeModule(bytes: Uint8Array, start = 0, end = bytes.length): CoreModule {
  const r = new BinaryReader(bytes, start, end);
  const magic = r.u32le("the magic number \\0asm");
  if (magic !== 0x6d736100) {
    r.pos -= 4;
    r.fail("bad-magic", "not a WebAssembly binary: expected the magic number \\0asm");
  }
  const version = r.u32le("the version");
  if (version !== 1) {
    r.pos -= 4;
    r.fail(
      "bad-version",
      `expected a core module (version 1), found version word 0x${version.toString(16)}`,
    );
  }
  const sections: ModuleSection[] = [];
  let last = 0;
  let functionCount = -1;
  while (!r.eof) {
    const sectionStart = r.pos;
    const id = r.u8("a section id");
    if (id > 13) {
      r.pos = sectionStart;
      r.fail("bad-section", `unknown section id ${id}`);
    }
    const size = r.u32("a section size");
    const p = r.sub(size, `section ${id} payload (${size} bytes)`);
    if (id !== 0) {
      const order = ORDER[id];
      if (order <= last) {
        r.pos = sectionStart;
        r.fail("bad-section", `section id ${id} is duplicated or out of order`);
      }
      last = order;
    }
    const section = readSectionPayload(id, p, bytes.subarray(sectionStart, p.end));
    p.expectEnd(`section ${section.id}`);
    if (section.id === "function") functionCount = section.types.length;
    if (section.id === "code" && section.bodies.length !== Math.max(functionCount, 0)) {
      r.pos = sectionStart;
      r.fail(
        "size-mismatch",
        `the code section has ${section.bodies.length} bodies but the function section declares ${
          Math.max(functionCount, 0)
        }`,
      );
    }
    sections.push(section);
  }
  return { kind: "module", sections };
}

/** Re-exported for callers that only need the value-type reader. */
export type { ValType };
