/**
 * Canonical-ABI adapters: the core function that stands between a
 * component's `canon lower` of an import and another component's
 * `canon lift` of the export that satisfies it.
 *
 * The adapter takes the caller's (lower) core signature, copies the
 * arguments into the callee (allocating with the callee's realloc,
 * `memory.copy` between memories when they differ), calls the callee's
 * core function, copies the results back into the caller (allocating with
 * the caller's realloc, writing through the caller's return pointer when
 * results are in memory), then calls the callee's post-return with its raw
 * results. Values are always copied, never shared: the callee's
 * post-return may free what it returned, and an argument the callee owns
 * may be freed by it, so nothing crosses the boundary by reference.
 *
 * @module
 */
import type { CType } from "../../../wasm/abi/mod.ts";
import {
  alignment,
  elemSize,
  fieldOffsets,
  flatten,
  flattenFuncType,
  I32,
  paramsTuple,
} from "../../../wasm/abi/mod.ts";
import { Emitter } from "./emitter.ts";
import { storeFlat } from "./store_flat.ts";
import { FuseError } from "../errors.ts";
import { checkAligned, NUMBER_WIDTH, Translator } from "./translator.ts";
import type { AdapterRequest, CalleeCallback, GeneratedFunction } from "./adapter_types.ts";

export type {
  AdapterRequest,
  AdapterSide,
  CalleeCallback,
  GeneratedFunction,
} from "./adapter_types.ts";

/** Calls the callee's post-return, if it has one, with its raw results. */
function callPostReturn(e: Emitter, req: AdapterRequest, raw: number[]): void {
  if (req.callee.postReturn === undefined) return;
  for (const x of raw) e.localGet(x);
  e.call(req.callee.postReturn);
}

/**
 * Puts the arguments on the stack as the callee takes them: loaded from the
 * async caller's pointer (`loadParams`), translated flat, or copied into
 * the callee's memory when they go by pointer (`indirect`).
 */
function passArguments(
  e: Emitter,
  req: AdapterRequest,
  down: Translator,
  loadParams: boolean,
  indirect: boolean,
): void {
  const where = req.where ?? "adapter";
  if (loadParams) {
    const tuple = paramsTuple(req.sig);
    checkAligned(e, 0, alignment(tuple));
    const offsets = fieldOffsets(req.sig.params.map((p) => p.type));
    const ins = req.sig.params.map((p, i) => {
      const [type, width, signed] = NUMBER_WIDTH[p.type.kind];
      const l = e.local(type);
      e.localGet(0).load(type, width, signed, req.caller.memory, offsets[i]).localSet(l);
      return l;
    });
    for (const o of down.flat(tuple, ins)) e.localGet(o);
  } else if (!indirect) {
    const n = req.sig.params.reduce((k, p) => k + flatten(p.type).length, 0);
    const ins = Array.from({ length: n }, (_, i) => i);
    const outs = down.flat(paramsTuple(req.sig), ins);
    for (const o of outs) e.localGet(o);
  } else {
    const tuple = paramsTuple(req.sig);
    if (req.callee.realloc === undefined) {
      throw new FuseError(
        "unsupported-adapter",
        where,
        "more than 16 flat parameters but the callee has no realloc",
        "",
      );
    }
    const size = e.local(I32);
    e.i32Const(elemSize(tuple)).localSet(size);
    const area = e.local(I32);
    e.i32Const(0).i32Const(0).i32Const(alignment(tuple)).localGet(size).call(req.callee.realloc)
      .localSet(area);
    checkAligned(e, area, alignment(tuple));
    // The caller's tuple pointer must be aligned too.
    checkAligned(e, 0, alignment(tuple));
    down.memory(tuple, 0, 0, area, 0);
    e.localGet(area);
  }
}

/**
 * Generates the adapter for one lowered import bound to a lifted export.
 *
 * @example
 * ```ts
 * import { generateAdapter } from "./adapter.ts";
 * const a = generateAdapter({
 *   sig: { params: [{ name: "x", type: { kind: "u32" } }], result: { kind: "bool" } },
 *   caller: { memory: 0, encoding: "utf8" },
 *   callee: { memory: 0, encoding: "utf8", func: 3 },
 * });
 * console.log(a.type); // { params: [0x7f], results: [0x7f] }
 * ```
 */
