/**
 * A debugging session on the firmware: QEMU halted at reset with its
 * gdbstub, and gdb-multiarch on the ELF, connected to it. Interactive (the
 * terminal is gdb's) or in batch mode (gdb runs the commands and exits; a
 * test reads what it printed).
 *
 * @module
 */
import type { Board } from "../types.ts";
import { isaOf } from "../synth/isa.ts";
import { boardNamed } from "../synth/boards.ts";
import { onPath } from "../exec.ts";
import { missingProgram } from "../toolchain.ts";
import { qemuCommand } from "./qemu.ts";
import { BSP } from "../synth/compile.ts";

/** What to debug and how. */
export interface GdbSession {
  elf: string;
  board: Board;
  /** Where the sources are (gdb's source path): the components', the generated C's. */
  sourceDirs: string[];
  /** gdb commands to run after connecting; with `batch`, gdb exits after them. */
  commands?: string[];
  /** Run the commands and exit (no terminal): the output comes back. */
  batch?: boolean;
  /** Where the firmware's console goes (its semihosting output). */
  consoleFile: string;
}

/** A port of 127.0.0.1 nobody listens on now. */
function freePort(): number {
  const l = Deno.listen({ hostname: "127.0.0.1", port: 0 });
  const port = (l.addr as Deno.NetAddr).port;
  l.close();
  return port;
}

/** Waits until QEMU's gdbstub accepts connections (or QEMU has exited). */
async function gdbstubReady(port: number, qemu: Deno.ChildProcess): Promise<void> {
  let exited = false;
  qemu.status.then(() => exited = true);
  for (let i = 0; i < 200 && !exited; i++) {
    try {
      (await Deno.connect({ hostname: "127.0.0.1", port })).close();
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 25));
    }
  }
  throw new Error(`debug: QEMU's gdbstub did not start on 127.0.0.1:${port}`);
}

/**
 * Starts QEMU halted with its gdbstub and gdb-multiarch connected to it;
 * returns gdb's exit code and (in batch mode) what it printed. QEMU is
 * stopped when gdb exits.
 *
 * @example
 * ```ts ignore
 * import { debugFirmware } from "./gdb.ts";
 * import { boardNamed } from "../synth/boards.ts";
 * const r = await debugFirmware({ elf: "build/kernel-debug/lm3s6965evb/firmware.elf",
 *   board: boardNamed("lm3s6965evb"), sourceDirs: ["examples/kernel"], batch: true,
 *   commands: ["break queue.c:38", "continue", "bt"], consoleFile: "/tmp/console.txt" });
 * console.log(r.output);
 * ```
 */
export async function debugFirmware(s: GdbSession): Promise<{ code: number; output: string }> {
  if (!onPath("gdb-multiarch")) throw new Error(`debug: ${missingProgram("gdb-multiarch")}`);
  const isa = isaOf(s.board);
  const machine = s.board.qemuMachine ?? boardNamed(s.board.name).qemuMachine;
  if (!machine) throw new Error(`debug: board ${s.board.name} has no QEMU machine to run on`);
  const port = freePort();
  const [qemuBin, ...qemuArgs] = qemuCommand(
    isa,
    machine,
    { kernel: s.elf },
    { file: s.consoleFile },
    port,
  );
  const qemu = new Deno.Command(qemuBin, {
    args: qemuArgs,
    stdin: "null",
    stdout: "null",
    stderr: "null",
  }).spawn();
  try {
    await gdbstubReady(port, qemu);
    const commands = [
      "set pagination off",
      "set confirm off",
      ...s.sourceDirs.map((d) => `directory ${d}`),
      // The BSP's files are named bsp/… in the DWARF.
      `set substitute-path bsp ${BSP.replace(/\/$/, "")}`,
      `target remote 127.0.0.1:${port}`,
      ...(s.commands ?? []),
    ];
    const gdb = new Deno.Command("gdb-multiarch", {
      args: [
        "-nx",
        "-q",
        ...(s.batch ? ["-batch"] : []),
        ...commands.flatMap((c) => ["-ex", c]),
        s.elf,
      ],
      stdin: s.batch ? "null" : "inherit",
      stdout: s.batch ? "piped" : "inherit",
      stderr: s.batch ? "piped" : "inherit",
    });
    const r = await gdb.output();
    const text = (b: Uint8Array) => new TextDecoder().decode(b);
    return { code: r.code, output: s.batch ? text(r.stdout) + text(r.stderr) : "" };
  } finally {
    try {
      qemu.kill("SIGKILL");
    } catch {
      // QEMU already exited (gdb killed the target)
    }
    await qemu.status;
  }
}
