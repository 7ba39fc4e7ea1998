/**
 * The gale stage: a component's sources and WIT → a component (clang or
 * rustc, then wasm-tools through jco). This module only re-exports; `build.ts`
 * builds a component, `stage.ts` is the pipeline stage, `settings.ts` its
 * settings.
 *
 * @example
 * ```ts
 * import { gale } from "./mod.ts";
 * const out = await gale({ name: "hello", sources: ["hello.c"], wit: "hello.wit", world: "hello" },
 *   { scratchDir: await Deno.makeTempDir(), baseDir: "examples/hello", log: console.log });
 * console.log(out.component.length);
 * ```
 *
 * @module
 */
export {
  addWorldImports,
  applyPassthrough,
  defaultCompile,
  gale,
  type GaleSpec,
  kebabName,
} from "./build.ts";
export { COMPONENT_SETTINGS } from "./settings.ts";
export type { GaleOutput } from "../types.ts";
export { planGale } from "./plan.ts";
