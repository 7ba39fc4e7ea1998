/**
 * Binds the async parts of a composition to the in-module scheduler: the
 * scheduler's shared functions (generated once, on first use), the
 * per-component built-ins (waitable sets, subtasks, yield), the task calls
 * that start a callback-lifted function or resume it with an event, and the
 * host entry of a callback-lifted root export.
 *
 * @module
 */
import type { FuncType } from "../../../wasm/module/model.ts";
import type { Generated, TableSite } from "../abi/handles.ts";
import { resourceDrop, resourceNew, resourceRep } from "../abi/handles.ts";
import { I32 } from "../abi/layout.ts";
import type { FuncTarget } from "../binding.ts";
import type { EndBuiltin, SchedulerBuiltin } from "../scope.ts";
import type { CType } from "../abi/types.ts";
import { elemSize, needsDeepCopy } from "../abi/layout.ts";
import { END_TYPES, type EndOp, StreamCode } from "./streams.ts";
import { FuseError } from "../errors.ts";
import {
  SCHEDULER_TYPES,
  type SchedulerFuncs,
  type SchedulerSite,
  SET_TYPE,
  SUBTASK_TYPE,
} from "./scheduler.ts";
import { BuiltinCode } from "./scheduler_builtins.ts";

/** A callee's task state, as the merge keeps it (global positions before the base). */
export interface TaskGlobals {
  state: number;
  type: number;
  typeId: number;
  slots: number[];
  indirect: boolean;
}

/** What the binder needs from the merge. */
export interface AsyncContext {
  generate(key: string, name: string, make: () => Generated, type: FuncType): FuncTarget;
  funcIndex(t: FuncTarget): number;
  handleSite(owner: string): TableSite;
  schedulerSite(): SchedulerSite | undefined;
  taskGlobalBase(): number;
  /** A stable key of a function target (for deduplication). */
  funcIndexKey(t: FuncTarget): string;
  /** `owner`'s context slots and the positions of their globals. */
  contextSlots(owner: string): [slot: number, global: number][];
}

/** The callback the scheduler resumes a task with: (event, p1, p2) -> code. */
export const CALLBACK_TYPE: FuncType = { params: [I32, I32, I32], results: [I32] };

/**
 * The scheduler side of a merge.
 *
 * @example
 * ```ts
 * import { AsyncBinder } from "./binder.ts";
 * // const binder = new AsyncBinder(mergeContext);
 * // const waitFn = binder.builtin("waitable-set.wait", "app", 0);
 * ```
 */
export class AsyncBinder {
  private readonly thunks: FuncTarget[] = [];
  private readonly thunkIds = new Map<string, number>();
  private readonly completes: FuncTarget[] = [];

  constructor(private readonly ctx: AsyncContext) {}

  private site(): SchedulerSite {
    const site = this.ctx.schedulerSite();
    if (!site) {
      throw new FuseError(
        "internal",
        "fuse",
        "the memory plan reserved no scheduler region",
        "report a bug",
      );
    }
    return site;
  }

  private code(): BuiltinCode {
    return new BuiltinCode(this.site());
  }

  /** A shared scheduler function (generated once). */
  shared(name: keyof SchedulerFuncs): FuncTarget {
    return this.ctx.generate(`async\0${name}`, `async:${name}`, () => {
      const c = this.code();
      const f = (n: keyof SchedulerFuncs) => this.ctx.funcIndex(this.shared(n));
      switch (name) {
        case "taskNew":
          return c.taskNew();
        case "waitableNew":
          return c.waitableNew();
        case "setReady":
          return c.setReady();
        case "after":
          return c.after();
        case "step":
          return c.step({
            setReady: f("setReady"),
            dispatchThunk: f("dispatchThunk"),
            after: f("after"),
          });
        case "runUntilReturned":
          return c.runUntilReturned(f("step"));
        case "runUntilReady":
          return c.runUntilReady({ setReady: f("setReady"), step: f("step") });
        case "deliver":
          return c.deliver(f("dispatchComplete"));
        case "dispatchThunk":
          return c.dispatch("dispatchThunk", this.thunks.map((t) => this.ctx.funcIndex(t)));
        case "dispatchComplete":
          return c.dispatch("dispatchComplete", this.completes.map((t) => this.ctx.funcIndex(t)));
      }
    }, SCHEDULER_TYPES[name]);
  }

  private index(name: keyof SchedulerFuncs): number {
    return this.ctx.funcIndex(this.shared(name));
  }

  private readonly endTypeIds = new Map<string, number>();

  private streamCode(): StreamCode {
    return new StreamCode(this.site());
  }

