/**
 * Stream and future ends in the fused module: the end built-ins
 * (`stream.new`, read / write, cancel, drop, and the future's), the copy
 * and notify functions they share, and the checks on an end moved to another
 * instance or the host.
 *
 * @module
 */
import { elemSize, I32, needsDeepCopy } from "../../../wasm/abi/mod.ts";
import type { FuncTarget } from "../binding.ts";
import type { EndBuiltin } from "../scope.ts";
import type { CType } from "../../../wasm/abi/mod.ts";
import { END_TYPES, type EndOp, StreamCode } from "./streams.ts";
import { FuseError } from "../errors.ts";
import { SUBTASK_TYPE } from "./scheduler.ts";

import { SchedulerBinder } from "./binder_core.ts";
import type { Emitter } from "../abi/emitter.ts";
import { Translator } from "../abi/translator.ts";
import type { AdapterSide } from "../abi/adapter_types.ts";
import { transferOwn } from "../abi/handles.ts";

/** One side of a deep copy: the component, its memory, and a read's realloc and encoding. */
interface DeepSide {
  owner: string;
  memory: () => number;
  realloc?: FuncTarget;
  encoding: AdapterSide["encoding"];
}

/**
 * The stream and future side of the scheduler binder.
 *
 * @example
 * ```ts
 * import { EndBinder } from "./end_binder.ts";
 * // const read = new EndBinder(mergeContext).endBuiltin("stream.read", "app", end);
 * ```
 */
export class EndBinder extends SchedulerBinder {
  protected readonly endTypeIds = new Map<string, number>();

  protected streamCode(): StreamCode {
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
  protected anyWaitableRep(owner: string): FuncTarget {
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

  protected endShared(name: "notify" | "runUntilEvent"): FuncTarget {
    const type = name === "notify"
      ? { params: [I32, I32], results: [] }
      : { params: [I32], results: [] };
    const step = name === "runUntilEvent" ? this.shared("step") : undefined;
    const block = name === "runUntilEvent" && this.threads ? this.shared("block") : undefined;
    return this.ctx.generate(
      `async\0${name}`,
      `async:${name}`,
      () =>
        name === "notify" ? this.streamCode().notify() : this.streamCode().runUntilEvent(
          this.ctx.funcIndex(step!),
          block && this.ctx.funcIndex(block),
        ),
      type,
    );
  }

  protected endCopyFn(memory: () => number, memories: () => number, key: string): FuncTarget {
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
   * type (`null`: none), `sync` whether the call waits.
   */
  endBuiltin(
    op: EndBuiltin,
    owner: string,
    end: {
      elem: CType | null;
      sync: boolean;
      memory?: () => number;
      memories: () => number;
      /** A read's realloc: where the strings and lists of its elements are copied to. */
      realloc?: FuncTarget;
      encoding?: AdapterSide["encoding"];
    },
  ): FuncTarget {
    const future = op.startsWith("future.");
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
        const deep = end.elem && needsDeepCopy(end.elem)
          ? this.deepCopyFn(end.elem, typeId!, writable, {
            owner,
            memory,
            realloc: end.realloc,
            encoding: end.encoding ?? "utf8",
          })
          : undefined;
        const deps = [
          this.handleFn(owner, "rep", tag),
          deep ?? this.endCopyFn(memory, end.memories, `${typeId}\0${owner}\0${op}`),
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

  /** The sides of each element type's deep-copying reads and of its writes, by type id. */
  protected readonly deepSides = new Map<number, { read: DeepSide[]; write: DeepSide[] }>();

  /**
   * The copy of an op whose elements hold pointers or handles: this side is
   * registered, and the copy translates each element against whichever
   * registered side the partner turns out to be (known once all are bound).
   */
  protected deepCopyFn(elem: CType, typeId: number, writer: boolean, self: DeepSide): FuncTarget {
    const both = this.deepSides.get(typeId) ?? { read: [], write: [] };
    this.deepSides.set(typeId, both);
    // A writer meets only readers, and a reader only writers: the partner's side indexes those.
    const [sides, partners] = writer ? [both.write, both.read] : [both.read, both.write];
    let index = sides.findIndex((d) =>
      d.owner === self.owner && d.realloc === self.realloc && d.encoding === self.encoding
    );
    if (index < 0) index = sides.push(self) - 1;
    const notify = this.endShared("notify");
    return this.ctx.generate(
      `async\0end-copy-deep\0${typeId}\0${index}\0${writer}`,
      `async:end-copy-deep`,
      () =>
        this.streamCode().copy(self.memory(), 1, this.ctx.funcIndex(notify), {
          side: index,
          move: (e, at) => this.deepMove(e, at, elem, partners, self, writer),
        }),
      { params: [I32, I32, I32], results: [I32] },
    );
  }

  /** Translates `count` elements between this side and the partner's, dispatched on its side. */
  private deepMove(
    e: Emitter,
    at: { side: number; src: number; dst: number; count: number },
    elem: CType,
    sides: DeepSide[],
    self: DeepSide,
    writer: boolean,
  ): void {
    const size = elemSize(elem);
    const i = e.local(I32), sa = e.local(I32), da = e.local(I32);
    sides.forEach((partner, j) => {
      const [from, to] = writer ? [self, partner] : [partner, self];
      const translator = new Translator(
        e,
        { memory: from.memory(), encoding: from.encoding },
        {
          memory: to.memory(),
          encoding: to.encoding,
          ...(to.realloc ? { realloc: this.ctx.funcIndex(to.realloc) } : {}),
        },
        `${from.owner} → ${to.owner} (a stream or future element)`,
        (kind, resource) => this.ownMove(kind, resource, from.owner, to.owner),
      );
      e.localGet(at.side).i32Const(j).op(0x46).if();
      e.i32Const(0).localSet(i);
      e.block().loop();
      e.localGet(i).localGet(at.count).op(0x4f).brIf(1); // i >= count → done
      e.localGet(at.src).localGet(i).i32Const(size).op(0x6c).op(0x6a).localSet(sa);
      e.localGet(at.dst).localGet(i).i32Const(size).op(0x6c).op(0x6a).localSet(da);
      translator.memory(elem, sa, 0, da, 0);
      e.localGet(i).i32Const(1).op(0x6a).localSet(i);
      e.br(0).end().end();
      e.end();
    });
  }

  /** An own handle in an element, moved from `from`'s table to `to`'s. */
  private ownMove(kind: "own" | "borrow", resource: number, from: string, to: string): number {
    if (kind === "borrow") {
      throw new FuseError(
        "unsupported-builtin",
        `${from} → ${to}`,
        "a stream or future element holds a borrow, which the Component Model forbids",
        "the component does not validate: rebuild it",
      );
    }
    const type = resource + 1;
    const fromSite = this.ctx.handleSite(from), toSite = this.ctx.handleSite(to);
    return this.ctx.funcIndex(this.ctx.generate(
      `own\0${from}\0${to}\0${type}`,
      `own-transfer#${type}`,
      () => transferOwn(fromSite, toSite, type),
      { params: [I32], results: [I32] },
    ));
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
}
