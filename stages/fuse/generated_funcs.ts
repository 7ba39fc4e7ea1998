/**
 * The functions fuse generates (adapters, resource and task built-ins,
 * may_leave wrappers, the start function): registered while imports are
 * bound, deduplicated by key, their bodies built once every index is final.
 *
 * @module
 */
import type { FuncType } from "../../wasm/module/mod.ts";
import type { Generated } from "./abi/handles.ts";
import type { FuncTarget } from "./binding.ts";

/** One generated function: its type and name now, its body once indices are final. */
export interface GeneratedFunc {
  type: FuncType;
  name: string;
  body?: Uint8Array;
  /** Builds the body once every index is final. */
  make?: () => Generated;
}

/**
 * The generated functions of one merge, in the order they follow the
 * modules' own functions.
 *
 * @example
 * ```ts
 * import { GeneratedFunctions } from "./generated_funcs.ts";
 * const funcs = new GeneratedFunctions();
 * const type = { params: [], results: [] };
 * const a = funcs.add("k", "f", () => ({ type, body: new Uint8Array([0, 0x0b]), name: "" }), type);
 * console.log(a, funcs.add("k", "f", () => ({ type, body: new Uint8Array(), name: "" }), type));
 * // { kind: "generated", index: 0 } twice: one key, one function
 * ```
 */
export class GeneratedFunctions {
  readonly list: GeneratedFunc[] = [];
  readonly #keys = new Map<string, number>();

  /** The function registered under `key`, added on first use. */
  add(key: string, name: string, make: () => Generated, type: FuncType): FuncTarget {
    let slot = this.#keys.get(key);
    if (slot === undefined) {
      slot = this.list.length;
      this.list.push({ type, name, make });
      this.#keys.set(key, slot);
    }
    return { kind: "generated", index: slot };
  }

  /** A function whose body is already built (added last, not deduplicated). */
  push(made: Generated): number {
    this.list.push({ type: made.type, body: made.body, name: made.name });
    return this.list.length - 1;
  }

  /** The core type of generated function `index`. */
  typeOf(index: number): FuncType | undefined {
    return this.list[index]?.type;
  }

  /**
   * Builds every body not built yet. Building one may register more (an
   * adapter's handle moves), which this loop then reaches.
   */
  build(): void {
    for (let i = 0; i < this.list.length; i++) {
      const g = this.list[i];
      if (g.make && !g.body) {
        const made = g.make();
        this.list[i] = { type: made.type, body: made.body, name: g.name };
      }
    }
  }
}
