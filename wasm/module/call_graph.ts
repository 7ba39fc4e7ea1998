/**
 * Call graphs of core modules, for the questions a gate or a merge asks:
 * which call chain reaches `memory.grow`, which imports a function can
 * reach. A function's calls are read the first time a walk reaches it, so
 * asking about a few functions of a large module reads only their part of
 * it. An indirect call reaches the table's functions of its signature,
 * through one edge set per signature, so thousands of indirect callers and
 * table entries stay linear.
 *
 * @module
 */
import { type CoreModule, type DefinedType, type FunctionBody, signatureOf } from "./model.ts";
import { decodeNameSection } from "./custom.ts";
import { forEachOperator } from "./operators.ts";

/** What one function calls. */
export interface Calls {
  /** Direct callees (`call`, `return_call`, `ref.func`). */
  direct: Set<number>;
  /**
   * The signatures (canonical keys) it calls indirectly: it may reach every
   * table function of one of them.
   */
  indirect: Set<string>;
}

/** Who calls whom in one core module, by function index (imports first). */
export interface CallGraph {
  names: Map<number, string>;
  exports: { name: string; func: number }[];
  imports: { func: number; module: string; field: string }[];
  /** The functions element segments put in tables, by signature key. */
  tableFuncs: Map<string, number[]>;
  /** What function `f` calls (nothing for an import), read on first use. */
  calls(f: number): Calls;
}

const NO_CALLS: Calls = { direct: new Set(), indirect: new Set() };

function signatureKey(t: DefinedType | undefined): string {
  const sig = signatureOf(t);
  return sig ? JSON.stringify(sig) : "?";
}

/**
 * The call graph of `m`.
 *
 * @example
 * ```ts
 * import { callGraph } from "./call_graph.ts";
 * const g = callGraph({ kind: "module", sections: [] });
 * console.log(g.imports.length, g.calls(0).direct.size); // 0 0
 * ```
 */
export function callGraph(m: CoreModule): CallGraph {
  const names = new Map<number, string>();
  const exports: CallGraph["exports"] = [];
  const imports: CallGraph["imports"] = [];
  const tableFuncs = new Set<number>();
  let bodies: FunctionBody[] = [];
  let types: DefinedType[] = [];
  const funcTypes: number[] = [];
  for (const s of m.sections) {
    if (s.id === "import") {
      for (const i of s.imports) {
        if (i.desc.kind !== "func") continue;
        funcTypes.push(i.desc.type);
        names.set(imports.length, `${i.module}::${i.field}`);
        imports.push({ func: imports.length, module: i.module, field: i.field });
      }
    } else if (s.id === "export") {
      for (const e of s.exports) {
        if (e.kind === "func") exports.push({ name: e.name, func: e.index });
      }
    } else if (s.id === "element") {
      for (const seg of s.segments) {
        if (seg.items.kind === "functions") seg.items.indices.forEach((f) => tableFuncs.add(f));
      }
    } else if (s.id === "type") {
      types = s.types;
    } else if (s.id === "function") {
      funcTypes.push(...s.types);
    } else if (s.id === "code") {
      bodies = s.bodies;
    } else if (s.id === "custom" && s.name === "name") {
      try {
        for (const [i, n] of decodeNameSection(s.data).functions ?? []) {
          if (!names.has(i)) names.set(i, n);
        }
      } catch {
        // a malformed name section only costs readable names
      }
    }
  }
  const memo = new Map<number, Calls>();
  const calls = (f: number): Calls => {
    const body = bodies[f - imports.length];
    if (!body) return NO_CALLS;
    let out = memo.get(f);
    if (out) return out;
    out = { direct: new Set(), indirect: new Set() };
    const found = out;
    forEachOperator(body.bytes, {
      // A function index in code is a call, a return_call or a ref.func: each may run it.
      index(kind, value, _start, _end, _s33, callType) {
        if (kind === "func") found.direct.add(value);
        else if (callType) found.indirect.add(signatureKey(types[value])); // by signature
      },
    }, body.offset);
    memo.set(f, out);
    return out;
  };
  const bySignature = new Map<string, number[]>();
  for (const f of tableFuncs) {
    const key = signatureKey(types[funcTypes[f]]);
    if (!bySignature.has(key)) bySignature.set(key, []);
    bySignature.get(key)!.push(f);
  }
  return { names, exports, imports, tableFuncs: bySignature, calls };
}

/**
 * Walks `g` breadth-first from `roots`, calling `visit(f, from)` once per
 * function reached (`from` is the caller it was first reached through); a
 * visit returning `"stop"` ends the walk. The table's functions are
 * expanded once per signature, at the first indirect call of it.
 *
 * @example
 * ```ts
 * import { callGraph, walkCalls } from "./call_graph.ts";
 * const g = callGraph({ kind: "module", sections: [] });
 * walkCalls(g, [0], (f) => console.log(f)); // 0
 * ```
 */
export function walkCalls(
  g: CallGraph,
  roots: number[],
  visit: (f: number, from: number | undefined) => void | "stop",
): void {
  const seen = new Set<number>();
  const queue: [number, number | undefined][] = roots.map((r) => [r, undefined]);
  const expanded = new Set<string>();
  for (let at = 0; at < queue.length; at++) {
    const [f, from] = queue[at];
    if (seen.has(f)) continue;
    seen.add(f);
    if (visit(f, from) === "stop") return;
    const c = g.calls(f);
    for (const callee of c.direct) if (!seen.has(callee)) queue.push([callee, f]);
    for (const sig of c.indirect) {
      if (expanded.has(sig)) continue;
      expanded.add(sig);
      for (const callee of g.tableFuncs.get(sig) ?? []) {
        if (!seen.has(callee)) queue.push([callee, f]);
      }
    }
  }
}
