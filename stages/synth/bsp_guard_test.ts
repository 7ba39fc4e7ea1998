/**
 * The BSP's guard below the stack, on every board. The native stack sits at
 * the bottom of RAM, so an overflow writes below RAM. QEMU's Stellaris and
 * MPS2 models map nothing there and ignore the access: a frame that reaches
 * a little below RAM (a large local area) would read zeros and go on. The
 * BSP therefore guards that space: an MPU no-access region on ARMv7-M, the
 * stack limit register on ARMv8-M, a locked PMP entry on RV32. This test
 * boots the BSP with a program that writes just below RAM and requires the
 * fault report.
 */
import { assert } from "../../test/support/assert.ts";
import { BOARDS } from "./boards.ts";
import { isaOf } from "./isa.ts";
import { linkerScript } from "./linker.ts";
import { BSP, bspSources } from "./compile.ts";
import { run } from "../exec.ts";
import { qemuCommand } from "../run/mod.ts";

const PROGRAM = (address: number) =>
  `#include <stdint.h>
#include "semihost.h"
int main(void) {
  volatile uint32_t *below = (uint32_t *)0x${address.toString(16)}u;
  *below = 0x12345678u;
  semihost_put_u32(*below);
  semihost_puts(" read back from below RAM\\n");
  return 0;
}
`;

Deno.test("BSP: a write just below RAM (where an overflowing stack goes) faults on every board", async () => {
  for (const board of Object.values(BOARDS)) {
    const dir = await Deno.makeTempDir();
    try {
      const isa = isaOf(board);
      await Deno.writeTextFile(`${dir}/main.c`, PROGRAM(board.ram.origin - 16));
      await Deno.writeTextFile(`${dir}/board.ld`, linkerScript(board, 512));
      await run([
        isa.gcc,
        ...board.cflags,
        "-Os",
        "-nostartfiles",
        ...isa.libcFlags,
        `-I${BSP}`,
        "-Tboard.ld",
        "-o",
        "guard.elf",
        "main.c",
        // The BSP's runtime is the wasm2c one; this program needs only the startup and console.
        ...bspSources(isa).filter((f) => f !== "wasm_rt_baremetal.c").map((f) => `${BSP}${f}`),
      ], { stage: "test", cwd: dir });
      const r = await run(
        qemuCommand(isa, board.qemuMachine!, { kernel: `${dir}/guard.elf` }),
        { stage: "test", timeoutMs: 10000 },
        true,
      );
      assert(
        r.exitCode === 3 && r.stdout.includes("hard fault"),
        `${board.name}: exit ${r.exitCode}: ${r.stdout}`,
      );
    } finally {
      await Deno.remove(dir, { recursive: true });
    }
  }
});
