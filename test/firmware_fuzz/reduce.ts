/**
 * Reduces a firmware finding to a minimal program with C-Vise, and checks a
 * single program against V8 on one board (the "still interesting" test that
 * C-Vise runs after each of its edits, and the regression tests' check).
 *
 * @module
 */
import { dirname, join, resolve } from "node:path";
import { emptyReport, type Finding, type FirmwareFuzzReport, fuzzBatch } from "./harness.ts";
import type { CompileSettings, Program } from "./programs.ts";
import { run } from "../../stages/exec.ts";

/**
 * Builds `source` alone for `board` and compares the firmware with V8.
 * Returns the findings (none when they agree) and whether V8 accepted the program at all.
 *
 * @example
 * ```ts ignore
 * import { checkProgram } from "./reduce.ts";
 * const source = await Deno.readTextFile("test/firmware_regressions/paint-inlined-entry.c");
 * const r = await checkProgram(source, "microbit",
 *   { opt: "default", stackBytes: 1024, memory: "shared", synthOpt: "default" }, "build/check");
 * console.log(r.findings.length);
 * ```
 */
export async function checkProgram(
  source: string,
  board: string,
  settings: CompileSettings,
  workDir: string,
): Promise<FirmwareFuzzReport> {
  const report = emptyReport();
  const program: Program = { seed: 0, shape: "tiny", source };
  await fuzzBatch(0, [program], settings, [board], workDir, report);
  return report;
}

/** C-Vise's pass over one file: clang must accept it without the warnings that signal UB. */
const UB_WARNINGS = [
  "-Werror=uninitialized",
  "-Werror=implicit-function-declaration",
  "-Werror=implicit-int",
  "-Werror=return-type",
  "-Werror=incompatible-pointer-types",
  "-Werror=int-conversion",
  "-Werror=array-bounds",
  "-Werror=division-by-zero",
  "-Werror=shift-count-overflow",
  "-Werror=shift-count-negative",
];

/** The batch's programs in `dir`: gen0.c, gen1.c, … in order. */
async function readPrograms(dir: string): Promise<Program[]> {
  const programs: Program[] = [];
  for (let i = 0;; i++) {
    try {
      const source = await Deno.readTextFile(join(dir, `gen${i}.c`));
      programs.push({ seed: 0, shape: "tiny", source });
    } catch {
      return programs;
    }
  }
}

/**
 * The interestingness test: exits 0 when the programs `gen*.c` in the
 * current directory still show a finding of `kind` on `board` (C-Vise keeps
 * the edit), 1 otherwise. Run as
 * `deno run … reduce.ts still-differs <board> <kind> <settings-json>`.
 */
async function stillDiffers(args: string[]): Promise<number> {
  const [board, kind, settingsJson] = args;
  const programs = await readPrograms(".");
  for (let i = 0; i < programs.length; i++) {
    const check = await run(
      [
        "clang",
        "--target=wasm32-wasi",
        "--sysroot=/usr",
        "-fsyntax-only",
        "-I" + new URL(".", import.meta.url).pathname,
        ...UB_WARNINGS,
        "-x",
        "c",
        `gen${i}.c`,
      ],
      { stage: "reduce" },
      true,
    );
    if (check.exitCode !== 0) return 1;
  }
  const work = await Deno.makeTempDir({ dir: resolve("."), prefix: "check-" });
  try {
    const report = emptyReport();
    await fuzzBatch(0, programs, JSON.parse(settingsJson), [board], work, report);
    // Every program must still be compared: C-Vise may not turn one into a V8 trap or loop.
    const whole = report.excluded === 0 && report.programs === programs.length;
    return whole && report.findings.some((f) => f.kind === kind && f.board === board) ? 0 : 1;
  } finally {
    await Deno.remove(work, { recursive: true }).catch(() => {});
  }
}

/** The flags the interestingness test runs under (the fuzz task's own). */
const TEST_FLAGS = [
  "--no-prompt",
  "--allow-read",
  "--allow-write",
  "--allow-env",
  "--allow-sys=cpus,osRelease,homedir,uid,gid",
  // `deno`: V8 answers in a process of its own (oracle_process.ts).
  "--allow-run=clang,wasm2c,arm-none-eabi-gcc,riscv64-unknown-elf-gcc,qemu-system-arm,qemu-system-riscv32,deno",
];

/** Writes the interestingness script for `finding` into `dir`; true when its programs are interesting now. */
async function prepare(dir: string, finding: Finding, sources: string[]): Promise<boolean> {
  await Deno.mkdir(dir, { recursive: true });
  for (const [i, source] of sources.entries()) {
    await Deno.writeTextFile(join(dir, `gen${i}.c`), source);
  }
  const self = new URL(import.meta.url).pathname;
  await Deno.writeTextFile(
    join(dir, "interesting.sh"),
    // The oracle starts `deno` by name: this Deno's folder goes first on PATH (C-Vise's own PATH
    // need not have it).
    `#!/bin/sh\nPATH=${dirname(Deno.execPath())}:$PATH exec ${Deno.execPath()} run ` +
      `${TEST_FLAGS.join(" ")} ${self} still-differs ` +
      `${finding.board} ${finding.kind} '${JSON.stringify(finding.settings)}'\n`,
  );
  await Deno.chmod(join(dir, "interesting.sh"), 0o755);
  return (await run(["./interesting.sh"], { stage: "reduce", cwd: dir }, true)).exitCode === 0;
}

/**
 * Reduces `finding` with C-Vise: each attributed program alone when it shows
 * the finding alone, else the whole batch at once (C-Vise edits every file).
 * Returns the directories holding the reduced `gen*.c`.
 */
export async function reduceFinding(finding: Finding, seconds = 1800): Promise<string[]> {
  const batch = await readPrograms(finding.dir);
  const attempts = [
    ...finding.programs.map((p) => ({
      dir: `reduce-${p.index}`,
      sources: [batch[p.index].source],
    })),
    { dir: "reduce-batch", sources: batch.map((p) => p.source) },
  ];
  for (const a of attempts) {
    const dir = join(finding.dir, a.dir);
    if (!(await prepare(dir, finding, a.sources))) continue;
    const files = a.sources.map((_, i) => `gen${i}.c`);
    await run(["cvise", "--n", "2", "--timeout", "300", "./interesting.sh", ...files], {
      stage: "reduce",
      cwd: dir,
      timeoutMs: seconds * 1000,
    }, true);
    return [dir];
  }
  return [];
}

if (import.meta.main && Deno.args[0] === "still-differs") {
  Deno.exit(await stillDiffers(Deno.args.slice(1)));
}
