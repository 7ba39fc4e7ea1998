/**
 * Binding: what each core import of each module instance becomes in the
 * fused module. A lowered import of another instance's lifted export
 * becomes a direct call or an adapter, a host import becomes a fused
 * import, the arena becomes the domain's in-module allocator, resource and
 * task built-ins become generated functions.
 *
 * @module
 */
import type { FuncType } from "../../wasm/module/mod.ts";
import type { ComponentFunc, CoreItem, ResolvedOptions } from "./graph.ts";
import { funcTypeOf, type ModuleInfo } from "./module_info.ts";
import { ImportTable } from "./imports.ts";
import { sameCoreType, showCore } from "./core_type_text.ts";
import { FuseError } from "./errors.ts";
import { resolveFuncSig, showFuncSig } from "./ctypes.ts";
import { resourcesOf } from "./component_types.ts";
import type { FuncSig } from "../../wasm/abi/mod.ts";
import { flattenFuncType, MAX_FLAT_PARAMS } from "../../wasm/abi/mod.ts";
import {
  type Generated,
  resourceDrop,
  resourceNew,
  resourceRep,
  type TableSite,
} from "./abi/handles.ts";
import { arenaRealloc, trap } from "./generated.ts";
import { AdapterBuilder, type FuncTarget, type PendingAdapter, REALLOC_TYPE } from "./binding.ts";
import { AsyncBinder } from "./async/binder.ts";
import { exportTarget, resolveDefined } from "./core_links.ts";
import type { IndexSpace } from "./index_space.ts";
import type { TypeTable } from "./types_table.ts";
import { GeneratedFunctions } from "./generated_funcs.ts";
import { TaskGlobalTable } from "./task_globals.ts";
import { TaskResolver } from "./resolve_task.ts";
import type { Boundary, MergeInput } from "./merge_types.ts";

const SCALARS = new Set(["s32", "u32", "s64", "u64", "f32", "f64"]);

function isScalarOnly(sig: FuncSig): boolean {
  // Each scalar is one flat value; past MAX_FLAT_PARAMS they travel by pointer, which the
  // callee's realloc must receive in its own memory.
  return sig.params.length <= MAX_FLAT_PARAMS &&
    sig.params.every((p) => SCALARS.has(p.type.kind)) &&
    (!sig.result || SCALARS.has(sig.result.kind));
}

/**
 * Resolves core items to functions of the fused module, registering the
 * fused imports and generated functions they need on the way.
 *
 * @example
 * ```ts
 * import { Resolver } from "./resolve.ts";
 * // const r = new Resolver(input, space, new TypeTable());
 * // const target = r.resolveFunc(inst.imports[pos], expectedType, "app");
 * ```
 */
export class Resolver {
  readonly imports: ImportTable;
  readonly generated = new GeneratedFunctions();
  readonly taskGlobals = new TaskGlobalTable();
  readonly boundaries: Boundary[] = [];
  /** Every adapter, for the may_leave analysis. */
  readonly adapters: PendingAdapter[] = [];
  /** realloc / post-return functions that can leave their instance (`inst:index`) → their flag-setting wrapper. */
  readonly noLeave = new Map<string, FuncTarget>();
  readonly tasks: TaskResolver;
  readonly #input: MergeInput;
  readonly #space: IndexSpace;
  readonly #lowered = new Map<CoreItem, FuncTarget>();
  readonly #adapterBuilder: AdapterBuilder;
  /** The in-module scheduler's side of the merge (used only when a component is async). */
  readonly #async: AsyncBinder;

