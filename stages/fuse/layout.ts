/**
 * The memory plan of a fusion.
 *
 * Shared strategy (the MCU path): one memory; each module instance that
 * defines a memory gets its own region, and its data segments, the code
 * constants that address them (found through `reloc.CODE` / `reloc.DATA`),
 * its `__stack_pointer` and its exported address globals are rebased by the
 * region's base. Regions are packed (16-byte aligned, by used extent) or
 * page-granular; the embedder arena lies above them. initial = maximum.
 *
 * Multi strategy: each defined memory keeps its own index.
 *
 * @module
 */
import type { Export, Global, MemoryType } from "../../wasm/module/model.ts";
import type { ModuleInstance } from "./graph.ts";
import type { ModuleInfo } from "./module_info.ts";
import { FuseError } from "./errors.ts";
import { type ModuleAddressing, rebase } from "./relocate.ts";
import { i32ConstExpr } from "../../wasm/module/const_expr.ts";
import { tableBytes, type TableSite } from "./abi/handles.ts";
import { schedulerBytes, type SchedulerCapacity, type SchedulerSite } from "./async/scheduler.ts";

const PAGE = 65536;

/** One module instance's region in the shared memory. */
export interface Region {
  instance: number;
  module: string;
  base: number;
  size: number;
  /** Why the module sits where it does (for `--explain`). */
  placement?: string;
}

/** What the merger asks of the memory plan. */
export interface MemoryPlan {
  strategy: "shared" | "multi";
  /** Why this strategy (for `--explain`). */
  reason: string;
  memories: MemoryType[];
  regions: Region[];
  arena?: { base: number; end: number };
  /** The one shadow stack all modules share (share-stack), else undefined. */
  sharedStack?: { base: number; top: number; modules: number };
  /** Why the stacks are not shared, when sharing was asked for and is not possible. */
  stackNote?: string;
  /** Modules whose code relocations were re-anchored (code re-encoded after linking). */
  reanchored: string[];
  /** Instance id → the absolute index of its `__stack_pointer` (coalesced into one global). */
  stackPointers: Map<number, number>;
  /** Where each component instance's resource handle table lives. */
  handleSites: Map<string, TableSite>;
  /** Where the in-module scheduler keeps its tasks and waitables (only when a component is async). */
  schedulerSite?: SchedulerSite;
  memoryIndex(instance: number, definedIndex: number): number;
  /** Bodies, globals and data after rebasing, or undefined when the instance is not moved. */
  rebasedModule(instance: number): Pick<ModuleInfo, "bodies" | "globals" | "data"> | undefined;
  extraGlobals: Global[];
  extraExports(globalBase: number): Export[];
}

/** Inputs to planning. */
export interface PlanInput {
  instances: ModuleInstance[];
  infos: ModuleInfo[];
  addressing: ModuleAddressing[];
  strategy: "shared" | "multi" | "auto";
  pack: boolean;
  arenaBytes: number;
  /** Functions containing `memory.grow`, per instance (defined-function indices, with names). */
  grows: { instance: number; func: string }[][];
  /** Component instances that need a resource handle table. */
  handleOwners: string[];
  /** Slots per handle table. */
  handleCapacity: number;
  /** The in-module scheduler's capacity (absent: no component is async). */
  scheduler?: SchedulerCapacity;
  /**
   * One shadow stack for every module (shared strategy): each call between fused
   * modules nests on one thread, so one stack serves them all. `bytes` sizes it
   * (default: the largest of the modules' own stacks).
   */
  shareStack?: { bytes?: number };
}

function align(n: number, a: number): number {
  return Math.ceil(n / a) * a;
}

/**
 * Plans the memory of the fused module.
 *
 * @example
 * ```ts
 * import { planMemory } from "./layout.ts";
 * const plan = planMemory({ instances: [], infos: [], addressing: [], strategy: "shared", pack: true,
 *   arenaBytes: 4096, grows: [], handleOwners: [], handleCapacity: 64 });
 * console.log(plan.strategy, plan.arena); // shared { base: 0, end: 4096 }
 * ```
 */
