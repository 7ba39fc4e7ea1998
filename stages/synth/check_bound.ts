/**
 * The size of a linear memory's array, chosen so its bounds check is cheap.
 *
 * Every access checks `addr <= bytes - size - offset` against a constant. On
 * Thumb-2 a compare takes an immediate only in the "modified immediate"
 * forms (an 8-bit value shifted left); any other bound is loaded into a
 * register and kept there for the function, which a hot loop pays for with a
 * spill (bench/firmware's `sort`: 1.51× native gcc -Os with a 2304-byte
 * memory, 1.42× with 2308). So the array is padded (by at most 1/128 of its
 * size) until the bound of a 4-byte access, the most frequent, is such an
 * immediate. Past the used extent the array is zeros, as it was in the
 * 16-byte padding before: the check stays exact for the array's size.
 *
 * @module
 */

/** Whether `v` is a Thumb-2 modified immediate of the plain form: `0..255`, or `0x80..0xff << s`. */
export function thumbImmediate(v: number): boolean {
  if (v >= 0 && v < 256) return true;
  for (let s = 1; s <= 24; s++) {
    const b = v / 2 ** s;
    if (Number.isInteger(b) && b >= 0x80 && b <= 0xff) return true;
  }
  return false;
}

/**
 * The array size for a memory whose used extent is `used` bytes: 16-byte
 * aligned, then padded until `bytes - 4` is a Thumb-2 immediate.
 *
 * @example
 * ```ts
 * import { checkFriendlyBytes } from "./check_bound.ts";
 * console.log(checkFriendlyBytes(2290)); // 2308: 2304 = 0x90 << 4 is an immediate
 * console.log(checkFriendlyBytes(100)); // 112: small bounds are immediates
 * ```
 */
export function checkFriendlyBytes(used: number): number {
  let bytes = Math.max(16, Math.ceil(used / 16) * 16);
  while (!thumbImmediate(bytes - 4)) bytes += 4;
  return bytes;
}
