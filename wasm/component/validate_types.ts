/**
 * Validation of a component's types and index spaces (apart from parsing
 * and before anything is fused): every type index in bounds and of the
 * kind its use needs, the rules on value types (non-empty, at most 32
 * flags, below the maximum byte size, no `borrow` in results), resources
 * defined only in concrete components and named by `own` / `borrow` and
 * the `resource.*` built-ins, outer aliases within their bounds and never
 * carrying a resource across a component boundary, and the declarators'
 * allowed aliases. Nested components are validated whether or not they
 * are instantiated. The rules are the Component Model's (`Explainer.md`,
 * `Binary.md`); per-type rules are in `type_kinds.ts`.
 *
 * @module
 */
import type {
  Alias,
  Canon,
  Component,
  ComponentDecl,
  CoreTypeDef,
  ExternDesc,
  ExternName,
  TypeDef,
} from "./model.ts";
import type { ImportDesc } from "../module/model.ts";
import {
  ANY,
  type Extern,
  type Kind,
  newSpace,
  refersToResources,
  type Space,
  typeKind,
} from "./type_kinds.ts";

/** A component that does not validate: what is wrong, and where (a path of items). */
export interface ValidationError {
  message: string;
  where: string;
}

/** Thrown inside the walk; caught by {@linkcode validateTypes}. */
class Invalid extends Error {
  constructor(readonly where: string, message: string) {
    super(message);
  }
}

/** Pages a 32-bit memory may have at most (4 GiB of 64 KiB pages). */
const MAX_PAGES_32 = 65536;

/** Why an import or export of a core module type is invalid: its type index, its limits. */
function coreDescError(d: ImportDesc, types: number): string | undefined {
  if ((d.kind === "func" || d.kind === "tag") && d.type >= types) {
    return `type index ${d.type} out of bounds in a core module type`;
  }
  if (d.kind === "memory" && !d.memory.memory64) {
    const { min, max } = d.memory.limits;
    if (min > MAX_PAGES_32 || (max !== undefined && max > MAX_PAGES_32)) {
      return `memory size must be at most ${MAX_PAGES_32} pages (4GiB)`;
    }
  }
  const limits = d.kind === "memory"
    ? d.memory.limits
    : d.kind === "table"
    ? d.table.limits
    : undefined;
  if (limits?.max !== undefined && limits.max < limits.min) {
    return "size minimum must not be greater than maximum";
  }
  return undefined;
}

/** A core type's kind, once a module type's declarations are checked (`w` reports). */
function coreKind(t: CoreTypeDef, w: Walker): "module" | "func" | "other" {
  if (t.kind !== "module") return t.kind === "func" ? "func" : "other";
  let types = 0;
  for (const d of t.decls) {
    if (d.kind === "type" || d.kind === "alias") types++;
    const why = d.kind === "import" || d.kind === "export"
      ? coreDescError(d.desc, types)
      : undefined;
    if (why) w.fail(why);
  }
  return "module";
}

/** The walk over one component or declarator: its space and where errors point. */
class Walker {
  constructor(readonly space: Space, readonly where: string) {}

  fail(message: string): never {
    throw new Invalid(this.where, message);
  }

  typeAt(index: number): Kind {
    return this.space.types[index] ?? this.fail(`type index ${index} out of bounds`);
  }

  /** A type definition's kind; component and instance types are walked as declarators. */
  define(t: TypeDef): Kind {
    if (t.kind === "component" || t.kind === "instance") return this.declarator(t.kind, t.decls);
    if (t.kind === "resource") {
      if (!this.space.concrete) {
        this.fail("resources can only be defined within a concrete component");
      }
      if (t.dtor !== undefined && t.dtor >= this.space.coreFuncs) {
        this.fail(`function index ${t.dtor} out of bounds for the resource's destructor`);
      }
    }
    const k = typeKind(this.space, t);
    return typeof k === "string" ? this.fail(k) : k;
  }

