/**
 * What component validation knows of each type index: its kind (a value
 * type, a function, component or instance type, a resource), whether it
 * refers to resources, and for value types their size with 64-bit
 * pointers. The rules on one type definition live here; the walk over a
 * component's sections and declarators is `validate_types.ts`.
 *
 * @module
 */
import type { DefValType, TypeDef, ValType } from "./model.ts";

/** The spec's limit on a value type's element size (`CanonicalABI.md`, "element size"). */
export const MAX_VALUE_BYTES = 2 ** 28;

/** At most this many flags in one `flags` type. */
export const MAX_FLAGS = 32;

/**
 * What validation knows of one type index. An import, export or alias
 * that names a type makes a new kind with the same `base` (visibility is
 * by name: `visibility.ts`); identity questions compare bases.
 */
export type Kind = KindShape & {
  /** The kind this one names (set on the kinds imports and exports make). */
  base?: Kind;
};

type KindShape =
  | {
    kind: "value";
    /** A record, variant, enum or flags: visible outside only under a name. */
    nominal: boolean;
    /** The kinds of the types it is made of. */
    children: Kind[];
    /** Refers to a resource (an `own` or `borrow` somewhere inside). */
    resources: boolean;
    /** Holds a `borrow` (not allowed in function results). */
    borrows: boolean;
    /** Element size and alignment with 64-bit pointers (`MAX_VALUE_BYTES`). */
    size: number;
    align: number;
    /** `own<T>`: the resource it owns (an annotated constructor's result). */
    owns?: Kind;
    /** `result<own<T>, …>`: the `own` type of its ok case. */
    okOwns?: Kind;
  }
  | {
    kind: "func";
    resources: boolean;
    /** The kinds of its parameters and results. */
    children: Kind[];
    /** The single result's kind, when the function has one (annotated constructors). */
    result?: Kind;
  }
  | { kind: "component"; resources: boolean; shape?: ComponentShape }
  | {
    kind: "instance";
    resources: boolean;
    exports?: Map<string, Extern>;
    /** Why it cannot type an import or export: a type it exports refers to an unnamed one. */
    hidden?: string;
  }
  | { kind: "resource" }
  /** Aliased from an instance whose type validation does not track: anything goes. */
  | { kind: "any" };

/** What an instance export provides, as far as validation tracks it. */
export type Extern =
  | {
    sort: "type";
    type: Kind;
    /** After instantiation: the child's own kind for it, which the child's functions refer to. */
    childKind?: Kind;
  }
  | { sort: "func"; type: Kind }
  | { sort: "instance"; exports?: Map<string, Extern> }
  | { sort: "other" };

/** A kind validation cannot check further. */
export const ANY: Kind = { kind: "any" };

/**
 * The type index space of a component or of a type declarator, with the
 * counts of the other index spaces validation checks bounds against.
 */
export interface Space {
  parent?: Space;
  /** A component (not a component or instance type declarator). */
  concrete: boolean;
  types: Kind[];
  /** Core types: `module` types, `func` types, others. */
  coreTypes: ("module" | "func" | "other")[];
  coreModules: number;
  /** Components, with what instantiating one gives when validation knows it. */
  components: (ComponentShape | undefined)[];
  coreFuncs: number;
  /** Functions, by their type's kind. */
  funcs: Kind[];
  /** Instances, with their exports when validation knows them. */
  instances: (Map<string, Extern> | undefined)[];
  /** The declarator aliases a resource-bearing type from an enclosing scope. */
  outerResources: boolean;
  /** Types imported or exported under a plain name (annotated names name them). */
  named: Map<string, Kind>;
  /** The resources this component defines (only those take `resource.new` and `.rep`). */
  definedResources: Set<Kind>;
  /** Kinds with a name an import may use (`visibility.ts`). */
  importNames: Set<Kind>;
  /** Kinds with a name an export may use (the imported ones too). */
  exportNames: Set<Kind>;
}

/** What validation knows of a component definition: its imports and exports, and the kinds its imports made. */
export interface ComponentShape {
  imports: Map<string, Extern>;
  exports: Map<string, Extern>;
  imported: Set<Kind>;
}

/**
 * A fresh space nested in `parent`.
 *
 * @example
 * ```ts
 * import { newSpace } from "./type_kinds.ts";
 * console.log(newSpace(true).types.length); // 0
 * ```
 */
