/**
 * Streams and futures in the in-module scheduler (CanonicalABI.md,
 * `stream_copy` / `future_copy`): each end is a waitable; a read or write
 * that finds its partner's copy pending completes at once (copying as many
 * elements as both buffers allow and notifying the partner), else it stays
 * pending — `BLOCKED` for an async caller, a wait in the scheduler for a
 * sync one. Plain elements (numbers and records of them) are copied as
 * bytes, between memories when the ends' components have their own; an
 * element that holds strings, lists or own handles is translated one by one
 * (`end_binder.ts`: the reader's realloc, the handle moved between tables).
 * A copy that moved part of a buffer notifies its owner and keeps the buffer
 * pending until the event is taken (the spec's `on_copy`).
 *
 * End state (the waitable's copy fields): `state` 0 idle, 1 copying, 2 done;
 * `flags` 1 writable end, 2 future, 4 the partner was dropped.
 *
 * @module
 */
import { Emitter } from "../abi/emitter.ts";
import type { Generated, TableSite } from "../abi/handles.ts";
import { HANDLE_HEADER, HANDLE_SLOT } from "../abi/handles.ts";
import { I32, I64 } from "../../../wasm/abi/mod.ts";
import { SchedulerCode, W } from "./scheduler.ts";

/** Handle-table tags of the four end kinds. */
export const END_TYPES = {
  streamReadable: 0xfff2,
  streamWritable: 0xfff3,
  futureReadable: 0xfff4,
  futureWritable: 0xfff5,
} as const;

/** `BLOCKED`: an async read / write / cancel that has not finished. */
const BLOCKED = -1;
const COMPLETED = 0, DROPPED = 1, CANCELLED = 2;
const WRITER = 1, FUTURE = 2, PARTNER_DROPPED = 4;

/** What one stream / future built-in is about. */
export interface EndOp {
  future: boolean;
  /** Bytes per element (0 for `stream` / `future` without a type). */
  elemSize: number;
  /** Identifies the element type: a read or write of another type traps. */
  typeId: number;
  /** The memory buffers live in. */
  memory: number;
  /** Omitted `async`: the call waits for the copy in the scheduler. */
  sync: boolean;
}

/**
 * How a copy moves elements that hold pointers or handles: `side` is this
 * op's side; `move` emits the per-element translation, given locals holding
 * the partner's side, the source and destination addresses and the count.
 */
export interface DeepMove {
  side: number;
  move(e: Emitter, at: { side: number; src: number; dst: number; count: number }): void;
}

/**
 * The stream and future built-ins over the scheduler's waitables.
 *
 * @example
 * ```ts
 * import { StreamCode } from "./streams.ts";
 * const code = new StreamCode({ memory: 0, base: 4096, tasks: 16, waitables: 32 });
 * console.log(code.runUntilEvent(1).type); // { params: [127], results: [] }
 * ```
 */
export class StreamCode extends SchedulerCode {
  /** `notify(end, result)`: the end's pending copy finished with `result`: its event. */
  notify(): Generated {
    const e = new Emitter([I32, I32]);
    const code = e.local(I32);
    // STREAM_READ 2, STREAM_WRITE 3, FUTURE_READ 4, FUTURE_WRITE 5.
    this.loadW(e, 0, W.flags).i32Const(WRITER).op(0x71).i32Const(2).op(0x6a);
    this.loadW(e, 0, W.flags).i32Const(FUTURE).op(0x71).op(0x6a).localSet(code);
    this.storeW(e, 0, W.event, (e) => e.localGet(code));
    this.storeW(e, 0, W.p1, (e) => e.localGet(0));
    // A stream's result carries how many elements moved; a future's never does.
    this.storeW(e, 0, W.p2, (e) => {
      e.localGet(1).i32Const(0);
      this.loadW(e, 0, W.progress).i32Const(4).op(0x74);
      this.loadW(e, 0, W.flags).i32Const(FUTURE).op(0x71).op(0x1b).op(0x72); // future ? 0 : n << 4
    });
    // A future is done after its one copy; any end is done once its partner dropped.
    this.storeW(e, 0, W.state, (e) => {
      this.loadW(e, 0, W.flags).i32Const(FUTURE).op(0x71).localGet(1).i32Const(DROPPED).op(0x46)
        .op(0x72).ifTyped(I32).i32Const(2).else().i32Const(0).end();
    });
    return this.gen({ params: [I32, I32], results: [] }, e, "async:end-notify");
  }