  /** A component or instance type: its declarations in a space of their own. */
  declarator(kind: "component" | "instance", decls: ComponentDecl[]): Kind {
    const inner = new Walker(newSpace(false, this.space), `${this.where} → ${kind} type`);
    const exports = new Map<string, Extern>();
    for (const d of decls) {
      switch (d.kind) {
        case "type":
          inner.space.types.push(inner.define(d.type));
          break;
        case "core type":
          inner.space.coreTypes.push(coreKind(d.type, inner));
          break;
        case "alias":
          if (d.alias.kind === "export" && d.alias.sort !== "type" && d.alias.sort !== "instance") {
            inner.fail(`an alias in a ${kind} type may only refer to types or instances`);
          }
          if (d.alias.kind === "outer" && d.alias.sort !== "type" && d.alias.sort !== "core type") {
            inner.fail(`an outer alias in a ${kind} type may only refer to types or instances`);
          }
          inner.alias(d.alias);
          break;
        case "import":
        case "export": {
          const ext = inner.extern(d.name, d.desc);
          if (d.kind === "export") exports.set(d.name.name, ext);
          break;
        }
      }
    }
    const resources = inner.space.outerResources;
    return kind === "instance" ? { kind, resources, exports } : { kind, resources };
  }

  /** An import or export of `desc`: its type checked against its use, and added to its space. */
  extern(name: ExternName, desc: ExternDesc): Extern {
    const s = this.space;
    switch (desc.kind) {
      case "func": {
        const k = this.typeAt(desc.type);
        if (k.kind !== "func" && k.kind !== "any") {
          this.fail(`type index ${desc.type} is not a function type`);
        }
        s.funcs++;
        this.#constructorCheck(name.name, desc.type);
        return { sort: "other" };
      }
      case "instance": {
        const k = this.typeAt(desc.type);
        if (k.kind !== "instance" && k.kind !== "any") {
          this.fail(`type index ${desc.type} is not an instance type`);
        }
        const exports = k.kind === "instance" ? k.exports : undefined;
        s.instances.push(exports);
        return { sort: "instance", exports };
      }
      case "component": {
        const k = this.typeAt(desc.type);
        if (k.kind !== "component" && k.kind !== "any") {
          this.fail(`type index ${desc.type} is not a component type`);
        }
        s.components++;
        return { sort: "other" };
      }
      case "module": {
        const k = s.coreTypes[desc.type];
        if (!k) this.fail(`core type index ${desc.type} out of bounds`);
        if (k !== "module") this.fail(`core type index ${desc.type} is not a module type`);
        s.coreModules++;
        return { sort: "other" };
      }
      case "type": {
        const type: Kind = desc.bound.kind === "eq"
          ? this.typeAt(desc.bound.index)
          : { kind: "resource", local: false };
        s.types.push(type);
        if (!name.name.includes(":")) s.named.set(name.name, type);
        return { sort: "type", type };
      }
      case "value":
        return { sort: "other" };
    }
  }

