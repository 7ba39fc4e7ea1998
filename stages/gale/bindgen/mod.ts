/**
 * Typed bindings from a WIT world, for C and for `no_std` Rust: what gale
 * generates before it compiles a component.
 *
 * @example
 * ```ts
 * import { generateC, loadWorld } from "./mod.ts";
 * const world = await loadWorld(await Deno.readTextFile("examples/hello/hello.wit"), "hello.wit", "hello");
 * console.log(generateC(world, {}).map((f) => f.name)); // [ "hello.h", "hello.c" ]
 * ```
 *
 * @module
 */
export { generateC } from "./c.ts";
export { loadWorld } from "./wit.ts";
export { BindgenError } from "./errors.ts";
export type { BindingOptions, GeneratedFile } from "./options.ts";
export { snake } from "./names.ts";
