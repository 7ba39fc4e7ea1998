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

/** One stage: its module, how to load it, and the types of its settings and metadata. */
export interface StageEntry<S, M extends object = Record<string, unknown>> {
  /** The stage's name in the registry. */
  kind: string;
  module: URL;
  load(): Promise<StageModule<S, M>>;
}

function entry<S, M extends object>(
  kind: string,
  module: URL,
  load: () => Promise<StageModule<S, M>>,
): StageEntry<S, M> {
  return { kind, module, load };
}

const at = (path: string) => new URL(`../stages/${path}`, import.meta.url);

/** Every stage kind the stage table plans. */
export const STAGES = {
  gale: entry("gale", at("gale/stage.ts"), () => import("../stages/gale/stage.ts")),
  fuse: entry("fuse", at("fuse/stage.ts"), () => import("../stages/fuse/stage.ts")),
  loom: entry("loom", at("loom/stage.ts"), () => import("../stages/loom/stage.ts")),
  compile: entry(
    "compile",
    at("synth/compile_stage.ts"),
    () => import("../stages/synth/compile_stage.ts"),
  ),
  synth: entry("synth", at("synth/stage.ts"), () => import("../stages/synth/stage.ts")),
  image: entry("image", at("image/stage.ts"), () => import("../stages/image/stage.ts")),
  run: entry("run", at("run/stage.ts"), () => import("../stages/run/stage.ts")),
};

/**
 * A row's metadata as its stage's `produce` typed it. The executor keeps
 * metadata as JSON (it travels through the cache); this is the one place
 * it becomes a stage's type again.
 *
 * @example
 * ```ts
 * import { metaOf } from "./registry.ts";
 * const meta = metaOf("run", { run: { stdout: "hi", exitCode: 0 } });
 * console.log(meta.run.exitCode); // 0
 * ```
 */
export function metaOf<K extends keyof typeof STAGES>(
  _kind: K,
  meta: Record<string, unknown>,
): MetaOf<K> {
  return meta as MetaOf<K>;
}

/** The metadata a stage kind's `produce` returns. */
export type MetaOf<K extends keyof typeof STAGES> = (typeof STAGES)[K] extends
  StageEntry<infer _S, infer M> ? M : never;

/** The settings a stage kind's `produce` takes. */
export type SettingsOf<K extends keyof typeof STAGES> = (typeof STAGES)[K] extends
  StageEntry<infer S> ? S : never;
