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
import { bootBspProgram } from "../../test/support/bsp_program.ts";

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
    const r = await bootBspProgram(board, PROGRAM(board.ram.origin - 16));
    assert(
      r.exitCode === 3 && r.stdout.includes("hard fault"),
      `${board.name}: exit ${r.exitCode}: ${r.stdout}`,
    );
  }
});
