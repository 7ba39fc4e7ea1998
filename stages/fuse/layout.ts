/**
 * The memory plan of a fusion.
 *
 * - **shared** (one domain): one memory, laid out by `layout_shared.ts`;
 *   the embedder arena lies above the regions and the embedder binds it.
 * - **domains**: one memory per isolation domain (a set of components),
 *   each laid out as a shared memory of its own (regions, packing, shared
 *   stack); handle tables and the async scheduler get a memory of their
 *   own, which no component's code addresses. Each domain that calls the
 *   arena allocator gets an arena in its own memory, served inside the
 *   fused module: one embedder import cannot tell which memory it is asked
 *   to allocate in.
 * - **multi**: each defined memory keeps its own index.
 *
 * @module
 */
import type { MemoryOwner, MemoryType } from "../../wasm/module/mod.ts";
import type { ModuleInstance } from "./graph.ts";
import { FuseError } from "./errors.ts";
import type { ModuleAddressing } from "./relocate.ts";
import { i32ConstExpr } from "../../wasm/module/mod.ts";
import { tableBytes, type TableSite } from "./abi/handles.ts";
import { schedulerBytes, type SchedulerSite } from "./async/scheduler.ts";
import { layOutSharedMemory, type SharedMemoryLayout } from "./layout_shared.ts";
import type { DomainSpec } from "./options.ts";
import type { ArenaSite, DomainPlan, MemoryPlan, PlanInput } from "./memory_plan.ts";

export type { Region } from "./layout_shared.ts";
export type { ArenaSite, DomainPlan, MemoryPlan, PlanInput } from "./memory_plan.ts";

const PAGE = 65536;
/** A domain's return area for the host (async root exports): up to four flat results. */
const HOST_RETURN_BYTES = 32;

function align(n: number, a: number): number {
  return Math.ceil(n / a) * a;
}

/** The top-level component of a component path (`app/inner` → `app`). */
export function topComponent(path: string): string {
  const slash = path.indexOf("/");
  return slash < 0 ? path : path.slice(0, slash);
}

/** A domain: its name, its components and its memory-defining instances, in instantiation order. */
interface DomainGroup {
  name: string;
  components: string[];
  definers: ModuleInstance[];
}

/** Groups the memory-defining instances by domain (a component not named by a spec is its own). */
function domainGroups(definers: ModuleInstance[], specs: DomainSpec[]): DomainGroup[] {
  const domainOf = new Map<string, string>();
  for (const s of specs) for (const c of s.components) domainOf.set(c, s.name);
  const groups = new Map<string, DomainGroup>();
  for (const d of definers) {
    const top = topComponent(d.component);
    const name = domainOf.get(top) ?? top;
    let g = groups.get(name);
    if (!g) groups.set(name, g = { name, components: [], definers: [] });
    if (!g.components.includes(top)) g.components.push(top);
    g.definers.push(d);
  }
  return [...groups.values()];
}

/**
 * The checks a memory shared by `definers` must pass: no memory.grow, modules
 * without relocations at disjoint addresses, one memory per module. `where`
 * says which memory (`the shared memory` or a domain's).
 */
function checkShareable(input: PlanInput, definers: ModuleInstance[], where: string): void {
  const { instances, infos, addressing } = input;
  const ids = new Set(definers.map((d) => d.id));
  const g = input.grows.flat().find((x) => ids.has(x.instance));
  const alternative = where === "the shared memory"
    ? "fuse with --memory multi"
    : "put the component in a domain of its own";
  if (g) {
    throw new FuseError(
      "memory-grow",
      `${instances[g.instance].component} (${instances[g.instance].def.name}), function ${g.func}`,
      `contains memory.grow, but ${where} of a grow-free image cannot grow`,
      `route allocation to the embedder arena (env::__cabi_arena_realloc) and build without a growing heap (e.g. -nostdlib, a static pool), or ${alternative}`,
    );
  }
  const clash = fixedOverlap(
    definers.filter((d) => addressing[d.id].usesMemory && !addressing[d.id].hasRelocations),
    addressing,
  );
  if (clash) {
    throw new FuseError(
      "no-relocations",
      `${clash.b.component} (${clash.b.def.name})`,
      `must be moved to its own region of ${where}, but carries no relocations ` +
        `(no reloc.CODE / linking sections), and its addresses ${clash.text}`,
      `rebuild the core module with \`-Wl,--emit-relocs\` (clang / wasm-ld) so fuse can rebase its data, or ${alternative}`,
    );
  }
  const several = definers.find((d) => infos[d.id].memories.length > 1);
  if (several) {
    throw new FuseError(
      "multi-memory-input",
      several.def.name,
      `defines several memories; ${
        where === "the shared memory" ? "the shared strategy" : where
      } needs one per module`,
      "fuse with --memory multi",
    );
  }
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
  if (input.strategy === "domains") {
    const groups = domainGroups(definers, input.domains ?? []);
    if (groups.length > 1) return planDomains(input, groups);
    checkShareable(input, definers, "the shared memory");
    const one = groups[0]?.name;
    return planShared(
      input,
      definers,
      one
        ? `domains: one domain (${one}) holds every memory`
        : "domains: no component has a memory",
    );
  }
  if (input.strategy === "shared") {
    checkShareable(input, definers, "the shared memory");
    return planShared(input, definers, "requested with --memory shared");
  }
  // A module without relocations cannot move: it keeps its own addresses, which no other
  // module without relocations may share.
  const clash = fixedOverlap(
    definers.filter((d) => addressing[d.id].usesMemory && !addressing[d.id].hasRelocations),
    addressing,
  );
  const multiMemoryModules = definers.filter((d) => infos[d.id].memories.length > 1);
  if (input.strategy === "multi") {
    return planMulti(input, definers, "requested with --memory multi");
  }
  if (grows.length > 0) {
    return planMulti(
      input,
      definers,
      `auto: ${grows[0].func} in ${instances[grows[0].instance].def.name} uses memory.grow`,
    );
  }
  if (clash) {
    return planMulti(
      input,
      definers,
      `auto: ${clash.b.def.name} carries no relocations and its addresses ${clash.text}`,
    );
  }
  if (multiMemoryModules.length > 0) {
    return planMulti(
      input,
      definers,
      `auto: ${multiMemoryModules[0].def.name} defines several memories`,
    );
  }
  return planShared(
    input,
    definers,
    definers.length <= 1
      ? "auto: one memory-owning module, nothing to rebase"
      : "auto: no memory.grow; every module either carries relocations or keeps addresses " +
        "no other module uses",
  );
}

