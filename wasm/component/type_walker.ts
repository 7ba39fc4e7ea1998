/**
 * The walk of component validation over one component or type
 * declarator: its index spaces as kinds (`type_kinds.ts`), the uses of
 * each index checked, and the names imports and exports give
 * (`visibility.ts`). `validate_types.ts` drives it over a component's
 * sections.
 *
 * @module
 */
import type {
  Alias,
  Canon,
  ComponentDecl,
  CoreTypeDef,
  ExternDesc,
  ExternName,
  TypeDef,
} from "./model.ts";
import { coreTypeKind } from "./core_type_rules.ts";
import {
  ANY,
  type Extern,
  type Kind,
  newSpace,
  refersToResources,
  type Space,
  typeKind,
} from "./type_kinds.ts";
import { contentsVisible, instanceVisibilityError, named, nameExports } from "./visibility.ts";

/**
 * A component that does not validate, thrown inside the walk with where it was found.
 *
 * @example
 * ```ts
 * import { Invalid } from "./type_walker.ts";
 * console.log(new Invalid("app", "bad").where); // app
 * ```
 */
export class Invalid extends Error {
  /** `where`: the path of items; `message`: what is wrong. */
  constructor(readonly where: string, message: string) {
    super(message);
  }
}

/** How a walker reports a type that leaks through an import or export. */
type LeakPolicy = "fail" | "record";

/**
 * The walk over one component or declarator: its space, where errors
 * point, and what it exports.
 *
 * @example
 * ```ts
 * import { Walker } from "./type_walker.ts";
 * import { newSpace } from "./type_kinds.ts";
 * console.log(new Walker(newSpace(true), "app").where); // app
 * ```
 */
export class Walker {
  /** The exports of a concrete component, as its instances will have them. */
  readonly exports = new Map<string, Extern>();
  /** Its imports, as an instantiation's arguments must match them. */
  readonly imports = new Map<string, Extern>();
  /** The first leak found under the `record` policy (an instance type's, reported on use). */
  hidden?: string;

  /** `leaks`: `record` defers a leak to the use of the instance type being walked. */
  constructor(
    readonly space: Space,
    readonly where: string,
    private readonly leaks: LeakPolicy = "fail",
  ) {}

  /** Stops the walk: `message` at this walker's place. */
  fail(message: string): never {
    throw new Invalid(this.where, message);
  }

  /** The kind at type index `index`, which must be in bounds. */
  typeAt(index: number): Kind {
    return this.space.types[index] ?? this.fail(`type index ${index} out of bounds`);
  }

