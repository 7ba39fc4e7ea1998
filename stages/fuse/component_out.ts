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
import type { Canon, CanonOpt, ComponentInstance } from "../../wasm/component/mod.ts";
import type { CoreModule, FuncType } from "../../wasm/module/mod.ts";
import { decodeModule, ValTypeCode } from "../../wasm/module/mod.ts";
import type { MergeOutput, RootExport } from "./merge.ts";
import type { ImportAbi } from "./merge_output.ts";
import { resolveFuncSig } from "./ctypes.ts";
import { FuseError } from "./errors.ts";
import { BinaryWriter } from "../../wasm/mod.ts";
import { type HostResource, ImportSide, type Provided, SHIM_TABLE } from "./component_imports.ts";
import {
  interfaceShim,
  type NamedType,
  namedTypesOf,
  shimImportName,
} from "./component_exports.ts";
import type { FuncSig } from "../../wasm/abi/mod.ts";
import type { ExportedResource } from "./composition.ts";
import { resourcesOf } from "./component_types.ts";

/** A destructor's core type: the representation in, nothing out. */
const DTOR_TYPE: FuncType = { params: [ValTypeCode.i32], results: [] };

/** The fused module's export of a defined resource's destructor (`merge.ts` adds it). */
function dtorExport(r: ExportedResource): string {
  return `[dtor]${r.iface}#${r.name}`;
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
  exported: ExportedTypes = {},
): Uint8Array {
  return new ComponentBuilder(merged, resources).build(exports, coreBytes, exported);
}

/** What the exported interfaces export besides functions. */
export interface ExportedTypes {
  /** The value types each exported interface exports by name. */
  exportedTypes?: Map<string, NamedType[]>;
  /** Resources the composition defines and an interface exports: the component defines them. */
  exportedResources?: Map<number, ExportedResource>;
}

/** One resource the component defines: its id, where it is exported, its destructor's slot. */
interface DefinedResource extends ExportedResource {
  id: number;
  /** The shim slot of its destructor, when it has one. */
  slot?: number;
}
class ComponentBuilder extends ImportSide {
  build(exports: RootExport[], coreBytes: Uint8Array, exported: ExportedTypes): Uint8Array {
    const provided = this.classify();
    this.importHost(provided);
    const shimmed = provided.filter((p) => p.slot !== undefined);
    // A destructor is a function of the fused module, which needs the resource type first:
    // as for shimmed imports, the type names a trampoline the fixup module points at it.
    const dtorNames = new Set(this.merged.dtorExports);
    let slot = shimmed.length;
    const defined: DefinedResource[] = [...exported.exportedResources ?? []].map(([id, r]) => ({
      id,
      ...r,
      ...(dtorNames.has(dtorExport(r)) ? { slot: slot++ } : {}),
    }));
    const shimTypes = [
      ...shimmed.map((p) => p.imp.type),
      ...defined.filter((d) => d.slot !== undefined).map(() => DTOR_TYPE),
    ];
    const shim = shimTypes.length ? this.instantiateShim(shimTypes) : undefined;
    this.defineResources(defined, shim);
    const main = this.instantiateMain(provided, coreBytes, shim);
    if (shim !== undefined) this.fillShim(shimmed, defined, shimTypes, shim, main);
    this.liftExports(exports, main, exported.exportedTypes ?? new Map(), defined);
    return this.finish();
  }

  /** `(type (resource (rep i32) (dtor …)))` for each resource the component defines. */
  private defineResources(defined: DefinedResource[], shim: number | undefined): void {
    for (const d of defined) {
      const dtor = d.slot === undefined
        ? undefined
        : this.coreAlias(shim!, "core func", String(d.slot));
      this.sections.push({
        id: "type",
        types: [{
          kind: "resource",
          rep: ValTypeCode.i32,
          ...(dtor === undefined ? {} : { dtor }),
        }],
      });
      this.definedResources.set(d.id, this.n.types++);
    }
  }

  // ---- core instances ---------------------------------------------------------------------