/** The handle tables and the scheduler's region, in a memory of their own at `index`. */
function runtimeMemory(input: PlanInput, index: number) {
  const handleSites = new Map<string, TableSite>();
  let schedulerSite: SchedulerSite | undefined;
  if (input.handleOwners.length === 0) return { handleSites, bytes: 0 };
  const per = align(tableBytes(input.handleCapacity), 16);
  input.handleOwners.forEach((o, k) =>
    handleSites.set(o, { memory: index, base: k * per, capacity: input.handleCapacity })
  );
  const used = per * input.handleOwners.length;
  if (input.scheduler) schedulerSite = { memory: index, base: used, ...input.scheduler };
  const bytes = used + (input.scheduler ? schedulerBytes(input.scheduler) : 0);
  const pages = Math.max(1, Math.ceil(bytes / PAGE));
  return {
    handleSites,
    schedulerSite,
    bytes,
    memory: { limits: { min: pages, max: pages } } as MemoryType,
  };
}

/** Who owns the runtime memory, for `dissolve.memories`. */
const RUNTIME_OWNER = { domain: "fuse runtime (handle tables, scheduler)", components: [] };

function planMulti(input: PlanInput, definers: ModuleInstance[], reason: string): MemoryPlan {
  const { infos, addressing } = input;
  const indexOf = new Map<number, number>();
  const memories: MemoryType[] = [];
  const owners: MemoryOwner[] = [];
  // Threads keep their saved frames where Asyncify keeps its data, memory 0: then the runtime's
  // memory (handle tables and scheduler) comes first.
  const runtimeFirst = (input.scheduler?.stacks ?? 0) > 0;
  const runtime = runtimeMemory(
    input,
    runtimeFirst ? 0 : definers.reduce(
      (n, d) => n + infos[d.id].memories.length,
      0,
    ),
  );
  if (runtimeFirst && runtime.memory) {
    memories.push(runtime.memory);
    owners.push({ ...RUNTIME_OWNER, bytes: runtime.bytes });
  }
  for (const d of definers) {
    indexOf.set(d.id, memories.length);
    infos[d.id].memories.forEach((m, i) => {
      memories.push(m);
      const top = topComponent(d.component);
      owners.push({
        domain: top,
        components: [top],
        // The module's own extent in its first memory; any other, every declared page.
        bytes: i === 0 ? addressing[d.id].usedExtent : m.limits.min * PAGE,
      });
    });
  }
  // Handle tables (and the scheduler's region) get a small memory of their own.
  if (!runtimeFirst && runtime.memory) {
    memories.push(runtime.memory);
    owners.push({ ...RUNTIME_OWNER, bytes: runtime.bytes });
  }
  return {
    strategy: "multi",
    reason,
    memories,
    regions: [],
    handleSites: runtime.handleSites,
    ...(runtime.schedulerSite ? { schedulerSite: runtime.schedulerSite } : {}),
    stackPointers: new Map(),
    owners,
    arenaSite: () => undefined,
    hostReturnArea: () => undefined,
    memoryIndex: (inst, i) => indexOf.get(inst)! + i,
    rebasedModule: () => undefined,
    dataMove: () => 0,
    reanchored: [],
    extraGlobals: [],
    extraExports: () => [],
  };
}

