/**
 * Fusing a component written in the text format, for tests of what fuse
 * accepts and refuses.
 *
 * @module
 */
import { parseWat } from "../spec/runner.ts";
import { fuse } from "../../stages/fuse/mod.ts";

/**
 * Fuses the component `wat` (host imports allowed); the error message, or
 * "" when it fuses.
 *
 * @example
 * ```ts
 * import { fuseError } from "./fuse_wat.ts";
 * console.log(await fuseError("(component)")); // (the empty string: it fuses)
 * ```
 */
export async function fuseError(wat: string): Promise<string> {
  try {
    await fuse([{ name: "t", bytes: await parseWat(wat) }], { hostImports: "*" });
    return "";
  } catch (e) {
    return (e as Error).message;
  }
}