  /** `owner`'s handle of a waitable id (events name ends by handle), generated once. */
  endHandle(owner: string): FuncTarget {
    return this.ctx.generate(
      `async-end-handle\0${owner}`,
      `async:${owner}::end-handle`,
      () => this.streamCode().endHandle(this.ctx.handleSite(owner), Object.values(END_TYPES)),
      {
        params: [I32],
        results: [I32],
      },
    );
  }

  /** `owner`'s check of a handle that may be any waitable (join). */
  private anyWaitableRep(owner: string): FuncTarget {
    return this.ctx.generate(
      `async-any-rep\0${owner}`,
      `async:${owner}::waitable-rep`,
      () =>
        this.streamCode().anyWaitableRep(this.ctx.handleSite(owner), [
          SUBTASK_TYPE,
          ...Object.values(END_TYPES),
        ]),
      { params: [I32], results: [I32] },
    );
  }

  private endShared(name: "notify" | "runUntilEvent"): FuncTarget {
    const type = name === "notify"
      ? { params: [I32, I32], results: [] }
      : { params: [I32], results: [] };
    const step = name === "runUntilEvent" ? this.shared("step") : undefined;
    return this.ctx.generate(
      `async\0${name}`,
      `async:${name}`,
      () =>
        name === "notify"
          ? this.streamCode().notify()
          : this.streamCode().runUntilEvent(this.ctx.funcIndex(step!)),
      type,
    );
  }

  private endCopyFn(memory: () => number, memories: () => number, key: string): FuncTarget {
    const notify = this.endShared("notify");
    return this.ctx.generate(
      `async\0end-copy\0${key}`,
      `async:end-copy`,
      () => this.streamCode().copy(memory(), memories(), this.ctx.funcIndex(notify)),
      {
        params: [I32, I32, I32],
        results: [I32],
      },
    );
  }

  /**
   * A stream or future built-in as `owner` calls it: `elem` is the element
   * type (plain bytes only), `sync` whether the call waits.
   */
  endBuiltin(
    op: EndBuiltin,
    owner: string,
    end: { elem: CType | null; sync: boolean; memory?: () => number; memories: () => number },
  ): FuncTarget {
    const future = op.startsWith("future.");
    if (end.elem && needsDeepCopy(end.elem)) {
      throw new FuseError(
        "unsupported-builtin",
        owner,
        `canon ${op} of a ${future ? "future" : "stream"} whose elements hold pointers or ` +
          "handles: the fused scheduler copies plain bytes only",
        "carry numbers (or records of them) in the stream, and strings or lists by other calls",
      );
    }
    const typeKey = JSON.stringify([future, end.elem]);
    let typeId = this.endTypeIds.get(typeKey);
    if (typeId === undefined) this.endTypeIds.set(typeKey, typeId = this.endTypeIds.size + 1);
    const R = future ? END_TYPES.futureReadable : END_TYPES.streamReadable;
    const Wt = future ? END_TYPES.futureWritable : END_TYPES.streamWritable;
    const which = op.slice(op.indexOf(".") + 1);
    const writable = which === "write" || which.endsWith("-write") || which === "drop-writable";
    const tag = writable ? Wt : R;
    const memory = end.memory ?? (() => 0);
    const endOp = (): EndOp => ({
      future,
      elemSize: end.elem ? elemSize(end.elem) : 0,
      typeId: typeId!,
      memory: memory(),
      sync: end.sync,
    });
    const idx = (t: FuncTarget) => this.ctx.funcIndex(t);
    const key = `async-end\0${owner}\0${op}\0${typeId}\0${end.sync}`;
    const name = `async:${owner}::${op}`;
    const sc = () => this.streamCode();
    switch (which) {
      case "new": {
        const deps = [
          this.shared("waitableNew"),
          this.handleFn(owner, "new", R),
          this.handleFn(owner, "new", Wt),
        ];
        return this.ctx.generate(key, name, () => {
          const [wn, nr, nw] = deps.map(idx);
          return sc().endsNew(endOp(), wn, nr, nw);
        }, { params: [], results: [0x7e] });
      }
      case "read":
      case "write": {
        const deps = [
          this.handleFn(owner, "rep", tag),
          this.endCopyFn(memory, end.memories, `${typeId}\0${owner}\0${op}`),
          this.endShared("runUntilEvent"),
        ];
        return this.ctx.generate(key, name, () => {
          const [rep, copy, run] = deps.map(idx);
          return sc().endCopy(endOp(), rep, { copy, runUntilEvent: run });
        }, { params: future ? [I32, I32] : [I32, I32, I32], results: [I32] });
      }
      case "cancel-read":
      case "cancel-write": {
        const rep = this.handleFn(owner, "rep", tag);
        return this.ctx.generate(key, name, () => sc().endCancel(idx(rep)), {
          params: [I32],
          results: [I32],
        });
      }
      default: {
        const deps = [
          this.handleFn(owner, "rep", tag),
          this.handleFn(owner, "drop", tag),
          this.endShared("notify"),
        ];
        return this.ctx.generate(key, name, () => {
          const [rep, drop, notify] = deps.map(idx);
          return sc().endDrop(rep, drop, notify);
        }, { params: [I32], results: [] });
      }
    }
  }

