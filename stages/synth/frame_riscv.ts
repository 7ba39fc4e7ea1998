/**
 * A library function's frame and calls, read from its RV32 code (RV32I with
 * the C extension's compressed forms): what the native stack bound needs for
 * code gcc did not compile in this build (picolibc's `memcpy`, libgcc's
 * soft-float helpers). `thumbFrame` in `stack_bound.ts` is the Cortex-M twin.
 *
 * @module
 */
import type { ElfFile } from "./elf.ts";
import { functionCode, type FunctionIndex, indexFunctions } from "./function_index.ts";

/** Sign-extends the low `bits` bits of `v`. */
function signed(v: number, bits: number): number {
  const shift = 32 - bits;
  return (v << shift) >> shift;
}

/** The offset of a compressed `c.j` / `c.jal`: bits [12|11|10:9|8|7|6|5:3|2] → offset[11|4|9:8|10|6|7|3:1|5]. */
function cjOffset(h: number): number {
  const b = (n: number) => (h >> n) & 1;
  return signed(
    (b(12) << 11) | (b(11) << 4) | (((h >> 9) & 3) << 8) | (b(8) << 10) | (b(7) << 6) |
      (b(6) << 7) | (((h >> 3) & 7) << 1) | (b(2) << 5),
    12,
  );
}

/**
 * The sum of every `addi sp, sp, -n` / `c.addi16sp` / `c.addi sp` (an
 * over-approximation when paths differ) with the frames of the millicode it
 * calls through t0, the targets of every direct call and tail jump that
 * lands on a function, and whether it calls through a register (`jalr ra,
 * rN` not formed from `auipc`).
 *
 * @example
 * ```ts ignore
 * import { riscvFrame } from "./frame_riscv.ts";
 * import { parseElf } from "./elf.ts";
 * const bytes = await Deno.readFile("build/hello/sifive_e/firmware.elf");
 * console.log(riscvFrame(bytes, parseElf(bytes), "memcpy")); // { bytes, callees, indirect }
 * ```
 */
export function riscvFrame(
  bytes: Uint8Array,
  elf: ElfFile,
  name: string,
  index: FunctionIndex = indexFunctions(elf),
): { bytes: number; callees: string[]; indirect: boolean } | undefined {
  const code = functionCode(bytes, elf, name, index);
  if (!code) return undefined;
  const { addr, view, size } = code;
  let frame = 0, indirect = false;
  const callees: string[] = [];
  const lands = (target: number) => {
    const f = index.byAddr.get(target >>> 0);
    if (f !== undefined && f !== name) callees.push(f);
  };
  // `jal t0, __riscv_save_N` (code built with -msave-restore, as picolibc is): libgcc's
  // millicode lowers sp for the caller and returns, so its frame is part of the caller's.
  const millicodeFrame = (target: number) => {
    const f = index.byAddr.get(target >>> 0);
    return f === undefined || f === name ? 0 : riscvFrame(bytes, elf, f, index)?.bytes ?? 0;
  };
  // The last `auipc`: its register and value, for the `jalr` that completes a far call.
  let auipc: { rd: number; value: number; at: number } | undefined;
  for (let i = 0; i + 2 <= size;) {
    const h = view.getUint16(i, true);
    const pc = addr + i;
    if ((h & 3) === 3 && i + 4 <= size) {
      const w = view.getUint32(i, true);
      const opcode = w & 0x7f, rd = (w >> 7) & 31, rs1 = (w >> 15) & 31;
      if (opcode === 0x13 && ((w >> 12) & 7) === 0 && rd === 2 && rs1 === 2) { // addi sp, sp, imm
        const imm = w >> 20;
        if (imm < 0) frame -= imm;
      } else if (opcode === 0x6f) { // jal rd, offset: a call (ra) or a tail jump (zero)
        const off = signed(
          (((w >>> 31) & 1) << 20) | (((w >> 12) & 0xff) << 12) | (((w >> 20) & 1) << 11) |
            (((w >> 21) & 0x3ff) << 1),
          21,
        );
        if (rd === 0 || rd === 1) lands(pc + off);
        else frame += millicodeFrame(pc + off);
      } else if (opcode === 0x17) { // auipc rd, imm20
        auipc = { rd, value: pc + (w & 0xfffff000), at: i };
      } else if (opcode === 0x67) { // jalr rd, imm(rs1)
        const imm = w >> 20;
        if (auipc && auipc.rd === rs1 && auipc.at === i - 4) lands(auipc.value + imm);
        else if (rd === 1) indirect = true;
      }
      i += 4;
      continue;
    }
    const quadrant = h & 3, funct3 = h >> 13;
    const rdC = (h >> 7) & 31, rs2C = (h >> 2) & 31;
    if (quadrant === 1 && funct3 === 3 && rdC === 2) { // c.addi16sp
      const b = (n: number) => (h >> n) & 1;
      const imm = signed(
        (b(12) << 9) | (b(6) << 4) | (b(5) << 6) | (((h >> 3) & 3) << 7) | (b(2) << 5),
        10,
      );
      if (imm < 0) frame -= imm;
    } else if (quadrant === 1 && funct3 === 0 && rdC === 2) { // c.addi sp, imm
      const imm = signed((((h >> 12) & 1) << 5) | ((h >> 2) & 31), 6);
      if (imm < 0) frame -= imm;
    } else if (quadrant === 1 && (funct3 === 1 || funct3 === 5)) { // c.jal, c.j
      lands(pc + cjOffset(h));
    } else if (quadrant === 2 && (h >> 12) === 0b1001 && rdC !== 0 && rs2C === 0) { // c.jalr
      indirect = true;
    }
    i += 2;
  }
  return { bytes: frame, callees, indirect };
}
