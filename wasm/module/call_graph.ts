/**
 * Call graphs of core modules, for the questions a gate or a merge asks:
 * which call chain reaches `memory.grow`, which imports a function can
 * reach.
 *
 * @module
 */
import type { CoreModule } from "./model.ts";
import { decodeNameSection } from "./custom.ts";
import { forEachOperator } from "./operators.ts";

/** Who calls whom in one core module, by function index (imports first). */
export interface CallGraph {
  names: Map<number, string>;
  callees: Map<number, Set<number>>;
  exports: { name: string; func: number }[];
  imports: { func: number; module: string; field: string }[];
}

/**
 * The call graph of `m`: direct calls (`call`, `return_call`, `ref.func`)
 * and, for an indirect call, every function an element segment puts in a
 * table (what it may reach).
 *
 * @example
 * ```ts
 * import { callGraph } from "./call_graph.ts";
 * const g = callGraph({ kind: "module", sections: [] });
 * console.log(g.callees.size); // 0
 * ```
 */
export function callGraph(m: CoreModule): CallGraph {
  const graph: CallGraph = { names: new Map(), callees: new Map(), exports: [], imports: [] };
  let imported = 0;
  const tableFuncs = new Set<number>();
  for (const s of m.sections) {
    if (s.id === "import") {
      for (const i of s.imports) {
        if (i.desc.kind !== "func") continue;
        graph.imports.push({ func: imported, module: i.module, field: i.field });
        graph.names.set(imported, `${i.module}::${i.field}`);
        imported++;
      }
    } else if (s.id === "export") {
      for (const e of s.exports) {
        if (e.kind === "func") graph.exports.push({ name: e.name, func: e.index });
      }
    } else if (s.id === "element") {
      for (const seg of s.segments) {
        if (seg.items.kind === "functions") seg.items.indices.forEach((f) => tableFuncs.add(f));
      }
    } else if (s.id === "custom" && s.name === "name") {
      try {
        for (const [i, n] of decodeNameSection(s.data).functions ?? []) {
          if (!graph.names.has(i)) graph.names.set(i, n);
        }
      } catch {
        // a malformed name section only costs readable names
      }
    }
  }
  for (const s of m.sections) {
    if (s.id !== "code") continue;
    s.bodies.forEach((b, i) => {
      const callees = new Set<number>();
      let lastOp = -1;
      forEachOperator(b.bytes, {
        op(op) {
          lastOp = op;
          // An indirect call may reach anything in the table.
          if (op === 0x11 || op === 0x13) tableFuncs.forEach((f) => callees.add(f));
        },
        index(kind, value) {
          if (kind === "func" && (lastOp === 0x10 || lastOp === 0x12 || lastOp === 0xd2)) {
            callees.add(value);
          }
        },
      }, b.offset);
      graph.callees.set(imported + i, callees);
    });
  }
  return graph;
}

/**
 * Every function reachable from `roots` (the roots included).
 *
 * @example
 * ```ts
 * import { reachable } from "./call_graph.ts";
 * const g = { names: new Map(), exports: [], imports: [],
 *   callees: new Map([[0, new Set([1])], [1, new Set<number>()]]) };
 * console.log([...reachable(g, [0])]); // [0, 1]
 * ```
 */
export function reachable(g: CallGraph, roots: number[]): Set<number> {
  const seen = new Set<number>();
  const stack = [...roots];
  while (stack.length) {
    const f = stack.pop()!;
    if (seen.has(f)) continue;
    seen.add(f);
    for (const c of g.callees.get(f) ?? []) stack.push(c);
  }
  return seen;
}