  /**
   * For a handle of an end kind: `move` (the handle's transfer) behind the
   * checks a lift of a stream or future makes; undefined for other tags.
   */
  endTransferCheck(owner: string, tag: number, move?: FuncTarget): FuncTarget | undefined {
    if (!(Object.values(END_TYPES) as number[]).includes(tag)) return undefined;
    const rep = this.handleFn(owner, "rep", tag);
    return this.ctx.generate(
      `async-end-lift\0${owner}\0${tag}\0${move ? this.ctx.funcIndexKey(move) : "host"}`,
      `async:${owner}::end-lift`,
      () =>
        this.streamCode().endLift(
          this.ctx.funcIndex(rep),
          move && this.ctx.funcIndex(move),
        ),
      { params: [I32], results: [I32] },
    );
  }

  /** `owner`'s handle functions for waitable sets / subtasks. */
  private handleFn(owner: string, op: "new" | "rep" | "drop", type: number): FuncTarget {
    const site = () => this.ctx.handleSite(owner);
    return this.ctx.generate(
      `async-handle\0${owner}\0${op}\0${type}`,
      `async:${owner}::${type === SET_TYPE ? "waitable-set" : "handle"}-${op}`,
      () => {
        if (op === "new") return resourceNew(site(), type);
        if (op === "rep") return resourceRep(site(), type);
        return resourceDrop(site(), type);
      },
      op === "drop" ? { params: [I32], results: [] } : { params: [I32], results: [I32] },
    );
  }

  /**
   * A task call for `owner`: runs `target` (params `params`) as the task
   * given first. `key` names the target, for deduplication.
   */
  taskCall(
    owner: string,
    key: string,
    params: FuncType["params"],
    target: FuncTarget,
    task: TaskGlobals,
  ): FuncTarget {
    const type: FuncType = { params: [I32, ...params], results: [I32] };
    const setRep = this.handleFn(owner, "rep", SET_TYPE);
    const deliver = this.shared("deliver");
    const endHandle = key.startsWith("callback\0") ? this.endHandle(owner) : undefined;
    return this.ctx.generate(`async-call\0${owner}\0${key}`, `async:task-call:${owner}`, () => {
      const base = this.ctx.taskGlobalBase();
      return this.code().taskCall({
        params,
        target: this.ctx.funcIndex(target),
        context: this.ctx.contextSlots(owner).map(([slot, g]) => [slot, base + g]),
        state: base + task.state,
        type: base + task.type,
        setRep: this.ctx.funcIndex(setRep),
        deliver: this.ctx.funcIndex(deliver),
        ...(endHandle ? { endHandle: this.ctx.funcIndex(endHandle) } : {}),
      });
    }, type);
  }

  /** The id the scheduler resumes `owner`'s callback with (its thunk, registered once). */
  thunkId(owner: string, key: string, callback: FuncTarget, task: TaskGlobals): number {
    const k = `${owner}\0${key}`;
    let id = this.thunkIds.get(k);
    if (id === undefined) {
      this.thunks.push(
        this.taskCall(owner, `callback\0${key}`, CALLBACK_TYPE.params, callback, task),
      );
      id = this.thunks.length;
      this.thunkIds.set(k, id);
    }
    return id;
  }

  /** Registers a completion function (retptr) → its id. */
  completeId(target: FuncTarget): number {
    this.completes.push(target);
    return this.completes.length;
  }

  /** The shared functions an adapter for a callback-lifted callee calls. */
  adapterFuncs(callerOwner: string, callerAsync: boolean) {
    const funcs = {
      taskNew: this.shared("taskNew"),
      after: this.shared("after"),
      runUntilReturned: this.shared("runUntilReturned"),
      subtaskStart: callerAsync ? this.subtaskStart(callerOwner) : undefined,
    };
    return () => ({
      taskNew: this.ctx.funcIndex(funcs.taskNew),
      after: this.ctx.funcIndex(funcs.after),
      runUntilReturned: this.ctx.funcIndex(funcs.runUntilReturned),
      subtaskStart: funcs.subtaskStart && this.ctx.funcIndex(funcs.subtaskStart),
    });
  }

  private subtaskStart(owner: string): FuncTarget {
    const newHandle = this.handleFn(owner, "new", SUBTASK_TYPE);
    const waitableNew = this.shared("waitableNew");
    return this.ctx.generate(
      `async-subtask-start\0${owner}`,
      `async:${owner}::subtask-start`,
      () =>
        this.code().subtaskStart(
          { waitableNew: this.ctx.funcIndex(waitableNew) },
          this.ctx.funcIndex(newHandle),
        ),
      { params: [I32], results: [I32] },
    );
  }

