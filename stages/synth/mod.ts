/**
 * The synth stage: a fused core module → a Cortex-M or RV32 ELF.
 *
 * `synth compile` when the pipeline names it (`backend = "synth"`); otherwise
 * the built-in backend: wasm2c, then the board's GNU cross compiler
 * (arm-none-eabi-gcc, riscv64-unknown-elf-gcc; `isa.ts`) with Dissolve's
 * board support package (`bsp/`: startup, semihosting console, newlib
 * system calls, a bare-metal wasm2c runtime whose linear memory is a static
 * buffer of the module's used extent, not whole 64 KiB pages), a generated
 * `main.c` that binds the arena import and calls the entry export, and a
 * linker script per board.
 *
 * @module
 */
import { decodeWasm, encodeWasm } from "../../wasm/mod.ts";
import type { CoreModule } from "../../wasm/module/model.ts";
import { constI32 } from "../../wasm/module/const_expr.ts";
import type { Board, SizeReport, StageContext, ToolVersion } from "../types.ts";
import { run, toolVersion } from "../exec.ts";
import { boardNamed } from "./boards.ts";
import { type Isa, isaOf } from "./isa.ts";
import { linkOrExplain, ltransAssembly } from "./link.ts";
import { type EntryResult, mainSource } from "./entry.ts";
import { tuneWasm2c } from "./wasm2c_tune.ts";
import { sizeBreakdown } from "./size_breakdown.ts";
import { checkElf } from "../gates/elf.ts";
import { sizeReport } from "./size_report.ts";
import { compileObject, objectSources } from "./object.ts";
import { type ElfFile, parseElf, SHF_ALLOC, SHT_NOBITS } from "./elf.ts";
import { describeBound, nativeStackBound, type StackBound } from "./stack_bound.ts";
import { shadowStackBound } from "../../wasm/module/shadow_stack.ts";
import { memorySizeUsers } from "./memory_size.ts";
import { firmwareMemories, memoriesSource, multiMemorySource } from "./memories.ts";
import { GateError } from "../gates/gate_error.ts";
import { type FlashableFormat, flashableImages, loadableBytes } from "./flashable.ts";

/** What synth needs to know. */
export interface SynthSpec {
  backend: "builtin" | "synth";
  board: string;
  /** The profile of a board the pipeline file declares (a built-in board is looked up by name). */
  boardSpec?: Board;
  /** The root export the firmware calls. */
  entry: string;
  /** What the entry returns (default "string"). */
  entryResult?: EntryResult;
  optLevel?: string;
  /**
   * Bytes of RAM reserved for the native stack. Unset: the stack is sized from its proven bound
   * (or {@linkcode DEFAULT_STACK_BYTES} when there is none: recursion, a dynamic frame).
   */
  stackBytes?: number;
  /** Paint the stacks and report their high-water marks at exit (default false). */
  measureStack?: boolean;
  /** An explicit `synth compile` command line (argv; `{in}` / `{out}` / `{board}` placeholders). */
  synthCommand?: string[];
  /**
   * What to make: the standalone `elf` (default) and / or an `object` for your own image, and
   * beside the ELF its flashable `bin` / `hex`.
   */
  outputs?: SynthOutputKind[];
  /** The pipeline's name, for the generated header's comment. */
  pipeline?: string;
}

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

const BSP = new URL("./bsp/", import.meta.url).pathname;
/** The BSP's sources for a board's ISA: its startup, then what every ISA shares. */
const bspSources = (isa: Isa) => [isa.startup, "semihost.c", "syscalls.c", "wasm_rt_baremetal.c"];
/** Native stack when the pipeline names none: wasm2c code keeps locals in registers and frames. */
export const DEFAULT_STACK_BYTES = 1024;
const WASM_RT_HEADER = "/usr/include/wasm-rt.h";

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

