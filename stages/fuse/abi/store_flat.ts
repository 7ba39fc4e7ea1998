/**
 * Storing flat values into linear memory (the canonical ABI's `store` of a
 * value given as its flattened core values): what an async lower needs when
 * the callee hands its results over flat (`task.return`) and the caller
 * receives them through a pointer. Variant payloads are narrowed from their
 * joined slots to the selected case's own types first.
 *
 * @module
 */
import type { ValType } from "../../../wasm/module/mod.ts";
import type { CType } from "../../../wasm/abi/mod.ts";
import type { Emitter } from "./emitter.ts";
import {
  casesOf,
  discriminantSize,
  elemSize,
  F32,
  F64,
  fieldOffsets,
  flatten,
  I32,
  I64,
  payloadOffset,
} from "../../../wasm/abi/mod.ts";
import { convert } from "./convert.ts";

/**
 * Emits the stores of `t`, whose flat values are in locals `ins`, to memory
 * `memory` at local `addr` + `offset`.
 *
 * @example
 * ```ts
 * import { storeFlat } from "./store_flat.ts";
 * import { Emitter } from "./emitter.ts";
 * const e = new Emitter([0x7f, 0x7f]); // (value, address)
 * storeFlat(e, { kind: "u32" }, [0], 0, 1, 0);
 * console.log(e.body().length > 0); // true
 * ```
 */
export function storeFlat(
  e: Emitter,
  t: CType,
  ins: number[],
  memory: number,
  addr: number,
  offset: number,
): void {
  const scalar = (type: ValType, width: number) =>
    e.localGet(addr).localGet(ins[0]).store(type, width, memory, offset);
  switch (t.kind) {
    case "bool":
    case "s8":
    case "u8":
      return void scalar(I32, 1);
    case "s16":
    case "u16":
      return void scalar(I32, 2);
    case "s32":
    case "u32":
    case "char":
    case "own":
    case "borrow":
      return void scalar(I32, 4);
    case "f32":
      return void scalar(F32, 4);
    case "s64":
    case "u64":
      return void scalar(I64, 8);
    case "f64":
      return void scalar(F64, 8);
    case "string":
      e.localGet(addr).localGet(ins[0]).store(I32, 4, memory, offset);
      e.localGet(addr).localGet(ins[1]).store(I32, 4, memory, offset + 4);
      return;
    case "list":
      if (t.length === undefined) {
        e.localGet(addr).localGet(ins[0]).store(I32, 4, memory, offset);
        e.localGet(addr).localGet(ins[1]).store(I32, 4, memory, offset + 4);
        return;
      }
      return storeSeq(
        e,
        Array.from({ length: t.length }, () => t.element),
        ins,
        memory,
        addr,
        offset,
      );
    case "record":
      return storeSeq(e, t.fields.map((f) => f.type), ins, memory, addr, offset);
    case "tuple":
      return storeSeq(e, t.types, ins, memory, addr, offset);
    case "flags": {
      const size = elemSize(t);
      if (size <= 2) return void scalar(I32, size);
      ins.forEach((x, k) => e.localGet(addr).localGet(x).store(I32, 4, memory, offset + 4 * k));
      return;
    }
    default: {
      // variant, enum, option, result: the discriminant, then the selected case's payload,
      // narrowed from the joined slots to the case's own flat types.
      const cases = casesOf(t);
      e.localGet(addr).localGet(ins[0]).store(I32, discriminantSize(cases.length), memory, offset);
      const joined = flatten(t).slice(1) as number[];
      const po = payloadOffset(t);
      cases.forEach((c, k) => {
        if (!c) return;
        e.localGet(ins[0]).i32Const(k).op(0x46).if();
        const own = flatten(c) as number[];
        const caseIns = own.map((ft, i) => {
          const l = e.local(ft);
          e.localGet(ins[1 + i]);
          convert(e, joined[i], ft);
          e.localSet(l);
          return l;
        });
        storeFlat(e, c, caseIns, memory, addr, offset + po);
        e.end();
      });
    }
  }
}

function storeSeq(
  e: Emitter,
  types: CType[],
  ins: number[],
  memory: number,
  addr: number,
  offset: number,
): void {
  const offs = fieldOffsets(types);
  let k = 0;
  types.forEach((ft, i) => {
    const n = flatten(ft).length;
    storeFlat(e, ft, ins.slice(k, k + n), memory, addr, offset + offs[i]);
    k += n;
  });
}
