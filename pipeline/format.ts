/**
 * The pipeline's shape: what `dissolve.toml` (and `definePipeline`)
 * describes, after validation and defaults. Each table's type derives from
 * the settings its stage declares (`sections.ts`); only what the schema
 * computes (a component's default stack, the boards, domains) is added here.
 *
 * @module
 */
import type { Board } from "../stages/types.ts";
import type { Values } from "../stages/settings.ts";
import type { ImageSpec } from "../stages/image/settings.ts";
import type { SynthOutputKind } from "../stages/synth/mod.ts";
import type {
  COMPONENT_SETTINGS,
  FUSE_SETTINGS,
  LOOM_SETTINGS,
  RUN_SETTINGS,
  SYNTH_SETTINGS,
} from "./sections.ts";
import type { DomainSpec } from "./domains.ts";

export type { DomainSpec, ImageSpec, SynthOutputKind };

/** One `[[component]]`; its wasm stack defaults by its libc. */
export type ComponentSpec = Values<typeof COMPONENT_SETTINGS> & { stackBytes: number };

/** `[fuse]`, with the `[[domain]]` tables when there are any. */
export type FuseSettings = Values<typeof FUSE_SETTINGS> & { domains?: DomainSpec[] };

/** `[loom]`. */
export type LoomSettings = Values<typeof LOOM_SETTINGS>;

/** `[synth]`: `board` / `boards` become the list of boards. */
export type SynthSettings = Omit<Values<typeof SYNTH_SETTINGS>, "board" | "boards"> & {
  boards: string[];
};

/** `[run]`. */
export type RunSettings = Values<typeof RUN_SETTINGS>;

/** A validated, normalized pipeline. */
export interface Pipeline {
  name: string;
  /** Directory relative paths are resolved against. */
  baseDir: string;
  /** The file it came from, if any (for messages). */
  file?: string;
  /** Debug info end to end (`[pipeline] debug`). */
  debug: boolean;
  components: ComponentSpec[];
  /** Boards the file declares (`[board.NAME]`), by name; the built-in boards are not here. */
  boards?: Record<string, Board>;
  fuse: FuseSettings;
  loom: LoomSettings;
  synth: SynthSettings;
  /** Your own image (`[image]`), linked with synth's firmware.o and booted by the run stage. */
  image?: ImageSpec;
  run: RunSettings;
}

/** A workspace file: several pipelines built together. */
export interface Workspace {
  members: string[];
  file: string;
}
