/**
 * Turns any failure into the one-paragraph message a user sees: what was
 * wrong, where, and what to do. Stack traces are for `--verbose` only.
 *
 * @module
 */
import { WasmDecodeError } from "../wasm/errors.ts";

/**
 * Describes an error for the terminal.
 *
 * @example
 * ```ts
 * import { describeError } from "./errors.ts";
 * console.log(describeError(new Error("boom"))); // "boom"
 * ```
 */
export function describeError(e: unknown): string {
  if (e instanceof WasmDecodeError) {
    return `malformed WebAssembly: ${e.message}\n  remedy: check that the file is a complete .wasm module or component (wasm-tools validate)`;
  }
  if (e instanceof Deno.errors.NotFound) return `file not found: ${e.message}`;
  if (e instanceof Error) return e.message;
  return String(e);
}
