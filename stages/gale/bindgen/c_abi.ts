/**
 * C statements that move a value between its C form and its flat core
 * values (`flatten_type`): lowering a C value into flat locals before a
 * core call, lifting flat parameters into a C value in an export. Variant
 * payloads go through the canonical ABI's `join` of their slots, so a case
 * whose payload is an `f32` is carried in an `i32` slot as its bits.
 *
 * @module
 */
import { casesOf, type CType, F32, flatten, I32, I64 } from "../../../wasm/abi/mod.ts";
import type { CTypes } from "./c_types.ts";
import type { ValType } from "../../../wasm/module/mod.ts";

/** The C type of a core value type. */
export function coreCType(t: ValType): string {
  return t === I32 ? "int32_t" : t === I64 ? "int64_t" : t === F32 ? "float" : "double";
}

/** A flat slot carried in a wider joined slot (`from` → `to`), as a C expression. */
function widen(x: string, from: number, to: number): string {
  if (from === to) return x;
  if (to === I32) return `dissolve_f32_bits(${x})`;
  if (from === I32) return `(int64_t)(uint32_t)(${x})`;
  if (from === F32) return `(int64_t)(uint32_t)dissolve_f32_bits(${x})`;
  return `dissolve_f64_bits(${x})`;
}

/** A joined slot narrowed to the case's own flat type `to`. */
function narrow(x: string, from: number, to: number): string {
  if (from === to) return x;
  if (from === I32) return `dissolve_bits_f32(${x})`;
  if (to === I32) return `(int32_t)(${x})`;
  if (to === F32) return `dissolve_bits_f32((int32_t)(${x}))`;
  return `dissolve_bits_f64(${x})`;
}

/** What a variant-like value's tag and payloads are called in C. */
function variantParts(t: CType, v: string): { tag: string; payloads: (string | undefined)[] } {
  switch (t.kind) {
    case "option":
      return { tag: `${v}.is_some`, payloads: [undefined, `${v}.val`] };
    case "result":
      return { tag: `${v}.is_err`, payloads: [`${v}.val.ok`, `${v}.val.err`] };
    case "variant":
      return {
        tag: `${v}.tag`,
        payloads: t.cases.map((c) => c.type ? `${v}.val.${c.name.replace(/-/g, "_")}` : undefined),
      };
    default:
      return { tag: v, payloads: [] };
  }
}

/**
 * Writes the statements that lower C value `v` (an lvalue of type `t`)
 * into flat locals; returns the C expressions of those locals.
 */
export class FlatLowering {
  private n = 0;
  readonly code: string[] = [];
  constructor(private readonly types: CTypes, private readonly prefix = "l") {}

  /** Lowers `v` of type `t`; returns one expression per flat value. */
  lower(t: CType, v: string, indent = "  "): string[] {
    switch (t.kind) {
      case "string":
      case "list":
        return [`(int32_t)(${v}).ptr`, `(int32_t)(${v}).len`];
      case "record":
        return t.fields.flatMap((f) =>
          this.lower(f.type, `${v}.${f.name.replace(/-/g, "_")}`, indent)
        );
      case "tuple":
        return t.types.flatMap((x, i) => this.lower(x, `${v}.f${i}`, indent));
      case "s64":
      case "u64":
        return [`(int64_t)(${v})`];
      case "f32":
      case "f64":
        return [v];
      case "own":
        return [`(${v}).__handle`];
      case "borrow":
        return [this.types.borrowIsRep(t.resource) ? `(int32_t)(${v})` : `(${v}).__handle`];
      case "variant":
      case "option":
      case "result":
        return this.variant(t, v, indent);
      default:
        return [`(int32_t)(${v})`];
    }
  }

