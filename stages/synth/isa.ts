/**
 * What differs between the instruction sets synth builds for: the GNU
 * toolchain's prefix, the C library and its specs, the BSP's startup file,
 * the ELF machine, the QEMU system emulator and its extra arguments.
 *
 * Everything else (wasm2c's C, the runtime, the linker script's layout, the
 * stack bound from gcc's call graph, the gates) is the same for every ISA.
 *
 * @module
 */
import type { Arch } from "../types.ts";
import { EM_ARM, EM_RISCV } from "./elf.ts";

/** One instruction set's toolchain and emulator. */
export interface Isa {
  arch: Arch;
  /** The cross compiler (`arm-none-eabi-gcc`). */
  gcc: string;
  /** Its objcopy, for flashable `.bin` / `.hex` outputs. */
  objcopy: string;
  /** Link flags that select the C library (newlib-nano on Arm, picolibc on RISC-V). */
  libcFlags: string[];
  /** Compile flags the C library's headers need (picolibc's come through its specs). */
  libcCompileFlags: string[];
  /** The BSP's startup file: reset, stack paint, fault report. */
  startup: string;
  /** The ELF header's `e_machine`. */
  elfMachine: number;
  /** What `e_machine` is called, for the gate's message. */
  elfMachineName: string;
  /** The QEMU system emulator that models this ISA's boards. */
  qemu: string;
  /** QEMU arguments this ISA's machines need (`-bios none`: no firmware before ours). */
  qemuArgs: string[];
}

/** Every ISA, by its arch name. */
export const ISAS: Record<Arch, Isa> = {
  arm: {
    arch: "arm",
    gcc: "arm-none-eabi-gcc",
    objcopy: "arm-none-eabi-objcopy",
    libcFlags: ["--specs=nano.specs"],
    libcCompileFlags: [],
    startup: "startup_cortex_m.c",
    elfMachine: EM_ARM,
    elfMachineName: "EM_ARM",
    qemu: "qemu-system-arm",
    qemuArgs: [],
  },
  riscv32: {
    arch: "riscv32",
    gcc: "riscv64-unknown-elf-gcc",
    objcopy: "riscv64-unknown-elf-objcopy",
    libcFlags: ["--specs=picolibc.specs"],
    libcCompileFlags: ["--specs=picolibc.specs"],
    startup: "startup_riscv.c",
    elfMachine: EM_RISCV,
    elfMachineName: "EM_RISCV",
    qemu: "qemu-system-riscv32",
    qemuArgs: ["-bios", "none"],
  },
};

/**
 * The ISA of a board.
 *
 * @example
 * ```ts
 * import { isaOf } from "./isa.ts";
 * import { boardNamed } from "./boards.ts";
 * console.log(isaOf(boardNamed("sifive_e")).gcc); // riscv64-unknown-elf-gcc
 * ```
 */
export function isaOf(board: { arch: Arch }): Isa {
  return ISAS[board.arch];
}