  /** A type that leaks through an import or export: an error now, or recorded for later. */
  #leak(name: ExternName, what: string, role: "import" | "export", detail = ""): void {
    const message = `${role} "${name.name}": ${what} not valid to be used as ${role}: ` +
      (detail || "its type refers to a type that has no name outside (import or export it first)");
    if (this.leaks === "fail") this.fail(message);
    this.hidden ??= message;
  }

  /** A core type's kind, checked. */
  coreType(t: CoreTypeDef): "module" | "func" | "other" {
    const k = coreTypeKind(t);
    return k === "module" || k === "func" || k === "other" ? k : this.fail(k);
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
    if (typeof k === "string") this.fail(k);
    if (k.kind === "resource") this.space.definedResources.add(k);
    return k;
  }

  /**
   * A component or instance type: its declarations in a space of their
   * own. A component type's leaks are errors at once; an instance type's
   * wait until something is imported or exported with it.
   */
  declarator(kind: "component" | "instance", decls: ComponentDecl[]): Kind {
    const inner = new Walker(
      newSpace(false, this.space),
      `${this.where} → ${kind} type`,
      kind === "instance" ? "record" : this.leaks,
    );
    for (const d of decls) {
      switch (d.kind) {
        case "type":
          inner.space.types.push(inner.define(d.type));
          break;
        case "core type":
          inner.space.coreTypes.push(inner.coreType(d.type));
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
        case "export":
          inner.extern(d.name, d.desc, d.kind);
          break;
      }
    }
    const resources = inner.space.outerResources;
    const shape = {
      imports: inner.imports,
      exports: inner.exports,
      imported: inner.space.importNames,
    };
    return kind === "instance"
      ? {
        kind,
        resources,
        exports: inner.exports,
        ...(inner.hidden ? { hidden: inner.hidden } : {}),
      }
      : { kind, resources, shape };
  }

  /** Names `k` for `role`: an export's name serves exports, an import's both. */
  #name(k: Kind, role: "import" | "export"): void {
    this.space.exportNames.add(k);
    if (role === "import") this.space.importNames.add(k);
  }

  /**
   * An import or export of `desc`: its type checked against its use and
   * its visibility, added to its space, and (for an export) to the exports.
   */
  extern(name: ExternName, desc: ExternDesc, role: "import" | "export"): Extern {
    const ext = this.#externOf(name, desc, role);
    (role === "export" ? this.exports : this.imports).set(name.name, ext);
    return ext;
  }

  #externOf(name: ExternName, desc: ExternDesc, role: "import" | "export"): Extern {
    const s = this.space;
    const names = role === "import" ? s.importNames : s.exportNames;
    switch (desc.kind) {
      case "func": {
        const k = this.typeAt(desc.type);
        if (k.kind !== "func" && k.kind !== "any") {
          this.fail(`type index ${desc.type} is not a function type`);
        }
        if (!contentsVisible(k, names)) this.#leak(name, "func", role);
        s.funcs.push(k);
        this.#constructorCheck(name.name, k);
        return { sort: "func", type: k };
      }
      case "instance": {
        const k = this.typeAt(desc.type);
        if (k.kind !== "instance" && k.kind !== "any") {
          this.fail(`type index ${desc.type} is not an instance type`);
        }
        const exports = k.kind === "instance" ? k.exports : undefined;
        if (k.kind === "instance" && k.hidden) this.#leak(name, "instance", role, k.hidden);
        nameExports(exports, s.exportNames);
        if (role === "import") nameExports(exports, s.importNames);
        s.instances.push(exports);
        return { sort: "instance", exports };
      }
      case "component": {
        const k = this.typeAt(desc.type);
        if (k.kind !== "component" && k.kind !== "any") {
          this.fail(`type index ${desc.type} is not a component type`);
        }
        s.components.push(k.kind === "component" ? k.shape : undefined);
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
        let type: Kind;
        if (desc.bound.kind === "eq") {
          const k = this.typeAt(desc.bound.index);
          // A type that already has a name had its contents checked when it got it.
          if (!names.has(k) && !contentsVisible(k, names)) {
            this.#leak(name, "type", role, k.kind === "instance" ? k.hidden : undefined);
          }
          type = named(k);
        } else type = { kind: "resource" };
        this.#name(type, role);
        s.types.push(type);
        if (!name.name.includes(":")) s.named.set(name.name, type);
        return { sort: "type", type };
      }
      case "value":
        return { sort: "other" };
    }
  }

  /**
   * An export of the item at `index` ascribed `desc`: the item must be of
   * the sort `desc` declares and, for an instance whose exports are known,
   * have every export the ascription declares (it may hide others).
   */
  checkAscription(sort: string, index: number, desc: ExternDesc): void {
    const declares = desc.kind === "module" ? "core module" : desc.kind;
    if (declares !== sort) {
      this.fail(`ascribed type of export is not compatible: a ${sort} ascribed a ${declares} type`);
    }
    if (desc.kind !== "instance") return;
    const actual = this.space.instances[index];
    const t = this.space.types[desc.type];
    if (!actual || t?.kind !== "instance") return;
    for (const name of t.exports?.keys() ?? []) {
      if (!actual.has(name)) {
        this.fail(
          `ascribed type of export is not compatible: the instance has no export \`${name}\``,
        );
      }
    }
  }

  /**
   * An export without an ascribed type, of the item at `index`: what it
   * refers to checked for names, and the new index it introduces.
   */
  exportItem(name: ExternName, sort: string, index: number): void {
    const s = this.space;
    switch (sort) {
      case "type": {
        const k = this.typeAt(index);
        if (!s.exportNames.has(k) && !contentsVisible(k, s.exportNames)) {
          this.#leak(name, "type", "export", k.kind === "instance" ? k.hidden : undefined);
        }
        const type = named(k);
        this.#name(type, "export");
        s.types.push(type);
        if (!name.name.includes(":")) s.named.set(name.name, type);
        this.exports.set(name.name, { sort: "type", type });
        return;
      }
      case "func": {
        const k = s.funcs[index] ?? ANY;
        if (!contentsVisible(k, s.exportNames)) this.#leak(name, "func", "export");
        s.funcs.push(k);
        this.#constructorCheck(name.name, k);
        this.exports.set(name.name, { sort: "func", type: k });
        return;
      }
      case "instance": {
        const exports = s.instances[index];
        const why = instanceVisibilityError(exports, s.exportNames);
        if (why) this.#leak(name, "instance", "export", why);
        nameExports(exports, s.exportNames);
        s.instances.push(exports);
        this.exports.set(name.name, { sort: "instance", exports });
        return;
      }
      case "component":
        s.components.push(s.components[index]);
        break;
      case "core module":
        s.coreModules++;
        break;
    }
    this.exports.set(name.name, { sort: "other" });
  }

  /** `[constructor]r` must return `own<r>` or `result<own<r>, …>`. */
  #constructorCheck(name: string, f: Kind): void {
    if (!name.startsWith("[constructor]")) return;
    const resource = this.space.named.get(name.slice("[constructor]".length));
    if (!resource || f.kind !== "func") return;
    const result = f.result;
    const owned = result?.kind === "value" ? result.owns ?? result.okOwns : undefined;
    if (owned === undefined) {
      this.fail(`function \`${name}\` should return \`(own $T)\` or \`(result (own $T))\``);
    }
    const same = (owned.base ?? owned) === (resource.base ?? resource);
    if (!same && owned.kind !== "any" && resource.kind !== "any") {
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
      } else if (a.sort === "func") s.funcs.push(ext?.sort === "func" ? ext.type : ANY);
      else if (a.sort === "component") s.components.push(undefined);
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
        // A declarator's enclosing types are checked where the declarator is used.
        if (!s.concrete && a.count > 0) this.#name(k, "import");
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
        if (a.index >= target.components.length) {
          this.fail(`index out of bounds: outer alias of component ${a.index}`);
        }
        s.components.push(target.components[a.index]);
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
        s.funcs.push(k);
        return;
      }
      case "resource.new":
      case "resource.rep":
      case "resource.drop": {
        const k = this.typeAt(c.resource);
        if (k.kind !== "resource" && k.kind !== "any") {
          this.fail(`type index ${c.resource} is not a resource type`);
        }
        if (c.kind !== "resource.drop" && !s.definedResources.has(k.base ?? k)) {
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
