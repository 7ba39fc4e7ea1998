/**
 * WebAssembly components (Component Model `Binary.md`): the model and its
 * decoder and encoder, nested core modules and components included.
 *
 * @example
 * ```ts
 * import { decodeComponent, encodeComponent } from "./mod.ts";
 * const bytes = await Deno.readFile("build/hello/components/hello.component.wasm");
 * console.log(encodeComponent(decodeComponent(bytes)).length === bytes.length);
 * ```
 *
 * @module
 */
export type * from "./model.ts";
export { decodeComponent } from "./decode.ts";
export { encodeComponent } from "./encode.ts";
export { externNameError, labelError, type NameError, validateNames } from "./validate_names.ts";
export { validateTypes, type ValidationError } from "./validate_types.ts";
export { validateCoreModules } from "./validate_core.ts";
