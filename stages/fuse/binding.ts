/**
 * Binding a lowered import to a lifted export across two component
 * instances: the adapter function that lowers and lifts the values, and the
 * handle-table helpers it calls for `own` / `borrow` values.
 *
 * @module
 */
import type { FuncType, ValType } from "../../wasm/module/mod.ts";
import type { ComponentFunc, CoreItem, ResolvedOptions } from "./graph.ts";
import type { FuncSig } from "../../wasm/abi/mod.ts";
import { type CalleeCallback, generateAdapter, generateCompletion } from "./abi/adapter.ts";
import { flattenFuncType } from "../../wasm/abi/mod.ts";
import {
  copyHandle,
  endLend,
  type Generated,
  lendBorrow,
  type TableSite,
  transferOwn,
} from "./abi/handles.ts";
import { ERROR_CONTEXT_TYPE } from "./async/error_context.ts";
import { sameCoreType, showCore } from "./core_type_text.ts";
import { showFuncSig } from "./ctypes.ts";
import { FuseError } from "./errors.ts";
import type { TaskStateGlobals } from "./generated.ts";

/** `cabi_realloc`'s core type. */
export const REALLOC_TYPE: FuncType = { params: [0x7f, 0x7f, 0x7f, 0x7f], results: [0x7f] };

/** Where a core function of the fused module comes from, before indices are final. */
export type FuncTarget =
  | { kind: "defined"; inst: number; index: number }
  | { kind: "import"; index: number }
  | { kind: "generated"; index: number };

/** A lowered import bound to another instance's lifted export, waiting for its adapter. */
export interface PendingAdapter {
  sig: FuncSig;
  callerType: FuncType;
  lowered: CoreItem & { kind: "lowered" };
  lifted: ComponentFunc & { kind: "lifted" };
  /** For an async-lifted callee: its task state (task global positions, slot value types). */
  task?: TaskStateGlobals & { indirect: boolean; params?: ValType[] };
  /** For a callback-lifted callee: the scheduler functions its adapter calls (final indices). */
  callback?: () => CalleeCallback;
}

/** What building an adapter needs from the merge. */
export interface BindingContext {
  resources: { owner?: string }[];
  funcIndex(t: FuncTarget): number;
  generate(key: string, name: string, make: () => Generated, type: FuncType): FuncTarget;
  handleSite(owner: string): TableSite;
  memoryOf(item: CoreItem, user: string): number;
  typedOption(item: CoreItem, want: FuncType, option: string, user: string): FuncTarget;
  resolveFunc(item: CoreItem, expected: FuncType | undefined, user: string): FuncTarget;
  checkLiftedType(
    target: FuncTarget,
    sig: FuncSig,
    f: { owner: string; options?: ResolvedOptions },
  ): void;
  /** Index of the first task global (final once the layout is). */
  taskGlobalBase(): number;
  /** For a stream / future end (by handle tag): `move` behind the end's transfer checks. */
  endTransferCheck?(owner: string, tag: number, move: FuncTarget): FuncTarget | undefined;
}

/**
 * Builds adapters once every index is final.
 *
 * @example
 * ```ts
 * import { AdapterBuilder } from "./binding.ts";
 * // const body = new AdapterBuilder(context).build(pending);
 * ```
 */
export class AdapterBuilder {
  constructor(private readonly ctx: BindingContext) {}

  private side(o: ResolvedOptions, user: string) {
    return {
      memory: o.memory ? this.ctx.memoryOf(o.memory, user) : 0,
      realloc: o.realloc
        ? this.ctx.funcIndex(this.ctx.typedOption(o.realloc, REALLOC_TYPE, "realloc", user))
        : undefined,
      encoding: o.encoding,
    };
  }

  /**
   * The completion of an async call into a callback-lifted callee: lowers
   * its results at the caller's retptr once its task returns.
   */
  buildCompletion(a: PendingAdapter): Generated {
    const out = generateCompletion({
      sig: a.sig,
      caller: this.side(a.lowered.options, a.lowered.owner),
      callee: { ...this.side(a.lifted.options, a.lifted.owner), func: 0 },
      where: `${a.lowered.owner} → ${a.lifted.owner}`,
      handles: {
        down: this.handleConverter(a.lowered.owner, a.lifted.owner),
        up: this.handleConverter(a.lifted.owner, a.lowered.owner),
        release: this.lendReleaser(a.lowered.owner, a.lifted.owner),
      },
      calleeTask: this.finalTask(a.task!),
    });
    return { type: out.type, body: out.body, name: "" };
  }

