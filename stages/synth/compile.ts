/**
 * The compile half of the built-in backend: the fused module → wasm2c's C →
 * the code gcc's LTO generates for it, once per CPU (the same flags give the
 * same code, whatever the board's memory map). Each board then only links
 * that code with its own linker script (`firmware.ts`).
 *
 * The LTO link here runs against a roomy memory map and its image is thrown
 * away; what is kept is each LTO partition's code (`-save-temps=obj`:
 * `firmware.elf.ltransN.ltrans.s`) and its frames and calls
 * (`-fcallgraph-info=su`: the native stack bound's input). Code does not
 * depend on where it is linked: addresses are resolved by the link.
 *
 * @module
 */
import { decodeWasm, encodeWasm } from "../../wasm/mod.ts";
import { type CoreModule, debugInfoOf } from "../../wasm/module/mod.ts";
import type { Arch, Board, StageContext, ToolVersion } from "../types.ts";
import { run, toolVersion } from "../exec.ts";
import { type Isa, ISAS } from "./isa.ts";
import { type EntryResult, mainSource } from "./entry.ts";
import { tuneWasm2c } from "./wasm2c_tune.ts";
import { memoriesSource, multiMemorySource } from "./memories.ts";
import {
  type MemoryLayout,
  memoryLayout,
  type ModuleFacts,
  moduleFacts,
  withoutLinkingSections,
} from "./facts.ts";
import { linkerScript } from "./linker.ts";
import { ltransAssembly } from "./link.ts";
import {
  applyLineDirectives,
  DEBUG_CFLAGS,
  debugSymbols,
  debugVariablesSource,
  instrumentLines,
} from "./debug_lines.ts";

/** The BSP's folder (`bsp/`): startup, semihosting console, newlib / picolibc calls, runtime. */
export const BSP = new URL("./bsp/", import.meta.url).pathname;
/** The BSP's sources for a board's ISA: its startup, then what every ISA shares. */
export const bspSources = (isa: Isa) => [
  isa.startup,
  "semihost.c",
  "syscalls.c",
  "wasm_rt_baremetal.c",
];
const WASM_RT_HEADER = "/usr/include/wasm-rt.h";
/** The module's name in wasm2c's output (`w2c_firmware_…`) and its files. */
export const MODULE_NAME = "firmware";

/** What the compile depends on: the CPU's flags and the firmware's entry, nothing of the board. */
export interface CompileSpec {
  arch: Arch;
  /** The board's CPU flags (`-mcpu=cortex-m3 -mthumb`, `-march=rv32imac -mabi=ilp32`). */
  cflags: string[];
  /** The root export the firmware calls. */
  entry: string;
  entryResult?: EntryResult;
  optLevel?: string;
  /** Paint the stacks and report their high-water marks at exit. */
  measureStack?: boolean;
  /** Line information and variables from the module's `dissolve.debug` into the ELF. */
  debug?: boolean;
}

/** The code LTO generated, ready to be linked for any board with the same CPU flags. */
export interface CompiledFirmware {
  /** Each LTO partition's assembly, in link order. */
  partitions: { name: string; text: string }[];
  /** Each partition's `-fcallgraph-info=su` graph (frames and calls). */
  callgraph: string[];
  /** A debug build's generated C (firmware.c, main.c, …), for the debugger's source path. */
  sources?: { name: string; text: string }[];
}

/**
 * Checks that the module can be firmware: it exports the entry, and (for an
 * ELF, which binds only the arena) imports nothing else.
 *
 * @example
 * ```ts
 * import { checkFirmwareModule } from "./compile.ts";
 * import { moduleFacts } from "./facts.ts";
 * import { decodeWasm } from "../../wasm/mod.ts";
 * import type { CoreModule } from "../../wasm/module/model.ts";
 * const m = decodeWasm(await Deno.readFile("build/hello/optimized.wasm")) as CoreModule;
 * checkFirmwareModule(moduleFacts(m), "greet", true);
 * ```
 */
export function checkFirmwareModule(
  facts: ReturnType<typeof moduleFacts>,
  entry: string,
  elf: boolean,
): void {
  if (!facts.exports.has(entry)) {
    throw new Error(
      `synth: the module has no export "${entry}" (exports: ${[...facts.exports].join(", ")})`,
    );
  }
  const unsupported = facts.imports.filter((i) => i !== "env::__cabi_arena_realloc");
  if (elf && unsupported.length > 0) {
    throw new Error(
      `synth: the built-in backend binds only env::__cabi_arena_realloc, but the module also imports ${
        unsupported.join(", ")
      }; provide those in the composition, build only an object for your own image ` +
        `([synth] output = ["object"]), or use an external synth`,
    );
  }
}

