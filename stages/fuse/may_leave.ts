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
 * the leaving imports of its component's modules check the flag (all of
 * them: proving which ones it reaches would walk all of a large module).
 *
 * @module
 */
import type { CoreModule } from "../../wasm/module/model.ts";
import type { IndexSites } from "../../wasm/module/index_sites.ts";
import { type CallGraph, callGraph, walkCalls } from "../../wasm/module/call_graph.ts";

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
 * const empty = { module: { kind: "module" as const, sections: [] } };
 * const a = new LeaveAnalysis(() => empty, () => ({ kind: "stays" }));
 * console.log(a.leaves(0, 0), a.guarded.size); // false 0
 * ```
 */
export class LeaveAnalysis {
  /** Module instance → indices of the function imports that must check the flag. */
  readonly guarded = new Map<number, Set<number>>();
  private readonly graphs = new Map<number, CallGraph>();

  constructor(
    /** Instance → its module (and the module's index sites, when other questions walk it too). */
    private readonly moduleOf: (inst: number) => { module: CoreModule; sites?: IndexSites },
    private readonly link: (inst: number, importFunc: number) => ImportLink,
  ) {}

  /**
   * Whether function `func` (module index space) of instance `inst` can reach
   * a leaving import. The walk ends at the first one found, so a large
   * module that does leave costs little.
   */
  leaves(inst: number, func: number): boolean {
    let found = false;
    const pending: [number, number][] = [[inst, func]];
    const walked = new Set<string>();
    while (pending.length && !found) {
      const [i, f] = pending.pop()!;
      if (walked.has(`${i}:${f}`)) continue;
      walked.add(`${i}:${f}`);
      const g = this.graph(i);
      walkCalls(g, [f], (callee) => {
        if (callee >= g.imports.length) return;
        const to = this.link(i, callee);
        if (to.kind === "leaves") {
          found = true;
          return "stop";
        }
        if (to.kind === "module") pending.push([to.inst, to.func]);
      });
    }
    return found;
  }

  /** Marks every leaving import of the instances `insts` as one that must check the flag. */
  guardAll(insts: number[]): void {
    for (const i of insts) {
      const g = this.graph(i);
      for (const imp of g.imports) {
        if (this.link(i, imp.func).kind !== "leaves") continue;
        if (!this.guarded.has(i)) this.guarded.set(i, new Set());
        this.guarded.get(i)!.add(imp.func);
      }
    }
  }

  private graph(inst: number): CallGraph {
    let g = this.graphs.get(inst);
    if (!g) {
      const { module, sites } = this.moduleOf(inst);
      this.graphs.set(inst, g = callGraph(module, sites));
    }
    return g;
  }
}