  /** Builds the adapter for a lowered import bound to a lifted export. */
  build(a: PendingAdapter): Generated {
    const caller = this.side(a.lowered.options, a.lowered.owner);
    const calleeSide = this.side(a.lifted.options, a.lifted.owner);
    const liftedTarget = this.ctx.resolveFunc(a.lifted.core, undefined, a.lifted.owner);
    this.ctx.checkLiftedType(liftedTarget, a.sig, a.lifted);
    const callee = {
      ...calleeSide,
      func: this.ctx.funcIndex(liftedTarget),
      postReturn: a.lifted.options.postReturn
        ? this.ctx.funcIndex(
          this.ctx.typedOption(
            a.lifted.options.postReturn,
            {
              params: flattenFuncType(a.sig, "lift").results,
              results: [],
            },
            "post-return",
            a.lifted.owner,
          ),
        )
        : undefined,
    };
    const out = generateAdapter({
      sig: a.sig,
      caller,
      callee,
      where: `${a.lowered.owner} → ${a.lifted.owner}`,
      handles: {
        down: this.handleConverter(a.lowered.owner, a.lifted.owner),
        up: this.handleConverter(a.lifted.owner, a.lowered.owner),
        release: this.lendReleaser(a.lowered.owner, a.lifted.owner),
      },
      ...(a.lowered.options.async ? { callerAsync: true } : {}),
      ...(a.task ? { calleeTask: this.finalTask(a.task) } : {}),
      ...(a.callback ? { calleeCallback: a.callback() } : {}),
    });
    if (!sameCoreType(out.type, a.callerType)) {
      throw new FuseError(
        "adapter-type",
        a.lowered.owner,
        `lowered ${showFuncSig(a.sig)} has core type ${
          showCore(out.type)
        } but the importing module expects ${showCore(a.callerType)}`,
        "the component does not validate",
      );
    }
    return { type: out.type, body: out.body, name: "" };
  }

  /** A task's state globals at their final indices. */
  private finalTask(t: TaskStateGlobals & { indirect: boolean; params?: ValType[] }) {
    const base = this.ctx.taskGlobalBase();
    return {
      state: base + t.state,
      type: base + t.type,
      typeId: t.typeId,
      slots: t.slots.map((s) => base + s),
      indirect: t.indirect,
      ...(t.params ? { slotTypes: t.params } : {}),
    };
  }

  /** The end-lend function (final index) of a borrow of `resource` lent across `a`. */
  endLendIndex(a: PendingAdapter, resource: number): number {
    return this.lendReleaser(a.lowered.owner, a.lifted.owner)(resource);
  }

  /** The function ending a borrow lent from `fromOwner` to `toOwner` for one call. */
  private lendReleaser(fromOwner: string, toOwner: string) {
    return (resource: number): number => {
      const r = this.ctx.resources[resource];
      const from = this.ctx.handleSite(fromOwner);
      const to = r?.owner === toOwner ? "rep" as const : this.ctx.handleSite(toOwner);
      return this.ctx.funcIndex(
        this.ctx.generate(
          `end-lend\0${fromOwner}\0${toOwner}\0${resource}`,
          `end-lend#${resource + 1}`,
          () => endLend(from, to, resource + 1),
          { params: [0x7f, 0x7f, 0x7f], results: [] },
        ),
      );
    };
  }

  /** Handle conversions for adapters: own / borrow values moving from one table to another. */
  private handleConverter(fromOwner: string, toOwner: string) {
    return (kind: "own" | "borrow", resource: number): number => {
      const r = this.ctx.resources[resource];
      const from = this.ctx.handleSite(fromOwner);
      const type = resource + 1;
      if (kind === "own" && type === ERROR_CONTEXT_TYPE) {
        const to = this.ctx.handleSite(toOwner);
        return this.ctx.funcIndex(this.ctx.generate(
          `error-context\0${fromOwner}\0${toOwner}`,
          `error-context-copy`,
          () => copyHandle(from, to, type),
          { params: [0x7f], results: [0x7f] },
        ));
      }
      if (kind === "own") {
        const to = this.ctx.handleSite(toOwner);
        const move = this.ctx.generate(
          `own\0${fromOwner}\0${toOwner}\0${type}`,
          `own-transfer#${type}`,
          () => transferOwn(from, to, type),
          { params: [0x7f], results: [0x7f] },
        );
        // A stream or future end may move only while idle and outside any waitable set.
        const end = this.ctx.endTransferCheck?.(fromOwner, type, move);
        return this.ctx.funcIndex(end ?? move);
      }
      const toImpl = r?.owner === toOwner;
      const to = toImpl ? "rep" as const : this.ctx.handleSite(toOwner);
      return this.ctx.funcIndex(
        this.ctx.generate(
          `borrow\0${fromOwner}\0${toOwner}\0${type}`,
          `borrow-lend#${type}`,
          () => lendBorrow(from, to, type),
          { params: [0x7f], results: [0x7f] },
        ),
      );
    };
  }
}
