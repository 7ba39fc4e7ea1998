/**
 * A component's settings (`[[component]]` in the pipeline file), declared
 * once: validation, types, defaults and the README's table derive from here.
 *
 * @example
 * ```ts
 * import { COMPONENT_SETTINGS } from "./settings.ts";
 * console.log(Object.keys(COMPONENT_SETTINGS));
 * ```
 *
 * @module
 */
import { integer, oneOf, OPT_LEVELS, string, strings } from "../settings.ts";

/**
 * A component's optimization levels: the compiler's own, and `firmware` (the default):
 * `Os` with `Oz`'s inlining, and loops of a constant trip count fully unrolled while the
 * unrolled body stays small (LLVM's cost 200), so their addresses become constants and
 * the firmware's bounds checks on them fold away.
 *
 * @example
 * ```ts
 * import { COMPONENT_OPT_LEVELS } from "./settings.ts";
 * console.log(COMPONENT_OPT_LEVELS[0]); // "firmware"
 * ```
 */
export const COMPONENT_OPT_LEVELS = ["firmware", ...OPT_LEVELS] as const;

/** One of {@linkcode COMPONENT_OPT_LEVELS}. */
export type ComponentOptLevel = typeof COMPONENT_OPT_LEVELS[number];

/** `[[component]]`: one component, built by gale. */
export const COMPONENT_SETTINGS = {
  name: string("the component's name: lowercase kebab-case", { required: true }),
  language: oneOf(["c", "rust"], "c", "C (clang) or Rust (Debian's rustc; a `no_std` crate)"),
  libc: oneOf(["none", "wasi"], "none", "C only: compile against wasi-libc"),
  sources: strings("source files; for Rust, `sources[0]` is the crate root", {
    required: true,
    file: true,
  }),
  compile: strings(
    "a custom compile command (`{out}`, `{sources}`, `{root}`, `{base}`, `{bindings}`)",
  ),
  wit: string("the WIT file", { required: true, file: true }),
  world: string("the world the component implements", { required: true }),
  "embedder-imports": strings("core imports passed through to the firmware (`module::field`)", {
    default: ["env::__cabi_arena_realloc"],
  }),
  "realloc-pool": integer(
    "the generated bindings' `cabi_realloc` uses a static pool of this many bytes, not the embedder arena (for components that must also run unfused)",
    { min: 16 },
  ),
  "opt-level": oneOf(
    COMPONENT_OPT_LEVELS,
    "firmware",
    "the default compile command's optimization level (clang `-O…`, rustc `-Copt-level`): `firmware` is `Os` with `Oz`'s inlining and short constant-trip loops fully unrolled (their bounds checks fold); `Os` for the least flash, `O2` for speed",
  ),
  "stack-bytes": integer("the component's own wasm stack", {
    min: 64,
    defaultDoc: '`1024`; `4096` with `libc = "wasi"`',
  }),
} as const;
