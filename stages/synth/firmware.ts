/**
 * The synth stage's backends: a fused core module → a Cortex-M or RV32 ELF
 * for one board (and / or an object for your own image).
 *
 * `synth compile` when the pipeline names it (`backend = "synth"`);
 * otherwise the built-in backend: `compile.ts` compiles the module once per
 * CPU (wasm2c, then the board's GNU cross compiler with LTO: arm-none-eabi-gcc
 * with newlib-nano, riscv64-unknown-elf-gcc with picolibc; `isa.ts`) with
 * Dissolve's board support package (`bsp/`: startup, semihosting console,
 * a bare-metal wasm2c runtime whose linear memory is a static buffer of the
 * module's used extent, not whole 64 KiB pages) and a generated `main.c`
 * that binds the arena import and calls the entry export; `linkFirmware`
 * links that code for one board with its linker script, the native stack
 * sized to its proven bound.
 *
 * @module
 */
import { decodeWasm } from "../../wasm/mod.ts";
import { type CoreModule, debugInfoOf } from "../../wasm/module/mod.ts";
import type { Board, SizeReport, StageContext, ToolVersion } from "../types.ts";
import { run, toolVersion } from "../exec.ts";
import { boardNamed } from "./boards.ts";
import { isaOf } from "./isa.ts";
import { linkOrExplain } from "./link.ts";
import type { Values } from "../settings.ts";
import type { SYNTH_SETTINGS } from "./settings.ts";
import { sizeBreakdown } from "./size_breakdown.ts";
import { checkElf } from "../gates/elf.ts";
import { GateError } from "../gates/gate_error.ts";
import { sizeReport } from "./size_report.ts";
import { compileObject, objectSources } from "./object.ts";
import { type ElfFile, parseElf, SHF_ALLOC, SHT_NOBITS } from "./elf.ts";
import { describeBound, nativeStackBound, type StackBound } from "./stack_bound.ts";
import { initialValue, shadowStackBound, shadowStackBounds } from "../../wasm/module/mod.ts";
import { type FlashableFormat, flashableImages, loadableBytes } from "./flashable.ts";
import { memoryLayout, moduleFacts } from "./facts.ts";
import {
  BSP,
  checkFirmwareModule,
  type CompiledFirmware,
  compileFirmware,
  compileTools,
  firmwareSources,
  MODULE_NAME,
} from "./compile.ts";
import { debugDefsyms, debugSymbols } from "./debug_lines.ts";

/**
 * What synth needs to know: `[synth]`'s settings (`settings.ts`; all optional here, with their
 * defaults), for one board, with the built-in or external backend resolved.
 */
export type SynthSpec =
  & Partial<Omit<Values<typeof SYNTH_SETTINGS>, "board" | "boards" | "backend" | "entry">>
  & {
    backend: "builtin" | "synth";
    board: string;
    /** The profile of a board the pipeline file declares (a built-in board is looked up by name). */
    boardSpec?: Board;
    /** The root export the firmware calls. */
    entry: string;
    /** The pipeline's name, for the generated header's comment. */
    pipeline?: string;
    /** Line information and variables from the module's `dissolve.debug` into the ELF. */
    debug?: boolean;
  };

/** What synth can make: the ELF, an object for your own image, the ELF's flashable images. */
export type SynthOutputKind = "elf" | "object" | FlashableFormat;

/** The ELF (and / or object) and what it took to make it. */
export interface SynthOutput {
  /** The standalone image (when `elf` was asked for). */
  elf?: Uint8Array;
  /** Its flashable images (when `bin` / `hex` were asked for). */
  flashable?: Partial<Record<FlashableFormat, Uint8Array>>;
  /**
   * The relocatable object and its header (when `object` was asked for), and the symbols it may
   * leave undefined (what firmware.h says the image provides: the seam gate's list).
   */
  object?: { object: Uint8Array; header: string; seam: string[] };
  sizeReport: SizeReport;
  tools: ToolVersion[];
  backend: string;
}