  private variant(t: CType, v: string, indent: string): string[] {
    const flat = flatten(t) as number[];
    const slots = flat.map(() => `${this.prefix}${this.n++}`);
    const { tag, payloads } = variantParts(t, v);
    this.code.push(
      `${indent}${flat.map((ft, i) => `${coreCType(ft)} ${slots[i]} = 0;`).join(" ")}`,
    );
    this.code.push(`${indent}${slots[0]} = (int32_t)(${tag});`);
    const cases = casesOf(t);
    if (cases.some((c) => c)) {
      this.code.push(`${indent}switch (${slots[0]}) {`);
      cases.forEach((c, i) => {
        if (!c) return;
        this.code.push(`${indent}  case ${i}: {`);
        const own = flatten(c) as number[];
        const exprs = this.lower(c, payloads[i]!, `${indent}    `);
        exprs.forEach((x, j) => {
          this.code.push(`${indent}    ${slots[j + 1]} = ${widen(x, own[j], flat[j + 1])};`);
        });
        this.code.push(`${indent}    break;`, `${indent}  }`);
      });
      this.code.push(`${indent}}`);
    }
    return slots;
  }
}

/**
 * Writes the statements that lift flat values (C expressions of their core
 * types) into C lvalue `v` of type `t`; returns how many flat values it used.
 */
export function liftFlat(
  types: CTypes,
  t: CType,
  v: string,
  flat: string[],
  code: string[],
  indent = "  ",
): number {
  switch (t.kind) {
    case "string":
    case "list": {
      const elem = t.kind === "list" ? types.name(t.element) : "uint8_t";
      code.push(`${indent}${v}.ptr = (${elem} *)(uintptr_t)(uint32_t)(${flat[0]});`);
      code.push(`${indent}${v}.len = (size_t)(uint32_t)(${flat[1]});`);
      return 2;
    }
    case "record":
    case "tuple": {
      const parts = t.kind === "record"
        ? t.fields.map((f) => ({ type: f.type, name: f.name.replace(/-/g, "_") }))
        : t.types.map((x, i) => ({ type: x, name: `f${i}` }));
      let used = 0;
      for (const p of parts) {
        used += liftFlat(types, p.type, `${v}.${p.name}`, flat.slice(used), code, indent);
      }
      return used;
    }
    case "bool":
      code.push(`${indent}${v} = (${flat[0]}) != 0;`);
      return 1;
    case "own":
      code.push(`${indent}${v}.__handle = ${flat[0]};`);
      return 1;
    case "borrow": {
      const c = types.handle("borrow", t.resource);
      code.push(
        types.borrowIsRep(t.resource)
          ? `${indent}${v} = (${c})(uintptr_t)(uint32_t)(${flat[0]});`
          : `${indent}${v}.__handle = ${flat[0]};`,
      );
      return 1;
    }
    case "variant":
    case "option":
    case "result":
      return liftVariant(types, t, v, flat, code, indent);
    default:
      code.push(`${indent}${v} = (${types.name(t)})(${flat[0]});`);
      return 1;
  }
}

function liftVariant(
  types: CTypes,
  t: CType,
  v: string,
  flat: string[],
  code: string[],
  indent: string,
): number {
  const joined = flatten(t) as number[];
  const { tag, payloads } = variantParts(t, v);
  code.push(`${indent}${tag} = ${flat[0]};`);
  const cases = casesOf(t);
  if (cases.some((c) => c)) {
    code.push(`${indent}switch (${flat[0]}) {`);
    cases.forEach((c, i) => {
      if (!c) return;
      const own = flatten(c) as number[];
      const narrowed = own.map((ft, j) => narrow(flat[j + 1], joined[j + 1], ft));
      code.push(`${indent}  case ${i}: {`);
      liftFlat(types, c, payloads[i]!, narrowed, code, `${indent}    `);
      code.push(`${indent}    break;`, `${indent}  }`);
    });
    code.push(`${indent}}`);
  }
  return joined.length;
}

/** The bit-cast helpers the lowering and lifting use (in the generated C file). */
export const BIT_CASTS = [
  "DISSOLVE_GLUE int32_t dissolve_f32_bits(float f) { union { float f; int32_t i; } u = { .f = f }; return u.i; }",
  "DISSOLVE_GLUE int64_t dissolve_f64_bits(double f) { union { double f; int64_t i; } u = { .f = f }; return u.i; }",
  "DISSOLVE_GLUE float dissolve_bits_f32(int32_t i) { union { int32_t i; float f; } u = { .i = i }; return u.f; }",
  "DISSOLVE_GLUE double dissolve_bits_f64(int64_t i) { union { int64_t i; double f; } u = { .i = i }; return u.f; }",
];
