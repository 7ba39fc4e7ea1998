/**
 * The pipeline file's error type.
 *
 * @module
 */

/**
 * A pipeline file is wrong: where (the file, and its line when known; the
 * key path), and what to do.
 *
 * @example
 * ```ts
 * import { PipelineError } from "./errors.ts";
 * console.log(new PipelineError("dissolve.toml:12", "board.my-f4.cpu", "is required").message);
 * ```
 */
export class PipelineError extends Error {
  constructor(readonly file: string, readonly path: string, readonly problem: string) {
    super(`${file}${path ? `: ${path}` : ""}: ${problem}`);
    this.name = "PipelineError";
  }
}
