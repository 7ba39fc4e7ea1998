/**
 * Resolves component types (type-index-space entries) into the
 * self-contained {@linkcode CType} trees the canonical-ABI adapters use,
 * and compares function types for import / export matching.
 *
 * @module
 */
import { END_TYPES } from "./async/streams.ts";
import { ERROR_CONTEXT_TYPE } from "./async/error_context.ts";
import type { ValType } from "../../wasm/component/mod.ts";
import { type CType, definedCType, type FuncSig } from "../../wasm/abi/mod.ts";
import type { TypeEntry, TypeSpace } from "./scope.ts";
import { FuseError } from "./errors.ts";

const MAX_DEPTH = 64;

function fail(what: string): never {
  throw new FuseError("bad-type", "component types", what, "the component does not validate");
}

/** Resolves a `valtype` in `space` to a {@linkcode CType}. */
export function resolveValType(t: ValType, space: TypeSpace, depth = 0): CType {
  if (typeof t === "string") {
    // An error context is a handle in its component's table: passed on, the receiver gets a
    // handle of its own to the same context (the sender keeps its).
    if (t === "error-context") return { kind: "own", resource: ERROR_CONTEXT_TYPE - 1 };
    return { kind: t };
  }
  const entry = space.types[t];
  if (!entry) fail(`type index ${t} is out of bounds`);
  return resolveEntry(entry, depth + 1);
}

function resourceId(entry: TypeEntry | undefined): number {
  if (!entry || entry.kind !== "resource") fail("own / borrow must refer to a resource type");
  return entry.id;
}

/** Resolves a defined value type entry to a {@linkcode CType}. */
export function resolveEntry(entry: TypeEntry, depth = 0): CType {
  if (depth > MAX_DEPTH) fail("type nesting is too deep");
  if (entry.kind !== "def" || entry.def.kind !== "defined") {
    fail(
      `expected a value type, found a ${entry.kind === "def" ? entry.def.kind : "resource"} type`,
    );
  }
  const d = entry.def.type;
  const sp = entry.space;
  const r = (t: ValType) => resolveValType(t, sp, depth);
  const t = definedCType(d, {
    value: r,
    resource: (index) => resourceId(sp.types[index]),
    other: (o) => {
      if (o.kind === "stream" || o.kind === "future") {
        // A stream or future value is its readable end: it moves between handle tables as an
        // own handle does, tagged with the end's kind (a resource's tag is its id + 1).
        const end = o.kind === "stream" ? END_TYPES.streamReadable : END_TYPES.futureReadable;
        return { kind: "own", resource: end - 1 };
      }
      fail(`${o.kind} values cannot cross a fused boundary`);
    },
  });
  // A name an interface gives the type travels with it, so `--component` can export it again.
  return entry.name !== undefined &&
      (t.kind === "record" || t.kind === "variant" || t.kind === "flags" || t.kind === "enum")
    ? { ...t, name: entry.name }
    : t;
}

/** Resolves a function type entry to a {@linkcode FuncSig}. */
export function resolveFuncSig(entry: TypeEntry | undefined): FuncSig {
  if (entry?.kind !== "def" || entry.def.kind !== "func") fail("expected a function type");
  const f = entry.def;
  // An `async` function type only says callers may call it asynchronously: the canon options
  // (lift / lower `async`) decide the ABI.
  const sig: FuncSig = {
    params: f.params.map((p) => ({ name: p.name, type: resolveValType(p.type, entry.space) })),
    ...(f.async ? { async: true } : {}),
  };
  if (f.result !== undefined) sig.result = resolveValType(f.result, entry.space);
  else if (f.namedResults && f.namedResults.length > 0) {
    sig.result = {
      kind: "record",
      fields: f.namedResults.map((p) => ({
        name: p.name,
        type: resolveValType(p.type, entry.space),
      })),
    };
  }
  return sig;
}

