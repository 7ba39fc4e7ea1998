/**
 * The size report of a linked image: text, data, bss and stack, and how
 * much of the board's flash and RAM they use.
 *
 * @module
 */
import type { Board, SizeReport } from "../types.ts";
import { type ElfFile, SHF_ALLOC, SHF_TLS, SHT_NOBITS } from "./elf.ts";
import { within } from "../gates/elf.ts";

/**
 * Text / data / bss of a linked image and how much of the board it uses.
 *
 * @example
 * ```ts
 * import { sizeReport } from "./size_report.ts";
 * import { parseElf } from "./elf.ts";
 * import { boardNamed } from "./boards.ts";
 * const elf = parseElf(await Deno.readFile("build/hello/lm3s6965evb/firmware.elf"));
 * console.log(sizeReport(elf, boardNamed("lm3s6965evb"), 512).flashUsed);
 * ```
 */
export function sizeReport(elf: ElfFile, board: Board, stackBytes: number): SizeReport {
  let text = 0, data = 0, bss = 0;
  // Our linker script gives the stack a section; another synth's image reserves it elsewhere.
  const stackSection = elf.sections.find((s) => s.name === ".stack");
  const stack = stackSection?.size ?? stackBytes;
  for (const s of elf.sections) {
    // .tbss is counted by the section that makes room for it (.tbss_space).
    if (!(s.flags & SHF_ALLOC) || s === stackSection) continue;
    if (s.type === SHT_NOBITS && s.flags & SHF_TLS) continue;
    const inRam = within(s.addr, Math.max(1, s.size), board.ram);
    if (s.type === SHT_NOBITS) bss += s.size;
    else if (inRam) data += s.size;
    else text += s.size;
  }
  return {
    text,
    data,
    bss,
    stack,
    flashUsed: text + data,
    flashTotal: board.flash.size,
    ramUsed: data + bss + stack,
    ramTotal: board.ram.size,
  };
}
