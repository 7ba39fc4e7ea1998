/**
 * image as a pipeline stage (`[image]`): the user's own sources, include
 * directories, flags and linker script, compiled with the board's
 * toolchain and linked with synth's `firmware.o` into the user's ELF, which
 * the run stage then boots. The gate checks the seam on that link
 * (`seam.ts`) and that the image fits the board.
 *
 * Inputs: `firmware.o`, `firmware.h` (from synth), and every file of the
 * image by its path relative to the pipeline file. Outputs: `elf`
 * (`<board>/image.elf`), `size` (`<board>/image-size.json`).
 *
 * @module
 */
import { dirname } from "node:path";
import type { Board, SizeReport, StageProduct, StageRun } from "../types.ts";
import { boardNamed } from "../synth/boards.ts";
import { checkElf } from "../gates/elf.ts";
import { parseElf } from "../synth/elf.ts";
import { sizeReport } from "../synth/size_report.ts";
import { type ImageSpec, linkImage } from "./link.ts";
import { checkImageSeam, type SourceSymbols, sourceSymbols } from "../gates/image_seam.ts";

/** The image's settings: what it is made of, and the board. */
export interface ImageSettings extends ImageSpec {
  board: string;
  /** The profile of a board the pipeline file declares. */
  boardSpec?: Board;
}

const boardOf = (s: ImageSettings) => s.boardSpec ?? boardNamed(s.board);

/** What the image stage hands the build result and its gate. */
export interface ImageMeta {
  imageSize: SizeReport;
  /** What each compiled source defines and needs (the seam check reads it). */
  symbols: Record<string, SourceSymbols>;
}

/**
 * Compiles the user's sources and links them with firmware.o.
 *
 * @example
 * ```ts ignore
 * import { produce } from "./stage.ts";
 * const out = await produce({ settings: { board: "lm3s6965evb", sources: ["kernel.c"],
 *   linkerScript: "link.ld", includeDirs: [], cflags: [], ldflags: [] },
 *   inputs: { "firmware.o": object, "firmware.h": header, "kernel.c": kernel, "link.ld": ld },
 *   ctx: { scratchDir: await Deno.makeTempDir(), baseDir: ".", log: console.log } });
 * console.log(out.detail);
 * ```
 */
export async function produce(run: StageRun<ImageSettings>): Promise<StageProduct<ImageMeta>> {
  const dir = run.ctx.scratchDir;
  for (const [name, bytes] of Object.entries(run.inputs)) {
    // synth's object and header go to dissolve/ (on the include path as `firmware.h`).
    const path = name === "firmware.o" || name === "firmware.h" ? `dissolve/${name}` : name;
    await Deno.mkdir(`${dir}/${dirname(path)}`, { recursive: true });
    await Deno.writeFile(`${dir}/${path}`, bytes);
  }
  const board = boardOf(run.settings);
  const image = await linkImage(dir, board, run.settings);
  // The user's link; the gate checks it (`gates/elf.ts`).
  const parsed = parseElf(image.elf);
  const s = sizeReport(parsed, board, 0);
  return {
    outputs: {
      elf: image.elf,
      size: new TextEncoder().encode(JSON.stringify(s, null, 2)),
    },
    meta: {
      imageSize: s,
      // What each compiled source defines and needs: the gate checks the seam with it.
      symbols: Object.fromEntries([...image.objects].map(([k, v]) => [k, sourceSymbols(v)])),
    },
    detail: `your image: flash ${s.flashUsed}/${s.flashTotal} B, RAM ${
      s.data + s.bss
    }/${s.ramTotal} B (text ${s.text}, data ${s.data}, bss ${s.bss}, stack as your linker script sets)`,
  };
}

/**
 * The image is a Cortex-M ELF that fits the board, and only what
 * firmware.h declares crosses the seam between it and the object.
 *
 * @example
 * ```ts ignore
 * import { gate, produce } from "./stage.ts";
 * gate(await produce(run), run);
 * ```
 */
export function gate(product: StageProduct<ImageMeta>, run: StageRun<ImageSettings>): void {
  checkElf(product.outputs.elf, "image.elf", boardOf(run.settings));
  checkImageSeam(
    run.inputs["firmware.o"],
    new TextDecoder().decode(run.inputs["firmware.h"]),
    product.meta.symbols,
    product.outputs.elf,
  );
}
