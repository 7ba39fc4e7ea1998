/**
 * `decodeWasm` / `encodeWasm`: one entry point for core modules and
 * components, told apart by the preamble's version / layer word.
 *
 * @module
 */
import { BinaryReader } from "./reader.ts";
import { BinaryWriter } from "./writer.ts";
import { WasmDecodeError } from "./errors.ts";
import { decodeModule } from "./module/decode.ts";
import { encodeModule } from "./module/encode.ts";
import type { CoreModule } from "./module/model.ts";
import { decodeComponent } from "./component/decode.ts";
import { encodeComponent } from "./component/encode.ts";
import type { Component } from "./component/model.ts";

/** A decoded binary: a core module or a component. */
export type WasmModel = CoreModule | Component;

/**
 * Whether the bytes start like a component (version 0x0d, layer 1) rather
 * than a core module (version 1, layer 0).
 */
export function isComponentBinary(bytes: Uint8Array): boolean {
  return bytes.length >= 8 && bytes[4] === 0x0d && bytes[6] === 0x01;
}

/**
 * Decodes a core module or a component.
 *
 * @example
 * ```ts
 * import { decodeWasm } from "./wasm.ts";
 * const m = decodeWasm(new Uint8Array([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0]));
 * console.log(m.kind); // "module"
 * ```
 */
export function decodeWasm(bytes: Uint8Array): WasmModel {
  const r = new BinaryReader(bytes);
  const magic = r.u32le("the magic number \\0asm");
  if (magic !== 0x6d736100) {
    throw new WasmDecodeError(
      "bad-magic",
      0,
      "not a WebAssembly binary: expected the magic number \\0asm",
    );
  }
  if (r.remaining < 4) r.u32le("the version word");
  return isComponentBinary(bytes) ? decodeComponent(bytes) : decodeModule(bytes);
}

/**
 * Encodes a model back to bytes (sections still carrying `raw` are written verbatim).
 *
 * @example
 * ```ts
 * import { decodeWasm, encodeWasm } from "./wasm.ts";
 * const bytes = new Uint8Array([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0]);
 * console.log(encodeWasm(decodeWasm(bytes)).length); // 8
 * ```
 */
export function encodeWasm(model: WasmModel): Uint8Array {
  return model.kind === "component" ? encodeComponent(model) : encodeModule(model);
}

/**
 * Appends a custom section to an encoded module or component.
 *
 * @example
 * ```ts
 * import { appendCustomSection } from "./wasm.ts";
 * const empty = new Uint8Array([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0]);
 * console.log(appendCustomSection(empty, "note", new Uint8Array([1])).length); // 15
 * ```
 */
export function appendCustomSection(bytes: Uint8Array, name: string, data: Uint8Array): Uint8Array {
  const out = new BinaryWriter(bytes.length + data.length + name.length + 16).bytes(bytes);
  return writeCustomSection(out, name, data).finish();
}

/**
 * Writes a custom section (id, size, name, payload) to `out`: after a module
 * or component encoded into the same writer, it appends the section without
 * copying what is already there.
 *
 * @example
 * ```ts
 * import { writeCustomSection } from "./wasm.ts";
 * import { BinaryWriter } from "./writer.ts";
 * console.log(writeCustomSection(new BinaryWriter(), "note", new Uint8Array([1])).finish()); // [0, 6, 4, …, 1]
 * ```
 */
export function writeCustomSection(
  out: BinaryWriter,
  name: string,
  data: Uint8Array,
): BinaryWriter {
  return out.u8(0).sized((w) => w.name(name).bytes(data));
}