export function planMemory(input: PlanInput): MemoryPlan {
  const { instances, infos, addressing } = input;
  const definers = instances.filter((i) => infos[i.id].memories.length > 0);
  const grows = input.grows.flat();
  let strategy: "shared" | "multi";
  let reason: string;
  // A module without relocations cannot move: it keeps its own addresses, which no other
  // module without relocations may share.
  const clash = fixedOverlap(
    definers.filter((d) => addressing[d.id].usesMemory && !addressing[d.id].hasRelocations),
    addressing,
  );
  const multiMemoryModules = definers.filter((d) => infos[d.id].memories.length > 1);
  if (input.strategy === "shared") {
    if (grows.length > 0) {
      const g = grows[0];
      throw new FuseError(
        "memory-grow",
        `${instances[g.instance].component} (${
          instances[g.instance].def.name
        }), function ${g.func}`,
        "contains memory.grow, but the shared memory of a grow-free image cannot grow",
        "route allocation to the embedder arena (env::__cabi_arena_realloc) and build without a growing heap (e.g. -nostdlib, a static pool), or fuse with --memory multi",
      );
    }
    if (clash) {
      throw new FuseError(
        "no-relocations",
        `${clash.b.component} (${clash.b.def.name})`,
        `must be moved to its own region of the shared memory, but carries no relocations ` +
          `(no reloc.CODE / linking sections), and its addresses ${clash.text}`,
        "rebuild the core module with `-Wl,--emit-relocs` (clang / wasm-ld) so fuse can rebase its data, or fuse with --memory multi",
      );
    }
    if (multiMemoryModules.length > 0) {
      throw new FuseError(
        "multi-memory-input",
        multiMemoryModules[0].def.name,
        "defines several memories; the shared strategy needs one per module",
        "fuse with --memory multi",
      );
    }
    strategy = "shared";
    reason = "requested with --memory shared";
  } else if (input.strategy === "multi") {
    strategy = "multi";
    reason = "requested with --memory multi";
  } else if (grows.length > 0) {
    strategy = "multi";
    reason = `auto: ${grows[0].func} in ${instances[grows[0].instance].def.name} uses memory.grow`;
  } else if (clash) {
    strategy = "multi";
    reason = `auto: ${clash.b.def.name} carries no relocations and its addresses ${clash.text}`;
  } else if (multiMemoryModules.length > 0) {
    strategy = "multi";
    reason = `auto: ${multiMemoryModules[0].def.name} defines several memories`;
  } else {
    strategy = "shared";
    reason = definers.length <= 1
      ? "auto: one memory-owning module, nothing to rebase"
      : "auto: no memory.grow; every module either carries relocations or keeps addresses " +
        "no other module uses";
  }

  if (strategy === "multi") {
    const indexOf = new Map<number, number>();
    const memories: MemoryType[] = [];
    for (const d of definers) {
      indexOf.set(d.id, memories.length);
      for (const m of infos[d.id].memories) memories.push(m);
    }
    // Handle tables (and the scheduler's region) get a small memory of their own.
    const handleSites = new Map<string, TableSite>();
    let schedulerSite: SchedulerSite | undefined;
    if (input.handleOwners.length > 0) {
      const index = memories.length;
      const per = align(tableBytes(input.handleCapacity), 16);
      input.handleOwners.forEach((o, k) =>
        handleSites.set(o, { memory: index, base: k * per, capacity: input.handleCapacity })
      );
      const used = per * input.handleOwners.length;
      if (input.scheduler) schedulerSite = { memory: index, base: used, ...input.scheduler };
      const bytes = input.scheduler ? schedulerBytes(input.scheduler) : 0;
      const pages = Math.max(1, Math.ceil((used + bytes) / PAGE));
      memories.push({ limits: { min: pages, max: pages } });
    }
    return {
      strategy,
      reason,
      memories,
      regions: [],
      handleSites,
      ...(schedulerSite ? { schedulerSite } : {}),
      stackPointers: new Map(),
      memoryIndex: (inst, i) => indexOf.get(inst)! + i,
      rebasedModule: () => undefined,
      reanchored: [],
      extraGlobals: [],
      extraExports: () => [],
    };
  }

  // Shared: regions in instantiation order; the first memory owner stays at 0, unless the
  // stack is shared: then the one stack is [0, top) and every module's data moves above it.
  const regions: Region[] = [];
  const rebased = new Map<number, ReturnType<typeof rebase>>();
  const users = definers.filter((d) => addressing[d.id].usesMemory);
  // A module moves soundly when relocations find every address, or when it has no data to
  // address (its only memory is the stack, which its stack pointer alone locates).
  const movable = (d: ModuleInstance) => {
    const s = addressing[d.id].stack;
    return s !== undefined && (addressing[d.id].hasRelocations || s.dataEnd <= s.dataStart);
  };
  const unshareable = users.find((d) => !movable(d));
  let cursor = 0;
  let sharedStack: MemoryPlan["sharedStack"];
  let stackNote: string | undefined;
  const reanchored: string[] = [];
  const stackPointers = new Map<number, number>();
  if (input.shareStack && unshareable) {
    stackNote =
      `each module keeps its own stack: ${unshareable.component} (${unshareable.def.name}) ` +
      "has no stack-first layout with relocations (build it with -Wl,--stack-first -Wl,--emit-relocs)";
  }
  if (input.shareStack && !unshareable && users.length > 0) {
    const own = users.map((d) => addressing[d.id].stack!.top);
    const top = align(input.shareStack.bytes ?? Math.max(...own), 16);
    sharedStack = { base: 0, top, modules: users.length };
    cursor = top;
    for (const d of definers) {
      const a = addressing[d.id];
      if (!a.usesMemory) continue;
      const s = a.stack!;
      const base = align(cursor, 16);
      const size = align(s.dataEnd - s.dataStart, 16);
      const delta = base - s.dataStart;
      regions.push({
        instance: d.id,
        module: `${d.component} (${d.def.name})`,
        base,
        size,
        placement: s.dataEnd <= s.dataStart
          ? "no data of its own: its stack pointer now points into the shared stack"
          : `data moved by ${delta >= 0 ? "+" : ""}${delta} bytes through its relocations, ` +
            "above the shared stack",
      });
      stackPointers.set(d.id, s.global);
      const moved = rebase(
        infos[d.id],
        a,
        base - s.dataStart,
        d.def.name,
        new Map([[s.global, top]]),
      );
      if (moved.reanchored) reanchored.push(d.def.name);
      rebased.set(d.id, moved);
      cursor = base + size;
    }
  } else {
    // Modules without relocations stay where they are; the others move, in order, to the
    // lowest addresses free of every region placed so far.
    const taken: [number, number][] = [];
    for (const d of definers) {
      const a = addressing[d.id];
      if (a.usesMemory && !a.hasRelocations) taken.push([a.usedLow, a.usedExtent]);
    }
    definers.forEach((d) => {
      const a = addressing[d.id];
      const module = `${d.component} (${d.def.name})`;
      if (!a.usesMemory) {
        regions.push({ instance: d.id, module, base: 0, size: 0, placement: "uses no memory" });
        return;
      }
      if (!a.hasRelocations) {
        regions.push({
          instance: d.id,
          module,
          base: a.usedLow,
          size: a.usedExtent - a.usedLow,
          placement: `carries no relocations: stays at its own addresses ` +
            `[${a.usedLow}, ${a.usedExtent}), which no other module uses`,
        });
        cursor = Math.max(cursor, a.usedExtent);
        return;
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
      regions.push({
        instance: d.id,
        module,
        base,
        size,
        placement: base === 0
          ? "first region: stays at its own addresses, nothing to rebase"
          : `moved by +${base} bytes through its relocations`,
      });
      if (base !== 0) {
        const moved = rebase(infos[d.id], a, base, d.def.name);
        if (moved.reanchored) reanchored.push(d.def.name);
        rebased.set(d.id, moved);
      }
      cursor = Math.max(cursor, base + size);
    });
  }
  // Handle tables sit above the regions, below the arena.
  const handleSites = new Map<string, TableSite>();
  for (const owner of input.handleOwners) {
    cursor = align(cursor, 16);
    handleSites.set(owner, { memory: 0, base: cursor, capacity: input.handleCapacity });
    cursor += tableBytes(input.handleCapacity);
  }
  let schedulerSite: SchedulerSite | undefined;
  if (input.scheduler) {
    cursor = align(cursor, 16);
    schedulerSite = { memory: 0, base: cursor, ...input.scheduler };
    cursor += schedulerBytes(input.scheduler);
  }
  const arenaBase = align(cursor, 16);
  const arenaEnd = arenaBase + input.arenaBytes;
  const pages = Math.max(1, Math.ceil(arenaEnd / PAGE));
  const memories: MemoryType[] = definers.length > 0 || arenaEnd > 0
    ? [{ limits: { min: pages, max: pages } }]
    : [];
  return {
    strategy,
    reason,
    memories,
    regions,
    arena: { base: arenaBase, end: arenaEnd },
    sharedStack,
    stackNote,
    reanchored,
    stackPointers,
    handleSites,
    ...(schedulerSite ? { schedulerSite } : {}),
    memoryIndex: () => 0,
    rebasedModule: (inst) => rebased.get(inst),
    // The arena's bounds (and the shared stack's) for the firmware: it binds the arena and
    // measures the stack's high-water mark.
    // The async scheduler's region, for the size breakdown (what async costs in RAM).
    extraGlobals: [
      arenaBase,
      arenaEnd,
      ...(sharedStack ? [sharedStack.base, sharedStack.top] : []),
      ...(schedulerSite
        ? [schedulerSite.base, schedulerSite.base + schedulerBytes(schedulerSite)]
        : []),
    ].map((v) => ({ type: { valType: 0x7f, mutable: false }, init: i32ConstExpr(v) })),
    extraExports: (globalBase) =>
      [
        "arena_base",
        "arena_end",
        ...(sharedStack ? ["stack_base", "stack_top"] : []),
        ...(schedulerSite ? ["scheduler_base", "scheduler_end"] : []),
      ].map((n, i) => ({
        name: `__dissolve_${n}`,
        kind: "global" as const,
        index: globalBase + i,
      })),
  };
}

/** Two modules without relocations whose address ranges overlap (they cannot share a memory). */
function fixedOverlap(
  fixed: ModuleInstance[],
  addressing: ModuleAddressing[],
): { a: ModuleInstance; b: ModuleInstance; text: string } | undefined {
  for (let j = 1; j < fixed.length; j++) {
    for (let i = 0; i < j; i++) {
      const x = addressing[fixed[i].id], y = addressing[fixed[j].id];
      if (x.usedLow < y.usedExtent && y.usedLow < x.usedExtent) {
        return {
          a: fixed[i],
          b: fixed[j],
          text: `[${y.usedLow}, ${y.usedExtent}) overlap those of ${fixed[i].def.name} ` +
            `[${x.usedLow}, ${x.usedExtent})`,
        };
      }
    }
  }
  return undefined;
}
