/**
 * The loom stage: the fused module optimized (loom, or binaryen in
 * process). This module only re-exports; `optimize.ts` optimizes,
 * `stage.ts` is the pipeline stage, `settings.ts` its settings.
 *
 * @example
 * ```ts
 * import { loom } from "./mod.ts";
 * const out = await loom(await Deno.readFile("build/hello/fused.wasm"), { tool: "binaryen" },
 *   { scratchDir: await Deno.makeTempDir(), baseDir: ".", log: console.log });
 * console.log(out.module.length);
 * ```
 *
 * @module
 */
export { loom, type LoomOutput, type LoomSpec } from "./optimize.ts";
export { LOOM_SETTINGS } from "./settings.ts";
export { planLoom } from "./plan.ts";
