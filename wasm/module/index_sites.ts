/**
 * Where a module's index immediates are: one walk of each function body
 * records every immediate a merge may renumber (function, global, memory,
 * table, type, data, element and tag indices, and each memarg's memory),
 * with its value and byte range. Everything that later asks about the code
 * reads the record instead of walking the instructions again: the call
 * graph, the `memory.grow` search, and the re-encoder, which then copies
 * the bytes between the immediates it changes (as a linker applies its
 * relocations) instead of decoding every instruction a second time.
 *
 * A body is walked the first time someone asks about it, so a question
 * about a few functions of a large module reads only those. The record and
 * its walk are `site_list.ts`; writing a body from it is `site_patch.ts`.
 *
 * @module
 */
import { BinaryReader } from "../reader.ts";
import { BinaryWriter } from "../writer.ts";
import { WasmDecodeError } from "../errors.ts";
import type { CoreModule, FunctionBody, WrittenBodies } from "./model.ts";
import { forEachOperator, skipConstExpr, skipLocals } from "./operators.ts";
import {
  CALL_TYPE,
  FUNC,
  GROW_HINT,
  KIND_MASK,
  MemargSiteList,
  scanBody,
  SiteList,
  STRIDE,
  ZERO_MEMARGS,
} from "./site_list.ts";
import { type HookTable, hookTable, type IndexHooks, patch, patchedLength } from "./site_patch.ts";

export type { IndexHooks } from "./site_patch.ts";

/**
 * The index immediates of a module's function bodies, each body walked once,
 * on first use.
 *
 * @example
 * ```ts
 * import { IndexSites } from "./index_sites.ts";
 * const sites = new IndexSites([{ bytes: new Uint8Array([0, 0x10, 3, 0x0b]), offset: 0 }]); // call 3
 * sites.forEachCall(0, (f) => console.log(f)); // 3
 * console.log(sites.reencode(0, { func: (i) => i + 10 })); // [0, 0x10, 13, 0x0b]
 * ```
 */
export class IndexSites {
  private readonly list: SiteList;
  /** Word position of each body's first site (-1: not walked yet). */
  private readonly first: Int32Array;
  /** Word position one past each body's last site. */
  private readonly end: Uint32Array;
  /** Each body's flags (`GROW_HINT`, `ZERO_MEMARGS`). */
  private readonly flags: Uint8Array;
  /** The hooks of the last re-encoding, by site kind (a merge passes one set for all bodies). */
  private lastHooks?: IndexHooks;
  private lastTable: HookTable = [];

  constructor(
    private readonly bodies: readonly FunctionBody[],
    options: {
      /**
       * How many memories the module has (imported and defined). With one, loads and stores
       * are not read apart: a re-encoding that moves memory 0 walks the bodies again.
       */
      memories?: number;
      /** Record every memarg, memory 0's included (for a re-encoding that moves memory 0). */
      everyMemarg?: boolean;
    } = {},
  ) {
    // Compiled code has about one site per 64 bytes (calls, globals; loads and stores of
    // memory 0 are not sites): sized so that it rarely grows.
    let bytes = 0;
    for (const b of bodies) bytes += b.bytes.length;
    const capacity = 64 + (bytes >> 6);
    this.list = options.everyMemarg || options.memories === undefined || options.memories > 1
      ? new MemargSiteList(!!options.everyMemarg, capacity)
      : new SiteList(capacity);
    this.first = new Int32Array(bodies.length).fill(-1);
    this.end = new Uint32Array(bodies.length);
    this.flags = new Uint8Array(bodies.length);
  }

  /** How many bodies the module has. */
  get count(): number {
    return this.bodies.length;
  }

  /** Walks body `i` if it has not been walked: its sites are then `first[i]` to `end[i]`. */
  private walk(i: number): void {
    if (this.first[i] >= 0) return;
    const body = this.bodies[i];
    const list = this.list;
    const from = list.length;
    list.begin(body.bytes, body.offset);
    try {
      const r = new BinaryReader(body.bytes, 0, body.bytes.length, body.offset);
      skipLocals(r, list);
      scanBody(r, list);
      if (body.bytes[body.bytes.length - 1] !== 0x0b) {
        throw new WasmDecodeError(
          "unexpected-end",
          body.offset + body.bytes.length,
          "function body does not end with `end` (0x0b)",
        );
      }
    } catch (e) {
      list.length = from; // a body that fails to read records nothing
      throw e;
    }
    this.first[i] = from;
    this.end[i] = list.length;
    this.flags[i] = list.flags;
  }

  /**
   * Reports what body `i` calls: each function it calls directly or names
   * (`call`, `return_call`, `ref.func`; repeats included), and the type index
   * of each signature it calls indirectly (`call_indirect`, `call_ref`).
   */
  forEachCall(
    i: number,
    onFunc: (func: number) => void,
    onIndirect: (type: number) => void = () => {},
  ): void {
    this.walk(i);
    const w = this.list.words;
    for (let s = this.first[i], to = this.end[i]; s < to; s += STRIDE) {
      const tag = w[s];
      if ((tag & KIND_MASK) === FUNC) onFunc(w[s + 1]);
      else if (tag & CALL_TYPE) onIndirect(w[s + 1]);
    }
  }