  /**
   * `copy(end, ptr, n) -> packed | BLOCKED`: one read or write (the end's
   * flags say which) rendezvousing with the partner end.
   */
  copy(memory: number, memories: number, notify: number, deep?: DeepMove): Generated {
    const e = new Emitter([I32, I32, I32]);
    const [w, ptr, n] = [0, 1, 2];
    const p = e.local(I32), k = e.local(I32), es = e.local(I32), at = e.local(I32);
    this.loadW(e, w, W.state).if().unreachable().end(); // a copy is already pending, or done
    this.loadW(e, w, W.flags).i32Const(PARTNER_DROPPED).op(0x71).if();
    this.storeW(e, w, W.state, (e) => e.i32Const(2));
    e.i32Const(DROPPED).op(0x0f).end();
    this.loadW(e, w, W.task).localSet(p);
    this.loadW(e, w, W.elemSize).localSet(es);
    this.loadW(e, p, W.state).i32Const(1).op(0x46).if(); // the partner's copy is pending
    this.loadW(e, p, W.remaining).if();
    e.localGet(n).if();
    // k = min(n, partner's remaining); copy k elements between the two buffers.
    e.localGet(n);
    this.loadW(e, p, W.remaining);
    e.localGet(n);
    this.loadW(e, p, W.remaining).op(0x49).op(0x1b).localSet(k); // select(n, rem, n < rem)
    this.loadW(e, p, W.ptr);
    this.loadW(e, p, W.progress).localGet(es).op(0x6c).op(0x6a).localSet(at);
    // The partner's buffer may be in another memory (multi strategy): one copy per pairing.
    const bytes = e.local(I32), dst = e.local(I32), src = e.local(I32), writer = e.local(I32);
    this.loadW(e, w, W.flags).i32Const(WRITER).op(0x71).localSet(writer);
    e.localGet(at).localGet(ptr).localGet(writer).op(0x1b).localSet(dst); // writer ? at : ptr
    e.localGet(ptr).localGet(at).localGet(writer).op(0x1b).localSet(src);
    e.localGet(k).localGet(es).op(0x6c).localTee(bytes);
    // Elements of no type are zero bytes: nothing to copy (and the pointers may be anything).
    e.if();
    if (deep) {
      // Elements that hold pointers or handles: each is translated, by the partner's side.
      const side = e.local(I32);
      this.loadW(e, p, W.memory).i32Const(8).op(0x76).localSet(side); // i32.shr_u
      deep.move(e, { side, src, dst, count: k });
    } else {
      for (let pm = 0; pm < memories; pm++) {
        this.loadW(e, p, W.memory).i32Const(pm).op(0x46).if();
        // A writer copies into the partner's memory, a reader out of it.
        e.localGet(writer).if().localGet(dst).localGet(src).localGet(bytes).memoryCopy(pm, memory);
        e.else().localGet(dst).localGet(src).localGet(bytes).memoryCopy(memory, pm).end();
        e.end();
      }
    }
    e.end();
    this.storeW(e, p, W.progress, (e) => this.loadW(e, p, W.progress).localGet(k).op(0x6a));
    this.storeW(e, p, W.remaining, (e) => this.loadW(e, p, W.remaining).localGet(k).op(0x6b));
    e.localGet(p).i32Const(COMPLETED).call(notify);
    // A stream's buffer that elements moved into or out of stays pending until its owner takes
    // the event (the spec's on_copy): more may still move, or the partner's drop follow.
    this.loadW(e, p, W.flags).i32Const(FUTURE).op(0x71).op(0x45).if();
    this.storeW(e, p, W.state, (e) => e.i32Const(1));
    e.end();
    this.loadW(e, w, W.flags).i32Const(FUTURE).op(0x71).if();
    this.storeW(e, w, W.state, (e) => e.i32Const(2));
    e.i32Const(COMPLETED).op(0x0f);
    e.end();
    e.localGet(k).i32Const(4).op(0x74).op(0x0f);
    e.end();
    // A zero-length copy against a pending buffer completes at once, moving nothing.
    e.i32Const(COMPLETED).op(0x0f);
    e.end();
    // The partner's buffer is zero-length: a zero-length write completes (the read stays).
    this.loadW(e, w, W.flags).i32Const(WRITER).op(0x71).localGet(n).op(0x45).op(0x71).if();
    e.i32Const(COMPLETED).op(0x0f).end();
    e.localGet(p).i32Const(COMPLETED).call(notify);
    e.end();
    // Nothing to meet: this copy waits for the partner.
    this.storeW(e, w, W.ptr, (e) => e.localGet(ptr));
    // A deep copy's side (who waits, with which memory and realloc) rides above the memory.
    this.storeW(e, w, W.memory, (e) => e.i32Const(memory | ((deep?.side ?? 0) << 8)));
    this.storeW(e, w, W.remaining, (e) => e.localGet(n));
    this.storeW(e, w, W.progress, (e) => e.i32Const(0));
    this.storeW(e, w, W.event, (e) => e.i32Const(0));
    this.storeW(e, w, W.state, (e) => e.i32Const(1));
    e.i32Const(BLOCKED);
    return this.gen({ params: [I32, I32, I32], results: [I32] }, e, "async:end-copy");
  }

