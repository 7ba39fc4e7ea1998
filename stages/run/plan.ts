/**
 * The run row of a board: its firmware (or your image) booted in QEMU.
 *
 * @module
 */
import type { PlannedRow } from "../types.ts";
import type { RunSpec } from "./qemu.ts";

/**
 * The run row for `settings.board`, booting synth's firmware or the image
 * stage's ELF (`boots`).
 *
 * @example
 * ```ts
 * import { planRun } from "./plan.ts";
 * const row = planRun({ board: "sifive_e" }, "firmware", "qemu-system-riscv32");
 * console.log(row.id, row.inputs[0]); // run:sifive_e { name: "firmware.elf", stage: "synth:sifive_e", output: "elf" }
 * ```
 */
export function planRun(
  settings: RunSpec,
  boots: "firmware" | "image",
  qemu: string,
): PlannedRow<RunSpec> {
  const board = settings.board;
  return {
    id: `run:${board}`,
    board,
    inputs: [{
      name: "firmware.elf",
      stage: `${boots === "image" ? "image" : "synth"}:${board}`,
      output: "elf",
    }],
    settings,
    tools: [qemu],
    outputs: { record: `${board}/run.json` },
  };
}
