/**
 * A per-module summary the merger needs: how many of each kind are
 * imported, the defined entities, the export map and function types.
 *
 * @module
 */
import { WasmDecodeError } from "../../wasm/mod.ts";
import { type DefinedType, IndexSites, signatureOf } from "../../wasm/module/mod.ts";
import type {
  CoreModule,
  DataSegment,
  ElementSegment,
  Export,
  ExternalKind,
  FunctionBody,
  FuncType,
  Global,
  Import,
  ImportDesc,
  MemoryType,
  ModuleSection,
  Table,
} from "../../wasm/module/mod.ts";

/** The decoded content of one core module, indexed for merging. */
export interface ModuleInfo {
  /** The module itself. */
  module: CoreModule;
  /** The signature of each type index (undefined for a struct or array type). */
  types: (FuncType | undefined)[];
  /** The type definitions as the module has them (GC types and rec groups included). */
  typeDefs: DefinedType[];
  imports: Import[];
  /** For each import, its position among imports of the same kind. */
  importKindIndex: number[];
  importedFuncs: number;
  importedTables: number;
  importedMemories: number;
  importedGlobals: number;
  /** Import positions (into `imports`) of the imported functions, in function-index order. */
  funcImportPos: number[];
  tableImportPos: number[];
  memoryImportPos: number[];
  globalImportPos: number[];
  tagImportPos: number[];
  /** Type index of each defined tag. */
  tags: number[];
  /** Type index of each defined function. */
  funcTypes: number[];
  tables: Table[];
  memories: MemoryType[];
  globals: Global[];
  exports: Map<string, Export>;
  start?: number;
  elements: ElementSegment[];
  data: DataSegment[];
  bodies: FunctionBody[];
  /** Where the bodies' index immediates are: each body walked once, on first use, for every question. */
  sites: IndexSites;
  hasDataCount: boolean;
  customs: (ModuleSection & { id: "custom" })[];
}

/**
 * Indexes a module's sections for merging.
 *
 * @example
 * ```ts
 * import { moduleInfo } from "./module_info.ts";
 * const info = moduleInfo({ kind: "module", sections: [] });
 * console.log(info.importedFuncs); // 0
 * ```
 */
export function moduleInfo(m: CoreModule): ModuleInfo {
  const info: ModuleInfo = {
    module: m,
    types: [],
    typeDefs: [],
    imports: [],
    importKindIndex: [],
    importedFuncs: 0,
    importedTables: 0,
    importedMemories: 0,
    importedGlobals: 0,
    funcImportPos: [],
    tableImportPos: [],
    memoryImportPos: [],
    globalImportPos: [],
    tagImportPos: [],
    tags: [],
    funcTypes: [],
    tables: [],
    memories: [],
    globals: [],
    exports: new Map(),
    elements: [],
    data: [],
    bodies: [],
    sites: new IndexSites([]),
    hasDataCount: false,
    customs: [],
  };
  for (const s of m.sections) {
    switch (s.id) {
      case "type":
        info.typeDefs = joined(info.typeDefs, s.types);
        info.types = joined(info.types, s.types.map(signatureOf));
        break;
      case "import":
        for (const imp of s.imports) {
          const pos = info.imports.length;
          info.imports.push(imp);
          const byKind: Record<ExternalKind, number[]> = {
            func: info.funcImportPos,
            table: info.tableImportPos,
            memory: info.memoryImportPos,
            global: info.globalImportPos,
            tag: info.tagImportPos,
          };
          const list = byKind[imp.desc.kind];
          info.importKindIndex.push(list.length);
          list.push(pos);
        }
        break;
      case "function":
        info.funcTypes = joined(info.funcTypes, s.types);
        break;
      case "table":
        info.tables = joined(info.tables, s.tables);
        break;
      case "memory":
        info.memories = joined(info.memories, s.memories);
        break;
      case "tag":
        info.tags = joined(info.tags, s.tags);
        break;
      case "global":
        info.globals = joined(info.globals, s.globals);
        break;
      case "export":
        for (const e of s.exports) info.exports.set(e.name, e);
        break;
      case "start":
        info.start = s.func;
        break;
      case "element":
        info.elements = joined(info.elements, s.segments);
        break;
      case "datacount":
        info.hasDataCount = true;
        break;
      case "code":
        info.bodies = joined(info.bodies, s.bodies);
        break;
      case "data":
        info.data = joined(info.data, s.segments);
        break;
      case "custom":
        info.customs.push(s);
        break;
    }
  }
  if (info.funcTypes.length !== info.bodies.length) {
    // The module would not validate; say so before anything indexes past the end.
    throw new WasmDecodeError(
      "size-mismatch",
      info.bodies[0]?.offset ?? 0,
      `the function section declares ${info.funcTypes.length} function(s) but the code section ` +
        `has ${info.bodies.length} bodies`,
    );
  }
  info.sites = new IndexSites(info.bodies, {
    memories: info.memoryImportPos.length + info.memories.length,
  });
  info.importedFuncs = info.funcImportPos.length;
  info.importedTables = info.tableImportPos.length;
  info.importedMemories = info.memoryImportPos.length;
  info.importedGlobals = info.globalImportPos.length;
  return info;
}

