/**
 * External visibility of types (`Explainer.md`, "External visibility of
 * types"): the type of an exported or imported function, and the contents
 * of an exported type, may refer only to types that are themselves visible
 * from outside — imported, exported, or aliased from an instance's exports
 * — or to anonymous types (tuple, list, option, result, handles, …) made of
 * them. A record, variant, enum, flags or resource defined in the component
 * and never exported leaks otherwise.
 *
 * @module
 */
import type { ExternDesc, Sort, ValType } from "../../wasm/component/mod.ts";
import type { Item, Scope, TypeSpace } from "./scope.ts";

/**
 * Marks the newest index of `space` as visible from outside (imported,
 * exported or aliased from an instance's exports).
 *
 * @example
 * ```ts
 * import { markExternal } from "./visibility_checks.ts";
 * const space = { types: [] };
 * markExternal(space);
 * console.log(space); // { types: [], external: Set(1) { -1 } }
 * ```
 */
export function markExternal(space: TypeSpace): void {
  (space.external ??= new Set()).add(space.types.length - 1);
}

/** Whether value type `t` of `space` is visible from outside (`seen` breaks cycles). */
function visible(space: TypeSpace, t: ValType, seen: Set<number>): boolean {
  if (typeof t !== "number") return true;
  if (space.external?.has(t)) return true;
  if (seen.has(t)) return true;
  seen.add(t);
  const entry = space.types[t];
  if (!entry || entry.kind === "resource") return false;
  const def = entry.def;
  if (entry.space !== space) return true; // aliased from another scope: checked there
  if (def.kind === "resource") return false;
  if (def.kind === "func") return contentsVisible(space, t, seen);
  if (def.kind !== "defined") return true;
  switch (def.type.kind) {
    case "record":
    case "variant":
    case "enum":
    case "flags":
      return false; // nominal: only visible when exported or imported
    default:
      return contentsVisible(space, t, seen);
  }
}

/** Whether every type the type at `index` of `space` refers to is visible from outside. */
function contentsVisible(space: TypeSpace, index: number, seen: Set<number>): boolean {
  const entry = space.types[index];
  if (entry?.kind !== "def") return true;
  const def = entry.def;
  const refs: (ValType | undefined)[] = [];
  if (def.kind === "func") {
    refs.push(...def.params.map((p) => p.type), def.result);
    for (const r of def.namedResults ?? []) refs.push(r.type);
  } else if (def.kind === "defined") {
    const d = def.type;
    switch (d.kind) {
      case "record":
        refs.push(...d.fields.map((f) => f.type));
        break;
      case "variant":
        refs.push(...d.cases.map((c) => c.type));
        break;
      case "list":
      case "stream":
      case "future":
        refs.push(d.kind === "list" ? d.element : d.element);
        break;
      case "tuple":
        refs.push(...d.types);
        break;
      case "option":
        refs.push(d.type);
        break;
      case "result":
        refs.push(d.ok, d.err);
        break;
      case "own":
      case "borrow":
        refs.push(d.resource);
        break;
      case "map":
        refs.push(d.key, d.value);
        break;
    }
  }
  return refs.every((r) => r === undefined || visible(space, r, seen));
}

/**
 * Why the function type at `index` of `space` cannot be that of an export
 * or import (`what`), or undefined.
 *
 * @example
 * ```ts
 * import { funcVisibilityError } from "./visibility_checks.ts";
 * const space = { types: [] };
 * console.log(funcVisibilityError(space, 0, "export")); // undefined
 * ```
 */
export function funcVisibilityError(
  space: TypeSpace,
  index: number,
  what: "export" | "import",
): string | undefined {
  if (space.types[index]?.kind !== "def") return undefined;
  return contentsVisible(space, index, new Set())
    ? undefined
    : `func not valid to be used as ${what}: its type refers to a type that is neither ` +
      "imported nor exported";
}

/** Why the type at `index` of `space` cannot be exported (it refers to a hidden type), or undefined. */
export function typeVisibilityError(space: TypeSpace, index: number): string | undefined {
  return contentsVisible(space, index, new Set())
    ? undefined
    : "type not valid to be used as export: it refers to a type that is neither imported nor " +
      "exported";
}

/**
 * Why exporting `item` as `e` from `scope` would leak a type that is
 * neither imported nor exported (a function lifted here is checked by its
 * type, or by the type the export ascribes), or undefined.
 *
 * @example
 * ```ts ignore
 * import { exportVisibilityError } from "./visibility_checks.ts";
 * const why = exportVisibilityError(scope, { sort: "func", index: 0 }, item);
 * ```
 */
export function exportVisibilityError(
  scope: Scope,
  e: { sort: Sort; index: number; desc?: ExternDesc },
  item: Item,
): string | undefined {
  if (e.sort === "type") return typeVisibilityError(scope.types, e.index);
  if (e.sort !== "func") return undefined;
  if (e.desc?.kind === "func") return funcVisibilityError(scope.types, e.desc.type, "export");
  const f = item.sort === "func" ? item.func : undefined;
  // Only a function lifted here, with its type defined in this scope, is checked.
  if (f?.kind !== "lifted" || f.typeIndex === undefined) return undefined;
  if (scope.types.types[f.typeIndex] !== f.type) return undefined;
  return funcVisibilityError(scope.types, f.typeIndex, "export");
}
