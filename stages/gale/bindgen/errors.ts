/**
 * The binding generators' error: what in the WIT cannot be bound, and
 * where (`file:line:col` when the WIT text says where).
 *
 * @module
 */

/**
 * A WIT world the generators reject, or WIT text wasm-tools' parser rejects.
 *
 * @example
 * ```ts
 * import { BindgenError } from "./errors.ts";
 * const e = new BindgenError("name `strin` does not exist", { file: "k.wit", line: 4, column: 13 });
 * console.log(e.message); // k.wit:4:13: name `strin` does not exist
 * ```
 */
export class BindgenError extends Error {
  /** Where in the WIT, when known. */
  readonly location?: { file: string; line: number; column: number };
  /** `unsupported`: valid WIT the generators cannot bind; `wit`: WIT that does not parse. */
  readonly kind: "wit" | "unsupported";
  constructor(
    message: string,
    location?: { file: string; line: number; column: number },
    kind: "wit" | "unsupported" = "wit",
  ) {
    super(location ? `${location.file}:${location.line}:${location.column}: ${message}` : message);
    this.name = "BindgenError";
    this.location = location;
    this.kind = kind;
  }
}
