/**
 * The re-encoder a merge needs: rewrites the index immediates of function
 * bodies and constant expressions through per-index-space hooks, copying
 * every other byte verbatim (so untouched immediates, padded LEBs included,
 * stay exactly as they were).
 *
 * @module
 */
import { BinaryReader } from "../reader.ts";
import { BinaryWriter } from "../writer.ts";
import { WasmDecodeError } from "../errors.ts";
import {
  type IndexKind,
  type OperatorSink,
  readOperator,
  skipConstExpr,
  skipLocals,
} from "./operators.ts";

/** Old index → new index, per index space. A missing hook keeps indices as they are. */
export interface IndexHooks {
  func?: (i: number) => number;
  global?: (i: number) => number;
  memory?: (i: number) => number;
  table?: (i: number) => number;
  type?: (i: number) => number;
  data?: (i: number) => number;
  elem?: (i: number) => number;
  tag?: (i: number) => number;
}

class Rewriter implements OperatorSink {
  private copied: number;
  constructor(
    private readonly src: Uint8Array,
    private readonly out: BinaryWriter,
    private readonly hooks: IndexHooks,
    start: number,
    /** Absolute offset of `src[0]` in the input, for errors. */
    private readonly base = 0,
  ) {
    this.copied = start;
    this.outStart = out.length;
  }

  /** The hook's answer, which must be an index: a hook returns nothing for an index out of its space. */
  private mapped(kind: string, value: number, next: number | undefined, at: number): number {
    if (next === undefined || !Number.isInteger(next) || next < 0 || next > 0xffffffff) {
      throw new WasmDecodeError(
        "bad-value",
        this.base + at,
        `${kind} index ${value} is out of range`,
      );
    }
    return next;
  }

  /** Whether any immediate changed (else the input can be used as it is). */
  get changed(): boolean {
    return this.out.length > this.outStart;
  }
  private readonly outStart: number;

  private flush(to: number): void {
    if (to > this.copied) this.out.range(this.src, this.copied, to);
    this.copied = to;
  }

  index(kind: IndexKind, value: number, start: number, end: number, s33?: boolean): void {
    if (kind === "local" || kind === "label") return;
    const hook = this.hooks[kind];
    if (!hook) return;
    const next = this.mapped(kind, value, hook(value), start);
    if (next === value) return;
    this.flush(start);
    // Block types and heap types encode type indices as s33; other immediates as u32.
    if (s33) this.out.s64(BigInt(next));
    else this.out.u32(next);
    this.copied = end;
  }

  memarg(align: number, memory: number, offsetStart: number, start: number): void {
    const hook = this.hooks.memory;
    if (!hook) return;
    const next = this.mapped("memory", memory, hook(memory), start);
    if (next === memory) return;
    this.flush(start);
    if (next === 0) this.out.u32(align & ~0x40);
    else this.out.u32(align | 0x40).u32(next);
    this.copied = offsetStart;
  }

  finish(end: number): void {
    this.flush(end);
  }
}

/**
 * Rewrites a function body (locals + instructions, without the size
 * prefix). `offset` is the body's absolute position, for errors.
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
  const start = out.length;
  const rw = new Rewriter(body, out, hooks, 0, offset);
  const r = new BinaryReader(body, 0, body.length, offset);
  skipLocals(r, rw);
  while (!r.eof) readOperator(r, rw);
  // Nothing moved: the body is already right.
  if (!rw.changed) return body;
  rw.finish(body.length);
  return out.since(start);
}

/**
 * Rewrites a constant expression (instructions through the final `end`).
 *
 * @example
 * ```ts
 * import { reencodeConstExpr } from "./reencode.ts";
 * console.log(reencodeConstExpr(new Uint8Array([0x23, 1, 0x0b]), { global: (i) => i + 1 })); // [0x23, 2, 0x0b]
 * ```
 */
export function reencodeConstExpr(expr: Uint8Array, hooks: IndexHooks, offset = 0): Uint8Array {
  const out = new BinaryWriter(expr.length + 8);
  const rw = new Rewriter(expr, out, hooks, 0, offset);
  const r = new BinaryReader(expr, 0, expr.length, offset);
  skipConstExpr(r, rw);
  rw.finish(r.pos);
  return out.finish();
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