export function generateAdapter(req: AdapterRequest): GeneratedFunction {
  const where = req.where ?? "adapter";
  const lower = flattenFuncType(req.sig, req.callerAsync ? "async lower" : "lower");
  const lift = flattenFuncType(req.sig, req.calleeTask ? "async lift" : "lift");
  // An async lower passes more than 4 flat parameters by pointer; a callee taking them flat
  // gets them loaded (numbers only: the loads are the lift from memory).
  const loadParams = lower.paramsIndirect && !lift.paramsIndirect;
  if (loadParams && !req.sig.params.every((p) => NUMBER_WIDTH[p.type.kind] !== undefined)) {
    throw new FuseError(
      "unsupported-adapter",
      where,
      "an async lower passing its parameters by pointer to a callee that takes them flat",
      "pass at most 4 flat parameters, or only numbers",
    );
  }
  const e = new Emitter(lower.params);
  const cb = req.calleeCallback;
  const task = req.calleeTask;
  const cbTask = cb ? e.local(I32) : -1;
  const area = cb?.resultArea !== undefined ? e.local(I32) : -1;
  if (cb) {
    // The task record comes first: it is the task call's first argument.
    const retptr = req.callerAsync && req.sig.result ? lower.params.length - 1 : undefined;
    e.i32Const(cb.thunk).i32Const(cb.complete).i32Const(task?.typeId ?? 0);
    if (retptr !== undefined) e.localGet(retptr);
    else if (cb.resultArea !== undefined) e.call(cb.resultArea).localTee(area);
    else e.i32Const(0);
    e.call(cb.taskNew).localTee(cbTask);
  }
  const down = new Translator(
    e,
    req.caller,
    req.callee,
    where,
    req.handles?.down,
    req.handles?.release,
  );
  const up = new Translator(e, req.callee, req.caller, where, req.handles?.up);
  passArguments(e, req, down, loadParams, lower.paramsIndirect);
  if (task && !cb) e.i32Const(1).globalSet(task.state).i32Const(task.typeId).globalSet(task.type);
  const lock = cb && !req.callerAsync ? cb.lock : undefined;
  if (lock) {
    // A sync call enters the callee's instance once no other task is inside it (the arguments
    // wait on the stack meanwhile); its start then runs holding the lock.
    e.i32Const(lock.address).localGet(cbTask).call(lock.acquire);
  }
  // The start (run as the task's own stack) frees the lock when it returns.
  e.call(cb ? cb.start : req.callee.func);
  // Borrows lent for the call end when it returns (results are kept in locals meanwhile).
  // An async call into a callback callee that cannot keep its borrows with the subtask ends
  // them when the start returns: a borrow the running task still holds is freed, not a trap.
  const strict = !(cb && req.callerAsync && !cb.deferLends);
  const endLends = () => {
    for (const l of down.lent) {
      e.localGet(l.from).localGet(l.to).i32Const(strict ? 1 : 0).call(l.release);
    }
  };
  // Where the callee's results are: flat in locals, or in its memory at a pointer.
  let source: { flat: number[] } | { area: number } | undefined;
  const raw: number[] = [];
  if (cb) {
    const code = e.local(I32);
    e.localSet(code).localGet(cbTask).localGet(code).call(cb.after);
    if (req.callerAsync) {
      startedStatus(e, cb, cbTask, code, down.lent, endLends);
      return { type: { params: lower.params, results: lower.results }, body: e.body() };
    }
    e.localGet(cbTask).call(cb.runUntilReturned);
    if (area >= 0 && task) {
      // A thread's results were saved when the task returned (in the scheduler's memory, 0 when
      // there are threads): back into the slots.
      e.localGet(area).if();
      task.slots.forEach((g, i) => {
        const t = task.slotTypes?.[i] ?? I32;
        e.localGet(area).loadValue(t, 0, 8 * i)
          .globalSet(g);
      });
      e.end();
    }
  }
  if (task) {
    if (!cb) {
      // A stackful task that returned without task.return traps; then the instance is free again.
      e.globalGet(task.state).i32Const(2).op(0x47).if().unreachable().end();
      e.i32Const(0).globalSet(task.state);
    }
    if (req.sig.result) {
      const locals = taskResults(e, task, req.sig.result);
      source = task.indirect ? { area: locals[0] } : { flat: locals };
    }
    endLends();
  } else if (req.sig.result) {
    const r = e.local(lift.results[0]);
    e.localSet(r);
    raw.push(r);
    source = lift.resultsIndirect ? { area: r } : { flat: [r] };
    endLends();
  } else endLends();
  if (req.sig.result && source) {
    const result = req.sig.result;
    if ("area" in source) checkAligned(e, source.area, alignment(result));
    if (!lower.resultsIndirect) {
      // One flat result, returned as it is.
      const outs = up.flat(result, (source as { flat: number[] }).flat);
      callPostReturn(e, req, raw);
      for (const o of outs) e.localGet(o);
      return { type: { params: lower.params, results: lower.results }, body: e.body() };
    }
    const retptr = lower.params.length - 1;
    checkAligned(e, retptr, alignment(result));
    if ("area" in source) up.memory(result, source.area, 0, retptr, 0);
    else storeFlat(e, result, up.flat(result, source.flat), req.caller.memory, retptr, 0);
  }
  callPostReturn(e, req, raw);
  // An async caller gets the subtask's status: RETURNED (2), with no subtask left behind.
  if (req.callerAsync) e.i32Const(2);
  return { type: { params: lower.params, results: lower.results }, body: e.body() };
}