  /** Whether body `i` contains `memory.grow`. */
  growsMemory(i: number): boolean {
    this.walk(i);
    if (!(this.flags[i] & GROW_HINT)) return false;
    // The hint has rare false positives (a `memory.init` of data segment 64 has the same
    // bytes): the body's opcodes decide.
    let found = false;
    forEachOperator(this.bodies[i].bytes, {
      op(op) {
        if (op === 0x40) found = true;
      },
    }, this.bodies[i].offset);
    return found;
  }

  /**
   * Body `i` with its indices renumbered by `hooks`, written to `out` (the
   * body itself when nothing changes). `bytes` replaces the body's bytes when
   * a relocation patched its constants or memarg offsets at their old widths
   * (every immediate is where it was); bytes of another length are walked
   * afresh.
   */
  reencode(
    i: number,
    hooks: IndexHooks,
    out: BinaryWriter = new BinaryWriter(this.bodies[i].bytes.length + 16),
    bytes: Uint8Array = this.bodies[i].bytes,
  ): Uint8Array {
    const { offset } = this.bodies[i];
    if (this.afresh(i, hooks, bytes)) {
      return new IndexSites([{ bytes, offset }], { everyMemarg: true }).reencode(0, hooks, out);
    }
    const at = out.length;
    const table = this.hookTable(hooks);
    return patch(bytes, this.list.words, this.first[i], this.end[i], table, out, offset)
      ? out.since(at)
      : bytes;
  }

  /**
   * Walks body `i`; whether re-encoding `bytes` for it under `hooks` must walk them afresh,
   * recording every memarg: bytes of another length than the body's, or memory 0 moving while
   * the body's loads and stores of it are not sites (every one of them changes).
   */
  private afresh(i: number, hooks: IndexHooks, bytes: Uint8Array): boolean {
    this.walk(i);
    if (bytes.length !== this.bodies[i].bytes.length) return true;
    return (this.flags[i] & ZERO_MEMARGS) !== 0 && !this.list.everyMemarg &&
      hooks.memory !== undefined && hooks.memory(0) !== 0;
  }

  /** The hooks by site kind (a merge passes one set for all of a module's bodies: kept). */
  private hookTable(hooks: IndexHooks): HookTable {
    if (hooks !== this.lastHooks) {
      this.lastHooks = hooks;
      this.lastTable = hookTable(hooks);
    }
    return this.lastTable;
  }

  /**
   * The length `reencodeInto` writes for body `i` under `hooks`, or
   * undefined when the body must be walked afresh for it (see `reencode`):
   * then take its bytes from `reencode`.
   */
  reencodedLength(
    i: number,
    hooks: IndexHooks,
    bytes: Uint8Array = this.bodies[i].bytes,
  ): number | undefined {
    if (this.afresh(i, hooks, bytes)) return undefined;
    return patchedLength(
      bytes,
      this.list.words,
      this.first[i],
      this.end[i],
      this.hookTable(hooks),
      this.bodies[i].offset,
    );
  }

  /**
   * Writes body `i` with its indices renumbered by `hooks` to `out`, always
   * (the body as it is when nothing changes), straight into the writer a
   * caller encodes into. For bodies `reencodedLength` can measure.
   */
  reencodeInto(
    i: number,
    hooks: IndexHooks,
    out: BinaryWriter,
    bytes: Uint8Array = this.bodies[i].bytes,
  ): void {
    const { offset } = this.bodies[i];
    const table = this.hookTable(hooks);
    if (!patch(bytes, this.list.words, this.first[i], this.end[i], table, out, offset)) {
      out.bytes(bytes);
    }
  }
}

/**
 * The bodies of one or more modules, each module's renumbered by its own
 * hooks, as {@linkcode WrittenBodies}: each body is measured when added and
 * written straight into the encoder's output, so no renumbered copy is made
 * apart. (A body that must be walked afresh for its hooks is re-encoded
 * when added: a module whose memory 0 moves, bytes a relocation resized.)
 *
 * @example
 * ```ts
 * import { IndexSites, RenumberedBodies } from "./index_sites.ts";
 * import { BinaryWriter } from "../writer.ts";
 * const bodies = new RenumberedBodies();
 * bodies.add(new IndexSites([{ bytes: new Uint8Array([0, 0x10, 3, 0x0b]), offset: 0 }]), {
 *   func: (f) => f + 200, // call 3 becomes call 203, a byte longer
 * });
 * const out = new BinaryWriter();
 * bodies.write(0, out);
 * console.log(bodies.lengths, out.finish()); // [ 5 ] Uint8Array(5) [ 0, 16, 203, 1, 11 ]
 * ```
 */