  /** `runUntilEvent(end)`: a sync copy waits for its end's event (a thread suspends meanwhile). */
  runUntilEvent(step: number, block?: number): Generated {
    const e = new Emitter([I32]);
    const n = e.local(I32);
    e.block().loop();
    this.loadW(e, 0, W.event).brIf(1);
    this.blockThread(e, block, 6, 0);
    e.call(step).op(0x45).if().unreachable().end(); // deadlock: nothing can run
    this.livelock(e, n);
    e.br(0).end().end();
    return this.gen({ params: [I32], results: [] }, e, "async:run-until-event");
  }

  /** Takes `end`'s pending event: its packed result; a partly copied buffer is given back. */
  private takeEvent(e: Emitter, w: number): void {
    this.loadW(e, w, W.p2);
    this.storeW(e, w, W.event, (e) => e.i32Const(0));
    this.reclaimBuffer(e, w);
  }

  /** Checks the end's element type (a stream of another type traps). */
  private checkType(e: Emitter, w: number, op: EndOp): void {
    this.loadW(e, w, W.typeId).i32Const(op.typeId).op(0x47).if().unreachable().end();
  }

  /** `{stream,future}.new`: both ends in the owner's table, `readable | writable << 32`. */
  endsNew(op: EndOp, waitableNew: number, newReadable: number, newWritable: number): Generated {
    const e = new Emitter([]);
    const r = e.local(I32), w = e.local(I32);
    e.i32Const(3).i32Const(0).call(waitableNew).localSet(r);
    e.i32Const(3).i32Const(0).call(waitableNew).localSet(w);
    for (const [end, partner, flags] of [[r, w, 0], [w, r, WRITER]]) {
      this.storeW(e, end, W.task, (e) => e.localGet(partner));
      this.storeW(e, end, W.flags, (e) => e.i32Const(flags | (op.future ? FUTURE : 0)));
      this.storeW(e, end, W.elemSize, (e) => e.i32Const(op.elemSize));
      this.storeW(e, end, W.typeId, (e) => e.i32Const(op.typeId));
    }
    e.localGet(r).call(newReadable).op(0xad); // i64.extend_i32_u
    e.localGet(w).call(newWritable).op(0xad).i64Const(32).op(0x86).op(0x84); // shl, or
    return this.gen({ params: [], results: [I64] }, e, op.future ? "future.new" : "stream.new");
  }

