/**
 * Writing DWARF 4 for a wasm module's code: a line table (`.debug_line`)
 * with one sequence per function, and the one compilation unit
 * (`.debug_info`, `.debug_abbrev`) that points at it, so that any DWARF
 * consumer (llvm-dwarfdump, a wasm debugger) reads the lines.
 *
 * @module
 */
import { BinaryWriter } from "../writer.ts";

/** One function's lines: where its code starts and ends, and where each line starts. */
export interface LineSequence {
  /** Offset of the function's first byte (its locals) from the start of the code section's contents. */
  start: number;
  /** Offset just after its last byte. */
  end: number;
  /** `[address, file index, line]`, addresses increasing, within `[start, end)`. */
  rows: [address: number, file: number, line: number][];
}

const LINE_BASE = -5, LINE_RANGE = 14, OPCODE_BASE = 13;
/** Operands of the standard opcodes 1..12 (DWARF 4, 6.2.5.2). */
const STANDARD_LENGTHS = [0, 1, 1, 1, 1, 0, 0, 0, 1, 0, 0, 1];

/** The sections' payloads. */
export interface DwarfSections {
  line: Uint8Array;
  info: Uint8Array;
  abbrev: Uint8Array;
}

/** A unit: its 32-bit length, then what `body` writes. */
function unit(body: (w: BinaryWriter) => void): Uint8Array {
  const inner = new BinaryWriter(256);
  body(inner);
  const bytes = inner.finish();
  return new BinaryWriter(bytes.length + 4).u32le(bytes.length).bytes(bytes).finish();
}

function lineProgram(w: BinaryWriter, sequences: LineSequence[]): void {
  for (const s of sequences) {
    let address = s.start, file = 1, line = 1;
    w.u8(0).u32(5).u8(2).u32le(s.start); // DW_LNE_set_address
    for (const [at, f, l] of s.rows) {
      if (at > address) w.u8(2).u32(at - address); // DW_LNS_advance_pc
      if (f + 1 !== file) w.u8(4).u32(f + 1); // DW_LNS_set_file
      if (l !== line) w.u8(3).s32(l - line); // DW_LNS_advance_line
      w.u8(1); // DW_LNS_copy
      address = Math.max(address, at), file = f + 1, line = l;
    }
    if (s.end > address) w.u8(2).u32(s.end - address);
    w.u8(0).u32(1).u8(1); // DW_LNE_end_sequence
  }
}

/**
 * The DWARF 4 sections for `sequences` over `files`, named `unitName`, the
 * module's code `codeSize` bytes long.
 *
 * @example
 * ```ts
 * import { encodeLineTable } from "./line_writer.ts";
 * import { decodeLineTable } from "./line.ts";
 * const d = encodeLineTable(["a.c"], [{ start: 1, end: 9, rows: [[2, 0, 3], [5, 0, 4]] }], "m", 9);
 * console.log(decodeLineTable(d.line).map((r) => `${r.file}:${r.line}@${r.address}`));
 * // [ "a.c:3@2", "a.c:4@5", "a.c:4@9" ]
 * ```
 */
export function encodeLineTable(
  files: string[],
  sequences: LineSequence[],
  unitName: string,
  codeSize: number,
): DwarfSections {
  const line = unit((w) => {
    w.u16le(4);
    const header = new BinaryWriter(64);
    header.u8(1).u8(1).u8(1).u8(LINE_BASE & 0xff).u8(LINE_RANGE).u8(OPCODE_BASE);
    for (const n of STANDARD_LENGTHS) header.u8(n);
    header.u8(0); // no include directories: names are as the compilers wrote them
    for (const f of files) header.cstring(f).u32(0).u32(0).u32(0);
    header.u8(0);
    const h = header.finish();
    w.u32le(h.length).bytes(h);
    lineProgram(w, sequences);
  });
  // One compilation unit (no children) whose line table is the one above, over the whole code.
  const abbrev = new BinaryWriter(32)
    .u32(1).u32(0x11).u8(0) // 1: DW_TAG_compile_unit, no children
    .u32(0x25).u32(0x08) // DW_AT_producer, DW_FORM_string
    .u32(0x03).u32(0x08) // DW_AT_name, DW_FORM_string
    .u32(0x10).u32(0x17) // DW_AT_stmt_list, DW_FORM_sec_offset
    .u32(0x11).u32(0x01) // DW_AT_low_pc, DW_FORM_addr
    .u32(0x12).u32(0x06) // DW_AT_high_pc, DW_FORM_data4 (a length)
    .u32(0).u32(0).u8(0).finish();
  const info = unit((w) => {
    w.u16le(4).u32le(0).u8(4);
    w.u32(1).cstring("dissolve fuse").cstring(unitName).u32le(0).u32le(0).u32le(codeSize);
  });
  return { line, info, abbrev };
}
