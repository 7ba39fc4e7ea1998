/**
 * The record of a module's index immediates (see `index_sites.ts`): a list
 * of sites — kind, value, byte range — filled by one walk of each function
 * body. The walk reads compiled code's common instructions inline and leaves
 * the rest to the instruction reader.
 *
 * @module
 */
import { BinaryReader } from "../reader.ts";
import { WasmDecodeError } from "../errors.ts";
import {
  type IndexKind,
  OPCODE_SHAPES,
  type OperatorSink,
  readOperator,
  SHAPE_BLOCK,
  SHAPE_F32,
  SHAPE_F64,
  SHAPE_FUNC,
  SHAPE_GLOBAL,
  SHAPE_LEB,
  SHAPE_MEMARG,
  SHAPE_NONE,
} from "./operators.ts";

// Site kinds: the low bits of a site's tag, in the order of `IndexHooks`' spaces. A memarg's
// value is its memory index, and its range ends where the offset starts.
/** A function index. */
export const FUNC = 0;
/** A global index. */
export const GLOBAL = 1;
/** A memory index. */
export const MEMORY = 2;
/** A table index. */
export const TABLE = 3;
/** A type index. */
export const TYPE = 4;
/** A data segment index. */
export const DATA = 5;
/** An element segment index. */
export const ELEM = 6;
/** A tag index. */
export const TAG = 7;
/** A memarg (its value is the memory index). */
export const MEMARG = 8;
/** The bits of a tag that hold the site kind. */
export const KIND_MASK = 0x0f;
/** Tag flag: the immediate is an s33 (a block type's or heap type's type index). */
export const S33 = 0x10;
/** Tag flag: the type index is an indirect call's signature. */
export const CALL_TYPE = 0x20;
/** Words per site: tag, value, start, end. */
export const STRIDE = 4;
/** Body flag: a memory immediate follows a 0x40 byte (maybe a `memory.grow`). */
export const GROW_HINT = 1;
/** Body flag: a load or store may name memory 0 without being a site. */
export const ZERO_MEMARGS = 2;

/** An index kind's site kind (a switch: a keyed lookup by string costs as much as the walk). */
function siteKind(kind: IndexKind): number {
  switch (kind) {
    case "func":
      return FUNC;
    case "global":
      return GLOBAL;
    case "memory":
      return MEMORY;
    case "table":
      return TABLE;
    case "type":
      return TYPE;
    case "data":
      return DATA;
    case "elem":
      return ELEM;
    case "tag":
      return TAG;
  }
}

/**
 * A growable list of sites. Records what the instruction reader reports;
 * positions are relative to the bytes being read. Records no memarg: for a
 * module with one memory, every load and store names memory 0 (see
 * {@linkcode MemargSiteList} for the others).
 *
 * @example
 * ```ts
 * import { SiteList } from "./site_list.ts";
 * const list = new SiteList();
 * list.index("func", 3, 1, 2);
 * console.log(list.length, list.words.slice(0, 4)); // 4 Uint32Array(4) [ 0, 3, 1, 2 ]
 * ```
 */
export class SiteList implements OperatorSink {
  words: Uint32Array;
  /** Words used. */
  length = 0;
  /**
   * The body's flags: `GROW_HINT` when a memory immediate follows a 0x40 byte (maybe a
   * `memory.grow`); `ZERO_MEMARGS` when a load or store may name memory 0 without being a site
   * (loads and stores are most of a body's immediates, and memory 0 rarely moves).
   */
  flags = 0;
  /** The bytes being read (for the `memory.grow` hint) and their absolute offset. */
  bytes: Uint8Array = new Uint8Array(0);
  base = 0;
  /** Whether every memarg is a site (memory 0's included). */
  readonly everyMemarg: boolean = false;
  /** Whether loads and stores are read for their memory (none is, with one memory). */
  readonly readsMemargs: boolean = false;

  constructor(capacity = 64) {
    this.words = new Uint32Array(STRIDE * capacity);
  }

  /** Starts a body: no memarg is recorded, so any may name memory 0. */
  begin(bytes: Uint8Array, base: number): void {
    this.bytes = bytes;
    this.base = base;
    this.flags = ZERO_MEMARGS;
  }

  push(tag: number, value: number, start: number, end: number): void {
    if (this.length + STRIDE > this.words.length) {
      const next = new Uint32Array(this.words.length * 2);
      next.set(this.words);
      this.words = next;
    }
    const w = this.words;
    const at = this.length;
    w[at] = tag;
    w[at + 1] = value;
    w[at + 2] = start;
    w[at + 3] = end;
    this.length = at + STRIDE;
  }

