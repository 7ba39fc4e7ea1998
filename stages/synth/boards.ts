/**
 * Board profiles: CPU, compiler flags, QEMU machine, and the memory map the
 * linker script and the ELF gate use. The built-in boards are declarations
 * in the same form a pipeline file's `[board.NAME]` takes, made into
 * profiles by the same function.
 *
 * @module
 */
import type { Arch, Board } from "../types.ts";

const KIB = 1024, MIB = 1024 * 1024;

/** A CPU a board may name: its instruction set and the FPUs it can carry (`-mfpu`). */
export interface Cpu {
  arch: Arch;
  fpus: string[];
}

/**
 * The CPUs a board may name. Cortex-M cores by name, with the FPUs each can
 * carry (arm-none-eabi-gcc's multilibs cover each combination); RV32 cores
 * by their ISA string, each one a multilib of riscv64-unknown-elf-gcc with
 * picolibc (soft-float, `ilp32`).
 */
export const CPUS: Record<string, Cpu> = {
  "cortex-m0": { arch: "arm", fpus: [] },
  "cortex-m0plus": { arch: "arm", fpus: [] },
  "cortex-m3": { arch: "arm", fpus: [] },
  "cortex-m4": { arch: "arm", fpus: ["fpv4-sp-d16"] },
  "cortex-m7": { arch: "arm", fpus: ["fpv5-sp-d16", "fpv5-d16"] },
  "cortex-m23": { arch: "arm", fpus: [] },
  "cortex-m33": { arch: "arm", fpus: ["fpv5-sp-d16"] },
  "rv32i": { arch: "riscv32", fpus: [] },
  "rv32im": { arch: "riscv32", fpus: [] },
  "rv32iac": { arch: "riscv32", fpus: [] },
  "rv32imac": { arch: "riscv32", fpus: [] },
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
 * The built-in boards, declared as a pipeline file declares its own. Each
 * memory map is the one QEMU's machine model gives (`qemu-system-arm -M help`,
 * `qemu-system-riscv32 -M help` name them); a wrong RAM origin shows up as a
 * fault at reset, which the board tests would see.
 */