export function newSpace(concrete: boolean, parent?: Space): Space {
  return {
    parent,
    concrete,
    types: [],
    coreTypes: [],
    coreModules: 0,
    components: [],
    coreFuncs: 0,
    funcs: [],
    instances: [],
    outerResources: false,
    named: new Map(),
    definedResources: new Set(),
    importNames: new Set(),
    exportNames: new Set(),
  };
}

/** Whether values or types of `k` refer to a resource. */
export function refersToResources(k: Kind): boolean {
  return k.kind === "resource" || (k.kind !== "any" && "resources" in k && k.resources);
}

const PRIMITIVE_BYTES: Record<string, number> = {
  bool: 1,
  s8: 1,
  u8: 1,
  s16: 2,
  u16: 2,
  s32: 4,
  u32: 4,
  f32: 4,
  char: 4,
  s64: 8,
  u64: 8,
  f64: 8,
  string: 16,
  "error-context": 4,
};

type ValueKind = Kind & { kind: "value" };

/** A value type's kind without parts of its own, of `size` bytes. */
function leafKind(size: number, children: Kind[] = []): ValueKind {
  return {
    kind: "value",
    nominal: false,
    children,
    resources: false,
    borrows: false,
    size,
    align: Math.max(1, Math.min(size, 8)),
  };
}

/** The kind of value type `t` in `space`, or why it is not a value type. */
export function valueKind(space: Space, t: ValType): ValueKind | string {
  if (typeof t !== "number") {
    return leafKind(PRIMITIVE_BYTES[t]);
  }
  const k = space.types[t];
  if (!k) return "type index out of bounds";
  if (k.kind === "any") return leafKind(0, [k]);
  if (k.kind !== "value") return `type index ${t} is not a defined type`;
  return k;
}

/** The discriminant's size for `n` cases (`CanonicalABI.md`, `discriminant_type`). */
function discriminantBytes(n: number): number {
  return n <= 256 ? 1 : n <= 65536 ? 2 : 4;
}

function alignTo(n: number, a: number): number {
  return Math.ceil(n / a) * a;
}

/** Size and alignment of a record / tuple of `parts`. */
function structLayout(parts: ValueKind[]): { size: number; align: number } {
  let size = 0, align = 1;
  for (const p of parts) {
    size = alignTo(size, p.align) + p.size;
    align = Math.max(align, p.align);
  }
  return { size: alignTo(size, align), align };
}

/** Size and alignment of a variant with `cases` (undefined: a case with no payload). */
function variantLayout(cases: (ValueKind | undefined)[]): { size: number; align: number } {
  const disc = discriminantBytes(cases.length);
  let payload = 0, align = disc;
  for (const c of cases) {
    if (!c) continue;
    payload = Math.max(payload, c.size);
    align = Math.max(align, c.align);
  }
  return { size: alignTo(alignTo(disc, align) + payload, align), align };
}

/** The non-emptiness rules of the nominal and tuple types. */
function emptyError(d: DefValType): string | undefined {
  switch (d.kind) {
    case "record":
      return d.fields.length ? undefined : "record type must have at least one field";
    case "variant":
      return d.cases.length ? undefined : "variant type must have at least one case";
    case "enum":
      return d.names.length ? undefined : "enum type must have at least one variant";
    case "flags":
      if (!d.names.length) return "flags must have at least one entry";
      return d.names.length > MAX_FLAGS ? `cannot have more than ${MAX_FLAGS} flags` : undefined;
    case "tuple":
      return d.types.length ? undefined : "tuple type must have at least one type";
    default:
      return undefined;
  }
}

/** The value types `d` is made of (undefined: a case without payload). */
function parts(d: DefValType): (ValType | undefined)[] {
  switch (d.kind) {
    case "record":
      return d.fields.map((f) => f.type);
    case "variant":
      return d.cases.map((c) => c.type);
    case "tuple":
      return d.types;
    case "list":
    case "option":
      return [d.kind === "list" ? d.element : d.type];
    case "result":
      return [d.ok, d.err];
    case "stream":
    case "future":
      return d.element === undefined ? [] : [d.element];
    case "map":
      return [d.key, d.value];
    default:
      return [];
  }
}

