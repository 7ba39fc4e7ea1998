/**
 * Native C versus Dissolve on the same C sources (`deno task bench firmware`).
 *
 * Each program in `bench/firmware/programs` is built twice for one board:
 * natively with the board's gcc -Os (arm-none-eabi-gcc or riscv64-unknown-elf-gcc;
 * the same flags, libc, BSP and linker
 * script as synth's link), and through the whole pipeline as a component
 * (gale → fuse → loom → synth). Both are booted in QEMU; the benchmark checks
 * that they print the same checksum and reports, side by side:
 * instructions executed from reset to exit (counted exactly: QEMU traces one
 * line per instruction with `-singlestep -d exec,nochain`, streamed through a
 * pipe into `grep -c`, never written to disk), flash (text + data) and RAM
 * (data + bss + stack), with Dissolve / native ratios and their geometric means.
 *
 * @module
 */
import { fileURLToPath } from "node:url";
import { definePipeline } from "../pipeline/define.ts";
import { runPipeline } from "../pipeline/runner.ts";
import type { Reporter } from "../pipeline/report.ts";
import { boardNamed } from "../stages/synth/boards.ts";
import { linkerScript } from "../stages/synth/linker.ts";
import { checkElf } from "../stages/gates/elf.ts";
import { sizeReport } from "../stages/synth/size_report.ts";
import { isaOf } from "../stages/synth/isa.ts";
import { run } from "../stages/exec.ts";
import { qemuCommand, splitStackReport } from "../stages/run/mod.ts";
import type { Board, SizeReport } from "../stages/types.ts";

const HERE = fileURLToPath(new URL("./firmware/", import.meta.url));
const BSP = fileURLToPath(new URL("../stages/synth/bsp/", import.meta.url));
const PROGRAMS = [...Deno.readDirSync(`${HERE}programs`)]
  .filter((e) => e.name.endsWith(".c"))
  .map((e) => e.name.slice(0, -2))
  .sort();
/** Native stack for both builds, and the wasm stack of each component. */
const STACK_BYTES = 1024;
const WASM_STACK_BYTES = 256;
const ARENA_BYTES = 0;

/** One build's figures. */
export interface FirmwareFigures {
  output: string;
  instructions: number;
  flash: number;
  ram: number;
}

/** One program, both ways. */
export interface FirmwareRow {
  program: string;
  native: FirmwareFigures;
  dissolve: FirmwareFigures;
}

/** The pipeline's progress is not part of the table. */
const quiet: Reporter = { stage() {}, info() {}, finish() {} };

const TRACE = new TextEncoder().encode("Trace");

/**
 * Lines of a stream that start with "Trace" (QEMU's `-d exec`: one per instruction), stopping
 * once there are more than `limit`.
 */
async function countTraceLines(
  stream: ReadableStream<Uint8Array>,
  limit: number,
): Promise<number> {
  let count = 0;
  let matched = 0; // bytes of "Trace" matched at the start of the current line; -1: not a trace line
  for await (const chunk of stream) {
    let i = 0;
    while (i < chunk.length) {
      if (matched >= 0 && matched < TRACE.length) {
        matched = chunk[i] === TRACE[matched] ? matched + 1 : -1;
        if (matched === TRACE.length && ++count > limit) return count;
        i++;
        continue;
      }
      const nl = chunk.indexOf(10, i);
      if (nl < 0) break;
      matched = 0;
      i = nl + 1;
    }
  }
  return count;
}

/**
 * Counts the instructions an ELF executes on `board` from reset to exit and
 * returns its console output; a program still running after `limit`
 * instructions is stopped, and its count is `Infinity`.
 */
