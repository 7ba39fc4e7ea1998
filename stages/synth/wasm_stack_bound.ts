/**
 * The wasm shadow stack's worst case, proven at build time from the module
 * synth compiles: each function's frame on a stack-pointer global and the
 * module's call graph, from every export the firmware can call.
 *
 * A frame is what clang's (and rustc's) prologue takes from the stack
 * pointer: `global.get $sp; i32.const N; i32.sub` (or `i32.const -N;
 * i32.add`), summed when a function takes several. A stack-pointer global is
 * one that some function lowers that way. A function that lowers it by a
 * value that is not a constant (`alloca`, a variable-length array) has a
 * dynamic frame: the stack is unbounded, and the reason says where. An
 * indirect call reaches every table function of its signature.
 *
 * @module
 */
import type { CoreModule } from "../../wasm/module/model.ts";
import { callGraph } from "../../wasm/module/call_graph.ts";
import { forEachOperator } from "../../wasm/module/operators.ts";
import type { StackBound } from "./stack_bound.ts";

const GLOBAL_GET = 0x23, GLOBAL_SET = 0x24, LOCAL_TEE = 0x22, I32_CONST = 0x41;
const I32_SUB = 0x6b, I32_ADD = 0x6a;

/**
 * Scans one body for stack-pointer lowering: returns the constant bytes taken
 * and the globals lowered by a non-constant.
 */
function scanBody(bytes: Uint8Array): { frames: Map<number, number>; dynamic: Set<number> } {
  // The pointer's depth below its value at entry is followed through the body in order. A write
  // of `… i32.const N; i32.sub; [local.tee]; global.set` lowers it by N (a prologue; an inlined
  // callee's prologue after binaryen inlined it); any other write restores the level before the
  // last lowering (an epilogue), so inlined frames that follow each other are not summed. A read
  // lowered without a write (`global.get; [local.tee]; i32.const N; i32.sub`: a leaf's frame,
  // which is never written back) reaches N below the current depth. A lowering by a value that
  // is not a constant is a dynamic frame.
  const depth = new Map<number, number[]>(), deepest = new Map<number, number>();
  const dynamic = new Set<number>();
  const levels = (g: number) => depth.get(g) ?? (depth.set(g, []), depth.get(g)!);
  const current = (g: number) => levels(g).reduce((a, n) => a + n, 0);
  const reach = (g: number, n: number) => deepest.set(g, Math.max(deepest.get(g) ?? 0, n));
  // The four most recent instructions, as [opcode, immediate].
  const recent: [number, number][] = [[-1, 0], [-1, 0], [-1, 0], [-1, 0]];
  const frameOf = (c: [number, number], op: [number, number]): number | undefined =>
    c[0] === I32_CONST && op[0] === I32_SUB && c[1] > 0
      ? c[1]
      : c[0] === I32_CONST && op[0] === I32_ADD && c[1] < 0
      ? -c[1]
      : undefined;
  const onGet = () => {
    const [t, a, b, c] = recent;
    const get = a[0] === GLOBAL_GET ? a : t[0] === GLOBAL_GET && a[0] === LOCAL_TEE ? t : undefined;
    if (!get) return;
    const n = frameOf(b, c);
    if (n !== undefined) reach(get[1], current(get[1]) + n);
    else if (get === a && b[0] !== I32_CONST && c[0] === I32_SUB) dynamic.add(get[1]);
  };
  const onSet = () => {
    const [a, b, c, d] = recent;
    const g = d[1];
    const [x, y] = c[0] === LOCAL_TEE ? [a, b] : [b, c];
    const n = frameOf(x, y);
    if (n !== undefined) {
      levels(g).push(n);
      reach(g, current(g));
    } else if (y[0] === I32_SUB && x[0] !== I32_CONST) {
      dynamic.add(g);
    } else {
      levels(g).pop();
    }
  };
  forEachOperator(bytes, {
    op(opcode) {
      recent.shift();
      recent.push([opcode, 0]);
      // `global.get; i32.const; i32.sub` is complete when the sub arrives (it has no immediate).
      onGet();
    },
    index(kind, value) {
      if (kind !== "global") return;
      recent[3][1] = value;
      if (recent[3][0] === GLOBAL_SET && (deepest.has(value) || frameWrite())) onSet();
    },
    constant(kind, value) {
      if (kind === "i32") recent[3][1] = Number(value);
    },
  });
  return { frames: deepest, dynamic };

  /** Whether the write about to be read lowers a pointer by a constant (it is then a stack pointer). */
  function frameWrite(): boolean {
    const [a, b, c] = recent;
    return (c[0] === LOCAL_TEE ? frameOf(a, b) : frameOf(b, c)) !== undefined;
  }
}

/**
 * The shadow stacks' bound: the deepest chain from any exported function,
 * on the stack-pointer global with the deepest chain.
 *
 * @example
 * ```ts
 * import { wasmStackBound } from "./wasm_stack_bound.ts";
 * import { decodeWasm } from "../../wasm/mod.ts";
 * import type { CoreModule } from "../../wasm/module/model.ts";
 * const m = decodeWasm(await Deno.readFile("build/hello/optimized.wasm")) as CoreModule;
 * console.log(wasmStackBound(m)); // { bytes: 0, chain: [] }: greet keeps no frame
 * ```
 */
export function wasmStackBound(m: CoreModule): StackBound {
  const code = m.sections.find((s) => s.id === "code");
  const bodies = code && code.id === "code" ? code.bodies : [];
  const g = callGraph(m);
  const imported = g.functions - bodies.length;
  const scans = bodies.map((b) => scanBody(b.bytes));
  const spGlobals = new Set<number>();
  for (const s of scans) for (const k of [...s.frames.keys(), ...s.dynamic]) spGlobals.add(k);
  const exported = new Map(g.exports.map((e) => [e.func, e.name]));
  const name = (f: number) => g.names.get(f) ?? exported.get(f) ?? `func ${f}`;
  let best: StackBound = { bytes: 0, chain: [] };
  for (const sp of spGlobals) {
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
      let deepest: StackBound = { bytes: 0, chain: [] };
      let unbounded = scan.dynamic.has(sp) ? `a dynamic frame in ${name(f)}` : undefined;
      const visit = (callee: number) => {
        const b = walk(callee);
        unbounded ??= b.unbounded && `${b.unbounded}, reached from ${name(f)}`;
        if (b.bytes > deepest.bytes || deepest.chain.length === 0) deepest = b;
      };
      g.forEachCallee(f, visit, (key) => {
        for (const t of g.tableFuncs.get(key) ?? []) visit(t);
      });
      onPath.pop();
      const result: StackBound = {
        bytes: (scan.frames.get(sp) ?? 0) + deepest.bytes,
        chain: [name(f), ...deepest.chain],
        ...(unbounded ? { unbounded } : {}),
      };
      if (!unbounded) memo.set(f, result);
      return result;
    };
    for (const e of g.exports) {
      const b = walk(e.func);
      if (b.unbounded && !best.unbounded) best = b;
      else if (!!b.unbounded === !!best.unbounded && b.bytes > best.bytes) best = b;
    }
  }
  return best;
}
