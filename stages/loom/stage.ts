/**
 * loom as a pipeline stage: optimize the fused module with the tool the
 * pipeline resolved (never chosen here: a tool appearing on PATH must not
 * change a build), then check that no import or export changed.
 *
 * Input `fused.wasm`; output `module`.
 *
 * @module
 */
import type { StageProduct, StageRun } from "../types.ts";
import { loom } from "./optimize.ts";
import { checkCoreModule } from "../gates/core.ts";
import type { Values } from "../settings.ts";
import type { LOOM_SETTINGS } from "./settings.ts";

/** `[loom]`'s settings (`settings.ts`) after tool resolution, and the entry the gate keeps. */
export type LoomStageSettings = Omit<Values<typeof LOOM_SETTINGS>, "tool"> & {
  tool: "loom" | "binaryen" | "none";
  /** The export the firmware calls (kept by the gate). */
  entry: string;
};

/**
 * Optimizes `fused.wasm`.
 *
 * @example
 * ```ts
 * import { produce } from "./stage.ts";
 * const out = await produce({
 *   settings: { tool: "binaryen", level: 2, shrink: 1, entry: "greet" },
 *   inputs: { "fused.wasm": await Deno.readFile("build/hello/fused.wasm") },
 *   ctx: { scratchDir: await Deno.makeTempDir(), baseDir: ".", log: console.log },
 * });
 * console.log(out.detail);
 * ```
 */
export async function produce(run: StageRun<LoomStageSettings>): Promise<StageProduct> {
  const fused = run.inputs["fused.wasm"];
  const { tool, entry: _entry, ...options } = run.settings;
  if (tool === "none") return { outputs: { module: fused }, meta: {}, detail: "skipped" };
  const out = await loom(fused, { ...options, tool }, run.ctx);
  return {
    outputs: { module: out.module },
    meta: {},
    detail: `${out.tool}: ${fused.length} → ${out.module.length} bytes`,
  };
}

/**
 * The optimized module validates and keeps every import and export.
 *
 * @example
 * ```ts
 * import { gate, produce } from "./stage.ts";
 * const run = { settings: { tool: "binaryen" as const, level: 2, shrink: 1, entry: "greet" },
 *   inputs: { "fused.wasm": await Deno.readFile("build/hello/fused.wasm") },
 *   ctx: { scratchDir: await Deno.makeTempDir(), baseDir: ".", log: console.log } };
 * gate(await produce(run), run);
 * ```
 */
export function gate(product: StageProduct, run: StageRun<LoomStageSettings>): void {
  const fused = run.inputs["fused.wasm"];
  const imports = WebAssembly.Module.imports(new WebAssembly.Module(fused as BufferSource))
    .map((i) => `${i.module}::${i.name}`);
  checkCoreModule(product.outputs.module, {
    stage: "loom",
    artifact: "optimized.wasm",
    allowedImports: imports,
    requiredExports: [run.settings.entry, "memory"],
    before: fused,
  });
}
