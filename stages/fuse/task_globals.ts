/**
 * The task state of a fused module kept in globals after the modules' own:
 * each component instance's context slots and backpressure counter, a
 * stackful task's state and result slots, the may_leave flag, and each
 * domain's arena cursor. One task runs per instance at a time (calls are
 * synchronous and an instance is never re-entered), so one global each is
 * enough.
 *
 * @module
 */
import type { Global, ValType } from "../../wasm/module/mod.ts";
import { zeroConstExpr } from "../../wasm/module/mod.ts";
import { taskReturnParams } from "../../wasm/abi/mod.ts";
import type { CType } from "../../wasm/abi/mod.ts";

/** A stackful task's globals (positions before the base) and how its results travel. */
export interface TaskState {
  state: number;
  type: number;
  /** The id of the result type the task must hand over. */
  typeId: number;
  slots: number[];
  params: ValType[];
  indirect: boolean;
}

/**
 * Task globals by key, positioned after the modules' globals once the
 * layout fixes {@linkcode TaskGlobalTable.base}.
 *
 * @example
 * ```ts
 * import { TaskGlobalTable } from "./task_globals.ts";
 * const table = new TaskGlobalTable();
 * table.get("app\0context0");
 * table.get("app\0context1");
 * console.log(table.contextSlots("app")); // [[0, 0], [1, 1]]
 * ```
 */
export class TaskGlobalTable {
  /** Index of the first task global in the fused module (set once the layout is final). */
  base = 0;
  readonly #keys = new Map<string, number>();
  /** The value type of each global that is not an i32 (task.return result slots). */
  readonly #types = new Map<number, ValType>();
  /** Result types handed over by task.return, by key → the id a running task is tagged with. */
  readonly #resultTypeIds = new Map<string, number>();

  /** The global named `key` (position before the base), added on first use. */
  get(key: string, type: ValType = 0x7f): number {
    let g = this.#keys.get(key);
    if (g === undefined) {
      g = this.#keys.size;
      this.#keys.set(key, g);
      if (type !== 0x7f) this.#types.set(g, type);
    }
    return g;
  }

  /** `owner`'s context slots and the positions of their globals. */
  contextSlots(owner: string): [slot: number, global: number][] {
    const prefix = `${owner}\0context`;
    return [...this.#keys].flatMap(([k, g]): [number, number][] =>
      k.startsWith(prefix) ? [[Number(k.slice(prefix.length)), g]] : []
    );
  }

  /** The final global indices of `owner`'s context slots. */
  contextGlobals(owner: string): number[] {
    return this.contextSlots(owner).map(([, g]) => this.base + g);
  }

  /**
   * The state of `owner`'s stackful async task: `state` (0 idle, 1 running,
   * 2 returned), `type` (the id of the result type it must return) and the
   * result slots, one global per flat value (or a pointer), as task.return
   * fills them and the adapter reads them.
   */
  taskState(owner: string, result: CType | undefined): TaskState {
    const { params, indirect } = taskReturnParams(result);
    const key = result ? JSON.stringify(result) : "";
    let typeId = this.#resultTypeIds.get(key);
    if (typeId === undefined) this.#resultTypeIds.set(key, typeId = this.#resultTypeIds.size + 1);
    return {
      state: this.get(`${owner}\0task-state`),
      type: this.get(`${owner}\0task-type`),
      typeId,
      slots: params.map((t, i) => this.get(`${owner}\0task-result${i}\0${String(t)}`, t)),
      params,
      indirect,
    };
  }

  /** The globals to emit, all starting at 0. */
  globals(): Global[] {
    const out: Global[] = [];
    for (let i = 0; i < this.#keys.size; i++) {
      const valType = this.#types.get(i) ?? 0x7f;
      out.push({ type: { valType, mutable: true }, init: zeroConstExpr(valType as number) });
    }
    return out;
  }
}
