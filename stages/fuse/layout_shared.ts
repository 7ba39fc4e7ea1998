/**
 * One memory of a fusion laid out with the shared strategy: each module
 * instance that defines a memory gets its own region, and its data
 * segments, the code constants that address them (found through
 * `reloc.CODE` / `reloc.DATA`), its `__stack_pointer` and its exported
 * address globals are rebased by the region's base. Regions are packed
 * (16-byte aligned, by used extent) or page-granular; handle tables, the
 * async scheduler and the embedder arena lie above them. initial = maximum.
 *
 * The shared strategy lays out its one memory so; the domains strategy lays
 * out each domain's memory so.
 *
 * @module
 */
import type { MemoryType } from "../../wasm/module/mod.ts";
import type { ModuleInstance } from "./graph.ts";
import type { ModuleInfo } from "./module_info.ts";
import { type ModuleAddressing, rebase } from "./relocate.ts";
import { tableBytes, type TableSite } from "./abi/handles.ts";
import { schedulerBytes, type SchedulerCapacity, type SchedulerSite } from "./async/scheduler.ts";

const PAGE = 65536;

function align(n: number, a: number): number {
  return Math.ceil(n / a) * a;
}

/** One module instance's region in a shared memory. */
export interface Region {
  instance: number;
  module: string;
  base: number;
  size: number;
  /** Why the module sits where it does (for `--explain`). */
  placement?: string;
}

/** What laying out one shared memory needs. */
export interface SharedMemoryInput {
  /** The memory-defining module instances that share the memory, in instantiation order. */
  definers: ModuleInstance[];
  infos: ModuleInfo[];
  addressing: ModuleAddressing[];
  pack: boolean;
  /** One shadow stack for the memory's modules (`bytes`: its size; default the largest own stack). */
  shareStack?: { bytes?: number };
  /** The memory's index in the fused module (where its handle tables and scheduler are). */
  memory: number;
  /** Component instances whose handle tables live in this memory. */
  handleOwners: string[];
  handleCapacity: number;
  /** The in-module scheduler's capacity, when its region lives in this memory. */
  scheduler?: SchedulerCapacity;
  arenaBytes: number;
}

/** One shared memory's layout. */
export interface SharedMemoryLayout {
  /** The memory's type; undefined when nothing lives in it. */
  memory?: MemoryType;
  regions: Region[];
  arena: { base: number; end: number };
  sharedStack?: { base: number; top: number; modules: number };
  stackNote?: string;
  reanchored: string[];
  /** Instance id → the absolute index of its `__stack_pointer` (coalesced into one global). */
  stackPointers: Map<number, number>;
  rebased: Map<number, ReturnType<typeof rebase>>;
  /** Instance id → how far its data moved (bytes; absent: it stayed). */
  moves: Map<number, number>;
  handleSites: Map<string, TableSite>;
  schedulerSite?: SchedulerSite;
}

/** Where the modules' data went: filled by the placement functions. */
interface Placement {
  regions: Region[];
  rebased: Map<number, ReturnType<typeof rebase>>;
  moves: Map<number, number>;
  reanchored: string[];
  stackPointers: Map<number, number>;
}

/**
 * Shared stack: every module's data moves above the one stack `[0, top)`,
 * in order, and its stack pointer starts at `top`. Returns the end of the
 * regions.
 */
function placeAboveStack(input: SharedMemoryInput, top: number, placed: Placement): number {
  let cursor = top;
  for (const d of input.definers) {
    const a = input.addressing[d.id];
    if (!a.usesMemory) continue;
    const s = a.stack!;
    const base = align(cursor, 16);
    const size = align(s.dataEnd - s.dataStart, 16);
    const delta = base - s.dataStart;
    placed.regions.push({
      instance: d.id,
      module: `${d.component} (${d.def.name})`,
      base,
      size,
      placement: s.dataEnd <= s.dataStart
        ? "no data of its own: its stack pointer now points into the shared stack"
        : `data moved by ${delta >= 0 ? "+" : ""}${delta} bytes through its relocations, ` +
          "above the shared stack",
    });
    placed.stackPointers.set(d.id, s.global);
    const moved = rebase(
      input.infos[d.id],
      a,
      base - s.dataStart,
      d.def.name,
      new Map([[s.global, top]]),
    );
    if (moved.reanchored) placed.reanchored.push(d.def.name);
    placed.rebased.set(d.id, moved);
    placed.moves.set(d.id, base - s.dataStart);
    cursor = base + size;
  }
  return cursor;
}

/**
 * Each module keeps its stack: modules without relocations stay where they
 * are; the others move, in order, to the lowest addresses free of every
 * region placed so far. Returns the end of the regions.
 */
