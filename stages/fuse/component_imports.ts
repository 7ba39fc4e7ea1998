/**
 * The import side of `--component`: how each import of the fused module is
 * provided (imported from the host as a function, an instance of the
 * interface it belongs to, or a resource drop), and the host resources the
 * imported instances export as types.
 *
 * @module
 */
import type { Alias, InstanceDecl } from "../../wasm/component/mod.ts";
import type { MergeOutput } from "./merge.ts";
import type { ImportAbi } from "./merge_output.ts";
import type { FusedImport } from "./imports.ts";
import type { TypeEntry } from "./scope.ts";
import { FuseError } from "./errors.ts";
import { resourcesOf, TypeScope } from "./component_types.ts";
import { ComponentSections } from "./component_sections.ts";

/** Name of the table through which shimmed imports are called. */
export const SHIM_TABLE = "$imports";
/** The core module name of a world's root imports (wit-component's). */
export const ROOT_MODULE = "$root";
export const DROP_PREFIX = "[resource-drop]";

/** A resource type of the fusion (the host's, when it reaches the output). */
export type HostResource = TypeEntry & { kind: "resource" };

/** One import of the fused module and how the component provides it. */
export interface Provided {
  imp: FusedImport;
  abi: ImportAbi;
  /** Shim slot when the lowering needs the fused module's memory. */
  slot?: number;
  /** The resource a `[resource-drop]` import drops. */
  drops?: string;
  /** A built-in of a resource the component defines and exports (`resource.new` / `rep` / `drop`). */
  defines?: { id: number; op: "new" | "rep" | "drop" };
}

/**
 * The component's imports, for the builder that instantiates and exports.
 *
 * @example
 * ```ts
 * import { ImportSide } from "./component_imports.ts";
 * // class Builder extends ImportSide { … this.importHost(this.classify()) … }
 * ```
 */
export class ImportSide extends ComponentSections {
  /** Host resource name → its type index in the component. */
  protected readonly resourceTypes = new Map<string, number>();
  /** Resource id → the type index of a resource the component defines (and exports). */
  protected readonly definedResources = new Map<number, number>();
  protected readonly top: TypeScope;

  constructor(
    protected readonly merged: MergeOutput,
    protected readonly resources: HostResource[],
  ) {
    super();
    this.top = new TypeScope({
      define: (def) => {
        this.sections.push({ id: "type", types: [def] });
        return this.n.types++;
      },
      resource: (id) => this.topResource(id),
    });
  }

  // ---- what the fused module imports ------------------------------------------------------

  protected classify(): Provided[] {
    let slots = 0;
    return this.merged.imports.map((imp, i) => {
      const abi = this.merged.importAbi[i];
      if (imp.resource) return { imp, abi, defines: imp.resource };
      if (imp.field.startsWith(DROP_PREFIX) && !imp.sig) {
        // A world-level resource is named alone; an interface's, `interface#name`.
        const name = imp.field.slice(DROP_PREFIX.length);
        return { imp, abi, drops: imp.module === ROOT_MODULE ? name : `${imp.module}#${name}` };
      }
      if (!imp.sig) {
        throw new FuseError(
          "unsupported-component-output",
          imp.externName,
          `the component type of import ${imp.module}::${imp.field} is unknown`,
          "emit a core module (without --component)",
        );
      }
      if (this.merged.mixedLowerings.has(i) && abi.memory) {
        throw new FuseError(
          "unsupported-component-output",
          `${imp.components.join(", ")}`,
          `${imp.externName} is lowered with a different memory or realloc by each component; ` +
            "one component import cannot serve both",
          "emit a core module (without --component), or import it from one component only",
        );
      }
      return abi.memory ? { imp, abi, slot: slots++ } : { imp, abi };
    });
  }

  /** The host resource named `name`, as a type of the component (its instance's export). */
  protected topResource(id: number): number {
    const defined = this.definedResources.get(id);
    if (defined !== undefined) return defined;
    const r = this.resources[id];
    const index = r && r.owner === "host" ? this.resourceTypes.get(r.name) : undefined;
    if (index === undefined) {
      throw new FuseError(
        "unsupported-component-output",
        r?.owner ?? "fuse --component",
        `resource ${r?.name ?? id} is defined inside the composition and the component does ` +
          "not export it by name",
        "export the resource from its interface, or emit a core module (without --component)",
      );
    }
    return index;
  }