/**
 * `to` followed by `from`: `from` itself when `to` is empty (a module has one
 * section of each kind, whose array is then shared, not copied), else a new
 * array (a spread into `push` would overflow the stack past ~100k elements).
 */
function joined<T>(to: T[], from: T[]): T[] {
  if (to.length === 0) return from;
  const out = to.slice();
  for (const x of from) out.push(x);
  return out;
}

/** The type of function `index` (imports first, then defined functions). */
export function funcTypeOf(info: ModuleInfo, index: number): FuncType | undefined {
  if (index < info.importedFuncs) {
    const d = info.imports[info.funcImportPos[index]].desc;
    return info.types[(d as { type: number }).type];
  }
  return info.types[info.funcTypes[index - info.importedFuncs]];
}

/**
 * The module summary of `def`, computed once and kept on it (the checks
 * while the graph is evaluated and the merge read the same one).
 *
 * @example
 * ```ts
 * import { infoOf } from "./module_info.ts";
 * const def = { module: { kind: "module" as const, sections: [] } };
 * console.log(infoOf(def) === infoOf(def)); // true
 * ```
 */
export function infoOf(def: { module: CoreModule; info?: ModuleInfo }): ModuleInfo {
  return def.info ??= moduleInfo(def.module);
}

/**
 * The type of what the module exports as `name`, as an import of it would
 * declare it (a function's by its type index), or undefined when it exports
 * no such name.
 *
 * @example
 * ```ts
 * import { exportedDesc, moduleInfo } from "./module_info.ts";
 * const info = moduleInfo({ kind: "module", sections: [
 *   { id: "memory", memories: [{ limits: { min: 1 } }] },
 *   { id: "export", exports: [{ name: "m", kind: "memory", index: 0 }] }] });
 * console.log(exportedDesc(info, "m")); // { kind: "memory", memory: { limits: { min: 1 } } }
 * ```
 */
export function exportedDesc(info: ModuleInfo, name: string): ImportDesc | undefined {
  const e = info.exports.get(name);
  if (!e) return undefined;
  const positions = importPositions(info, e.kind);
  if (e.index < positions.length) return info.imports[positions[e.index]].desc;
  const at = e.index - positions.length;
  switch (e.kind) {
    case "func":
      return { kind: "func", type: info.funcTypes[at] };
    case "table":
      return { kind: "table", table: info.tables[at].type };
    case "memory":
      return { kind: "memory", memory: info.memories[at] };
    case "global":
      return { kind: "global", global: info.globals[at].type };
    case "tag":
      return { kind: "tag", type: info.tags[at] };
  }
}

/**
 * The positions (into `imports`) of the imported entities of `kind`, in
 * index order: an index below its length is an import.
 *
 * @example
 * ```ts
 * import { importPositions, moduleInfo } from "./module_info.ts";
 * console.log(importPositions(moduleInfo({ kind: "module", sections: [] }), "memory")); // []
 * ```
 */
export function importPositions(info: ModuleInfo, kind: ExternalKind): number[] {
  switch (kind) {
    case "func":
      return info.funcImportPos;
    case "table":
      return info.tableImportPos;
    case "memory":
      return info.memoryImportPos;
    case "global":
      return info.globalImportPos;
    case "tag":
      return info.tagImportPos;
  }
}
