/**
 * Encodes the {@linkcode Component} model to bytes; sections that still
 * carry `raw` are written verbatim.
 *
 * @module
 */
import { BinaryWriter } from "../writer.ts";
import { encodeModule } from "../module/encode.ts";
import type { Component, ComponentSection } from "./model.ts";
import { writeAlias } from "./aliases.ts";
import { writeCanon } from "./canon.ts";
import {
  writeCoreInstance,
  writeExport,
  writeImport,
  writeInstance,
  writeStart,
} from "./instances.ts";
import { writeCoreTypeDef, writeTypeDef } from "./types.ts";

const SECTION_IDS: Record<ComponentSection["id"], number> = {
  "custom": 0,
  "core module": 1,
  "core instance": 2,
  "core type": 3,
  "component": 4,
  "instance": 5,
  "alias": 6,
  "type": 7,
  "canon": 8,
  "start": 9,
  "import": 10,
  "export": 11,
  "value": 12,
};

function writeVec<T>(w: BinaryWriter, items: T[], write: (w: BinaryWriter, x: T) => void): void {
  w.u32(items.length);
  for (const x of items) write(w, x);
}

function writePayload(w: BinaryWriter, s: ComponentSection): void {
  switch (s.id) {
    case "custom":
      w.name(s.name).bytes(s.data);
      return;
    case "core module":
      w.bytes(encodeModule(s.module));
      return;
    case "core instance":
      writeVec(w, s.instances, writeCoreInstance);
      return;
    case "core type":
      writeVec(w, s.types, writeCoreTypeDef);
      return;
    case "component":
      w.bytes(encodeComponent(s.component));
      return;
    case "instance":
      writeVec(w, s.instances, writeInstance);
      return;
    case "alias":
      writeVec(w, s.aliases, writeAlias);
      return;
    case "type":
      writeVec(w, s.types, writeTypeDef);
      return;
    case "canon":
      writeVec(w, s.canons, writeCanon);
      return;
    case "start":
      writeStart(w, s.start);
      return;
    case "import":
      writeVec(w, s.imports, writeImport);
      return;
    case "export":
      writeVec(w, s.exports, writeExport);
      return;
    case "value":
      w.u32(s.count).bytes(s.payload);
      return;
  }
}

/**
 * Encodes a component.
 *
 * @example
 * ```ts
 * import { encodeComponent } from "./encode.ts";
 * const bytes = encodeComponent({ kind: "component", sections: [] });
 * console.log(bytes.length); // 8
 * ```
 */
export function encodeComponent(c: Component): Uint8Array {
  const w = new BinaryWriter(1024);
  w.u32le(0x6d736100).u32le(0x0001000d);
  for (const s of c.sections) {
    if (s.raw) {
      w.bytes(s.raw);
      continue;
    }
    w.u8(SECTION_IDS[s.id]);
    w.sized((inner) => writePayload(inner, s));
  }
  return w.finish();
}
