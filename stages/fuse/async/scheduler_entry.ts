/**
 * The host's entry into a callback-lifted root export, over the scheduler's
 * records ({@linkcode SchedulerCode}).
 *
 * @module
 */
import type { FuncType, ValType } from "../../../wasm/module/mod.ts";
import { Emitter, valueBytes } from "../abi/emitter.ts";
import type { Generated } from "../abi/handles.ts";
import { I32 } from "../../../wasm/abi/mod.ts";
import { BuiltinCode } from "./scheduler_builtins.ts";
import { DRAIN_STEPS, RETURN_AREA, type SchedulerFuncs } from "./scheduler_records.ts";

/**
 * The code of the host entries.
 *
 * @example
 * ```ts
 * import { EntryCode } from "./scheduler_entry.ts";
 * const code = new EntryCode({ memory: 0, base: 4096, tasks: 4, waitables: 8 });
 * const f = code.hostEntry({ params: [], start: 1, thunk: 1, typeId: 0, slots: [],
 *   indirect: false, funcs: { taskNew: 2, after: 3, runUntilReturned: 4, step: 5 } });
 * console.log(f.type); // { params: [], results: [] }
 * ```
 */
export class EntryCode extends BuiltinCode {
  /**
   * A host entry into a callback-lifted export: starts the task, runs the
   * scheduler until it returned, runs what is still ready, and returns the
   * results the sync way — one flat value, or a pointer to the return area.
   */
  hostEntry(o: {
    params: FuncType["params"];
    start: number;
    thunk: number;
    typeId: number;
    slots: { global: number; type: ValType }[];
    indirect: boolean;
    funcs: Pick<SchedulerFuncs, "taskNew" | "after" | "runUntilReturned" | "step">;
    /** Where the flat results go for the host (the export's own memory); default: the scheduler's. */
    returnArea?: { memory: number; base: number };
  }): Generated {
    const e = new Emitter(o.params);
    const t = e.local(I32), code = e.local(I32);
    e.i32Const(o.thunk).i32Const(0).i32Const(o.typeId).i32Const(0).call(o.funcs.taskNew)
      .localTee(t);
    e.forwardParams().call(o.start).localSet(code);
    e.localGet(t).localGet(code).call(o.funcs.after);
    e.localGet(t).call(o.funcs.runUntilReturned);
    // Tasks still ready (a task that returned and goes on) run before control goes back.
    this.drain(e, o.funcs.step);
    const results = this.returnSlots(e, o);
    return this.gen({ params: o.params, results }, e, "async:host-entry");
  }

  /**
   * The host's entry into a root export lifted `async` with no callback (a
   * stackful task, run on the host's stack): marks the instance's task
   * started, calls `core`, traps unless it called `task.return`, and returns
   * the results the sync way, as {@linkcode hostEntry} does. A wait inside
   * runs other tasks on the host's stack.
   */
  stackfulHostEntry(o: {
    params: FuncType["params"];
    core: number;
    state: number;
    type: number;
    typeId: number;
    slots: { global: number; type: ValType }[];
    indirect: boolean;
    returnArea?: { memory: number; base: number };
  }): Generated {
    const e = new Emitter(o.params);
    // The instance is inside a task already: a sync entry may not re-enter it.
    e.globalGet(o.state).if().unreachable().end();
    e.i32Const(1).globalSet(o.state).i32Const(o.typeId).globalSet(o.type);
    e.forwardParams().call(o.core);
    e.globalGet(o.state).i32Const(2).op(0x47).if().unreachable().end(); // returned no value
    e.i32Const(0).globalSet(o.state);
    const results = this.returnSlots(e, o);
    return this.gen({ params: o.params, results }, e, "async:stackful-host-entry");
  }

  /**
   * Pushes a task's results (the slot globals `task.return` filled) the way
   * a sync lift returns them: one flat value, or a pointer to the return
   * area they are stored in. Returns the result types.
   */
  private returnSlots(e: Emitter, o: {
    slots: { global: number; type: ValType }[];
    indirect: boolean;
    returnArea?: { memory: number; base: number };
  }): FuncType["results"] {
    const results: FuncType["results"] = [];
    if (!o.indirect && o.slots.length <= 1) {
      for (const s of o.slots) {
        e.globalGet(s.global);
        results.push(s.type);
      }
    } else if (o.indirect) {
      e.globalGet(o.slots[0].global);
      results.push(I32);
    } else {
      const area = o.returnArea ?? { memory: this.m, base: this.site.base + RETURN_AREA };
      let off = 0;
      for (const s of o.slots) {
        const width = valueBytes(s.type);
        off = Math.ceil(off / width) * width;
        e.i32Const(0).globalGet(s.global).storeValue(s.type, area.memory, area.base + off);
        off += width;
      }
      e.i32Const(area.base);
      results.push(I32);
    }
    return results;
  }

  /**
   * Before the host's call returns: runs the tasks still ready (one that
   * returned and goes on), at most {@linkcode DRAIN_STEPS} per task record,
   * since a task may yield forever.
   */
  private drain(e: Emitter, step: number): void {
    const n = e.local(I32);
    e.block().loop();
    e.localGet(n).i32Const(DRAIN_STEPS * this.site.tasks).op(0x4f).brIf(1);
    e.localGet(n).i32Const(1).op(0x6a).localSet(n);
    e.call(step).brIf(0);
    e.end().end();
  }
}
