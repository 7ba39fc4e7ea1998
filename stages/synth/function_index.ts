/**
 * A linked ELF's functions, indexed for the native stack bound's frame
 * readers (`thumbFrame`, `riscvFrame`): by name, by address, and each one's
 * code as bytes.
 *
 * @module
 */
import { type ElfFile, type ElfFunction, SHT_NOBITS } from "./elf.ts";

/** An ELF's functions by name and by address, built once for all of a bound's lookups. */
export interface FunctionIndex {
  byName: Map<string, ElfFunction>;
  byAddr: Map<number, string>;
  /** Every function's start, ascending. */
  starts: number[];
}

/**
 * Indexes `elf`'s function symbols (see {@linkcode FunctionIndex}).
 *
 * @example
 * ```ts
 * import { indexFunctions } from "./function_index.ts";
 * import { parseElf } from "./elf.ts";
 * const elf = parseElf(await Deno.readFile("build/hello/lm3s6965evb/firmware.elf"));
 * console.log(indexFunctions(elf).byName.has("dissolve_reset")); // true
 * ```
 */
export function indexFunctions(elf: ElfFile): FunctionIndex {
  return {
    byName: new Map(elf.functions.map((f) => [f.name, f])),
    byAddr: new Map(elf.functions.map((f) => [f.addr, f.name])),
    starts: [...new Set(elf.functions.map((f) => f.addr))].sort((a, b) => a - b),
  };
}

/**
 * The code of function `name`: its address, size and a view of its bytes;
 * undefined when the ELF has no such function in a section with contents.
 *
 * @example
 * ```ts
 * import { functionCode, indexFunctions } from "./function_index.ts";
 * import { parseElf } from "./elf.ts";
 * const bytes = await Deno.readFile("build/hello/lm3s6965evb/firmware.elf");
 * const elf = parseElf(bytes);
 * console.log(functionCode(bytes, elf, "dissolve_reset", indexFunctions(elf))?.size);
 * ```
 */
export function functionCode(
  bytes: Uint8Array,
  elf: ElfFile,
  name: string,
  index: FunctionIndex,
): { addr: number; size: number; view: DataView } | undefined {
  const found = index.byName.get(name);
  if (!found) return undefined;
  // Hand-written assembly (libgcc's division helpers) often has no symbol size: it then ends
  // where the next function starts.
  const next = Math.min(index.starts.find((a) => a > found.addr) ?? Infinity, found.addr + 4096);
  const f = found.size > 0 ? found : { ...found, size: next - found.addr };
  const text = elf.sections.find((s) => s.addr <= f.addr && f.addr + f.size <= s.addr + s.size);
  if (!text || text.type === SHT_NOBITS) return undefined;
  const at = text.offset + (f.addr - text.addr);
  return {
    addr: f.addr,
    size: f.size,
    view: new DataView(bytes.buffer, bytes.byteOffset + at, f.size),
  };
}