  /**
   * Imports every host interface (an instance with its functions and the
   * resources it defines) and every world-root function, interfaces that
   * define resources before those that use them.
   */
  protected importHost(provided: Provided[]): void {
    const ifaces = new Map<string, { funcs: FusedImport[]; owns: Set<string> }>();
    const iface = (name: string) => {
      let e = ifaces.get(name);
      if (!e) ifaces.set(name, e = { funcs: [], owns: new Set() });
      return e;
    };
    const uses = new Map<string, Set<string>>();
    // Resources a world declares at its root: imported as types of the component itself.
    const rootResources = new Set<string>();
    const noteResources = (name: string, imp: FusedImport) => {
      for (const id of resourcesOf(imp.sig!)) {
        const r = this.resources[id];
        if (r?.owner !== "host") continue;
        if (!r.name.includes("#")) {
          rootResources.add(r.name);
          continue;
        }
        const owner = r.name.slice(0, r.name.lastIndexOf("#"));
        iface(owner).owns.add(r.name);
        if (!uses.has(name)) uses.set(name, new Set());
        uses.get(name)!.add(owner);
      }
    };
    for (const p of provided) {
      if (p.defines) continue;
      if (p.drops && p.imp.module === ROOT_MODULE) rootResources.add(p.drops);
      else if (p.drops) iface(p.imp.module).owns.add(p.drops);
      if (p.drops) continue;
      if (p.imp.externName === p.imp.module) {
        iface(p.imp.module).funcs.push(p.imp);
      }
      noteResources(p.imp.externName === p.imp.module ? p.imp.module : "", p.imp);
    }
    for (const r of rootResources) {
      this.sections.push({
        id: "import",
        imports: [{ name: { name: r }, desc: { kind: "type", bound: { kind: "sub-resource" } } }],
      });
      this.resourceTypes.set(r, this.n.types++);
    }
    const done = new Set<string>();
    while (done.size < ifaces.size) {
      const ready = [...ifaces.keys()].find((name) =>
        !done.has(name) &&
        [...uses.get(name) ?? []].every((dep) => dep === name || done.has(dep))
      );
      if (ready === undefined) {
        throw new FuseError(
          "unsupported-component-output",
          [...ifaces.keys()].filter((n) => !done.has(n)).join(", "),
          "these interfaces use each other's resources in a cycle",
          "emit a core module (without --component)",
        );
      }
      this.importInterface(ready, ifaces.get(ready)!);
      done.add(ready);
    }
    for (const p of provided) {
      if (p.drops || p.defines || p.imp.externName === p.imp.module) continue;
      const type = this.top.func(p.imp.sig!);
      this.sections.push({
        id: "import",
        imports: [{ name: { name: p.imp.externName }, desc: { kind: "func", type } }],
      });
      this.funcIndex.set(p.imp, this.n.funcs++);
    }
  }

  /** Component function index of each imported host function. */
  protected readonly funcIndex = new Map<FusedImport, number>();

  protected importInterface(name: string, e: { funcs: FusedImport[]; owns: Set<string> }): void {
    const decls: InstanceDecl[] = [];
    let local = 0;
    const localResources = new Map<string, number>();
    const exportType = (typeName: string, index: number): number => {
      decls.push({
        kind: "export",
        name: { name: typeName },
        desc: { kind: "type", bound: { kind: "eq", index } },
      });
      return local++;
    };
    for (const r of e.owns) {
      decls.push({
        kind: "export",
        name: { name: r.slice(r.lastIndexOf("#") + 1) },
        desc: { kind: "type", bound: { kind: "sub-resource" } },
      });
      localResources.set(r, local++);
    }
    const scope = new TypeScope({
      define: (def) => {
        decls.push({ kind: "type", type: def });
        return local++;
      },
      resource: (id) => {
        const r = this.resources[id];
        const known = localResources.get(r.name);
        if (known !== undefined) return known;
        // Another interface's resource: aliased from the component, exported under its name
        // (as WIT's `use` is encoded).
        const alias: Alias = { kind: "outer", sort: "type", count: 1, index: this.topResource(id) };
        decls.push({ kind: "alias", alias });
        const exported = exportType(r.name.slice(r.name.lastIndexOf("#") + 1), local++);
        localResources.set(r.name, exported);
        return exported;
      },
      name: (typeName, index) => exportType(typeName, index),
    });
    for (const f of e.funcs) {
      decls.push({
        kind: "export",
        name: { name: f.field },
        desc: { kind: "func", type: scope.func(f.sig!) },
      });
    }
    this.sections.push({ id: "type", types: [{ kind: "instance", decls }] });
    const type = this.n.types++;
    this.sections.push({
      id: "import",
      imports: [{ name: { name }, desc: { kind: "instance", type } }],
    });
    const instance = this.n.instances++;
    for (const r of e.owns) {
      this.alias({ kind: "export", sort: "type", instance, name: r.slice(r.lastIndexOf("#") + 1) });
      this.resourceTypes.set(r, this.n.types++);
    }
    for (const f of e.funcs) {
      this.alias({ kind: "export", sort: "func", instance, name: f.field });
      this.funcIndex.set(f, this.n.funcs++);
    }
  }
}
