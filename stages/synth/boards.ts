/**
 * Board profiles: CPU, QEMU machine, and the memory map the linker script
 * and the ELF gate use.
 *
 * @module
 */
import type { Board } from "../types.ts";

/** The boards Dissolve builds for. */
export const BOARDS: Record<string, Board> = {
  /** TI Stellaris LM3S6965 evaluation board: Cortex-M3, 256 KiB flash, 64 KiB RAM — a lean MCU. */
  "lm3s6965evb": {
    name: "lm3s6965evb",
    cpu: "cortex-m3",
    qemuMachine: "lm3s6965evb",
    flash: { origin: 0x00000000, size: 256 * 1024 },
    ram: { origin: 0x20000000, size: 64 * 1024 },
  },
  /** ARM MPS2 with the AN385 FPGA image: Cortex-M3, 4 MiB code SRAM, 4 MiB data SRAM. */
  "mps2-an385": {
    name: "mps2-an385",
    cpu: "cortex-m3",
    qemuMachine: "mps2-an385",
    flash: { origin: 0x00000000, size: 4 * 1024 * 1024 },
    ram: { origin: 0x20000000, size: 4 * 1024 * 1024 },
  },
};

/**
 * Looks a board up by name, with an error that lists the known ones.
 *
 * @example
 * ```ts
 * import { boardNamed } from "./boards.ts";
 * console.log(boardNamed("lm3s6965evb").ram.size); // 65536
 * ```
 */
export function boardNamed(name: string): Board {
  const b = BOARDS[name];
  if (!b) {
    throw new Error(`unknown board "${name}"; known boards: ${Object.keys(BOARDS).join(", ")}`);
  }
  return b;
}
