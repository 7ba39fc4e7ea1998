/**
 * Flattens a component's instance graph by evaluating its definitions
 * statically: every `core instance` becomes a {@linkcode ModuleInstance}
 * (a core module plus what each of its imports is bound to), every
 * `canon lift` / `canon lower` becomes a typed reference, and nested
 * components are instantiated recursively with their arguments. Index
 * spaces (core and component, per scope) are rebuilt exactly as Binary.md
 * defines them, aliases (export, core export, outer) included.
 *
 * @module
 */
import type { CoreModule } from "../../wasm/module/mod.ts";
import type {
  Canon,
  ComponentDecl,
  ComponentInstance,
  ExternDesc,
  TypeDef,
} from "../../wasm/component/mod.ts";
import { FuseError } from "./errors.ts";
import { defineCanon, failAt } from "./canon_defs.ts";
import { argumentError } from "./instantiation_checks.ts";
import { signatureError } from "./core_sig_checks.ts";
import { coreExport, instantiateCore } from "./core_instances.ts";
import { I32 } from "../../wasm/abi/mod.ts";
import { blocksSynchronously, startsThread } from "./canon_uses.ts";
import { decodeNameSection } from "../../wasm/module/mod.ts";
import {
  type ComponentDef,
  type ComponentInstanceValue,
  coreAt,
  type CoreItem,
  type ImportResolver,
  type Item,
  itemAt,
  type ModuleInstance,
  newScope,
  push,
  pushCore,
  pushImported,
  pushOuter,
  type Scope,
  THREAD_BUILTINS,
  typeAt,
  type TypeEntry,
  type TypeSpace,
} from "./scope.ts";

export type {
  ComponentDef,
  ComponentFunc,
  ComponentInstanceValue,
  CoreItem,
  ImportResolver,
  Item,
  ModuleDef,
  ModuleInstance,
  ResolvedOptions,
  Scope,
  TypeEntry,
  TypeSpace,
} from "./scope.ts";

/** Module name from a core module's `name` custom section, when it has one. */
function moduleNameOf(m: CoreModule): string | undefined {
  const s = m.sections.find((x) => x.id === "custom" && x.name === "name");
  if (s?.id !== "custom") return undefined;
  try {
    return decodeNameSection(s.data).module;
  } catch {
    return undefined; // a malformed name section only costs us a readable name
  }
}

/**
 * Evaluates component instantiation statically. One evaluator serves a
 * whole fusion, so module instances from every input component share one
 * instantiation order and resource ids are unique across the fusion.
 *
 * @example
 * ```ts
 * import { Evaluator } from "./graph.ts";
 * const ev = new Evaluator();
 * // const exports = ev.instantiate({ component, name: "app" }, hostResolver);
 * console.log(ev.instances.length); // 0
 * ```
 */
export class Evaluator {
  /** Every core module instance, in instantiation order. */
  readonly instances: ModuleInstance[] = [];
  /** Every component instance path, in instantiation order. */
  readonly componentPaths: string[] = [];
  /** Whether a component uses the in-module scheduler (a callback lift or its built-ins). */
  usesScheduler = false;
  /**
   * Whether an async lower calls a function lifted without a callback: that task runs as a
   * thread, with a stack of its own (`async/stacks.ts`).
   */
  usesThreads = false;
  /**
   * Component instances that use the `thread.*` switching built-ins: the host's calls into
   * their sync exports run as threads, so that a call can switch to another and back.
   */
  readonly threadUsers = new Set<string>();
  /** Component instances that lift an `async`-typed function: their tasks may block. */
  readonly asyncLifters = new Set<string>();
  /** Every resource type defined or imported, by id. */
  readonly resources: (TypeEntry & { kind: "resource" })[] = [];

  /** Creates a fresh resource type entry. */
  newResource(name: string, owner?: string, dtor?: CoreItem): TypeEntry & { kind: "resource" } {
    const r = { kind: "resource" as const, id: this.resources.length, name, owner, dtor };
    this.resources.push(r);
    return r;
  }

