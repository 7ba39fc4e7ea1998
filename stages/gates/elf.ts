/**
 * The gate after synth: the ELF must be what the board can run.
 *
 * ELF32 little-endian, the board's machine (EM_ARM, EM_RISCV), an entry
 * point the core can start at (Cortex-M: a Thumb address, odd; RV32: the
 * flash origin, where the machine's reset jumps), every allocated section
 * inside the board's FLASH or RAM; for a relocatable object, its undefined
 * symbols exactly the declared seam.
 *
 * @module
 */
import type { Board } from "../types.ts";
import { type ElfFile, parseElf, SHF_ALLOC } from "../synth/elf.ts";
import { isaOf } from "../synth/isa.ts";
import { GateError } from "./gate_error.ts";

/**
 * Whether [addr, addr + size) lies inside `region`.
 *
 * @example
 * ```ts
 * import { within } from "./elf.ts";
 * console.log(within(0x20000010, 16, { origin: 0x20000000, size: 8192 })); // true
 * ```
 */
export function within(
  addr: number,
  size: number,
  region: { origin: number; size: number },
): boolean {
  return addr >= region.origin && addr + size <= region.origin + region.size;
}

/**
 * Checks an ELF for `board`; returns the parsed file.
 *
 * @example
 * ```ts
 * import { checkElf } from "./elf.ts";
 * import { boardNamed } from "../synth/boards.ts";
 * checkElf(
 *   await Deno.readFile("build/hello/lm3s6965evb/firmware.elf"),
 *   "firmware.elf",
 *   boardNamed("lm3s6965evb"),
 * );
 * ```
 */
export function checkElf(
  bytes: Uint8Array,
  artifact: string,
  board: Board,
  seam?: string[],
): ElfFile {
  let elf: ElfFile;
  try {
    elf = parseElf(bytes);
  } catch (e) {
    throw new GateError("synth", artifact, "an ELF32 little-endian file", (e as Error).message);
  }
  if (!elf.littleEndian) throw new GateError("synth", artifact, "little-endian", "big-endian");
  const isa = isaOf(board);
  if (elf.machine !== isa.elfMachine) {
    throw new GateError(
      "synth",
      artifact,
      `e_machine ${isa.elfMachineName} (${isa.elfMachine}) for ${board.name}`,
      `${elf.machine}`,
    );
  }
  if (elf.type === 1) {
    const want = [...(seam ?? [])].sort();
    const got = [...new Set(elf.undefinedSymbols)].sort();
    if (want.join(",") !== got.join(",")) {
      throw new GateError(
        "synth",
        artifact,
        `undefined symbols [${want.join(", ")}]`,
        `[${got.join(", ")}]`,
      );
    }
    return elf;
  }
  if (isa.arch === "riscv32" && elf.entry !== board.flash.origin) {
    throw new GateError(
      "synth",
      artifact,
      `the entry point at ${board.name}'s flash origin 0x${board.flash.origin.toString(16)} ` +
        "(where its reset jumps)",
      `0x${elf.entry.toString(16)}`,
    );
  }
  if (isa.arch === "arm" && (elf.entry & 1) !== 1) {
    throw new GateError(
      "synth",
      artifact,
      "a Thumb entry point (odd address)",
      `0x${elf.entry.toString(16)}`,
    );
  }
  for (const s of elf.sections) {
    if (!(s.flags & SHF_ALLOC) || s.size === 0) continue;
    if (!within(s.addr, s.size, board.flash) && !within(s.addr, s.size, board.ram)) {
      throw new GateError(
        "synth",
        artifact,
        `section ${s.name} inside ${board.name}'s FLASH or RAM`,
        `[0x${s.addr.toString(16)}, 0x${(s.addr + s.size).toString(16)})`,
      );
    }
  }
  return elf;
}
