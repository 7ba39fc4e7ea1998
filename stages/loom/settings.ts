/**
 * loom's settings (`[loom]` in the pipeline file), declared once:
 * validation, types, defaults and the README's table derive from here.
 *
 * @example
 * ```ts
 * import { LOOM_SETTINGS } from "./settings.ts";
 * console.log(LOOM_SETTINGS.tool.default); // "binaryen"
 * ```
 *
 * @module
 */
import { integer, oneOf, strings } from "../settings.ts";

/** `[loom]`: the optimizer. */
export const LOOM_SETTINGS = {
  tool: oneOf(
    ["auto", "loom", "binaryen", "none"],
    "binaryen",
    "the optimizer (`auto`: loom when on PATH, else binaryen)",
  ),
  level: integer("optimization level", { min: 0, default: 2 }),
  shrink: integer("shrink level", { min: 0, default: 1 }),
  passes: strings("binaryen passes to run instead of the level's", {
    defaultDoc: "the level's",
  }),
} as const;
