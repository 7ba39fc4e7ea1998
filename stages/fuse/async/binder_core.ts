/**
 * The base of the scheduler's side of a merge: the scheduler region, its
 * shared functions (generated once, on first use) and the handle functions
 * for waitable sets and subtasks.
 *
 * @module
 */
import type { FuncType } from "../../../wasm/module/mod.ts";
import type { Generated, TableSite } from "../abi/handles.ts";
import { resourceDrop, resourceNew, resourceRep } from "../abi/handles.ts";
import { I32 } from "../../../wasm/abi/mod.ts";
import type { FuncTarget } from "../binding.ts";
import { FuseError } from "../errors.ts";
import { SCHEDULER_TYPES, type SchedulerFuncs, type SchedulerSite, SET_TYPE } from "./scheduler.ts";
import { GATE_BYTES, locksBase, type ThreadContext } from "./scheduler_records.ts";
import { CATCH_PREFIX, STACK_PLACEHOLDERS, type ThreadAdapter } from "./stacks.ts";
import { THREAD_START_TYPE, ThreadCode } from "./threads.ts";

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
  /** The fused module's index of core function type `t` (final once interned). */
  typeIndex(t: FuncType): number;
}

/** The callback the scheduler resumes a task with: (event, p1, p2) -> code. */
export const CALLBACK_TYPE: FuncType = { params: [I32, I32, I32], results: [I32] };

/**
 * The scheduler's shared functions and handle functions, for the binders
 * built on it ({@linkcode EndBinder}, {@linkcode AsyncBinder}).
 *
 * @example
 * ```ts
 * import { SchedulerBinder } from "./binder_core.ts";
 * // const shared = new SchedulerBinder(mergeContext).shared("step");
 * ```
 */
export class SchedulerBinder {
  protected readonly thunks: FuncTarget[] = [];
  protected readonly thunkIds = new Map<string, number>();
  protected readonly completes: FuncTarget[] = [];
  /** Adapters run as threads (`stacks.ts`), by resume id - 1. */
  protected readonly threadAdapters: { target: FuncTarget; type: FuncType; lock?: number }[] = [];
  /** The owner of each thunk (id - 1): whose instance lock its callback takes. */
  protected readonly thunkOwners: string[] = [];
  readonly #lockIndex = new Map<string, number>();
  /** Each async call's release of the borrows its subtask keeps, by id - 1 (`deferLends`). */
  protected readonly releases: FuncTarget[] = [];
  /** Callback tasks' starts run as their own stacks, by id - 1 (`stack_catchers.ts`). */
  protected readonly callbackStarts: { target: FuncTarget; type: FuncType }[] = [];
  /** The tables `thread.new-indirect` threads' start functions are in, by id - 1 (`threads.ts`). */
  protected readonly threadTables: (() => number)[] = [];

  constructor(protected readonly ctx: AsyncContext) {}

