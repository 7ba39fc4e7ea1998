/**
 * `fuse`: components in, one core module out.
 *
 * Decodes the inputs, orders them so that providers are instantiated
 * before their users (an import of one component is satisfied by the
 * export of the same name of another, exact names, versions included),
 * evaluates every instance graph, plans memory, merges, and stamps an
 * attestation.
 *
 * @module
 */
import {
  appendCustomSection,
  BinaryWriter,
  WasmDecodeError,
  writeCustomSection,
} from "../../wasm/mod.ts";
import {
  encodeMemoryOwners,
  encodeModule,
  findMemoryGrow,
  MEMORY_OWNERS_SECTION,
} from "../../wasm/module/mod.ts";
import type { NamedComponent } from "../types.ts";
import { FuseError } from "./errors.ts";
import type { Evaluator, ModuleInstance } from "./graph.ts";
import { FUSE_DEFAULTS } from "./settings.ts";
import { EmbedderRules, type FuseOptions } from "./options.ts";
import { infoOf } from "./module_info.ts";
import { analyzeAddressing } from "./relocate.ts";
import { type DomainPlan, type MemoryPlan, planMemory, type Region } from "./layout.ts";
import { type Boundary, type FusedImport, Merger } from "./merge.ts";
import { compose, type Composition } from "./composition.ts";
import { collectDebugInfo, fusedDwarf } from "./debug_info.ts";
import { DEBUG_SECTION, type DebugInfo, encodeDebugInfo } from "../../wasm/module/mod.ts";
import {
  checkDomains,
  internalFault,
  invalidCoreModule,
  invalidOutput,
  sha256,
  validationError,
} from "./checks.ts";
import { emitComponent } from "./component_out.ts";
import { applyStackSwitching } from "./async/asyncify.ts";

/** Version recorded in attestations. */
export const FUSE_VERSION = "dissolve-fuse 0.1.0";

/** What fuse reports besides the bytes. */
export interface FuseReport {
  strategy: "shared" | "multi" | "domains";
  reason: string;
  regions: Region[];
  arena?: { base: number; end: number };
  /** The one shadow stack of a share-stack fusion: [base, top). */
  sharedStack?: { base: number; top: number; modules: number };
  /** Why share-stack was asked for but each module keeps its own stack. */
  stackNote?: string;
  /** Modules whose code relocations had gone stale and were re-anchored. */
  reanchored?: string[];
  /** The isolation domains, each with its own memory (domains strategy). */
  domains?: DomainPlan[];
  /** A debug fusion's debug info: what it carries, and the components that had none. */
  debug?: {
    files: number;
    functions: number;
    variables: number;
    /** Components whose code has no source lines, and why. */
    missing: { component: string; reason: string }[];
  };
  imports: FusedImport[];
  boundaries: Boundary[];
  exports: { name: string; memory?: string; realloc?: string; postReturn?: string }[];
  modules: { name: string; component: string }[];
  inputs: { name: string; sha256: string }[];
  outputSha256: string;
}

/** The result of {@linkcode fuse}. */
export interface FuseResult {
  /** The fused core module (or component, with `component: true`). */
  module: Uint8Array;
  report: FuseReport;
}

/**
 * Fuses components into one core module.
 *
 * @example
 * ```ts
 * import { fuse } from "./fuse.ts";
 * const app = await Deno.readFile("build/hello/components/hello.component.wasm");
 * const { module, report } = await fuse([{ name: "hello", bytes: app }], { memory: "shared" });
 * console.log(module.length, report.imports.map((i) => `${i.module}::${i.field}`));
 * ```
 */
export async function fuse(
  components: NamedComponent[],
  options: FuseOptions = {},
): Promise<FuseResult> {
  try {
    return await fuseComponents(components, options);
  } catch (e) {
    // Bad input is a typed error; anything else is a fuser bug, reported as one.
    if (e instanceof FuseError || e instanceof WasmDecodeError) throw e;
    throw internalFault(components, e);
  }
}

/** Each instance's module summary (one per module), addressing facts and memory.grow sites. */
function summarize(ev: Evaluator) {
  const infos = ev.instances.map((i) => infoOf(i.def));
  const addressing = infos.map(analyzeAddressing);
  // The memory.grow search walks every body (the merge then reads the walk): code that does not
  // read is the core module's fault, named.
  const grows = ev.instances.map((inst, i) => {
    let found: number[];
    try {
      found = findMemoryGrow(inst.def.module, infos[i].sites);
    } catch (e) {
      if (!(e instanceof WasmDecodeError)) throw e;
      throw invalidCoreModule(inst.def.name, e.message);
    }
    return found.map((f) => ({
      instance: inst.id,
      func: addressing[i].functionNames().get(f) ?? `func ${f}`,
    }));
  });
  return { infos, addressing, grows };
}

