/**
 * Instantiation as component validation sees it, for components whose
 * shape it knows (defined here, or imported with a component type), even
 * where nothing instantiates them at run time: each abstract resource the
 * child imports stands for the resource its argument passes, an `eq`
 * bound between imported resources must then name the same resource, and
 * the child's exports are read with the arguments in place of its imports.
 *
 * @module
 */
import type { ComponentShape, Extern, Kind } from "./type_kinds.ts";

/** The kind a name stands for: the definition behind imports, exports and aliases. */
function baseOf(k: Kind): Kind {
  return k.base ?? k;
}

/** Child import kinds (by base) to the kinds their arguments pass. */
export type Substitution = Map<Kind, Kind>;

/** Records what `declared` (a child's import) stands for, given `arg`; why they differ, or undefined. */
function bind(
  declared: Extern,
  arg: Extern | undefined,
  subst: Substitution,
  at: string,
): string | undefined {
  if (!arg) return undefined;
  if (declared.sort === "type" && arg.sort === "type") {
    const d = declared.type, a = arg.type;
    if (d.kind !== "resource" || a.kind === "any") return undefined;
    if (d.base === undefined) {
      subst.set(d, a); // an abstract resource: it is whatever the argument passes
      return undefined;
    }
    const expected = subst.get(baseOf(d)) ?? baseOf(d);
    if (expected.kind === "any" || a.kind !== "resource") return undefined;
    return baseOf(expected) === baseOf(a)
      ? undefined
      : `type mismatch in import "${at}": resource types are not the same`;
  }
  if (declared.sort === "instance" && arg.sort === "instance") {
    for (const [name, e] of declared.exports ?? []) {
      const why = bind(e, arg.exports?.get(name), subst, `${at}.${name}`);
      if (why) return why;
    }
  }
  return undefined;
}

/**
 * Why instantiating `child` with `args` is invalid (an `eq` bound between
 * resources not met), or undefined; `subst` receives what each of the
 * child's abstract resources stands for.
 *
 * @example
 * ```ts
 * import { bindArguments } from "./instantiate_kinds.ts";
 * const r = { kind: "resource" as const };
 * const child = { imports: new Map([["a", { sort: "type" as const, type: r }]]), exports: new Map(), imported: new Set([r]) };
 * console.log(bindArguments(child, new Map(), new Map())); // undefined
 * ```
 */
export function bindArguments(
  child: ComponentShape,
  args: Map<string, Extern>,
  subst: Substitution,
): string | undefined {
  for (const [name, declared] of child.imports) {
    const why = bind(declared, args.get(name), subst, name);
    if (why) return why;
  }
  return undefined;
}

/**
 * The child's exports with the arguments in place of its imports.
 *
 * @example
 * ```ts
 * import { substituted } from "./instantiate_kinds.ts";
 * const r = { kind: "resource" as const }, arg = { kind: "resource" as const };
 * const out = substituted(new Map([["r", { sort: "type" as const, type: r }]]), new Map([[r, arg]]));
 * console.log(out.get("r")?.sort); // type
 * ```
 */
export function substituted(
  exports: Map<string, Extern>,
  subst: Substitution,
): Map<string, Extern> {
  if (subst.size === 0) return exports;
  const out = new Map<string, Extern>();
  for (const [name, e] of exports) {
    const arg = e.sort === "type" ? subst.get(baseOf(e.type)) : undefined;
    if (e.sort === "type" && arg) {
      out.set(name, { sort: "type", type: arg, childKind: e.childKind ?? e.type });
    } else if (e.sort === "instance" && e.exports) {
      out.set(name, { sort: "instance", exports: substituted(e.exports, subst) });
    } else out.set(name, e);
  }
  return out;
}
