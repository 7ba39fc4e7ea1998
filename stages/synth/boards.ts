/**
 * Board profiles: CPU, compiler flags, QEMU machine, and the memory map the
 * linker script and the ELF gate use. Each memory map is the one QEMU's
 * machine model gives (`qemu-system-arm -M help` names them); a wrong RAM
 * origin shows up as a hard fault at reset, which the board tests would see.
 *
 * @module
 */
import type { Board } from "../types.ts";

const KIB = 1024, MIB = 1024 * 1024;
const thumb = (cpu: string, ...fpu: string[]) => [`-mcpu=${cpu}`, "-mthumb", ...fpu];

/** The boards Dissolve builds for. */
export const BOARDS: Record<string, Board> = {
  /** TI Stellaris LM3S6965 evaluation board: Cortex-M3, 256 KiB flash, 64 KiB RAM. */
  "lm3s6965evb": {
    name: "lm3s6965evb",
    cpu: "cortex-m3",
    cflags: thumb("cortex-m3"),
    qemuMachine: "lm3s6965evb",
    flash: { origin: 0x00000000, size: 256 * KIB },
    ram: { origin: 0x20000000, size: 64 * KIB },
  },
  /** TI Stellaris LM3S811 evaluation board: Cortex-M3, 64 KiB flash, 8 KiB RAM. */
  "lm3s811evb": {
    name: "lm3s811evb",
    cpu: "cortex-m3",
    cflags: thumb("cortex-m3"),
    qemuMachine: "lm3s811evb",
    flash: { origin: 0x00000000, size: 64 * KIB },
    ram: { origin: 0x20000000, size: 8 * KIB },
  },
  /** ST STM32VLDISCOVERY (STM32F100RB): Cortex-M3, 128 KiB flash at 0x08000000, 8 KiB RAM. */
  "stm32vldiscovery": {
    name: "stm32vldiscovery",
    cpu: "cortex-m3",
    cflags: thumb("cortex-m3"),
    qemuMachine: "stm32vldiscovery",
    flash: { origin: 0x08000000, size: 128 * KIB },
    ram: { origin: 0x20000000, size: 8 * KIB },
  },
  /** BBC micro:bit (nRF51822): Cortex-M0 (ARMv6-M: no Thumb-2, no divide), 256 KiB flash, 16 KiB RAM. */
  "microbit": {
    name: "microbit",
    cpu: "cortex-m0",
    cflags: thumb("cortex-m0"),
    qemuMachine: "microbit",
    flash: { origin: 0x00000000, size: 256 * KIB },
    ram: { origin: 0x20000000, size: 16 * KIB },
  },
  /** ARM MPS2 with the AN385 FPGA image: Cortex-M3, 4 MiB code SRAM, 4 MiB data SRAM. */
  "mps2-an385": {
    name: "mps2-an385",
    cpu: "cortex-m3",
    cflags: thumb("cortex-m3"),
    qemuMachine: "mps2-an385",
    flash: { origin: 0x00000000, size: 4 * MIB },
    ram: { origin: 0x20000000, size: 4 * MIB },
  },
  /** ARM MPS2 with the AN386 image: Cortex-M4 with single-precision FPU (hard-float). */
  "mps2-an386": {
    name: "mps2-an386",
    cpu: "cortex-m4",
    cflags: thumb("cortex-m4", "-mfloat-abi=hard", "-mfpu=fpv4-sp-d16"),
    qemuMachine: "mps2-an386",
    flash: { origin: 0x00000000, size: 4 * MIB },
    ram: { origin: 0x20000000, size: 4 * MIB },
  },
  /**
   * ARM MPS2 with the AN505 image: Cortex-M33 (ARMv8-M Mainline, FPU), booting in the secure
   * state, so code and data use the secure aliases: SSRAM1 at 0x10000000, SSRAM2 at 0x38000000.
   */
  "mps2-an505": {
    name: "mps2-an505",
    cpu: "cortex-m33",
    cflags: thumb("cortex-m33", "-mfloat-abi=hard", "-mfpu=fpv5-sp-d16"),
    qemuMachine: "mps2-an505",
    flash: { origin: 0x10000000, size: 4 * MIB },
    ram: { origin: 0x38000000, size: 2 * MIB },
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

/**
 * The Cortex-M cores a board may declare, with the FPUs each can carry
 * (`-mfpu`); arm-none-eabi-gcc's multilibs cover each combination.
 */
export const CORTEX_M: Record<string, { fpus: string[] }> = {
  "cortex-m0": { fpus: [] },
  "cortex-m0plus": { fpus: [] },
  "cortex-m3": { fpus: [] },
  "cortex-m4": { fpus: ["fpv4-sp-d16"] },
  "cortex-m7": { fpus: ["fpv5-sp-d16", "fpv5-d16"] },
  "cortex-m23": { fpus: [] },
  "cortex-m33": { fpus: ["fpv5-sp-d16"] },
};

/** A board as a pipeline file declares it (`[board.NAME]`), sizes in bytes. */
export interface BoardDeclaration {
  cpu: string;
  fpu?: string;
  /** Default `hard` when an FPU is named, `soft` otherwise. */
  floatAbi?: "soft" | "softfp" | "hard";
  flash: { origin: number; size: number };
  ram: { origin: number; size: number };
  qemuMachine?: string;
}

/**
 * The board profile of a declaration: its compiler flags follow from the
 * CPU, FPU and float ABI. The declaration is assumed valid (the pipeline
 * schema checks it).
 *
 * @example
 * ```ts
 * import { declaredBoard } from "./boards.ts";
 * const b = declaredBoard("my-f4", { cpu: "cortex-m4", fpu: "fpv4-sp-d16",
 *   flash: { origin: 0x08000000, size: 512 * 1024 }, ram: { origin: 0x20000000, size: 128 * 1024 } });
 * console.log(b.cflags); // ["-mcpu=cortex-m4", "-mthumb", "-mfloat-abi=hard", "-mfpu=fpv4-sp-d16"]
 * ```
 */
export function declaredBoard(name: string, d: BoardDeclaration): Board {
  const abi = d.floatAbi ?? (d.fpu ? "hard" : "soft");
  const fpu = d.fpu && abi !== "soft" ? [`-mfloat-abi=${abi}`, `-mfpu=${d.fpu}`] : [];
  return {
    name,
    cpu: d.cpu,
    cflags: thumb(d.cpu, ...fpu),
    ...(d.qemuMachine ? { qemuMachine: d.qemuMachine } : {}),
    flash: { ...d.flash },
    ram: { ...d.ram },
  };
}