function placeInOrder(input: SharedMemoryInput, placed: Placement): number {
  const { definers, addressing } = input;
  let cursor = 0;
  const taken: [number, number][] = [];
  for (const d of definers) {
    const a = addressing[d.id];
    if (a.usesMemory && !a.hasRelocations) taken.push([a.usedLow, a.usedExtent]);
  }
  for (const d of definers) {
    const a = addressing[d.id];
    const module = `${d.component} (${d.def.name})`;
    if (!a.usesMemory) {
      placed.regions.push({
        instance: d.id,
        module,
        base: 0,
        size: 0,
        placement: "uses no memory",
      });
      continue;
    }
    if (!a.hasRelocations) {
      placed.regions.push({
        instance: d.id,
        module,
        base: a.usedLow,
        size: a.usedExtent - a.usedLow,
        placement: `carries no relocations: stays at its own addresses ` +
          `[${a.usedLow}, ${a.usedExtent}), which no other module uses`,
      });
      cursor = Math.max(cursor, a.usedExtent);
      continue;
    }
    const size = input.pack ? align(a.usedExtent, 16) : align(Math.max(a.usedExtent, 1), PAGE);
    const step = input.pack ? 16 : PAGE;
    let base = 0;
    for (let moved = true; moved;) {
      moved = false;
      for (const [lo, hi] of taken) {
        if (base < hi && lo < base + size) {
          base = align(hi, step);
          moved = true;
        }
      }
    }
    taken.push([base, base + size]);
    placed.regions.push({
      instance: d.id,
      module,
      base,
      size,
      placement: base === 0
        ? "first region: stays at its own addresses, nothing to rebase"
        : `moved by +${base} bytes through its relocations`,
    });
    if (base !== 0) {
      const moved = rebase(input.infos[d.id], a, base, d.def.name);
      if (moved.reanchored) placed.reanchored.push(d.def.name);
      placed.rebased.set(d.id, moved);
      placed.moves.set(d.id, base);
    }
    cursor = Math.max(cursor, base + size);
  }
  return cursor;
}

/**
 * Lays out one memory shared by `input.definers`.
 *
 * @example
 * ```ts
 * import { layOutSharedMemory } from "./layout_shared.ts";
 * const l = layOutSharedMemory({ definers: [], infos: [], addressing: [], pack: true, memory: 0,
 *   handleOwners: [], handleCapacity: 64, arenaBytes: 4096 });
 * console.log(l.arena, l.memory); // { base: 0, end: 4096 } { limits: { min: 1, max: 1 } }
 * ```
 */
export function layOutSharedMemory(input: SharedMemoryInput): SharedMemoryLayout {
  const { definers, addressing } = input;
  // Shared: regions in instantiation order; the first memory owner stays at 0, unless the
  // stack is shared: then the one stack is [0, top) and every module's data moves above it.
  const placed: Placement = {
    regions: [],
    rebased: new Map(),
    moves: new Map(),
    reanchored: [],
    stackPointers: new Map(),
  };
  const users = definers.filter((d) => addressing[d.id].usesMemory);
  // A module moves soundly when relocations find every address, or when it has no data to
  // address (its only memory is the stack, which its stack pointer alone locates).
  const movable = (d: ModuleInstance) => {
    const s = addressing[d.id].stack;
    return s !== undefined && (addressing[d.id].hasRelocations || s.dataEnd <= s.dataStart);
  };
  const unshareable = users.find((d) => !movable(d));
  let cursor = 0;
  let sharedStack: SharedMemoryLayout["sharedStack"];
  let stackNote: string | undefined;
  if (input.shareStack && unshareable) {
    stackNote =
      `each module keeps its own stack: ${unshareable.component} (${unshareable.def.name}) ` +
      "has no stack-first layout with relocations (build it with -Wl,--stack-first -Wl,--emit-relocs)";
  }
  if (input.shareStack && !unshareable && users.length > 0) {
    const own = users.map((d) => addressing[d.id].stack!.top);
    const top = align(input.shareStack.bytes ?? Math.max(...own), 16);
    sharedStack = { base: 0, top, modules: users.length };
    cursor = placeAboveStack(input, top, placed);
  } else cursor = placeInOrder(input, placed);
  const { regions, rebased, moves, reanchored, stackPointers } = placed;
  // Handle tables sit above the regions, below the arena.
  const handleSites = new Map<string, TableSite>();
  for (const owner of input.handleOwners) {
    cursor = align(cursor, 16);
    handleSites.set(owner, { memory: input.memory, base: cursor, capacity: input.handleCapacity });
    cursor += tableBytes(input.handleCapacity);
  }
  let schedulerSite: SchedulerSite | undefined;
  if (input.scheduler) {
    cursor = align(cursor, 16);
    schedulerSite = { memory: input.memory, base: cursor, ...input.scheduler };
    cursor += schedulerBytes(input.scheduler);
  }
  const arenaBase = align(cursor, 16);
  const arenaEnd = arenaBase + input.arenaBytes;
  const pages = Math.max(1, Math.ceil(arenaEnd / PAGE));
  return {
    ...(definers.length > 0 || arenaEnd > 0
      ? { memory: { limits: { min: pages, max: pages } } }
      : {}),
    regions,
    arena: { base: arenaBase, end: arenaEnd },
    ...(sharedStack ? { sharedStack } : {}),
    ...(stackNote ? { stackNote } : {}),
    reanchored,
    stackPointers,
    rebased,
    moves,
    handleSites,
    ...(schedulerSite ? { schedulerSite } : {}),
  };
}
