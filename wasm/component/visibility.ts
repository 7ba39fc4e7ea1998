/**
 * External visibility of types (`Explainer.md`, "External visibility of
 * types"): the type of an imported or exported function, type or instance
 * may refer only to types that have a name outside the component, or to
 * anonymous types (tuples, lists, options, results, handles, …) made of
 * them. A name comes from an import, from an export, or from an alias out
 * of an instance that is itself imported or exported; an import may use
 * only the names earlier imports gave. A record, variant, enum, flags or
 * resource without a name leaks.
 *
 * Names are kinds (`type_kinds.ts`): each import or export of a type makes
 * a new kind, so a function typed by the index defined before its export
 * still refers to the unnamed one, as the spec requires.
 *
 * @module
 */
import type { Extern, Kind } from "./type_kinds.ts";

/** The kinds that have a name for one use: imports, or exports (which may also use imported names). */
export type Names = Set<Kind>;

/**
 * A new kind naming `k` (an import, export or eq-bounded type).
 *
 * @example
 * ```ts
 * import { named } from "./visibility.ts";
 * const k = { kind: "resource" as const, local: true };
 * console.log(named(k).base === k); // true
 * ```
 */
export function named(k: Kind): Kind {
  return k.kind === "any" ? k : { ...k, base: k.base ?? k };
}

/** Whether `k` needs a name to be seen outside (a record, variant, enum, flags or resource). */
function nominal(k: Kind): boolean {
  return k.kind === "resource" || (k.kind === "value" && k.nominal);
}

/** Whether `k` can be seen from outside with the names in `names`. */
export function visible(k: Kind, names: Names): boolean {
  if (k.kind === "any" || names.has(k)) return true;
  return !nominal(k) && contentsVisible(k, names);
}

/**
 * Whether every type `k` refers to can be seen with `names` (the rule for
 * a type that is imported or exported itself: it gets a name, what it
 * refers to must have one).
 *
 * @example
 * ```ts
 * import { contentsVisible } from "./visibility.ts";
 * const rec = { kind: "value" as const, nominal: true, children: [], resources: false, borrows: false, size: 4, align: 4 };
 * const list = { ...rec, nominal: false, children: [rec] };
 * console.log(contentsVisible(list, new Set()), contentsVisible(list, new Set([rec]))); // false true
 * ```
 */
export function contentsVisible(k: Kind, names: Names): boolean {
  switch (k.kind) {
    case "value":
    case "func":
      return k.children.every((c) => visible(c, names));
    case "instance":
      return k.hidden === undefined;
    default:
      return true;
  }
}

/** Adds the types `exports` holds (nested instances' too) to `names`. */
export function nameExports(exports: Map<string, Extern> | undefined, names: Names): void {
  for (const e of exports?.values() ?? []) {
    if (e.sort === "type") names.add(e.type);
    if (e.sort === "type" && e.childKind) names.add(e.childKind);
    if (e.sort === "instance") nameExports(e.exports, names);
  }
}

/**
 * Why an instance with `exports` cannot be imported or exported with
 * `names` (the types it exports are named by it), or undefined.
 *
 * @example
 * ```ts
 * import { instanceVisibilityError } from "./visibility.ts";
 * console.log(instanceVisibilityError(new Map(), new Set())); // undefined
 * ```
 */
export function instanceVisibilityError(
  exports: Map<string, Extern> | undefined,
  names: Names,
): string | undefined {
  const all = new Set(names);
  nameExports(exports, all);
  for (const [name, e] of exports ?? []) {
    if ((e.sort === "func" || e.sort === "type") && !contentsVisible(e.type, all)) {
      return `its ${e.sort} \`${name}\` refers to a type that has no name outside`;
    }
    if (e.sort === "instance") {
      const inner = instanceVisibilityError(e.exports, all);
      if (inner) return `its instance \`${name}\`: ${inner}`;
    }
  }
  return undefined;
}
