/**
 * The image row of a board: your sources, headers and linker script, with
 * synth's object and header, linked into your image.
 *
 * @module
 */
import type { PlannedRow } from "../types.ts";
import type { ImageSettings } from "./stage.ts";

/**
 * The image row for `settings.board`; `files` are your sources, the headers
 * they may include and the linker script (a change to any rebuilds it).
 *
 * @example
 * ```ts
 * import { planImage } from "./plan.ts";
 * const row = planImage({ board: "lm3s6965evb" } as never, ["main.c"], "arm-none-eabi-gcc");
 * console.log(row.inputs.map((i) => i.name)); // [ "firmware.o", "firmware.h", "main.c" ]
 * ```
 */
export function planImage(
  settings: ImageSettings,
  files: string[],
  gcc: string,
): PlannedRow<ImageSettings> {
  const board = settings.board;
  return {
    id: `image:${board}`,
    board,
    inputs: [
      { name: "firmware.o", stage: `synth:${board}`, output: "object" },
      { name: "firmware.h", stage: `synth:${board}`, output: "header" },
      ...files.map((f) => ({ name: f, file: f })),
    ],
    settings,
    tools: [gcc],
    outputs: { elf: `${board}/image.elf`, size: `${board}/image-size.json` },
  };
}