  index(
    kind: IndexKind,
    value: number,
    start: number,
    end: number,
    s33?: boolean,
    callType?: boolean,
  ): void {
    const k = siteKind(kind);
    if (value > 0xffffffff) {
      throw new WasmDecodeError(
        "bad-value",
        this.base + start,
        `${kind} index ${value} is out of range`,
      );
    }
    if (k === MEMORY && start > 0 && this.bytes[start - 1] === 0x40) this.flags |= GROW_HINT;
    this.push(k | (s33 ? S33 : 0) | (callType ? CALL_TYPE : 0), value, start, end);
  }
}

/**
 * A site list that records memargs too: those of memories other than 0, or
 * (`everyMemarg`) all of them, for a re-encoding that moves memory 0.
 *
 * @example
 * ```ts
 * import { MemargSiteList } from "./site_list.ts";
 * const list = new MemargSiteList(true);
 * list.memarg(2, 0, 5, 4);
 * console.log(list.length); // 4
 * ```
 */
export class MemargSiteList extends SiteList {
  override readonly everyMemarg: boolean;
  override readonly readsMemargs = true;

  constructor(everyMemarg: boolean, capacity = 64) {
    super(capacity);
    this.everyMemarg = everyMemarg;
  }

  override begin(bytes: Uint8Array, base: number): void {
    super.begin(bytes, base);
    this.flags = 0;
  }

  memarg(_align: number, memory: number, offsetStart: number, start: number): void {
    if (memory === 0 && !this.everyMemarg) this.flags |= ZERO_MEMARGS;
    else this.push(MEMARG, memory, start, offsetStart);
  }
}

/**
 * The end of a LEB128 of at most 4 bytes at `at`, or -1 for a longer one.
 * (Any such LEB is a valid u32, s32, u64 or s64: the limits bite at byte 5.)
 */
function shortLeb(b: Uint8Array, at: number): number {
  if (b[at] < 0x80) return at + 1;
  if (b[at + 1] < 0x80) return at + 2;
  if (b[at + 2] < 0x80) return at + 3;
  if (b[at + 3] < 0x80) return at + 4;
  return -1;
}

/** The value of a LEB128 of at most 4 bytes in `[at, end)`. */
function shortLebValue(b: Uint8Array, at: number, end: number): number {
  let v = 0;
  for (let i = end - 1; i >= at; i--) v = (v << 7) | (b[i] & 0x7f);
  return v;
}

/** The longest instruction the scan reads inline (`f64.const`: opcode and 8 bytes). */
const LONGEST_INLINE = 9;

/**
 * Reads a body's instructions from the reader's position to its end into
 * `list`. The opcodes compiled code is made of (calls, locals, constants,
 * loads and stores, blocks: see `OPCODE_SHAPES`) with immediates of up to 4
 * bytes are read here, without a call per instruction and immediate: this
 * walk is most of a merge's time. Everything else — a rarer opcode, a longer
 * immediate, a load or store the list records, the body's last bytes — goes
 * through `readOperator`, which also names every malformation.
 *
 * @example
 * ```ts
 * import { scanBody, SiteList } from "./site_list.ts";
 * import { BinaryReader } from "../reader.ts";
 * // call 3; global.get 1; drop; end — after the locals.
 * const body = new Uint8Array([0, 0x10, 3, 0x23, 1, 0x1a, 0x0b]);
 * const list = new SiteList();
 * list.begin(body, 0);
 * scanBody(new BinaryReader(body, 1), list);
 * console.log(list.words.slice(0, 8)); // Uint32Array(8) [ 0, 3, 2, 3, 1, 1, 4, 5 ]
 * ```
 */
export function scanBody(r: BinaryReader, list: SiteList): void {
  const b = r.bytes;
  const end = r.end;
  const inlineEnd = end - LONGEST_INLINE;
  const memargsInline = !list.readsMemargs;
  let p = r.pos;
  while (p < end) {
    if (p < inlineEnd) {
      let next = -1;
      switch (OPCODE_SHAPES[b[p]]) {
        case SHAPE_NONE:
          next = p + 1;
          break;
        case SHAPE_LEB:
          next = shortLeb(b, p + 1);
          break;
        case SHAPE_MEMARG:
          // An alignment byte without the memory-index flag, then the offset.
          if (memargsInline && b[p + 1] < 0x40) next = shortLeb(b, p + 2);
          break;
        case SHAPE_FUNC:
        case SHAPE_GLOBAL:
          next = shortLeb(b, p + 1);
          if (next > 0) {
            const kind = OPCODE_SHAPES[b[p]] === SHAPE_FUNC ? FUNC : GLOBAL;
            list.push(kind, shortLebValue(b, p + 1, next), p + 1, next);
          }
          break;
        case SHAPE_BLOCK: {
          const type = b[p + 1];
          if (type === 0x40 || (type >= 0x6a && type <= 0x7f)) next = p + 2;
          break;
        }
        case SHAPE_F32:
          next = p + 5;
          break;
        case SHAPE_F64:
          next = p + 9;
          break;
      }
      if (next > 0) {
        p = next;
        continue;
      }
    }
    r.pos = p;
    readOperator(r, list);
    p = r.pos;
  }
}
