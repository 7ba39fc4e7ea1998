/**
 * `may_leave` in the fused module: a realloc or post-return that can reach a
 * leaving import runs with a flag set (through a wrapper every caller uses),
 * and each leaving import it can reach traps while the flag is set
 * ("cannot leave component instance").
 *
 * @module
 */
import type { CoreItem, ModuleInstance } from "./graph.ts";
import { LeaveAnalysis } from "./may_leave.ts";
import { exportTarget } from "./core_links.ts";
import { leaveCheck, withNoLeaveFlag } from "./generated.ts";
import type { FuncTarget } from "./binding.ts";
import type { Resolver } from "./resolve.ts";
import type { IndexSpace } from "./index_space.ts";
import type { MergeInput } from "./merge_types.ts";

/** The leave analysis over the instances' calls: what each function import is bound to. */
function leaveAnalysis(input: MergeInput, r: Resolver): LeaveAnalysis {
  return new LeaveAnalysis(
    (inst) => input.infos[inst],
    (inst, func) => {
      const info = input.infos[inst];
      let item: CoreItem | { inst: ModuleInstance; index: number } =
        input.instances[inst].imports[info.funcImportPos[func]];
      for (let guard = 0; guard < 1000 && "kind" in item && item.kind === "export"; guard++) {
        item = exportTarget(input.infos[item.inst.id], item, "func");
      }
      if (!("kind" in item)) {
        const to = item.inst.id;
        return { kind: "module", inst: to, func: input.infos[to].importedFuncs + item.index };
      }
      // The embedder's functions (the arena) are the platform's, meant to be called from a
      // realloc: calling them does not leave the component instance.
      const embedder = item.kind === "lowered" && item.func.kind === "import" &&
        r.imports.isEmbedder(item.func);
      const leaves = (item.kind === "lowered" && !embedder) ||
        (item.kind === "resource" && item.op !== "rep") ||
        (item.kind === "task" && !item.op.startsWith("context.") &&
          !item.op.startsWith("backpressure."));
      return { kind: leaves ? "leaves" : "stays" };
    },
  );
}

/** Every realloc and post-return some caller runs: the roots of the analysis. */
function optionRoots(
  input: MergeInput,
  r: Resolver,
  importReallocs: (FuncTarget | undefined)[],
): FuncTarget[] {
  const roots: FuncTarget[] = importReallocs.filter((t) => t !== undefined);
  const add = (item: CoreItem | undefined, user: string) => {
    if (item) roots.push(r.resolveFunc(item, undefined, user));
  };
  for (const a of r.adapters) {
    add(a.lowered.options.realloc, a.lowered.owner);
    add(a.lifted.options.realloc, a.lifted.owner);
    add(a.lifted.options.postReturn, a.lifted.owner);
  }
  for (const e of input.exports) {
    if (e.func.kind !== "lifted") continue;
    add(e.func.options.realloc, e.component);
    add(e.func.options.postReturn, e.component);
  }
  return roots;
}

/**
 * Wraps each realloc / post-return that can leave its instance so it runs
 * with the flag set, and puts a check before each leaving import such a
 * function can reach (`funcTargets` is updated in place). Runs before the
 * index space is laid out: it adds generated functions.
 *
 * @example
 * ```ts
 * import { guardMayLeave } from "./leave_guards.ts";
 * // guardMayLeave(input, resolver, space, funcTargets, importReallocs);
 * ```
 */
export function guardMayLeave(
  input: MergeInput,
  r: Resolver,
  space: IndexSpace,
  funcTargets: FuncTarget[][],
  importReallocs: (FuncTarget | undefined)[],
): void {
  const { instances, infos } = input;
  const analysis = leaveAnalysis(input, r);
  const base = () => r.taskGlobals.base;
  for (const t of optionRoots(input, r, importReallocs)) {
    const key = t.kind === "defined" ? `${t.inst}:${t.index}` : "";
    if (t.kind !== "defined" || r.noLeave.has(key)) continue;
    if (!analysis.leaves(t.inst, infos[t.inst].importedFuncs + t.index)) continue;
    const component = instances[t.inst].component;
    analysis.guardAll(instances.filter((i) => i.component === component).map((i) => i.id));
    const flag = r.taskGlobals.get("\0no-leave");
    const type = r.targetType(t)!;
    r.noLeave.set(
      key,
      r.generate(
        `no-leave\0${key}`,
        `no-leave:${instances[t.inst].def.name}`,
        () => withNoLeaveFlag(type, base() + flag, space.funcIndex(t)),
        type,
      ),
    );
  }
  for (const [inst, funcs] of analysis.guarded) {
    const flag = r.taskGlobals.get("\0no-leave");
    for (const func of funcs) {
      const target = funcTargets[inst][func];
      const type = r.targetType(target)!;
      funcTargets[inst][func] = r.generate(
        `leave-check\0${inst}:${func}`,
        `leave-check:${instances[inst].def.name}`,
        // Leaving while the flag is set traps: "cannot leave component instance".
        () => leaveCheck(type, base() + flag, space.funcIndex(target)),
        type,
      );
    }
  }
}
