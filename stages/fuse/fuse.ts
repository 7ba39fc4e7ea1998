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
import { createHash } from "node:crypto";
import {
  appendCustomSection,
  BinaryWriter,
  decodeWasm,
  WasmDecodeError,
  writeCustomSection,
} from "../../wasm/mod.ts";
import { encodeModule } from "../../wasm/module/encode.ts";
import { findMemoryGrow } from "../../wasm/module/index_sites.ts";
import type { Component, ExternDesc } from "../../wasm/component/model.ts";
import type { NamedComponent } from "../types.ts";
import { FuseError } from "./errors.ts";
import { type ComponentFunc, Evaluator, type Item, type ModuleInstance } from "./graph.ts";
import { FUSE_DEFAULTS } from "./settings.ts";
import { ARENA_EXTERN_NAME, type DomainSpec, EmbedderRules, type FuseOptions } from "./options.ts";
import { type ModuleInfo, moduleInfo } from "./module_info.ts";
import { analyzeAddressing } from "./relocate.ts";
import { type DomainPlan, planMemory, type Region } from "./layout.ts";
import { encodeMemoryOwners, MEMORY_OWNERS_SECTION } from "../../wasm/module/memory_owners.ts";
import { type Boundary, type FusedImport, Merger, type RootExport } from "./merge.ts";
import { resolveFuncSig, sameFuncSig, showFuncSig } from "./ctypes.ts";
import { emitComponent } from "./component_out.ts";

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

