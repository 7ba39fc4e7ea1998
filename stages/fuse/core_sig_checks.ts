/**
 * The spec's checks on the core functions a component hands to `canon`
 * and to resource types (`Explainer.md`, "Canonical ABI" and "Resource
 * types"): a lifted function's core type is the flattening of its
 * component type, `realloc` is `(i32 i32 i32 i32) -> i32`, `post-return`
 * takes the lifted function's core results, `callback` is
 * `(i32 i32 i32) -> i32`, a destructor is `(i32) -> ()`. Only core
 * functions a module instance exports have a type to check here; the
 * ones fuse generates (lowered imports, built-ins) are right by
 * construction.
 *
 * @module
 */
import type { FuncType, ValType } from "../../wasm/module/mod.ts";
import { flattenFuncType, type FuncSig, I32 } from "../../wasm/abi/mod.ts";
import { exportedDesc, infoOf } from "./module_info.ts";
import { sameCoreType, showCoreType } from "./core_type_text.ts";
import type { CoreItem } from "./scope.ts";

/** A core value type list as the text format writes it. */
function shown(types: readonly ValType[]): string {
  return `[${types.map(showCoreType).join(" ")}]`;
}

/**
 * The core type of `item` when a module instance exports it, or undefined.
 *
 * @example
 * ```ts ignore
 * import { coreFuncType } from "./core_sig_checks.ts";
 * console.log(coreFuncType({ kind: "export", inst, name: "realloc" })); // { params: [...], results: [...] }
 * ```
 */
export function coreFuncType(item: CoreItem | undefined): FuncType | undefined {
  if (item?.kind !== "export") return undefined;
  const info = infoOf(item.inst.def);
  const d = exportedDesc(info, item.name);
  return d?.kind === "func" ? info.types[d.type] : undefined;
}

/**
 * Why `item` does not have the core type `params -> results` that its
 * role (`what`: "canonical option `realloc`", "a destructor", …) needs,
 * or undefined.
 *
 * @example
 * ```ts
 * import { signatureError } from "./core_sig_checks.ts";
 * console.log(signatureError(undefined, [0x7f], [], "a destructor")); // undefined
 * ```
 */
export function signatureError(
  item: CoreItem | undefined,
  params: readonly ValType[],
  results: readonly ValType[],
  what: string,
): string | undefined {
  const t = coreFuncType(item);
  if (!t || sameCoreType(t, { params: [...params], results: [...results] })) return undefined;
  return `${what} uses a core function with an incorrect signature: expected ` +
    `${shown(params)} -> ${shown(results)}, found ${shown(t.params)} -> ${shown(t.results)}`;
}

/** `realloc`'s core type: (old pointer, old size, alignment, new size) -> pointer. */
export const REALLOC_PARAMS: readonly ValType[] = [I32, I32, I32, I32];

/** `callback`'s core type: (event code, waitable, payload) -> code. */
export const CALLBACK_PARAMS: readonly ValType[] = [I32, I32, I32];

/**
 * Why the core function `core` cannot be lifted to `sig` (its type is not
 * the flattening of `sig`), or why its `post-return` does not take the
 * lifted function's results; undefined when both fit.
 *
 * @example
 * ```ts
 * import { liftSignatureError } from "./core_sig_checks.ts";
 * console.log(liftSignatureError(undefined, { params: [] }, "sync")); // undefined
 * ```
 */
export function liftSignatureError(
  core: CoreItem | undefined,
  sig: FuncSig,
  abi: "sync" | "async" | "callback",
  postReturn?: CoreItem,
): string | undefined {
  const flat = flattenFuncType(sig, abi === "sync" ? "lift" : "async lift");
  const results = abi === "callback" ? [I32] : flat.results;
  const t = coreFuncType(core);
  if (t && !sameCoreType(t, { params: flat.params, results })) {
    // Name the side that differs, as wasmparser does.
    const params = sameCoreType({ params: t.params, results }, { params: flat.params, results });
    return params
      ? `lowered result types \`${shown(t.results)}\` do not match result types ` +
        `\`${shown(results)}\` of the lifted function type`
      : `lowered parameter types \`${shown(t.params)}\` do not match parameter types ` +
        `\`${shown(flat.params)}\` of the lifted function type`;
  }
  return signatureError(postReturn, results, [], "canonical option `post-return`");
}
