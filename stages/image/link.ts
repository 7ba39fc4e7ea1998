/**
 * Linking the user's image: their own sources (C and assembly), include
 * directories, flags and linker script, compiled with the board's
 * toolchain and linked with synth's `firmware.o` into their ELF.
 *
 * Each source is compiled on its own first, so the seam can be checked in
 * both directions (`seam.ts`): what the image takes from the object, and
 * what the object takes from the image. A compile error or an unresolved
 * symbol becomes an error that names the file and line, or the symbol and
 * who needs it.
 *
 * @module
 */
import type { Board } from "../types.ts";
import type { ImageSpec } from "./settings.ts";
import { run, ToolError } from "../exec.ts";
import { GateError } from "../gates/gate_error.ts";
import { isaOf } from "../synth/isa.ts";

/** What the image is made of: the `[image]` settings (`settings.ts`). */
export type { ImageSpec };

/** The linked image and what the seam check needs. */
export interface LinkedImage {
  elf: Uint8Array;
  map: string;
  /** Each compiled source (`kernel/kernel.c`) → its object's bytes. */
  objects: Map<string, Uint8Array>;
}

/** `kernel/kernel.c` → `kernel/kernel.c.o`. */
const objectOf = (source: string) => `${source}.o`;

/** The first lines of gcc's / ld's complaint that name a place (`file:line:col: error: …`). */
function complaint(stderr: string): string {
  const lines = stderr.split("\n").filter((l) => /error|undefined reference|cannot find/.test(l));
  return (lines.length > 0 ? lines : stderr.split("\n")).slice(0, 6).join("\n  ").trim();
}

/**
 * Compiles `spec.sources` for `board` in `dir` (where the sources, and
 * `dissolve/firmware.o` with its header, already are) and links the image.
 *
 * @example
 * ```ts ignore
 * import { linkImage } from "./link.ts";
 * import { boardNamed } from "../synth/boards.ts";
 * const image = await linkImage("/tmp/image", boardNamed("lm3s6965evb"), {
 *   sources: ["kernel/kernel.c"], linkerScript: "kernel/link.ld", includeDirs: [], cflags: [], ldflags: [],
 * });
 * console.log(image.elf.length);
 * ```
 */
export async function linkImage(dir: string, board: Board, spec: ImageSpec): Promise<LinkedImage> {
  const isa = isaOf(board);
  const includes = ["dissolve", ...spec.includeDirs].map((d) => `-I${d}`);
  const cflags = [
    ...board.cflags,
    ...isa.libcCompileFlags,
    "-Os",
    "-ffunction-sections",
    "-fdata-sections",
    ...includes,
    ...spec.cflags,
  ];
  const objects = new Map<string, Uint8Array>();
  for (const source of spec.sources) {
    try {
      await run([isa.gcc, ...cflags, "-c", "-o", objectOf(source), source], {
        stage: "image",
        cwd: dir,
      });
    } catch (e) {
      if (!(e instanceof ToolError)) throw e;
      throw new GateError(
        "image",
        source,
        "your source to compile for the board",
        complaint(e.stderrTail),
        `fix ${source} (the place is in the message above); it is compiled with ` +
          `${isa.gcc} ${cflags.join(" ")}`,
      );
    }
    objects.set(source, await Deno.readFile(`${dir}/${objectOf(source)}`));
  }
  try {
    await run([
      isa.gcc,
      ...board.cflags,
      "-nostartfiles",
      ...isa.libcFlags,
      "-Wl,--gc-sections",
      "-Wl,--build-id=none",
      "-Wl,-Map=image.map",
      "-T",
      spec.linkerScript,
      ...spec.ldflags,
      "-o",
      "image.elf",
      ...spec.sources.map(objectOf),
      "dissolve/firmware.o",
    ], { stage: "image", cwd: dir });
  } catch (e) {
    if (!(e instanceof ToolError)) throw e;
    const missing = [...e.stderrTail.matchAll(/undefined reference to `([^']+)'/g)].map((m) =>
      m[1]
    );
    throw new GateError(
      "image",
      "image.elf",
      `a link of your sources, ${spec.linkerScript} and firmware.o`,
      missing.length > 0
        ? `symbols no input defines: ${[...new Set(missing)].join(", ")}\n  ${
          complaint(e.stderrTail)
        }`
        : complaint(e.stderrTail),
      missing.length > 0
        ? "define them in your sources: firmware.h declares what the object needs from the image " +
          "(its embedder imports, dissolve_trap, memcpy / memmove / memset)"
        : `check ${spec.linkerScript} and [image] ldflags`,
    );
  }
  return {
    elf: await Deno.readFile(`${dir}/image.elf`),
    map: await Deno.readTextFile(`${dir}/image.map`),
    objects,
  };
}
