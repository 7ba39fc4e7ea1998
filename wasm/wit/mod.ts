/**
 * WIT worlds, read from their binary encoding (the `component-type` section
 * `wasm-tools component embed` writes) into the canonical ABI's resolved
 * types: what gale's binding generators work from.
 *
 * @example
 * ```ts
 * import { funcNameParts } from "./mod.ts";
 * console.log(funcNameParts("[constructor]blob").kind); // constructor
 * ```
 *
 * @module
 */
export type * from "./world.ts";
export { funcNameParts } from "./world.ts";
export { readWorld, WitUnsupportedError } from "./read.ts";