  /** `[constructor]r` must return `own<r>` or `result<own<r>, …>`. */
  #constructorCheck(name: string, typeIndex: number): void {
    if (!name.startsWith("[constructor]")) return;
    const resource = this.space.named.get(name.slice("[constructor]".length));
    const f = this.space.types[typeIndex];
    if (!resource || f?.kind !== "func") return;
    const result = f.result;
    const owned = result?.kind === "value" ? result.owns ?? result.okOwns : undefined;
    if (owned === undefined) {
      this.fail(`function \`${name}\` should return \`(own $T)\` or \`(result (own $T))\``);
    }
    if (owned !== resource && owned.kind !== "any" && resource.kind !== "any") {
      this.fail(`function \`${name}\` does not match expected resource name`);
    }
  }

  /** An alias: export aliases from known instances, outer aliases within bounds. */
  alias(a: Alias): void {
    const s = this.space;
    if (a.kind === "core export") {
      if (a.sort === "core func") s.coreFuncs++;
      return;
    }
    if (a.kind === "export") {
      if (a.instance >= s.instances.length) {
        this.fail(`instance index ${a.instance} out of bounds`);
      }
      const ext = s.instances[a.instance]?.get(a.name);
      if (a.sort === "type") s.types.push(ext?.sort === "type" ? ext.type : ANY);
      else if (a.sort === "instance") {
        s.instances.push(ext?.sort === "instance" ? ext.exports : undefined);
      } else if (a.sort === "func") s.funcs++;
      else if (a.sort === "component") s.components++;
      else if (a.sort === "core module") s.coreModules++;
      return;
    }
    this.#outer(a);
  }

  /** `alias outer count index`: the count within the enclosing scopes, the index within the target. */
  #outer(a: Alias & { kind: "outer" }): void {
    const crossed: Space[] = [];
    let target: Space | undefined = this.space;
    let boundary = false;
    for (let i = 0; i < a.count; i++) {
      if (!target) break;
      crossed.push(target);
      if (target.concrete) boundary = true;
      target = target.parent;
    }
    if (!target) this.fail(`invalid outer alias count of ${a.count}`);
    const s = this.space;
    switch (a.sort) {
      case "type": {
        const k = target.types[a.index];
        if (!k) this.fail(`index out of bounds: outer alias of type ${a.index}`);
        if (refersToResources(k)) {
          if (boundary) {
            this.fail(
              "an outer alias across a component boundary may not name a type that " +
                "transitively refers to resources",
            );
          }
          for (const c of crossed) c.outerResources = true;
        }
        s.types.push(k);
        return;
      }
      case "core type": {
        const k = target.coreTypes[a.index];
        if (!k) this.fail(`index out of bounds: outer alias of core type ${a.index}`);
        s.coreTypes.push(k);
        return;
      }
      case "core module":
        if (a.index >= target.coreModules) {
          this.fail(`index out of bounds: outer alias of core module ${a.index}`);
        }
        s.coreModules++;
        return;
      case "component":
        if (a.index >= target.components) {
          this.fail(`index out of bounds: outer alias of component ${a.index}`);
        }
        s.components++;
        return;
      default:
        this.fail(`an outer alias may not refer to a ${a.sort}`);
    }
  }

  /** A canon definition: the types its built-ins and lifts name. */
  canon(c: Canon): void {
    const s = this.space;
    switch (c.kind) {
      case "lift": {
        const k = this.typeAt(c.type);
        if (k.kind !== "func" && k.kind !== "any") {
          this.fail(`type index ${c.type} is not a function type`);
        }
        s.funcs++;
        return;
      }
      case "resource.new":
      case "resource.rep":
      case "resource.drop": {
        const k = this.typeAt(c.resource);
        if (k.kind !== "resource" && k.kind !== "any") {
          this.fail(`type index ${c.resource} is not a resource type`);
        }
        if (c.kind !== "resource.drop" && !(k.kind === "resource" && k.local)) {
          this.fail(
            `${c.kind} needs a local resource; type index ${c.resource} is not a local resource`,
          );
        }
        s.coreFuncs++;
        return;
      }
      default:
        s.coreFuncs++;
    }
  }
}

/** Walks the sections of `component` in `space`. */
function walkComponent(component: Component, w: Walker): void {
  const s = w.space;
  for (const sec of component.sections) {
    switch (sec.id) {
      case "core module":
        s.coreModules++;
        break;
      case "core type":
        for (const t of sec.types) s.coreTypes.push(coreKind(t, w));
        break;
      case "component":
        walkComponent(
          sec.component,
          new Walker(newSpace(true, s), `${w.where} → component ${s.components}`),
        );
        s.components++;
        break;
      case "instance":
        for (const inst of sec.instances) {
          if (inst.kind === "instantiate") {
            s.instances.push(undefined);
            continue;
          }
          const exports = new Map<string, Extern>();
          for (const e of inst.exports) {
            exports.set(
              e.name.name,
              e.sort === "type"
                ? { sort: "type", type: w.typeAt(e.index) }
                : e.sort === "instance"
                ? { sort: "instance", exports: s.instances[e.index] }
                : { sort: "other" },
            );
          }
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
        for (const i of sec.imports) w.extern(i.name, i.desc);
        break;
      case "export":
        for (const e of sec.exports) exportOf(w, e.name, e.sort, e.index, e.desc);
        break;
    }
  }
}

/** An export: its ascribed type checked, and the new index it introduces. */
function exportOf(
  w: Walker,
  name: ExternName,
  sort: string,
  index: number,
  desc: ExternDesc | undefined,
): void {
  const s = w.space;
  if (desc) {
    w.extern(name, desc);
    return;
  }
  switch (sort) {
    case "type": {
      const k = w.typeAt(index);
      s.types.push(k);
      if (!name.name.includes(":")) s.named.set(name.name, k);
      return;
    }
    case "func":
      s.funcs++;
      return;
    case "instance":
      s.instances.push(s.instances[index]);
      return;
    case "component":
      s.components++;
      return;
    case "core module":
      s.coreModules++;
      return;
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
