/**
 * Core types as messages show and compare them: a value type's text name,
 * a function type in text form, and whether two function types are
 * identical. A leaf module: the checks and the merge all use it.
 *
 * @module
 */
import type { FuncType } from "../../wasm/module/mod.ts";

/** Whether two core function types are identical. */
export function sameCoreType(a: FuncType, b: FuncType): boolean {
  return a.params.length === b.params.length && a.results.length === b.results.length &&
    a.params.every((p, i) => p === b.params[i]) && a.results.every((p, i) => p === b.results[i]);
}

const CORE_TYPE_NAMES: Record<string, string> = {
  0x7f: "i32",
  0x7e: "i64",
  0x7d: "f32",
  0x7c: "f64",
  0x7b: "v128",
  0x70: "funcref",
  0x6f: "externref",
};

/**
 * A core value type in text form, for messages.
 *
 * @example
 * ```ts
 * import { showCoreType } from "./core_type_text.ts";
 * console.log(showCoreType(0x7e)); // i64
 * ```
 */
export function showCoreType(t: unknown): string {
  return CORE_TYPE_NAMES[String(t)] ?? (typeof t === "object" ? JSON.stringify(t) : String(t));
}

/** A core function type in text form, for messages. */
export function showCore(t: FuncType): string {
  return `(${t.params.map(showCoreType).join(", ")}) -> (${
    t.results.map(showCoreType).join(", ")
  })`;
}
