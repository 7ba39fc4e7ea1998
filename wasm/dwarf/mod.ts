/**
 * DWARF as a wasm module carries it: line tables and fixed-address
 * variables, read for the firmware's debug info.
 *
 * @example
 * ```ts
 * import { decodeLineTable } from "./mod.ts";
 * console.log(decodeLineTable(new Uint8Array()).length); // 0: no units
 * ```
 *
 * @module
 */
export { decodeLineTable, type LineRow } from "./line.ts";
export { type DebugSections, decodeVariables, type DwarfType, type DwarfVariable } from "./info.ts";
export { type DwarfSections, encodeLineTable, type LineSequence } from "./line_writer.ts";