/**
 * An async call into a callback callee, after its start: the subtask's
 * status for the caller (RETURNED, STARTED, or STARTING for a start that
 * waits for its instance: -2, `stacks.ts`), with the borrows it lent ended
 * now (the task resolved) or kept with the subtask until it does.
 */
function startedStatus(
  e: Emitter,
  cb: CalleeCallback,
  cbTask: number,
  code: number,
  lent: { from: number; to: number }[],
  endLends: () => void,
): void {
  // The results reach the caller through `complete`, now or when the task returns.
  const defer = cb.deferLends;
  if (defer && lent.length) {
    // A task still running keeps its borrows until it resolves (the spec's borrow scope).
    const packed = e.local(I32);
    e.localGet(cbTask).call(cb.subtaskStart!).localSet(packed);
    e.localGet(packed).i32Const(0xf).op(0x71).i32Const(2).op(0x46).if();
    endLends();
    e.else();
    e.localGet(cbTask).i32Const(defer.release);
    for (let k = 0; k < 2; k++) {
      const l = lent[k];
      if (l) e.localGet(l.from).localGet(l.to);
      else e.i32Const(0).i32Const(0);
    }
    e.call(defer.func);
    e.end();
    e.localGet(packed);
  } else {
    endLends();
    e.localGet(cbTask).call(cb.subtaskStart!);
  }
  e.i32Const(-2).i32Const(-1).localGet(code).i32Const(-2).op(0x46).op(0x1b).op(0x71);
}

/**
 * The completion of an async call into a callback-lifted callee: lowers the
 * results its task handed to `task.return` (in the slot globals) into the
 * caller's memory at the retptr, its only parameter.
 *
 * @example
 * ```ts
 * import { generateCompletion } from "./adapter.ts";
 * const c = generateCompletion({
 *   sig: { params: [], result: { kind: "u32" } },
 *   caller: { memory: 0, encoding: "utf8" },
 *   callee: { memory: 0, encoding: "utf8", func: 0 },
 *   calleeTask: { state: 0, type: 1, typeId: 1, slots: [2], indirect: false },
 * });
 * console.log(c.type); // { params: [127], results: [] }
 * ```
 */
export function generateCompletion(req: AdapterRequest): GeneratedFunction {
  const where = req.where ?? "adapter";
  const task = req.calleeTask!;
  const result = req.sig.result!;
  const e = new Emitter([I32]);
  const up = new Translator(e, req.callee, req.caller, where, req.handles?.up);
  const locals = taskResults(e, task, result);
  checkAligned(e, 0, alignment(result));
  if (task.indirect) {
    checkAligned(e, locals[0], alignment(result));
    up.memory(result, locals[0], 0, 0, 0);
  } else storeFlat(e, result, up.flat(result, locals), req.caller.memory, 0, 0);
  return { type: { params: [I32], results: [] }, body: e.body() };
}

/**
 * Reads the results a task handed to `task.return` (its slot globals) into
 * new locals: the flat values, or the one pointer when they went indirect.
 */
function taskResults(
  e: Emitter,
  task: NonNullable<AdapterRequest["calleeTask"]>,
  result: CType,
): number[] {
  const locals = task.indirect ? [e.local(I32)] : flatten(result).map((t) => e.local(t));
  locals.forEach((l, i) => e.globalGet(task.slots[i]).localSet(l));
  return locals;
}