  protected site(): SchedulerSite {
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

  protected code(): ThreadCode {
    return new ThreadCode({ ...this.site(), threadContexts: this.threadContexts() });
  }

  /** Instances whose threads switch (`thread.new-indirect`, sync calls run as threads). */
  protected readonly threadOwners = new Set<string>();

  /** Their context slots, which each of their threads keeps to itself (`stacks.ts`). */
  private threadContexts(): ThreadContext[] {
    const base = this.ctx.taskGlobalBase();
    return [...this.threadOwners].flatMap((owner) => {
      const slots = this.ctx.contextSlots(owner);
      return slots.length
        ? [{ instance: this.lockAddress(owner), globals: slots.map(([s, g]) => [s, base + g]) }]
        : [];
    });
  }

  /**
   * Whether a component uses the `thread.*` switches (`threads.ts`): threads made by
   * `thread.new-indirect`, sync calls run as threads. Read once every call is bound.
   */
  protected switches = false;

  /** Whether the module has threads (tasks that block with their stack, `stacks.ts`). */
  get threads(): boolean {
    return (this.ctx.schedulerSite()?.stacks ?? 0) > 0;
  }

  /** A shared scheduler function (generated once). */
  shared(name: keyof SchedulerFuncs): FuncTarget {
    return this.ctx.generate(`async\0${name}`, sharedName(name), () => {
      const c = this.code();
      const f = (n: keyof SchedulerFuncs) => this.ctx.funcIndex(this.shared(n));
      const block = this.threads ? f("block") : undefined;
      switch (name) {
        case "taskNew":
          return c.taskNew();
        case "waitableNew":
          return c.waitableNew();
        case "setReady":
          return c.setReady();
        case "after":
          return c.after();
        case "step": {
          const setReady = f("setReady");
          return c.step({
            setReady,
            dispatchThunk: f("dispatchThunk"),
            after: f("after"),
            ...(this.threads
              ? {
                resumeThread: f("resumeThread"),
                startThread: f("startThread"),
                runCallback: f("runCallback"),
                instanceFree: (e, t) => {
                  const lockOf = f("lockOf");
                  c.lockFreeFor(e, t, (e) => c.loadThunk(e, t).call(lockOf));
                },
                threadReady: (e, t) => c.threadReady(e, t, setReady),
                switches: this.switches,
              }
              : {}),
          });
        }
        case "runUntilReturned":
          return c.runUntilReturned(f("step"), block);
        case "runUntilReady":
          return c.runUntilReady({ setReady: f("setReady"), step: f("step"), block });
        case "deliver":
          return c.deliver(f("dispatchComplete"), this.releaseLendsIndex());
        case "deferLends":
          return c.deferLends();
        case "releaseLends":
          return c.releaseLends(f("dispatchRelease"));
        case "dispatchRelease":
          return c.dispatch("dispatchRelease", this.releases.map((t) => this.ctx.funcIndex(t)));
        case "dispatchThunk":
          return c.dispatch("dispatchThunk", this.thunks.map((t) => this.ctx.funcIndex(t)));
        case "dispatchComplete":
          return c.dispatch("dispatchComplete", this.completes.map((t) => this.ctx.funcIndex(t)));
        case "block":
          return c.block(f("suspend"));
        case "resumeThread": {
          const created = this.threadTables.length
            ? { dispatchThreadStart: f("dispatchThreadStart"), startRewind: f("startRewind") }
            : undefined;
          return c.resumeThread(
            {
              startRewind: f("startRewind"),
              dispatchResume: f("dispatchResume"),
              dispatchThunk: f("dispatchThunk"),
              dispatchCallbackStart: f("dispatchCallbackStart"),
              after: f("after"),
              lockOf: f("lockOf"),
              stopUnwind: f("stopUnwind"),
              deliver: f("deliver"),
            },
            created &&
              ((e, saved) =>
                c.resumeCreated(e, 0, { ...created, stopUnwind: f("stopUnwind") }, saved)),
          );
        }
        case "promoteHolder":
          return c.promoteHolder({
            resumeThread: f("resumeThread"),
            startThread: f("startThread"),
            setReady: f("setReady"),
          });
        case "dispatchThreadStart":
          return c.dispatchThreadStart(
            this.threadTables.map((table) => table()),
            this.ctx.typeIndex(THREAD_START_TYPE),
          );
        case "runCallback":
          return c.runCallback({
            dispatchThunk: f("dispatchThunk"),
            lockOf: f("lockOf"),
            stopUnwind: f("stopUnwind"),
          });
        case "lockAcquire":
          return c.lockAcquire({ block: f("block"), step: f("step") });
        case "lockOf":
          return c.lockOf(this.thunkOwners.map((o) => this.lockAddress(o)));
        case "dispatchCallbackStart":
          return c.dispatchCallbackStart(
            this.callbackStarts.map((s) => ({ index: this.ctx.funcIndex(s.target), type: s.type })),
          );
        case "startThread":
          return c.startThread({
            dispatchStart: f("dispatchStart"),
            dispatchCallbackStart: f("dispatchCallbackStart"),
            lockOf: f("lockOf"),
            after: f("after"),
            stopUnwind: f("stopUnwind"),
            deliver: f("deliver"),
          });
        case "resultArea":
          return c.resultArea();
        case "dispatchResume":
          return c.dispatchResume(this.finalThreadAdapters());
        case "dispatchStart":
          return c.dispatchStart(this.finalThreadAdapters());
        case "suspend":
        case "stopUnwind":
        case "startRewind":
          return c.placeholder(name);
      }
    }, SCHEDULER_TYPES[name]);
  }

  /** `releaseLends`' index once a call keeps borrows with its subtask (read at build time). */
  protected releaseLendsIndex(): number | undefined {
    return this.releases.length ? this.index("releaseLends") : undefined;
  }

  /**
   * An async call (`key` names it, `name` for the module) that keeps its borrows with its
   * subtask: registers its release, `(w)`, which ends them with the end-lend functions
   * `ends` gives (the k-th borrow's); returns its id and `deferLends`, which the call's adapter
   * gives them to.
   */
  keepLends(
    key: string,
    name: string,
    ends: () => number[],
  ): { id: number; deferLends: FuncTarget } {
    this.releases.push(this.ctx.generate(
      `release-lends\0${key}`,
      `async:release-lends:${name}`,
      () => this.code().releaseBody(ends()),
      { params: [I32], results: [] },
    ));
    return { id: this.releases.length, deferLends: this.shared("deferLends") };
  }

  /** The thread adapters at their final function indices, with their instances' locks. */
  private finalThreadAdapters(): ThreadAdapter[] {
    return this.threadAdapters.map((a) => ({
      index: this.ctx.funcIndex(a.target),
      type: a.type,
      ...(a.lock !== undefined ? { lock: a.lock } : {}),
    }));
  }

  /** The address of `owner`'s instance lock (`stacks.ts`), in the scheduler's memory. */
  lockAddress(owner: string): number {
    const site = this.site();
    let k = this.#lockIndex.get(owner);
    if (k === undefined) this.#lockIndex.set(owner, k = this.#lockIndex.size);
    if (k >= (site.locks ?? 0)) {
      throw new FuseError("internal", owner, "more instance locks than instances", "report a bug");
    }
    return site.base + locksBase(site) + GATE_BYTES * k;
  }

  protected index(name: keyof SchedulerFuncs): number {
    return this.ctx.funcIndex(this.shared(name));
  }

  /** `owner`'s handle functions for waitable sets / subtasks. */
  protected handleFn(owner: string, op: "new" | "rep" | "drop", type: number): FuncTarget {
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
}

/** A shared function's name in the module: catchers and placeholders by `stacks.ts`'s names. */
function sharedName(name: keyof SchedulerFuncs): string {
  if (name === "suspend" || name === "stopUnwind" || name === "startRewind") {
    return STACK_PLACEHOLDERS[name];
  }
  if (name === "resumeThread") return `${CATCH_PREFIX}resume`;
  if (name === "startThread") return `${CATCH_PREFIX}start-waiting`;
  if (name === "dispatchResume") return `${CATCH_PREFIX}dispatch-resume`;
  if (name === "dispatchStart") return `${CATCH_PREFIX}dispatch-start`;
  if (name === "runCallback") return `${CATCH_PREFIX}run-callback`;
  if (name === "dispatchCallbackStart") return `${CATCH_PREFIX}dispatch-callback-start`;
  if (name === "dispatchThreadStart") return `${CATCH_PREFIX}dispatch-thread-start`;
  if (name === "promoteHolder") return `${CATCH_PREFIX}promote-holder`;
  if (name === "lockOf") return "async:lock-of";
  if (name === "lockAcquire") return "async:lock-acquire";
  return `async:${name}`;
}