/** Native stack when the pipeline names none and it has no bound: recursion, a dynamic frame. */
export const DEFAULT_STACK_BYTES = 1024;

async function externalSynth(
  module: Uint8Array,
  spec: SynthSpec,
  ctx: StageContext,
): Promise<SynthOutput> {
  const board = spec.boardSpec ?? boardNamed(spec.board);
  const input = `${ctx.scratchDir}/module.wasm`, output = `${ctx.scratchDir}/firmware.elf`;
  await Deno.writeFile(input, module);
  const argv = (spec.command ?? ["synth", "compile", "{in}", "-o", "{out}", "--board", "{board}"])
    .map((
      a,
    ) => a.replace("{in}", input).replace("{out}", output).replace("{board}", board.name));
  await run(argv, { stage: "synth", cwd: ctx.scratchDir });
  const elf = await Deno.readFile(output);
  // Another tool's output: checked before its sizes are read (the stage's gate checks it again).
  const parsed = checkElf(elf, "firmware.elf", board);
  return {
    elf,
    sizeReport: sizeReport(parsed, board, spec.stackBytes ?? DEFAULT_STACK_BYTES),
    tools: [{ name: argv[0], version: await toolVersion(argv[0]) }],
    backend: "synth",
  };
}

/**
 * Compiles `module` into an ELF for `spec.board` (compile, then link), and /
 * or an object for your own image.
 *
 * @example
 * ```ts
 * import { synth } from "./firmware.ts";
 * const module = await Deno.readFile("build/hello/optimized.wasm");
 * const out = await synth(module, { backend: "builtin", board: "lm3s6965evb", entry: "greet" },
 *   { scratchDir: await Deno.makeTempDir(), baseDir: ".", log: console.log });
 * console.log(out.sizeReport);
 * ```
 */
export async function synth(
  module: Uint8Array,
  spec: SynthSpec,
  ctx: StageContext,
): Promise<SynthOutput> {
  if (spec.backend === "synth") return await externalSynth(module, spec, ctx);
  if (!(spec.output ?? ["elf"]).includes("elf")) return await buildObject(module, spec, ctx);
  const board = spec.boardSpec ?? boardNamed(spec.board);
  const compileDir = `${ctx.scratchDir}/compile`;
  await Deno.mkdir(compileDir, { recursive: true });
  const compiled = await compileFirmware(module, {
    arch: board.arch,
    cflags: board.cflags,
    entry: spec.entry,
    entryResult: spec.entryResult,
    optLevel: spec.optLevel,
    measureStack: spec.measureStack,
    ...(spec.debug ? { debug: true } : {}),
  }, { ...ctx, scratchDir: compileDir });
  return await linkFirmware(module, compiled, spec, ctx);
}

/**
 * The object for your own image (`[synth] output = ["object"]`): the module's
 * C, its runtime and a C API, compiled without LTO (your toolchain links it)
 * into one relocatable `firmware.o`, with `firmware.h`.
 *
 * @example
 * ```ts ignore
 * import { buildObject } from "./firmware.ts";
 * const out = await buildObject(module, { backend: "builtin", board: "lm3s6965evb",
 *   entry: "greet", output: ["object"] }, ctx);
 * console.log(out.object?.header);
 * ```
 */
