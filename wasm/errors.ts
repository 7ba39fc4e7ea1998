/**
 * Typed errors for the WebAssembly codec.
 *
 * Every decode failure is a {@linkcode WasmDecodeError}: it carries the byte
 * offset where decoding stopped and a sentence saying what was expected there,
 * so a user-facing message can point at the exact place in the file.
 *
 * @module
 */

/** What kind of decode failure happened; stable strings a script can switch on. */
export type WasmDecodeErrorKind =
  | "unexpected-end"
  | "bad-magic"
  | "bad-version"
  | "bad-leb"
  | "bad-utf8"
  | "bad-count"
  | "bad-section"
  | "bad-opcode"
  | "bad-value"
  | "size-mismatch"
  | "unsupported";

/**
 * A decode failure at a byte offset.
 *
 * @example
 * ```ts
 * import { decodeWasm, WasmDecodeError } from "./mod.ts";
 * try {
 *   decodeWasm(new Uint8Array([0, 0x61, 0x73]));
 * } catch (e) {
 *   if (e instanceof WasmDecodeError) console.log(e.offset, e.kind);
 * }
 * ```
 */
export class WasmDecodeError extends Error {
  /** Byte offset (from the start of the outermost input) where decoding failed. */
  readonly offset: number;
  /** The failure class. */
  readonly kind: WasmDecodeErrorKind;

  constructor(kind: WasmDecodeErrorKind, offset: number, message: string) {
    super(`${message} (at byte offset ${offset} / 0x${offset.toString(16)})`);
    this.name = "WasmDecodeError";
    this.kind = kind;
    this.offset = offset;
  }
}

/** An encode failure: the model handed to the encoder is not encodable. */
export class WasmEncodeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "WasmEncodeError";
  }
}
