/**
 * Merges the module instances of a flattened component graph into one
 * core module: every index space (types, functions, tables, memories,
 * globals, element and data segments) is remapped, imports bound inside
 * the fusion become direct references, cross-component calls go through
 * canonical-ABI adapters, and what is left becomes the fused module's
 * imports (embedder imports and host imports).
 *
 * @module
 */
import type {
  CoreModule,
  DataSegment,
  ElementSegment,
  FunctionBody,
  FuncType,
  Global,
  Import,
  MemoryType,
  Table,
  ValType,
} from "../../wasm/module/model.ts";
import { type IndexHooks, RenumberedBodies } from "../../wasm/module/index_sites.ts";
import type { ComponentFunc, CoreItem, ModuleInstance, ResolvedOptions } from "./graph.ts";
import { funcTypeOf, type ModuleInfo } from "./module_info.ts";
import { renumberValType, TypeTable } from "./types_table.ts";
import { expr, remapElement } from "./segments.ts";
import { LeaveAnalysis } from "./may_leave.ts";
import {
  assembleSections,
  type ExportAbi,
  type ImportAbi,
  nameModuleFunctions,
  rootExports,
} from "./merge_output.ts";
import { FunctionNameWriter } from "../../wasm/module/custom.ts";
import { zeroConstExpr } from "../../wasm/module/const_expr.ts";
import { type FusedImport, ImportTable, sameCoreType, showCore } from "./imports.ts";
import { FuseError } from "./errors.ts";
import type { EmbedderRules } from "./options.ts";
import type { MemoryPlan } from "./layout.ts";
import { resolveFuncSig, showFuncSig } from "./ctypes.ts";
import type { CType, FuncSig } from "./abi/types.ts";
import { flattenFuncType, taskReturnParams } from "./abi/layout.ts";
import {
  type Generated,
  resourceDrop,
  resourceNew,
  resourceRep,
  type TableSite,
} from "./abi/handles.ts";
import {
  arenaRealloc,
  leaveCheck,
  startFunction,
  taskBuiltin,
  taskBuiltinType,
  taskEntry,
  taskReturn,
  trap,
  withNoLeaveFlag,
} from "./generated.ts";
import { AdapterBuilder, type FuncTarget, type PendingAdapter, REALLOC_TYPE } from "./binding.ts";
import { AsyncBinder, CALLBACK_TYPE } from "./async/binder.ts";
import { type EndBuiltin, SCHEDULER_BUILTINS, type SchedulerBuiltin } from "./scope.ts";

/** A root export to emit: its name and the component function behind it. */
export interface RootExport {
  name: string;
  func: ComponentFunc;
  component: string;
}

/** What the merge needs. */
export interface MergeInput {
  instances: ModuleInstance[];
  infos: ModuleInfo[];
  exports: RootExport[];
  embedder: EmbedderRules;
  memory: MemoryPlan;
  /** Every resource type of the fusion, by id. */
  resources: { owner?: string }[];
}

/** One cross-component boundary, for `--explain`. */
export interface Boundary {
  caller: string;
  callee: string;
  func: string;
  adapter: "direct" | "adapter";
}

/** The merged module and what the report needs about it. */
export interface MergeOutput {
  module: CoreModule;
  imports: FusedImport[];
  boundaries: Boundary[];
  /** Which memory / realloc each root export uses (export names in the fused module). */
  exportAbi: ExportAbi[];
  /** How each import was lowered: the fused module's exports a wrapping component lowers it with. */
  importAbi: ImportAbi[];
  /** Imports that two components lowered with different options (one lowering cannot serve both). */
  mixedLowerings: Set<number>;
}

const SCALARS = new Set(["s32", "u32", "s64", "u64", "f32", "f64"]);