export class RenumberedBodies implements WrittenBodies {
  readonly lengths: number[] = [];
  private readonly parts: {
    sites: IndexSites;
    hooks: IndexHooks;
    bodies?: readonly FunctionBody[];
    /** The position of the module's first body. */
    first: number;
  }[] = [];
  /** Bodies re-encoded when added, by position. */
  private readonly made = new Map<number, Uint8Array>();
  /** The part `write` last wrote from (bodies are written in order). */
  private current = 0;

  /**
   * Adds a module's bodies (`sites` walks them) renumbered by `hooks`.
   * `bodies` replaces their bytes (a relocation patched them).
   */
  add(sites: IndexSites, hooks: IndexHooks, bodies?: readonly FunctionBody[]): void {
    const first = this.lengths.length;
    this.parts.push({ sites, hooks, bodies, first });
    for (let i = 0; i < sites.count; i++) {
      const bytes = bodies?.[i].bytes;
      const length = sites.reencodedLength(i, hooks, bytes);
      if (length !== undefined) {
        this.lengths.push(length);
        continue;
      }
      const made = sites.reencode(i, hooks, undefined, bytes);
      this.made.set(first + i, made);
      this.lengths.push(made.length);
    }
  }

  /** Writes body `i` (of all the modules added, in order) to `out`. */
  write(i: number, out: BinaryWriter): void {
    const made = this.made.get(i);
    if (made) {
      out.bytes(made);
      return;
    }
    const parts = this.parts;
    let p = this.current;
    if (i < parts[p].first) p = 0;
    while (p + 1 < parts.length && i >= parts[p + 1].first) p++;
    this.current = p;
    const { sites, hooks, bodies, first } = parts[p];
    sites.reencodeInto(i - first, hooks, out, bodies?.[i - first].bytes);
  }
}

/**
 * Rewrites a constant expression (instructions through the final `end`).
 *
 * @example
 * ```ts
 * import { reencodeConstExpr } from "./index_sites.ts";
 * console.log(reencodeConstExpr(new Uint8Array([0x23, 1, 0x0b]), { global: (i) => i + 1 })); // [0x23, 2, 0x0b]
 * ```
 */
export function reencodeConstExpr(expr: Uint8Array, hooks: IndexHooks, offset = 0): Uint8Array {
  // Most are `i32.const N; end` (a data segment's offset; a large module has thousands): no
  // index to renumber, and no site list to build.
  if (expr[0] === 0x41 && expr[expr.length - 1] === 0x0b) {
    const r = new BinaryReader(expr, 1, expr.length, offset);
    r.s32("an i32 constant");
    if (r.pos === expr.length - 1) return expr;
  }
  const list = new MemargSiteList(true, 2);
  list.begin(expr, offset);
  const r = new BinaryReader(expr, 0, expr.length, offset);
  skipConstExpr(r, list);
  const src = expr.subarray(0, r.pos);
  // Most are a constant (a data segment's offset): nothing to renumber.
  if (list.length === 0) return r.pos === expr.length ? expr : src;
  const out = new BinaryWriter(expr.length + 8);
  return patch(src, list.words, 0, list.length, hookTable(hooks), out, offset) ? out.finish() : src;
}

/** Whether `bytes` contains `a` immediately followed by `b`. */
function hasPair(bytes: Uint8Array, a: number, b: number): boolean {
  for (let at = bytes.indexOf(a); at >= 0 && at + 1 < bytes.length; at = bytes.indexOf(a, at + 1)) {
    if (bytes[at + 1] === b) return true;
  }
  return false;
}

/**
 * The functions (absolute indices, imports counted) whose bodies contain
 * `memory.grow`. Pass the module's `sites` when other questions walk every
 * body anyway (a merge): the walk then answers this too. Without them, most
 * bodies are rejected by a byte scan and only the rest are walked.
 *
 * @example
 * ```ts
 * import { findMemoryGrow } from "./index_sites.ts";
 * console.log(findMemoryGrow({ kind: "module", sections: [] })); // []
 * ```
 */
export function findMemoryGrow(m: CoreModule, sites?: IndexSites): number[] {
  let imported = 0;
  let memories = 0;
  let bodies: FunctionBody[] = [];
  for (const s of m.sections) {
    if (s.id === "import") {
      for (const i of s.imports) {
        if (i.desc.kind === "memory") memories++;
        else if (i.desc.kind === "func") imported++;
      }
    } else if (s.id === "memory") memories += s.memories.length;
    else if (s.id === "code") bodies = s.bodies;
  }
  const walked = sites ?? new IndexSites(bodies);
  const out: number[] = [];
  bodies.forEach((b, i) => {
    // Fast reject: with one memory, `memory.grow` is the bytes 0x40 0x00 (its memory index is
    // 0); a body without that pair cannot contain it. (The pair also occurs elsewhere: those
    // bodies are walked.)
    const maybe = sites !== undefined ||
      (memories <= 1 ? hasPair(b.bytes, 0x40, 0x00) : b.bytes.indexOf(0x40) >= 0);
    if (maybe && walked.growsMemory(i)) out.push(imported + i);
  });
  return out;
}