/** The memory plan for the composition under `options` (defaults: FUSE_DEFAULTS). */
function planFor(
  c: Composition,
  summary: ReturnType<typeof summarize>,
  options: FuseOptions,
  strategy: NonNullable<FuseOptions["memory"]>,
): MemoryPlan {
  const ev = c.evaluator;
  return planMemory({
    instances: ev.instances,
    ...summary,
    strategy,
    ...(options.domains ? { domains: options.domains } : {}),
    arenaUsers: c.arenaUsers,
    pack: options.pack ?? FUSE_DEFAULTS.pack,
    // No embedder import, no arena: the memory is then exactly the regions.
    arenaBytes: c.usesEmbedder ? options.arenaBytes ?? FUSE_DEFAULTS.arenaBytes : 0,
    // Waitables (async) share each instance's handle table with its resources.
    handleOwners: ev.usesScheduler || ev.resources.some((r) => r.owner !== "host")
      ? ev.componentPaths
      : [],
    handleCapacity: options.handleSlots ?? FUSE_DEFAULTS.handleSlots,
    ...(ev.usesScheduler
      ? {
        scheduler: {
          tasks: options.asyncTasks ?? FUSE_DEFAULTS.asyncTasks,
          waitables: options.asyncWaitables ?? FUSE_DEFAULTS.asyncWaitables,
          ...(ev.usesThreads
            ? {
              stacks: options.asyncThreads ?? FUSE_DEFAULTS.asyncThreads,
              stackBytes: options.asyncThreadBytes ?? FUSE_DEFAULTS.asyncThreadBytes,
              locks: ev.componentPaths.length,
            }
            : {}),
        },
      }
      : {}),
    shareStack: (options.shareStack ?? FUSE_DEFAULTS.shareStack)
      ? { bytes: options.stackBytes }
      : undefined,
  });
}

/**
 * Stack switching for the composition's threads (`async/asyncify.ts`): the
 * saved frames and the unwinding flag are in the scheduler's region, which
 * must be in memory 0 (where Asyncify keeps its data).
 */
function withThreads(
  core: Uint8Array,
  plan: MemoryPlan,
  options: FuseOptions,
  instances: ModuleInstance[],
): Uint8Array {
  // Asyncify reads only a module that validates.
  const invalid = validationError(core);
  if (invalid) throw invalidOutput(instances, invalid);
  const site = plan.schedulerSite;
  const refuse = (why: string, remedy: string) => {
    throw new FuseError("unsupported-threads", "fuse", why, remedy);
  };
  if (!site) throw new FuseError("internal", "fuse", "threads without a scheduler", "report a bug");
  if (site.memory !== 0) {
    refuse(
      "an async call starts a task lifted without a callback (a thread with its own stack), and " +
        "threads need the scheduler in memory 0, which this memory strategy gives a component",
      "fuse with --memory shared, or lift the callee with a callback",
    );
  }
  if (options.debug) {
    refuse(
      "an async call starts a task lifted without a callback (a thread with its own stack); " +
        "--debug output cannot have threads yet (Asyncify moves the code the line table maps)",
      "emit a core module without debug info, or lift the callee with a callback",
    );
  }
  return applyStackSwitching(core);
}

/** The attestation: inputs, output and the options that made it (timestamp from SOURCE_DATE_EPOCH). */
function attestation(
  inputs: { name: string; sha256: string }[],
  outputSha256: string,
  options: FuseOptions,
  strategy: string,
  plan: MemoryPlan,
) {
  const epoch = options.sourceDateEpoch ??
    (Deno.env.get("SOURCE_DATE_EPOCH") ? Number(Deno.env.get("SOURCE_DATE_EPOCH")) : undefined);
  return {
    tool: FUSE_VERSION,
    inputs,
    output: { sha256: outputSha256 },
    options: {
      memory: strategy,
      strategy: plan.strategy,
      ...(options.domains?.length ? { domains: options.domains } : {}),
      pack: options.pack ?? FUSE_DEFAULTS.pack,
      arenaBytes: options.arenaBytes ?? FUSE_DEFAULTS.arenaBytes,
      shareStack: options.shareStack ?? FUSE_DEFAULTS.shareStack,
      ...(options.stackBytes !== undefined ? { stackBytes: options.stackBytes } : {}),
      ...(options.handleSlots !== undefined ? { handleSlots: options.handleSlots } : {}),
      ...(options.asyncTasks !== undefined ? { asyncTasks: options.asyncTasks } : {}),
      ...(options.asyncWaitables !== undefined ? { asyncWaitables: options.asyncWaitables } : {}),
      ...(options.asyncThreads !== undefined ? { asyncThreads: options.asyncThreads } : {}),
      ...(options.asyncThreadBytes !== undefined
        ? { asyncThreadBytes: options.asyncThreadBytes }
        : {}),
      passthrough: (options.passthrough ?? []).map(String),
      component: !!options.component,
      ...(options.debug ? { debug: true } : {}),
    },
    ...(epoch !== undefined ? { timestamp: new Date(epoch * 1000).toISOString() } : {}),
  };
}

