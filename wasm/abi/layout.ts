/**
 * Canonical ABI layout of {@linkcode CType}s, with the spec's names
 * (CanonicalABI.md: `alignment`, `elem_size`, `flatten_type`,
 * `flatten_functype`, `discriminant_type`).
 *
 * @module
 */
import type { ValType } from "../module/mod.ts";
import type { CType, FuncSig } from "./types.ts";

/** Core value type codes. */
export const I32 = 0x7f, I64 = 0x7e, F32 = 0x7d, F64 = 0x7c;

/** `MAX_FLAT_PARAMS` / `MAX_FLAT_RESULTS`. */
export const MAX_FLAT_PARAMS = 16, MAX_FLAT_RESULTS = 1;
/** `MAX_FLAT_ASYNC_PARAMS`: an async lower passes more parameters than this by pointer. */
export const MAX_FLAT_ASYNC_PARAMS = 4;

/**
 * The types a value of `t` is directly made of: a record's fields, a
 * tuple's members, a list's element, a variant-like type's payloads.
 *
 * @example
 * ```ts
 * import { childTypes } from "./layout.ts";
 * console.log(childTypes({ kind: "option", type: { kind: "string" } })); // [ { kind: "string" } ]
 * ```
 */
export function childTypes(t: CType): CType[] {
  switch (t.kind) {
    case "record":
      return t.fields.map((f) => f.type);
    case "tuple":
      return t.types;
    case "list":
      return [t.element];
    case "variant":
    case "option":
    case "result":
      return casesOf(t).filter((c): c is CType => c !== undefined);
    default:
      return [];
  }
}

/** The cases of a variant-like type (variant, enum, option, result), payloads included. */
export function casesOf(t: CType): (CType | undefined)[] {
  switch (t.kind) {
    case "variant":
      return t.cases.map((c) => c.type);
    case "enum":
      return t.names.map(() => undefined);
    case "option":
      return [undefined, t.type];
    case "result":
      return [t.ok, t.err];
    default:
      throw new Error(`${t.kind} is not a variant`);
  }
}

/** Whether a type is variant-like (discriminant + payload). */
export function isVariantLike(t: CType): boolean {
  return t.kind === "variant" || t.kind === "enum" || t.kind === "option" || t.kind === "result";
}

/** `discriminant_type`: bytes of the discriminant for `n` cases. */
export function discriminantSize(n: number): 1 | 2 | 4 {
  return n <= 256 ? 1 : n <= 65536 ? 2 : 4;
}

function alignTo(n: number, a: number): number {
  return Math.ceil(n / a) * a;
}

/** Number of bytes a flags type takes. */
export function flagsSize(n: number): number {
  return n <= 8 ? 1 : n <= 16 ? 2 : 4 * Math.ceil(n / 32);
}

/** Size (= alignment) of the scalar types; undefined for the others. */
function scalarSize(t: CType): number | undefined {
  switch (t.kind) {
    case "bool":
    case "s8":
    case "u8":
      return 1;
    case "s16":
    case "u16":
      return 2;
    case "s32":
    case "u32":
    case "f32":
    case "char":
    case "own":
    case "borrow":
      return 4;
    case "s64":
    case "u64":
    case "f64":
      return 8;
  }
  return undefined;
}

/**
 * `alignment(t)`.
 *
 * @example
 * ```ts
 * import { alignment } from "./layout.ts";
 * console.log(alignment({ kind: "string" })); // 4
 * ```
 */
export function alignment(t: CType): number {
  const scalar = scalarSize(t);
  if (scalar !== undefined) return scalar;
  switch (t.kind) {
    case "string":
      return 4;
    case "list":
      return t.length === undefined ? 4 : alignment(t.element);
    case "record":
      return Math.max(1, ...t.fields.map((f) => alignment(f.type)));
    case "tuple":
      return Math.max(1, ...t.types.map(alignment));
    case "flags": {
      const s = flagsSize(t.names.length);
      return s >= 4 ? 4 : s;
    }
    default: {
      const cases = casesOf(t);
      return Math.max(discriminantSize(cases.length), maxCaseAlignment(cases));
    }
  }
}

/** The largest alignment among a variant's payloads. */
export function maxCaseAlignment(cases: (CType | undefined)[]): number {
  return Math.max(1, ...cases.map((c) => c ? alignment(c) : 1));
}

/** Byte offset of a variant's payload. */
export function payloadOffset(t: CType): number {
  const cases = casesOf(t);
  return alignTo(discriminantSize(cases.length), maxCaseAlignment(cases));
}

/** Byte offsets of a record's / tuple's fields. */
export function fieldOffsets(types: CType[]): number[] {
  let s = 0;
  return types.map((t) => {
    s = alignTo(s, alignment(t));
    const at = s;
    s += elemSize(t);
    return at;
  });
}

/**
 * `elem_size(t)`.
 *
 * @example
 * ```ts
 * import { elemSize } from "./layout.ts";
 * console.log(elemSize({ kind: "record", fields: [{ name: "a", type: { kind: "u8" } }, { name: "b", type: { kind: "u32" } }] })); // 8
 * ```
 */
