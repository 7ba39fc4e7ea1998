/**
 * `--component`: wraps the fused core module in a component again, so the
 * output runs under any component runtime or composes further. Root exports
 * are lifted with their original types and options. Host imports become
 * component imports under their original names — interface functions as
 * imported instances, with the host resources they pass (`own` / `borrow`)
 * as exported resource types — and are lowered with the options the input
 * components used.
 *
 * An import whose lowering needs the fused module's own memory or realloc
 * cannot be lowered before the module exists, yet the module imports it.
 * As wit-component does, the module imports a trampoline from a small shim
 * module that calls through a table; once the fused module is instantiated
 * the import is lowered with its memory and a fixup module fills the table.
 *
 * @module
 */
import type {
  Alias,
  CanonOpt,
  Component,
  ComponentSection,
  CoreInstance,
  InstanceDecl,
} from "../../wasm/component/model.ts";
import type { CoreModule, FuncType } from "../../wasm/module/model.ts";
import { ValTypeCode } from "../../wasm/module/model.ts";
import type { MergeOutput, RootExport } from "./merge.ts";
import type { ImportAbi } from "./merge_output.ts";
import type { FusedImport } from "./imports.ts";
import type { TypeEntry } from "./scope.ts";
import { resolveFuncSig } from "./ctypes.ts";
import { FuseError } from "./errors.ts";
import { resourcesOf, TypeScope } from "./component_types.ts";
import { encodeComponent } from "../../wasm/component/encode.ts";
import { decodeModule } from "../../wasm/module/decode.ts";
import { BinaryWriter } from "../../wasm/writer.ts";

/** Name of the table through which shimmed imports are called. */
const SHIM_TABLE = "$imports";
const DROP_PREFIX = "[resource-drop]";

type HostResource = TypeEntry & { kind: "resource" };

/** One import of the fused module and how the component provides it. */
interface Provided {
  imp: FusedImport;
  abi: ImportAbi;
  /** Shim slot when the lowering needs the fused module's memory. */
  slot?: number;
  /** The resource a `[resource-drop]` import drops. */
  drops?: string;
}

/** Index counters of the component's index spaces. */
class Spaces {
  types = 0;
  funcs = 0;
  instances = 0;
  coreFuncs = 0;
  coreInstances = 0;
  coreMemories = 0;
  coreTables = 0;
  coreModules = 0;
}

/**
 * Builds the component around `coreBytes`.
 *
 * @example
 * ```ts
 * import { emitComponent } from "./component_out.ts";
 * // const component = emitComponent(merged, rootExports, encodeModule(merged.module), resources);
 * ```
 */
export function emitComponent(
  merged: MergeOutput,
  exports: RootExport[],
  coreBytes: Uint8Array,
  resources: HostResource[],
): Uint8Array {
  return new ComponentBuilder(merged, resources).build(exports, coreBytes);
}

class ComponentBuilder {
  private readonly sections: ComponentSection[] = [];
  private readonly n = new Spaces();
  /** Host resource name → its type index in the component. */
  private readonly resourceTypes = new Map<string, number>();
  private readonly top: TypeScope;

  constructor(private readonly merged: MergeOutput, private readonly resources: HostResource[]) {
    this.top = new TypeScope({
      define: (def) => {
        this.sections.push({ id: "type", types: [def] });
        return this.n.types++;
      },
      resource: (id) => this.topResource(id),
    });
  }

  build(exports: RootExport[], coreBytes: Uint8Array): Uint8Array {
    const provided = this.classify();
    this.importHost(provided);
    const shimmed = provided.filter((p) => p.slot !== undefined);
    const shim = shimmed.length ? this.instantiateShim(shimmed) : undefined;
    const main = this.instantiateMain(provided, coreBytes, shim);
    if (shim !== undefined) this.fillShim(shimmed, shim, main);
    this.liftExports(exports, main);
    return encodeComponent({ kind: "component", sections: this.sections } as Component);
  }

  // ---- what the fused module imports ------------------------------------------------------

