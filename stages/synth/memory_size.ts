/**
 * `memory.size` on the MCU. The built-in backend gives linear memory only
 * its used extent, not whole 64 KiB pages; a function that reads
 * `memory.size` (to size a heap, or to scan memory) would then be told of
 * memory that is not there, and trap on the MCU where it runs under jco.
 *
 * The choice: such a module gets every page it declares, so `memory.size`
 * is true and every address below it is backed, exactly as in any wasm
 * runtime. On a part whose RAM cannot hold those pages, the build fails
 * at the synth gate naming the functions, with the remedy. A module without
 * `memory.size` keeps the lean used-extent memory.
 *
 * @module
 */
import type { CoreModule } from "../../wasm/module/mod.ts";
import { callGraph, displayName, forEachOperator } from "../../wasm/module/mod.ts";

const MEMORY_SIZE = 0x3f;

/**
 * Names of the functions that execute `memory.size` (none for most firmware).
 *
 * @example
 * ```ts
 * import { memorySizeUsers } from "./memory_size.ts";
 * console.log(memorySizeUsers({ kind: "module", sections: [] })); // []
 * ```
 */
export function memorySizeUsers(m: CoreModule): string[] {
  const code = m.sections.find((s) => s.id === "code");
  if (!code || code.id !== "code") return [];
  const users: number[] = [];
  code.bodies.forEach((body, i) => {
    let found = false;
    forEachOperator(body.bytes, {
      op(opcode) {
        if (opcode === MEMORY_SIZE) found = true;
      },
    });
    if (found) users.push(i);
  });
  if (users.length === 0) return [];
  const g = callGraph(m);
  const imported = g.functions - code.bodies.length;
  return users.map((i) => displayName(g, imported + i));
}
