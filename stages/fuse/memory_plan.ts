/**
 * What a memory plan is: the memories, where each instance's regions went,
 * the domains, and the sites of the runtime's state (handle tables, the
 * scheduler, the arenas), as the merger and the report read them.
 *
 * @module
 */
import type { Export, Global, MemoryOwner, MemoryType } from "../../wasm/module/mod.ts";
import type { ModuleInstance } from "./graph.ts";
import type { ModuleInfo } from "./module_info.ts";
import type { ModuleAddressing } from "./relocate.ts";
import { type TableSite } from "./abi/handles.ts";
import { type SchedulerCapacity, type SchedulerSite } from "./async/scheduler.ts";
import { type Region } from "./layout_shared.ts";
import type { DomainSpec } from "./options.ts";

/** Where a domain's arena allocator serves from. */
export interface ArenaSite {
  domain: string;
  memory: number;
  base: number;
  end: number;
}

/** One isolation domain as the report shows it. */
export interface DomainPlan {
  name: string;
  components: string[];
  memory: number;
  regions: Region[];
  arena?: { base: number; end: number };
  sharedStack?: { base: number; top: number; modules: number };
  /** Bytes of the domain's memory the fusion uses. */
  bytes: number;
}

/** What the merger asks of the memory plan. */
export interface MemoryPlan {
  strategy: "shared" | "multi" | "domains";
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
  /** Instance id → the absolute index of its `__stack_pointer` (coalesced into one global per memory). */
  stackPointers: Map<number, number>;
  /** Where each component instance's resource handle table lives. */
  handleSites: Map<string, TableSite>;
  /** Where the in-module scheduler keeps its tasks and waitables (only when a component is async). */
  schedulerSite?: SchedulerSite;
  /** The domains, each with its memory (domains strategy). */
  domains?: DomainPlan[];
  /** Who owns each memory and how much of it is used (domains and multi): `dissolve.memories`. */
  owners?: MemoryOwner[];
  /** The in-module arena a top-level component's allocations go to (domains), else undefined. */
  arenaSite(component: string): ArenaSite | undefined;
  /**
   * Where an async root export of `component` leaves its flat results for the host: a few
   * bytes of the component's own memory, which the host reads through the export's memory
   * (domains); undefined: the scheduler's own return area, in the one memory.
   */
  hostReturnArea(component: string): { memory: number; base: number } | undefined;
  memoryIndex(instance: number, definedIndex: number): number;
  /** Bodies, globals and data after rebasing, or undefined when the instance is not moved. */
  rebasedModule(instance: number): Pick<ModuleInfo, "bodies" | "globals" | "data"> | undefined;
  /** How far an instance's data moved, in bytes (0: it stayed): its debug info's addresses follow. */
  dataMove(instance: number): number;
  extraGlobals: Global[];
  extraExports(globalBase: number): Export[];
}

/** Inputs to planning. */
export interface PlanInput {
  instances: ModuleInstance[];
  infos: ModuleInfo[];
  addressing: ModuleAddressing[];
  strategy: "shared" | "multi" | "auto" | "domains";
  /** Components grouped into domains (domains strategy); a component not named is its own. */
  domains?: DomainSpec[];
  /** Top-level components that call the arena allocator (they need an arena in their domain). */
  arenaUsers?: Set<string>;
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
