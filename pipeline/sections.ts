/**
 * Every table of a pipeline file and the settings each one holds: the
 * pipeline's own, and each stage's (declared beside the stage, in its
 * `settings.ts`). The schema validates against these, the types derive from
 * them, and the README's settings tables are rendered from them.
 *
 * @example
 * ```ts
 * import { SECTIONS } from "./sections.ts";
 * console.log(Object.keys(SECTIONS)); // ["pipeline", "component", "domain", "fuse", …]
 * ```
 *
 * @module
 */
import { boolean, string, strings } from "../stages/settings.ts";
// Each stage's settings.ts is a small leaf module (no stage code): loading the schema does not
// load the stages.
import { COMPONENT_SETTINGS } from "../stages/gale/settings.ts";
import { DOMAIN_SETTINGS, FUSE_SETTINGS } from "../stages/fuse/settings.ts";
import { LOOM_SETTINGS } from "../stages/loom/settings.ts";
import { SYNTH_SETTINGS } from "../stages/synth/settings.ts";
import { IMAGE_SETTINGS } from "../stages/image/settings.ts";
import { RUN_SETTINGS } from "../stages/run/settings.ts";

/** `[pipeline]`: the pipeline's name and where its files may live. */
export const PIPELINE_SETTINGS = {
  name: string("the pipeline's name: `build/<name>/`", { required: true }),
  "source-roots": strings("directories besides the pipeline file's that sources may come from", {
    default: [],
  }),
  debug: boolean(
    "debug info end to end: DWARF through fusion, the component's lines in the ELF; loom is skipped",
    false,
  ),
} as const;

/** Every table by its name in the file (`[[component]]` and `[[domain]]` are arrays of it). */
export const SECTIONS = {
  pipeline: PIPELINE_SETTINGS,
  component: COMPONENT_SETTINGS,
  domain: DOMAIN_SETTINGS,
  fuse: FUSE_SETTINGS,
  loom: LOOM_SETTINGS,
  synth: SYNTH_SETTINGS,
  image: IMAGE_SETTINGS,
  run: RUN_SETTINGS,
} as const;

export {
  COMPONENT_SETTINGS,
  DOMAIN_SETTINGS,
  FUSE_SETTINGS,
  IMAGE_SETTINGS,
  LOOM_SETTINGS,
  RUN_SETTINGS,
  SYNTH_SETTINGS,
};
