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
import { IndexSites } from "./index_sites.ts";

/** Who calls whom in one core module, by function index (imports first). */
export interface CallGraph {
  /** Function names (imports as `module::field`), read from the name section on first use. */
  readonly names: Map<number, string>;
  exports: { name: string; func: number }[];
  imports: { func: number; module: string; field: string }[];
  /** The functions element segments put in tables, by signature key. */
  tableFuncs: Map<string, number[]>;
  /** How many functions the module has (imports and defined). */
  functions: number;
  /**
   * Reports what function `f` calls (nothing for an import): each direct
   * callee (`call`, `return_call`, `ref.func`; repeats included), and the key
   * of each signature it calls indirectly — it may reach every table function
   * of that signature. Read from the code on first use.
   */
  forEachCallee(
    f: number,
    onFunc: (callee: number) => void,
    onSignature: (key: string) => void,
  ): void;
}

function signatureKey(t: DefinedType | undefined): string {
  const sig = signatureOf(t);
  return sig ? JSON.stringify(sig) : "?";
}

/**
 * The call graph of `m`. Pass the module's `sites` when other questions
 * (a re-encoding, the `memory.grow` search) walk its bodies too.
 *
 * @example
 * ```ts
 * import { callGraph } from "./call_graph.ts";
 * const g = callGraph({ kind: "module", sections: [] });
 * console.log(g.imports.length, g.functions); // 0 0
 * ```
 */
export function callGraph(m: CoreModule, sites?: IndexSites): CallGraph {
  const importNames = new Map<number, string>();
  let nameSection: Uint8Array | undefined;
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
        importNames.set(imports.length, `${i.module}::${i.field}`);
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
      for (const t of s.types) funcTypes.push(t);
    } else if (s.id === "code") {
      bodies = s.bodies;
    } else if (s.id === "custom" && s.name === "name") nameSection = s.data;
  }
  let names: Map<number, string> | undefined;
  const readNames = (): Map<number, string> => {
    if (names) return names;
    names = new Map(importNames);
    try {
      for (const [i, n] of nameSection ? decodeNameSection(nameSection).functions ?? [] : []) {
        if (!names.has(i)) names.set(i, n);
      }
    } catch {
      // a malformed name section only costs readable names
    }
    return names;
  };
  // One key per type index, not one per call or table entry.
  const typeKeys = new Map<number, string>();
  const typeKey = (t: number): string => {
    let key = typeKeys.get(t);
    if (key === undefined) typeKeys.set(t, key = signatureKey(types[t]));
    return key;
  };
  const walked = sites ?? new IndexSites(bodies);
  const forEachCallee = (
    f: number,
    onFunc: (callee: number) => void,
    onSignature: (key: string) => void,
  ): void => {
    const i = f - imports.length;
    if (bodies[i]) walked.forEachCall(i, onFunc, (t) => onSignature(typeKey(t)));
  };
  const bySignature = new Map<string, number[]>();
  for (const f of tableFuncs) {
    const key = typeKey(funcTypes[f]);
    if (!bySignature.has(key)) bySignature.set(key, []);
    bySignature.get(key)!.push(f);
  }
  return {
    get names() {
      return readNames();
    },
    exports,
    imports,
    tableFuncs: bySignature,
    functions: imports.length + bodies.length,
    forEachCallee,
  };
}

/**
 * Walks `g` from `roots`, calling `visit(f, from)` once per function
 * reached (`from` is the caller it was first reached through); a visit
 * returning `"stop"` ends the walk. The table's functions are expanded once
 * per signature, at the first indirect call of it.
 *
 * `order` `"breadth"` (the default) visits nearer functions first, so each
 * `from` chain is a shortest one (a report of how `memory.grow` is reached);
 * `"depth"` follows the latest call found first, which reaches something
 * deep in a large module after far fewer visits (a yes-or-no question).
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
  order: "breadth" | "depth" = "breadth",
): void {
  // Functions found, by index (a typed array: a set of thousands of numbers is most of a walk's
  // garbage); an index past the module's functions (invalid code) is tracked apart. A function
  // is marked when first queued, so the queue holds each once, with the caller that found it.
  const foundIndex = new Uint8Array(g.functions);
  const foundOther = new Set<number>();
  const queue: number[] = [];
  const via: (number | undefined)[] = [];
  const reach = (f: number, from: number | undefined): void => {
    if (f >= 0 && f < foundIndex.length) {
      if (foundIndex[f]) return;
      foundIndex[f] = 1;
    } else {
      if (foundOther.has(f)) return;
      foundOther.add(f);
    }
    queue.push(f);
    via.push(from);
  };
  for (const r of roots) reach(r, undefined);
  const expanded = new Set<string>();
  let from = 0;
  const onFunc = (callee: number) => reach(callee, from);
  const onSignature = (sig: string) => {
    if (expanded.has(sig)) return;
    expanded.add(sig);
    for (const callee of g.tableFuncs.get(sig) ?? []) reach(callee, from);
  };
  if (order === "depth") {
    // The queue as a stack: the function last found is visited next.
    while (queue.length) {
      const f = queue.pop()!;
      if (visit(f, via.pop()) === "stop") return;
      from = f;
      g.forEachCallee(f, onFunc, onSignature);
    }
    return;
  }
  for (let at = 0; at < queue.length; at++) {
    const f = queue[at];
    if (visit(f, via[at]) === "stop") return;
    from = f;
    g.forEachCallee(f, onFunc, onSignature);
  }
}

/**
 * A function's name for a message: its name-section name, else an export's name, else
 * `func N`.
 *
 * @example
 * ```ts
 * import { callGraph, displayName } from "./call_graph.ts";
 * console.log(displayName(callGraph({ kind: "module", sections: [] }), 3)); // "func 3"
 * ```
 */
export function displayName(g: CallGraph, f: number): string {
  return g.names.get(f) ?? g.exports.find((e) => e.func === f)?.name ?? `func ${f}`;
}