  private classify(): Provided[] {
    let slots = 0;
    return this.merged.imports.map((imp, i) => {
      const abi = this.merged.importAbi[i];
      if (imp.field.startsWith(DROP_PREFIX) && !imp.sig) {
        return { imp, abi, drops: `${imp.module}#${imp.field.slice(DROP_PREFIX.length)}` };
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
  private topResource(id: number): number {
    const r = this.resources[id];
    const index = r && r.owner === "host" ? this.resourceTypes.get(r.name) : undefined;
    if (index === undefined) {
      throw new FuseError(
        "unsupported-component-output",
        r?.owner ?? "fuse --component",
        `resource ${r?.name ?? id} is defined inside the composition; a fused component ` +
          "cannot export resource types yet",
        "emit a core module (without --component)",
      );
    }
    return index;
  }

  /**
   * Imports every host interface (an instance with its functions and the
   * resources it defines) and every world-root function, interfaces that
   * define resources before those that use them.
   */
  private importHost(provided: Provided[]): void {
    const ifaces = new Map<string, { funcs: FusedImport[]; owns: Set<string> }>();
    const iface = (name: string) => {
      let e = ifaces.get(name);
      if (!e) ifaces.set(name, e = { funcs: [], owns: new Set() });
      return e;
    };
    const uses = new Map<string, Set<string>>();
    const noteResources = (name: string, imp: FusedImport) => {
      for (const id of resourcesOf(imp.sig!)) {
        const r = this.resources[id];
        if (r?.owner !== "host") continue;
        const owner = r.name.slice(0, r.name.lastIndexOf("#"));
        iface(owner).owns.add(r.name);
        if (!uses.has(name)) uses.set(name, new Set());
        uses.get(name)!.add(owner);
      }
    };
    for (const p of provided) {
      if (p.drops) {
        iface(p.imp.module).owns.add(p.drops);
        continue;
      }
      if (p.imp.externName === p.imp.module) {
        iface(p.imp.module).funcs.push(p.imp);
      }
      noteResources(p.imp.externName === p.imp.module ? p.imp.module : "", p.imp);
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
      if (p.drops || p.imp.externName === p.imp.module) continue;
      const type = this.top.func(p.imp.sig!);
      this.sections.push({
        id: "import",
        imports: [{ name: { name: p.imp.externName }, desc: { kind: "func", type } }],
      });
      this.funcIndex.set(p.imp, this.n.funcs++);
    }
  }

  /** Component function index of each imported host function. */
  private readonly funcIndex = new Map<FusedImport, number>();

  private importInterface(name: string, e: { funcs: FusedImport[]; owns: Set<string> }): void {
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

  // ---- core instances ---------------------------------------------------------------------

  /** A module of trampolines, one per shimmed import, calling through an exported table. */
  private instantiateShim(shimmed: Provided[]): number {
    const types: FuncType[] = shimmed.map((p) => p.imp.type);
    const module: CoreModule = {
      kind: "module",
      sections: [
        { id: "type", types },
        { id: "function", types: types.map((_, i) => i) },
        {
          id: "table",
          tables: [{
            type: {
              element: ValTypeCode.funcref,
              limits: { min: types.length, max: types.length },
            },
          }],
        },
        {
          id: "export",
          exports: [
            ...types.map((_, i) => ({ name: String(i), kind: "func" as const, index: i })),
            { name: SHIM_TABLE, kind: "table" as const, index: 0 },
          ],
        },
        {
          id: "code",
          bodies: types.map((t, i) => {
            const w = new BinaryWriter().u32(0);
            t.params.forEach((_, p) => w.u8(0x20).u32(p));
            w.u8(0x41).s32(i).u8(0x11).u32(i).u32(0).u8(0x0b);
            return { bytes: w.finish().slice(), offset: 0 };
          }),
        },
      ],
    };
    this.sections.push({ id: "core module", module });
    const shimModule = this.n.coreModules++;
    return this.coreInstance({ kind: "instantiate", module: shimModule, args: [] });
  }

  private instantiateMain(provided: Provided[], coreBytes: Uint8Array, shim?: number): number {
    this.sections.push({ id: "core module", module: decodeModule(coreBytes) });
    const mainModule = this.n.coreModules++;
    const byModule = new Map<string, { name: string; sort: "core func"; index: number }[]>();
    for (const p of provided) {
      let index: number;
      if (p.drops) {
        this.sections.push({
          id: "canon",
          canons: [{ kind: "resource.drop", resource: this.resourceTypes.get(p.drops)! }],
        });
        index = this.n.coreFuncs++;
      } else if (p.slot !== undefined) {
        index = this.coreAlias(shim!, "core func", String(p.slot));
      } else {
        this.sections.push({
          id: "canon",
          canons: [{ kind: "lower", func: this.funcIndex.get(p.imp)!, options: [] }],
        });
        index = this.n.coreFuncs++;
      }
      const list = byModule.get(p.imp.module) ?? [];
      list.push({ name: p.imp.field, sort: "core func", index });
      byModule.set(p.imp.module, list);
    }
    const args = [...byModule].map(([name, exports]) => ({
      name,
      instance: this.coreInstance({ kind: "exports", exports }),
    }));
    return this.coreInstance({ kind: "instantiate", module: mainModule, args });
  }

  /** Lowers each shimmed import with the fused module's memory and stores it in the shim's table. */
  private fillShim(shimmed: Provided[], shim: number, main: number): void {
    const exports: { name: string; sort: "core func" | "core table"; index: number }[] = [];
    for (const p of shimmed) {
      exports.push({
        name: String(p.slot),
        sort: "core func",
        index: this.lower(this.funcIndex.get(p.imp)!, p.abi, main),
      });
    }
    this.coreAlias(shim, "core table", SHIM_TABLE);
    exports.push({ name: SHIM_TABLE, sort: "core table", index: this.n.coreTables - 1 });
    const fixup: CoreModule = {
      kind: "module",
      sections: [
        { id: "type", types: shimmed.map((p) => p.imp.type) },
        {
          id: "import",
          imports: [
            ...shimmed.map((p, i) => ({
              module: "",
              field: String(p.slot),
              desc: { kind: "func" as const, type: i },
            })),
            {
              module: "",
              field: SHIM_TABLE,
              desc: {
                kind: "table" as const,
                table: {
                  element: ValTypeCode.funcref,
                  limits: { min: shimmed.length, max: shimmed.length },
                },
              },
            },
          ],
        },
        {
          id: "element",
          segments: [{
            mode: "active",
            table: 0,
            offset: { bytes: new BinaryWriter().u8(0x41).s32(0).u8(0x0b).finish().slice() },
            type: ValTypeCode.funcref,
            items: { kind: "functions", indices: shimmed.map((_, i) => i) },
          }],
        },
      ],
    };
    this.sections.push({ id: "core module", module: fixup });
    const fixupModule = this.n.coreModules++;
    const args = this.coreInstance({ kind: "exports", exports });
    this.coreInstance({
      kind: "instantiate",
      module: fixupModule,
      args: [{ name: "", instance: args }],
    });
  }

  /** `canon lower` of component function `func` with `abi`'s options, from instance `main`. */
  private lower(func: number, abi: ImportAbi, main: number): number {
    const options: CanonOpt[] = [{ kind: "string-encoding", encoding: abi.encoding }];
    if (abi.memory) options.push({ kind: "memory", index: this.memory(main, abi.memory) });
    if (abi.realloc) {
      options.push({ kind: "realloc", index: this.coreAlias(main, "core func", abi.realloc) });
    }
    this.sections.push({ id: "canon", canons: [{ kind: "lower", func, options }] });
    return this.n.coreFuncs++;
  }

  // ---- exports -----------------------------------------------------------------------------

  private liftExports(exports: RootExport[], main: number): void {
    const instanceExports = new Map<string, { name: string; func: number }[]>();
    for (const e of exports) {
      if (e.func.kind !== "lifted") {
        throw new FuseError(
          "unsupported-component-output",
          e.component,
          `export "${e.name}" re-exports an import`,
          "emit a core module (without --component)",
        );
      }
      const type = this.top.func(resolveFuncSig(e.func.type));
      const abi = this.merged.exportAbi.find((a) => a.name === e.name)!;
      const core = this.coreAlias(main, "core func", e.name);
      const options: CanonOpt[] = [];
      if (abi.memory) options.push({ kind: "memory", index: this.memory(main, abi.memory) });
      if (abi.realloc) {
        options.push({ kind: "realloc", index: this.coreAlias(main, "core func", abi.realloc) });
      }
      if (abi.postReturn) {
        options.push({
          kind: "post-return",
          index: this.coreAlias(main, "core func", abi.postReturn),
        });
      }
      this.sections.push({
        id: "canon",
        canons: [{ kind: "lift", coreFunc: core, options, type }],
      });
      const func = this.n.funcs++;
      const hash = e.name.indexOf("#");
      if (hash < 0) {
        this.sections.push({
          id: "export",
          exports: [{ name: { name: e.name }, sort: "func", index: func }],
        });
        this.n.funcs++; // an export introduces a new function index
      } else {
        const list = instanceExports.get(e.name.slice(0, hash)) ?? [];
        list.push({ name: e.name.slice(hash + 1), func });
        instanceExports.set(e.name.slice(0, hash), list);
      }
    }
    for (const [iface, funcs] of instanceExports) {
      this.sections.push({
        id: "instance",
        instances: [{
          kind: "exports",
          exports: funcs.map((f) => ({ name: { name: f.name }, sort: "func", index: f.func })),
        }],
      });
      this.sections.push({
        id: "export",
        exports: [{ name: { name: iface }, sort: "instance", index: this.n.instances++ }],
      });
      this.n.instances++; // as does an exported instance
    }
  }

  // ---- index helpers -----------------------------------------------------------------------

  private readonly memories = new Map<string, number>();

  private memory(main: number, name: string): number {
    let i = this.memories.get(name);
    if (i === undefined) {
      this.alias({ kind: "core export", sort: "core memory", instance: main, name });
      this.memories.set(name, i = this.n.coreMemories++);
    }
    return i;
  }

  private coreAlias(instance: number, sort: "core func" | "core table", name: string): number {
    this.alias({ kind: "core export", sort, instance, name });
    return sort === "core func" ? this.n.coreFuncs++ : this.n.coreTables++;
  }

  private alias(alias: Alias): void {
    this.sections.push({ id: "alias", aliases: [alias] });
  }

  private coreInstance(instance: CoreInstance): number {
    this.sections.push({ id: "core instance", instances: [instance] });
    return this.n.coreInstances++;
  }
}
