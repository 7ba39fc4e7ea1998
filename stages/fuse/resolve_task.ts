/**
 * Binding the async parts of a merge: task built-ins (context slots,
 * backpressure and `task.return` in globals; the scheduler's built-ins
 * through {@linkcode AsyncBinder}), callback-lifted callees started as
 * scheduler tasks, the host's entry into a callback-lifted root export, and
 * the type check of an `own` handle a root export returns.
 *
 * @module
 */
import type { ErrorContextBuiltin } from "./async/error_context.ts";
import { REALLOC_TYPE } from "./binding.ts";
import type { FuncType, ValType } from "../../wasm/module/mod.ts";
import type { ComponentFunc, CoreItem } from "./graph.ts";
import type { CType, FuncSig } from "../../wasm/abi/mod.ts";
import { childTypes, flattenFuncType } from "../../wasm/abi/mod.ts";
import { type Generated, resourceRep } from "./abi/handles.ts";
import { Emitter } from "./abi/emitter.ts";
import { taskBuiltin, taskBuiltinType, taskReturn } from "./generated.ts";
import type { AdapterBuilder, FuncTarget, PendingAdapter } from "./binding.ts";
import { type AsyncBinder, CALLBACK_TYPE } from "./async/binder.ts";
import { type EndBuiltin, SCHEDULER_BUILTINS, type SchedulerBuiltin } from "./scope.ts";
import type { TaskGlobalTable, TaskState } from "./task_globals.ts";
import type { MemoryPlan } from "./layout.ts";

/** What task binding needs from the merge's resolver. */
export interface TaskContext {
  resources: { owner?: string }[];
  memory: MemoryPlan;
  taskGlobals: TaskGlobalTable;
  async: AsyncBinder;
  adapters: AdapterBuilder;
  resolveFunc(item: CoreItem, expected: FuncType | undefined, user: string): FuncTarget;
  typedOption(item: CoreItem, want: FuncType, option: string, user: string): FuncTarget;
  checkLiftedType(target: FuncTarget, sig: FuncSig, f: { owner: string }): void;
  generate(key: string, name: string, make: () => Generated, type: FuncType): FuncTarget;
  funcIndex(t: FuncTarget): number;
  funcKey(t: FuncTarget): string;
  memoryOf(item: CoreItem, user: string): number;
  /** The table `item` names: a key for it now, its fused index once the layout is final. */
  tableRef(item: CoreItem, user: string): { key: string; index: () => number };
}

/** A callback-lifted function as a scheduler task. */
interface CallbackTask {
  task: TaskState;
  params: ValType[];
  start: FuncTarget;
  thunk: number;
}

/**
 * Resolves task built-ins and the scheduler side of callback lifts.
 *
 * @example
 * ```ts
 * import { TaskResolver } from "./resolve_task.ts";
 * // const target = new TaskResolver(context).resolveTask(item);
 * ```
 */
export class TaskResolver {
  constructor(private readonly ctx: TaskContext) {}

  /**
   * A task built-in: each component instance's context slots and backpressure
   * counter are globals of the fused module; the scheduler's built-ins are
   * the in-module scheduler's.
   */
  resolveTask(item: CoreItem & { kind: "task" }): FuncTarget {
    const ctx = this.ctx;
    if (item.op === "task.return") return this.#taskReturn(item);
    if (item.op.startsWith("error-context.")) {
      const memory = item.memory;
      return ctx.async.errorContext(
        item.op as ErrorContextBuiltin,
        item.owner,
        () => memory ? ctx.memoryOf(memory, item.owner) : 0,
      );
    }
    if (item.op === "thread.new-indirect" && item.table) {
      const table = ctx.tableRef(item.table, item.owner);
      return ctx.async.threadNew(item.owner, table.key, table.index);
    }
    if ((SCHEDULER_BUILTINS as readonly string[]).includes(item.op)) {
      const memory = item.memory;
      const memoryOf = memory && (() => ctx.memoryOf(memory, item.owner));
      if (item.op.startsWith("stream.") || item.op.startsWith("future.")) {
        const realloc = item.options?.realloc;
        return ctx.async.endBuiltin(item.op as EndBuiltin, item.owner, {
          elem: item.endElem ?? null,
          sync: !item.options?.async,
          memory: memoryOf,
          memories: () => Math.max(1, ctx.memory.memories.length),
          ...(realloc
            ? { realloc: ctx.typedOption(realloc, REALLOC_TYPE, "realloc", item.owner) }
            : {}),
          ...(item.options ? { encoding: item.options.encoding } : {}),
        });
      }
      return ctx.async.builtin(
        item.op as SchedulerBuiltin,
        item.owner,
        memoryOf,
        !!item.options?.async,
        !!item.cancellable,
      );
    }
    if (item.op.startsWith("backpressure.") && ctx.async.threads) {
      // With threads, starts wait for it: the counter is the instance's, beside its lock.
      return ctx.async.backpressure(item.op as "backpressure.inc", item.owner);
    }
    const slot = item.op.startsWith("context.") ? `context${item.slot}` : "backpressure";
    const key = `${item.owner}\0${slot}`;
    const local = ctx.taskGlobals.get(key);
    return ctx.generate(
      `task\0${key}\0${item.op}`,
      `${item.owner}::${item.op}`,
      () => taskBuiltin(item.op, ctx.taskGlobals.base + local),
      taskBuiltinType(item.op),
    );
  }

