/**
 * The stages a pipeline runs, by kind: each entry is the stage's module
 * (whose import graph is its code, hashed into the key) and a typed loader.
 * A row names its entry, so its settings are checked against that stage's
 * `produce` at the row's construction, and the executor stays generic.
 *
 * A stage module is loaded only when its row has to run: a build that
 * reuses every stage never loads binaryen, jco or the stages themselves.
 *
 * @example
 * ```ts
 * import { STAGES } from "./registry.ts";
 * const loom = await STAGES.loom.load();
 * console.log(typeof loom.produce, STAGES.loom.module.pathname.endsWith("stages/loom/stage.ts"));
 * ```
 *
 * @module
 */
import type { StageModule } from "../stages/types.ts";

/** One stage: its module and how to load it. */
export interface StageEntry<S> {
  module: URL;
  load(): Promise<StageModule<S>>;
}

function entry<S>(module: URL, load: () => Promise<StageModule<S>>): StageEntry<S> {
  return { module, load };
}

const at = (path: string) => new URL(`../stages/${path}`, import.meta.url);

/** Every stage kind the stage table plans. */
export const STAGES = {
  gale: entry(at("gale/stage.ts"), () => import("../stages/gale/stage.ts")),
  fuse: entry(at("fuse/stage.ts"), () => import("../stages/fuse/stage.ts")),
  loom: entry(at("loom/stage.ts"), () => import("../stages/loom/stage.ts")),
  compile: entry(at("synth/compile_stage.ts"), () => import("../stages/synth/compile_stage.ts")),
  synth: entry(at("synth/stage.ts"), () => import("../stages/synth/stage.ts")),
  image: entry(at("image/stage.ts"), () => import("../stages/image/stage.ts")),
  run: entry(at("run/stage.ts"), () => import("../stages/run/stage.ts")),
};

/** The settings a stage kind's `produce` takes. */
export type SettingsOf<K extends keyof typeof STAGES> = (typeof STAGES)[K] extends
  StageEntry<infer S> ? S : never;