  /**
   * `{stream,future}.{read,write}`: the handle's end copies; a sync call
   * waits for the event and returns its result.
   */
  endCopy(
    op: EndOp,
    rep: number,
    funcs: { copy: number; runUntilEvent: number },
  ): Generated {
    const params = op.future ? [I32, I32] : [I32, I32, I32];
    const e = new Emitter(params);
    const w = e.local(I32), r = e.local(I32);
    e.localGet(0).call(rep).localSet(w);
    this.checkType(e, w, op);
    if (op.sync) this.loadW(e, w, W.joined).if().unreachable().end(); // sync while in a set
    e.localGet(w).localGet(1);
    if (op.future) e.i32Const(1);
    else e.localGet(2);
    e.call(funcs.copy).localTee(r).i32Const(BLOCKED).op(0x46);
    if (op.sync) {
      e.if().localGet(w).call(funcs.runUntilEvent);
      this.takeEvent(e, w);
      e.localSet(r).end();
    } else e.drop();
    e.localGet(r);
    return this.gen({ params, results: [I32] }, e, "end.copy");
  }

  /**
   * `{stream,future}.cancel-{read,write}`: CANCELLED unless the copy already
   * finished. A buffer the partner filled only in part is still pending: its
   * cancel is CANCELLED with what was copied (the reference tests'
   * `cancel-stream` and `big-interleaving-test`), where a DROPPED stays.
   */
  endCancel(rep: number): Generated {
    const e = new Emitter([I32]);
    const w = e.local(I32), partial = e.local(I32), r = e.local(I32);
    e.localGet(0).call(rep).localSet(w);
    this.loadW(e, w, W.event).if();
    this.loadW(e, w, W.state).i32Const(1).op(0x46).localSet(partial);
    this.takeEvent(e, w);
    e.localTee(r).i32Const(0xf).op(0x71).i32Const(COMPLETED).op(0x46).localGet(partial).op(0x71)
      .if().localGet(r).i32Const(CANCELLED).op(0x72).localSet(r).end();
    e.localGet(r).op(0x0f).end();
    this.loadW(e, w, W.state).i32Const(1).op(0x47).if().unreachable().end(); // nothing pending
    this.storeW(e, w, W.state, (e) => e.i32Const(0));
    e.i32Const(CANCELLED).i32Const(0);
    this.loadW(e, w, W.progress).i32Const(4).op(0x74);
    this.loadW(e, w, W.flags).i32Const(FUTURE).op(0x71).op(0x1b).op(0x72);
    return this.gen({ params: [I32], results: [I32] }, e, "end.cancel");
  }

  /** `{stream,future}.drop-*`: the partner learns (DROPPED); a pending copy traps. */
  endDrop(rep: number, dropHandle: number, notify: number): Generated {
    const e = new Emitter([I32]);
    const w = e.local(I32), p = e.local(I32);
    e.localGet(0).call(rep).localSet(w);
    this.loadW(e, w, W.state).i32Const(1).op(0x46).if().unreachable().end(); // copy pending
    // A future's writable end must write its value (or see the reader gone) before it drops.
    this.loadW(e, w, W.flags).i32Const(WRITER | FUTURE).op(0x71).i32Const(WRITER | FUTURE)
      .op(0x46);
    this.loadW(e, w, W.state).i32Const(2).op(0x47).op(0x71).if().unreachable().end();
    this.loadW(e, w, W.flags).i32Const(PARTNER_DROPPED).op(0x71).op(0x45).if();
    this.loadW(e, w, W.task).localSet(p);
    this.storeW(e, p, W.flags, (e) => this.loadW(e, p, W.flags).i32Const(PARTNER_DROPPED).op(0x72));
    this.loadW(e, p, W.state).i32Const(1).op(0x46).if();
    e.localGet(p).i32Const(DROPPED).call(notify);
    e.end();
    e.end();
    this.storeW(e, w, W.kind, (e) => e.i32Const(0));
    e.localGet(0).call(dropHandle);
    return this.gen({ params: [I32], results: [] }, e, "end.drop");
  }