function sha256(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

function topLevel(c: Component) {
  const imports: { name: string; desc: ExternDesc }[] = [];
  const exports: string[] = [];
  for (const s of c.sections) {
    if (s.id === "import") {
      for (const i of s.imports) imports.push({ name: i.name.name, desc: i.desc });
    }
    if (s.id === "export") { for (const e of s.exports) exports.push(e.name.name); }
  }
  return { imports, exports };
}

function funcSigOf(f: ComponentFunc) {
  return resolveFuncSig(f.type);
}

/** Checks that a provider's item matches what the importer declared. */
function checkLink(
  importer: string,
  provider: string,
  name: string,
  declared: Item,
  given: Item,
): void {
  const mismatch = (what: string) => {
    throw new FuseError(
      "import-type-mismatch",
      `${importer} → ${provider}`,
      `import "${name}" ${what}`,
      "rebuild both components against the same WIT package version",
    );
  };
  if (declared.sort !== given.sort) {
    mismatch(`expects a ${declared.sort}, but ${provider} exports a ${given.sort}`);
  }
  if (declared.sort === "func" && given.sort === "func") {
    const a = funcSigOf(declared.func), b = funcSigOf(given.func);
    if (!sameFuncSig(a, b)) {
      mismatch(`expects ${showFuncSig(a)}, but ${provider} exports ${showFuncSig(b)}`);
    }
  }
  if (declared.sort === "instance" && given.sort === "instance") {
    for (const [fname, item] of declared.instance.exports) {
      const other = given.instance.exports.get(fname);
      if (!other) mismatch(`needs "${fname}", which ${provider}'s "${name}" does not export`);
      if (item.sort === "func" && other!.sort === "func") {
        const a = funcSigOf(item.func), b = funcSigOf(other!.func);
        if (!sameFuncSig(a, b)) {
          mismatch(
            `needs ${fname}: ${showFuncSig(a)}, but ${provider} exports ${fname}: ${
              showFuncSig(b)
            }`,
          );
        }
      }
    }
  }
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

/** A fuser bug as a typed error: what broke, and the inputs' hashes for the report. */
function internalFault(components: NamedComponent[], e: unknown): FuseError {
  const what = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
  return new FuseError(
    "internal",
    components.map((c) => c.name).join(", "),
    `internal error (a Dissolve bug, not a problem with your input): ${what}`,
    `report it with the inputs' sha256: ${
      components.map((c) => `${c.name} ${sha256(c.bytes)}`).join(", ")
    }`,
    { cause: e },
  );
}

/** V8's reason a module does not validate, or undefined when it does. */
function validationError(bytes: Uint8Array): string | undefined {
  if (WebAssembly.validate(bytes as BufferSource)) return undefined;
  try {
    new WebAssembly.Module(bytes as BufferSource);
  } catch (e) {
    return (e as Error).message.replace(/^WebAssembly\.Module\(\): /, "");
  }
  return "does not validate";
}

/** A core module inside a component that no runtime would accept, named, with why. */
function invalidCoreModule(name: string, problem: string): FuseError {
  return new FuseError(
    "invalid-core-module",
    name,
    `this core module does not validate: ${problem}`,
    "the component carries a core module no runtime would accept: rebuild it, and check " +
      "it with `wasm-tools validate`",
  );
}

/**
 * The fused module does not validate: either an input's core module did not
 * (the input's fault, named), or the merge broke it (a fuser bug).
 */
function invalidOutput(instances: ModuleInstance[], reason: string): FuseError {
  const seen = new Set<ModuleInstance["def"]>();
  for (const inst of instances) {
    if (seen.has(inst.def)) continue;
    seen.add(inst.def);
    let problem: string | undefined;
    try {
      problem = validationError(encodeModule(inst.def.module));
    } catch (e) {
      problem = (e as Error).message;
    }
    if (problem) return invalidCoreModule(inst.def.name, problem);
  }
  return new FuseError(
    "internal",
    instances.map((i) => i.def.name).join(", "),
    `internal error (a Dissolve bug): the fused module does not validate (${reason})`,
    "report it with the inputs (fuse never writes a module that does not validate)",
  );
}

/**
 * Domains must name components of the set, each at most once, under distinct
 * names, and only with the domains strategy.
 */
function checkDomains(
  domains: DomainSpec[],
  components: NamedComponent[],
  strategy: string,
): void {
  if (strategy !== "domains") {
    throw new FuseError(
      "bad-domains",
      "fuse",
      `domains are given, but the memory strategy is "${strategy}"`,
      'use memory "domains" (the default when domains are given), or drop the domains',
    );
  }
  const names = new Set(components.map((c) => c.name));
  const seen = new Map<string, string>();
  const domainNames = new Set<string>();
  for (const d of domains) {
    if (domainNames.has(d.name)) {
      throw new FuseError("bad-domains", `domain ${d.name}`, "is declared twice", "merge the two");
    }
    domainNames.add(d.name);
    for (const c of d.components) {
      if (!names.has(c)) {
        throw new FuseError(
          "bad-domains",
          `domain ${d.name}`,
          `names component "${c}", which is not in the set (${[...names].join(", ")})`,
          "name a component that is fused, or drop it from the domain",
        );
      }
      const other = seen.get(c);
      if (other !== undefined) {
        throw new FuseError(
          "bad-domains",
          `domain ${d.name}`,
          `names component "${c}", which domain ${other} already holds`,
          "put each component in one domain",
        );
      }
      seen.set(c, d.name);
    }
  }
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
  const decoded = components.map(({ name, bytes }) => {
    const model = decodeWasm(bytes);
    if (model.kind !== "component") {
      throw new FuseError(
        "not-a-component",
        name,
        "is a core module, but fuse takes components",
        "make a component first: `wasm-tools component new` (the gale stage does this)",
      );
    }
    return { name, component: model, ...topLevel(model) };
  });
  // Providers: export name -> component.
  const providers = new Map<string, string>();
  for (const d of decoded) {
    for (const e of d.exports) {
      const other = providers.get(e);
      if (other !== undefined && other !== d.name) {
        // Only an error when someone imports it; recorded as ambiguous.
        providers.set(e, `${other}\0${d.name}`);
      } else providers.set(e, d.name);
    }
  }
  const consumed = new Set<string>();
  const deps = new Map<string, string[]>();
  for (const d of decoded) {
    const list: string[] = [];
    for (const imp of d.imports) {
      if (embedder.match(imp.name)) continue;
      const p = providers.get(imp.name);
      if (p === undefined || p === d.name) continue;
      if (p.includes("\0")) {
        const [a, b] = p.split("\0");
        throw new FuseError(
          "ambiguous-provider",
          d.name,
          `import "${imp.name}" is exported by both ${a} and ${b}`,
          "fuse only one provider of each interface",
        );
      }
      list.push(p);
      consumed.add(`${p}\0${imp.name}`);
    }
    deps.set(d.name, list);
  }
  // Topological order (providers first); a cycle is an error naming it.
  const order: typeof decoded = [];
  const state = new Map<string, "visiting" | "done">();
  const byName = new Map(decoded.map((d) => [d.name, d]));
  const visit = (name: string, path: string[]) => {
    if (state.get(name) === "done") return;
    if (state.get(name) === "visiting") {
      throw new FuseError(
        "cycle",
        [...path.slice(path.indexOf(name)), name].join(" → "),
        "components import each other in a cycle",
        "break the cycle: a composition must be acyclic",
      );
    }
    state.set(name, "visiting");
    for (const dep of deps.get(name) ?? []) visit(dep, [...path, name]);
    state.set(name, "done");
    order.push(byName.get(name)!);
  };
  for (const d of decoded) visit(d.name, []);

  const ev = new Evaluator();
  const exportsOf = new Map<string, Map<string, Item>>();
  const hostAllowed = (name: string) =>
    options.hostImports === "*" || (options.hostImports ?? []).includes(name);
  const unresolved: string[] = [];
  let usesEmbedder = false;
  // Top-level components that import the arena allocator (each needs an arena in its domain).
  const arenaUsers = new Set<string>();
  for (const d of order) {
    const exports = ev.instantiate(
      { component: d.component, name: d.name },
      (name, desc, scope) => {
        const field = name;
        const host = ev.hostItem(scope, desc.kind === "instance" ? name : "$root", field, desc);
        if (embedder.match(name)) {
          usesEmbedder = true;
          if (name === ARENA_EXTERN_NAME) arenaUsers.add(d.name);
          return host;
        }
        const p = providers.get(name);
        if (p === undefined || p === d.name) {
          if (!hostAllowed(name)) unresolved.push(`${d.name} imports "${name}"`);
          return host;
        }
        const given = exportsOf.get(p)!.get(name)!;
        checkLink(d.name, p, name, host, given);
        return given;
      },
    );
    exportsOf.set(d.name, exports);
  }
  if (unresolved.length > 0) {
    throw new FuseError(
      "unresolved-import",
      components.map((c) => c.name).join(", "),
      `no component in the set provides these imports:\n    ${unresolved.join("\n    ")}`,
      "add the components that export them, declare them as host imports (--host NAME), or as embedder imports (--passthrough NAME)",
    );
  }
  // Root exports: everything not consumed inside the set.
  const rootExports: RootExport[] = [];
  const seen = new Map<string, string>();
  for (const d of order) {
    for (const [name, item] of exportsOf.get(d.name)!) {
      if (consumed.has(`${d.name}\0${name}`)) continue;
      const add = (exportName: string, func: ComponentFunc) => {
        const prev = seen.get(exportName);
        if (prev) {
          throw new FuseError(
            "duplicate-export",
            `${prev} and ${d.name}`,
            `both export "${exportName}"`,
            "rename one of the exports, or fuse them separately",
          );
        }
        seen.set(exportName, d.name);
        rootExports.push({ name: exportName, func, component: d.name });
      };
      if (item.sort === "func") add(name, item.func);
      else if (item.sort === "instance") {
        for (const [fname, f] of item.instance.exports) {
          if (f.sort === "func") add(`${name}#${fname}`, f.func);
        }
      }
    }
  }

  // One summary per module, shared by its instances: its bodies are walked once.
  const summaries = new Map<ModuleInstance["def"], ModuleInfo>();
  const infos = ev.instances.map((i) => {
    let info = summaries.get(i.def);
    if (!info) summaries.set(i.def, info = moduleInfo(i.def.module));
    return info;
  });
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
  // One default per setting (FUSE_SETTINGS): the pipeline's, the CLI's and this function's.
  const strategy = options.memory ?? (options.domains?.length ? "domains" : FUSE_DEFAULTS.memory);
  if (options.domains?.length) checkDomains(options.domains, components, strategy);
  const plan = planMemory({
    instances: ev.instances,
    infos,
    addressing,
    strategy,
    ...(options.domains ? { domains: options.domains } : {}),
    arenaUsers,
    pack: options.pack ?? FUSE_DEFAULTS.pack,
    // No embedder import, no arena: the memory is then exactly the regions.
    arenaBytes: usesEmbedder ? options.arenaBytes ?? FUSE_DEFAULTS.arenaBytes : 0,
    grows,
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
        },
      }
      : {}),
    shareStack: (options.shareStack ?? FUSE_DEFAULTS.shareStack)
      ? { bytes: options.stackBytes }
      : undefined,
  });
  const merged = new Merger({
    instances: ev.instances,
    infos,
    exports: rootExports,
    embedder,
    memory: plan,
    resources: ev.resources,
  }).run();
  // Encoded into a writer with room to spare, so a core output gets its attestation appended
  // in place (not copied to a second buffer of the module's size).
  if (plan.owners) {
    // Who owns each memory: synth sizes and names them, a trap names the offender.
    merged.module.sections.push({
      id: "custom",
      name: MEMORY_OWNERS_SECTION,
      data: encodeMemoryOwners(plan.owners),
    });
  }
  const writer = new BinaryWriter(0);
  const core = encodeModule(merged.module, writer);
  const invalid = validationError(core);
  if (invalid) throw invalidOutput(ev.instances, invalid);
  const body = options.component ? emitComponent(merged, rootExports, core, ev.resources) : core;
  // Hashed here, not on another thread: this machine's second thread shares the core, and a
  // hash running beside the walk or the validation slowed them by more than it took.
  const outputSha256 = sha256(body);
  const inputs = components.map((c) => ({ name: c.name, sha256: sha256(c.bytes) }));
  const epoch = options.sourceDateEpoch ??
    (Deno.env.get("SOURCE_DATE_EPOCH") ? Number(Deno.env.get("SOURCE_DATE_EPOCH")) : undefined);
  const attestation = {
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
      passthrough: (options.passthrough ?? []).map(String),
      component: !!options.component,
    },
    ...(epoch !== undefined ? { timestamp: new Date(epoch * 1000).toISOString() } : {}),
  };
  const attested = new TextEncoder().encode(JSON.stringify(attestation));
  const out = body === core
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
      imports: merged.imports,
      boundaries: merged.boundaries,
      exports: merged.exportAbi,
      modules: ev.instances.map((i) => ({ name: i.def.name, component: i.component })),
      inputs,
      outputSha256,
    },
  };
}
