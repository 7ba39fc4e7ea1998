/**
 * The loom stage: optimize the fused module.
 *
 * `loom optimize` when the pipeline names it, otherwise binaryen (npm
 * `binaryen`) in process. The choice is made by the pipeline (an `auto` in
 * the file is resolved once, before any stage runs), never here. Either way
 * the gate afterwards checks that no import or export changed.
 *
 * @module
 */
import binaryen from "binaryen";
import type { StageContext, ToolVersion } from "../types.ts";
import { run, toolVersion } from "../exec.ts";
import type { Values } from "../settings.ts";
import type { LOOM_SETTINGS } from "./settings.ts";

/**
 * Loom options: `[loom]`'s settings (`settings.ts`; optional here, with their defaults), with
 * the tool resolved.
 */
export type LoomSpec = Partial<Omit<Values<typeof LOOM_SETTINGS>, "tool">> & {
  tool: "loom" | "binaryen";
};

/** The optimized module and the tool that made it. */
export interface LoomOutput {
  module: Uint8Array;
  tools: ToolVersion[];
  tool: string;
}

/**
 * Optimizes a core module.
 *
 * @example
 * ```ts
 * import { loom } from "./optimize.ts";
 * const out = await loom(await Deno.readFile("build/hello/fused.wasm"), { tool: "binaryen" },
 *   { scratchDir: await Deno.makeTempDir(), baseDir: ".", log: console.log });
 * console.log(out.tool, out.module.length);
 * ```
 */
export async function loom(
  module: Uint8Array,
  spec: LoomSpec,
  ctx: StageContext,
): Promise<LoomOutput> {
  if (spec.tool === "loom") {
    const input = `${ctx.scratchDir}/in.wasm`, output = `${ctx.scratchDir}/out.wasm`;
    await Deno.writeFile(input, module);
    await run(["loom", "optimize", input, "-o", output], { stage: "loom", cwd: ctx.scratchDir });
    return {
      module: await Deno.readFile(output),
      tools: [{ name: "loom", version: await toolVersion("loom") }],
      tool: "loom",
    };
  }
  let m: binaryen.Module;
  try {
    m = binaryen.readBinary(module);
  } catch (e) {
    // binaryen.js aborts with a plain object or a number, not an Error.
    throw new Error(
      `loom: binaryen could not read the module (${module.length} bytes): ${
        (e as { message?: string } | null)?.message ?? String(e)
      }\n  remedy: the input is not a valid core module; rebuild it with --no-cache`,
    );
  }
  try {
    m.setFeatures(binaryen.Features.All);
    binaryen.setOptimizeLevel(spec.level ?? 2);
    binaryen.setShrinkLevel(spec.shrink ?? 1);
    binaryen.setDebugInfo(false);
    if (spec.passes && spec.passes.length > 0) m.runPasses(spec.passes);
    else m.optimize();
    if (!m.validate()) throw new Error("loom: binaryen produced a module that does not validate");
    return {
      module: m.emitBinary(),
      tools: [{ name: "binaryen.js", version: "132.0.0" }],
      tool: "binaryen",
    };
  } finally {
    m.dispose();
  }
}
