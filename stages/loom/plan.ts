/**
 * The loom row of a pipeline: the fused module, optimized.
 *
 * @module
 */
import type { PlannedRow } from "../types.ts";
import type { LoomStageSettings } from "./stage.ts";

/**
 * The one loom row, reading the fused module.
 *
 * @example
 * ```ts
 * import { planLoom } from "./plan.ts";
 * const row = planLoom({ tool: "binaryen", entry: "run" } as never);
 * console.log(row.id, row.outputs.module); // loom optimized.wasm
 * ```
 */
export function planLoom(settings: LoomStageSettings): PlannedRow<LoomStageSettings> {
  return {
    id: "loom",
    inputs: [{ name: "fused.wasm", stage: "fuse", output: "module" }],
    settings,
    // binaryen runs in-process; the loom binary is an external program.
    tools: settings.tool === "loom" ? ["loom"] : [],
    outputs: { module: "optimized.wasm" },
  };
}
