/**
 * The merged module's type section: function types deduplicated by
 * structure, so every module's type indices map into one table.
 *
 * @module
 */
import type { DefinedType, FuncType, ValType } from "../../wasm/module/mod.ts";
import { renumberGcType } from "../../wasm/module/mod.ts";
import { FuseError } from "./errors.ts";

function valKey(t: ValType): string {
  return typeof t === "number" ? t.toString(16) : JSON.stringify(t);
}

/** A key identifying a function type structurally. */
export function funcTypeKey(t: FuncType): string {
  return `${t.params.map(valKey).join(",")}->${t.results.map(valKey).join(",")}`;
}

/**
 * `v` with a concrete heap type's index replaced by `map(index)`.
 *
 * @example
 * ```ts
 * import { renumberValType } from "./types_table.ts";
 * const v = { nullable: true, heapType: { kind: "index" as const, index: 1 } };
 * console.log(renumberValType(v, (i) => i + 5)); // { nullable: true, heapType: { kind: "index", index: 6 } }
 * console.log(renumberValType(0x7f, (i) => i + 5)); // 127
 * ```
 */
export function renumberValType(v: ValType, map: (index: number) => number): ValType {
  return typeof v === "number" || v.heapType.kind === "abstract"
    ? v
    : { ...v, heapType: { kind: "index", index: map(v.heapType.index) } };
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
  readonly types: DefinedType[] = [];
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

  /**
   * Adds a module's type definitions; returns its type index → fused index.
   * Function types are interned (their type references renumbered first);
   * a GC type or `rec` group is appended whole, as its own definition.
   */
  internModule(defs: DefinedType[], module: string): number[] {
    const map: number[] = [];
    const at = (index: number) => {
      const to = map[index];
      if (to === undefined) {
        throw new FuseError(
          "bad-type-index",
          module,
          `a type definition refers to type ${index}, which is not defined before it`,
          "the core module does not validate: rebuild it",
        );
      }
      return to;
    };
    const renumber = (v: ValType) => renumberValType(v, at);
    for (let i = 0; i < defs.length;) {
      const t = defs[i];
      if (!("kind" in t)) {
        map.push(this.intern({ params: t.params.map(renumber), results: t.results.map(renumber) }));
        i++;
        continue;
      }
      const size = t.rec || 1;
      const group = defs.slice(i, i + size);
      const base = this.types.length;
      group.forEach((_, k) => map.push(base + k));
      for (const member of group) {
        if (!("kind" in member)) {
          throw new FuseError("bad-type-index", module, "a rec group is cut short", "rebuild it");
        }
        this.types.push(renumberGcType(member, at));
      }
      i += size;
    }
    return map;
  }
}
