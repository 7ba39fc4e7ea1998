/**
 * The pipeline: the `dissolve.toml` format and its validation, planning
 * with a content-addressed cache, running with gates, reporting.
 *
 * @example
 * ```ts
 * import { definePipeline, runPipeline } from "./mod.ts";
 * const p = definePipeline({
 *   pipeline: { name: "hello" },
 *   component: [{ name: "hello", sources: ["hello.c"], wit: "hello.wit", world: "hello" }],
 *   synth: { entry: "greet" },
 * }, "examples/hello");
 * await runPipeline(p);
 * ```
 *
 * @module
 */
export type { ComponentSpec, Pipeline, Workspace } from "./format.ts";
export { loadPipelineFile, normalizePipeline, PipelineError } from "./schema.ts";
export { definePipeline, type PipelineInput } from "./define.ts";
export { type BuildOptions, type BuildResult, runPipeline, StageError } from "./runner.ts";
export {
  chooseReporter,
  JsonReporter,
  PlainReporter,
  type Reporter,
  TtyReporter,
} from "./report.ts";
