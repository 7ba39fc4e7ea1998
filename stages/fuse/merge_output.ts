/**
 * The last steps of a merge: the fused module's exports (each root export,
 * with the memory, `cabi_realloc` and post-return exports its canonical
 * options need) and the assembly of every section in the order the binary
 * format wants.
 *
 * @module
 */
import type {
  DataSegment,
  DefinedType,
  ElementSegment,
  Export,
  FunctionBody,
  Global,
  Import,
  MemoryType,
  ModuleSection,
  Table,
  WrittenBodies,
} from "../../wasm/module/mod.ts";
import { forEachFunctionName, type FunctionNameWriter } from "../../wasm/module/mod.ts";
import type { ModuleInfo } from "./module_info.ts";
import type { ComponentFunc, CoreItem } from "./graph.ts";
import { FuseError } from "./errors.ts";

/** The canonical ABI of one root export: which exports a host uses with it. */
export interface ExportAbi {
  name: string;
  memory?: string;
  realloc?: string;
  postReturn?: string;
}

/** How one fused import was lowered: the exports a component wrapping the module lowers it with. */
export interface ImportAbi {
  encoding: "utf8" | "utf16" | "latin1+utf16";
  memory?: string;
  realloc?: string;
  /** Lowered `async`: the core function returns the subtask's status. */
  async?: boolean;
}

/** How root exports find their functions and memories in the fused index spaces. */
export interface ExportResolver {
  /** A function to export instead of the lifted core function (a task-entry wrapper), if any. */
  entry?(e: { name: string; func: ComponentFunc; component: string }): number | undefined;
  /** The fused function index of a core function item. */
  func(item: CoreItem, user: string): number;
  /** The fused function index a host calls for a realloc or post-return option. */
  option?(item: CoreItem, user: string): number;
  /** The fused memory index of a core memory item. */
  memory(item: CoreItem, user: string): number;
}

/**
 * The fused module's exports for `roots`: each lifted function under its
 * name, `memory` (`memory$N` for more) and `cabi_realloc` (`cabi_realloc$N`)
 * once per distinct index, `cabi_post_<name>` for post-returns; and the
 * memories and reallocs the host imports were lowered with (`lowerings`,
 * fused indices), so a component wrapped around the module can lower them.
 * `fallbackRealloc` is exported when no root names a realloc, so a host can
 * still allocate.
 *
 * @example
 * ```ts
 * import { rootExports } from "./merge_output.ts";
 * const out = rootExports([], [], { func: () => 0, memory: () => 0 }, true, undefined);
 * console.log(out.exports); // [{ name: "memory", kind: "memory", index: 0 }]
 * ```
 */
export function rootExports(
  roots: { name: string; func: ComponentFunc; component: string }[],
  lowerings: {
    encoding: ImportAbi["encoding"];
    memory?: number;
    realloc?: number;
    async?: boolean;
  }[],
  resolve: ExportResolver,
  hasMemory: boolean,
  fallbackRealloc: number | undefined,
): { exports: Export[]; exportAbi: ExportAbi[]; importAbi: ImportAbi[] } {
  const exports: Export[] = [];
  const exportAbi: ExportAbi[] = [];
  const memoryExports = new Map<number, string>();
  const reallocExports = new Map<number, string>();
  const exportMemory = (idx: number) => {
    let name = memoryExports.get(idx);
    if (!name) {
      name = memoryExports.size === 0 ? "memory" : `memory$${memoryExports.size}`;
      memoryExports.set(idx, name);
      exports.push({ name, kind: "memory", index: idx });
    }
    return name;
  };
  const exportRealloc = (idx: number) => {
    let name = reallocExports.get(idx);
    if (!name) {
      name = reallocExports.size === 0 ? "cabi_realloc" : `cabi_realloc$${reallocExports.size}`;
      reallocExports.set(idx, name);
      exports.push({ name, kind: "func", index: idx });
    }
    return name;
  };
  for (const e of roots) {
    if (e.func.kind !== "lifted") {
      throw new FuseError(
        "reexported-import",
        e.component,
        `export "${e.name}" re-exports an import; a core module cannot re-export a function it imports under a component type`,
        "export a function the component defines",
      );
    }
    const f = e.func;
    exports.push({
      name: e.name,
      kind: "func",
      index: resolve.entry?.(e) ?? resolve.func(f.core, e.component),
    });
    const abi: ExportAbi = { name: e.name };
    if (f.options.memory) abi.memory = exportMemory(resolve.memory(f.options.memory, e.component));
    const option = resolve.option ?? resolve.func;
    if (f.options.realloc) abi.realloc = exportRealloc(option(f.options.realloc, e.component));
    if (f.options.postReturn) {
      abi.postReturn = `cabi_post_${e.name}`;
      exports.push({
        name: abi.postReturn,
        kind: "func",
        index: option(f.options.postReturn, e.component),
      });
    }
    exportAbi.push(abi);
  }
  if (hasMemory && memoryExports.size === 0) exportMemory(0);
  if (reallocExports.size === 0 && fallbackRealloc !== undefined) exportRealloc(fallbackRealloc);
  const importAbi = lowerings.map((l): ImportAbi => ({
    encoding: l.encoding,
    ...(l.memory !== undefined ? { memory: exportMemory(l.memory) } : {}),
    ...(l.realloc !== undefined ? { realloc: exportRealloc(l.realloc) } : {}),
    ...(l.async ? { async: true } : {}),
  }));
  return { exports, exportAbi, importAbi };
}

