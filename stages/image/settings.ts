/**
 * The image stage's settings (`[image]` in the pipeline file), declared
 * once: validation, types, defaults and the README's table derive from here.
 *
 * @example
 * ```ts
 * import { IMAGE_SETTINGS } from "./settings.ts";
 * console.log(IMAGE_SETTINGS.sources.required); // true
 * ```
 *
 * @module
 */
import { string, strings, type Values } from "../settings.ts";

/** `[image]`: your sources and linker script, linked with synth's object. */
export const IMAGE_SETTINGS = {
  sources: strings("your C and assembly sources", { required: true, file: true }),
  "linker-script": string("your linker script", { required: true, file: true }),
  "include-dirs": strings("include directories (`firmware.h` is always on the path)", {
    file: true,
    default: [],
  }),
  cflags: strings("extra compile flags", { default: [] }),
  ldflags: strings("extra link flags", { default: [] }),
} as const;

/** What the image is made of. */
export type ImageSpec = Values<typeof IMAGE_SETTINGS>;
