/**
 * Relocations checked against the bytes they patch — and re-anchored when a
 * tool re-encoded the code after the linker wrote them.
 *
 * wasm-ld pads every relocatable immediate to its full width (5 bytes for a
 * 32-bit LEB) so a later link can patch it in place. Tools that rewrite the
 * code afterwards (wit-component during `component new`) write minimal
 * LEBs, so each `reloc.CODE` offset drifts by the bytes saved before it.
 * This module finds where every relocatable immediate of each kind really
 * is (by walking the instructions), accepts entries that point at one
 * exactly, and otherwise re-anchors the entries in order: each one is
 * matched to the instruction of its kind at its offset minus the drift so
 * far (allowing for shrunk body sizes at function boundaries), checked
 * against the value the symbol implies where there is one. An entry that
 * matches nothing, or more than one candidate, is refused with a message
 * naming the function, the entry and the likely cause.
 *
 * @module
 */
import { BinaryReader } from "../../wasm/mod.ts";
import type { Relocation } from "../../wasm/module/mod.ts";
import { forEachOperator } from "../../wasm/module/mod.ts";
import { FuseError } from "./errors.ts";

/** The kind of immediate a relocation patches. */
export type AnchorClass =
  | "func"
  | "global"
  | "type"
  | "table"
  | "tag"
  | "memarg"
  | "i32.const"
  | "i64.const";

/** Code relocation types → the immediate they patch, and its padded width. */
const CODE_RELOCS: Record<number, { name: string; cls: AnchorClass; width: number }> = {
  0: { name: "R_WASM_FUNCTION_INDEX_LEB", cls: "func", width: 5 },
  1: { name: "R_WASM_TABLE_INDEX_SLEB", cls: "i32.const", width: 5 },
  3: { name: "R_WASM_MEMORY_ADDR_LEB", cls: "memarg", width: 5 },
  4: { name: "R_WASM_MEMORY_ADDR_SLEB", cls: "i32.const", width: 5 },
  6: { name: "R_WASM_TYPE_INDEX_LEB", cls: "type", width: 5 },
  7: { name: "R_WASM_GLOBAL_INDEX_LEB", cls: "global", width: 5 },
  10: { name: "R_WASM_TAG_INDEX_LEB", cls: "tag", width: 5 },
  11: { name: "R_WASM_MEMORY_ADDR_REL_SLEB", cls: "i32.const", width: 5 },
  12: { name: "R_WASM_TABLE_INDEX_REL_SLEB", cls: "i32.const", width: 5 },
  14: { name: "R_WASM_MEMORY_ADDR_LEB64", cls: "memarg", width: 10 },
  15: { name: "R_WASM_MEMORY_ADDR_SLEB64", cls: "i64.const", width: 10 },
  17: { name: "R_WASM_MEMORY_ADDR_REL_SLEB64", cls: "i64.const", width: 10 },
  18: { name: "R_WASM_TABLE_INDEX_SLEB64", cls: "i64.const", width: 10 },
  20: { name: "R_WASM_TABLE_NUMBER_LEB", cls: "table", width: 5 },
  21: { name: "R_WASM_MEMORY_ADDR_TLS_SLEB", cls: "i32.const", width: 5 },
  26: { name: "R_WASM_TABLE_INDEX_REL_SLEB64", cls: "i64.const", width: 10 },
  27: { name: "R_WASM_MEMORY_ADDR_TLS_SLEB64", cls: "i64.const", width: 10 },
};

/** One relocatable immediate found in the code: where (payload-relative), how long, its value. */
interface Anchor {
  pos: number;
  end: number;
  value: bigint;
  /** Which function (ordinal among defined functions) it is in. */
  func: number;
}

/** Every relocatable immediate of a code section payload, by class, in order. */
export interface CodeAnchors {
  byClass: Map<AnchorClass, Anchor[]>;
  /** Payload-relative start of each function body's size LEB. */
  functionStarts: number[];
}

/**
 * Walks a code section's payload (`bytes[start, end)`) and records every
 * relocatable immediate.
 *
 * @example
 * ```ts
 * import { codeAnchors } from "./reloc_anchor.ts";
 * // one body: no locals; i32.const 5; drop; end
 * const code = new Uint8Array([1, 5, 0, 0x41, 5, 0x1a, 0x0b]);
 * console.log(codeAnchors(code, 0, code.length).byClass.get("i32.const")); // [{ pos: 4, … }]
 * ```
 */
export function codeAnchors(bytes: Uint8Array, start: number, end: number): CodeAnchors {
  const byClass = new Map<AnchorClass, Anchor[]>();
  const add = (cls: AnchorClass, a: Anchor) => {
    const list = byClass.get(cls) ?? [];
    list.push(a);
    byClass.set(cls, list);
  };
  const functionStarts: number[] = [];
  const r = new BinaryReader(bytes, start, end, 0);
  const count = r.u32("function count");
  for (let f = 0; f < count; f++) {
    functionStarts.push(r.pos - start);
    const size = r.u32("function body size");
    const bodyStart = r.pos;
    r.skip(size, "a function body");
    const body = bytes.subarray(bodyStart, bodyStart + size);
    const rel = bodyStart - start;
    let lastOp = -1;
    forEachOperator(body, {
      op(op) {
        lastOp = op;
      },
      index(kind, value, s, e) {
        const cls: AnchorClass | undefined = kind === "func"
          ? "func"
          : kind === "global"
          ? "global"
          : kind === "type" && (lastOp === 0x11 || lastOp === 0x13)
          ? "type"
          : kind === "table"
          ? "table"
          : kind === "tag"
          ? "tag"
          : undefined;
        if (cls) add(cls, { pos: rel + s, end: rel + e, value: BigInt(value), func: f });
      },
      memarg(_align, _memory, offsetStart, _s, e) {
        const value = new BinaryReader(body, offsetStart, e).u64("memarg offset");
        add("memarg", { pos: rel + offsetStart, end: rel + e, value, func: f });
      },
      constant(kind, value, s, e) {
        add(kind === "i32" ? "i32.const" : "i64.const", {
          pos: rel + s,
          end: rel + e,
          value,
          func: f,
        });
      },
    }, bodyStart);
  }
  return { byClass, functionStarts };
}

