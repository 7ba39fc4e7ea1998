/**
 * DWARF line tables (`.debug_line`, version 4, as clang and rustc write
 * them for wasm32): each row maps a code address to a source file and line.
 * In a wasm module, an address is an offset from the start of the code
 * section's contents.
 *
 * @module
 */
import { BinaryReader } from "../reader.ts";
import { forEachUnit } from "./unit.ts";

/** One row of a line table. */
export interface LineRow {
  /** Offset from the start of the code section's contents. */
  address: number;
  /** The source file, as the compiler named it (directory joined). */
  file: string;
  line: number;
  column: number;
  /** A recommended breakpoint location (the start of a statement). */
  isStmt: boolean;
  /** The first address after a sequence (a function's end): no source there. */
  endSequence: boolean;
}

/** The standard opcodes (DWARF 4, 6.2.5.2). */
const enum Op {
  Copy = 1,
  AdvancePc = 2,
  AdvanceLine = 3,
  SetFile = 4,
  SetColumn = 5,
  NegateStmt = 6,
  SetBasicBlock = 7,
  ConstAddPc = 8,
  FixedAdvancePc = 9,
}

/** The extended opcodes (after a 0 byte and a length). */
const enum ExtOp {
  EndSequence = 1,
  SetAddress = 2,
  DefineFile = 3,
}

/** A line program's header: what its opcodes mean and its file table. */
interface LineHeader {
  minInstLength: number;
  defaultIsStmt: boolean;
  lineBase: number;
  lineRange: number;
  opcodeBase: number;
  standardLengths: number[];
  files: string[];
}

/** A line program's header (the reader is after the unit's version). */
function readHeader(r: BinaryReader, version: number): LineHeader {
  const headerLength = r.u32le("header_length");
  const program = r.offset + headerLength;
  const minInstLength = r.u8("minimum_instruction_length");
  if (version >= 4) r.u8("maximum_operations_per_instruction");
  const defaultIsStmt = r.u8("default_is_stmt") !== 0;
  const lineBase = (r.u8("line_base") << 24) >> 24;
  const lineRange = r.u8("line_range");
  const opcodeBase = r.u8("opcode_base");
  const standardLengths: number[] = [];
  for (let i = 1; i < opcodeBase; i++) standardLengths.push(r.u8("an opcode length"));
  const dirs: string[] = [];
  for (let d = r.cstring("an include directory"); d !== ""; d = r.cstring("a directory")) {
    dirs.push(d);
  }
  const files: string[] = [];
  for (let f = r.cstring("a file name"); f !== ""; f = r.cstring("a file name")) {
    const dir = r.u32("a directory index");
    r.u32("a modification time");
    r.u32("a file length");
    files.push(dir === 0 ? f : `${dirs[dir - 1]}/${f}`);
  }
  if (lineRange === 0) r.fail("bad-value", "a line table's line_range is 0");
  r.skip(program - r.offset, "the rest of the line table header");
  return { minInstLength, defaultIsStmt, lineBase, lineRange, opcodeBase, standardLengths, files };
}

/** Runs one unit's line program (the reader is at its first opcode); appends its rows. */
function runProgram(r: BinaryReader, h: LineHeader, rows: LineRow[]): void {
  let address = 0, file = 1, line = 1, column = 0, isStmt = h.defaultIsStmt;
  const emit = (endSequence: boolean) =>
    rows.push({
      address,
      file: h.files[file - 1] ?? `file ${file}`,
      line,
      column,
      isStmt,
      endSequence,
    });
  while (!r.eof) {
    const op = r.u8("a line opcode");
    if (op >= h.opcodeBase) {
      const adjusted = op - h.opcodeBase;
      address += Math.floor(adjusted / h.lineRange) * h.minInstLength;
      line += h.lineBase + (adjusted % h.lineRange);
      emit(false);
      continue;
    }
    switch (op) {
      case 0: {
        const length = r.u32("an extended opcode length");
        const end = r.offset + length;
        const ext = r.u8("an extended opcode");
        if (ext === ExtOp.EndSequence) {
          emit(true);
          address = 0, file = 1, line = 1, column = 0, isStmt = h.defaultIsStmt;
        } else if (ext === ExtOp.SetAddress) address = r.u32le("an address");
        else if (ext === ExtOp.DefineFile) h.files.push(r.cstring("a file name"));
        r.skip(end - r.offset, "an extended opcode's operands");
        break;
      }
      case Op.Copy:
        emit(false);
        break;
      case Op.AdvancePc:
        address += r.u32("an address advance") * h.minInstLength;
        break;
      case Op.AdvanceLine:
        line += r.s32("a line advance");
        break;
      case Op.SetFile:
        file = r.u32("a file index");
        break;
      case Op.SetColumn:
        column = r.u32("a column");
        break;
      case Op.NegateStmt:
        isStmt = !isStmt;
        break;
      case Op.SetBasicBlock:
        break;
      case Op.ConstAddPc:
        address += Math.floor((255 - h.opcodeBase) / h.lineRange) * h.minInstLength;
        break;
      case Op.FixedAdvancePc:
        address += r.u16le("an address advance");
        break;
      default:
        // prologue_end, epilogue_begin, set_isa and opcodes a later DWARF adds: skip their operands.
        for (let i = 0; i < h.standardLengths[op - 1]; i++) r.u32("an operand");
    }
  }
}

/**
 * Every row of every unit's line program in `debugLine`, in table order.
 *
 * @example
 * ```ts
 * import { decodeLineTable } from "./line.ts";
 * // A unit: version 4, one file "a.c", rows for lines 3 (address 2) and 4 (address 5).
 * const header = [1, 1, -5 & 0xff, 14, 13, 0, 1, 1, 1, 1, 0, 0, 0, 1, 0, 0, 1, 0,
 *   0, 0x61, 0x2e, 0x63, 0, 0, 0, 0, 0];
 * const program = [0, 5, 2, 2, 0, 0, 0, 0x15, 0x3a, 0, 1, 1];
 * const unit = [4, 0, header.length, 0, 0, 0, ...header, ...program];
 * const rows = decodeLineTable(new Uint8Array([unit.length, 0, 0, 0, ...unit]));
 * console.log(rows.map((r) => `${r.file}:${r.line}@${r.address}`)); // [ "a.c:3@2", "a.c:4@5", "a.c:4@5" ]
 * ```
 */
export function decodeLineTable(debugLine: Uint8Array, base = 0): LineRow[] {
  const rows: LineRow[] = [];
  forEachUnit(
    debugLine,
    "line tables",
    (unit, _at, version) => runProgram(unit, readHeader(unit, version), rows),
    base,
  );
  return rows;
}
