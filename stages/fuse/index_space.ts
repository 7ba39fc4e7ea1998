/**
 * The fused module's index spaces: where each instance's functions start,
 * and the new index of every table, memory, global and tag it defines or
 * imports. Defined entities get fresh indices; imported ones follow what they
 * are bound to; every module's `__stack_pointer` on one memory becomes one
 * global (share-stack).
 *
 * @module
 */
import type { ModuleInstance } from "./graph.ts";
import type { ModuleInfo } from "./module_info.ts";
import type { MemoryPlan } from "./layout.ts";
import type { FuncTarget } from "./binding.ts";
import type { TypeTable } from "./types_table.ts";
import { type CoreKind, type DefinedItem, resolveDefined } from "./core_links.ts";
import { FuseError } from "./errors.ts";

/** One instance's old index → fused index, per index space. */
export interface InstanceMaps {
  func(i: number): number;
  tables: number[];
  memories: number[];
  globals: number[];
  tags: number[];
  typeMap: number[];
}

/**
 * Index spaces of one merge, filled by {@linkcode IndexSpace.layOut} once
 * every import is bound (binding adds fused imports and generated functions).
 *
 * @example
 * ```ts
 * import { IndexSpace } from "./index_space.ts";
 * const space = new IndexSpace([]);
 * console.log(space.funcIndex({ kind: "import", index: 3 })); // 3: imports come first
 * ```
 */
export class IndexSpace {
  readonly #infos: ModuleInfo[];
  #funcBase: number[] = [];
  #generatedBase = 0;
  #maps: Record<Exclude<CoreKind, "func">, number[][]> = {
    table: [],
    memory: [],
    global: [],
    tag: [],
  };
  /** Defined globals merged into another (`instance:index`): coalesced stack pointers. */
  readonly mergedGlobals = new Set<string>();

  constructor(infos: ModuleInfo[]) {
    this.#infos = infos;
  }

  /** The fused index of a function (final once {@linkcode layOut} ran). */
  funcIndex(t: FuncTarget): number {
    switch (t.kind) {
      case "import":
        return t.index;
      case "defined":
        return this.#funcBase[t.inst] + t.index;
      case "generated":
        return this.#generatedBase + t.index;
    }
  }

  /** The first instance function's index of `inst` (for names). */
  funcBase(inst: number): number {
    return this.#funcBase[inst];
  }

  /** The index of the first generated function. */
  get generatedBase(): number {
    return this.#generatedBase;
  }

  /** The fused index of a defined table, memory, global or tag. */
  indexOf(kind: Exclude<CoreKind, "func">, d: DefinedItem): number {
    return this.#maps[kind][d.inst][d.index];
  }

  /**
   * Lays out the function index space (fused imports, then each instance's
   * functions, then the generated ones) and the defined tables, memories,
   * globals and tags. Returns the number of globals the modules keep.
   */
  layOut(instances: ModuleInstance[], importCount: number, plan: MemoryPlan): number {
    let next = importCount;
    for (const inst of instances) {
      this.#funcBase[inst.id] = next;
      next += this.#infos[inst.id].funcTypes.length;
    }
    this.#generatedBase = next;
    let tables = 0, globals = 0, tags = 0;
    // Shared stack: every module's __stack_pointer becomes the first one's of its memory.
    const sharedStackPointers = new Map<number, number>();
    for (const inst of instances) {
      const info = this.#infos[inst.id];
      const stackPointer = plan.stackPointers.get(inst.id);
      this.#maps.table[inst.id] = info.tables.map(() => tables++);
      this.#maps.global[inst.id] = info.globals.map((_, i) => {
        if (stackPointer !== info.importedGlobals + i) return globals++;
        const memory = plan.memoryIndex(inst.id, 0);
        const shared = sharedStackPointers.get(memory);
        if (shared === undefined) {
          sharedStackPointers.set(memory, globals);
          return globals++;
        }
        this.mergedGlobals.add(`${inst.id}:${i}`);
        return shared;
      });
      this.#maps.tag[inst.id] = info.tags.map(() => tags++);
      this.#maps.memory[inst.id] = info.memories.map((_, i) => plan.memoryIndex(inst.id, i));
    }
    return globals;
  }

  /** `inst`'s old → fused index maps (`funcTargets`: what its function imports are bound to). */
  instanceMaps(inst: ModuleInstance, funcTargets: FuncTarget[], types: TypeTable): InstanceMaps {
    const info = this.#infos[inst.id];
    const func = (i: number) =>
      i < info.importedFuncs
        ? this.funcIndex(funcTargets[i])
        : this.#funcBase[inst.id] + i - info.importedFuncs;
    const space = (kind: Exclude<CoreKind, "func">, pos: number[]) => {
      const out: number[] = [];
      for (const p of pos) {
        const d = resolveDefined(this.#infos, inst.imports[p], kind, inst.def.name);
        if (kind === "table") this.#checkTableLink(inst, p, d);
        out.push(this.indexOf(kind, d));
      }
      return [...out, ...this.#maps[kind][inst.id]];
    };
    return {
      func,
      tables: space("table", info.tableImportPos),
      memories: space("memory", info.memoryImportPos),
      globals: space("global", info.globalImportPos),
      tags: space("tag", info.tagImportPos),
      typeMap: types.internModule(info.typeDefs, inst.def.name),
    };
  }

  /**
   * A table import must be bound to a table of the same element type: each module validates
   * alone, so a mismatch shows only here (a core instantiation would refuse it at link time).
   */
  #checkTableLink(inst: ModuleInstance, pos: number, d: DefinedItem): void {
    const imp = this.#infos[inst.id].imports[pos];
    const want = imp.desc.kind === "table" ? imp.desc.table.element : undefined;
    const have = this.#infos[d.inst].tables[d.index]?.type.element;
    // Abstract reference types compare by their code; typed references are left to validation.
    if (typeof want === "number" && typeof have === "number" && want !== have) {
      throw new FuseError(
        "link-type",
        inst.def.name,
        `import ${imp.module}::${imp.field} is a table of element type 0x${want.toString(16)}, ` +
          `but the table it is bound to holds 0x${have.toString(16)}`,
        "the component does not validate (a core instantiation passes a table of the wrong " +
          "type); rebuild it",
      );
    }
  }
}
