/**
 * The fused module's imports: what is left once every import a component
 * in the set provides is bound — embedder imports (under their core
 * module / field names, type-checked) and host imports — deduplicated
 * across components.
 *
 * @module
 */
import { sameCoreType, showCore } from "./core_type_text.ts";
import type { FuncType } from "../../wasm/module/mod.ts";
import type { FuncSig } from "../../wasm/abi/mod.ts";
import type { ComponentFunc } from "./graph.ts";
import type { ResolvedOptions } from "./scope.ts";
import { resolveFuncSig } from "./ctypes.ts";
import { FuseError } from "./errors.ts";
import { ARENA_CORE_IMPORT, type EmbedderRules } from "./options.ts";

/** One remaining import of the fused module. */
export interface FusedImport {
  module: string;
  field: string;
  type: FuncType;
  kind: "embedder" | "host" | "wasi";
  /** The component extern name it came from. */
  externName: string;
  /** Its component-level signature. */
  sig?: FuncSig;
  components: string[];
  /** A built-in of a resource the output component defines (`--component`), by resource id. */
  resource?: { id: number; op: "new" | "rep" | "drop" };
}

const ARENA_TYPE: FuncType = { params: [0x7f, 0x7f, 0x7f, 0x7f], results: [0x7f] };

/**
 * Collects the fused module's imports in first-use order.
 *
 * @example
 * ```ts
 * import { ImportTable } from "./imports.ts";
 * import { EmbedderRules } from "./options.ts";
 * const table = new ImportTable(new EmbedderRules([]));
 * console.log(table.imports.length); // 0
 * ```
 */
export class ImportTable {
  /** The imports, in index order. */
  readonly imports: FusedImport[] = [];
  /**
   * The canonical options each import was lowered with (memory, realloc,
   * encoding), by import index: a component wrapped around the fused module
   * lowers the host function again with the same options.
   */
  readonly lowerings: (ResolvedOptions | undefined)[] = [];
  /** Imports two components lowered with different memories or reallocs. */
  readonly mixedLowerings = new Set<number>();
  private readonly index = new Map<string, number>();

  constructor(private readonly embedder: EmbedderRules) {}

  /** Whether component import `f` is an embedder import (passed through to the platform). */
  isEmbedder(f: ComponentFunc & { kind: "import" }): boolean {
    return f.module === "$root"
      ? this.embedder.match(f.field) !== undefined
      : this.embedder.matchFunc(f.module, f.field) !== undefined;
  }

  /** Whether component import `f` is the embedder's arena allocator (`env::__cabi_arena_realloc`). */
  isArena(f: ComponentFunc & { kind: "import" }): boolean {
    const rule = f.module === "$root"
      ? this.embedder.match(f.field)
      : this.embedder.matchFunc(f.module, f.field);
    return rule?.module === ARENA_CORE_IMPORT.module && rule?.field === ARENA_CORE_IMPORT.field;
  }

  /** The import index for component import `f` used with core type `type` by `component`. */
  add(
    f: ComponentFunc & { kind: "import" },
    type: FuncType,
    component: string,
    options?: ResolvedOptions,
    resource?: FusedImport["resource"],
  ): number {
    const isRoot = f.module === "$root";
    const externName = isRoot ? f.field : f.module;
    const rule = isRoot ? this.embedder.match(f.field) : this.embedder.matchFunc(f.module, f.field);
    const module = rule?.module ?? f.module;
    const field = rule?.field ?? f.field;
    if (
      rule && rule.module === ARENA_CORE_IMPORT.module && rule.field === ARENA_CORE_IMPORT.field &&
      !sameCoreType(type, ARENA_TYPE)
    ) {
      throw new FuseError(
        "embedder-type",
        component,
        `embedder import ${externName} has type ${showCore(type)}, expected ${
          showCore(ARENA_TYPE)
        } ` +
          `(func(p0: u32, p1: u32, p2: u32, p3: u32) -> u32)`,
        "declare it in the WIT world as `import cabi-arena-realloc: func(p0: u32, p1: u32, p2: u32, p3: u32) -> u32;`",
      );
    }
    const key = `${module}\0${field}`;
    const existing = this.index.get(key);
    if (existing !== undefined) {
      const imp = this.imports[existing];
      if (!sameCoreType(imp.type, type)) {
        throw new FuseError(
          "import-type-mismatch",
          `${imp.components.join(", ")} and ${component}`,
          `import ${module}::${field} is used with two different types: ${showCore(imp.type)} and ${
            showCore(type)
          }`,
          "make both components import the same WIT function",
        );
      }
      if (!imp.components.includes(component)) imp.components.push(component);
      if (!sameLowering(this.lowerings[existing], options)) this.mixedLowerings.add(existing);
      return existing;
    }
    this.index.set(key, this.imports.length);
    this.imports.push({
      module,
      field,
      type,
      kind: rule ? "embedder" : /^wasi:/.test(f.module) ? "wasi" : "host",
      externName,
      sig: f.type ? resolveFuncSig(f.type) : undefined,
      components: [component],
      ...(resource ? { resource } : {}),
    });
    this.lowerings.push(options);
    return this.imports.length - 1;
  }
}

/** Whether two lowerings use the same memory, realloc and string encoding. */
function sameLowering(a?: ResolvedOptions, b?: ResolvedOptions): boolean {
  if (!a || !b) return a === b;
  return a.encoding === b.encoding && sameItem(a.memory, b.memory) &&
    sameItem(a.realloc, b.realloc);
}

function sameItem(a: ResolvedOptions["memory"], b: ResolvedOptions["memory"]): boolean {
  if (a?.kind === "export" && b?.kind === "export") {
    return a.inst === b.inst && a.name === b.name;
  }
  return a === b;
}