export async function countInstructions(
  elf: string,
  board: Board,
  limit = Infinity,
): Promise<{ instructions: number; output: string }> {
  const dir = await Deno.makeTempDir({ prefix: "dissolve-count-" });
  try {
    const out = `${dir}/console.txt`;
    // The trace is streamed through a pipe and counted as it goes (never stored): one
    // "Trace" line per executed instruction.
    const isa = isaOf(board);
    const [qemu, ...args] = qemuCommand(isa, board.qemuMachine ?? board.name, { kernel: elf }, {
      file: out,
    });
    const child = new Deno.Command(qemu, {
      args: [...args, "-singlestep", "-d", "exec,nochain", "-D", "/dev/stdout"],
      stdin: "null",
      stdout: "piped",
      stderr: "piped",
    }).spawn();
    const timer = setTimeout(() => child.kill("SIGKILL"), 300_000);
    const counted = await countTraceLines(child.stdout, limit);
    if (counted > limit) {
      clearTimeout(timer);
      child.kill("SIGKILL");
      await child.status;
      await child.stdout.cancel().catch(() => {});
      await child.stderr.cancel().catch(() => {});
      return { instructions: Infinity, output: "" };
    }
    const instructions = counted;
    const status = await child.status;
    clearTimeout(timer);
    if (!status.success) {
      throw new Error(`bench: ${isa.qemu} exited with ${status.code} while tracing ${elf}`);
    }
    // The stack report (measure-stack) is not the program's output.
    return { instructions, output: splitStackReport(await Deno.readTextFile(out)).stdout };
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
}

/** One program of a firmware bench: a C file that defines `bench_run` (see `firmware/bench.h`). */
export interface BenchSource {
  /** Its name in the table (and the pipeline's). */
  name: string;
  /** The directory the component's paths are relative to; it holds `bench.wit`. */
  baseDir: string;
  /** The C file, relative to `baseDir`. */
  file: string;
  /** Directories the native build searches for headers after the C library's (the component's
   * clang finds them through `libc = "wasi"`'s sysroot). */
  includes?: string[];
  /** The component's `libc` (`wasi` for programs that include the C library's headers). */
  libc?: "wasi";
  /** The component's wasm stack (default 256 B). */
  stackBytes?: number;
}

/** A program of `bench/firmware/programs`. */
const benchProgram = (name: string): BenchSource => ({
  name,
  baseDir: HERE,
  file: `programs/${name}.c`,
});

/** The native build: the board's gcc -Os, the program with `native_main.c` and the BSP. */
async function buildNative(
  program: BenchSource,
  board: Board,
  dir: string,
): Promise<SizeReport> {
  await Deno.writeTextFile(`${dir}/board.ld`, linkerScript(board, STACK_BYTES));
  const isa = isaOf(board);
  await run([
    isa.gcc,
    ...board.cflags,
    "-Os",
    "-flto",
    "-ffunction-sections",
    "-fdata-sections",
    "-fno-common",
    `-I${BSP}`,
    `-I${HERE}`,
    ...(program.includes ?? []).flatMap((d) => ["-idirafter", d]),
    "-nostartfiles",
    ...isa.libcFlags,
    "-Wl,--gc-sections",
    "-Wl,--build-id=none",
    "-Tboard.ld",
    "-o",
    "native.elf",
    `${HERE}native_main.c`,
    `${program.baseDir}/${program.file}`,
    `${BSP}${isa.startup}`,
    `${BSP}semihost.c`,
    `${BSP}syscalls.c`,
    "-lm",
  ], { stage: "bench", cwd: dir });
  const elf = await Deno.readFile(`${dir}/native.elf`);
  return sizeReport(checkElf(elf, "native.elf", board), board, STACK_BYTES);
}

/** The Dissolve build: the program as a component, through the whole pipeline. */
async function buildDissolve(
  program: BenchSource,
  board: Board,
  buildRoot: string,
  defaults: boolean,
  optLevel?: string,
): Promise<{ elf: string; size: SizeReport }> {
  const p = definePipeline(
    {
      pipeline: { name: program.name },
      component: [{
        name: program.name,
        sources: [program.file],
        wit: "bench.wit",
        world: "bench",
        "stack-bytes": program.stackBytes ?? WASM_STACK_BYTES,
        ...(program.libc ? { libc: program.libc } : {}),
        ...(optLevel ? { "opt-level": optLevel } : {}),
      }],
      fuse: { "arena-bytes": ARENA_BYTES },
      synth: {
        boards: [board.name],
        entry: "run",
        "entry-result": "u32",
        // Like for like: the native build has the same stack and does not paint it. With
        // `defaults`, synth's own choices instead: a stack sized to its bound, painted.
        ...(defaults ? {} : { "stack-bytes": STACK_BYTES, "measure-stack": false }),
      },
      run: { "expect-exit-code": 0 },
    } as Parameters<typeof definePipeline>[0],
    program.baseDir,
  );
  const result = await runPipeline(p, { buildRoot, reporter: quiet });
  return { elf: `${result.outDir}/${board.name}/firmware.elf`, size: result.sizes[board.name] };
}

const ram = (s: SizeReport) => s.data + s.bss + s.stack;
const geomean = (xs: number[]) => Math.exp(xs.reduce((a, x) => a + Math.log(x), 0) / xs.length);
const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}×`;

/**
 * The component's optimization level measured beside the default (`firmware`): clang's own
 * `-Os`, which unrolls nothing, so each run shows what the default's unrolling buys and costs.
 */
const PLAIN_OPT_LEVEL = "Os";

/** One table line: both builds' figures and their ratios, and whether they printed the same. */
function rowLine(row: FirmwareRow): string {
  const n = row.native, d = row.dissolve;
  const same = n.output === d.output;
  return `  ${row.program.padEnd(13)} ${`${n.instructions} / ${d.instructions}`.padStart(24)} ${
    ratio(d.instructions, n.instructions).padStart(8)
  }  ${`${n.flash} / ${d.flash}`.padStart(12)} ${ratio(d.flash, n.flash).padStart(6)}  ${
    `${n.ram} / ${d.ram}`.padStart(12)
  } ${`+${d.ram - n.ram}`.padStart(6)}  ${
    same ? `same (${n.output})` : `DIFFERENT: ${n.output} vs ${d.output}`
  }`;
}

/** The geometric means, the slowest program and the RAM, each against issue 21's target. */
function summaryLine(rows: FirmwareRow[]): string {
  const g = (f: (r: FirmwareRow) => number) => geomean(rows.map(f));
  const speed = (r: FirmwareRow) => r.dissolve.instructions / r.native.instructions;
  const slowest = rows.reduce((a, r) => speed(r) > speed(a) ? r : a);
  return `  geomean Dissolve / native: instructions ${g(speed).toFixed(2)}× (target ≤ 1.00×), ` +
    `slowest ${slowest.program} ${speed(slowest).toFixed(2)}× (target ≤ 1.50×), flash ${
      g((r) => r.dissolve.flash / r.native.flash).toFixed(2)
    }× (target ≤ 1.20×), RAM over native: max +${
      Math.max(...rows.map((r) => r.dissolve.ram - r.native.ram))
    } B (target ≤ arena ${ARENA_BYTES} + 512 B)`;
}

/** A Dissolve build's figures. */
async function measureDissolve(
  program: BenchSource,
  board: Board,
  buildRoot: string,
  defaults: boolean,
  optLevel?: string,
): Promise<FirmwareFigures> {
  const built = await buildDissolve(program, board, buildRoot, defaults, optLevel);
  const counted = await countInstructions(built.elf, board);
  return {
    output: counted.output.trim(),
    instructions: counted.instructions,
    flash: built.size.flashUsed,
    ram: ram(built.size),
  };
}

/** What {@linkcode benchFirmware} runs. */
export interface FirmwareBenchOptions {
  /** synth's own choices (a stack sized to its bound, painted) instead of like for like. */
  defaults?: boolean;
  /** The programs (default: `bench/firmware/programs`). */
  programs?: BenchSource[];
  /** What the programs are, for the title. */
  what?: string;
  /** A program whose native build runs longer than this many instructions is left out. */
  limit?: number;
}

/**
 * Runs the native-vs-Dissolve benchmark on `boardName` and prints the table: like for like
 * (the same native stack, unpainted), or with `defaults` synth's own choices (a stack sized
 * to its bound and painted for the high-water report). A second table builds the components
 * at clang's plain `opt-level = "Os"` against the same native builds: what the default level's
 * unrolling buys.
 *
 * @example
 * ```ts
 * import { benchFirmware } from "./firmware_bench.ts";
 * const rows = await benchFirmware("lm3s6965evb");
 * console.log(rows.length);
 * ```
 */
export async function benchFirmware(
  boardName = "lm3s6965evb",
  options: FirmwareBenchOptions = {},
): Promise<FirmwareRow[]> {
  const board = boardNamed(boardName);
  const defaults = options.defaults ?? false;
  const programs = options.programs ?? PROGRAMS.map(benchProgram);
  const dir = await Deno.makeTempDir({ prefix: "dissolve-bench-firmware-" });
  const rows: FirmwareRow[] = [];
  /** The programs measured (not left out), in the order of `rows`. */
  const measured: BenchSource[] = [];
  const leftOut: string[] = [];
  try {
    console.log(
      `firmware${
        options.what ? ` (${options.what})` : ""
      }: native C (gcc -Os) vs Dissolve on ${board.name} (${board.cpu})` +
        (defaults ? ", Dissolve with every default on" : ""),
    );
    console.log(
      `  ${"program".padEnd(13)} ${"instructions native / dissolve".padStart(34)}  ${
        "flash B".padStart(18)
      }  ${"RAM B".padStart(18)}  result`,
    );
    for (const program of programs) {
      const nativeDir = `${dir}/native-${program.name}`;
      await Deno.mkdir(nativeDir);
      const nativeSize = await buildNative(program, board, nativeDir);
      const native = await countInstructions(`${nativeDir}/native.elf`, board, options.limit);
      if (native.instructions === Infinity) {
        leftOut.push(program.name);
        continue;
      }
      const row: FirmwareRow = {
        program: program.name,
        native: {
          output: native.output.trim(),
          instructions: native.instructions,
          flash: nativeSize.flashUsed,
          ram: ram(nativeSize),
        },
        dissolve: await measureDissolve(program, board, `${dir}/build`, defaults),
      };
      rows.push(row);
      measured.push(program);
      console.log(rowLine(row));
      if (row.native.output !== row.dissolve.output) {
        throw new Error(`firmware bench: ${program.name} printed different results`);
      }
    }
    if (leftOut.length) {
      console.log(`  left out, over ${options.limit} instructions natively: ${leftOut.join(", ")}`);
    }
    console.log(summaryLine(rows));
    console.log(
      `  the same, components at opt-level = "${PLAIN_OPT_LEVEL}" (clang -${PLAIN_OPT_LEVEL}):`,
    );
    const plainRows: FirmwareRow[] = [];
    for (const [i, row] of rows.entries()) {
      const dissolve = await measureDissolve(
        measured[i],
        board,
        `${dir}/build-plain`,
        defaults,
        PLAIN_OPT_LEVEL,
      );
      plainRows.push({ ...row, dissolve });
      console.log(rowLine(plainRows[plainRows.length - 1]));
      if (row.native.output !== dissolve.output) {
        throw new Error(
          `firmware bench: ${row.program} at ${PLAIN_OPT_LEVEL} printed different results`,
        );
      }
    }
    console.log(summaryLine(plainRows));
    return rows;
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
}

if (import.meta.main) {
  await benchFirmware(Deno.args.find((a) => !a.startsWith("--")), {
    defaults: Deno.args.includes("--defaults"),
  });
}
