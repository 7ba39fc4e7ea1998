/**
 * The firmware differential (`deno task fuzz firmware`): Csmith programs,
 * V8 as the oracle, the whole backend as the system under test.
 *
 * Each batch builds K generated programs and a second component through
 * gale → fuse → loom → synth with every default on, for one board per CPU
 * class, boots each image in QEMU and compares what it prints with what the
 * unfused core modules compute in V8. Any difference is a finding: another
 * checksum, a trap or fault on one side only, a timeout, or a build that
 * fails for programs V8 runs. A program that traps, loops or runs slowly in
 * V8 is left out of its batch before the firmware is built, and an image too
 * large for a board's RAM is a refusal the synth gate explains, not a finding.
 *
 * @module
 */
import { join } from "node:path";
import { definePipeline, type PipelineInput } from "../../pipeline/define.ts";
import { runPipeline, StageError } from "../../pipeline/runner.ts";
import type { Reporter } from "../../pipeline/report.ts";
import { RunMismatch, runQemu, type StackUse } from "../../stages/run/mod.ts";
import type { SizeReport } from "../../stages/types.ts";
import { V8Oracle } from "./oracle.ts";
import {
  batchCores,
  type CompileSettings,
  generateProgram,
  type Program,
  type Shape,
  SHAPES,
  writeBatch,
} from "./programs.ts";

/** One board per CPU class: M0 (no Thumb-2, soft-float), M3 with 8 KiB, M4F, M33, RV32IMAC. */
export const FUZZ_BOARDS = ["microbit", "stm32vldiscovery", "mps2-an386", "mps2-an505", "sifive_e"];

/** Options of {@linkcode fuzzFirmware}. */
export interface FirmwareFuzzOptions {
  /** Stop starting batches after this long (and once `minPrograms` were compared). */
  seconds: number;
  /** Keep going past `seconds` until this many programs were compared (default 0)… */
  minPrograms?: number;
  /** … but never past this many seconds (default 3 × `seconds`). */
  maxSeconds?: number;
  seed: number;
  boards?: string[];
  /** Programs per firmware image (default 6). */
  programsPerBatch?: number;
  /** Where batches are built and findings kept. */
  workDir: string;
  /** Called after each batch. */
  onProgress?: (report: FirmwareFuzzReport) => void;
}

/** One difference between V8 and a firmware image. */
export interface Finding {
  batch: number;
  board: string;
  /** `bound`: a stack used more than the bound synth proved for it. */
  kind: "differs" | "fault" | "timeout" | "build" | "bound";
  /** Csmith seeds and shapes of the programs whose checksums differ (all, when unattributed). */
  programs: { index: number; seed: number; shape: Shape }[];
  settings: CompileSettings;
  detail: string;
  /** The batch's project, kept for reproduction. */
  dir: string;
}

/** What a run saw. */
export interface FirmwareFuzzReport {
  seed: number;
  batches: number;
  /** Programs built into firmware and compared. */
  programs: number;
  /** Program × board comparisons. */
  comparisons: number;
  /** Programs left out because V8 trapped, looped or ran slowly on them, or clang refused them. */
  excluded: number;
  /** Why, by reason. */
  excludedBy: Record<string, number>;
  /** Batch × board builds refused because the image does not fit the board. */
  tooBig: number;
  /** Batches whose wasm stack was raised to its proven bound, as the synth gate asked. */
  wasmStackRaised: number;
  findings: Finding[];
  seconds: number;
}

/** A program slower than this in V8 is left out: QEMU runs it ~50× slower. */
const SLOW_MS = 400;
/** A program V8 has not finished by then loops (as measured on a busy machine: the tests run in parallel). */
const V8_TIMEOUT_MS = 5_000;
const QEMU_TIMEOUT_MS = 60_000;
const OPTS: CompileSettings["opt"][] = ["default", "-O0", "-O1", "-O2", "-Os", "-Oz"];
const STACKS = [1024, 2048, 4096];
/** synth's `opt-level`: the default (`Os`) twice as often as `O2`, whose inlining reaches further. */
const SYNTH_OPTS: CompileSettings["synthOpt"][] = ["default", "default", "O2"];
/**
 * Memory strategies the firmware is built with. `domains` puts the app and
 * the mixer in a memory each (multi-memory firmware, data crossing in the
 * adapters' copies, an arena per domain). `multi` is not here: each module
 * keeps its own memory, and the embedder arena, which the driver returns
 * its string from, is in none of them.
 */
