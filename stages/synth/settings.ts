/**
 * synth's settings (`[synth]` in the pipeline file), declared once:
 * validation, types, defaults and the README's table derive from here.
 *
 * @example
 * ```ts
 * import { SYNTH_SETTINGS } from "./settings.ts";
 * console.log(SYNTH_SETTINGS["opt-level"].default); // "Os"
 * ```
 *
 * @module
 */
import { boolean, integer, oneOf, OPT_LEVELS, string, strings } from "../settings.ts";

/** `[synth]`: the fused module → firmware for each board. */
export const SYNTH_SETTINGS = {
  backend: oneOf(
    ["auto", "builtin", "synth"],
    "builtin",
    "wasm2c + gcc, or `synth compile` (`auto`: synth when on PATH)",
  ),
  board: string("one board (or `boards`)", { defaultDoc: "`boards`" }),
  boards: strings("built-in boards or boards the file declares", {
    defaultDoc: '`["lm3s6965evb"]`',
  }),
  entry: string("the root export the firmware calls", { required: true }),
  "entry-result": oneOf(["string", "u32", "none"], "string", "what the entry returns"),
  "opt-level": oneOf(OPT_LEVELS, "Os", "gcc's optimization level"),
  "stack-bytes": integer("the native stack", { min: 256, defaultDoc: "its proven bound" }),
  "measure-stack": boolean("report both stacks' high-water marks from the run", true),
  output: strings("what to make: the ELF, an object for your image, flashable images", {
    oneOf: ["elf", "object", "bin", "hex"],
    default: ["elf"],
  }),
  command: strings("the `synth compile` command line (`{in}`, `{out}`, `{board}`)"),
} as const;