export const BUILTIN_BOARDS: Record<string, BoardDeclaration & { about: string }> = {
  "lm3s6965evb": {
    about: "TI Stellaris LM3S6965 evaluation board: Cortex-M3, 256 KiB flash, 64 KiB RAM",
    cpu: "cortex-m3",
    qemuMachine: "lm3s6965evb",
    flash: { origin: 0x00000000, size: 256 * KIB },
    ram: { origin: 0x20000000, size: 64 * KIB },
  },
  "lm3s811evb": {
    about: "TI Stellaris LM3S811 evaluation board: Cortex-M3, 64 KiB flash, 8 KiB RAM",
    cpu: "cortex-m3",
    qemuMachine: "lm3s811evb",
    flash: { origin: 0x00000000, size: 64 * KIB },
    ram: { origin: 0x20000000, size: 8 * KIB },
  },
  "stm32vldiscovery": {
    about: "ST STM32VLDISCOVERY (STM32F100RB): Cortex-M3, 128 KiB flash at 0x08000000, 8 KiB RAM",
    cpu: "cortex-m3",
    qemuMachine: "stm32vldiscovery",
    flash: { origin: 0x08000000, size: 128 * KIB },
    ram: { origin: 0x20000000, size: 8 * KIB },
  },
  "microbit": {
    about: "BBC micro:bit (nRF51822): Cortex-M0 (ARMv6-M: no Thumb-2, no divide), 256 KiB flash, " +
      "16 KiB RAM",
    cpu: "cortex-m0",
    qemuMachine: "microbit",
    flash: { origin: 0x00000000, size: 256 * KIB },
    ram: { origin: 0x20000000, size: 16 * KIB },
  },
  "mps2-an385": {
    about: "ARM MPS2 with the AN385 FPGA image: Cortex-M3, 4 MiB code SRAM, 4 MiB data SRAM",
    cpu: "cortex-m3",
    qemuMachine: "mps2-an385",
    flash: { origin: 0x00000000, size: 4 * MIB },
    ram: { origin: 0x20000000, size: 4 * MIB },
  },
  "mps2-an386": {
    about: "ARM MPS2 with the AN386 image: Cortex-M4 with single-precision FPU (hard-float)",
    cpu: "cortex-m4",
    fpu: "fpv4-sp-d16",
    qemuMachine: "mps2-an386",
    flash: { origin: 0x00000000, size: 4 * MIB },
    ram: { origin: 0x20000000, size: 4 * MIB },
  },
  "mps2-an505": {
    about: "ARM MPS2 with the AN505 image: Cortex-M33 (ARMv8-M Mainline, FPU), booting in the " +
      "secure state, so code and data use the secure aliases: SSRAM1 at 0x10000000, SSRAM2 at " +
      "0x38000000",
    cpu: "cortex-m33",
    fpu: "fpv5-sp-d16",
    qemuMachine: "mps2-an505",
    flash: { origin: 0x10000000, size: 4 * MIB },
    ram: { origin: 0x38000000, size: 2 * MIB },
  },
  "sifive_e": {
    about: "SiFive E (FE310, HiFive1): RV32IMAC; the mask ROM jumps to the QSPI flash at " +
      "0x20400000 (12 MiB from there), 16 KiB of data RAM at 0x80000000",
    cpu: "rv32imac",
    qemuMachine: "sifive_e",
    flash: { origin: 0x20400000, size: 12 * MIB },
    ram: { origin: 0x80000000, size: 16 * KIB },
  },
  "virt-rv32": {
    about: "QEMU's rv32 virt machine: RV32 at 0x80000000, where QEMU's reset jumps with no " +
      "firmware (-bios none); the first 4 MiB of its DRAM hold the code, the next 4 MiB the data",
    cpu: "rv32imac",
    qemuMachine: "virt",
    flash: { origin: 0x80000000, size: 4 * MIB },
    ram: { origin: 0x80400000, size: 4 * MIB },
  },
};

/** The boards Dissolve builds for, as profiles. */
export const BOARDS: Record<string, Board> = Object.fromEntries(
  Object.entries(BUILTIN_BOARDS).map(([name, d]) => [name, declaredBoard(name, d)]),
);

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
  const arch = CPUS[d.cpu].arch;
  const abi = d.floatAbi ?? (d.fpu ? "hard" : "soft");
  const fpu = d.fpu && abi !== "soft" ? [`-mfloat-abi=${abi}`, `-mfpu=${d.fpu}`] : [];
  return {
    name,
    arch,
    cpu: d.cpu,
    // RV32: the ISA string picks picolibc's multilib (startup code enables Zicsr itself).
    cflags: arch === "arm"
      ? [`-mcpu=${d.cpu}`, "-mthumb", ...fpu]
      : [`-march=${d.cpu}`, "-mabi=ilp32"],
    ...(d.qemuMachine ? { qemuMachine: d.qemuMachine } : {}),
    flash: { ...d.flash },
    ram: { ...d.ram },
  };
}

/**
 * The compile group of a board: boards with the same CPU flags share one
 * compile (`cortex-m3`, `cortex-m4-hard-fpv4-sp-d16`, `rv32imac`).
 *
 * @example
 * ```ts
 * import { compileGroup } from "./boards.ts";
 * import { boardNamed } from "./boards.ts";
 * console.log(compileGroup(boardNamed("mps2-an386"))); // cortex-m4-hard-fpv4-sp-d16
 * ```
 */
export function compileGroup(board: Board): string {
  const flag = (name: string) =>
    board.cflags.find((f) => f.startsWith(`-m${name}=`))?.split("=")[1];
  const abi = flag("float-abi"), fpu = flag("fpu");
  return [board.cpu, ...(abi ? [abi] : []), ...(fpu ? [fpu] : [])].join("-");
}
