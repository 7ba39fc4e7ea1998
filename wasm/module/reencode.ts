/**
 * Function-body re-encoders: renumbering a body's indices (through the
 * index sites its one walk records), and re-encoding it with minimal LEBs.
 *
 * @module
 */
import { BinaryReader } from "../reader.ts";
import { BinaryWriter } from "../writer.ts";
import { type IndexHooks, IndexSites } from "./index_sites.ts";
import { type OperatorSink, readOperator, skipLocals } from "./operators.ts";

/**
 * Rewrites a function body (locals + instructions, without the size
 * prefix) with its indices renumbered by `hooks`, copying every other byte
 * verbatim (untouched immediates, padded LEBs included, stay exactly as they
 * were). `offset` is the body's absolute position, for errors. To re-encode
 * many bodies of one module, and ask other questions of them, walk them
 * once with {@linkcode IndexSites}.
 *
 * @example
 * ```ts
 * import { reencodeFunctionBody } from "./reencode.ts";
 * const body = new Uint8Array([0, 0x10, 3, 0x0b]); // call 3
 * console.log(reencodeFunctionBody(body, { func: (i) => i + 10 })); // [0, 0x10, 13, 0x0b]
 * ```
 */
export function reencodeFunctionBody(
  body: Uint8Array,
  hooks: IndexHooks,
  offset = 0,
  /** A writer to append to (one for many bodies saves an allocation each); a fresh one if absent. */
  out: BinaryWriter = new BinaryWriter(body.length + 16),
): Uint8Array {
  return new IndexSites([{ bytes: body, offset }]).reencode(0, hooks, out);
}

/**
 * Re-encodes a function body with every LEB immediate at its minimal width
 * (indices, memarg offsets, `i32.const` / `i64.const` values), as tools
 * that rewrite code after linking do (wit-component during `component
 * new`). Relocation offsets into such code go stale; fuse re-anchors them,
 * and its tests make such code with this.
 *
 * @example
 * ```ts
 * import { minimizeFunctionBody } from "./reencode.ts";
 * const padded = new Uint8Array([0, 0x41, 0x80, 0x80, 0x80, 0x80, 0x00, 0x1a, 0x0b]); // i32.const 0 (5 bytes)
 * console.log(minimizeFunctionBody(padded)); // [0, 0x41, 0, 0x1a, 0x0b]
 * ```
 */
export function minimizeFunctionBody(body: Uint8Array, offset = 0): Uint8Array {
  const out = new BinaryWriter(body.length);
  let copied = 0;
  const flush = (to: number) => {
    if (to > copied) out.bytes(body.subarray(copied, to));
    copied = to;
  };
  const sink: OperatorSink = {
    index(_kind, value, start, end, s33) {
      flush(start);
      if (s33) out.s64(BigInt(value));
      else out.u32(value);
      copied = end;
    },
    local(_kind, value, start, end) {
      flush(start);
      out.u32(value);
      copied = end;
    },
    memarg(_align, _memory, offsetStart, _start, end) {
      flush(offsetStart);
      out.u64(new BinaryReader(body, offsetStart, end, offset).u64("memarg offset"));
      copied = end;
    },
    constant(kind, value, start, end) {
      flush(start);
      if (kind === "i32") out.s32(Number(value));
      else out.s64(value);
      copied = end;
    },
  };
  const r = new BinaryReader(body, 0, body.length, offset);
  skipLocals(r);
  while (!r.eof) readOperator(r, sink);
  flush(body.length);
  return out.finish();
}
