/**
 * The image stage (`[image]`): your sources and linker script, compiled with
 * the board's toolchain and linked with synth's object. This module only
 * re-exports; `link.ts` builds the image, `stage.ts` is the pipeline stage.
 *
 * @example
 * ```ts
 * import type { ImageSpec } from "./mod.ts";
 * const spec: ImageSpec = { sources: ["kernel.c"], linkerScript: "link.ld", includeDirs: [],
 *   cflags: [], ldflags: [] };
 * console.log(spec.sources);
 * ```
 *
 * @module
 */
export { type LinkedImage, linkImage } from "./link.ts";
export { IMAGE_SETTINGS, type ImageSpec } from "./settings.ts";
export { planImage } from "./plan.ts";
