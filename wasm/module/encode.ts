/**
 * Encodes the {@linkcode CoreModule} model; sections that still carry
 * `raw` are written verbatim, the others from their fields.
 *
 * @module
 */
import { BinaryWriter, u32Size } from "../writer.ts";
import type {
  DataSegment,
  ElementSegment,
  ExternalKind,
  ModuleSection,
  WrittenBodies,
} from "./model.ts";
import type { CoreModule } from "./model.ts";
import { writeGcType } from "./gc_types.ts";
import {
  writeCoreFuncTypeBody,
  writeCoreValType,
  writeGlobalType,
  writeImportDesc,
  writeMemoryType,
  writeTableType,
} from "./types.ts";

const IDS: Record<ModuleSection["id"], number> = {
  custom: 0,
  type: 1,
  import: 2,
  function: 3,
  table: 4,
  memory: 5,
  global: 6,
  export: 7,
  start: 8,
  element: 9,
  code: 10,
  data: 11,
  datacount: 12,
  tag: 13,
};
const KINDS: Record<ExternalKind, number> = { func: 0, table: 1, memory: 2, global: 3, tag: 4 };

function writeElement(w: BinaryWriter, e: ElementSegment): void {
  const exprs = e.items.kind === "expressions";
  let flags = e.flags;
  if (flags === undefined) {
    const funcref = e.type === 0x70;
    if (e.mode === "active") {
      flags = e.table === 0 && funcref ? 0 : 2;
    } else flags = e.mode === "passive" ? 1 : 3;
    if (exprs) flags |= 4;
  }
  w.u32(flags);
  if (e.mode === "active") {
    if (flags & 2) w.u32(e.table);
    w.bytes(e.offset!.bytes);
  }
  if ((flags & 1) || (flags & 2)) {
    if (flags & 4) writeCoreValType(w, e.type);
    else w.u8(0);
  }
  if (e.items.kind === "expressions") {
    w.u32(e.items.exprs.length);
    for (const x of e.items.exprs) w.bytes(x.bytes);
  } else {
    w.u32(e.items.indices.length);
    for (const i of e.items.indices) w.u32(i);
  }
}

function writeData(w: BinaryWriter, d: DataSegment): void {
  const flags = d.flags ?? (d.mode === "passive" ? 1 : d.memory === 0 ? 0 : 2);
  w.u32(flags);
  if (flags === 2) w.u32(d.memory);
  if (flags !== 1) w.bytes(d.offset!.bytes);
  w.u32(d.data.length).bytes(d.data);
}

function writePayload(w: BinaryWriter, s: ModuleSection): void {
  switch (s.id) {
    case "custom":
      w.name(s.name).bytes(s.data);
      return;
    case "type":
      // The count is of rec types: a group's later members are written with its first.
      w.u32(s.types.filter((t) => !("kind" in t) || t.rec !== 0).length);
      for (const t of s.types) {
        if ("kind" in t) writeGcType(w, t);
        else writeCoreFuncTypeBody(w.u8(0x60), t);
      }
      return;
    case "import":
      w.u32(s.imports.length);
      for (const i of s.imports) writeImportDesc(w.name(i.module).name(i.field), i.desc);
      return;
    case "function":
      w.u32(s.types.length);
      for (const t of s.types) w.u32(t);
      return;
    case "table":
      w.u32(s.tables.length);
      for (const t of s.tables) {
        if (t.init) w.u8(0x40).u8(0);
        writeTableType(w, t.type);
        if (t.init) w.bytes(t.init.bytes);
      }
      return;
    case "memory":
      w.u32(s.memories.length);
      for (const m of s.memories) writeMemoryType(w, m);
      return;
    case "tag":
      w.u32(s.tags.length);
      for (const t of s.tags) w.u8(0).u32(t);
      return;
    case "global":
      w.u32(s.globals.length);
      for (const g of s.globals) {
        writeGlobalType(w, g.type);
        w.bytes(g.init.bytes);
      }
      return;
    case "export":
      w.u32(s.exports.length);
      for (const e of s.exports) w.name(e.name).u8(KINDS[e.kind]).u32(e.index);
      return;
    case "start":
      w.u32(s.func);
      return;
    case "element":
      w.u32(s.segments.length);
      for (const e of s.segments) writeElement(w, e);
      return;
    case "datacount":
      w.u32(s.count);
      return;
    case "code":
      writeCode(w, s);
      return;
    case "data":
      w.u32(s.segments.length);
      for (const d of s.segments) writeData(w, d);
      return;
  }
}

type CodeSection = ModuleSection & { id: "code" };

/** The exact size of a code section's payload: its count, then each body's size and bytes. */
function codePayloadSize(s: CodeSection): number {
  const written = s.written?.lengths ?? [];
  let size = u32Size(written.length + s.bodies.length);
  for (let i = 0; i < written.length; i++) size += u32Size(written[i]) + written[i];
  for (const b of s.bodies) size += u32Size(b.bytes.length) + b.bytes.length;
  return size;
}

/** A code section's payload: the written bodies (see `WrittenBodies`), then `bodies`. */
function writeCode(w: BinaryWriter, s: CodeSection): void {
  const written = s.written;
  const count = written ? written.lengths.length : 0;
  w.u32(count + s.bodies.length);
  for (let i = 0; i < count; i++) writeProduced(w, written!, i);
  for (const b of s.bodies) w.u32(b.bytes.length).bytes(b.bytes);
}

/** Body `i` of `written`, with its size; a producer that writes another length is a bug. */
function writeProduced(w: BinaryWriter, written: WrittenBodies, i: number): void {
  const length = written.lengths[i];
  w.u32(length);
  const at = w.length;
  written.write(i, w);
  if (w.length - at !== length) {
    throw new Error(`body ${i}: its producer wrote ${w.length - at} bytes, not ${length}`);
  }
}

/** About how many bytes a section's payload takes: enough that big ones are not regrown. */
function payloadHint(s: ModuleSection): number {
  if (s.id === "code") return codePayloadSize(s);
  if (s.id === "data") {
    let n = 5;
    for (const d of s.segments) n += d.data.length + 16;
    return n;
  }
  if (s.id === "custom") return s.data.length + s.name.length + 5;
  return 256;
}

/**
 * Encodes a core module, into `out` when given (returning a view of what it
 * wrote there): room for the whole module, and a little more, is made at
 * once, so a caller can append a section without another copy.
 *
 * @example
 * ```ts
 * import { encodeModule } from "./encode.ts";
 * console.log(encodeModule({ kind: "module", sections: [{ id: "start", func: 0 }] }));
 * ```
 */
export function encodeModule(m: CoreModule, out?: BinaryWriter): Uint8Array {
  let total = 8;
  for (const s of m.sections) total += s.raw ? s.raw.length : payloadHint(s) + 6;
  const w = out ?? new BinaryWriter(Math.max(256, total + 1024));
  const start = w.length;
  if (out) out.reserve(total + 1024);
  w.u32le(0x6d736100).u32le(1);
  for (const s of m.sections) {
    if (s.raw) {
      w.bytes(s.raw);
      continue;
    }
    if (s.id === "code") {
      // The code section is most of a large module: its size is summed, and the bodies are
      // written once, straight into the output.
      w.u8(IDS.code).u32(codePayloadSize(s));
      writeCode(w, s);
      continue;
    }
    const inner = new BinaryWriter(payloadHint(s) + 16);
    writePayload(inner, s);
    const payload = inner.finish();
    w.u8(IDS[s.id]).u32(payload.length).bytes(payload);
  }
  return w.since(start);
}
