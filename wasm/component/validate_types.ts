/**
 * Validation of a component's types and index spaces (apart from parsing
 * and before anything is fused): every type index in bounds and of the
 * kind its use needs, the rules on value types (non-empty, at most 32
 * flags, below the maximum byte size, no `borrow` in results), resources
 * defined only in concrete components and named by `own` / `borrow` and
 * the `resource.*` built-ins, outer aliases within their bounds and never
 * carrying a resource across a component boundary, the declarators'
 * allowed aliases, and the external visibility of imported and exported
 * types. Nested components are validated whether or not they are
 * instantiated. The rules are the Component Model's (`Explainer.md`,
 * `Binary.md`); per-type rules are in `type_kinds.ts`, per-use ones in
 * `type_walker.ts`, names in `visibility.ts`.
 *
 * @module
 */
import type { Component } from "./model.ts";
import { type ComponentShape, type Extern, newSpace } from "./type_kinds.ts";
import { Invalid, Walker } from "./type_walker.ts";
import { bindArguments, substituted, type Substitution } from "./instantiate_kinds.ts";

/** A component that does not validate: what is wrong, and where (a path of items). */
export interface ValidationError {
  message: string;
  where: string;
}

/** Walks the sections of the component `w` stands for; what instantiating it gives. */
function walkComponent(component: Component, w: Walker): ComponentShape {
  const s = w.space;
  for (const sec of component.sections) {
    switch (sec.id) {
      case "core module":
        s.coreModules++;
        break;
      case "core type":
        for (const t of sec.types) s.coreTypes.push(w.coreType(t));
        break;
      case "component":
        s.components.push(walkComponent(
          sec.component,
          new Walker(newSpace(true, s), `${w.where} → component ${s.components.length}`),
        ));
        break;
      case "instance":
        for (const inst of sec.instances) {
          if (inst.kind === "instantiate") {
            s.instances.push(instantiate(w, inst.component, inst.args));
            continue;
          }
          const exports = new Map<string, Extern>();
          for (const e of inst.exports) exports.set(e.name.name, bagExport(w, e.sort, e.index));
          s.instances.push(exports);
        }
        break;
      case "alias":
        for (const a of sec.aliases) w.alias(a);
        break;
      case "type":
        for (const t of sec.types) s.types.push(w.define(t));
        break;
      case "canon":
        for (const c of sec.canons) w.canon(c);
        break;
      case "import":
        for (const i of sec.imports) w.extern(i.name, i.desc, "import");
        break;
      case "export":
        for (const e of sec.exports) {
          if (e.desc) {
            w.checkAscription(e.sort, e.index, e.desc);
            w.extern(e.name, e.desc, "export");
          } else w.exportItem(e.name, e.sort, e.index);
        }
        break;
    }
  }
  return { imports: w.imports, exports: w.exports, imported: s.importNames };
}

/**
 * The exports of an instance of component `index` made with `args`: the
 * arguments checked against the child's imports and put in their place.
 */
function instantiate(
  w: Walker,
  index: number,
  args: { name: string; sort: string; index: number }[],
): Map<string, Extern> | undefined {
  const s = w.space;
  const child = s.components[index];
  if (!child) return undefined;
  // What the child's imports were named by stands for arguments of ours: names here too.
  for (const k of child.imported) s.importNames.add(k), s.exportNames.add(k);
  const given = new Map(args.map((a) => [a.name, bagExport(w, a.sort, a.index)]));
  const subst: Substitution = new Map();
  const why = bindArguments(child, given, subst);
  if (why) w.fail(why);
  return substituted(child.exports, subst);
}

/** What a bag-of-exports instance holds under one name. */
function bagExport(w: Walker, sort: string, index: number): Extern {
  const s = w.space;
  switch (sort) {
    case "type":
      return { sort: "type", type: w.typeAt(index) };
    case "func":
      return { sort: "func", type: s.funcs[index] ?? { kind: "any" } };
    case "instance":
      return { sort: "instance", exports: s.instances[index] };
    default:
      return { sort: "other" };
  }
}

/**
 * The first type or index-space error of `component` (nested components
 * and type declarators included), or undefined. `where` names the
 * component.
 *
 * @example
 * ```ts
 * import { validateTypes } from "./validate_types.ts";
 * const c = { kind: "component" as const, sections: [{ id: "type" as const, types: [
 *   { kind: "defined" as const, type: { kind: "own" as const, resource: 7 } }] }] };
 * console.log(validateTypes(c, "app")?.message); // type index out of bounds
 * ```
 */
export function validateTypes(component: Component, where: string): ValidationError | undefined {
  try {
    walkComponent(component, new Walker(newSpace(true), where));
    return undefined;
  } catch (e) {
    if (e instanceof Invalid) return { message: e.message, where: e.where };
    throw e;
  }
}
