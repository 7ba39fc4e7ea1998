/**
 * The run stage: boot an ELF in QEMU (qemu-system-arm, qemu-system-riscv32:
 * the board's ISA picks it) with semihosting, and
 * check its output and exit status against the pipeline's expectation. A
 * timeout ends a hung guest.
 *
 * @module
 */
import { boardNamed } from "../synth/boards.ts";
import { type Isa, isaOf } from "../synth/isa.ts";
import type { Arch } from "../types.ts";
import type { Values } from "../settings.ts";
import type { RUN_SETTINGS } from "./settings.ts";
import { run } from "../exec.ts";

/** What to boot and what to expect. */
export type RunSpec = Partial<Omit<Values<typeof RUN_SETTINGS>, "emulator">> & {
  board: string;
  /** The QEMU machine, for a board the pipeline file declares (a built-in board knows its own). */
  qemuMachine?: string;
  /** The instruction set, for a board the pipeline file declares (default: the built-in board's). */
  arch?: Arch;
};

/** What the guest did. */
export interface RunOutput {
  /** What the guest printed (without the firmware's stack report). */
  stdout: string;
  /** Stack high-water marks, when the firmware was built to measure them. */
  stack?: StackUse;
  exitCode: number;
  durationMs: number;
}

/** Bytes of each stack the guest used at its deepest. */
export interface StackUse {
  /** The native (Cortex-M, RV32) stack. */
  native: number;
  /** The wasm shadow stack in linear memory (shared stack only). */
  wasm?: number;
}

// The line starts with SOH (0x01) so that no guest output can be mistaken for it.
// deno-lint-ignore no-control-regex
const STACK_REPORT = /\x01dissolve-stack native=(\d+)(?: wasm=(\d+))?\n/;

/**
 * Takes the firmware's stack report line (`\x01dissolve-stack native=N wasm=M`)
 * off the guest's output.
 *
 * @example
 * ```ts
 * import { splitStackReport } from "./qemu.ts";
 * console.log(splitStackReport("hi\n\x01dissolve-stack native=96 wasm=32\n")); // { stdout: "hi\n", stack: { native: 96, wasm: 32 } }
 * ```
 */
export function splitStackReport(output: string): { stdout: string; stack?: StackUse } {
  const m = STACK_REPORT.exec(output);
  if (!m) return { stdout: output };
  const stack: StackUse = { native: Number(m[1]) };
  if (m[2] !== undefined) stack.wasm = Number(m[2]);
  return { stdout: output.slice(0, m.index) + output.slice(m.index + m[0].length), stack };
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

/** What QEMU boots: an ELF (`-kernel`), or a raw image written at an address (`-device loader`). */
export type QemuBoot = { kernel: string } | { image: string; address: number };

/**
 * The QEMU command line that boots `boot` on `machine` with nothing but the
 * semihosting console, on stdout (`console: "stdio"`, by default QEMU writes it
 * to stderr among its own notes) or into a file.
 *
 * @example
 * ```ts
 * import { qemuCommand } from "./qemu.ts";
 * import { ISAS } from "../synth/isa.ts";
 * console.log(qemuCommand(ISAS.arm, "lm3s6965evb", { kernel: "firmware.elf" }).join(" "));
 * ```
 */
export function qemuCommand(
  isa: Isa,
  machine: string,
  boot: QemuBoot,
  console: "stdio" | { file: string } = "stdio",
  /** Halt at reset and wait for gdb on this port of 127.0.0.1 (QEMU's gdbstub). */
  gdbPort?: number,
): string[] {
  return [
    isa.qemu,
    "-M",
    machine,
    ...isa.qemuArgs,
    ..."-display none -serial none -monitor none".split(" "),
    "-chardev",
    console === "stdio" ? "stdio,id=semihost" : `file,id=semihost,path=${console.file}`,
    "-semihosting-config",
    "enable=on,target=native,chardev=semihost",
    ...("kernel" in boot
      ? ["-kernel", boot.kernel]
      : ["-device", `loader,file=${boot.image},addr=0x${boot.address.toString(16)}`]),
    ...(gdbPort === undefined ? [] : ["-S", "-gdb", `tcp:127.0.0.1:${gdbPort}`]),
  ];
}

/**
 * Boots `elfPath` on `spec.board` in QEMU.
 *
 * @example
 * ```ts
 * import { runQemu } from "./qemu.ts";
 * const r = await runQemu("build/hello/lm3s6965evb/firmware.elf", { board: "lm3s6965evb", expectOutput: "Hello from a fused component!\n" });
 * console.log(r.stdout, r.exitCode);
 * ```
 */
export async function runQemu(elfPath: string, spec: RunSpec): Promise<RunOutput> {
  const machine = spec.qemuMachine ?? boardNamed(spec.board).qemuMachine;
  const isa = isaOf({ arch: spec.arch ?? boardNamed(spec.board).arch });
  if (!machine) {
    throw new Error(
      `run: board "${spec.board}" names no QEMU machine; declare qemu-machine in its [board] table, or set [run] emulator = "none"`,
    );
  }
  const timeoutMs = spec.timeoutMs ?? 10000;
  const t0 = performance.now();
  const r = await run(
    qemuCommand(isa, machine, { kernel: elfPath }),
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
  const { stdout, stack } = splitStackReport(r.stdout);
  const out: RunOutput = { stdout, exitCode: r.exitCode, durationMs, ...(stack ? { stack } : {}) };
  const wantCode = spec.expectExitCode ?? 0;
  if (out.exitCode !== wantCode) {
    throw new RunMismatch(`exit code ${wantCode}`, `exit code ${out.exitCode}`, out.stdout);
  }
  if (spec.expectOutput !== undefined && out.stdout !== spec.expectOutput) {
    throw new RunMismatch(JSON.stringify(spec.expectOutput), JSON.stringify(out.stdout), "");
  }
  return out;
}