const MEMORIES: CompileSettings["memory"][] = ["shared", "auto", "domains"];

const quiet: Reporter = { stage() {}, info() {}, finish() {} };

/** A small deterministic generator (xorshift32), so a seed names a whole run. */
class Random {
  #s: number;
  constructor(seed: number) {
    this.#s = (seed >>> 0) || 0x9e3779b9;
  }
  next(): number {
    let s = this.#s;
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (this.#s = s >>> 0);
  }
  pick<T>(xs: readonly T[]): T {
    return xs[this.next() % xs.length];
  }
}

/** What building a batch gave: the image per board, or why not. */
interface Built {
  outDir: string;
  boards: string[];
  tooBig: string[];
  /** The `[fuse] stack-bytes` the synth gate asked for (the wasm stack's proven bound), if any. */
  wasmStack?: number;
}

function fitsError(e: unknown): boolean {
  return e instanceof StageError && /at most \d+ B of RAM|at most \d+ B of flash/.test(e.message);
}

/**
 * Builds the batch for every board it fits; a board whose image does not fit
 * is dropped (and counted), any other failure is thrown.
 */
async function buildBatch(
  dir: string,
  input: Record<string, unknown>,
  boards: string[],
  buildRoot: string,
): Promise<Built> {
  const tooBig: string[] = [];
  let left = [...boards];
  let wasmStack: number | undefined;
  while (left.length > 0) {
    const spec = structuredClone(input) as unknown as PipelineInput;
    spec.synth.boards = left;
    spec.run = { emulator: "none" };
    try {
      const r = await runPipeline(definePipeline(spec, dir), { buildRoot, reporter: quiet });
      return { outDir: r.outDir, boards: left, tooBig, wasmStack };
    } catch (e) {
      // The wasm stack's proven bound exceeds the stack: do what the message says, as a user would.
      const remedy = e instanceof StageError &&
        /set \[fuse\] stack-bytes = (\d+)/.exec(e.message);
      if (remedy && wasmStack === undefined) {
        wasmStack = Number(remedy[1]);
        (input.fuse as Record<string, unknown>)["stack-bytes"] = wasmStack;
        continue;
      }
      if (!fitsError(e)) throw e;
      const board = /synth:([\w-]+)/.exec((e as StageError).stage)?.[1];
      if (!board || !left.includes(board)) throw e;
      tooBig.push(board);
      left = left.filter((b) => b !== board);
    }
  }
  return { outDir: "", boards: [], tooBig, wasmStack };
}

/** A stack the run measured deeper than the bound synth proved, as a sentence; else undefined. */
function boundExceeded(size: SizeReport, measured: StackUse | undefined): string | undefined {
  const b = size.stackBounds;
  if (!b || !measured) return undefined;
  if (!b.native.unbounded && measured.native > b.native.bytes) {
    return `native stack: measured ${measured.native} B, bound ${b.native.bytes} B ` +
      `(${b.native.chain.join(" → ")})`;
  }
  if (b.wasm && !b.wasm.unbounded && (measured.wasm ?? 0) > b.wasm.bytes) {
    // The measure sees every word written in the stack's region, including frames binaryen
    // turned into static addresses when the pointer never moves: only a moving pointer counts.
    if (b.wasm.bytes > 0) {
      return `wasm stack: measured ${measured.wasm} B, bound ${b.wasm.bytes} B ` +
        `(${b.wasm.chain.join(" → ")})`;
    }
  }
  return undefined;
}

function exclude(report: FirmwareFuzzReport, reason: string, n: number): void {
  report.excluded += n;
  report.excludedBy[reason] = (report.excludedBy[reason] ?? 0) + n;
}

/** Splits "c0 c1 … mix" into tokens; `undefined` where the output is not that shape. */
function tokens(s: string): string[] {
  return s.trim().split(" ");
}

/** Which programs a firmware's output disagrees on (the last token is the mixed value). */
function attribute(expected: string, found: string, count: number): number[] {
  const e = tokens(expected), f = tokens(found);
  const bad: number[] = [];
  for (let i = 0; i < count; i++) if (e[i] !== f[i]) bad.push(i);
  return bad.length > 0 || e[count] === f[count] ? bad : [...Array(count).keys()];
}

/**
 * Runs the differential for `options.seconds`.
 *
 * @example
 * ```ts ignore
 * import { fuzzFirmware } from "./harness.ts";
 * const r = await fuzzFirmware({ seconds: 60, seed: 1, workDir: "build/fuzz-firmware" });
 * console.log(r.programs, r.findings.length);
 * ```
 */
export async function fuzzFirmware(options: FirmwareFuzzOptions): Promise<FirmwareFuzzReport> {
  const boards = options.boards ?? FUZZ_BOARDS;
  const perBatch = options.programsPerBatch ?? 6;
  const report = emptyReport(options.seed);
  const t0 = performance.now();
  const shapes = Object.keys(SHAPES) as Shape[];
  const rnd = new Random(options.seed);
  const elapsed = () => (performance.now() - t0) / 1000;
  while (
    (elapsed() < options.seconds || report.programs < (options.minPrograms ?? 0)) &&
    elapsed() < (options.maxSeconds ?? 3 * options.seconds)
  ) {
    const batch = report.batches++;
    const settings: CompileSettings = {
      opt: rnd.pick(OPTS),
      stackBytes: rnd.pick(STACKS),
      memory: rnd.pick(MEMORIES),
      synthOpt: rnd.pick(SYNTH_OPTS),
    };
    // One batch in three holds a single small program: only then is the whole export inlined
    // into the firmware's entry, which is what the stack-paint corruption needed to show.
    const single = rnd.next() % 3 === 0;
    const count = single ? 1 : perBatch;
    const programs = await Promise.all(
      Array.from(
        { length: count },
        () => generateProgram(rnd.next(), single ? rnd.pick(["tiny", "small"]) : rnd.pick(shapes)),
      ),
    );
    await fuzzBatch(batch, programs, settings, boards, options.workDir, report);
    report.seconds = (performance.now() - t0) / 1000;
    options.onProgress?.(report);
  }
  report.seconds = (performance.now() - t0) / 1000;
  return report;
}

/**
 * A report that saw nothing yet.
 *
 * @example
 * ```ts
 * import { emptyReport } from "./harness.ts";
 * console.log(emptyReport(7).findings); // []
 * ```
 */
export function emptyReport(seed = 0): FirmwareFuzzReport {
  return {
    seed,
    batches: 0,
    programs: 0,
    comparisons: 0,
    excluded: 0,
    excludedBy: {},
    tooBig: 0,
    wasmStackRaised: 0,
    findings: [],
    seconds: 0,
  };
}

/** Builds, asks V8 and boots one batch; adds what it saw to `report`. */
export async function fuzzBatch(
  batch: number,
  initial: Program[],
  settings: CompileSettings,
  boards: string[],
  workDir: string,
  report: FirmwareFuzzReport,
): Promise<void> {
  // One V8 worker for the batch's questions.
  const oracle = new V8Oracle();
  try {
    await compareBatch({ batch, initial, settings, boards, workDir, report }, oracle);
  } finally {
    oracle.close();
  }
}

async function compareBatch(
  { batch, initial, settings, boards, workDir, report }: {
    batch: number;
    initial: Program[];
    settings: CompileSettings;
    boards: string[];
    workDir: string;
    report: FirmwareFuzzReport;
  },
  oracle: V8Oracle,
): Promise<void> {
  const dir = join(workDir, "batch");
  const buildRoot = join(workDir, "build");
  let programs = initial;
  for (;;) {
    await Deno.remove(dir, { recursive: true }).catch(() => {});
    await Deno.remove(join(buildRoot, ".cache"), { recursive: true }).catch(() => {});
    if (programs.length === 0) return;
    const input = await writeBatch(dir, programs, settings, boards);
    const keep = async (board: string, kind: Finding["kind"], bad: number[], detail: string) => {
      const saved = join(workDir, "findings", `${report.seed}-${batch}-${board}`);
      await Deno.remove(saved, { recursive: true }).catch(() => {});
      await Deno.mkdir(saved, { recursive: true });
      for await (const e of Deno.readDir(dir)) {
        await Deno.copyFile(join(dir, e.name), join(saved, e.name));
      }
      const finding: Finding = {
        batch,
        board,
        kind,
        programs: bad.map((index) => ({
          index,
          seed: programs[index].seed,
          shape: programs[index].shape,
        })),
        settings,
        detail,
        dir: saved,
      };
      await Deno.writeTextFile(
        join(saved, "finding.json"),
        JSON.stringify(finding, null, 2) + "\n",
      );
      report.findings.push(finding);
    };
    let built: Built;
    try {
      built = await buildBatch(dir, input, boards, buildRoot);
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      // A program clang cannot compile is Csmith's or clang's business, not ours: drop the batch.
      if (e instanceof StageError && e.stage.startsWith("gale")) {
        exclude(report, "clang refused the batch", programs.length);
        return;
      }
      await keep("all", "build", [...programs.keys()], message);
      return;
    }
    report.tooBig += built.tooBig.length;
    if (built.wasmStack !== undefined) report.wasmStackRaised++;
    if (built.boards.length === 0) return;
    const { app, mixer } = await batchCores(built.outDir);
    // Each program alone, in a fresh instance: one that traps, loops or is slow leaves the batch.
    // One at a time: side by side on a busy machine they would time each other out.
    const answers = [];
    for (const i of programs.keys()) {
      answers.push(await oracle.ask(app, mixer, `check${i}`, V8_TIMEOUT_MS));
    }
    const slow = answers.flatMap((a, i) => (!a.ok || a.ms > SLOW_MS ? [i] : []));
    for (const a of answers) {
      if (!a.ok) exclude(report, "timeout" in a ? "loops in V8" : "traps in V8", 1);
      else if (a.ms > SLOW_MS) exclude(report, "slow in V8", 1);
    }
    if (slow.length > 0) {
      programs = programs.filter((_, i) => !slow.includes(i));
      continue;
    }
    const answer = await oracle.ask(app, mixer, "run", V8_TIMEOUT_MS * programs.length);
    if (!answer.ok) {
      // Every program ran alone, but the driver running them all did not: a program whose frames
      // fit its component's own stack only when called straight from the host (the driver's
      // frame is one more), or all of them together taking too long. V8 has no answer to compare.
      exclude(report, "the driver traps or loops in V8", programs.length);
      return;
    }
    const expected = answer.value;
    for (const board of built.boards) {
      const elf = join(built.outDir, board, "firmware.elf");
      report.comparisons += programs.length;
      try {
        const r = await runQemu(elf, { board, timeoutMs: QEMU_TIMEOUT_MS });
        const size = JSON.parse(await Deno.readTextFile(join(built.outDir, board, "size.json")));
        const over = boundExceeded(size as SizeReport, r.stack);
        if (over) await keep(board, "bound", [...programs.keys()], over);
        if (r.stdout !== expected + "\n") {
          await keep(
            board,
            "differs",
            attribute(expected, r.stdout, programs.length),
            `V8: ${expected}\nfirmware: ${r.stdout.trim()}`,
          );
        }
      } catch (e) {
        if (!(e instanceof RunMismatch)) throw e;
        const kind = /timeout/.test(e.found) ? "timeout" : "fault";
        const bad = attribute(expected, e.stdout, programs.length);
        await keep(board, kind, bad, `V8: ${expected}\nfirmware: ${e.found}: ${e.stdout.trim()}`);
      }
    }
    report.programs += programs.length;
    return;
  }
}

/**
 * A run's figures, one line, then one line per finding.
 *
 * @example
 * ```ts
 * import { summarizeFirmwareFuzz } from "./harness.ts";
 * console.log(summarizeFirmwareFuzz({ seed: 1, batches: 1, programs: 6, comparisons: 24,
 *   excluded: 0, excludedBy: {}, tooBig: 0, wasmStackRaised: 0, findings: [], seconds: 20 }));
 * ```
 */
export function summarizeFirmwareFuzz(r: FirmwareFuzzReport): string {
  const head = `fuzz firmware: seed ${r.seed}, ${r.batches} batches, ${r.programs} programs, ` +
    `${r.comparisons} program × board comparisons, ${r.findings.length} differences ` +
    `(${r.excluded} programs left out: ${
      Object.entries(r.excludedBy).map(([k, n]) => `${n} ${k}`).join(", ") || "none"
    }; ${r.tooBig} images too big for their board; ${r.wasmStackRaised} batches given the ` +
    `wasm stack their bound asked for) ` +
    `in ${r.seconds.toFixed(0)} s`;
  return [
    head,
    ...r.findings.map((f) =>
      `  ${f.kind} on ${f.board}: programs ${
        f.programs.map((p) => `${p.seed}/${p.shape}`).join(", ")
      } (${f.settings.opt}, stack ${f.settings.stackBytes}, ${f.settings.memory}) — ${f.dir}`
    ),
  ].join("\n");
}