  /** A module of trampolines, one per slot, calling through an exported table. */
  private instantiateShim(types: FuncType[]): number {
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
      if (p.defines) {
        const resource = this.definedResources.get(p.defines.id)!;
        this.sections.push({
          id: "canon",
          canons: [{ kind: `resource.${p.defines.op}`, resource } as Canon],
        });
        index = this.n.coreFuncs++;
      } else if (p.drops) {
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
          canons: [{
            kind: "lower",
            func: this.funcIndex.get(p.imp)!,
            // An async lowering's core function returns the subtask's status: lowered so again.
            options: p.abi.async ? [{ kind: "async" }] : [],
          }],
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

  /**
   * Lowers each shimmed import with the fused module's memory, takes each destructor from it,
   * and stores them in the shim's table.
   */
  private fillShim(
    shimmed: Provided[],
    defined: DefinedResource[],
    types: FuncType[],
    shim: number,
    main: number,
  ): void {
    const exports: { name: string; sort: "core func" | "core table"; index: number }[] = [];
    for (const p of shimmed) {
      exports.push({
        name: String(p.slot),
        sort: "core func",
        index: this.lower(this.funcIndex.get(p.imp)!, p.abi, main),
      });
    }
    for (const d of defined) {
      if (d.slot === undefined) continue;
      exports.push({
        name: String(d.slot),
        sort: "core func",
        index: this.coreAlias(main, "core func", dtorExport(d)),
      });
    }
    this.coreAlias(shim, "core table", SHIM_TABLE);
    exports.push({ name: SHIM_TABLE, sort: "core table", index: this.n.coreTables - 1 });
    const fixup: CoreModule = {
      kind: "module",
      sections: [
        { id: "type", types },
        {
          id: "import",
          imports: [
            ...types.map((_, i) => ({
              module: "",
              field: String(i),
              desc: { kind: "func" as const, type: i },
            })),
            {
              module: "",
              field: SHIM_TABLE,
              desc: {
                kind: "table" as const,
                table: {
                  element: ValTypeCode.funcref,
                  limits: { min: types.length, max: types.length },
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
            items: { kind: "functions", indices: types.map((_, i) => i) },
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
    if (abi.async) options.push({ kind: "async" });
    this.sections.push({ id: "canon", canons: [{ kind: "lower", func, options }] });
    return this.n.coreFuncs++;
  }

  // ---- exports -----------------------------------------------------------------------------

  private liftExports(
    exports: RootExport[],
    main: number,
    exportedTypes: Map<string, NamedType[]>,
    defined: DefinedResource[],
  ): void {
    const instanceExports = new Map<string, { name: string; func: number; sig: FuncSig }[]>();
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
        list.push({ name: e.name.slice(hash + 1), func, sig: resolveFuncSig(e.func.type) });
        instanceExports.set(e.name.slice(0, hash), list);
      }
    }
    for (const [iface, funcs] of instanceExports) {
      const named = namedTypesOf(funcs.map((f) => f.sig), exportedTypes.get(iface) ?? [], iface);
      // The resources it defines, and those of another interface it passes (as WIT's `use`):
      // each imported into the interface's shim and exported under its name.
      const owned = defined.filter((d) =>
        d.iface === iface || funcs.some((f) => resourcesOf(f.sig).includes(d.id))
      );
      this.sections.push({
        id: "instance",
        instances: [
          named.length === 0 && owned.length === 0
            ? this.exportsInstance(funcs)
            : this.typedInstance(funcs, named, owned),
        ],
      });
      this.sections.push({
        id: "export",
        exports: [{ name: { name: iface }, sort: "instance", index: this.n.instances++ }],
      });
      this.n.instances++; // as does an exported instance
    }
  }

  /** An instance of the functions alone (their types name no record, variant, enum or flags). */
  private exportsInstance(funcs: { name: string; func: number }[]): ComponentInstance {
    return {
      kind: "exports",
      exports: funcs.map((f) => ({ name: { name: f.name }, sort: "func", index: f.func })),
    };
  }

  /**
   * An instance whose types are exported by name: the nested component that
   * names them (`component_exports.ts`), instantiated with the component's
   * own types and lifted functions.
   */
  private typedInstance(
    funcs: { name: string; func: number; sig: FuncSig }[],
    named: NamedType[],
    owned: DefinedResource[] = [],
  ): ComponentInstance {
    this.sections.push({ id: "component", component: interfaceShim(funcs, named, owned) });
    const component = this.n.components++;
    return {
      kind: "instantiate",
      component,
      args: [
        ...owned.map((r) => ({
          name: `import-type-${r.name}`,
          sort: "type" as const,
          index: this.definedResources.get(r.id)!,
        })),
        ...named.map((n) => ({
          name: `import-type-${n.name}`,
          sort: "type" as const,
          index: this.top.val(n.type) as number,
        })),
        ...funcs.map((f) => ({
          name: shimImportName(f.name),
          sort: "func" as const,
          index: f.func,
        })),
      ],
    };
  }
}