/** The size of `d` once its parts' kinds are known. */
function layoutOf(d: DefValType, ks: (ValueKind | undefined)[]): { size: number; align: number } {
  const all = ks.filter((k): k is ValueKind => !!k);
  switch (d.kind) {
    case "record":
    case "tuple":
      return structLayout(all);
    case "variant":
      return variantLayout(ks);
    case "option":
      return variantLayout([undefined, ks[0]]);
    case "result":
      return variantLayout(ks);
    case "enum":
      return { size: discriminantBytes(d.names.length), align: discriminantBytes(d.names.length) };
    case "flags": {
      const bytes = d.names.length <= 8 ? 1 : d.names.length <= 16 ? 2 : 4;
      return { size: bytes, align: bytes };
    }
    case "list":
      return d.length === undefined
        ? { size: 16, align: 8 }
        : { size: d.length * all[0].size, align: all[0].align };
    case "map":
      return { size: 16, align: 8 };
    case "primitive":
      return { size: PRIMITIVE_BYTES[d.type], align: Math.min(PRIMITIVE_BYTES[d.type], 8) };
    default: // own, borrow, stream, future: a 32-bit handle
      return { size: 4, align: 4 };
  }
}

/** The kind of defined value type `d` in `space`, or why it is invalid. */
function definedKind(space: Space, d: DefValType): Kind | string {
  const empty = emptyError(d);
  if (empty) return empty;
  if (d.kind === "own" || d.kind === "borrow") {
    const target = space.types[d.resource];
    if (!target) return "type index out of bounds";
    if (target.kind !== "resource" && target.kind !== "any") return "not a resource type";
    return {
      kind: "value",
      nominal: false,
      children: [target],
      resources: true,
      borrows: d.kind === "borrow",
      size: 4,
      align: 4,
      ...(d.kind === "own" ? { owns: target } : {}),
    };
  }
  const ks: (ValueKind | undefined)[] = [];
  for (const p of parts(d)) {
    if (p === undefined) {
      ks.push(undefined);
      continue;
    }
    const k = valueKind(space, p);
    if (typeof k === "string") return k;
    ks.push(k);
  }
  const { size, align } = layoutOf(d, ks);
  if (size >= MAX_VALUE_BYTES) {
    return `type exceeds maximum byte size (${size} bytes, the limit is ${MAX_VALUE_BYTES - 1})`;
  }
  // A stream or future of borrows is a handle of its own: no borrow lives in the result.
  const carried = d.kind === "stream" || d.kind === "future" ? [] : ks;
  const okOwns = d.kind === "result" ? ks[0]?.owns : undefined;
  return {
    kind: "value",
    nominal: d.kind === "record" || d.kind === "variant" || d.kind === "enum" || d.kind === "flags",
    children: ks.filter((k): k is ValueKind => !!k),
    resources: ks.some((k) => k?.resources),
    borrows: carried.some((k) => k?.borrows),
    size,
    align,
    ...(okOwns ? { okOwns } : {}),
  };
}

/** The kind of function type `f` in `space`, or why it is invalid. */
function funcKind(space: Space, f: TypeDef & { kind: "func" }): Kind | string {
  const results = f.result !== undefined ? [f.result] : (f.namedResults ?? []).map((r) => r.type);
  let resources = false, result: Kind | undefined;
  const children: Kind[] = [];
  for (const p of f.params) {
    const k = valueKind(space, p.type);
    if (typeof k === "string") return k;
    resources ||= k.resources;
    children.push(k);
  }
  for (const r of results) {
    const k = valueKind(space, r);
    if (typeof k === "string") return k;
    if (k.borrows) return "function result cannot contain a `borrow` type";
    resources ||= k.resources;
    if (f.result !== undefined) result = k;
    children.push(k);
  }
  return { kind: "func", resources, children, ...(result ? { result } : {}) };
}

/**
 * The kind of a value or function type definition `t` in `space`, or why
 * it is invalid (component and instance types are walked by
 * `validate_types.ts`).
 *
 * @example
 * ```ts
 * import { newSpace, typeKind } from "./type_kinds.ts";
 * const space = newSpace(true);
 * console.log(typeKind(space, { kind: "defined", type: { kind: "list", element: "u8", length: 2 ** 28 } }));
 * // type exceeds maximum byte size (268435456 bytes, the limit is 268435455)
 * ```
 */
export function typeKind(space: Space, t: TypeDef): Kind | string {
  switch (t.kind) {
    case "defined":
      return definedKind(space, t.type);
    case "func":
      return funcKind(space, t);
    case "resource":
      return { kind: "resource" };
    default:
      return { kind: t.kind, resources: false };
  }
}
