/**
 * The spec's validation of canonical options (`CanonicalABI.md`, "canonopt
 * Validation", `canon lift`, `canon lower`): each option at most once, one
 * string encoding, `realloc` only with `memory`, `post-return` only on a
 * lift, and the options a function type requires — `memory` to lower a
 * list or string or to pass more flat values than fit, `realloc` to lift a
 * list or string or more parameters than fit.
 *
 * @module
 */
import type { CanonOpt } from "../../wasm/component/mod.ts";
import type { CType, FuncSig } from "../../wasm/abi/mod.ts";
import { childTypes, flatten, MAX_FLAT_ASYNC_PARAMS, MAX_FLAT_PARAMS } from "../../wasm/abi/mod.ts";

/** Whether a value of `t` holds a list or a string (lifting or lowering it needs memory). */
function holdsListOrString(t: CType): boolean {
  return t.kind === "string" || t.kind === "list" || childTypes(t).some(holdsListOrString);
}

/**
 * Why the option list `opts` is invalid on its own (repeated, two
 * encodings, realloc without memory, post-return on a lower), or undefined.
 *
 * @example
 * ```ts
 * import { optionsError } from "./canon_checks.ts";
 * console.log(optionsError([{ kind: "realloc", index: 0 }], "lift")); // canonical option `realloc` requires `memory` to also be specified
 * ```
 */
export function optionsError(opts: CanonOpt[], on: "lift" | "lower"): string | undefined {
  const seen = new Set<string>();
  for (const o of opts) {
    const key = o.kind === "string-encoding" ? "string-encoding" : o.kind;
    if (seen.has(key)) {
      return o.kind === "string-encoding"
        ? "canonical encoding option conflicts with a previous one"
        : `canonical option \`${o.kind}\` is specified more than once`;
    }
    seen.add(key);
  }
  if (seen.has("realloc") && !seen.has("memory")) {
    return "canonical option `realloc` requires `memory` to also be specified";
  }
  if (on === "lower" && seen.has("post-return")) {
    return "canonical option `post-return` cannot be specified for lowerings";
  }
  return undefined;
}

/**
 * Why `sig` needs an option `opts` lacks when lifted or lowered (`async`:
 * with the async ABI), or undefined.
 *
 * @example
 * ```ts
 * import { requiredOptionError } from "./canon_checks.ts";
 * const sig = { params: [{ name: "s", type: { kind: "string" as const } }] };
 * console.log(requiredOptionError(sig, "lower", false, new Set())); // canonical option `memory` is required
 * ```
 */
export function requiredOptionError(
  sig: FuncSig,
  on: "lift" | "lower",
  async: boolean,
  opts: Set<string>,
): string | undefined {
  const params = sig.params.map((p) => p.type);
  const flatParams = params.reduce((n, t) => n + flatten(t).length, 0);
  const flatResults = sig.result ? flatten(sig.result).length : 0;
  const listParams = params.some(holdsListOrString);
  const listResult = sig.result !== undefined && holdsListOrString(sig.result);
  let memory: boolean, realloc: boolean;
  if (on === "lift") {
    realloc = listParams || flatParams > MAX_FLAT_PARAMS;
    memory = realloc || listResult || flatResults > (async ? MAX_FLAT_PARAMS : 1);
  } else {
    realloc = listResult;
    memory = realloc || listParams ||
      flatParams > (async ? MAX_FLAT_ASYNC_PARAMS : MAX_FLAT_PARAMS) ||
      flatResults > (async ? 0 : 1);
  }
  if (memory && !opts.has("memory")) return "canonical option `memory` is required";
  if (realloc && !opts.has("realloc")) return "canonical option `realloc` is required";
  return undefined;
}
