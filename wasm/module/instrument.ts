/**
 * Instrumenting a function body: code inserted before chosen instructions,
 * named by their ordinal in the body (0 is the first instruction after the
 * locals). Everything else is copied byte for byte.
 *
 * @module
 */
import { BinaryWriter } from "../writer.ts";
import { forEachOperator } from "./operators.ts";

/**
 * `body` (locals and instructions) with `inserts.get(n)` placed before
 * instruction `n`. An ordinal past the last instruction is ignored.
 *
 * @example
 * ```ts
 * import { insertBeforeInstructions } from "./instrument.ts";
 * const body = new Uint8Array([0, 0x41, 7, 0x1a, 0x0b]); // i32.const 7; drop; end
 * const nop = new Uint8Array([0x01]);
 * console.log(insertBeforeInstructions(body, new Map([[1, nop]]))); // [0, 0x41, 7, 0x01, 0x1a, 0x0b]
 * ```
 */
export function insertBeforeInstructions(
  body: Uint8Array,
  inserts: ReadonlyMap<number, Uint8Array>,
): Uint8Array {
  const starts: number[] = [];
  forEachOperator(body, { op: (_op, _sub, at) => starts.push(at) });
  const out = new BinaryWriter(body.length + 16 * inserts.size);
  let copied = 0;
  starts.forEach((at, n) => {
    const code = inserts.get(n);
    if (!code) return;
    out.range(body, copied, at).bytes(code);
    copied = at;
  });
  return out.range(body, copied, body.length).finish();
}
