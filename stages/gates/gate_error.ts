/**
 * The error every gate throws: which stage's artifact failed, what was
 * expected of it, what was found, and what to do.
 *
 * @module
 */

/**
 * A gate failure: the artifact, what was expected, what was found.
 *
 * @example
 * ```ts
 * import { GateError } from "./gate_error.ts";
 * const e = new GateError("synth", "firmware.elf", "EM_ARM", "62", "build for an Arm board");
 * console.log(e.message); // synth gate: firmware.elf: expected EM_ARM, found 62 …
 * ```
 */
export class GateError extends Error {
  constructor(
    readonly stage: string,
    readonly artifact: string,
    readonly expected: string,
    readonly found: string,
    readonly remedy?: string,
  ) {
    super(
      `${stage} gate: ${artifact}: expected ${expected}, found ${found}${
        remedy ? `\n  remedy: ${remedy}` : ""
      }`,
    );
    this.name = "GateError";
  }
}