  /**
   * `task.return`: hands the running stackful task's results to its caller's
   * adapter. Traps outside an async task, after the task returned, or with
   * another result type than the task's.
   */
  #taskReturn(item: CoreItem & { kind: "task" }): FuncTarget {
    const globals = this.ctx.taskGlobals;
    const t = globals.taskState(item.owner, item.result);
    const type: FuncType = { params: t.params, results: [] };
    return this.ctx.generate(
      `task.return\0${item.owner}\0${t.typeId}`,
      `${item.owner}::task.return`,
      () => taskReturn(type, globals.base, t),
      type,
    );
  }

  /**
   * The scheduler functions an adapter into a callback-lifted callee calls:
   * registered now (the scheduler's dispatchers are built from the list),
   * their indices read once final. `n` numbers the adapter.
   */
  callbackCall(a: PendingAdapter, n: number): PendingAdapter["callback"] {
    const ctx = this.ctx;
    const f = a.lifted;
    const sig = a.sig;
    const { start, thunk, params, task } = this.#callbackTask(f, sig, `start\0${n}`, f.owner);
    const callerAsync = !!a.lowered.options.async;
    // With threads, a sync caller may be suspended when the task returns: its results are saved.
    const threads = ctx.async.threads;
    const save = threads && !callerAsync && sig.result;
    const complete = callerAsync && sig.result
      ? ctx.async.completeId(
        ctx.generate(
          `complete\0${n}`,
          `async:complete:${a.lowered.owner}->${f.owner}`,
          () => ctx.adapters.buildCompletion(a),
          { params: [0x7f], results: [] },
        ),
      )
      : save
      ? ctx.async.completeId(this.#saveResults(f.owner, sig))
      : 0;
    const area = save ? ctx.async.shared("resultArea") : undefined;
    // With threads, a sync caller enters the callee's instance only when no other task is inside.
    const acquire = threads && !callerAsync ? ctx.async.shared("lockAcquire") : undefined;
    const funcs = ctx.async.adapterFuncs(a.lowered.owner, callerAsync);
    const keep = callerAsync ? this.#keepLends(a, n) : undefined;
    // The start runs as the task's own stack (with threads): when it blocks, an async caller
    // goes on, and a sync one goes on once the task returned (it may block after task.return).
    const entry = ctx.async.suspendableStart(f.owner, start, params, task);
    return () => ({
      ...funcs(),
      start: ctx.funcIndex(entry),
      thunk,
      complete,
      ...(area ? { resultArea: ctx.funcIndex(area) } : {}),
      ...(acquire
        ? { lock: { address: ctx.async.lockAddress(f.owner), acquire: ctx.funcIndex(acquire) } }
        : {}),
      ...(keep ? { deferLends: { func: ctx.funcIndex(keep.deferLends), release: keep.id } } : {}),
    });
  }

  /**
   * An async call whose borrows the callee keeps until its task resolves (the spec's borrow
   * scope): up to two borrow parameters, none inside another value, are kept with the subtask,
   * and this release ends them. Others end when the start returns.
   */
  #keepLends(a: PendingAdapter, n: number): { id: number; deferLends: FuncTarget } | undefined {
    const borrows = a.sig.params.filter((p) => p.type.kind === "borrow");
    const nested = a.sig.params.some((p) => p.type.kind !== "borrow" && holdsBorrow(p.type));
    if (borrows.length === 0 || borrows.length > 2 || nested) return undefined;
    const ctx = this.ctx;
    return ctx.async.keepLends(
      `${n}`,
      `${a.lowered.owner}->${a.lifted.owner}`,
      () =>
        borrows.map((p) => ctx.adapters.endLendIndex(a, (p.type as { resource: number }).resource)),
    );
  }

  /**
   * The completion that saves `owner`'s task.return slots (of result type
   * `sig.result`) at the area it is given (none: 0), in memory 0.
   */
  #saveResults(owner: string, sig: FuncSig): FuncTarget {
    const ctx = this.ctx;
    const task = ctx.taskGlobals.taskState(owner, sig.result);
    return ctx.generate(
      `save-results\0${owner}\0${task.typeId}`,
      `async:save-results:${owner}`,
      () => {
        const e = new Emitter([0x7f]);
        e.localGet(0).if();
        task.slots.forEach((g, i) => {
          const t = task.params[i];
          e.localGet(0).globalGet(ctx.taskGlobals.base + g)
            .storeValue(t, 0, 8 * i);
        });
        e.end();
        return { type: { params: [0x7f], results: [] }, body: e.body(), name: "" };
      },
      { params: [0x7f], results: [] },
    );
  }

  /**
   * A callback-lifted function as a scheduler task: the task call that
   * starts its core function (`key` names the call site) and the thunk id
   * the scheduler resumes its callback with.
   */
  #callbackTask(
    f: ComponentFunc & { kind: "lifted" },
    sig: FuncSig,
    key: string,
    user: string,
  ): CallbackTask {
    const ctx = this.ctx;
    const task = ctx.taskGlobals.taskState(f.owner, sig.result);
    const params = flattenFuncType(sig, "async lift").params;
    const core = ctx.resolveFunc(f.core, { params, results: [0x7f] }, user);
    ctx.checkLiftedType(core, sig, f);
    const start = ctx.async.taskCall(f.owner, key, params, core, task);
    const callback = ctx.typedOption(f.options.callback!, CALLBACK_TYPE, "callback", f.owner);
    const thunk = ctx.async.thunkId(f.owner, ctx.funcKey(callback), callback, task);
    return { task, params, start, thunk };
  }

  /**
   * The host's entry into a callback-lifted root export `name` of
   * `component`: it starts the task and runs the in-module scheduler until
   * the task returned, so the host calls it as it would a sync lift.
   */
  asyncEntry(
    name: string,
    component: string,
    f: ComponentFunc & { kind: "lifted" },
    sig: FuncSig,
  ): FuncTarget {
    const { task, params, start, thunk } = this.#callbackTask(f, sig, `entry\0${name}`, component);
    if (f.options.realloc) this.ctx.resolveFunc(f.options.realloc, undefined, component);
    const area = this.ctx.memory.hostReturnArea(component);
    const entry = this.ctx.async.suspendableStart(f.owner, start, params, task);
    return this.ctx.async.hostEntry(name, params, entry, thunk, task, task.params, area);
  }

  /**
   * The host's entry into root export `name` of `component`, lifted `async`
   * with no callback: a stackful task run on the host's stack, its results
   * returned the sync way.
   */
  stackfulEntry(
    name: string,
    component: string,
    f: ComponentFunc & { kind: "lifted" },
    sig: FuncSig,
  ): FuncTarget {
    const ctx = this.ctx;
    const task = ctx.taskGlobals.taskState(f.owner, sig.result);
    const params = flattenFuncType(sig, "async lift").params;
    const core = ctx.resolveFunc(f.core, { params, results: [] }, component);
    ctx.checkLiftedType(core, sig, f);
    if (f.options.realloc) ctx.resolveFunc(f.options.realloc, undefined, component);
    const area = ctx.memory.hostReturnArea(component);
    return ctx.async.stackfulHostEntry(name, params, core, task, task.params, area);
  }

  /** The host's entry into sync root export `name` of `owner`, a component that switches threads. */
  syncThreadEntry(name: string, owner: string, type: FuncType, body: FuncTarget): FuncTarget {
    return this.ctx.async.syncThreadCall(`entry:${name}`, owner, type, body);
  }

  /**
   * For a root export returning `own<R>` of a resource its component defines:
   * the function that traps unless the returned handle is an `R` (the
   * canonical ABI checks the type when it lifts a handle to the host).
   */
  ownResultCheck(sig: FuncSig, indirect: boolean, owner: string): FuncTarget | undefined {
    const res = sig.result;
    if (res?.kind !== "own" || indirect) return undefined;
    // A stream or future end returned to the host is lifted: idle and outside any set.
    const end = this.ctx.async.endTransferCheck(owner, res.resource + 1);
    if (end) return end;
    const r = this.ctx.resources[res.resource];
    const site = this.ctx.memory.handleSites.get(owner);
    if (!r || r.owner === "host" || !site) return undefined;
    const type = res.resource + 1;
    return this.ctx.generate(
      `own-check\0${owner}\0${type}`,
      `${owner}::own-check#${type}`,
      () => resourceRep(site, type),
      { params: [0x7f], results: [0x7f] },
    );
  }
}

/** Whether a value of type `t` holds a borrow (itself, or inside). */
function holdsBorrow(t: CType): boolean {
  return t.kind === "borrow" || childTypes(t).some(holdsBorrow);
}
