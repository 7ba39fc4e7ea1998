/**
 * Merges the module instances of a flattened component graph into one
 * core module: every index space (types, functions, tables, memories,
 * globals, element and data segments) is remapped, imports bound inside
 * the fusion become direct references, cross-component calls go through
 * canonical-ABI adapters, and what is left becomes the fused module's
 * imports (embedder imports and host imports).
 *
 * The merge runs in four steps, one module each: binding (`resolve.ts`,
 * `resolve_task.ts`), may_leave (`leave_guards.ts`), the index spaces
 * (`index_space.ts`) and emission (`emit.ts`).
 *
 * @module
 */
import type { FuncType } from "../../wasm/module/mod.ts";
import { TypeTable } from "./types_table.ts";
import { sameCoreType, showCore } from "./core_type_text.ts";
import { FuseError } from "./errors.ts";
import { resourcesOf } from "./component_types.ts";
import { resolveFuncSig } from "./ctypes.ts";
import { flattenFuncType } from "../../wasm/abi/mod.ts";
import { taskEntry } from "./generated.ts";
import { type FuncTarget, REALLOC_TYPE } from "./binding.ts";
import { Resolver } from "./resolve.ts";
import { guardMayLeave } from "./leave_guards.ts";
import { IndexSpace } from "./index_space.ts";
import { emitMerged } from "./emit.ts";
import type { MergeInput, MergeOutput, RootExport } from "./merge_types.ts";
import type { ModuleInstance } from "./graph.ts";

export type { Boundary, MergeInput, MergeOutput, RootExport } from "./merge_types.ts";
export type { FusedImport } from "./imports.ts";
export { funcTypeOf } from "./module_info.ts";

/**
 * Merges module instances into one core module.
 *
 * @example
 * ```ts
 * import { Merger } from "./merge.ts";
 * // const out = new Merger(input).run();
 * ```
 */
export class Merger {
  readonly #input: MergeInput;
  readonly #space: IndexSpace;
  readonly #resolver: Resolver;
  /** The fused module's function types: the instances' and those generated code names. */
  readonly #types = new TypeTable();
  /** Root exports that need a host entry (task context, own checks, async): the wrapper. */
  readonly #entryWrappers = new Map<RootExport, FuncTarget>();

  constructor(input: MergeInput) {
    this.#input = input;
    this.#space = new IndexSpace(input.infos);
    this.#resolver = new Resolver(input, this.#space, this.#types);
  }

  /** Runs the merge. */
  run(): MergeOutput {
    const { instances } = this.#input;
    const r = this.#resolver;
    // 1. Bind every import of every instance (functions first: this discovers fused imports),
    // every function a root export names, and the reallocs host imports were lowered with: each
    // can add a fused import or a generated function, which must happen before the layout.
    const funcTargets = instances.map((inst) => this.#bindImports(inst));
    for (const e of this.#input.exports) this.#bindRootExport(e);
    const dtors = this.#bindExportedDtors();
    const importReallocs = r.imports.lowerings.map((o, i) =>
      o?.realloc
        ? r.typedOption(o.realloc, REALLOC_TYPE, "realloc", r.imports.imports[i].components[0])
        : undefined
    );
    // 2. may_leave wrappers and checks.
    guardMayLeave(this.#input, r, this.#space, funcTargets, importReallocs);
    // 3. The index spaces; task state (context slots, backpressure) follows the modules' globals.
    r.taskGlobals.base = this.#space.layOut(
      instances,
      r.imports.imports.length,
      this.#input.memory,
    );
    const types = this.#types;
    const maps = instances.map((inst) =>
      this.#space.instanceMaps(inst, funcTargets[inst.id], types)
    );
    // 4. Emit.
    return emitMerged({
      input: this.#input,
      resolver: r,
      space: this.#space,
      types,
      maps,
      entryWrappers: this.#entryWrappers,
      importReallocs,
      dtors,
    });
  }

  /**
   * `--component`: the destructor of each resource the output exports, to be exported by the
   * fused module as `[dtor]<iface>#<name>` (the output's resource type names it).
   */
  #bindExportedDtors(): { name: string; target: FuncTarget }[] {
    const out: { name: string; target: FuncTarget }[] = [];
    for (const [id, e] of this.#input.exportedResources ?? []) {
      const r = this.#input.resources[id];
      if (!r?.dtor) continue;
      const target = this.#resolver.resolveFunc(
        r.dtor,
        { params: [0x7f], results: [] },
        r.owner ?? "",
      );
      out.push({ name: `[dtor]${e.iface}#${e.name}`, target });
    }
    return out;
  }

