/**
 * The fuse row of a pipeline: every component gale built, fused into one
 * module with its report.
 *
 * @module
 */
import type { PlannedRow } from "../types.ts";
import type { FuseStageSettings } from "./stage.ts";

/**
 * The one fuse row, reading each component's gale output.
 *
 * @example
 * ```ts
 * import { planFuse } from "./plan.ts";
 * const row = planFuse(["app", "kernel"], { entry: "run" });
 * console.log(row.inputs.map((i) => i.name)); // [ "app.component.wasm", "kernel.component.wasm" ]
 * ```
 */
export function planFuse(
  components: string[],
  settings: FuseStageSettings,
): PlannedRow<FuseStageSettings> {
  return {
    id: "fuse",
    inputs: components.map((c) => ({
      name: `${c}.component.wasm`,
      stage: `gale:${c}`,
      output: "component",
    })),
    settings,
    tools: [],
    outputs: { module: "fused.wasm", report: "fuse-report.json" },
  };
}