function isScalarOnly(sig: FuncSig): boolean {
  return sig.params.every((p) => SCALARS.has(p.type.kind)) &&
    (!sig.result || SCALARS.has(sig.result.kind));
}

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
  private readonly input: MergeInput;
  private readonly types = new TypeTable();
  private readonly importTable: ImportTable;
  private readonly boundaries: Boundary[] = [];
  /** Generated functions (adapters, resource runtime, start), after the defined ones. */
  private readonly generated: {
    type: FuncType;
    body?: Uint8Array;
    name: string;
    /** Builds the body once every index is final. */
    make?: () => Generated;
  }[] = [];
  private readonly generatedKeys = new Map<string, number>();
  private readonly loweredTargets = new Map<CoreItem, FuncTarget>();
  /** Task state globals (`owner\0context<N>`, `owner\0backpressure`) → position after the modules' globals. */
  private readonly taskGlobals = new Map<string, number>();
  /** The value type of each task global that is not an i32 (task.return result slots). */
  private readonly taskGlobalTypes = new Map<number, ValType>();
  private taskGlobalBase = 0;
  /** Result types handed over by task.return, by key → the id a running task is tagged with. */
  private readonly resultTypeIds = new Map<string, number>();
  /** Every adapter, for the may_leave analysis. */
  private readonly adapters: PendingAdapter[] = [];
  /** realloc / post-return functions that can leave their instance (`inst:index`) → their flag-setting wrapper. */
  private readonly noLeave = new Map<string, FuncTarget>();
  /** Root exports whose component keeps task context: the wrapper that starts each task at 0. */
  private readonly entryWrappers = new Map<RootExport, FuncTarget>();

  private funcBase: number[] = [];
  private tableMap: number[][] = [];
  private memoryMap: number[][] = [];
  private globalMap: number[][] = [];
  /** Defined globals merged into another (`instance:index`): coalesced stack pointers. */
  private readonly mergedGlobals = new Set<string>();
  private tagMap: number[][] = [];

  private readonly adapterBuilder: AdapterBuilder;
  /** The in-module scheduler's side of the merge (used only when a component is async). */
  private readonly async: AsyncBinder;

  constructor(input: MergeInput) {
    this.input = input;
    this.importTable = new ImportTable(input.embedder);
    this.adapterBuilder = new AdapterBuilder({
      resources: input.resources,
      funcIndex: (t) => this.funcIndex(t),
      generate: (key, name, make, type) => this.generate(key, name, make, type),
      handleSite: (owner) => this.handleSite(owner),
      memoryOf: (item, user) => this.memoryOf(item, user),
      typedOption: (item, want, option, user) => this.typedOption(item, want, option, user),
      resolveFunc: (item, expected, user) => this.resolveFunc(item, expected, user),
      checkLiftedType: (target, sig, f) => this.checkLiftedType(target, sig, f),
      taskGlobalBase: () => this.taskGlobalBase,
      endTransferCheck: (owner, tag, move) => this.async.endTransferCheck(owner, tag, move),
    });
    this.async = new AsyncBinder({
      funcIndexKey: (t) => this.funcKey(t),
      funcIndex: (t) => this.funcIndex(t),
      generate: (key, name, make, type) => this.generate(key, name, make, type),
      handleSite: (owner) => this.handleSite(owner),
      schedulerSite: () => this.input.memory.schedulerSite,
      taskGlobalBase: () => this.taskGlobalBase,
      contextSlots: (owner) => this.contextSlots(owner),
    });
  }

  private info(inst: ModuleInstance): ModuleInfo {
    return this.input.infos[inst.id];
  }

  // ---- resolving items to the fused index spaces --------------------------------------------

  /** Follows a core export through re-exported imports to its defining instance. */
  private exportTarget(
    item: CoreItem & { kind: "export" },
    kind: "func" | "table" | "memory" | "global" | "tag",
  ): { inst: ModuleInstance; index: number } | CoreItem {
    const info = this.info(item.inst);
    const e = info.exports.get(item.name);
    if (!e || e.kind !== kind) {
      throw new FuseError(
        "bad-link",
        item.inst.def.name,
        `export "${item.name}" is not a ${kind}`,
        "the component does not validate",
      );
    }
    const imported = kind === "func"
      ? info.funcImportPos
      : kind === "table"
      ? info.tableImportPos
      : kind === "memory"
      ? info.memoryImportPos
      : kind === "tag"
      ? info.tagImportPos
      : info.globalImportPos;
    if (e.index < imported.length) return item.inst.imports[imported[e.index]];
    return { inst: item.inst, index: e.index - imported.length };
  }

  private resolveFunc(item: CoreItem, expected: FuncType | undefined, user: string): FuncTarget {
    for (let guard = 0; guard < 1000; guard++) {
      if (item.kind === "export") {
        const t = this.exportTarget(item, "func");
        if ("inst" in t && !("kind" in t)) {
          return { kind: "defined", inst: t.inst.id, index: t.index };
        }
        item = t as CoreItem;
        continue;
      }
      if (item.kind === "lowered") return this.resolveLowered(item, expected, user);
      if (item.kind === "task") return this.resolveTask(item);
      return this.resolveResource(item, expected);
    }
    throw new FuseError("cycle", user, "core imports form a cycle", "the component is malformed");
  }

  /** A canonical option's function (realloc, post-return), checked against the type it must have. */
  private typedOption(item: CoreItem, want: FuncType, option: string, user: string): FuncTarget {
    const target = this.resolveFunc(item, want, user);
    const actual = this.targetType(target);
    if (actual && !sameCoreType(actual, want)) {
      throw new FuseError(
        "option-type",
        user,
        `the ${option} option names a function of type ${showCore(actual)}, but ${option} ` +
          `must be ${showCore(want)}`,
        "the component does not validate; rebuild it",
      );
    }
    return this.optionTarget(target);
  }

  /** An option function as callers must call it: through its may_leave wrapper when it has one. */
  private optionTarget(target: FuncTarget): FuncTarget {
    return target.kind === "defined"
      ? this.noLeave.get(`${target.inst}:${target.index}`) ?? target
      : target;
  }

  /** The core type of a resolved function, where it is known before indices are final. */
  private targetType(t: FuncTarget): FuncType | undefined {
    if (t.kind === "defined") {
      const info = this.input.infos[t.inst];
      return info ? funcTypeOf(info, info.importedFuncs + t.index) : undefined;
    }
    if (t.kind === "generated") return this.generated[t.index]?.type;
    return this.importTable.imports[t.index]?.type;
  }

  /**
   * A `canon lift` must point at a core function of the lifted type's flat
   * signature (the spec's validation rule); a component that breaks it would
   * otherwise give an adapter that does not validate.
   */
  private checkLiftedType(
    target: FuncTarget,
    sig: FuncSig,
    f: { owner: string; options?: ResolvedOptions },
  ): void {
    const actual = this.targetType(target);
    const flat = flattenFuncType(sig, f.options?.async ? "async lift" : "lift");
    // A callback lift's core function returns the packed callback code.
    const want: FuncType = {
      params: flat.params,
      results: f.options?.callback ? [0x7f] : flat.results,
    };
    if (actual && !sameCoreType(actual, want)) {
      throw new FuseError(
        "lift-type",
        f.owner,
        `canon lift of ${showFuncSig(sig)} needs a core function ${showCore(want)}, ` +
          `but the lifted core function is ${showCore(actual)}`,
        "the component does not validate; rebuild it (wasm-tools validate names the lift)",
      );
    }
  }

  private resolveLowered(
    item: CoreItem & { kind: "lowered" },
    expected: FuncType | undefined,
    user: string,
  ): FuncTarget {
    const known = this.loweredTargets.get(item);
    if (known) return known;
    const f = item.func;
    let target: FuncTarget;
    const arena = f.kind === "import" && this.importTable.isArena(f)
      ? this.input.memory.arenaSite(item.owner)
      : undefined;
    if (arena) {
      // Domains: the arena in the caller's own memory, served inside the module (one embedder
      // import cannot tell which memory it is asked to allocate in).
      const used = this.taskGlobal(`${arena.domain}\0arena-used`);
      target = this.generate(
        `arena\0${arena.domain}`,
        `arena:${arena.domain}`,
        () => arenaRealloc(arena, this.taskGlobalBase + used),
        REALLOC_TYPE,
      );
    } else if (f.kind === "import") {
      if (!expected) {
        throw new FuseError(
          "untyped-import",
          user,
          `lowered import ${f.module}#${f.field} is never imported by a core module`,
          "",
        );
      }
      target = {
        kind: "import",
        index: this.importTable.add(f, expected, item.owner, item.options),
      };
    } else if (
      f.owner === item.owner || f.owner.startsWith(`${item.owner}/`) ||
      item.owner.startsWith(`${f.owner}/`)
    ) {
      // A component instance calling its own lifted export re-enters itself: the canonical ABI
      // traps there (it may not be entered while it is on the stack). A call between a
      // component and one nested in it traps too (the spec's rule, "for now").
      const type = expected ?? { params: [], results: [] };
      target = this.generate(
        `reenter\0${this.generated.length}`,
        `reentry-trap:${item.owner}`,
        () => trap(type),
        type,
      );
    } else {
      const sig = resolveFuncSig(f.type);
      const direct = isScalarOnly(sig) && !f.options.postReturn && !f.options.async &&
        !item.options.async;
      this.boundaries.push({
        caller: item.owner,
        callee: f.owner,
        func: showFuncSig(sig),
        adapter: direct ? "direct" : "adapter",
      });
      if (direct) {
        target = this.resolveFunc(f.core, expected, user);
        this.checkLiftedType(target, sig, f);
      } else {
        const callerType = expected ?? { params: [], results: [] };
        const adapter: PendingAdapter = {
          sig,
          callerType,
          lowered: item,
          lifted: f,
          ...(f.options.async ? { task: this.taskState(f.owner, sig.result) } : {}),
        };
        if (f.options.callback) adapter.callback = this.callbackCall(adapter);
        this.adapters.push(adapter);
        target = this.generate(
          `adapter\0${this.generated.length}`,
          `adapter:${item.owner}->${f.owner}`,
          () => this.adapterBuilder.build(adapter),
          callerType,
        );
      }
    }
    this.loweredTargets.set(item, target);
    return target;
  }

  private resolveResource(
    item: CoreItem & { kind: "resource" },
    expected: FuncType | undefined,
  ): FuncTarget {
    const r = item.resource;
    if (r.kind === "resource" && r.owner === "host" && item.op === "drop") {
      // A resource the host defines: dropping a handle is the host's `[resource-drop]` import,
      // named as wit-component names it (module = interface, field = [resource-drop]<name>).
      const hash = r.name.lastIndexOf("#");
      const module = hash < 0 ? "$root" : r.name.slice(0, hash);
      const name = hash < 0 ? r.name : r.name.slice(hash + 1);
      const type = expected ?? { params: [0x7f], results: [] };
      return {
        kind: "import",
        index: this.addImport(
          { kind: "import", module, field: `[resource-drop]${name}`, type: undefined as never },
          type,
          item.owner,
        ),
      };
    }
    if (r.kind !== "resource" || r.owner === "host") {
      throw new FuseError(
        "unsupported-resource",
        item.owner,
        `canon resource.${item.op} of a host resource cannot be fused`,
        "only the component that defines a resource may create it or read its representation",
      );
    }
    const site = this.handleSite(item.owner);
    const type = r.id + 1;
    return this.generate(
      `${item.owner}\0${item.op}\0${type}`,
      `${item.owner}::resource.${item.op}`,
      () => {
        if (item.op === "new") return resourceNew(site, type);
        if (item.op === "rep") return resourceRep(site, type);
        const dtor = r.dtor
          ? this.funcIndex(this.resolveFunc(r.dtor, undefined, r.owner ?? item.owner))
          : undefined;
        return resourceDrop(site, type, dtor);
      },
      item.op === "new" || item.op === "rep"
        ? { params: [0x7f], results: [0x7f] }
        : { params: [0x7f], results: [] },
    );
  }

  /**
   * The scheduler functions an adapter into a callback-lifted callee calls:
   * registered now (the scheduler's dispatchers are built from the list),
   * their indices read once final.
   */
  private callbackCall(a: PendingAdapter): PendingAdapter["callback"] {
    const f = a.lifted;
    const sig = a.sig;
    const { start, thunk } = this.callbackTask(f, sig, `start\0${this.adapters.length}`, f.owner);
    const callerAsync = !!a.lowered.options.async;
    const complete = callerAsync && sig.result
      ? this.async.completeId(
        this.generate(
          `complete\0${this.adapters.length}`,
          `async:complete:${a.lowered.owner}->${f.owner}`,
          () => this.adapterBuilder.buildCompletion(a),
          { params: [0x7f], results: [] },
        ),
      )
      : 0;
    const funcs = this.async.adapterFuncs(a.lowered.owner, callerAsync);
    return () => ({ ...funcs(), start: this.funcIndex(start), thunk, complete });
  }

  /**
   * A callback-lifted function as a scheduler task: the task call that
   * starts its core function (`key` names the call site) and the thunk id
   * the scheduler resumes its callback with.
   */
  private callbackTask(
    f: ComponentFunc & { kind: "lifted" },
    sig: FuncSig,
    key: string,
    user: string,
  ) {
    const task = this.taskState(f.owner, sig.result);
    const params = flattenFuncType(sig, "async lift").params;
    const core = this.resolveFunc(f.core, { params, results: [0x7f] }, user);
    this.checkLiftedType(core, sig, f);
    const start = this.async.taskCall(f.owner, key, params, core, task);
    const callback = this.typedOption(f.options.callback!, CALLBACK_TYPE, "callback", f.owner);
    const thunk = this.async.thunkId(f.owner, this.funcKey(callback), callback, task);
    return { task, params, start, thunk };
  }

  /** A stable key for a function target (deduplicates thunks of one callback). */
  private funcKey(t: FuncTarget): string {
    return t.kind === "defined" ? `d${t.inst}:${t.index}` : `${t.kind[0]}${t.index}`;
  }

  /**
   * A task built-in: each component instance's context slots and backpressure
   * counter are globals of the fused module (one task runs per instance at a
   * time: calls are synchronous and an instance is never re-entered).
   */
  private resolveTask(item: CoreItem & { kind: "task" }): FuncTarget {
    if (item.op === "task.return") return this.resolveTaskReturn(item);
    if ((SCHEDULER_BUILTINS as readonly string[]).includes(item.op)) {
      const memory = item.memory;
      if (item.op.startsWith("stream.") || item.op.startsWith("future.")) {
        return this.async.endBuiltin(item.op as EndBuiltin, item.owner, {
          elem: item.endElem ?? null,
          sync: !item.options?.async,
          memory: memory && (() => this.memoryOf(memory, item.owner)),
          memories: () => Math.max(1, this.input.memory.memories.length),
        });
      }
      return this.async.builtin(
        item.op as SchedulerBuiltin,
        item.owner,
        memory && (() => this.memoryOf(memory, item.owner)),
        !!item.options?.async,
      );
    }
    const slot = item.op.startsWith("context.") ? `context${item.slot}` : "backpressure";
    const key = `${item.owner}\0${slot}`;
    const local = this.taskGlobal(key);
    return this.generate(
      `task\0${key}\0${item.op}`,
      `${item.owner}::${item.op}`,
      () => taskBuiltin(item.op, this.taskGlobalBase + local),
      taskBuiltinType(item.op),
    );
  }

  /** The task global named `key` (position after the modules' globals), added on first use. */
  private taskGlobal(key: string, type: ValType = 0x7f): number {
    let g = this.taskGlobals.get(key);
    if (g === undefined) {
      g = this.taskGlobals.size;
      this.taskGlobals.set(key, g);
      if (type !== 0x7f) this.taskGlobalTypes.set(g, type);
    }
    return g;
  }

  /**
   * The state of `owner`'s stackful async task: `state` (0 idle, 1 running,
   * 2 returned), `type` (the id of the result type it must return) and the
   * result slots, one global per flat value (or a pointer), as task.return
   * fills them and the adapter reads them.
   */
  private taskState(owner: string, result: CType | undefined) {
    const { params, indirect } = taskReturnParams(result);
    const key = result ? JSON.stringify(result) : "";
    let typeId = this.resultTypeIds.get(key);
    if (typeId === undefined) this.resultTypeIds.set(key, typeId = this.resultTypeIds.size + 1);
    return {
      state: this.taskGlobal(`${owner}\0task-state`),
      type: this.taskGlobal(`${owner}\0task-type`),
      typeId,
      slots: params.map((t, i) => this.taskGlobal(`${owner}\0task-result${i}\0${String(t)}`, t)),
      params,
      indirect,
    };
  }

  /**
   * `task.return`: hands the running stackful task's results to its caller's
   * adapter. Traps outside an async task, after the task returned, or with
   * another result type than the task's.
   */
  private resolveTaskReturn(item: CoreItem & { kind: "task" }): FuncTarget {
    const t = this.taskState(item.owner, item.result);
    const type: FuncType = { params: t.params, results: [] };
    return this.generate(
      `task.return\0${item.owner}\0${t.typeId}`,
      `${item.owner}::task.return`,
      () => taskReturn(type, this.taskGlobalBase, t),
      type,
    );
  }

  /**
   * For a root export returning `own<R>` of a resource its component defines:
   * the function that traps unless the returned handle is an `R` (the
   * canonical ABI checks the type when it lifts a handle to the host).
   */
  private ownResultCheck(
    sig: FuncSig,
    indirect: boolean,
    owner: string,
  ): FuncTarget | undefined {
    const res = sig.result;
    if (res?.kind !== "own" || indirect) return undefined;
    // A stream or future end returned to the host is lifted: idle and outside any set.
    const end = this.async.endTransferCheck(owner, res.resource + 1);
    if (end) return end;
    const r = this.input.resources[res.resource];
    const site = this.input.memory.handleSites.get(owner);
    if (!r || r.owner === "host" || !site) return undefined;
    const type = res.resource + 1;
    return this.generate(
      `own-check\0${owner}\0${type}`,
      `${owner}::own-check#${type}`,
      () => resourceRep(site, type),
      { params: [0x7f], results: [0x7f] },
    );
  }

  /**
   * `may_leave`: a realloc or post-return that can reach a leaving import runs
   * with a flag set (through a wrapper every caller uses), and each leaving
   * import it can reach traps while the flag is set. Must run before layout.
   */
  private enforceMayLeave(
    funcTargets: FuncTarget[][],
    importReallocs: (FuncTarget | undefined)[],
  ): void {
    const instances = this.input.instances;
    const analysis = new LeaveAnalysis(
      (inst) => this.input.infos[inst],
      (inst, func) => {
        const info = this.input.infos[inst];
        let item: CoreItem | { inst: ModuleInstance; index: number } =
          instances[inst].imports[info.funcImportPos[func]];
        for (let guard = 0; guard < 1000 && "kind" in item && item.kind === "export"; guard++) {
          item = this.exportTarget(item, "func");
        }
        if (!("kind" in item)) {
          const to = item.inst.id;
          return {
            kind: "module",
            inst: to,
            func: this.input.infos[to].importedFuncs + item.index,
          };
        }
        // The embedder's functions (the arena) are the platform's, meant to be called from a
        // realloc: calling them does not leave the component instance.
        const embedder = item.kind === "lowered" && item.func.kind === "import" &&
          this.importTable.isEmbedder(item.func);
        const leaves = (item.kind === "lowered" && !embedder) ||
          (item.kind === "resource" && item.op !== "rep") ||
          (item.kind === "task" && !item.op.startsWith("context.") &&
            !item.op.startsWith("backpressure."));
        return { kind: leaves ? "leaves" : "stays" };
      },
    );
    const roots: FuncTarget[] = importReallocs.filter((t) => t !== undefined);
    const add = (item: CoreItem | undefined, user: string) => {
      if (item) roots.push(this.resolveFunc(item, undefined, user));
    };
    for (const a of this.adapters) {
      add(a.lowered.options.realloc, a.lowered.owner);
      add(a.lifted.options.realloc, a.lifted.owner);
      add(a.lifted.options.postReturn, a.lifted.owner);
    }
    for (const e of this.input.exports) {
      if (e.func.kind !== "lifted") continue;
      add(e.func.options.realloc, e.component);
      add(e.func.options.postReturn, e.component);
    }
    let flag: number | undefined;
    const flagGlobal = () => {
      if (flag === undefined) {
        flag = this.taskGlobals.size;
        this.taskGlobals.set("\0no-leave", flag);
      }
      return flag;
    };
    for (const t of roots) {
      const key = t.kind === "defined" ? `${t.inst}:${t.index}` : "";
      if (t.kind !== "defined" || this.noLeave.has(key)) continue;
      if (!analysis.leaves(t.inst, this.input.infos[t.inst].importedFuncs + t.index)) continue;
      const component = instances[t.inst].component;
      analysis.guardAll(instances.filter((i) => i.component === component).map((i) => i.id));
      const local = flagGlobal();
      const type = this.targetType(t)!;
      this.noLeave.set(
        key,
        this.generate(
          `no-leave\0${key}`,
          `no-leave:${this.input.instances[t.inst].def.name}`,
          () => withNoLeaveFlag(type, this.taskGlobalBase + local, this.funcIndex(t)),
          type,
        ),
      );
    }
    for (const [inst, funcs] of analysis.guarded) {
      const local = flagGlobal();
      for (const func of funcs) {
        const target = funcTargets[inst][func];
        const type = this.targetType(target)!;
        funcTargets[inst][func] = this.generate(
          `leave-check\0${inst}:${func}`,
          `leave-check:${this.input.instances[inst].def.name}`,
          // Leaving while the flag is set traps: "cannot leave component instance".
          () => leaveCheck(type, this.taskGlobalBase + local, this.funcIndex(target)),
          type,
        );
      }
    }
  }

  /** The context slots of `owner`'s tasks (global indices, after layout). */
  private contextGlobalsOf(owner: string): number[] {
    return this.contextSlots(owner).map(([, g]) => this.taskGlobalBase + g);
  }

  /** `owner`'s context slots and their task globals (positions before the base). */
  private contextSlots(owner: string): [slot: number, global: number][] {
    const prefix = `${owner}\0context`;
    return [...this.taskGlobals].flatMap(([k, g]): [number, number][] =>
      k.startsWith(prefix) ? [[Number(k.slice(prefix.length)), g]] : []
    );
  }

  private handleSite(owner: string): TableSite {
    const site = this.input.memory.handleSites.get(owner);
    if (!site) {
      throw new FuseError(
        "internal",
        owner,
        "no handle table was reserved for this component",
        "report a bug",
      );
    }
    return site;
  }

  /** A generated function, deduplicated by `key`, whose body is built once indices are final. */
  private generate(key: string, name: string, make: () => Generated, type: FuncType): FuncTarget {
    let slot = this.generatedKeys.get(key);
    if (slot === undefined) {
      slot = this.generated.length;
      this.generated.push({ type, name, make });
      this.generatedKeys.set(key, slot);
    }
    return { kind: "generated", index: slot };
  }

  private addImport(
    f: ComponentFunc & { kind: "import" },
    type: FuncType,
    component: string,
  ): number {
    return this.importTable.add(f, type, component);
  }

  private resolveDefined(
    item: CoreItem,
    kind: "table" | "memory" | "global" | "tag",
    user: string,
  ): { inst: number; index: number } {
    for (let guard = 0; guard < 1000; guard++) {
      if (item.kind !== "export") {
        throw new FuseError("bad-link", user, `a ${kind} is bound to a function`, "");
      }
      const t = this.exportTarget(item, kind);
      if ("inst" in t && !("kind" in t)) return { inst: t.inst.id, index: t.index };
      item = t as CoreItem;
    }
    throw new FuseError("cycle", user, `${kind} imports form a cycle`, "");
  }

  // ---- final index computation ---------------------------------------------------------------

  private funcIndex(t: FuncTarget): number {
    switch (t.kind) {
      case "import":
        return t.index;
      case "defined":
        return this.funcBase[t.inst] + t.index;
      case "generated":
        return this.generatedBase + t.index;
    }
  }

  private generatedBase = 0;

  /** Runs the merge. */
  run(): MergeOutput {
    const { instances } = this.input;
    // 1. Bind every import of every instance (functions first: this discovers fused imports).
    const funcTargets: FuncTarget[][] = [];
    for (const inst of instances) {
      const info = this.info(inst);
      const targets: FuncTarget[] = [];
      for (let i = 0; i < info.importedFuncs; i++) {
        const pos = info.funcImportPos[i];
        const imp = info.imports[pos];
        const expected = info.types[(imp.desc as { type: number }).type];
        if (!expected) {
          throw new FuseError(
            "bad-type-index",
            inst.def.name,
            `import ${imp.module}::${imp.field} names type ${
              (imp.desc as { type: number }).type
            }, which the module does not define`,
            "the core module does not validate: rebuild it",
          );
        }
        const target = this.resolveFunc(inst.imports[pos], expected, inst.def.name);
        const actual = this.targetType(target);
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
      funcTargets.push(targets);
    }
    // ... and every function a root export names (its core function, realloc, post-return):
    // resolving one can add a fused import or a generated function, which must happen before
    // the index space is laid out.
    for (const e of this.input.exports) {
      if (e.func.kind !== "lifted") continue;
      const f = e.func;
      const sig = resolveFuncSig(f.type);
      if (f.options.callback) {
        this.entryWrappers.set(e, this.asyncEntry(e, f, sig));
        continue;
      }
      if (f.options.async) {
        throw new FuseError(
          "unsupported-builtin",
          e.component,
          `export "${e.name}" is lifted async: a host calling it into the fused module needs ` +
            "the in-module scheduler, which fuse does not generate yet",
          "call it from another component in the composition (an async or sync lower), " +
            "or lift it synchronously",
        );
      }
      const flat = flattenFuncType(sig, "lift");
      // The type the lift expects is what a lowered function behind it must have.
      const expected: FuncType = { params: flat.params, results: flat.results };
      const target = this.resolveFunc(f.core, expected, e.component);
      this.checkLiftedType(target, sig, { owner: e.component });
      const resetsContext = [...this.taskGlobals.keys()].some((k) =>
        k.startsWith(`${f.owner}\0context`)
      );
      const ownCheck = this.ownResultCheck(sig, flat.resultsIndirect, f.owner);
      if (resetsContext || ownCheck) {
        // An entry from the host: each call starts a task whose context slots start at 0, and
        // an own handle it returns must be of the declared resource type.
        this.entryWrappers.set(
          e,
          this.generate(
            `entry\0${e.name}`,
            `task-entry:${e.name}`,
            () =>
              taskEntry(
                expected,
                this.funcIndex(target),
                resetsContext ? this.contextGlobalsOf(f.owner) : [],
                ownCheck && this.funcIndex(ownCheck),
              ),
            expected,
          ),
        );
      }
      if (f.options.realloc) this.resolveFunc(f.options.realloc, undefined, e.component);
      if (f.options.postReturn) this.resolveFunc(f.options.postReturn, undefined, e.component);
    }
    // ... and the reallocs host imports were lowered with (a wrapping component lowers them again).
    const importReallocs = this.importTable.lowerings.map((o, i) =>
      o?.realloc
        ? this.typedOption(
          o.realloc,
          REALLOC_TYPE,
          "realloc",
          this.importTable.imports[i].components[0],
        )
        : undefined
    );
    this.enforceMayLeave(funcTargets, importReallocs);
    // 2. Lay out the function index space: imports, defined functions, generated ones.
    let next = this.importTable.imports.length;
    for (const inst of instances) {
      this.funcBase[inst.id] = next;
      next += this.info(inst).funcTypes.length;
    }
    this.generatedBase = next;
    // 3. Tables, memories, globals: defined ones get new indices; imported ones follow their source.
    let tables = 0, globals = 0, tags = 0;
    // Shared stack: every module's __stack_pointer becomes the first one's of its memory.
    const sharedStackPointers = new Map<number, number>();
    const memoryIndexOf = this.input.memory.memoryIndex;
    for (const inst of instances) {
      const info = this.info(inst);
      const stackPointer = this.input.memory.stackPointers.get(inst.id);
      this.tableMap[inst.id] = info.tables.map(() => tables++);
      this.globalMap[inst.id] = info.globals.map((_, i) => {
        if (stackPointer !== info.importedGlobals + i) return globals++;
        const memory = memoryIndexOf(inst.id, 0);
        const shared = sharedStackPointers.get(memory);
        if (shared === undefined) {
          sharedStackPointers.set(memory, globals);
          return globals++;
        }
        this.mergedGlobals.add(`${inst.id}:${i}`);
        return shared;
      });
      this.tagMap[inst.id] = info.tags.map(() => tags++);
      this.memoryMap[inst.id] = info.memories.map((_, i) => memoryIndexOf(inst.id, i));
    }
    // Task state (context slots, backpressure) follows the modules' own globals.
    this.taskGlobalBase = globals;
    const fullMaps = instances.map((inst) => this.indexMaps(inst, funcTargets[inst.id]));
    // 4. Emit.
    return this.emit(fullMaps, importReallocs);
  }

  /**
   * The host's entry into a callback-lifted root export: it starts the task
   * and runs the in-module scheduler until the task returned, so the host
   * calls it as it would a sync lift of the same type.
   */
  private asyncEntry(
    e: RootExport,
    f: ComponentFunc & { kind: "lifted" },
    sig: FuncSig,
  ): FuncTarget {
    const { task, params, start, thunk } = this.callbackTask(
      f,
      sig,
      `entry\0${e.name}`,
      e.component,
    );
    if (f.options.realloc) this.resolveFunc(f.options.realloc, undefined, e.component);
    const area = this.input.memory.hostReturnArea(e.component);
    return this.async.hostEntry(e.name, params, start, thunk, task, task.params, area);
  }

  /**
   * A table import must be bound to a table of the same element type: each module validates
   * alone, so a mismatch shows only here (a core instantiation would refuse it at link time).
   */
  private checkTableLink(inst: ModuleInstance, pos: number, d: { inst: number; index: number }) {
    const imp = this.info(inst).imports[pos];
    const want = imp.desc.kind === "table" ? imp.desc.table.element : undefined;
    const have = this.input.infos[d.inst].tables[d.index]?.type.element;
    // Abstract reference types compare by their code; typed references are left to validation.
    if (typeof want === "number" && typeof have === "number" && want !== have) {
      throw new FuseError(
        "link-type",
        inst.def.name,
        `import ${imp.module}::${imp.field} is a table of element type 0x${want.toString(16)}, ` +
          `but the table it is bound to holds 0x${have.toString(16)}`,
        "the component does not validate (a core instantiation passes a table of the wrong " +
          "type); rebuild it",
      );
    }
  }

  private indexMaps(inst: ModuleInstance, funcTargets: FuncTarget[]) {
    const info = this.info(inst);
    const func = (i: number) =>
      i < info.importedFuncs
        ? this.funcIndex(funcTargets[i])
        : this.funcBase[inst.id] + i - info.importedFuncs;
    const viaImport = (
      kind: "table" | "memory" | "global" | "tag",
      pos: number[],
      maps: number[][],
    ) => {
      const out: number[] = [];
      for (const p of pos) {
        const d = this.resolveDefined(inst.imports[p], kind, inst.def.name);
        if (kind === "table") this.checkTableLink(inst, p, d);
        out.push(maps[d.inst][d.index]);
      }
      return out;
    };
    const tables = [
      ...viaImport("table", info.tableImportPos, this.tableMap),
      ...this.tableMap[inst.id],
    ];
    const memories = [
      ...viaImport("memory", info.memoryImportPos, this.memoryMap),
      ...this.memoryMap[inst.id],
    ];
    const globals = [
      ...viaImport("global", info.globalImportPos, this.globalMap),
      ...this.globalMap[inst.id],
    ];
    const tags = [...viaImport("tag", info.tagImportPos, this.tagMap), ...this.tagMap[inst.id]];
    const typeMap = this.types.internModule(info.typeDefs, inst.def.name);
    return { func, tables, memories, globals, tags, typeMap };
  }

  private emit(
    maps: ReturnType<Merger["indexMaps"]>[],
    importReallocs: (FuncTarget | undefined)[],
  ): MergeOutput {
    const { instances } = this.input;
    const plan = this.input.memory;
    const funcSection: number[] = [];
    const bodies: FunctionBody[] = [];
    const tables: Table[] = [];
    const globals: Global[] = [];
    const tags: number[] = [];
    const elements: ElementSegment[] = [];
    const data: DataSegment[] = [];
    // About 40 bytes a name: sized so that a large module's names are not regrown.
    let functions = 0;
    for (const inst of instances) functions += this.info(inst).funcTypes.length;
    const names = new FunctionNameWriter(64 + 40 * (functions + this.generated.length));
    const starts: number[] = [];
    let dataBase = 0, elemBase = 0;
    const dataBases: number[] = [], elemBases: number[] = [];
    for (const inst of instances) {
      dataBases.push(dataBase);
      elemBases.push(elemBase);
      dataBase += this.info(inst).data.length;
      elemBase += this.info(inst).elements.length;
    }
    // The modules' bodies, renumbered, are written straight into the output by the encoder.
    const renumbered = new RenumberedBodies();
    for (const inst of instances) {
      const info = this.info(inst);
      const m = maps[inst.id];
      const hooks: IndexHooks = {
        func: m.func,
        table: (i) => m.tables[i],
        memory: (i) => m.memories[i],
        global: (i) => m.globals[i],
        type: (i) => m.typeMap[i],
        data: (i) => dataBases[inst.id] + i,
        tag: (i) => m.tags[i],
        elem: (i) => elemBases[inst.id] + i,
      };
      const rebased = plan.rebasedModule(inst.id);
      const src = rebased ?? info;
      for (const t of info.funcTypes) funcSection.push(m.typeMap[t]);
      // The walk that found the bodies' calls found their indices too: only they are rewritten.
      renumbered.add(info.sites, hooks, rebased?.bodies);
      nameModuleFunctions(names, info, inst.def.name, this.funcBase[inst.id]);
      // Reference types that name a type index follow the type section's renumbering.
      const valType = (v: ValType) => renumberValType(v, (t) => m.typeMap[t]);
      for (const t of info.tables) {
        const type = { ...t.type, element: valType(t.type.element) };
        tables.push(t.init ? { type, init: expr(t.init, hooks) } : { type });
      }
      src.globals.forEach((g, i) => {
        if (!this.mergedGlobals.has(`${inst.id}:${i}`)) {
          globals.push({
            type: { ...g.type, valType: valType(g.type.valType) },
            init: expr(g.init, hooks),
          });
        }
      });
      for (const t of info.tags) tags.push(m.typeMap[t]);
      for (const e of info.elements) {
        const out = remapElement(e, hooks);
        elements.push({ ...out, type: valType(out.type) });
      }
      for (const d of src.data) {
        const memory = hooks.memory!(d.memory);
        const offset = d.offset && expr(d.offset, hooks);
        // A large module has thousands of segments, most of which stay as they are.
        if (memory === d.memory && offset === d.offset) data.push(d);
        else data.push({ mode: d.mode, memory, data: d.data, ...(offset ? { offset } : {}) });
      }
      if (info.start !== undefined) starts.push(m.func(info.start));
    }
    // Bodies of generated functions, now that every index is final (adapters, resource
    // built-ins, handle moves; building one may add more, which this loop then reaches).
    for (let i = 0; i < this.generated.length; i++) {
      const g = this.generated[i];
      if (g.make && !g.body) {
        const made = g.make();
        this.generated[i] = { type: made.type, body: made.body, name: g.name };
      }
    }
    if (starts.length > 0) this.generated.push(startFunction(starts));
    this.generated.forEach((g, i) => {
      funcSection.push(this.types.intern(g.type));
      bodies.push({ bytes: g.body!, offset: 0 });
      names.add(this.generatedBase + i, g.name);
    });
    // Exports.
    let fallbackRealloc: number | undefined;
    for (const inst of instances) {
      // No root lift may name a realloc: then the first module's own `cabi_realloc` is
      // exported, so a host can still allocate in the component's memory.
      const e = this.info(inst).exports.get("cabi_realloc");
      if (e?.kind === "func") {
        fallbackRealloc = maps[inst.id].func(e.index);
        break;
      }
    }
    // The task state globals, all starting at 0.
    for (let i = 0; i < this.taskGlobals.size; i++) {
      const valType = this.taskGlobalTypes.get(i) ?? 0x7f;
      globals.push({ type: { valType, mutable: true }, init: zeroConstExpr(valType as number) });
    }
    const lowerings = this.importTable.lowerings.map((o, i) => ({
      encoding: o?.encoding ?? "utf8",
      memory: o?.memory
        ? this.memoryOf(o.memory, this.importTable.imports[i].components[0])
        : undefined,
      realloc: importReallocs[i] && this.funcIndex(this.optionTarget(importReallocs[i])),
    }));
    const { exports, exportAbi, importAbi } = rootExports(
      this.input.exports,
      lowerings,
      {
        entry: (e) => {
          const w = this.entryWrappers.get(e as RootExport);
          return w === undefined ? undefined : this.funcIndex(w);
        },
        func: (item, user) => this.funcIndex(this.resolveFunc(item, undefined, user)),
        option: (item, user) =>
          this.funcIndex(this.optionTarget(this.resolveFunc(item, undefined, user))),
        memory: (item, user) => this.memoryOf(item, user),
      },
      plan.memories.length > 0,
      fallbackRealloc,
    );
    // Interning import types may grow the type table: the sections share its array.
    const imports: Import[] = this.importTable.imports.map((i) => ({
      module: i.module,
      field: i.field,
      desc: { kind: "func", type: this.types.intern(i.type) },
    }));
    plan.extraExports(globals.length).forEach((e) => exports.push(e));
    const sections = assembleSections({
      types: this.types.types,
      imports,
      funcSection,
      tables,
      memories: plan.memories as MemoryType[],
      tags,
      globals: [...globals, ...plan.extraGlobals],
      exports,
      start: starts.length ? this.generatedBase + this.generated.length - 1 : undefined,
      elements,
      renumbered,
      bodies,
      data,
      names: names.finish(),
    });
    return {
      module: { kind: "module", sections },
      imports: this.importTable.imports,
      boundaries: this.boundaries,
      exportAbi,
      importAbi,
      mixedLowerings: this.importTable.mixedLowerings,
    };
  }

  private memoryOf(item: CoreItem, user: string): number {
    const d = this.resolveDefined(item, "memory", user);
    return this.memoryMap[d.inst][d.index];
  }
}

export { funcTypeOf };
export type { FusedImport };