export function elemSize(t: CType): number {
  const scalar = scalarSize(t);
  if (scalar !== undefined) return scalar;
  switch (t.kind) {
    case "string":
      return 8;
    case "list":
      return t.length === undefined ? 8 : t.length * elemSize(t.element);
    case "record":
    case "tuple": {
      const types = t.kind === "record" ? t.fields.map((f) => f.type) : t.types;
      let s = 0;
      for (const f of types) s = alignTo(s, alignment(f)) + elemSize(f);
      return alignTo(s, alignment(t));
    }
    case "flags":
      return flagsSize(t.names.length);
    default: {
      const cases = casesOf(t);
      const payload = Math.max(0, ...cases.map((c) => c ? elemSize(c) : 0));
      return alignTo(payloadOffset(t) + payload, alignment(t));
    }
  }
}

/** `join(a, b)` of two flat types in a variant's payload. */
export function join(a: ValType, b: ValType): ValType {
  if (a === b) return a;
  if ((a === I32 && b === F32) || (a === F32 && b === I32)) return I32;
  return I64;
}

/**
 * `flatten_type(t)`.
 *
 * @example
 * ```ts
 * import { flatten } from "./layout.ts";
 * console.log(flatten({ kind: "string" })); // [0x7f, 0x7f]
 * ```
 */
export function flatten(t: CType): ValType[] {
  switch (t.kind) {
    case "s64":
    case "u64":
      return [I64];
    case "f32":
      return [F32];
    case "f64":
      return [F64];
    case "string":
      return [I32, I32];
    case "list":
      if (t.length === undefined) return [I32, I32];
      return Array.from({ length: t.length }, () => flatten(t.element)).flat();
    case "record":
      return t.fields.flatMap((f) => flatten(f.type));
    case "tuple":
      return t.types.flatMap(flatten);
    case "flags":
      return Array.from({ length: Math.max(1, Math.ceil(t.names.length / 32)) }, () => I32);
    case "variant":
    case "enum":
    case "option":
    case "result": {
      const flat: ValType[] = [];
      for (const c of casesOf(t)) {
        if (!c) continue;
        flatten(c).forEach((ft, i) => {
          flat[i] = i < flat.length ? join(flat[i], ft) : ft;
        });
      }
      return [I32, ...flat];
    }
    default:
      return [I32];
  }
}

/** `flatten_functype` for one side of a call. */
export interface FlatSignature {
  params: ValType[];
  results: ValType[];
  /** Params passed as one pointer to a tuple in memory. */
  paramsIndirect: boolean;
  /** Results returned through memory (lift: callee returns a pointer; lower: caller passes one). */
  resultsIndirect: boolean;
}

/** `flatten_functype(sig, context)`. */
export function flattenFuncType(
  sig: FuncSig,
  context: "lift" | "lower" | "async lift" | "async lower",
): FlatSignature {
  if (context === "async lift" || context === "async lower") return flattenAsync(sig, context);
  let params = sig.params.flatMap((p) => flatten(p.type));
  let results = sig.result ? flatten(sig.result) : [];
  const paramsIndirect = params.length > MAX_FLAT_PARAMS;
  const resultsIndirect = results.length > MAX_FLAT_RESULTS;
  if (paramsIndirect) params = [I32];
  if (resultsIndirect) {
    if (context === "lift") results = [I32];
    else {
      params = [...params, I32];
      results = [];
    }
  }
  return { params, results, paramsIndirect, resultsIndirect };
}

/**
 * An async (stackful) lift takes its parameters as a sync lift does and
 * returns nothing (its results go through `task.return`); an async lower
 * passes more than 4 flat parameters by pointer, always receives results
 * through a pointer, and returns the subtask's status.
 */
function flattenAsync(sig: FuncSig, context: "async lift" | "async lower"): FlatSignature {
  let params = sig.params.flatMap((p) => flatten(p.type));
  const limit = context === "async lift" ? MAX_FLAT_PARAMS : MAX_FLAT_ASYNC_PARAMS;
  const paramsIndirect = params.length > limit;
  if (paramsIndirect) params = [I32];
  if (context === "async lift") {
    return { params, results: [], paramsIndirect, resultsIndirect: false };
  }
  return {
    params: sig.result ? [...params, I32] : params,
    results: [I32],
    paramsIndirect,
    resultsIndirect: sig.result !== undefined,
  };
}

/** `task.return`'s core parameters for a result type: flat up to 16 values, else one pointer. */
export function taskReturnParams(
  result: CType | undefined,
): { params: ValType[]; indirect: boolean } {
  const flat = result ? flatten(result) : [];
  return flat.length > MAX_FLAT_PARAMS
    ? { params: [I32], indirect: true }
    : { params: flat, indirect: false };
}

/** Whether values of `t` contain pointers or handles (so copying must go deep). */
export function needsDeepCopy(t: CType): boolean {
  switch (t.kind) {
    case "string":
    case "own":
    case "borrow":
      return true;
    case "list":
      return t.length === undefined || needsDeepCopy(t.element);
    case "record":
      return t.fields.some((f) => needsDeepCopy(f.type));
    case "tuple":
      return t.types.some(needsDeepCopy);
    case "variant":
    case "option":
    case "result":
      return casesOf(t).some((c) => c !== undefined && needsDeepCopy(c));
    default:
      return false;
  }
}

/** The tuple of a signature's parameters, as stored when passed indirectly. */
export function paramsTuple(sig: FuncSig): CType {
  return { kind: "tuple", types: sig.params.map((p) => p.type) };
}