/** What a relocation's immediate must hold, when the symbol table says (else undefined). */
export type ExpectedValue = (e: Relocation) => bigint | undefined;

/** Names for messages: which function an offset is in. */
export interface AnchorContext {
  where: string;
  functionName(ordinal: number): string;
}

function functionAt(anchors: CodeAnchors, pos: number): number {
  let f = 0;
  while (f + 1 < anchors.functionStarts.length && anchors.functionStarts[f + 1] <= pos) f++;
  return f;
}

/**
 * The code relocations with offsets that point at their immediates: the
 * entries as they are when every one already does, re-anchored otherwise.
 * Throws {@linkcode FuseError} when an entry cannot be placed unambiguously.
 *
 * @example
 * ```ts
 * import { anchorCodeRelocations, codeAnchors } from "./reloc_anchor.ts";
 * const code = new Uint8Array([1, 5, 0, 0x41, 5, 0x1a, 0x0b]);
 * const fixed = anchorCodeRelocations([{ type: 4, offset: 4, index: 0 }], codeAnchors(code, 0, code.length),
 *   () => undefined, { where: "m", functionName: (i) => `f${i}` });
 * console.log(fixed.reanchored); // false
 * ```
 */
export function anchorCodeRelocations(
  entries: Relocation[],
  anchors: CodeAnchors,
  expected: ExpectedValue,
  ctx: AnchorContext,
): { entries: Relocation[]; reanchored: boolean } {
  const at = new Map<AnchorClass, Map<number, Anchor>>();
  for (const [cls, list] of anchors.byClass) at.set(cls, new Map(list.map((a) => [a.pos, a])));
  const exact = entries.every((e) => {
    const spec = CODE_RELOCS[e.type];
    const a = spec && at.get(spec.cls)?.get(e.offset);
    const want = expected(e);
    return a !== undefined && (want === undefined || sameValue(a.value, want, spec.cls));
  });
  if (exact) {
    const seen = new Set<number>();
    for (const e of entries) {
      if (seen.has(e.offset)) {
        throw new FuseError(
          "bad-relocation",
          ctx.where,
          `two reloc.CODE entries patch the same immediate at offset ${e.offset}`,
          "the module's relocation sections are damaged: rebuild it",
        );
      }
      seen.add(e.offset);
    }
    return { entries, reanchored: false };
  }

  const sorted = entries.map((e, i) => ({ e, i })).sort((a, b) => a.e.offset - b.e.offset);
  const out: Relocation[] = new Array(entries.length);
  let drift = 0;
  let last = -1;
  sorted.forEach(({ e, i }, k) => {
    const spec = CODE_RELOCS[e.type];
    const fail = (why: string): never => {
      const pos = Math.max(0, e.offset - drift);
      throw new FuseError(
        "stale-relocation",
        `${ctx.where}, function ${ctx.functionName(functionAt(anchors, pos))}`,
        `reloc.CODE entry #${k} (${
          spec?.name ?? `type ${e.type}`
        } at offset ${e.offset}) ${why}. ` +
          `The code was re-encoded after linking — wit-component writes minimal LEBs during ` +
          "`component new` — so the linker's offsets no longer point at the immediates they name",
        "fuse this component with --memory multi (its data then need not move), or rebuild it " +
          "with a wit-component that keeps the padded LEBs (meld#351)",
      );
    };
    if (!spec) fail("is of a kind Dissolve does not know in code");
    const predicted = e.offset - drift;
    // Body sizes shrink too: allow up to 4 bytes per function boundary crossed since the last entry.
    const crossed = anchors.functionStarts.filter((s) => s > last && s <= predicted).length;
    const low = predicted - 4 * crossed;
    const want = expected(e);
    const candidates = (anchors.byClass.get(spec.cls) ?? []).filter((a) =>
      a.pos > last && a.pos >= low && a.pos <= predicted &&
      (want === undefined || sameValue(a.value, want, spec.cls))
    );
    const exactHit = candidates.find((a) => a.pos === predicted);
    const chosen = exactHit ?? (candidates.length === 1 ? candidates[0] : undefined);
    if (!chosen) {
      fail(
        candidates.length === 0
          ? `matches no ${spec.cls} immediate near offset ${predicted}`
          : `matches ${candidates.length} ${spec.cls} immediates near offset ${predicted} (ambiguous)`,
      );
    }
    out[i] = { ...e, offset: chosen!.pos };
    // This immediate's own shrink moves every later entry.
    drift = e.offset - chosen!.pos + (spec.width - (chosen!.end - chosen!.pos));
    last = chosen!.pos;
  });
  return { entries: out, reanchored: true };
}

function sameValue(actual: bigint, want: bigint, cls: AnchorClass): boolean {
  if (cls === "i32.const") return BigInt.asUintN(32, actual) === BigInt.asUintN(32, want);
  if (cls === "i64.const") return BigInt.asUintN(64, actual) === BigInt.asUintN(64, want);
  return actual === want;
}

/** The padded width of a code relocation's immediate (undefined for other kinds). */
export function paddedWidth(type: number): number | undefined {
  return CODE_RELOCS[type]?.width;
}