/**
 * Renders a type in WIT-like syntax, for messages and reports.
 *
 * @example
 * ```ts
 * import { showCType } from "./ctypes.ts";
 * console.log(showCType({ kind: "list", element: { kind: "u8" } })); // list<u8>
 * ```
 */
export function showCType(t: CType): string {
  switch (t.kind) {
    case "record":
      return `record { ${t.fields.map((f) => `${f.name}: ${showCType(f.type)}`).join(", ")} }`;
    case "variant":
      return `variant { ${
        t.cases.map((c) => c.type ? `${c.name}(${showCType(c.type)})` : c.name).join(", ")
      } }`;
    case "list":
      return t.length === undefined
        ? `list<${showCType(t.element)}>`
        : `list<${showCType(t.element)}, ${t.length}>`;
    case "tuple":
      return `tuple<${t.types.map(showCType).join(", ")}>`;
    case "flags":
      return `flags { ${t.names.join(", ")} }`;
    case "enum":
      return `enum { ${t.names.join(", ")} }`;
    case "option":
      return `option<${showCType(t.type)}>`;
    case "result":
      return `result<${t.ok ? showCType(t.ok) : "_"}, ${t.err ? showCType(t.err) : "_"}>`;
    case "own":
      return `own<resource#${t.resource}>`;
    case "borrow":
      return `borrow<resource#${t.resource}>`;
    default:
      return t.kind;
  }
}

/** Renders a function signature in WIT syntax. */
export function showFuncSig(sig: FuncSig): string {
  const params = sig.params.map((p) => `${p.name}: ${showCType(p.type)}`).join(", ");
  return `func(${params})${sig.result ? ` -> ${showCType(sig.result)}` : ""}`;
}

/**
 * Whether two signatures are the same function type for linking: same
 * parameter types in order and same result (parameter names are ignored,
 * as subtyping in the Component Model ignores them for matching).
 */
export function sameFuncSig(a: FuncSig, b: FuncSig): boolean {
  if (a.params.length !== b.params.length || !!a.async !== !!b.async) return false;
  for (let i = 0; i < a.params.length; i++) {
    if (showCType(a.params[i].type) !== showCType(b.params[i].type)) return false;
  }
  const ra = a.result ? showCType(a.result) : "";
  const rb = b.result ? showCType(b.result) : "";
  return ra === rb;
}

/**
 * A signature with its resource ids mapped (an importer's imported resource
 * → the provider's resource it is bound to); ids not in `map` stay.
 *
 * @example
 * ```ts
 * import { remapResources } from "./ctypes.ts";
 * const sig = { params: [{ name: "c", type: { kind: "borrow" as const, resource: 1 } }] };
 * console.log(remapResources(sig, new Map([[1, 0]])).params[0].type); // { kind: "borrow", resource: 0 }
 * ```
 */
export function remapResources(sig: FuncSig, map: Map<number, number>): FuncSig {
  if (map.size === 0) return sig;
  const t = (x: CType): CType => {
    switch (x.kind) {
      case "own":
      case "borrow":
        return { kind: x.kind, resource: map.get(x.resource) ?? x.resource };
      case "record":
        return { ...x, fields: x.fields.map((f) => ({ name: f.name, type: t(f.type) })) };
      case "variant":
        return { ...x, cases: x.cases.map((c) => c.type ? { name: c.name, type: t(c.type) } : c) };
      case "list":
        return { ...x, element: t(x.element) };
      case "tuple":
        return { kind: "tuple", types: x.types.map(t) };
      case "option":
        return { kind: "option", type: t(x.type) };
      case "result":
        return {
          kind: "result",
          ...(x.ok ? { ok: t(x.ok) } : {}),
          ...(x.err ? { err: t(x.err) } : {}),
        };
      default:
        return x;
    }
  };
  return {
    ...sig,
    params: sig.params.map((p) => ({ name: p.name, type: t(p.type) })),
    ...(sig.result ? { result: t(sig.result) } : {}),
  };
}
