/**
 * A C program booted on a board with only the BSP (startup, semihosting
 * console, faults): for tests of the BSP and of the prelude's accessors.
 *
 * @module
 */
import type { Board } from "../../stages/types.ts";
import { isaOf } from "../../stages/synth/isa.ts";
import { linkerScript } from "../../stages/synth/linker.ts";
import { BSP, bspSources } from "../../stages/synth/compile.ts";
import { run } from "../../stages/exec.ts";
import { qemuCommand } from "../../stages/run/mod.ts";

/**
 * Compiles `source` (its `main` prints through `semihost.h`) with the BSP for
 * `board`, boots it in QEMU and returns what it printed and its exit code.
 *
 * @example
 * ```ts ignore
 * import { bootBspProgram } from "./bsp_program.ts";
 * import { BOARDS } from "../../stages/synth/boards.ts";
 * const r = await bootBspProgram(BOARDS.lm3s6965evb, '#include "semihost.h"\nint main(void) { semihost_puts("hi\\n"); return 0; }');
 * console.log(r.stdout); // "hi\n"
 * ```
 */
export async function bootBspProgram(
  board: Board,
  source: string,
  stackBytes = 512,
  timeoutMs = 10000,
): Promise<{ stdout: string; exitCode: number }> {
  const dir = await Deno.makeTempDir({ prefix: "dissolve-bsp-program-" });
  try {
    const isa = isaOf(board);
    await Deno.writeTextFile(`${dir}/main.c`, source);
    await Deno.writeTextFile(`${dir}/board.ld`, linkerScript(board, stackBytes));
    await run([
      isa.gcc,
      ...board.cflags,
      "-Os",
      "-nostartfiles",
      ...isa.libcFlags,
      `-I${BSP}`,
      "-Tboard.ld",
      "-o",
      "program.elf",
      "main.c",
      // The BSP's runtime is the wasm2c one; these programs need only the startup and console.
      ...bspSources(isa).filter((f) => f !== "wasm_rt_baremetal.c").map((f) => `${BSP}${f}`),
    ], { stage: "test", cwd: dir });
    const r = await run(
      qemuCommand(isa, board.qemuMachine!, { kernel: `${dir}/program.elf` }),
      { stage: "test", timeoutMs },
      true,
    );
    return { stdout: r.stdout, exitCode: r.exitCode };
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
}