  constructor(input: MergeInput, space: IndexSpace, types: TypeTable) {
    this.#input = input;
    this.#space = space;
    this.imports = new ImportTable(input.embedder);
    const common = {
      funcIndex: (t: FuncTarget) => space.funcIndex(t),
      generate: (key: string, name: string, make: () => Generated, type: FuncType) =>
        this.generate(key, name, make, type),
      handleSite: (owner: string) => this.handleSite(owner),
      taskGlobalBase: () => this.taskGlobals.base,
    };
    this.#adapterBuilder = new AdapterBuilder({
      ...common,
      resources: input.resources,
      memoryOf: (item, user) => this.memoryOf(item, user),
      typedOption: (item, want, option, user) => this.typedOption(item, want, option, user),
      resolveFunc: (item, expected, user) => this.resolveFunc(item, expected, user),
      checkLiftedType: (target, sig, f) => this.checkLiftedType(target, sig, f),
      endTransferCheck: (owner, tag, move) => this.#async.endTransferCheck(owner, tag, move),
    });
    this.#async = new AsyncBinder({
      ...common,
      funcIndexKey: (t) => this.funcKey(t),
      schedulerSite: () => input.memory.schedulerSite,
      contextSlots: (owner) => this.taskGlobals.contextSlots(owner),
      typeIndex: (t) => types.intern(t),
    });
    this.tasks = new TaskResolver({
      resources: input.resources,
      memory: input.memory,
      taskGlobals: this.taskGlobals,
      async: this.#async,
      adapters: this.#adapterBuilder,
      resolveFunc: (item, expected, user) => this.resolveFunc(item, expected, user),
      typedOption: (item, want, option, user) => this.typedOption(item, want, option, user),
      checkLiftedType: (target, sig, f) => this.checkLiftedType(target, sig, f),
      generate: common.generate,
      funcIndex: common.funcIndex,
      funcKey: (t) => this.funcKey(t),
      memoryOf: (item, user) => this.memoryOf(item, user),
      tableRef: (item, user) => this.tableRef(item, user),
    });
  }

  #info(inst: number): ModuleInfo {
    return this.#input.infos[inst];
  }

  /** The function `item` names, following re-exports; `expected` types a lowered host import. */
  resolveFunc(item: CoreItem, expected: FuncType | undefined, user: string): FuncTarget {
    for (let guard = 0; guard < 1000; guard++) {
      if (item.kind === "export") {
        const t = exportTarget(this.#info(item.inst.id), item, "func");
        if ("inst" in t && !("kind" in t)) {
          return { kind: "defined", inst: t.inst.id, index: t.index };
        }
        item = t as CoreItem;
        continue;
      }
      if (item.kind === "lowered") return this.#resolveLowered(item, expected, user);
      if (item.kind === "task") return this.tasks.resolveTask(item);
      return this.#resolveResource(item, expected);
    }
    throw new FuseError("cycle", user, "core imports form a cycle", "the component is malformed");
  }

  /** A canonical option's function (realloc, post-return), checked against the type it must have. */
  typedOption(item: CoreItem, want: FuncType, option: string, user: string): FuncTarget {
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
  optionTarget(target: FuncTarget): FuncTarget {
    return target.kind === "defined"
      ? this.noLeave.get(`${target.inst}:${target.index}`) ?? target
      : target;
  }

  /** The core type of a resolved function, where it is known before indices are final. */
  targetType(t: FuncTarget): FuncType | undefined {
    if (t.kind === "defined") {
      const info = this.#info(t.inst);
      return info ? funcTypeOf(info, info.importedFuncs + t.index) : undefined;
    }
    if (t.kind === "generated") return this.generated.typeOf(t.index);
    return this.imports.imports[t.index]?.type;
  }

  /**
   * A `canon lift` must point at a core function of the lifted type's flat
   * signature (the spec's validation rule); a component that breaks it would
   * otherwise give an adapter that does not validate.
   */
  checkLiftedType(
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

  #resolveLowered(
    item: CoreItem & { kind: "lowered" },
    expected: FuncType | undefined,
    user: string,
  ): FuncTarget {
    const known = this.#lowered.get(item);
    if (known) return known;
    const f = item.func;
    let target: FuncTarget;
    if (f.kind === "import") {
      target = this.#lowerHostImport(item, f, expected, user);
    } else if (
      f.owner === item.owner || f.owner.startsWith(`${item.owner}/`) ||
      item.owner.startsWith(`${f.owner}/`)
    ) {
      // A component instance calling its own lifted export re-enters itself: the canonical ABI
      // traps there (it may not be entered while it is on the stack). A call between a
      // component and one nested in it traps too (the spec's rule, "for now").
      const type = expected ?? { params: [], results: [] };
      target = this.generate(
        `reenter\0${this.generated.list.length}`,
        `reentry-trap:${item.owner}`,
        () => trap(type),
        type,
      );
    } else {
      target = this.#lowerLifted(item, f, expected, user);
    }
    this.#lowered.set(item, target);
    return target;
  }

  /** A lowered host import: the domain's in-module arena, or a fused import. */
  #lowerHostImport(
    item: CoreItem & { kind: "lowered" },
    f: ComponentFunc & { kind: "import" },
    expected: FuncType | undefined,
    user: string,
  ): FuncTarget {
    const arena = this.imports.isArena(f) ? this.#input.memory.arenaSite(item.owner) : undefined;
    if (arena) {
      // Domains: the arena in the caller's own memory, served inside the module (one embedder
      // import cannot tell which memory it is asked to allocate in).
      const used = this.taskGlobals.get(`${arena.domain}\0arena-used`);
      return this.generate(
        `arena\0${arena.domain}`,
        `arena:${arena.domain}`,
        () => arenaRealloc(arena, this.taskGlobals.base + used),
        REALLOC_TYPE,
      );
    }
    if (!expected) {
      throw new FuseError(
        "untyped-import",
        user,
        `lowered import ${f.module}#${f.field} is never imported by a core module`,
        "",
      );
    }
    return { kind: "import", index: this.imports.add(f, expected, item.owner, item.options) };
  }

  /** A lowered import of another instance's lifted export: a direct call or an adapter. */
  #lowerLifted(
    item: CoreItem & { kind: "lowered" },
    f: ComponentFunc & { kind: "lifted" },
    expected: FuncType | undefined,
    user: string,
  ): FuncTarget {
    const sig = resolveFuncSig(f.type);
    if (sig.async && !item.options.async && !this.#input.asyncLifters?.has(item.owner)) {
      // A sync lower of an `async`-typed function may block, and a synchronous task may not
      // block before it returns: every task of this instance is synchronous, so the call traps
      // ("cannot block a synchronous task before returning").
      const type = expected ?? { params: [], results: [] };
      return this.generate(
        `cannot-block\0${this.generated.list.length}`,
        `cannot-block:${item.owner}->${f.owner}`,
        () => trap(type),
        type,
      );
    }
    this.#refuseExportedHandles(sig, item.owner, f.owner);
    const direct = isScalarOnly(sig) && !f.options.postReturn && !f.options.async &&
      !item.options.async;
    this.boundaries.push({
      caller: item.owner,
      callee: f.owner,
      func: showFuncSig(sig),
      adapter: direct ? "direct" : "adapter",
    });
    if (direct) {
      const target = this.resolveFunc(f.core, expected, user);
      this.checkLiftedType(target, sig, f);
      return this.#inThread(item, f, expected ?? { params: [], results: [] }, target);
    }
    const callerType = expected ?? { params: [], results: [] };
    const adapter: PendingAdapter = {
      sig,
      callerType,
      lowered: item,
      lifted: f,
      ...(f.options.async ? { task: this.taskGlobals.taskState(f.owner, sig.result) } : {}),
    };
    if (f.options.callback) {
      adapter.callback = this.tasks.callbackCall(adapter, this.adapters.length);
    }
    this.adapters.push(adapter);
    const built = this.generate(
      `adapter\0${this.generated.list.length}`,
      `adapter:${item.owner}->${f.owner}`,
      () => this.#adapterBuilder.build(adapter),
      callerType,
    );
    // An async call into a stackful callee runs it as a thread: it may block with its stack.
    if (this.#async.threads && item.options.async && !f.options.callback) {
      return this.#async.threadStarter(
        item.owner,
        f.owner,
        built,
        callerType,
        adapter.task?.typeId ?? 0,
        // A sync lift of an async-typed function runs alone in its instance (needs_exclusive).
        !!sig.async && !f.options.async,
      );
    }
    return this.#inThread(item, f, callerType, built);
  }

  /**
   * A sync call into a sync lift of a component that switches threads runs as a thread of
   * the callee's instance (`async/threads.ts`); other calls are `target` itself.
   */
  #inThread(
    item: CoreItem & { kind: "lowered" },
    f: ComponentFunc & { kind: "lifted" },
    type: FuncType,
    target: FuncTarget,
  ): FuncTarget {
    if (item.options.async || f.options.async || !this.#input.threadUsers?.has(f.owner)) {
      return target;
    }
    const key = `${item.owner}->${f.owner}#${this.generated.list.length}`;
    return this.#async.syncThreadCall(key, f.owner, type, target);
  }

  /**
   * A resource the output component exports keeps its handles in that component's table, which
   * the fused module's in-module tables cannot move handles into or out of.
   */
  #refuseExportedHandles(sig: FuncSig, caller: string, callee: string): void {
    const exported = this.#input.exportedResources;
    if (!exported?.size) return;
    const crossing = resourcesOf(sig).find((id) => exported.has(id));
    if (crossing === undefined) return;
    const r = exported.get(crossing)!;
    throw new FuseError(
      "unsupported-component-output",
      `${caller} → ${callee}`,
      `handles of resource ${r.iface}#${r.name}, which the output component exports, cross ` +
        "between components of the set",
      "emit a core module (without --component), or export the resource from a separate fusion",
    );
  }

  /** `[resource-new|rep|drop]` of a resource the output component defines: its import. */
  #exportedResourceBuiltin(
    item: CoreItem & { kind: "resource" },
    id: number,
    r: { iface: string; name: string },
  ): FuncTarget {
    const type = item.op === "drop"
      ? { params: [0x7f], results: [] }
      : { params: [0x7f], results: [0x7f] };
    const f = {
      kind: "import" as const,
      module: `[export]${r.iface}`,
      field: `[resource-${item.op}]${r.name}`,
      type: undefined as never,
    };
    return {
      kind: "import",
      index: this.imports.add(f, type, item.owner, undefined, { id, op: item.op }),
    };
  }

  #resolveResource(
    item: CoreItem & { kind: "resource" },
    expected: FuncType | undefined,
  ): FuncTarget {
    const r = item.resource;
    const exported = r.kind === "resource" ? this.#input.exportedResources?.get(r.id) : undefined;
    if (exported && r.kind === "resource") {
      return this.#exportedResourceBuiltin(item, r.id, exported);
    }
    if (r.kind === "resource" && r.owner === "host" && item.op === "drop") {
      // A resource the host defines: dropping a handle is the host's `[resource-drop]` import,
      // named as wit-component names it (module = interface, field = [resource-drop]<name>).
      const hash = r.name.lastIndexOf("#");
      const module = hash < 0 ? "$root" : r.name.slice(0, hash);
      const name = hash < 0 ? r.name : r.name.slice(hash + 1);
      const type = expected ?? { params: [0x7f], results: [] };
      const f = {
        kind: "import" as const,
        module,
        field: `[resource-drop]${name}`,
        type: undefined as never,
      };
      return { kind: "import", index: this.imports.add(f, type, item.owner) };
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
          ? this.#space.funcIndex(this.resolveFunc(r.dtor, undefined, r.owner ?? item.owner))
          : undefined;
        return resourceDrop(site, type, dtor);
      },
      item.op === "new" || item.op === "rep"
        ? { params: [0x7f], results: [0x7f] }
        : { params: [0x7f], results: [] },
    );
  }

  /** A stable key for a function target (deduplicates thunks of one callback). */
  funcKey(t: FuncTarget): string {
    return t.kind === "defined" ? `d${t.inst}:${t.index}` : `${t.kind[0]}${t.index}`;
  }

  /** Where `owner`'s resource handle table lives. */
  handleSite(owner: string): TableSite {
    const site = this.#input.memory.handleSites.get(owner);
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
  generate(key: string, name: string, make: () => Generated, type: FuncType): FuncTarget {
    return this.generated.add(key, name, make, type);
  }

  /** The table `item` names: its key now, its fused index once the layout is final. */
  tableRef(item: CoreItem, user: string): { key: string; index: () => number } {
    const d = resolveDefined(this.#input.infos, item, "table", user);
    return { key: `${d.inst}:${d.index}`, index: () => this.#space.indexOf("table", d) };
  }

  /** The fused index of the memory `item` names (final once the layout is). */
  memoryOf(item: CoreItem, user: string): number {
    return this.#space.indexOf("memory", resolveDefined(this.#input.infos, item, "memory", user));
  }
}
