/**
 * The wasm shadow stack's worst case, from a core module alone: each
 * function's deepest point below the stack pointer it was called with, and
 * the call graph, from every export.
 *
 * clang and rustc keep C's stack in linear memory, addressed by a mutable
 * i32 global: a prologue lowers it by a constant (`global.get $sp; i32.const
 * N; i32.sub; [local.tee]; global.set $sp`), an epilogue writes back the value
 * saved before. A function binaryen inlined other functions into holds each
 * inlined prologue and epilogue in place, in branches and early exits. So the
 * pointer's depth is followed through the structured control flow: each
 * block, loop and if arm starts at the depth it was entered with, a branch
 * carries its depth to the end of its target, and after `end` the depth is
 * the deepest of the paths that reach it. Any write that is not a lowering by
 * a constant restores the level before the last lowering. A lowering read but
 * never written back (a leaf's frame) reaches below the current depth. A
 * lowering by a value that is not a constant is a dynamic frame: the stack is
 * unbounded. A direct call adds its callee's bound to the depth at the call;
 * an indirect call reaches every table function of its signature, counted
 * from the function's deepest point.
 *
 * @module
 */
import type { CoreModule } from "./model.ts";
import { callGraph, displayName } from "./call_graph.ts";
import { constI32 } from "./const_expr.ts";
import { forEachOperator } from "./operators.ts";

/** A bound on a stack's depth, or why there is none. */
export interface StackBound {
  /** Bytes on the deepest chain. */
  bytes: number;
  /** The deepest chain, outermost first. */
  chain: string[];
  /** Why the stack has no bound (recursion, a dynamic frame, an unknown indirect call). */
  unbounded?: string;
}

const UNREACHABLE = 0x00, BLOCK = 0x02, LOOP = 0x03, IF = 0x04, ELSE = 0x05, TRY = 0x06;
const CATCH = 0x07, CATCH_ALL = 0x19, END = 0x0b, BR = 0x0c, BR_TABLE = 0x0e;
const RETURN = 0x0f, LOCAL_GET = 0x20, LOCAL_SET = 0x21, LOCAL_TEE = 0x22, GLOBAL_GET = 0x23;
const GLOBAL_SET = 0x24, I32_CONST = 0x41, CALL = 0x10, RETURN_CALL = 0x12;
const I32_SUB = 0x6b, I32_ADD = 0x6a;

/** The frames still open on one stack pointer, innermost last. */
type Levels = Map<number, number[]>;

interface Control {
  kind: number;
  /** The levels the construct was entered with. */
  entry: Levels;
  /** The levels of every path that reaches its end (fall-through and branches). */
  ends: Levels[];
}

const copy = (l: Levels): Levels => new Map([...l].map(([g, v]) => [g, [...v]]));
const sum = (xs: number[] | undefined) => (xs ?? []).reduce((a, n) => a + n, 0);
const total = (l: Levels) => [...l.values()].reduce((a, v) => a + sum(v), 0);

/** What one body does to the stack pointers. */
interface BodyScan {
  /** The deepest point below entry of each stack pointer. */
  frames: Map<number, number>;
  /** Pointers lowered by a value that is not a constant. */
  dynamic: Set<number>;
  /** Each direct call, with each pointer's depth where it is made. */
  calls: { func: number; depth: Map<number, number> }[];
}

/** An instruction seen: its opcode and its immediate (an index, a local, a constant). */
type Seen = [op: number, value: number];

/**
 * What a local is known to hold: stack pointer `g` at `depth` bytes below the function's entry
 * (the levels open when it was read, plus any constant taken off since), or a constant.
 */
type LocalValue = { g: number; depth: number } | { c: number };

/** A frame `i32.const N; i32.sub` (or `i32.const -N; i32.add`): N, when the pair is one. */
function frameOf(c: Seen, op: Seen): number | undefined {
  return c[0] === I32_CONST && op[0] === I32_SUB && c[1] > 0
    ? c[1]
    : c[0] === I32_CONST && op[0] === I32_ADD && c[1] < 0
    ? -c[1]
    : undefined;
}

/**
 * Follows the stack pointers through one body: the levels open on each
 * control path, the deepest point of each pointer, the direct calls.
 */
