/**
 * Turns any failure into the one-paragraph message a user sees: what was
 * wrong, where, and what to do. Stack traces are for `--verbose` only.
 *
 * @module
 */
import { WasmDecodeError } from "../wasm/mod.ts";
import { deniedProgram } from "./toolchain.ts";

/** JavaScript's own error types: thrown by a bug in Dissolve, never by bad input. */
const INTERNAL = [TypeError, RangeError, ReferenceError, EvalError, URIError];

/**
 * The innermost cause of an error (a stage failure wraps what the stage threw).
 *
 * @example
 * ```ts
 * import { rootCause } from "./errors.ts";
 * const e = Object.assign(new Error("outer"), { reason: new TypeError("inner") });
 * console.log((rootCause(e) as Error).message); // "inner"
 * ```
 */
export function rootCause(e: unknown): unknown {
  let cur = e;
  for (let i = 0; i < 8; i++) {
    const next = (cur as { reason?: unknown; cause?: unknown } | null)?.reason ??
      (cur as { cause?: unknown } | null)?.cause;
    if (next === undefined || next === cur) break;
    cur = next;
  }
  return cur;
}

/**
 * Whether `e` is Dissolve's fault rather than the input's: a JavaScript
 * engine error (a `TypeError` from reading a missing field, a stack
 * overflow) anywhere in its chain.
 *
 * @example
 * ```ts
 * import { isInternalFault } from "./errors.ts";
 * console.log(isInternalFault(new TypeError("x is undefined"))); // true
 * console.log(isInternalFault(new Error("file not found"))); // false
 * ```
 */
export function isInternalFault(e: unknown): boolean {
  for (let cur: unknown = e, i = 0; cur !== undefined && i < 8; i++) {
    if ((cur as { code?: unknown } | null)?.code === "internal") return true;
    const next = (cur as { reason?: unknown; cause?: unknown } | null)?.reason ??
      (cur as { cause?: unknown } | null)?.cause;
    if (next === cur) break;
    cur = next;
  }
  const cause = rootCause(e);
  return INTERNAL.some((t) => cause instanceof t);
}

const ACCESS = /Requires (read|write|run|net|env) access to "?([^",]+)"?/;

/** A Deno permission refusal as a sentence saying what this task may do and what to do. */
function describeDenied(message: string): string {
  const m = ACCESS.exec(message);
  if (!m) return `${message}\n  remedy: this needs a Deno permission the task does not grant`;
  const [, kind, what] = m;
  switch (kind) {
    case "read":
      return `cannot read ${what}: this task may read only the project, /tmp and /usr\n` +
        `  remedy: for files elsewhere use \`npx -y deno@2.9.6 task fuse …\` or ` +
        `\`npx -y deno@2.9.6 task inspect …\`, which may read any file you name; ` +
        `keep a pipeline's sources inside its project`;
    case "write":
      return `cannot write ${what}: this task may not write there (a build writes build/ and /tmp)\n` +
        `  remedy: choose an output path under build/ (or /tmp)`;
    case "run":
      return deniedProgram(what);
    case "net":
      return `cannot reach ${what}: the task's --allow-net does not include it\n` +
        `  remedy: add the host to --allow-net of the task in deno.json`;
    default:
      return `${message}\n  remedy: grant --allow-${kind} for ${what}`;
  }
}

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
  if (e instanceof Deno.errors.NotCapable) return describeDenied(e.message);
  if (e instanceof Deno.errors.NotFound) return `file not found: ${e.message}`;
  if (e instanceof Error) {
    // A refusal deep inside a stage still reads as one.
    const denied = ACCESS.exec(e.message);
    if (rootCause(e) instanceof Deno.errors.NotCapable && denied) {
      return `${e.message.split(":")[0]}: ${describeDenied(denied[0])}`;
    }
    return e.message;
  }
  return String(e);
}
