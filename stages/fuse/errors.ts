/**
 * The fuse stage's error type: what was wrong, where, and what to do. Every
 * failure has a code from one closed list, and every code a remedy (used
 * when the thrower has nothing more specific to say).
 *
 * @module
 */

/** Every way fusion can fail, each with what the user can do about it. */
export const FUSE_ERROR_REMEDIES = {
  "no-input": "pass at least one component",
  "not-a-component":
    "make a component first: `wasm-tools component new` (the gale stage does this)",
  "bad-component": "the component does not validate: check it with `wasm-tools validate`",
  "bad-link": "the component does not validate: check it with `wasm-tools validate`",
  "bad-type": "the component does not validate: check it with `wasm-tools validate`",
  "bad-type-index": "the core module does not validate: rebuild it",
  "invalid-core-module": "rebuild the core module, and check it with `wasm-tools validate`",
  "lift-type": "the component does not validate; rebuild it (wasm-tools validate names the lift)",
  "link-type":
    "the component does not validate: a core instantiation passes a function of the wrong type",
  "option-type":
    "the component does not validate: a canonical option names a function of the wrong type",
  "adapter-type": "the component does not validate: a lowered function's core type is wrong",
  "import-type-mismatch":
    "make the importing and exporting components agree on the interface version",
  "embedder-type": "declare the embedder import with the type the embedder provides",
  "ambiguous-provider": "fuse only one provider of each interface",
  "cycle": "break the cycle: a composition must be acyclic",
  "duplicate-export": "rename one of the exports, or fuse the components separately",
  "unresolved-import":
    "add the component that exports it, or declare it a host (--host) or embedder (--passthrough) import",
  "unresolved-core-import": "the component does not validate: a core import is bound to nothing",
  "untyped-import": "the component lowers an import no core module uses: rebuild it",
  "reexported-import": "export a function the component defines",
  "unsupported-builtin":
    "this canon built-in is not supported in a fused core module yet (see test/spec/README.md)",
  "unsupported-import": "provide the import in the composition, or keep the component separate",
  "unsupported-option": "remove the option, or keep the component separate",
  "unsupported-resource": "keep the resource's owner in the composition",
  "unsupported-adapter": "simplify the function's type, or keep the component separate",
  "unsupported-component-output": "emit a core module (without --component) for this composition",
  "unsupported-threads": "fuse with --memory shared, or lift the callee with a callback",
  "multi-memory-input": "fuse with --memory multi",
  "memory-grow": "allocate from the embedder arena or static buffers instead of growing memory",
  "no-relocations": "rebuild the core module with `-Wl,--emit-relocs`, or fuse with --memory multi",
  "bad-relocation": "the module's relocation sections are damaged: rebuild it",
  "stale-relocation":
    "fuse with --memory multi, or rebuild with a tool that keeps padded LEBs (meld#351)",
  "bad-data-offset": "build without -fPIC / shared-library flags",
  "bad-domains": "name each fused component in at most one domain, under distinct domain names",
  "internal": "this is a Dissolve bug: report it with the inputs' sha256",
} as const;

/** A fusion failure's class. */
export type FuseErrorCode = keyof typeof FUSE_ERROR_REMEDIES;

/**
 * A fusion failure the user can act on. `where` names the component (and
 * module / function when known); `remedy` says what to change (the code's
 * own remedy when empty).
 *
 * @example
 * ```ts
 * import { FuseError } from "./errors.ts";
 * const e = new FuseError("unresolved-import", "app.wasm", "import `log` is provided by no component", "");
 * console.log(e.message);
 * ```
 */
export class FuseError extends Error {
  /** A stable identifier for the failure class. */
  readonly code: FuseErrorCode;
  /** The component / module / function the failure is about. */
  readonly where: string;
  /** What the user can do about it. */
  readonly remedy: string;

  constructor(
    code: FuseErrorCode,
    where: string,
    what: string,
    remedy: string,
    options?: { cause?: unknown },
  ) {
    const todo = remedy || FUSE_ERROR_REMEDIES[code];
    super(`${where}: ${what}\n  remedy: ${todo}`, options);
    this.name = "FuseError";
    this.code = code;
    this.where = where;
    this.remedy = todo;
  }
}