async function externalSynth(
  module: Uint8Array,
  spec: SynthSpec,
  ctx: StageContext,
): Promise<SynthOutput> {
  const board = spec.boardSpec ?? boardNamed(spec.board);
  const input = `${ctx.scratchDir}/module.wasm`, output = `${ctx.scratchDir}/firmware.elf`;
  await Deno.writeFile(input, module);
  const argv =
    (spec.synthCommand ?? ["synth", "compile", "{in}", "-o", "{out}", "--board", "{board}"]).map((
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
 * Compiles `module` into an ELF for `spec.board`.
 *
 * @example
 * ```ts
 * import { synth } from "./mod.ts";
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
  if (spec.backend === "synth") {
    return await externalSynth(module, spec, ctx);
  }
  const board = spec.boardSpec ?? boardNamed(spec.board);
  const isa = isaOf(board);
  const model = decodeWasm(module) as CoreModule;
  const facts = moduleFacts(model);
  if (!facts.exports.has(spec.entry)) {
    throw new Error(
      `synth: the module has no export "${spec.entry}" (exports: ${[...facts.exports].join(", ")})`,
    );
  }
  const outputs = spec.outputs ?? ["elf"];
  const unsupported = facts.imports.filter((i) => i !== "env::__cabi_arena_realloc");
  if (outputs.includes("elf") && unsupported.length > 0) {
    throw new Error(
      `synth: the built-in backend binds only env::__cabi_arena_realloc, but the module also imports ${
        unsupported.join(", ")
      }; provide those in the composition, build only an object for your own image ` +
        `([synth] output = ["object"]), or use an external synth`,
    );
  }
  const dir = ctx.scratchDir;
  const name = "firmware";
  await Deno.mkdir(`${dir}/include`, { recursive: true });
  await Deno.writeFile(`${dir}/${name}.wasm`, withoutLinkingSections(module, model));
  await Deno.copyFile(WASM_RT_HEADER, `${dir}/include/wasm-rt.h`);
  // A module that reads memory.size gets every page it declares, so the answer is true.
  const sizeReaders = memorySizeUsers(model);
  // Several memories (isolation domains): each its own array and bound; [] for one memory.
  const memories = firmwareMemories(model, sizeReaders.length > 0);
  const multi = memories.length > 0 ? ["--enable-multi-memory"] : [];
  await run(["wasm2c", ...multi, `${name}.wasm`, "-n", name, "-o", `${name}.c`], {
    stage: "synth",
    cwd: dir,
  });
  const tuned = tuneWasm2c(await Deno.readTextFile(`${dir}/${name}.c`));
  await Deno.writeTextFile(
    `${dir}/${name}.c`,
    memories.length > 0 ? multiMemorySource(tuned.source, memories) : tuned.source,
  );
  if (memories.length > 0) await Deno.writeTextFile(`${dir}/memories.c`, memoriesSource(memories));
  const extraSources = memories.length > 0 ? ["memories.c"] : [];
  const round8 = (n: number) => Math.ceil(n / 8) * 8;
  let stackBytes = round8(spec.stackBytes ?? DEFAULT_STACK_BYTES);
  const pages = Math.ceil(facts.memoryBytes / 65536);
  const memoryBytes = memories.length > 0
    ? memories[0].bytes
    : sizeReaders.length > 0
    ? Math.max(pages, declaredPages(model)) * 65536
    : Math.max(16, Math.ceil(facts.memoryBytes / 16) * 16);
  // Every memory's bytes: what the linear memories take of RAM.
  const allMemoryBytes = memories.length > 0
    ? memories.reduce((n, m) => n + m.bytes, 0)
    : memoryBytes;
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
  const cflags = [
    ...board.cflags,
    `-${spec.optLevel ?? "Os"}`,
    "-ffunction-sections",
    "-fdata-sections",
    "-fno-common",
    "-Iinclude",
    `-I${BSP}`,
    "-DNDEBUG",
    "-DWASM_RT_MEMCHECK_SIGNAL_HANDLER=0",
    "-DWASM_RT_USE_STACK_DEPTH_COUNT=0",
    `-DDISSOLVE_MEMORY_BYTES=${memoryBytes}`,
    `-DDISSOLVE_TABLE_SLOTS=${Math.max(1, facts.tableSlots)}`,
    ...(memories.length > 0 ? [`-DDISSOLVE_MEMORIES=${memories.length}`] : []),
    `-ffile-prefix-map=${BSP}=bsp/`,
    `-ffile-prefix-map=${dir}/=`,
  ];
  const tools = [
    { name: "wasm2c", version: await toolVersion("wasm2c") },
    { name: isa.gcc, version: await toolVersion(isa.gcc) },
  ];
  let object: SynthOutput["object"];
  if (outputs.includes("object")) {
    const sources = objectSources(model, name, spec.pipeline ?? "firmware");
    await Deno.writeTextFile(`${dir}/api.c`, sources.api);
    const bytes = await compileObject(dir, isa.gcc, [
      ...cflags,
      ...isa.libcCompileFlags,
      "-DDISSOLVE_TRAP_HOOK=1",
    ], [
      `${name}.c`,
      "api.c",
      ...extraSources,
      `${BSP}wasm_rt_baremetal.c`,
    ]);
    // The stage's gate checks the seam (`gates/seam.ts`).
    object = { object: bytes, header: sources.header, seam: sources.seam };
    if (!outputs.includes("elf")) {
      return {
        object,
        sizeReport: objectSizeReport(parseElf(bytes), board),
        tools,
        backend: "builtin",
      };
    }
  }
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
  const linkFlags = (ldScript: string) => [
    "-nostartfiles",
    ...isa.libcFlags,
    "-Wl,--gc-sections",
    "-Wl,--build-id=none",
    `-Wl,-Map=${name}.map`,
    `-T${ldScript}`,
    "-o",
    `${name}.elf`,
  ];
  const ltoLink = (ldScript: string) => [
    isa.gcc,
    ...cflags,
    "-flto",
    // Each LTO partition's frames and calls (firmware.elf.ltransN.ltrans.ci): the stack bound's input.
    "-fcallgraph-info=su",
    // Keeps each partition's code (firmware.elf.ltransN.ltrans.s) for a relink without LTO.
    "-save-temps=obj",
    `-DDISSOLVE_STACK_REPORT=${spec.measureStack ? 1 : 0}`,
    ...linkFlags(ldScript),
    "main.c",
    `${name}.c`,
    ...extraSources,
    ...bspSources(isa).map((f) => `${BSP}${f}`),
    "-lm",
  ];
  const plan = {
    dir,
    board,
    memoryBytes: allMemoryBytes,
    arenaBytes: facts.arenaBytes,
    output: `${name}.elf`,
  };
  await removeLtoLeftovers(dir);
  await linkOrExplain(ltoLink, { ...plan, stackBytes });
  const bound = async () => {
    const bytes = await Deno.readFile(`${dir}/${name}.elf`);
    return {
      bytes,
      native: nativeStackBound(await readCallgraphInfo(dir), bytes, parseElf(bytes)),
    };
  };
  let linked = await bound();
  // No size given: the stack is exactly its bound. The code does not depend on the stack's size,
  // only the layout does, so the partitions LTO already compiled are linked again as they are
  // (the same bytes a second LTO link gives, at the cost of ld alone) and the bound stays.
  if (spec.stackBytes === undefined && !linked.native.unbounded) {
    const sized = round8(Math.max(8, linked.native.bytes));
    if (sized !== stackBytes) {
      stackBytes = sized;
      const partitions = await ltransAssembly(dir, `${name}.elf`);
      await linkOrExplain(
        // `-lc` before the default libraries: the LTO link pulled libc's members (memcpy, memset)
        // in its first pass, ahead of libgcc's, and this keeps that order, so the image is the same.
        (ld) => [
          isa.gcc,
          ...board.cflags,
          ...linkFlags(ld),
          ...partitions,
          "-lm",
          "-lc",
        ],
        { ...plan, stackBytes },
      );
      linked = await bound();
    }
  }
  const wasmBound = shadowStackBound(model);
  // A module that never lowers a stack pointer has no shadow stack to bound.
  const wasm = wasmBound.chain.length > 0 || wasmBound.unbounded ? wasmBound : undefined;
  enforceStackBounds(linked.native, stackBytes, wasm, facts.sharedStackBytes);
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
    object,
    tools,
    backend: "builtin",
  };
}

/** The initial pages of memory 0. */
function declaredPages(m: CoreModule): number {
  for (const s of m.sections) {
    if (s.id === "memory" && s.memories[0]) return s.memories[0].limits.min;
  }
  return 0;
}

/** The `-fcallgraph-info` files of the last link (one per LTO partition). */
async function readCallgraphInfo(dir: string): Promise<string[]> {
  const texts: string[] = [];
  for await (const e of Deno.readDir(dir)) {
    if (e.name.endsWith(".ci")) texts.push(await Deno.readTextFile(`${dir}/${e.name}`));
  }
  return texts;
}

/** What an earlier LTO link in `dir` left: its call graphs and partition code. */
async function removeLtoLeftovers(dir: string): Promise<void> {
  for await (const e of Deno.readDir(dir)) {
    if (e.name.endsWith(".ci") || e.name.endsWith(".ltrans.s")) {
      await Deno.remove(`${dir}/${e.name}`);
    }
  }
}

/**
 * Fails the build when a stack's proven bound exceeds the room it has: the
 * native stack's `stack-bytes`, the shared wasm stack fuse laid out. Names the
 * deepest chain and the size to set. An unbounded stack (recursion, a dynamic
 * frame) cannot be checked here: the report says why, and the run measures it.
 *
 * @example
 * ```ts
 * import { enforceStackBounds } from "./mod.ts";
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
 * The stack bounds as the synth stage line says them: `native ≤ 312 B, wasm ≤ 128 B`.
 *
 * @example
 * ```ts
 * import { describeStackBounds } from "./mod.ts";
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

export { boardNamed, BOARDS } from "./boards.ts";
export { sizeReport } from "./size_report.ts";
