/**
 * synth's compile as a pipeline stage: the optimized module → the code gcc's
 * LTO generates for one CPU (`compile.ts`), shared by every board with the
 * same CPU flags; each board's synth stage links it.
 *
 * Input `optimized.wasm`; output `compiled` (JSON: each LTO partition's
 * assembly and call graph).
 *
 * @module
 */
import type { StageProduct, StageRun } from "../types.ts";
import { type CompiledFirmware, compileFirmware, type CompileSpec } from "./compile.ts";

/**
 * Compiles the module for one CPU.
 *
 * @example
 * ```ts
 * import { produce } from "./compile_stage.ts";
 * const out = await produce({
 *   settings: { arch: "arm", cflags: ["-mcpu=cortex-m3", "-mthumb"], entry: "greet" },
 *   inputs: { "optimized.wasm": await Deno.readFile("build/hello/optimized.wasm") },
 *   ctx: { scratchDir: await Deno.makeTempDir(), baseDir: ".", log: console.log },
 * });
 * console.log(out.detail);
 * ```
 */
export async function produce(run: StageRun<CompileSpec>): Promise<StageProduct> {
  const compiled = await compileFirmware(run.inputs["optimized.wasm"], run.settings, run.ctx);
  const bytes = compiled.partitions.reduce((n, p) => n + p.text.length, 0);
  return {
    outputs: { compiled: new TextEncoder().encode(JSON.stringify(compiled)) },
    meta: {},
    detail: run.settings.debug
      ? `${compiled.partitions.length} file(s) with debug info, without LTO, ${bytes} B of assembly`
      : `${compiled.partitions.length} LTO partition(s), ${bytes} B of assembly`,
  };
}

/**
 * The compiled code is what a board's link can take: at least one partition, each with its call
 * graph.
 *
 * @example
 * ```ts
 * import { gate } from "./compile_stage.ts";
 * const compiled = { partitions: [{ name: "p.s", text: "" }], callgraph: [""] };
 * gate({ outputs: { compiled: new TextEncoder().encode(JSON.stringify(compiled)) }, meta: {} });
 * ```
 */
export function gate(product: StageProduct): void {
  const compiled = readCompiled(product.outputs.compiled);
  if (
    compiled.partitions.length === 0 ||
    compiled.partitions.length !== compiled.callgraph.length
  ) {
    throw new Error(
      `synth compile: ${compiled.partitions.length} partition(s) with ` +
        `${compiled.callgraph.length} call graph(s): LTO left no code to link (a Dissolve bug)`,
    );
  }
}

/**
 * The compile stage's output as the link reads it.
 *
 * @example
 * ```ts
 * import { readCompiled } from "./compile_stage.ts";
 * console.log(readCompiled(new TextEncoder().encode('{"partitions":[],"callgraph":[]}')));
 * ```
 */
export function readCompiled(bytes: Uint8Array): CompiledFirmware {
  return JSON.parse(new TextDecoder().decode(bytes)) as CompiledFirmware;
}
