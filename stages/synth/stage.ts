/**
 * synth as a pipeline stage: the optimized module → a Cortex-M or RV32 ELF
 * for one board, with its size report. `gate` runs the ELF gate (machine,
 * entry, every section inside the board's memories) on the ELF and the seam
 * gate on the object (`stages/gates/`).
 *
 * Inputs `optimized.wasm` and, from the compile of this board's CPU, `compiled`
 * (without it, the stage compiles too); outputs `size` and, as the pipeline asks, `elf`
 * (with its flashable `bin` / `hex`) and / or `object` with its `header`.
 *
 * @module
 */
import type { SizeReport, StageProduct, StageRun } from "../types.ts";
import { describeStackBounds, linkFirmware, synth, type SynthSpec } from "./firmware.ts";
import { readCompiled } from "./compile_stage.ts";
import { boardNamed } from "./boards.ts";
import { checkElf } from "../gates/elf.ts";
import { checkSeam } from "../gates/seam.ts";

/** What synth hands the build result and its gate: the size report, and the object's seam. */
export interface SynthMeta {
  sizeReport: SizeReport;
  /** `object` output: the symbols the object may leave undefined (firmware.h's). */
  seam?: string[];
}

/**
 * Compiles and links the firmware.
 *
 * @example
 * ```ts
 * import { produce } from "./stage.ts";
 * const out = await produce({
 *   settings: { backend: "builtin", board: "lm3s6965evb", entry: "greet" },
 *   inputs: { "optimized.wasm": await Deno.readFile("build/hello/optimized.wasm") },
 *   ctx: { scratchDir: await Deno.makeTempDir(), baseDir: ".", log: console.log },
 * });
 * console.log(out.detail);
 * ```
 */
export async function produce(run: StageRun<SynthSpec>): Promise<StageProduct<SynthMeta>> {
  // The pipeline compiles once per CPU (`compile_stage.ts`) and hands this board the code to link.
  const compiled = run.inputs["compiled"];
  const out = compiled
    ? await linkFirmware(
      run.inputs["optimized.wasm"],
      readCompiled(compiled),
      run.settings,
      run.ctx,
    )
    : await synth(run.inputs["optimized.wasm"], run.settings, run.ctx);
  const s = out.sizeReport;
  return {
    outputs: {
      ...(out.elf ? { elf: out.elf } : {}),
      ...out.flashable,
      ...(out.object
        ? { object: out.object.object, header: new TextEncoder().encode(out.object.header) }
        : {}),
      size: new TextEncoder().encode(JSON.stringify(s, null, 2)),
    },
    meta: { sizeReport: s, ...(out.object ? { seam: out.object.seam } : {}) },
    detail: `flash ${s.flashUsed}/${s.flashTotal} B, RAM ${s.ramUsed}/${s.ramTotal} B ` +
      `(text ${s.text}, data ${s.data}, bss ${s.bss})` +
      (s.stackBounds ? `; stacks: ${describeStackBounds(s.stackBounds)}` : ""),
  };
}

/**
 * The ELF is an image the board can run and that fits it; the object leaves
 * undefined only what firmware.h says the image provides.
 *
 * @example
 * ```ts
 * import { gate, produce } from "./stage.ts";
 * const run = { settings: { backend: "builtin" as const, board: "lm3s6965evb", entry: "greet" },
 *   inputs: { "optimized.wasm": await Deno.readFile("build/hello/optimized.wasm") },
 *   ctx: { scratchDir: await Deno.makeTempDir(), baseDir: ".", log: console.log } };
 * gate(await produce(run), run);
 * ```
 */
export function gate(product: StageProduct<SynthMeta>, run: StageRun<SynthSpec>): void {
  if (product.outputs.object) {
    checkSeam(product.outputs.object, "firmware.o", product.meta.seam ?? []);
  }
  if (product.outputs.elf) {
    checkElf(
      product.outputs.elf,
      "firmware.elf",
      run.settings.boardSpec ?? boardNamed(run.settings.board),
    );
  }
}
