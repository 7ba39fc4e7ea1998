/**
 * The synth stage: a fused core module → a Cortex-M or RV32 ELF for a board.
 * This module only re-exports; `firmware.ts` is the backend, `compile.ts`
 * its per-CPU compile, `stage.ts` the pipeline's stages.
 *
 * @example
 * ```ts
 * import { boardNamed, synth } from "./mod.ts";
 * const out = await synth(await Deno.readFile("build/hello/optimized.wasm"),
 *   { backend: "builtin", board: "lm3s6965evb", entry: "greet" },
 *   { scratchDir: await Deno.makeTempDir(), baseDir: ".", log: console.log });
 * console.log(out.sizeReport.flashUsed, boardNamed("lm3s6965evb").flash.size);
 * ```
 *
 * @module
 */
export {
  buildObject,
  DEFAULT_STACK_BYTES,
  describeStackBounds,
  enforceStackBounds,
  linkFirmware,
  synth,
  type SynthOutput,
  type SynthOutputKind,
  type SynthSpec,
} from "./firmware.ts";
export { type CompiledFirmware, compileFirmware, type CompileSpec } from "./compile.ts";
export { type ModuleFacts, moduleFacts } from "./facts.ts";
export { boardNamed, BOARDS, BUILTIN_BOARDS, compileGroup, CPUS, declaredBoard } from "./boards.ts";
export { SYNTH_SETTINGS } from "./settings.ts";
export { type Isa, isaOf, ISAS } from "./isa.ts";
export { sizeReport } from "./size_report.ts";
export { planSynth, type SynthBoard, type SynthPlanInput } from "./plan.ts";