  /** Instantiates `def`, resolving its imports with `resolve`; returns its exports. */
  instantiate(def: ComponentDef, resolve: ImportResolver): Map<string, Item> {
    const scope = newScope(def.name, def.parent);
    this.componentPaths.push(def.name);
    // A callback-lifted component whose code may block synchronously: its tasks need stacks.
    let callbacks = false, blocks = false;
    const exports = new Map<string, Item>();
    for (const s of def.component.sections) {
      switch (s.id) {
        case "custom":
        case "value":
          if (s.id === "value") scope.values += s.count;
          break;
        case "core module": {
          const idx = scope.coreModules.length;
          const name = moduleNameOf(s.module) ?? `module${idx}`;
          scope.coreModules.push({ module: s.module, name: `${def.name}/${name}` });
          break;
        }
        case "core instance":
          for (const ci of s.instances) {
            scope.coreInstances.push(instantiateCore(scope, ci, this.instances));
          }
          break;
        case "core type":
          for (const t of s.types) scope.coreTypes.push(t);
          break;
        case "component":
          scope.components.push({
            component: s.component,
            parent: scope,
            name: `${def.name}/component${scope.components.length}`,
          });
          break;
        case "instance":
          for (const inst of s.instances) {
            if (inst.kind === "exports") {
              const m = new Map<string, Item>();
              for (const e of inst.exports) m.set(e.name.name, itemAt(scope, e.sort, e.index));
              scope.instances.push({ exports: m });
            } else {
              scope.instances.push({ exports: this.#instantiateChild(scope, def.name, inst) });
            }
          }
          break;
        case "alias":
          for (const a of s.aliases) {
            if (a.kind === "export") {
              const inst = scope.instances[a.instance];
              const item = inst?.exports.get(a.name);
              if (!item) {
                this.fail(scope, `alias of missing export "${a.name}" of instance ${a.instance}`);
              }
              push(scope, a.sort, item);
            } else if (a.kind === "core export") {
              pushCore(scope, a.sort, coreExport(scope, a.instance, a.name, a.sort));
            } else {
              let target: Scope | undefined = scope;
              for (let i = 0; i < a.count; i++) target = target?.parent;
              if (!target) {
                this.fail(scope, `outer alias count ${a.count} leaves the outermost scope`);
              }
              pushOuter(scope, target, a.sort, a.index);
            }
          }
          break;
        case "type":
          for (const t of s.types) scope.types.types.push(this.typeEntry(scope, t));
          break;
        case "canon":
          for (const c of s.canons) {
            if (defineCanon(scope, c, def.name)) this.usesScheduler = true;
            this.#noteThreads(scope, c, def.name);
            if (c.kind === "lift" && c.options.some((o) => o.kind === "callback")) {
              callbacks = true;
            }
            if (blocksSynchronously(scope, c)) blocks = true;
            // Backpressure makes a callback task's start wait (STARTING): the same machinery.
            if (c.kind === "builtin" && c.name.startsWith("backpressure.")) blocks = true;
            const lifted = c.kind === "lift" ? typeAt(scope, c.type) : undefined;
            if (lifted?.kind === "def" && lifted.def.kind === "func" && lifted.def.async) {
              this.asyncLifters.add(def.name);
            }
          }
          break;
        case "start":
          this.fail(scope, "component start functions (value definitions) are not supported");
          break;
        case "import":
          for (const imp of s.imports) {
            pushImported(scope, imp.desc, resolve(imp.name.name, imp.desc, scope));
          }
          break;
        case "export":
          for (const e of s.exports) {
            const item = ascribed(scope, itemAt(scope, e.sort, e.index), e.desc);
            exports.set(e.name.name, item);
            // An export introduces a new index aliasing the exported definition.
            push(scope, e.sort, item);
          }
          break;
      }
    }
    if (callbacks && blocks) this.usesScheduler = this.usesThreads = true;
    return exports;
  }

  /** A nested component's instantiation: its arguments checked against its imports. */
  #instantiateChild(
    scope: Scope,
    parent: string,
    inst: ComponentInstance & { kind: "instantiate" },
  ): Map<string, Item> {
    const child = scope.components[inst.component];
    if (!child) this.fail(scope, `instantiate of unknown component ${inst.component}`);
    const args = new Map<string, Item>();
    for (const a of inst.args) {
      if (args.has(a.name)) {
        this.fail(scope, `instantiation argument "${a.name}" is given twice`);
      }
      args.set(a.name, itemAt(scope, a.sort, a.index));
    }
    const childName = `${parent}/instance${scope.instances.length}`;
    return this.instantiate(
      { ...child, name: childName },
      (name, desc, childScope) => {
        const arg = args.get(name);
        if (!arg) {
          this.fail(childScope, `instantiation argument "${name}" is missing`);
        }
        const wrong = argumentError(childScope, name, desc, arg);
        if (wrong) this.fail(childScope, wrong);
        return arg;
      },
    );
  }

  /** Whether canon `c` of component `name` makes the module need threads (`async/stacks.ts`). */
  #noteThreads(scope: Scope, c: Canon, name: string): void {
    if (startsThread(scope, c)) this.usesScheduler = this.usesThreads = true;
    if (c.kind === "builtin" && (THREAD_BUILTINS as readonly string[]).includes(c.name)) {
      this.usesScheduler = this.usesThreads = true;
      this.threadUsers.add(name);
    }
  }

  /** The items an import of the given type provides when the host supplies it. */
  hostItem(scope: Scope, module: string, field: string, desc: ExternDesc): Item {
    switch (desc.kind) {
      case "func":
        return {
          sort: "func",
          func: { kind: "import", module, field, type: typeAt(scope, desc.type) },
        };
      case "instance": {
        const t = typeAt(scope, desc.type);
        if (t.kind !== "def" || t.def.kind !== "instance") {
          this.fail(scope, `import "${field}" is not typed by an instance type`);
        }
        return { sort: "instance", instance: this.hostInstance(field, t.def.decls, t.space) };
      }
      case "type":
        if (desc.bound.kind === "eq") {
          return { sort: "type", type: typeAt(scope, desc.bound.index) };
        }
        return { sort: "type", type: this.newResource(field, "host") };
      case "value":
        return { sort: "value" };
      case "module":
      case "component":
        throw new FuseError(
          "unsupported-import",
          scope.path,
          `import "${field}" of a ${desc.kind} cannot be provided by the host of a core module`,
          "provide it inside the composition",
        );
    }
  }

