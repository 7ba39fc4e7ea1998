/**
 * The merged module's type section: function types deduplicated by
 * structure, so every module's type indices map into one table.
 *
 * @module
 */
import type { FuncType, ValType } from "../../wasm/module/model.ts";

function valKey(t: ValType): string {
  return typeof t === "number" ? t.toString(16) : JSON.stringify(t);
}

/** A key identifying a function type structurally. */
export function funcTypeKey(t: FuncType): string {
  return `${t.params.map(valKey).join(",")}->${t.results.map(valKey).join(",")}`;
}

/**
 * Interns function types.
 *
 * @example
 * ```ts
 * import { TypeTable } from "./types_table.ts";
 * const t = new TypeTable();
 * const a = t.intern({ params: [0x7f], results: [] });
 * console.log(a === t.intern({ params: [0x7f], results: [] })); // true
 * ```
 */
export class TypeTable {
  /** The interned types, in index order. */
  readonly types: FuncType[] = [];
  private readonly index = new Map<string, number>();

  /** The index of `t`, adding it if new. */
  intern(t: FuncType): number {
    const key = funcTypeKey(t);
    let i = this.index.get(key);
    if (i === undefined) {
      i = this.types.length;
      this.types.push(t);
      this.index.set(key, i);
    }
    return i;
  }
}