  /**
   * A stream or future end lifted to move to another instance: traps while
   * a copy is pending, once it is done, or while it is in a waitable set;
   * then `move` transfers the handle.
   */
  endLift(rep: number, move?: number): Generated {
    const e = new Emitter([I32]);
    const w = e.local(I32);
    e.localGet(0).call(rep).localSet(w);
    this.loadW(e, w, W.state).if().unreachable().end(); // busy, or done
    this.loadW(e, w, W.joined).if().unreachable().end(); // in a waitable set
    e.localGet(0);
    if (move !== undefined) e.call(move);
    return this.gen({ params: [I32], results: [I32] }, e, "end.lift");
  }

  /**
   * `waitableRep(site)`: a handle of the owner's table that is any waitable
   * (subtask, stream or future end) → its waitable id; anything else traps.
   */
  anyWaitableRep(site: TableSite, tags: number[]): Generated {
    const e = new Emitter([I32]);
    const slot = e.local(I32), tag = e.local(I32);
    const m = site.memory;
    e.localGet(0).op(0x45);
    e.localGet(0).i32Const(0).load(I32, 4, false, m, site.base).op(0x4f).op(0x72);
    e.if().unreachable().end(); // unknown handle index
    e.localGet(0).i32Const(1).op(0x6b).i32Const(HANDLE_SLOT).op(0x6c)
      .i32Const(site.base + HANDLE_HEADER).op(0x6a).localSet(slot);
    e.localGet(slot).load(I32, 4, false, m, 4).localTee(tag).i32Const(1).op(0x71).op(0x45);
    e.if().unreachable().end(); // not live
    e.localGet(tag).i32Const(8).op(0x76).localSet(tag);
    e.block();
    for (const t of tags) e.localGet(tag).i32Const(t).op(0x46).brIf(0);
    e.unreachable().end(); // not a waitable
    e.localGet(slot).load(I32, 4, false, m, 0);
    return this.gen({ params: [I32], results: [I32] }, e, "waitable-rep");
  }

  /**
   * `endHandle(id) -> handle`: the owner's handle of waitable `id` (an
   * event names the end by its handle in the receiving instance's table).
   */
  endHandle(site: TableSite, tags: number[]): Generated {
    const e = new Emitter([I32]);
    const h = e.local(I32), slot = e.local(I32), tag = e.local(I32);
    const m = site.memory;
    e.block().loop();
    e.localGet(h).i32Const(1).op(0x6a).localTee(h);
    e.i32Const(0).load(I32, 4, false, m, site.base).op(0x4f).if().i32Const(0).op(0x0f).end();
    e.localGet(h).i32Const(1).op(0x6b).i32Const(HANDLE_SLOT).op(0x6c)
      .i32Const(site.base + HANDLE_HEADER).op(0x6a).localSet(slot);
    e.localGet(slot).load(I32, 4, false, m, 0).localGet(0).op(0x47).brIf(0);
    e.localGet(slot).load(I32, 4, false, m, 4).localTee(tag).i32Const(1).op(0x71).op(0x45).brIf(0);
    e.localGet(tag).i32Const(8).op(0x76).localSet(tag);
    for (const t of tags) e.localGet(tag).i32Const(t).op(0x46).brIf(1);
    e.br(0).end().end();
    e.localGet(h);
    return this.gen({ params: [I32], results: [I32] }, e, "end-handle");
  }
}