async function fuseComponents(
  components: NamedComponent[],
  options: FuseOptions,
): Promise<FuseResult> {
  await Promise.resolve();
  if (components.length === 0) {
    throw new FuseError("no-input", "fuse", "no components given", "pass at least one component");
  }
  const embedder = new EmbedderRules(options.passthrough ?? []);
  const composition = compose(components, embedder, options);
  const ev = composition.evaluator;
  const summary = summarize(ev);
  // One default per setting (FUSE_SETTINGS): the pipeline's, the CLI's and this function's.
  const strategy = options.memory ?? (options.domains?.length ? "domains" : FUSE_DEFAULTS.memory);
  if (options.domains?.length) checkDomains(options.domains, components, strategy);
  const plan = planFor(composition, summary, options, strategy);
  const rootExports = composition.rootExports;
  const merged = new Merger({
    instances: ev.instances,
    infos: summary.infos,
    exports: rootExports,
    embedder,
    memory: plan,
    resources: ev.resources,
    asyncLifters: ev.asyncLifters,
    threadUsers: ev.threadUsers,
    ...(options.component ? { exportedResources: composition.exportedResources } : {}),
  }).run();
  let debug: DebugInfo | undefined;
  if (options.debug) {
    // Lines and variables of every input that carries DWARF: synth turns them into the ELF's.
    debug = collectDebugInfo({
      instances: ev.instances,
      infos: summary.infos,
      funcBase: (inst) => merged.funcBases[inst],
      memory: (inst) => summary.infos[inst].memories.length ? plan.memoryIndex(inst, 0) : undefined,
      dataMove: (inst) => plan.dataMove(inst),
    });
    merged.module.sections.push({
      id: "custom",
      name: DEBUG_SECTION,
      data: encodeDebugInfo(debug),
    });
  }
  if (plan.owners) {
    // Who owns each memory: synth sizes and names them, a trap names the offender.
    merged.module.sections.push({
      id: "custom",
      name: MEMORY_OWNERS_SECTION,
      data: encodeMemoryOwners(plan.owners),
    });
  }
  // Encoded into a writer with room to spare, so a core output gets its attestation appended
  // in place (not copied to a second buffer of the module's size).
  const writer = new BinaryWriter(0);
  const encoded = encodeModule(merged.module, writer);
  // Threads: Asyncify rewrites the module (a new buffer; the writer's is then not the output).
  let core = ev.usesThreads ? withThreads(encoded, plan, options, ev.instances) : encoded;
  if (debug && debug.functions.length > 0) {
    // The fused module's own line table, at the addresses its code has now: any DWARF consumer
    // reads the components' lines from it (synth reads dissolve.debug).
    const dwarf = fusedDwarf(core, debug);
    core = appendCustomSection(core, ".debug_abbrev", dwarf.abbrev);
    core = appendCustomSection(core, ".debug_info", dwarf.info);
    core = appendCustomSection(core, ".debug_line", dwarf.line);
  }
  const invalid = validationError(core);
  if (invalid) throw invalidOutput(ev.instances, invalid);
  const body = options.component
    ? emitComponent(merged, rootExports, core, ev.resources, {
      exportedTypes: composition.exportedTypes,
      exportedResources: composition.exportedResources,
    })
    : core;
  // Hashed here, not on another thread: this machine's second thread shares the core, and a
  // hash running beside the walk or the validation slowed them by more than it took.
  const outputSha256 = sha256(body);
  const inputs = components.map((c) => ({ name: c.name, sha256: sha256(c.bytes) }));
  const attested = new TextEncoder().encode(
    JSON.stringify(attestation(inputs, outputSha256, options, strategy, plan)),
  );
  const out = body === encoded
    ? writeCustomSection(writer, "dissolve.attestation", attested).finish()
    : appendCustomSection(body, "dissolve.attestation", attested);
  return {
    module: out,
    report: {
      strategy: plan.strategy,
      reason: plan.reason,
      regions: plan.regions,
      arena: plan.arena,
      ...(plan.sharedStack ? { sharedStack: plan.sharedStack } : {}),
      ...(plan.stackNote ? { stackNote: plan.stackNote } : {}),
      ...(plan.reanchored.length ? { reanchored: plan.reanchored } : {}),
      ...(plan.domains ? { domains: plan.domains } : {}),
      ...(debug
        ? {
          debug: {
            files: debug.files.length,
            functions: debug.functions.length,
            variables: debug.variables.length,
            missing: debug.components.filter((c) => !c.debug).map((c) => ({
              component: c.name,
              reason: c.reason ?? "no DWARF",
            })),
          },
        }
        : {}),
      imports: merged.imports,
      boundaries: merged.boundaries,
      exports: merged.exportAbi,
      modules: ev.instances.map((i) => ({ name: i.def.name, component: i.component })),
      inputs,
      outputSha256,
    },
  };
}
