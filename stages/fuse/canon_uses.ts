/**
 * What a `canon` definition tells the evaluator about the async machinery a
 * composition needs: whether it starts a thread, or gives core code a way
 * to block synchronously (`async/stacks.ts`).
 *
 * @module
 */
import type { Canon } from "../../wasm/component/mod.ts";
import type { Scope } from "./scope.ts";

/**
 * Whether `c` (just defined in `scope`) is an async lower of a function lifted without a callback.
 *
 * @example
 * ```ts ignore
 * import { startsThread } from "./canon_uses.ts";
 * if (startsThread(scope, canon)) console.log("the callee runs as a thread");
 * ```
 */
export function startsThread(scope: Scope, c: Canon): boolean {
  const lowered = c.kind === "lower" ? scope.coreFuncs.at(-1) : undefined;
  return lowered?.kind === "lowered" && !!lowered.options.async &&
    lowered.func.kind === "lifted" && !lowered.func.options.callback;
}

/**
 * Whether `c` gives core code a way to block synchronously: a sync lower of an `async`-typed
 * function, `waitable-set.wait` / `thread.yield`, or a sync stream / future copy.
 *
 * @example
 * ```ts ignore
 * import { blocksSynchronously } from "./canon_uses.ts";
 * if (blocksSynchronously(scope, canon)) console.log("a callback task may need a stack");
 * ```
 */
export function blocksSynchronously(scope: Scope, c: Canon): boolean {
  if (c.kind === "builtin") {
    if (c.name === "waitable-set.wait" || c.name === "thread.yield") return true;
    // A sync stream / future copy waits for its partner.
    return /^(stream|future)\.(read|write)$/.test(c.name) &&
      !(c.options ?? []).some((o) => o.kind === "async");
  }
  const lowered = c.kind === "lower" ? scope.coreFuncs.at(-1) : undefined;
  if (lowered?.kind !== "lowered" || lowered.options.async) return false;
  const t = lowered.func.type;
  return t?.kind === "def" && t.def.kind === "func" && !!t.def.async;
}
