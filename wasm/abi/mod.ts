/**
 * The Component Model's canonical ABI, as data: resolved value types
 * ({@linkcode CType}) and their layout in memory and as flat core values
 * (`CanonicalABI.md`'s `alignment`, `elem_size`, `flatten_type`,
 * `flatten_functype`). One piece of code, shared by fuse's adapters and
 * gale's binding generators.
 *
 * @example
 * ```ts
 * import { elemSize, flatten } from "./mod.ts";
 * console.log(elemSize({ kind: "string" }), flatten({ kind: "string" }).length); // 8 2
 * ```
 *
 * @module
 */
export type * from "./types.ts";
export * from "./layout.ts";
export { definedCType, type DefinedResolver } from "./defined.ts";
