/**
 * A fused module booted as firmware: synth's built-in backend builds it for
 * a board, QEMU runs it. For tests that check a fused composition on the MCU
 * as in V8.
 *
 * @module
 */
import { synth } from "../../stages/synth/mod.ts";
import { runQemu } from "../../stages/run/qemu.ts";
import { boardNamed } from "../../stages/synth/boards.ts";

/**
 * Builds `module` (a fused core module whose export `entry` returns a u32)
 * for `board`, boots it, and returns what it printed and its exit code.
 *
 * @example
 * ```ts ignore
 * import { bootFused } from "./boot_fused.ts";
 * const r = await bootFused(fusedModule, "mps2-an385", "run");
 * console.log(r.stdout); // "42\n"
 * ```
 */
export async function bootFused(
  module: Uint8Array,
  board: string,
  entry: string,
): Promise<{ stdout: string; exitCode: number }> {
  const dir = await Deno.makeTempDir({ prefix: "dissolve-boot-fused-" });
  try {
    const out = await synth(module, { backend: "builtin", board, entry, entryResult: "u32" }, {
      scratchDir: dir,
      baseDir: dir,
      log: () => {},
    });
    await Deno.writeFile(`${dir}/firmware.elf`, out.elf!);
    const r = await runQemu(`${dir}/firmware.elf`, { board, arch: boardNamed(board).arch });
    return { stdout: r.stdout, exitCode: r.exitCode };
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
}
