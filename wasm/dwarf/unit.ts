/**
 * The units a DWARF section is made of (32-bit DWARF, versions 2 to 4): each
 * a length, a version, and what that kind of unit holds after them.
 *
 * @module
 */
import { BinaryReader } from "../reader.ts";
import { WasmDecodeError } from "../errors.ts";

/**
 * Calls `each` with a reader over each unit of `section` (after its version)
 * the unit's offset and its version; `what` names the units in errors ("line tables").
 *
 * @example
 * ```ts
 * import { forEachUnit } from "./unit.ts";
 * forEachUnit(new Uint8Array([3, 0, 0, 0, 4, 0, 9]), "units", (r) => console.log(r.u8())); // 9
 * ```
 */
export function forEachUnit(
  section: Uint8Array,
  what: string,
  each: (unit: BinaryReader, at: number, version: number) => void,
  base = 0,
): void {
  const r = new BinaryReader(section, 0, section.length, base);
  while (!r.eof) {
    const at = r.offset;
    const length = r.u32le(`a unit_length of the ${what}`);
    if (length >= 0xfffffff0) r.fail("unsupported", `64-bit DWARF ${what} are not read`);
    const unit = r.sub(length, `a unit of the ${what}`);
    const version = unit.u16le(`the version of a unit of the ${what}`);
    if (version < 2 || version > 4) {
      throw new WasmDecodeError(
        "unsupported",
        at,
        `DWARF ${version} ${what} are not read; build with DWARF 4 (clang -gdwarf-4)`,
      );
    }
    each(unit, at, version);
  }
}