/** Everything a fused module is made of, before it is put in section order. */
export interface ModuleParts {
  types: DefinedType[];
  imports: Import[];
  funcSection: number[];
  tables: Table[];
  memories: MemoryType[];
  tags: number[];
  globals: Global[];
  exports: Export[];
  start?: number;
  elements: ElementSegment[];
  /** The modules' bodies, renumbered as the encoder writes them. */
  renumbered?: WrittenBodies;
  /** The generated functions' bodies (after the modules'). */
  bodies: FunctionBody[];
  data: DataSegment[];
  /** The name section's payload (every function named). */
  names: Uint8Array;
}

/**
 * The sections of the fused module, in binary-format order, with a name
 * section naming every function.
 *
 * @example
 * ```ts
 * import { assembleSections } from "./merge_output.ts";
 * const s = assembleSections({ types: [], imports: [], funcSection: [], tables: [], memories: [],
 *   tags: [], globals: [], exports: [], elements: [], bodies: [], data: [], names: new Uint8Array() });
 * console.log(s.map((x) => x.id)); // ["type", "function", "export", "code", "custom"]
 * ```
 */
export function assembleSections(p: ModuleParts): ModuleSection[] {
  const sections: ModuleSection[] = [];
  sections.push({ id: "type", types: p.types });
  if (p.imports.length) sections.push({ id: "import", imports: p.imports });
  sections.push({ id: "function", types: p.funcSection });
  if (p.tables.length) sections.push({ id: "table", tables: p.tables });
  if (p.memories.length) sections.push({ id: "memory", memories: p.memories });
  if (p.tags.length) sections.push({ id: "tag", tags: p.tags });
  if (p.globals.length) sections.push({ id: "global", globals: p.globals });
  sections.push({ id: "export", exports: p.exports });
  if (p.start !== undefined) sections.push({ id: "start", func: p.start });
  if (p.elements.length) sections.push({ id: "element", segments: p.elements });
  if (p.data.length) sections.push({ id: "datacount", count: p.data.length });
  sections.push({
    id: "code",
    bodies: p.bodies,
    ...(p.renumbered ? { written: p.renumbered } : {}),
  });
  if (p.data.length) sections.push({ id: "data", segments: p.data });
  sections.push({ id: "custom", name: "name", data: p.names });
  return sections;
}

/**
 * Names a module instance's defined functions in the fused name section
 * (`instance::own name`; `instance::funcN` where the module names none),
 * from `base` on. Names are copied from the module's own name section as
 * bytes: a large module has thousands.
 *
 * @example
 * ```ts
 * import { nameModuleFunctions } from "./merge_output.ts";
 * import { moduleInfo } from "./module_info.ts";
 * import { decodeNameSection, FunctionNameWriter } from "../../wasm/module/custom.ts";
 * const info = moduleInfo({ kind: "module", sections: [
 *   { id: "type", types: [{ params: [], results: [] }] }, { id: "function", types: [0] },
 *   { id: "code", bodies: [{ bytes: new Uint8Array([0, 0x0b]), offset: 0 }] }] });
 * const names = new FunctionNameWriter();
 * nameModuleFunctions(names, info, "app", 3);
 * console.log(decodeNameSection(names.finish()).functions); // Map(1) { 3 => "app::func0" }
 * ```
 */
export function nameModuleFunctions(
  names: FunctionNameWriter,
  info: ModuleInfo,
  instance: string,
  base: number,
): void {
  const total = info.importedFuncs + info.funcTypes.length;
  const start = new Int32Array(total).fill(-1);
  const end = new Int32Array(total);
  const section = info.customs.find((c) => c.name === "name")?.data;
  if (section) {
    forEachFunctionName(section, (f, from, to) => {
      if (f < total) start[f] = from, end[f] = to;
    });
  }
  const prefix = new TextEncoder().encode(`${instance}::`);
  for (let i = 0; i < info.funcTypes.length; i++) {
    const f = info.importedFuncs + i;
    if (start[f] >= 0) names.addPrefixed(base + i, prefix, section!, start[f], end[f]);
    else names.add(base + i, `${instance}::func${f}`);
  }
}