export async function buildObject(
  module: Uint8Array,
  spec: SynthSpec,
  ctx: StageContext,
): Promise<SynthOutput & { object: NonNullable<SynthOutput["object"]> }> {
  const board = spec.boardSpec ?? boardNamed(spec.board);
  const isa = isaOf(board);
  const model = decodeWasm(module) as CoreModule;
  const facts = moduleFacts(model);
  checkFirmwareModule(facts, spec.entry, false);
  const dir = ctx.scratchDir;
  const { cflags, extraSources } = await firmwareSources(
    dir,
    module,
    model,
    board.cflags,
    spec.optLevel,
    facts,
    spec.debug,
  );
  const sources = objectSources(model, MODULE_NAME, spec.pipeline ?? "firmware");
  await Deno.writeTextFile(`${dir}/api.c`, sources.api);
  const bytes = await compileObject(dir, isa.gcc, [
    ...cflags,
    ...isa.libcCompileFlags,
    "-DDISSOLVE_TRAP_HOOK=1",
    // Lines, but not the variables' symbols: those are placed by a link, and yours links this.
  ], [
    `${MODULE_NAME}.c`,
    "api.c",
    ...extraSources.filter((f) => f !== "debug_vars.c"),
    `${BSP}wasm_rt_baremetal.c`,
  ]);
  return {
    // The stage's gate checks the seam (`gates/seam.ts`).
    object: { object: bytes, header: sources.header, seam: sources.seam },
    sizeReport: objectSizeReport(parseElf(bytes), board),
    tools: await compileTools(isa),
    backend: "builtin",
  };
}

/**
 * Links the code `compileFirmware` made for this board's CPU with the
 * board's linker script: the native stack is `spec.stackBytes`, or exactly
 * its proven bound (linked once to measure, once more sized: ld alone, the
 * code does not change). Gates the RAM, the stacks' bounds, and makes the
 * size report and the flashable images; with `object` among the outputs,
 * builds the object too.
 *
 * @example
 * ```ts ignore
 * import { linkFirmware } from "./firmware.ts";
 * const out = await linkFirmware(module, compiled, { backend: "builtin", board: "microbit",
 *   entry: "greet" }, ctx);
 * console.log(out.sizeReport.stack);
 * ```
 */