/**
 * Writes the module's C into `dir` (wasm2c's output, tuned; the memories'
 * arrays when there are several) and returns the flags that compile it.
 *
 * @example
 * ```ts ignore
 * import { firmwareSources } from "./compile.ts";
 * const src = await firmwareSources(dir, bytes, model, ["-mcpu=cortex-m3", "-mthumb"], "Os");
 * console.log(src.cflags, src.extraSources);
 * ```
 */
export async function firmwareSources(
  dir: string,
  module: Uint8Array,
  model: CoreModule,
  cpuFlags: string[],
  optLevel = "Os",
  facts: ModuleFacts = moduleFacts(model),
  debug = false,
): Promise<{ cflags: string[]; extraSources: string[]; layout: MemoryLayout }> {
  const name = MODULE_NAME;
  await Deno.mkdir(`${dir}/include`, { recursive: true });
  // A debug build: wasm2c reads the module with a line marker where each source line starts.
  const info = debug ? debugInfoOf(model) : undefined;
  const lines = info && instrumentLines(model, info);
  await Deno.writeFile(
    `${dir}/${name}.wasm`,
    lines
      ? withoutLinkingSections(encodeWasm(lines.module), lines.module)
      : withoutLinkingSections(module, model),
  );
  await Deno.copyFile(WASM_RT_HEADER, `${dir}/include/wasm-rt.h`);
  const layout = memoryLayout(model, facts);
  const { memories } = layout;
  const multi = memories.length > 0 ? ["--enable-multi-memory"] : [];
  await run(["wasm2c", ...multi, `${name}.wasm`, "-n", name, "-o", `${name}.c`], {
    stage: "synth",
    cwd: dir,
  });
  const tuned = tuneWasm2c(await Deno.readTextFile(`${dir}/${name}.c`));
  const source = memories.length > 0 ? multiMemorySource(tuned.source, memories) : tuned.source;
  await Deno.writeTextFile(
    `${dir}/${name}.c`,
    lines ? applyLineDirectives(source, `${name}.c`, lines.marks) : source,
  );
  if (memories.length > 0) await Deno.writeTextFile(`${dir}/memories.c`, memoriesSource(memories));
  const extraSources = memories.length > 0 ? ["memories.c"] : [];
  if (info) {
    await Deno.writeTextFile(
      `${dir}/debug_vars.c`,
      debugVariablesSource(debugSymbols(info.variables)),
    );
    extraSources.push("debug_vars.c");
  }
  const cflags = [
    ...cpuFlags,
    // A debug build is compiled for the debugger: -Og keeps statements where the lines say.
    debug ? "-Og" : `-${optLevel}`,
    "-ffunction-sections",
    "-fdata-sections",
    "-fno-common",
    "-Iinclude",
    `-I${BSP}`,
    "-DNDEBUG",
    "-DWASM_RT_MEMCHECK_SIGNAL_HANDLER=0",
    "-DWASM_RT_USE_STACK_DEPTH_COUNT=0",
    `-DDISSOLVE_MEMORY_BYTES=${layout.memoryBytes}`,
    `-DDISSOLVE_TABLE_SLOTS=${Math.max(1, facts.tableSlots)}`,
    ...(memories.length > 0 ? [`-DDISSOLVE_MEMORIES=${memories.length}`] : []),
    `-ffile-prefix-map=${BSP}=bsp/`,
    `-ffile-prefix-map=${dir}/=`,
    ...(debug ? DEBUG_CFLAGS : []),
  ];
  return { cflags, extraSources, layout };
}

/** The tools a compile runs, with their versions (for the manifest). */
export async function compileTools(isa: Isa): Promise<ToolVersion[]> {
  return [
    { name: "wasm2c", version: await toolVersion("wasm2c") },
    { name: isa.gcc, version: await toolVersion(isa.gcc) },
  ];
}

/** Room enough for any firmware: the compile's own link only has to succeed. */
const ROOMY = 64 * 1024 * 1024;

/**
 * Compiles the module for one CPU: wasm2c, the generated `main.c`, the BSP,
 * and gcc's LTO over all of them; returns each partition's code and call
 * graph.
 *
 * @example
 * ```ts ignore
 * import { compileFirmware } from "./compile.ts";
 * const compiled = await compileFirmware(await Deno.readFile("build/hello/optimized.wasm"),
 *   { arch: "arm", cflags: ["-mcpu=cortex-m3", "-mthumb"], entry: "greet" },
 *   { scratchDir: await Deno.makeTempDir(), baseDir: ".", log: console.log });
 * console.log(compiled.partitions.length);
 * ```
 */
