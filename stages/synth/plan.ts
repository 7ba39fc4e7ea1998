/**
 * The synth rows of a pipeline: one compile per distinct CPU (boards with
 * the same flags share the compiled code) and one link per board.
 *
 * @module
 */
import type { Board, PlannedRow } from "../types.ts";
import type { CompileSpec } from "./compile.ts";
import type { SynthOutputKind, SynthSpec } from "./firmware.ts";
import { compileGroup } from "./boards.ts";
import { isaOf } from "./isa.ts";

/** One board to build for: its name, profile, and the settings of its synth row. */
export interface SynthBoard {
  name: string;
  profile: Board;
  settings: SynthSpec;
}

/** What to plan: the boards, what to make, and the compile's board-independent settings. */
export interface SynthPlanInput {
  boards: SynthBoard[];
  output: SynthOutputKind[];
  compile: Omit<CompileSpec, "arch" | "cflags">;
  /** Compile each board on its own (what the benchmark compares the shared compile with). */
  compilePerBoard?: boolean;
}

/** What a board's synth row writes, by `[synth] output`. */
function synthOutputs(output: SynthOutputKind[], board: string): Record<string, string> {
  return {
    ...(output.includes("elf") ? { elf: `${board}/firmware.elf` } : {}),
    ...(output.includes("bin") ? { bin: `${board}/firmware.bin` } : {}),
    ...(output.includes("hex") ? { hex: `${board}/firmware.hex` } : {}),
    ...(output.includes("object")
      ? { object: `${board}/firmware.o`, header: `${board}/firmware.h` }
      : {}),
    size: `${board}/size.json`,
  };
}

/**
 * The compile rows (built-in backend, when an ELF is made) and one synth
 * row per board, in board order.
 *
 * @example
 * ```ts
 * import { planSynth } from "./plan.ts";
 * import { boardNamed } from "./boards.ts";
 * const board = (name: string) => ({ name, profile: boardNamed(name),
 *   settings: { backend: "builtin" as const, board: name, entry: "run" } });
 * const { compile, synth } = planSynth({ boards: [board("lm3s6965evb"), board("mps2-an385")],
 *   output: ["elf"], compile: { entry: "run" } });
 * console.log(compile.length, synth.length); // 1 2: two Cortex-M3 boards share one compile
 * ```
 */
export function planSynth(input: SynthPlanInput): {
  compile: PlannedRow<CompileSpec>[];
  synth: PlannedRow<SynthSpec>[];
} {
  const compile = new Map<string, PlannedRow<CompileSpec>>();
  const synth: PlannedRow<SynthSpec>[] = [];
  for (const b of input.boards) {
    const builtin = b.settings.backend === "builtin";
    const compiles = builtin && input.output.includes("elf");
    const isa = isaOf(b.profile);
    const group = input.compilePerBoard ? b.name : compileGroup(b.profile);
    if (compiles && !compile.has(group)) {
      compile.set(group, {
        id: `compile:${group}`,
        inputs: [{ name: "optimized.wasm", stage: "loom", output: "module" }],
        settings: { arch: b.profile.arch, cflags: b.profile.cflags, ...input.compile },
        tools: ["wasm2c", isa.gcc],
        outputs: { compiled: `compile/${group}.json` },
      });
    }
    synth.push({
      id: `synth:${b.name}`,
      board: b.name,
      inputs: [
        { name: "optimized.wasm", stage: "loom", output: "module" },
        ...(compiles ? [{ name: "compiled", stage: `compile:${group}`, output: "compiled" }] : []),
      ],
      settings: b.settings,
      tools: builtin ? ["wasm2c", isa.gcc] : [b.settings.command?.[0] ?? "synth"],
      outputs: synthOutputs(input.output, b.name),
    });
  }
  return { compile: [...compile.values()], synth };
}
