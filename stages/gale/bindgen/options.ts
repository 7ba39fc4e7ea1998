/**
 * What the binding generators take besides the world, and what they give.
 *
 * @module
 */

/** Generator options; they are part of gale's cache key with the WIT itself. */
export interface BindingOptions {
  /**
   * `cabi_realloc` from a static pool of this many bytes instead of the
   * embedder arena: for components that must also run unfused, where
   * `cabi_realloc` may not call an import.
   */
  reallocPool?: number;
}

/** One generated file, named relative to the bindings directory. */
export interface GeneratedFile {
  name: string;
  text: string;
}
