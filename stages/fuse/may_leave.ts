/**
 * The canonical ABI's `may_leave` rule: while the fuser runs a component's
 * `realloc` or `post-return`, that component may not leave its instance —
 * calling a lowered import or `resource.new` / `resource.drop` traps
 * ("cannot leave component instance").
 *
 * Most of those functions call nothing that leaves (a bump allocator, a
 * `free`), and then nothing is emitted. Only a function whose call graph
 * reaches a leaving import — following core links into the component's
 * other modules — costs anything: its calls are bracketed by a flag, and
 * the imports it reaches check the flag.
 *
 * @module
 */
import type { CoreModule } from "../../wasm/module/model.ts";
import { type CallGraph, callGraph } from "../../wasm/module/call_graph.ts";

/** Where a module instance's function import leads. */
export type ImportLink =
  | { kind: "leaves" }
  | { kind: "stays" }
  | { kind: "module"; inst: number; func: number };

/**
 * Finds which option functions can leave their instance, and through which imports.
 *
 * @example
 * ```ts
 * import { LeaveAnalysis } from "./may_leave.ts";
 * const a = new LeaveAnalysis(() => ({ kind: "module", sections: [] }), () => ({ kind: "stays" }));
 * console.log(a.leaves(0, 0), a.guarded.size); // false 0
 * ```
 */
export class LeaveAnalysis {
  /** Module instance → indices of the function imports that must check the flag. */
  readonly guarded = new Map<number, Set<number>>();
  private readonly graphs = new Map<number, CallGraph>();

  constructor(
    private readonly moduleOf: (inst: number) => CoreModule,
    private readonly link: (inst: number, importFunc: number) => ImportLink,
  ) {}

  /** Whether function `func` (module index space) of instance `inst` can reach a leaving import. */
  leaves(inst: number, func: number): boolean {
    let found = false;
    const seen = new Set<string>();
    const stack: [number, number][] = [[inst, func]];
    while (stack.length) {
      const [i, f] = stack.pop()!;
      const key = `${i}:${f}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const g = this.graph(i);
      if (f < g.imports.length) {
        const to = this.link(i, f);
        if (to.kind === "leaves") {
          found = true;
          if (!this.guarded.has(i)) this.guarded.set(i, new Set());
          this.guarded.get(i)!.add(f);
        } else if (to.kind === "module") {
          stack.push([to.inst, to.func]);
        }
        continue;
      }
      for (const c of g.callees.get(f) ?? []) stack.push([i, c]);
    }
    return found;
  }

  private graph(inst: number): CallGraph {
    let g = this.graphs.get(inst);
    if (!g) this.graphs.set(inst, g = callGraph(this.moduleOf(inst)));
    return g;
  }
}