  /** What each function import of `inst` is bound to, checked against its declared type. */
  #bindImports(inst: ModuleInstance): FuncTarget[] {
    const info = this.#input.infos[inst.id];
    const targets: FuncTarget[] = [];
    for (let i = 0; i < info.importedFuncs; i++) {
      const pos = info.funcImportPos[i];
      const imp = info.imports[pos];
      const typeIndex = (imp.desc as { type: number }).type;
      const expected = info.types[typeIndex];
      if (!expected) {
        throw new FuseError(
          "bad-type-index",
          inst.def.name,
          `import ${imp.module}::${imp.field} names type ${typeIndex}, which the module does ` +
            "not define",
          "the core module does not validate: rebuild it",
        );
      }
      const target = this.#resolver.resolveFunc(inst.imports[pos], expected, inst.def.name);
      const actual = this.#resolver.targetType(target);
      if (actual && !sameCoreType(actual, expected)) {
        throw new FuseError(
          "link-type",
          inst.def.name,
          `import ${imp.module}::${imp.field} has type ${showCore(expected)}, but what it is ` +
            `bound to has type ${showCore(actual)}`,
          "the component does not validate (a core instantiation passes a function of the " +
            "wrong type); rebuild it",
        );
      }
      targets.push(target);
    }
    return targets;
  }

  /** A root export's core function, realloc and post-return, and its host entry if it needs one. */
  #bindRootExport(e: RootExport): void {
    if (e.func.kind !== "lifted") return;
    const r = this.#resolver;
    const f = e.func;
    const sig = resolveFuncSig(f.type);
    if (f.options.callback) {
      this.#entryWrappers.set(e, r.tasks.asyncEntry(e.name, e.component, f, sig));
      return;
    }
    if (f.options.async) {
      this.#entryWrappers.set(e, r.tasks.stackfulEntry(e.name, e.component, f, sig));
      return;
    }
    const flat = flattenFuncType(sig, "lift");
    // The type the lift expects is what a lowered function behind it must have.
    const expected: FuncType = { params: flat.params, results: flat.results };
    const target = r.resolveFunc(f.core, expected, e.component);
    r.checkLiftedType(target, sig, { owner: e.component });
    const resetsContext = r.taskGlobals.contextSlots(f.owner).length > 0;
    // A resource the output component exports keeps its handles in that component's table,
    // which checks them itself; the in-module tables know nothing of them.
    const exported = this.#input.exportedResources;
    const ownCheck = exported && resourcesOf(sig).some((id) => exported.has(id))
      ? undefined
      : r.tasks.ownResultCheck(sig, flat.resultsIndirect, f.owner);
    if (resetsContext || ownCheck) {
      // An entry from the host: each call starts a task whose context slots start at 0, and
      // an own handle it returns must be of the declared resource type.
      const space = this.#space;
      this.#entryWrappers.set(
        e,
        r.generate(
          `entry\0${e.name}`,
          `task-entry:${e.name}`,
          () =>
            taskEntry(
              expected,
              space.funcIndex(target),
              resetsContext ? r.taskGlobals.contextGlobals(f.owner) : [],
              ownCheck && space.funcIndex(ownCheck),
            ),
          expected,
        ),
      );
    }
    if (this.#input.threadUsers?.has(f.owner)) {
      // The call may switch to the component's other threads and back: it runs as a thread.
      const body = this.#entryWrappers.get(e) ?? target;
      this.#entryWrappers.set(e, r.tasks.syncThreadEntry(e.name, f.owner, expected, body));
    }
    if (f.options.realloc) r.resolveFunc(f.options.realloc, undefined, e.component);
    if (f.options.postReturn) r.resolveFunc(f.options.postReturn, undefined, e.component);
  }
}
