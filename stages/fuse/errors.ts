/**
 * The fuse stage's error type: what was wrong, where, and what to do.
 *
 * @module
 */

/**
 * A fusion failure the user can act on. `where` names the component (and
 * module / function when known); `remedy` says what to change.
 *
 * @example
 * ```ts
 * import { FuseError } from "./errors.ts";
 * const e = new FuseError("unresolved-import", "app.wasm", "import `log` is provided by no component", "add a component that exports `log`, or list it as a host import");
 * console.log(e.message);
 * ```
 */
export class FuseError extends Error {
  /** A stable identifier for the failure class. */
  readonly code: string;
  /** The component / module / function the failure is about. */
  readonly where: string;
  /** What the user can do about it. */
  readonly remedy: string;

  constructor(
    code: string,
    where: string,
    what: string,
    remedy: string,
    options?: { cause?: unknown },
  ) {
    super(`${where}: ${what}${remedy ? `\n  remedy: ${remedy}` : ""}`, options);
    this.name = "FuseError";
    this.code = code;
    this.where = where;
    this.remedy = remedy;
  }
}