  private hostInstance(
    instanceName: string,
    decls: ComponentDecl[],
    outer: TypeSpace,
  ): ComponentInstanceValue {
    const space: TypeSpace = { types: [], parent: outer };
    const exports = new Map<string, Item>();
    for (const d of decls) {
      switch (d.kind) {
        case "core type":
          break;
        case "type":
          space.types.push(
            d.type.kind === "resource"
              ? this.newResource(instanceName, "host")
              : { kind: "def", def: d.type, space },
          );
          break;
        case "alias": {
          const a = d.alias;
          if (a.kind === "outer" && a.sort === "type") {
            let s: TypeSpace | undefined = space;
            for (let i = 0; i < a.count; i++) s = s?.parent;
            const t = s?.types[a.index];
            if (!t) throw new FuseError("bad-type", instanceName, `bad outer type alias`, "");
            space.types.push(t);
          } else {
            // Export aliases inside instance types only alias types of enclosing instances;
            // they do not occur in toolchain output. Keep the index space aligned.
            space.types.push({ kind: "resource", id: -1, name: "unknown" });
          }
          break;
        }
        case "export":
        case "import": {
          const name = d.name.name;
          if (d.desc.kind === "type") {
            const t: TypeEntry = d.desc.bound.kind === "eq"
              ? space.types[d.desc.bound.index]
              : this.newResource(`${instanceName}#${name}`, "host");
            if (t?.kind === "def" && t.name === undefined) t.name = name;
            space.types.push(t);
            exports.set(name, { sort: "type", type: t });
          } else if (d.desc.kind === "func") {
            const type = space.types[d.desc.type];
            exports.set(name, {
              sort: "func",
              func: { kind: "import", module: instanceName, field: name, type },
            });
          } else if (d.desc.kind === "module" || d.desc.kind === "component") {
            // A core module's imports are functions, tables, memories, globals and tags: there is
            // no way to receive a module or a component from its host.
            throw new FuseError(
              "unsupported-import",
              instanceName,
              `the imported instance "${instanceName}" exports ${
                d.desc.kind === "module" ? "a core module" : "a component"
              } ("${name}"); a fused core module cannot import ${
                d.desc.kind === "module" ? "modules" : "components"
              } from its host`,
              `provide "${instanceName}" inside the composition (fuse the component that exports it), ` +
                `or keep this component separate`,
            );
          } else if (d.desc.kind === "instance") {
            const t = space.types[d.desc.type];
            if (t?.kind === "def" && t.def.kind === "instance") {
              exports.set(name, {
                sort: "instance",
                instance: this.hostInstance(`${instanceName}#${name}`, t.def.decls, t.space),
              });
            }
          }
          break;
        }
      }
    }
    return { exports };
  }

  private typeEntry(scope: Scope, t: TypeDef): TypeEntry {
    if (t.kind === "defined" && t.type.kind === "stream" && t.type.element === "char") {
      // A temporary limitation of the spec (component-model#607).
      this.fail(scope, "`stream<char>` is not valid");
    }
    if (t.kind === "resource") {
      const dtor = t.dtor === undefined
        ? undefined
        : coreAt(scope, scope.coreFuncs, t.dtor, "core func");
      const badDtor = signatureError(dtor, [I32], [], "the resource's destructor");
      if (badDtor) this.fail(scope, badDtor);
      return this.newResource(
        `${scope.path}#resource${scope.types.types.length}`,
        scope.path,
        dtor,
      );
    }
    return { kind: "def", def: t, space: scope.types };
  }

  private fail(scope: Scope, what: string): never {
    return failAt(scope, what);
  }
}

/**
 * What an export ascribed `desc` shows outside: an instance only the
 * exports its type declares, a resource ascribed `(sub resource)` as a new
 * abstract type (the same resource at run time: the same id, another
 * identity for type checking).
 */
function ascribed(scope: Scope, item: Item, desc: ExternDesc | undefined): Item {
  if (desc?.kind === "type" && desc.bound.kind === "sub-resource" && item.sort === "type") {
    return item.type.kind === "resource" ? { sort: "type", type: { ...item.type } } : item;
  }
  if (desc?.kind !== "instance" || item.sort !== "instance") return item;
  const t = typeAt(scope, desc.type);
  if (t.kind !== "def" || t.def.kind !== "instance") return item;
  const declared = new Set(t.def.decls.flatMap((d) => d.kind === "export" ? [d.name.name] : []));
  const exports = new Map([...item.instance.exports].filter(([name]) => declared.has(name)));
  return { sort: "instance", instance: { exports } };
}