export async function linkFirmware(
  module: Uint8Array,
  compiled: CompiledFirmware,
  spec: SynthSpec,
  ctx: StageContext,
): Promise<SynthOutput> {
  const board = spec.boardSpec ?? boardNamed(spec.board);
  const isa = isaOf(board);
  const model = decodeWasm(module) as CoreModule;
  const facts = moduleFacts(model);
  const { sizeReaders, allMemoryBytes } = memoryLayout(model, facts);
  if (sizeReaders.length > 0 && allMemoryBytes >= board.ram.size) {
    throw new GateError(
      "synth",
      "firmware.elf",
      `a module that fits ${board.name}'s ${board.ram.size} B of RAM`,
      `memory.size in ${sizeReaders.join(", ")}: it reports whole 64 KiB pages, so the ` +
        `firmware must back all ${allMemoryBytes / 65536} declared page(s) (${allMemoryBytes} B)`,
      "size the heap from __heap_base or a constant instead of memory.size, or pick a board " +
        "with more RAM",
    );
  }
  const outputs = spec.output ?? ["elf"];
  const object = outputs.includes("object")
    ? (await buildObject(module, spec, { ...ctx, scratchDir: await objectDir(ctx) })).object
    : undefined;
  const dir = ctx.scratchDir;
  const name = MODULE_NAME;
  for (const p of compiled.partitions) await Deno.writeTextFile(`${dir}/${p.name}`, p.text);
  // A debug build: each component variable's symbol, at its place in its memory's array.
  const debug = spec.debug ? debugInfoOf(model) : undefined;
  const defsyms = debug ? debugDefsyms(debugSymbols(debug.variables)) : [];
  const round8 = (n: number) => Math.ceil(n / 8) * 8;
  const plan = {
    dir,
    board,
    memoryBytes: allMemoryBytes,
    arenaBytes: facts.arenaBytes,
    output: `${name}.elf`,
  };
  // `-lc` before the default libraries: the LTO link pulled libc's members (memcpy, memset) in
  // its first pass, ahead of libgcc's, and this keeps that order, so the image is the same.
  const link = (stackBytes: number) =>
    linkOrExplain((ld) => [
      isa.gcc,
      ...board.cflags,
      "-nostartfiles",
      ...isa.libcFlags,
      "-Wl,--gc-sections",
      "-Wl,--build-id=none",
      `-Wl,-Map=${name}.map`,
      `-T${ld}`,
      "-o",
      `${name}.elf`,
      ...compiled.partitions.map((p) => p.name),
      "-lm",
      "-lc",
      ...defsyms,
    ], { ...plan, stackBytes });
  const bound = async () => {
    const bytes = await Deno.readFile(`${dir}/${name}.elf`);
    return { bytes, native: nativeStackBound(compiled.callgraph, bytes, parseElf(bytes)) };
  };
  // The code does not depend on the stack's size, only the layout does: a first link with the
  // smallest stack gives the bound, and a stack of exactly the bound is linked next.
  let stackBytes = round8(spec.stackBytes ?? 8);
  await link(stackBytes);
  let linked = await bound();
  if (spec.stackBytes === undefined) {
    const sized = linked.native.unbounded
      ? DEFAULT_STACK_BYTES
      : round8(Math.max(8, linked.native.bytes));
    if (sized !== stackBytes) {
      stackBytes = sized;
      await link(stackBytes);
      linked = await bound();
    }
  }
  const wasmBound = shadowStackBound(model);
  // A module that never lowers a stack pointer has no shadow stack to bound.
  const wasm = wasmBound.chain.length > 0 || wasmBound.unbounded ? wasmBound : undefined;
  enforceStackBounds(linked.native, stackBytes, wasm, facts.sharedStackBytes);
  // Several memories (isolation domains): each domain's stack against its own top.
  if (facts.sharedStackBytes === 0) enforceDomainStacks(model);
  const elf = linked.bytes;
  // Our own link's output; the stage's gate checks it (`gates/elf.ts`).
  const parsed = parseElf(elf);
  const formats = outputs.filter((o): o is FlashableFormat => o === "bin" || o === "hex");
  const flashable = await flashableImages(dir, isa, `${name}.elf`, formats);
  const breakdown = sizeBreakdown(await Deno.readTextFile(`${dir}/${name}.map`), model, {
    memoryBytes: allMemoryBytes,
    arenaBytes: facts.arenaBytes,
    sharedStackBytes: facts.sharedStackBytes,
    schedulerBytes: facts.schedulerBytes,
  });
  return {
    elf,
    ...(formats.length > 0 ? { flashable } : {}),
    sizeReport: {
      ...sizeReport(parsed, board, stackBytes),
      ...(formats.length > 0
        ? {
          flashable: formats.map((f) => ({
            file: `${name}.${f}`,
            bytes: flashable[f]!.length,
            // The lowest load address: where the .bin goes (the vector table, at the flash origin).
            origin: loadableBytes(elf, parsed)[0]?.addr ?? board.flash.origin,
          })),
        }
        : {}),
      stackBounds: { native: linked.native, ...(wasm ? { wasm } : {}) },
      breakdown: { ...breakdown, ram: { "native stack": stackBytes, ...breakdown.ram } },
    },
    ...(object ? { object } : {}),
    tools: await compileTools(isa),
    backend: "builtin",
  };
}

/** A folder of its own for the object's build, beside the link's. */
async function objectDir(ctx: StageContext): Promise<string> {
  const dir = `${ctx.scratchDir}/object`;
  await Deno.mkdir(dir, { recursive: true });
  return dir;
}

/**
 * Fails the build when a stack's proven bound exceeds the room it has: the
 * native stack's `stack-bytes`, the shared wasm stack fuse laid out. Names the
 * deepest chain and the size to set. An unbounded stack (recursion, a dynamic
 * frame) cannot be checked here: the report says why, and the run measures it.
 *
 * @example
 * ```ts
 * import { enforceStackBounds } from "./firmware.ts";
 * enforceStackBounds({ bytes: 200, chain: ["dissolve_reset", "w2c_run"] }, 512, undefined, 0); // fits
 * try {
 *   enforceStackBounds({ bytes: 600, chain: ["dissolve_reset", "w2c_run"] }, 512, undefined, 0);
 * } catch (e) {
 *   console.log((e as Error).message); // … set [synth] stack-bytes = 600 or more …
 * }
 * ```
 */
