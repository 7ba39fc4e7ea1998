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
import type { CoreModule, IndexSites } from "../../wasm/module/mod.ts";
import { type CallGraph, callGraph, walkCalls } from "../../wasm/module/mod.ts";

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
  /** Answers known, by `inst:func` (false also while the question is being asked). */
  private readonly answers = new Map<string, boolean>();

  constructor(
    /** Instance → its module (and the module's index sites, when other questions walk it too). */
    private readonly moduleOf: (inst: number) => { module: CoreModule; sites?: IndexSites },
    private readonly link: (inst: number, importFunc: number) => ImportLink,
  ) {}

  /**
   * Whether function `func` (module index space) of instance `inst` can reach
   * a leaving import, through core links into other modules too. The walk
   * goes depth first and follows a link as soon as it meets it, and ends at
   * the first leaving import: a large module that does leave costs little.
   */
  leaves(inst: number, func: number): boolean {
    return this.reaches(inst, func, true);
  }

  /**
   * `leaves`, with the functions this question is already asking about
   * counted as not leaving (a cycle back to one adds nothing). A yes is
   * remembered; a no only for the outermost question (`outermost`): an
   * inner no may rest on an outer question not answered yet.
   */
  private reaches(inst: number, func: number, outermost: boolean): boolean {
    const key = `${inst}:${func}`;
    const known = this.answers.get(key);
    if (known !== undefined) return known;
    this.answers.set(key, false);
    const g = this.graph(inst);
    let found = false;
    walkCalls(g, [func], (callee) => {
      if (callee >= g.imports.length) return;
      const to = this.link(inst, callee);
      if (to.kind === "leaves" || (to.kind === "module" && this.reaches(to.inst, to.func, false))) {
        found = true;
        return "stop";
      }
    }, "depth");
    if (found || outermost) this.answers.set(key, found);
    else this.answers.delete(key);
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