class BodyScanner {
  readonly deepest = new Map<number, number>();
  readonly calls: BodyScan["calls"] = [];
  readonly dynamic = new Set<number>();
  #levels: Levels = new Map();
  #reachable = true;
  readonly #controls: Control[] = [{ kind: BLOCK, entry: new Map(), ends: [] }];
  /** The last four instructions, oldest first. */
  readonly #recent: Seen[] = [[-1, 0], [-1, 0], [-1, 0], [-1, 0]];
  #pendingSet = false;
  #pathEnds = false;
  // Unoptimized code (clang -O0, or loom = "none") moves the pointer through locals:
  // `global.get $sp; local.set a; i32.const N; local.set b; local.get a; local.get b; i32.sub;
  // local.set c; … local.get c; global.set $sp`. A local known to hold the pointer lowered by
  // `off` bytes (or a constant) is followed; any other write forgets it.
  readonly #locals = new Map<number, LocalValue>();

  #reach(g: number, n: number): void {
    this.deepest.set(g, Math.max(this.deepest.get(g) ?? 0, n));
  }

  #branchTo(label: number): void {
    const target = this.#controls[this.#controls.length - 1 - label];
    // A branch to a loop goes back to its start, where the depth is the loop's entry.
    if (target && target.kind !== LOOP && this.#reachable) target.ends.push(copy(this.#levels));
  }

  #onGet(): void {
    if (!this.#reachable) return;
    const [t, a, b, c] = this.#recent;
    const get = a[0] === GLOBAL_GET ? a : t[0] === GLOBAL_GET && a[0] === LOCAL_TEE ? t : undefined;
    if (!get) return;
    const n = frameOf(b, c);
    if (n !== undefined) this.#reach(get[1], sum(this.#levels.get(get[1])) + n);
    else if (get === a && b[0] !== I32_CONST && c[0] === I32_SUB) this.dynamic.add(get[1]);
  }

  #onSet(g: number): void {
    const [a, b, c] = this.#recent; // the three instructions before this global.set
    const [x, y] = c[0] === LOCAL_TEE ? [a, b] : [b, c];
    const held = c[0] === LOCAL_GET ? this.#locals.get(c[1]) : undefined;
    const open = this.#levels.get(g) ?? [];
    const n = frameOf(x, y) ??
      (held && "g" in held && held.g === g && held.depth > sum(open)
        ? held.depth - sum(open)
        : undefined);
    if (n !== undefined) {
      this.#levels.set(g, [...open, n]);
      this.#reach(g, sum(open) + n);
    } else if (y[0] === I32_SUB && x[0] !== I32_CONST) {
      this.dynamic.add(g);
    } else if (open.length > 0) {
      this.#levels.set(g, open.slice(0, -1));
    }
  }

  // binaryen's inlining leaves `global.get $sp; i32.const N; i32.sub; local.tee x` (a frame read
  // into a local) and a later `local.get x; global.set $sp`: that write lowers the pointer too.
  #valueOf(e: Seen): LocalValue | undefined {
    return e[0] === LOCAL_GET
      ? this.#locals.get(e[1])
      : e[0] === I32_CONST
      ? { c: e[1] }
      : e[0] === GLOBAL_GET
      ? { g: e[1], depth: sum(this.#levels.get(e[1])) }
      : undefined;
  }

  #onLocalWrite(x: number): void {
    const [a, b, c] = this.#recent; // the three instructions before this local.set / local.tee
    let v: LocalValue | undefined;
    if (c[0] === GLOBAL_GET) v = { g: c[1], depth: sum(this.#levels.get(c[1])) };
    else if (c[0] === I32_CONST) v = { c: c[1] };
    else if (c[0] === LOCAL_GET) v = this.#locals.get(c[1]);
    else if (c[0] === I32_SUB || c[0] === I32_ADD) {
      const l = this.#valueOf(a), r = this.#valueOf(b);
      if (l && "g" in l && r && "c" in r) {
        // An address inside a frame already open is no deeper than that frame.
        v = { g: l.g, depth: l.depth + (c[0] === I32_SUB ? r.c : -r.c) };
        if (this.#reachable && v.depth > 0) this.#reach(v.g, v.depth);
      }
    }
    if (v) this.#locals.set(x, v);
    else this.#locals.delete(x);
  }

  /** Control flow: each block keeps its entry levels and the levels of each path reaching its end. */
  #control(opcode: number): void {
    const controls = this.#controls;
    switch (opcode) {
      case BLOCK:
      case LOOP:
      case IF:
      case TRY:
        controls.push({ kind: opcode, entry: copy(this.#levels), ends: [] });
        // An if without else falls through with its entry levels.
        if (opcode === IF && this.#reachable) {
          controls[controls.length - 1].ends.push(copy(this.#levels));
        }
        break;
      case ELSE:
      case CATCH:
      case CATCH_ALL: {
        const c = controls[controls.length - 1];
        if (this.#reachable) c.ends.push(copy(this.#levels));
        if (opcode === ELSE) c.ends.shift(); // the if's own fall-through: the else replaces it
        this.#levels = copy(c.entry);
        this.#reachable = true;
        break;
      }
      case END: {
        const c = controls.pop();
        if (!c) break;
        if (this.#reachable) c.ends.push(copy(this.#levels));
        this.#reachable = c.ends.length > 0;
        this.#levels = c.ends.reduce((a, l) => (total(l) > total(a) ? l : a), c.entry);
        break;
      }
    }
  }

  /** Scans `bytes` (one function body). */
  scan(bytes: Uint8Array): BodyScan {
    const recent = this.#recent;
    forEachOperator(bytes, {
      op: (opcode) => {
        if (this.#pathEnds) this.#reachable = this.#pathEnds = false;
        recent.shift();
        recent.push([opcode, 0]);
        this.#pendingSet = opcode === GLOBAL_SET;
        this.#control(opcode);
        if (opcode === RETURN || opcode === UNREACHABLE) this.#reachable = false;
        // br / br_table carry their levels to their targets (their labels arrive after this op);
        // the path ends once they have.
        this.#pathEnds = opcode === BR || opcode === BR_TABLE;
        this.#onGet();
      },
      local: (kind, value) => {
        if (kind === "label") return this.#branchTo(value);
        const op = recent[3][0];
        recent[3][1] = value;
        if (op === LOCAL_SET || op === LOCAL_TEE) this.#onLocalWrite(value);
      },
      index: (kind, value) => {
        const op = recent[3][0];
        if (kind === "func" && (op === CALL || op === RETURN_CALL) && this.#reachable) {
          const depth = new Map([...this.#levels].map(([g, v]) => [g, sum(v)]));
          this.calls.push({ func: value, depth });
        }
        if (kind !== "global") return;
        recent[3][1] = value;
        if (this.#pendingSet && this.#reachable) this.#onSet(value);
      },
      constant: (kind, value) => {
        if (kind === "i32") recent[3][1] = Number(value);
      },
    });
    return { frames: this.deepest, dynamic: this.dynamic, calls: this.calls };
  }
}

/** The deepest point of each stack pointer in one body, the direct calls and their depths. */
function scanBody(bytes: Uint8Array): BodyScan {
  return new BodyScanner().scan(bytes);
}

/**
 * A defined global's constant initial value (undefined for an import or a
 * computed one): a stack pointer's is its stack's top.
 *
 * @example
 * ```ts
 * import { initialValue } from "./shadow_stack.ts";
 * console.log(initialValue({ kind: "module", sections: [] }, 0)); // undefined
 * ```
 */
export function initialValue(m: CoreModule, global: number): number | undefined {
  const imported = m.sections.flatMap((s) => s.id === "import" ? s.imports : [])
    .filter((i) => i.desc.kind === "global").length;
  const defined = m.sections.flatMap((s) => s.id === "global" ? s.globals : []);
  const g = defined[global - imported];
  return g ? constI32(g.init.bytes) : undefined;
}

/** The worse of two bounds: an unbounded one, else the deeper. */
function deeper(a: StackBound, b: StackBound): StackBound {
  if (b.unbounded && !a.unbounded) return b;
  return !!b.unbounded === !!a.unbounded && b.bytes > a.bytes ? b : a;
}

/**
 * Each shadow stack's bound, by its stack pointer global: the deepest chain
 * from any exported function. A module with several memories (isolation
 * domains) has one stack pointer per memory.
 *
 * @example
 * ```ts
 * import { shadowStackBounds } from "./shadow_stack.ts";
 * import { decodeWasm } from "../mod.ts";
 * import type { CoreModule } from "./model.ts";
 * const m = decodeWasm(await Deno.readFile("build/hello/optimized.wasm")) as CoreModule;
 * console.log(shadowStackBounds(m).size); // 0: greet keeps no frame on a stack
 * ```
 */
export function shadowStackBounds(m: CoreModule): Map<number, StackBound> {
  const code = m.sections.find((s) => s.id === "code");
  const bodies = code && code.id === "code" ? code.bodies : [];
  const g = callGraph(m);
  const imported = g.functions - bodies.length;
  const scans = bodies.map((b) => scanBody(b.bytes));
  const spGlobals = new Set<number>();
  for (const s of scans) for (const k of [...s.frames.keys(), ...s.dynamic]) spGlobals.add(k);
  // A stack grows down from its top: a global that starts at 0 is a cursor that grows up (an
  // arena's), whatever its code looks like.
  for (const k of spGlobals) if (initialValue(m, k) === 0) spGlobals.delete(k);
  const name = (f: number) => displayName(g, f);
  const bounds = new Map<number, StackBound>();
  for (const sp of spGlobals) {
    let best: StackBound = { bytes: 0, chain: [] };
    const memo = new Map<number, StackBound>();
    const onPath: number[] = [];
    const walk = (f: number): StackBound => {
      const done = memo.get(f);
      if (done) return done;
      const at = onPath.indexOf(f);
      if (at >= 0) {
        const cycle = [...onPath.slice(at), f].map(name).join(" → ");
        return { bytes: 0, chain: [], unbounded: `recursion ${cycle}` };
      }
      const scan = scans[f - imported];
      if (!scan) return { bytes: 0, chain: [name(f)] };
      onPath.push(f);
      const frame = scan.frames.get(sp) ?? 0;
      let deepest: StackBound = { bytes: frame, chain: [name(f)] };
      let unbounded = scan.dynamic.has(sp) ? `a dynamic frame in ${name(f)}` : undefined;
      // A direct call counts at the depth it is made at; any other callee (an indirect call, a
      // function reference) as if made at the function's deepest point.
      const direct = new Set<number>();
      const visit = (callee: number, at: number) => {
        const b = walk(callee);
        unbounded ??= b.unbounded && `${b.unbounded}, reached from ${name(f)}`;
        if (at + b.bytes > deepest.bytes) {
          deepest = { bytes: at + b.bytes, chain: [name(f), ...b.chain] };
        }
      };
      for (const c of scan.calls) {
        direct.add(c.func);
        visit(c.func, c.depth.get(sp) ?? 0);
      }
      g.forEachCallee(f, (callee) => {
        if (!direct.has(callee)) visit(callee, frame);
      }, (key) => {
        for (const t of g.tableFuncs.get(key) ?? []) visit(t, frame);
      });
      onPath.pop();
      const result: StackBound = { ...deepest, ...(unbounded ? { unbounded } : {}) };
      if (!unbounded) memo.set(f, result);
      return result;
    };
    for (const e of g.exports) best = deeper(best, walk(e.func));
    bounds.set(sp, best);
  }
  return bounds;
}

/**
 * The shadow stacks' bound: the deepest chain from any exported function, on
 * the stack pointer with the deepest chain. `{ bytes: 0, chain: [] }` when no
 * function lowers a stack pointer.
 *
 * @example
 * ```ts
 * import { shadowStackBound } from "./shadow_stack.ts";
 * import { decodeWasm } from "../mod.ts";
 * import type { CoreModule } from "./model.ts";
 * const m = decodeWasm(await Deno.readFile("build/hello/optimized.wasm")) as CoreModule;
 * console.log(shadowStackBound(m)); // { bytes: 0, chain: [] }: greet keeps no frame
 * ```
 */
export function shadowStackBound(m: CoreModule): StackBound {
  let best: StackBound = { bytes: 0, chain: [] };
  for (const b of shadowStackBounds(m).values()) best = deeper(best, b);
  return best;
}