function planShared(input: PlanInput, definers: ModuleInstance[], reason: string): MemoryPlan {
  const l = layOutSharedMemory({
    definers,
    infos: input.infos,
    addressing: input.addressing,
    pack: input.pack,
    ...(input.shareStack ? { shareStack: input.shareStack } : {}),
    memory: 0,
    handleOwners: input.handleOwners,
    handleCapacity: input.handleCapacity,
    ...(input.scheduler ? { scheduler: input.scheduler } : {}),
    arenaBytes: input.arenaBytes,
  });
  const { arena, sharedStack, schedulerSite } = l;
  return {
    strategy: "shared",
    reason,
    memories: l.memory ? [l.memory] : [],
    regions: l.regions,
    arena,
    sharedStack,
    stackNote: l.stackNote,
    reanchored: l.reanchored,
    stackPointers: l.stackPointers,
    handleSites: l.handleSites,
    ...(schedulerSite ? { schedulerSite } : {}),
    arenaSite: () => undefined,
    hostReturnArea: () => undefined,
    memoryIndex: () => 0,
    rebasedModule: (inst) => l.rebased.get(inst),
    dataMove: (inst) => l.moves.get(inst) ?? 0,
    // The arena's bounds (and the shared stack's) for the firmware: it binds the arena and
    // measures the stack's high-water mark.
    // The async scheduler's region, for the size breakdown (what async costs in RAM).
    extraGlobals: [
      arena.base,
      arena.end,
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

function planDomains(input: PlanInput, groups: DomainGroup[]): MemoryPlan {
  const layouts: SharedMemoryLayout[] = [];
  const domains: DomainPlan[] = [];
  const owners: MemoryOwner[] = [];
  const memoryOf = new Map<number, number>();
  const arenaOf = new Map<string, ArenaSite>();
  const returnAreaOf = new Map<string, { memory: number; base: number }>();
  groups.forEach((g, k) => {
    checkShareable(input, g.definers, `domain ${g.name}'s memory`);
    const spec = input.domains?.find((d) => d.name === g.name);
    const needsArena = g.components.some((c) => input.arenaUsers?.has(c));
    const stackBytes = spec?.stackBytes ?? input.shareStack?.bytes;
    const l = layOutSharedMemory({
      definers: g.definers,
      infos: input.infos,
      addressing: input.addressing,
      pack: input.pack,
      ...(input.shareStack
        ? { shareStack: stackBytes === undefined ? {} : { bytes: stackBytes } }
        : {}),
      memory: k,
      handleOwners: [],
      handleCapacity: input.handleCapacity,
      // Async: the host's return area (results of an async root export) follows the arena.
      arenaBytes: (needsArena ? spec?.arenaBytes ?? input.arenaBytes : 0) +
        (input.scheduler ? HOST_RETURN_BYTES : 0),
    });
    if (input.scheduler) {
      l.arena.end -= HOST_RETURN_BYTES;
      for (const c of g.components) returnAreaOf.set(c, { memory: k, base: l.arena.end });
    }
    layouts.push(l);
    for (const d of g.definers) memoryOf.set(d.id, k);
    const arena = needsArena ? l.arena : undefined;
    if (arena) {
      for (const c of g.components) arenaOf.set(c, { domain: g.name, memory: k, ...arena });
    }
    domains.push({
      name: g.name,
      components: g.components,
      memory: k,
      regions: l.regions,
      ...(arena ? { arena } : {}),
      ...(l.sharedStack ? { sharedStack: l.sharedStack } : {}),
      bytes: l.arena.end + (input.scheduler ? HOST_RETURN_BYTES : 0),
    });
    owners.push({
      domain: g.name,
      components: g.components,
      bytes: l.arena.end + (input.scheduler ? HOST_RETURN_BYTES : 0),
    });
  });
  const memories = layouts.map((l) => l.memory ?? { limits: { min: 1, max: 1 } });
  const runtime = runtimeMemory(input, memories.length);
  if (runtime.memory) {
    memories.push(runtime.memory);
    owners.push({ ...RUNTIME_OWNER, bytes: runtime.bytes });
  }
  const stackPointers = new Map<number, number>();
  const notes: string[] = [];
  for (const l of layouts) {
    l.stackPointers.forEach((g, inst) => stackPointers.set(inst, g));
    if (l.stackNote) notes.push(l.stackNote);
  }
  return {
    strategy: "domains",
    reason: `${groups.length} isolation domains, one memory each: ` +
      groups.map((g) =>
        g.components.length === 1 && g.components[0] === g.name
          ? g.name
          : `${g.name} (${g.components.join(", ")})`
      ).join(" | "),
    memories,
    regions: layouts.flatMap((l) => l.regions),
    ...(notes.length > 0 ? { stackNote: notes.join("; ") } : {}),
    reanchored: layouts.flatMap((l) => l.reanchored),
    stackPointers,
    handleSites: runtime.handleSites,
    ...(runtime.schedulerSite ? { schedulerSite: runtime.schedulerSite } : {}),
    domains,
    owners,
    arenaSite: (component) => arenaOf.get(topComponent(component)),
    hostReturnArea: (component) => returnAreaOf.get(topComponent(component)),
    memoryIndex: (inst) => memoryOf.get(inst)!,
    rebasedModule: (inst) => layouts[memoryOf.get(inst) ?? -1]?.rebased.get(inst),
    dataMove: (inst) => layouts[memoryOf.get(inst) ?? -1]?.moves.get(inst) ?? 0,
    extraGlobals: [],
    extraExports: () => [],
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