export function enforceStackBounds(
  native: StackBound,
  stackBytes: number,
  wasm: StackBound | undefined,
  wasmStackBytes: number,
): void {
  if (!native.unbounded && native.bytes > stackBytes) {
    throw new GateError(
      "synth",
      "firmware.elf",
      `a native stack of at most ${stackBytes} B ([synth] stack-bytes)`,
      `a call chain that needs ${native.bytes} B: ${native.chain.join(" → ")}`,
      `set [synth] stack-bytes = ${Math.ceil(native.bytes / 8) * 8} or more, or leave it unset ` +
        "(synth then sizes the stack from this bound)",
    );
  }
  if (wasm && !wasm.unbounded && wasmStackBytes > 0 && wasm.bytes > wasmStackBytes) {
    throw new GateError(
      "synth",
      "firmware.elf",
      `a wasm shadow stack of at most ${wasmStackBytes} B (the stack fuse laid out)`,
      `a call chain that needs ${wasm.bytes} B: ${wasm.chain.join(" → ")}`,
      // The schema's floor for [fuse] stack-bytes is 64.
      `set [fuse] stack-bytes = ${Math.max(64, Math.ceil(wasm.bytes / 16) * 16)} or more`,
    );
  }
}

/**
 * Each shadow stack of a module with several (one per isolation domain)
 * within its memory: its stack grows down from its pointer's start (the
 * domain's stack top) and may not pass the bottom of its memory.
 *
 * @example
 * ```ts ignore
 * import { enforceDomainStacks } from "./firmware.ts";
 * enforceDomainStacks(model); // throws a GateError naming the chain that does not fit
 * ```
 */
export function enforceDomainStacks(model: CoreModule): void {
  for (const [global, b] of shadowStackBounds(model)) {
    const top = initialValue(model, global);
    if (b.unbounded || b.chain.length === 0 || top === undefined || b.bytes <= top) continue;
    throw new GateError(
      "synth",
      "firmware.elf",
      `a wasm shadow stack of at most ${top} B (the stack fuse laid out for one domain: its ` +
        `pointer, global ${global}, starts at ${top})`,
      `a call chain that needs ${b.bytes} B: ${b.chain.join(" → ")}`,
      `set that [[domain]]'s stack-bytes = ${Math.ceil(b.bytes / 16) * 16} or more (or leave ` +
        "it and [fuse] stack-bytes unset: fuse then sizes the stacks from their bounds)",
    );
  }
}

/**
 * The stack bounds as the synth stage line says them: `native ≤ 312 B, wasm ≤ 128 B`.
 *
 * @example
 * ```ts
 * import { describeStackBounds } from "./firmware.ts";
 * console.log(describeStackBounds({ native: { bytes: 312, chain: [] }, wasm: { bytes: 128, chain: [] } }));
 * ```
 */
export function describeStackBounds(b: SizeReport["stackBounds"]): string {
  if (!b) return "";
  return `native ${describeBound(b.native)}` + (b.wasm ? `, wasm ${describeBound(b.wasm)}` : "");
}

/** Text / data / bss of a relocatable object: what it will add to the image it is linked into. */
function objectSizeReport(elf: ElfFile, board: Board): SizeReport {
  let text = 0, data = 0, bss = 0;
  for (const s of elf.sections) {
    if (!(s.flags & SHF_ALLOC)) continue;
    if (s.type === SHT_NOBITS) bss += s.size;
    else if (s.flags & 0x1) data += s.size; // SHF_WRITE
    else text += s.size;
  }
  return {
    text,
    data,
    bss,
    stack: 0,
    flashUsed: text + data,
    flashTotal: board.flash.size,
    ramUsed: data + bss,
    ramTotal: board.ram.size,
  };
}
