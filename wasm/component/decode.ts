/**
 * Decodes a component binary into the {@linkcode Component} model.
 *
 * Every section is decoded eagerly (nested core modules and components
 * recursively) and keeps its original bytes in `raw`, so re-encoding an
 * unmodified decode is byte-exact.
 *
 * @module
 */
import { MAX_NESTING_DEPTH } from "../limits.ts";
import { BinaryReader } from "../reader.ts";
import { decodeModule } from "../module/decode.ts";
import type { Component, ComponentSection } from "./model.ts";
import { readAlias } from "./aliases.ts";
import { readCanon } from "./canon.ts";
import { readCoreInstance, readExport, readImport, readInstance, readStart } from "./instances.ts";
import { readCoreTypeDef, readTypeDef } from "./types.ts";

/** Nesting deeper than this is treated as hostile input rather than recursed into. */
const MAX_DEPTH = MAX_NESTING_DEPTH;

function readVec<T>(r: BinaryReader, what: string, read: (r: BinaryReader) => T): T[] {
  const n = r.count(`${what} count`);
  const out: T[] = new Array(n);
  for (let i = 0; i < n; i++) out[i] = read(r);
  return out;
}

/**
 * Decodes the component in `bytes[start, end)`; offsets in errors are
 * absolute positions in `bytes`.
 *
 * @example
 * ```ts
 * import { decodeComponent } from "./decode.ts";
 * const c = decodeComponent(new Uint8Array([0, 0x61, 0x73, 0x6d, 0x0d, 0, 1, 0]));
 * console.log(c.sections.length); // 0
 * ```
 */
export function decodeComponent(
  bytes: Uint8Array,
  start = 0,
  end = bytes.length,
  depth = 0,
): Component {
  const r = new BinaryReader(bytes, start, end);
  if (depth > MAX_DEPTH) r.fail("bad-section", `components nested deeper than ${MAX_DEPTH} levels`);
  const magic = r.u32le("the magic number \\0asm");
  if (magic !== 0x6d736100) {
    r.pos -= 4;
    r.fail("bad-magic", "not a WebAssembly binary: expected the magic number \\0asm");
  }
  const version = r.u32le("the version and layer");
  if (version !== 0x0001000d) {
    r.pos -= 4;
    r.fail(
      "bad-version",
      `expected a component (version 0x0d, layer 1), found version word 0x${version.toString(16)}`,
    );
  }
  const sections: ComponentSection[] = [];
  while (!r.eof) {
    const sectionStart = r.pos;
    const id = r.u8("a section id");
    const size = r.u32("a section size");
    const p = r.sub(size, `section ${id} payload (${size} bytes)`);
    const raw = bytes.subarray(sectionStart, p.end);
    sections.push(readSection(bytes, id, p, raw, sectionStart, depth));
    p.expectEnd(`component section ${id}`);
  }
  return { kind: "component", sections };
}

function readSection(
  bytes: Uint8Array,
  id: number,
  p: BinaryReader,
  raw: Uint8Array,
  at: number,
  depth: number,
): ComponentSection {
  switch (id) {
    case 0: {
      const name = p.name("a custom section name");
      const data = p.bytesN(p.remaining);
      return { id: "custom", name, data, raw };
    }
    case 1: {
      const module = decodeModule(bytes, p.pos, p.end);
      p.pos = p.end;
      return { id: "core module", module, raw };
    }
    case 2:
      return { id: "core instance", instances: readVec(p, "core instance", readCoreInstance), raw };
    case 3:
      return { id: "core type", types: readVec(p, "core type", readCoreTypeDef), raw };
    case 4: {
      const component = decodeComponent(bytes, p.pos, p.end, depth + 1);
      p.pos = p.end;
      return { id: "component", component, raw };
    }
    case 5:
      return { id: "instance", instances: readVec(p, "instance", readInstance), raw };
    case 6:
      return { id: "alias", aliases: readVec(p, "alias", readAlias), raw };
    case 7:
      return { id: "type", types: readVec(p, "type", readTypeDef), raw };
    case 8:
      return { id: "canon", canons: readVec(p, "canon", readCanon), raw };
    case 9:
      return { id: "start", start: readStart(p), raw };
    case 10:
      return { id: "import", imports: readVec(p, "import", readImport), raw };
    case 11:
      return { id: "export", exports: readVec(p, "export", readExport), raw };
    case 12: {
      // Values are type-directed; they are kept as bytes (the 🪙 feature is not used by toolchains).
      const count = p.u32("a value count");
      const payload = p.bytesN(p.remaining);
      return { id: "value", count, payload, raw };
    }
  }
  throw p.fail("bad-section", `unknown component section id ${id} at ${at}`);
}