  /** The host's entry into a callback-lifted root export. */
  hostEntry(
    name: string,
    params: FuncType["params"],
    start: FuncTarget,
    thunk: number,
    task: TaskGlobals,
    slotTypes: FuncType["params"],
    returnArea?: { memory: number; base: number },
  ): FuncTarget {
    const funcs = {
      taskNew: this.shared("taskNew"),
      after: this.shared("after"),
      runUntilReturned: this.shared("runUntilReturned"),
      step: this.shared("step"),
    };
    const results = !task.indirect && slotTypes.length <= 1 ? slotTypes : [I32];
    return this.ctx.generate(`async-entry\0${name}`, `async:entry:${name}`, () => {
      const base = this.ctx.taskGlobalBase();
      return this.code().hostEntry({
        params,
        start: this.ctx.funcIndex(start),
        thunk,
        typeId: task.typeId,
        slots: task.slots.map((s, i) => ({ global: base + s, type: slotTypes[i] })),
        indirect: task.indirect,
        ...(returnArea ? { returnArea } : {}),
        funcs: {
          taskNew: this.ctx.funcIndex(funcs.taskNew),
          after: this.ctx.funcIndex(funcs.after),
          runUntilReturned: this.ctx.funcIndex(funcs.runUntilReturned),
          step: this.ctx.funcIndex(funcs.step),
        },
      });
    }, { params, results });
  }

  /** A scheduler built-in as `owner` calls it (`memory`: where wait / poll write events). */
  builtin(
    op: SchedulerBuiltin,
    owner: string,
    memory?: () => number,
    async = false,
  ): FuncTarget {
    const setRep = () => this.handleFn(owner, "rep", SET_TYPE);
    const subRep = () => this.handleFn(owner, "rep", SUBTASK_TYPE);
    const idx = (t: FuncTarget) => this.ctx.funcIndex(t);
    const make = (
      type: FuncType,
      deps: FuncTarget[],
      body: (c: BuiltinCode, d: number[]) => Generated,
    ) =>
      this.ctx.generate(
        `async-builtin\0${owner}\0${op}\0${async}`,
        `async:${owner}::${op}`,
        () => body(this.code(), deps.map(idx)),
        type,
      );
    const I = { params: [I32], results: [] };
    switch (op) {
      case "waitable-set.new":
        return make(
          { params: [], results: [I32] },
          [this.shared("waitableNew"), this.handleFn(owner, "new", SET_TYPE)],
          (c, [wn, nh]) => c.waitableSetNew({ waitableNew: wn }, nh),
        );
      case "waitable-set.wait":
      case "waitable-set.poll":
        return make(
          { params: [I32, I32], results: [I32] },
          [
            this.shared("runUntilReady"),
            this.shared("setReady"),
            setRep(),
            this.endHandle(owner),
          ],
          (c, [ru, sr, rep, endHandle]) =>
            c.waitableSetWait(
              op === "waitable-set.wait",
              memory?.() ?? 0,
              { runUntilReady: ru, setReady: sr },
              rep,
              endHandle,
            ),
        );
      case "waitable-set.drop":
        return make(
          I,
          [setRep(), this.handleFn(owner, "drop", SET_TYPE)],
          (c, [rep, drop]) => c.waitableSetDrop(rep, drop),
        );
      case "waitable.join":
        return make(
          { params: [I32, I32], results: [] },
          [this.anyWaitableRep(owner), setRep()],
          (c, [sub, set]) => c.waitableJoin(sub, set),
        );
      case "subtask.drop":
        return make(
          I,
          [subRep(), this.handleFn(owner, "drop", SUBTASK_TYPE)],
          (c, [rep, drop]) => c.subtaskDrop(rep, drop),
        );
      case "subtask.cancel":
        return make(
          { params: [I32], results: [I32] },
          [
            subRep(),
            this.shared("runUntilReturned"),
            this.shared("dispatchThunk"),
            this.shared("after"),
          ],
          (c, [rep, run, dispatch, after]) =>
            c.subtaskCancel(
              rep,
              { runUntilReturned: run, dispatchThunk: dispatch, after },
              !async,
            ),
        );
      case "thread.yield":
        return make(
          { params: [], results: [I32] },
          [this.shared("step")],
          (c, [step]) => c.threadYield(step),
        );
      case "thread.index":
        return make({ params: [], results: [I32] }, [], (c) => c.threadIndex());
      default:
        throw new FuseError(
          "internal",
          owner,
          `${op} is a stream / future built-in (endBuiltin)`,
          "report a bug",
        );
      case "task.cancel":
        return make({ params: [], results: [] }, [], (c) => c.taskCancel());
    }
  }
}
