/**
 * What synth reads off a fused module before it compiles it: its exports and
 * imports, the used extent of its linear memory and the regions fuse laid
 * out in it, and how its memories are laid out on the MCU.
 *
 * @module
 */
import { encodeWasm } from "../../wasm/mod.ts";
import type { CoreModule } from "../../wasm/module/mod.ts";
import { constI32 } from "../../wasm/module/mod.ts";
import { memorySizeUsers } from "./memory_size.ts";
import { firmwareMemories, type FirmwareMemory } from "./memories.ts";
import { checkFriendlyBytes } from "./check_bound.ts";

/** Facts the firmware needs from the module. */
export interface ModuleFacts {
  exports: Set<string>;
  imports: string[];
  /** Bytes of linear memory the module uses: the arena's end, else the declared pages. */
  memoryBytes: number;
  /** Bytes of the embedder arena (0 when fuse exported no arena bounds). */
  arenaBytes: number;
  /** Bytes of the shared wasm stack (0 when each module keeps its own). */
  sharedStackBytes: number;
  /** Bytes of the async scheduler's region (0 when no component is async). */
  schedulerBytes: number;
  /** Function-table slots the module declares (initial sizes). */
  tableSlots: number;
}

/** Reads exports, imports and the used extent of a fused module. */
export function moduleFacts(m: CoreModule): ModuleFacts {
  const exports = new Set<string>();
  const imports: string[] = [];
  let pages = 0, importedGlobals = 0, tableSlots = 0;
  const globals: { init: Uint8Array }[] = [];
  const globalExports = new Map<string, number>();
  for (const s of m.sections) {
    if (s.id === "import") {
      for (const i of s.imports) {
        imports.push(`${i.module}::${i.field}`);
        if (i.desc.kind === "global") importedGlobals++;
      }
    }
    if (s.id === "memory" && s.memories[0]) pages = s.memories[0].limits.min;
    if (s.id === "table") { for (const t of s.tables) tableSlots += t.type.limits.min; }
    if (s.id === "global") { for (const g of s.globals) globals.push({ init: g.init.bytes }); }
    if (s.id === "export") {
      for (const e of s.exports) {
        exports.add(e.name);
        if (e.kind === "global") globalExports.set(e.name, e.index);
      }
    }
  }
  const valueOf = (name: string) => {
    const i = globalExports.get(name);
    return i === undefined
      ? undefined
      : constI32(globals[i - importedGlobals]?.init ?? new Uint8Array());
  };
  // The used extent: the top of the embedder arena (fuse output), else the module's own
  // `__heap_base` (a grow-free module uses nothing above it), else every declared page.
  const extent = valueOf("__dissolve_arena_end") ?? valueOf("__heap_base") ?? pages * 65536;
  const arenaBytes = (valueOf("__dissolve_arena_end") ?? 0) -
    (valueOf("__dissolve_arena_base") ?? 0);
  const sharedStackBytes = (valueOf("__dissolve_stack_top") ?? 0) -
    (valueOf("__dissolve_stack_base") ?? 0);
  const schedulerBytes = (valueOf("__dissolve_scheduler_end") ?? 0) -
    (valueOf("__dissolve_scheduler_base") ?? 0);
  return {
    exports,
    imports,
    memoryBytes: extent,
    arenaBytes,
    sharedStackBytes,
    schedulerBytes,
    tableSlots,
  };
}

/**
 * Drops `linking` / `reloc.*` custom sections: they describe an object to
 * re-link, which the firmware is not, and wasm2c 1.0.32 rejects some that
 * clang writes (a .bss symbol without a data segment).
 */
export function withoutLinkingSections(bytes: Uint8Array, m: CoreModule): Uint8Array {
  const keep = m.sections.filter((s) =>
    !(s.id === "custom" && (s.name === "linking" || s.name.startsWith("reloc.")))
  );
  return keep.length === m.sections.length ? bytes : encodeWasm({ kind: "module", sections: keep });
}

/** The initial pages of memory 0. */
function declaredPages(m: CoreModule): number {
  for (const s of m.sections) {
    if (s.id === "memory" && s.memories[0]) return s.memories[0].limits.min;
  }
  return 0;
}

/** How the module's linear memories take RAM on the MCU. */
export interface MemoryLayout {
  /** Several memories (isolation domains), each its own array and bound; `[]` for one memory. */
  memories: FirmwareMemory[];
  /** Functions that read `memory.size`: then every declared page is backed. */
  sizeReaders: string[];
  /** Bytes of memory 0's array (`DISSOLVE_MEMORY_BYTES`). */
  memoryBytes: number;
  /** Bytes of every memory: what the linear memories take of RAM. */
  allMemoryBytes: number;
}

/**
 * The module's memories as the firmware lays them out: each one's used
 * extent (padded for a cheap bounds check, `check_bound.ts`), or every declared page when the module reads
 * `memory.size` (so the answer is true).
 *
 * @example
 * ```ts
 * import { memoryLayout } from "./facts.ts";
 * import { decodeWasm } from "../../wasm/mod.ts";
 * import type { CoreModule } from "../../wasm/module/model.ts";
 * const m = decodeWasm(await Deno.readFile("build/hello/optimized.wasm")) as CoreModule;
 * console.log(memoryLayout(m).memoryBytes);
 * ```
 */
export function memoryLayout(
  model: CoreModule,
  facts: ModuleFacts = moduleFacts(model),
): MemoryLayout {
  const sizeReaders = memorySizeUsers(model);
  const memories = firmwareMemories(model, sizeReaders.length > 0);
  const pages = Math.ceil(facts.memoryBytes / 65536);
  const memoryBytes = memories.length > 0
    ? memories[0].bytes
    : sizeReaders.length > 0
    ? Math.max(pages, declaredPages(model)) * 65536
    : checkFriendlyBytes(facts.memoryBytes);
  const allMemoryBytes = memories.length > 0
    ? memories.reduce((n, m) => n + m.bytes, 0)
    : memoryBytes;
  return { memories, sizeReaders, memoryBytes, allMemoryBytes };
}
