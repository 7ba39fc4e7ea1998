/**
 * The seam gate on the user's link: what crosses between firmware.o and
 * the image is exactly what firmware.h declares.
 *
 * - Every undefined symbol of the object is defined in the linked image.
 * - Every embedder import the object needs (`__cabi_arena_realloc`, …) is
 *   defined by the user's own sources, not picked up from a library.
 * - The user's sources take from the object only what firmware.h declares
 *   (`dissolve_*` and the exports): not the wasm2c module's or the
 *   runtime's internals.
 *
 * @module
 */
import { parseElf } from "../synth/elf.ts";
import { IMAGE_DUTY } from "../synth/object.ts";
import { GateError } from "./gate_error.ts";

/** The functions firmware.h declares (what the image may call, and what it must provide). */
export function headerFunctions(header: string): Set<string> {
  const names = new Set<string>();
  for (const line of header.split("\n")) {
    if (/^\s*(\/\*|\*|#|typedef)/.test(line)) continue;
    const m = /\b(\w+)\s*\(/.exec(line);
    if (m) names.add(m[1]);
  }
  return names;
}

/** The symbols one compiled source of the image defines and needs. */
export interface SourceSymbols {
  defined: string[];
  undefined: string[];
}

/**
 * What a compiled source defines and needs (its relocatable object's symbols).
 *
 * @example
 * ```ts ignore
 * import { sourceSymbols } from "./image_seam.ts";
 * console.log(sourceSymbols(await Deno.readFile("kernel.c.o")).undefined);
 * ```
 */
export function sourceSymbols(object: Uint8Array): SourceSymbols {
  const elf = parseElf(object);
  return { defined: elf.definedSymbols, undefined: [...new Set(elf.undefinedSymbols)] };
}

/**
 * Checks the seam of a linked image (see the module doc); throws a
 * {@linkcode GateError} naming each symbol and who uses it.
 *
 * @example
 * ```ts ignore
 * import { checkImageSeam } from "./image_seam.ts";
 * checkImageSeam(objectBytes, headerText, { "kernel.c": sourceSymbols(kernelObject) }, imageElf);
 * ```
 */
export function checkImageSeam(
  object: Uint8Array,
  header: string,
  sources: Record<string, SourceSymbols>,
  image: Uint8Array,
): void {
  const obj = parseElf(object);
  const linked = new Set(parseElf(image).definedSymbols);
  const fromObject = new Set(obj.definedSymbols);
  const needed = [...new Set(obj.undefinedSymbols)];
  const unresolved = needed.filter((s) => !linked.has(s));
  if (unresolved.length > 0) {
    throw new GateError(
      "image",
      "image.elf",
      "every undefined symbol of firmware.o defined by the image",
      `not defined: ${unresolved.join(", ")}`,
      "define them in your sources (firmware.h declares each)",
    );
  }
  const userDefined = new Set<string>();
  const userTakes = new Map<string, string[]>();
  for (const [source, symbols] of Object.entries(sources)) {
    symbols.defined.forEach((s) => userDefined.add(s));
    for (const s of symbols.undefined) {
      if (!fromObject.has(s)) continue;
      userTakes.set(s, [...(userTakes.get(s) ?? []), source]);
    }
  }
  const embedder = needed.filter((s) => !IMAGE_DUTY.includes(s));
  const fromLibrary = embedder.filter((s) => !userDefined.has(s));
  if (fromLibrary.length > 0) {
    throw new GateError(
      "image",
      "image.elf",
      "every embedder import of firmware.o provided by your sources",
      `provided by no source of the image (a library's, or none): ${fromLibrary.join(", ")}`,
      "implement each in your image's sources, with the signature firmware.h declares",
    );
  }
  const api = headerFunctions(header);
  const reaching = [...userTakes].filter(([s]) => !api.has(s));
  if (reaching.length > 0) {
    throw new GateError(
      "image",
      "image.elf",
      "your sources to use only what firmware.h declares",
      reaching.map(([s, who]) => `${s} (used by ${who.join(", ")})`).join("; "),
      "call the object through firmware.h's functions; its other symbols are internals that " +
        "change from build to build",
    );
  }
}
