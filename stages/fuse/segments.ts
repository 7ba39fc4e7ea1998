/**
 * Remapping the pieces of a module that are not function bodies — constant
 * expressions and element segments — and writing the merged `name`
 * section.
 *
 * @module
 */
import type { ConstExpr, ElementSegment } from "../../wasm/module/mod.ts";
import { type IndexHooks, reencodeConstExpr } from "../../wasm/module/mod.ts";

/** A constant expression with its indices remapped (`e` itself when none changes). */
export function expr(e: ConstExpr, hooks: IndexHooks): ConstExpr {
  const bytes = reencodeConstExpr(e.bytes, hooks, e.offset ?? 0);
  return bytes === e.bytes ? e : { bytes };
}

/** An element segment with its table, functions and expressions remapped. */
export function remapElement(e: ElementSegment, hooks: IndexHooks): ElementSegment {
  const out: ElementSegment = {
    mode: e.mode,
    table: e.mode === "active" ? hooks.table!(e.table) : e.table,
    type: e.type,
    items: e.items.kind === "functions"
      ? { kind: "functions", indices: e.items.indices.map((i) => hooks.func!(i)) }
      : { kind: "expressions", exprs: e.items.exprs.map((x) => expr(x, hooks)) },
  };
  if (e.offset) out.offset = expr(e.offset, hooks);
  return out;
}
