/**
 * Writing a function body with its recorded index immediates renumbered
 * (see `index_sites.ts`): the bytes between the immediates that change are
 * copied as they are, the way a linker applies its relocations.
 *
 * @module
 */
import { BinaryReader } from "../reader.ts";
import { type BinaryWriter, nonNegativeSignedSize, u32Size } from "../writer.ts";
import { WasmDecodeError } from "../errors.ts";
import { KIND_MASK, MEMARG, S33, STRIDE } from "./site_list.ts";

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

/** The hook each site kind goes through, by kind. */
const HOOK_NAMES: (keyof IndexHooks)[] = [
  "func",
  "global",
  "memory",
  "table",
  "type",
  "data",
  "elem",
  "tag",
  "memory",
];

/** The hooks in site-kind order (undefined where none is given). */
export type HookTable = (((i: number) => number) | undefined)[];

/**
 * The hooks of `hooks` as a {@linkcode HookTable}.
 *
 * @example
 * ```ts
 * import { hookTable } from "./site_patch.ts";
 * console.log(hookTable({ global: (g) => g + 1 })[1]?.(2)); // 3
 * ```
 */
export function hookTable(hooks: IndexHooks): HookTable {
  return HOOK_NAMES.map((name) => hooks[name]);
}

/** The hook's answer for a site, checked: a hook returns nothing for an index out of its space. */
function mapped(
  hook: (i: number) => number,
  kind: number,
  value: number,
  at: number,
): number {
  const next = hook(value);
  if (next !== value && (!Number.isInteger(next) || next < 0 || next > 0xffffffff)) {
    throw new WasmDecodeError(
      "bad-value",
      at,
      `${HOOK_NAMES[kind]} index ${value} is out of range`,
    );
  }
  return next;
}

/** Site `s`'s value renumbered by `hooks`, or -1 when it keeps its value. */
function renumbered(words: Uint32Array, s: number, hooks: HookTable, base: number): number {
  const kind = words[s] & KIND_MASK;
  const hook = hooks[kind];
  if (hook === undefined) return -1;
  const value = words[s + 1];
  const next = mapped(hook, kind, value, base + words[s + 2]);
  return next === value ? -1 : next;
}

/**
 * The alignment field of the memarg at `start` once it names `memory`: its bits kept, the
 * memory-index flag set only for a memory other than 0 (whose index then follows).
 */
function memargAlign(src: Uint8Array, start: number, base: number, memory: number): number {
  const align = new BinaryReader(src, start, src.length, base).u32("memarg alignment");
  return memory === 0 ? align & ~0x40 : align | 0x40;
}

/**
 * Writes `src` with the sites `[first, end)` (word positions in `words`)
 * renumbered by `hooks`, copying every other byte; writes nothing and
 * returns false when no immediate changed.
 *
 * Most renumbered indices keep their encoded width (a call to function 900
 * that becomes 1,200 is two bytes either way): the body is then copied at
 * once and those immediates are overwritten in place. From the first one
 * whose width changes, the rest is written run by run.
 *
 * @example
 * ```ts
 * import { hookTable, patch } from "./site_patch.ts";
 * import { BinaryWriter } from "../writer.ts";
 * const body = new Uint8Array([0, 0x10, 3, 0x0b]); // call 3: a function site at [2, 3)
 * const out = new BinaryWriter();
 * patch(body, new Uint32Array([0, 3, 2, 3]), 0, 4, hookTable({ func: (f) => f + 1 }), out, 0);
 * console.log(out.finish()); // Uint8Array(4) [ 0, 16, 4, 11 ]
 * ```
 */
export function patch(
  src: Uint8Array,
  words: Uint32Array,
  first: number,
  end: number,
  hooks: HookTable,
  out: BinaryWriter,
  base: number,
): boolean {
  const outStart = out.length;
  // In place until a width changes: the body is copied whole at the first change, and changes
  // are overwritten there. After that, `copied` bytes of `src` are written and the rest goes run
  // by run.
  let inPlace = true;
  let copiedWhole = false;
  let copied = 0;
  for (let s = first; s < end; s += STRIDE) {
    const next = renumbered(words, s, hooks, base);
    if (next < 0) continue;
    const tag = words[s];
    const kind = tag & KIND_MASK;
    const start = words[s + 2];
    const stop = words[s + 3];
    if (inPlace) {
      if (kind !== MEMARG && !(tag & S33) && u32Size(next) === stop - start) {
        if (!copiedWhole) out.bytes(src), copiedWhole = true;
        out.u32At(outStart + start, next, stop - start);
        continue;
      }
      // A width changes here: keep what is before it.
      inPlace = false;
      if (copiedWhole) out.truncate(outStart + start), copied = start;
    }
    if (start > copied) out.range(src, copied, start);
    if (kind === MEMARG) {
      out.u32(memargAlign(src, start, base, next));
      if (next !== 0) out.u32(next);
    } else if (tag & S33) out.s64(BigInt(next));
    else out.u32(next);
    copied = stop;
  }
  if (inPlace) return copiedWhole;
  if (src.length > copied) out.range(src, copied, src.length);
  return true;
}

/**
 * How long `patch` makes `src`: its length, changed by each renumbered
 * immediate whose encoded width changes (the same width rules as `patch`).
 *
 * @example
 * ```ts
 * import { hookTable, patchedLength } from "./site_patch.ts";
 * const body = new Uint8Array([0, 0x10, 3, 0x0b]); // call 3: a function site at [2, 3)
 * const sites = new Uint32Array([0, 3, 2, 3]);
 * console.log(patchedLength(body, sites, 0, 4, hookTable({ func: (f) => f + 200 }), 0)); // 5
 * ```
 */
export function patchedLength(
  src: Uint8Array,
  words: Uint32Array,
  first: number,
  end: number,
  hooks: HookTable,
  base: number,
): number {
  let length = src.length;
  for (let s = first; s < end; s += STRIDE) {
    const next = renumbered(words, s, hooks, base);
    if (next < 0) continue;
    const tag = words[s];
    const start = words[s + 2];
    let width: number;
    if ((tag & KIND_MASK) === MEMARG) {
      width = u32Size(memargAlign(src, start, base, next)) + (next === 0 ? 0 : u32Size(next));
    } else if (tag & S33) width = nonNegativeSignedSize(next);
    else width = u32Size(next);
    length += width - (words[s + 3] - start);
  }
  return length;
}