export async function compileFirmware(
  module: Uint8Array,
  spec: CompileSpec,
  ctx: StageContext,
): Promise<CompiledFirmware> {
  const isa = ISAS[spec.arch];
  const model = decodeWasm(module) as CoreModule;
  const facts = moduleFacts(model);
  checkFirmwareModule(facts, spec.entry, true);
  const dir = ctx.scratchDir;
  const name = MODULE_NAME;
  const { cflags, extraSources } = await firmwareSources(
    dir,
    module,
    model,
    spec.cflags,
    spec.optLevel,
    facts,
    spec.debug,
  );
  await Deno.writeTextFile(
    `${dir}/main.c`,
    mainSource({
      module: name,
      entry: spec.entry,
      result: spec.entryResult ?? "string",
      postReturn: facts.exports.has(`cabi_post_${spec.entry}`),
      arena: facts.imports.includes("env::__cabi_arena_realloc"),
      arenaBounds: facts.exports.has("__dissolve_arena_base"),
      stackBounds: facts.exports.has("__dissolve_stack_base"),
    }),
  );
  const roomy: Board = {
    name: "compile",
    arch: spec.arch,
    cpu: "any",
    cflags: spec.cflags,
    flash: { origin: 0, size: ROOMY },
    ram: { origin: 0x10000000, size: ROOMY },
  };
  await Deno.writeTextFile(`${dir}/compile.ld`, linkerScript(roomy, 8));
  const sources = [
    "main.c",
    `${name}.c`,
    ...extraSources,
    ...bspSources(isa).map((f) => `${BSP}${f}`),
  ];
  if (spec.debug) {
    const compiled = await compileEach(dir, isa, [...cflags, ...stackReport(spec)], sources);
    const generated = sources.filter((f) => !f.startsWith(BSP));
    const texts = await Promise.all(generated.map((f) => Deno.readTextFile(`${dir}/${f}`)));
    return { ...compiled, sources: generated.map((name, i) => ({ name, text: texts[i] })) };
  }
  await run([
    isa.gcc,
    ...cflags,
    "-flto",
    // Each LTO partition's frames and calls (firmware.elf.ltransN.ltrans.ci): the stack bound's input.
    "-fcallgraph-info=su",
    // Keeps each partition's code (firmware.elf.ltransN.ltrans.s): what every board links.
    "-save-temps=obj",
    ...stackReport(spec),
    "-nostartfiles",
    ...isa.libcFlags,
    "-Wl,--gc-sections",
    "-Wl,--build-id=none",
    "-Tcompile.ld",
    "-o",
    `${name}.elf`,
    ...sources,
    "-lm",
  ], { stage: "synth", cwd: dir });
  const partitions = await Promise.all(
    (await ltransAssembly(dir, `${name}.elf`)).map(async (file) => ({
      name: file,
      text: await Deno.readTextFile(`${dir}/${file}`),
    })),
  );
  const callgraph: string[] = [];
  for (const p of partitions) {
    callgraph.push(await Deno.readTextFile(`${dir}/${p.name.replace(/\.s$/, ".ci")}`));
  }
  return { partitions, callgraph };
}

/** Whether the firmware paints its stacks and reports their high-water marks. */
const stackReport = (spec: CompileSpec) => [`-DDISSOLVE_STACK_REPORT=${spec.measureStack ? 1 : 0}`];

/**
 * A debug build's compile: each source to assembly on its own, without LTO
 * (LTO's DWARF refers to the compile's own objects, which a board's link
 * does not have). Each file's code is a partition, linked as LTO's are.
 */
async function compileEach(
  dir: string,
  isa: Isa,
  cflags: string[],
  sources: string[],
): Promise<CompiledFirmware> {
  const partitions: CompiledFirmware["partitions"] = [];
  const callgraph: string[] = [];
  for (const [i, source] of sources.entries()) {
    const out = `part${i}.s`;
    await run([
      isa.gcc,
      ...cflags,
      ...isa.libcCompileFlags,
      "-fcallgraph-info=su",
      "-S",
      "-o",
      out,
      source,
    ], { stage: "synth", cwd: dir });
    partitions.push({ name: out, text: await Deno.readTextFile(`${dir}/${out}`) });
    callgraph.push(await Deno.readTextFile(`${dir}/part${i}.ci`));
  }
  return { partitions, callgraph };
}
