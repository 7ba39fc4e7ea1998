/**
 * The run stage: boot an ELF in qemu-system-arm with semihosting, and
 * check its output and exit status against the pipeline's expectation. A
 * timeout ends a hung guest.
 *
 * @module
 */
import { boardNamed } from "../synth/boards.ts";
import { run } from "../exec.ts";

/** What to boot and what to expect. */
export interface RunSpec {
  board: string;
  expectOutput?: string;
  expectExitCode?: number;
  timeoutMs?: number;
}

/** What the guest did. */
export interface RunOutput {
  stdout: string;
  exitCode: number;
  durationMs: number;
}

/** The guest's behaviour differed from the expectation. */
export class RunMismatch extends Error {
  constructor(readonly expected: string, readonly found: string, readonly stdout: string) {
    super(
      `run: expected ${expected}, found ${found}${
        stdout ? `\n  guest output:\n${stdout.replace(/^/gm, "  | ")}` : ""
      }`,
    );
    this.name = "RunMismatch";
  }
}

/**
 * Boots `elfPath` on `spec.board` in QEMU.
 *
 * @example
 * ```ts
 * import { runQemu } from "./mod.ts";
 * const r = await runQemu("build/hello/lm3s6965evb/firmware.elf", { board: "lm3s6965evb", expectOutput: "Hello\n" });
 * console.log(r.stdout, r.exitCode);
 * ```
 */
export async function runQemu(elfPath: string, spec: RunSpec): Promise<RunOutput> {
  const board = boardNamed(spec.board);
  const timeoutMs = spec.timeoutMs ?? 10000;
  const t0 = performance.now();
  const r = await run(
    [
      "qemu-system-arm",
      "-M",
      board.qemuMachine,
      "-display",
      "none",
      "-serial",
      "none",
      "-monitor",
      "none",
      // Semihosting console on stdout (by default QEMU writes it to stderr, mixed with its own notes).
      "-chardev",
      "stdio,id=semihost",
      "-semihosting-config",
      "enable=on,target=native,chardev=semihost",
      "-kernel",
      elfPath,
    ],
    { stage: "run", timeoutMs },
    true,
  );
  const durationMs = performance.now() - t0;
  if (r.timedOut) {
    throw new RunMismatch(
      `the guest to exit within ${timeoutMs} ms`,
      "a timeout (the guest was killed)",
      r.stdout,
    );
  }
  const out = { stdout: r.stdout, exitCode: r.exitCode, durationMs };
  const wantCode = spec.expectExitCode ?? 0;
  if (out.exitCode !== wantCode) {
    throw new RunMismatch(`exit code ${wantCode}`, `exit code ${out.exitCode}`, out.stdout);
  }
  if (spec.expectOutput !== undefined && out.stdout !== spec.expectOutput) {
    throw new RunMismatch(JSON.stringify(spec.expectOutput), JSON.stringify(out.stdout), "");
  }
  return out;
}
