/**
 * Rust code that moves values between their Rust form and the canonical
 * ABI's: flat core values (`lower`, `lift`) and linear memory (`store`,
 * `load`). Offsets, sizes and variant payload joins come from the one
 * canonical-ABI layout in `wasm/abi`. Lifting and loading are expressions
 * (Rust's blocks and `match` make every value one); lowering and storing
 * are statements.
 *
 * @module
 */
import {
  alignment,
  casesOf,
  type CType,
  discriminantSize,
  elemSize,
  F32,
  F64,
  fieldOffsets,
  flatten,
  I32,
  I64,
  payloadOffset,
} from "../../../wasm/abi/mod.ts";
import type { ValType } from "../../../wasm/module/mod.ts";
import { camel } from "./names.ts";
import { plainLayout, rustIdent, type RustTypes, SCALARS } from "./rust_types.ts";

/** The Rust type of a core value type. */
export function coreRustType(t: ValType): string {
  return t === I32 ? "i32" : t === I64 ? "i64" : t === F32 ? "f32" : "f64";
}

function widen(x: string, from: ValType, to: ValType): string {
  if (from === to) return x;
  if (to === I32) return `((${x}).to_bits() as i32)`;
  if (from === I32) return `((${x}) as u32 as i64)`;
  return `((${x}).to_bits() as i64)`;
}

function narrow(x: string, from: ValType, to: ValType): string {
  if (from === to) return x;
  if (to === I32) return `((${x}) as i32)`;
  if (to === F32) return `f32::from_bits((${x}) as u32)`;
  return `f64::from_bits((${x}) as u64)`;
}

/** The memory type of a scalar kind (what a load reads, a store writes): a bool is a byte. */
const MEMORY: Record<string, string> = { ...SCALARS, bool: "u8", char: "u32" };

/** One variant-like case: its pattern (binding the payload) and its constructor. */
interface Case {
  pattern: (bind: string) => string;
  construct: (payload: string) => string;
  payload?: CType;
}

/** A variant-like type's cases, in discriminant order. */
function patterns(types: RustTypes, t: CType): Case[] {
  switch (t.kind) {
    case "option":
      return [
        { pattern: () => "None", construct: () => "None" },
        { pattern: (b) => `Some(${b})`, construct: (x) => `Some(${x})`, payload: t.type },
      ];
    case "result":
      return [
        {
          pattern: (b) => `Ok(${t.ok ? b : "_"})`,
          construct: (x) => `Ok(${t.ok ? x : "()"})`,
          payload: t.ok,
        },
        {
          pattern: (b) => `Err(${t.err ? b : "_"})`,
          construct: (x) => `Err(${t.err ? x : "()"})`,
          payload: t.err,
        },
      ];
    case "variant": {
      const path = types.name(t);
      return t.cases.map((c) => {
        const name = `${path}::${camel(c.name)}`;
        const wrap = (x: string) => c.type ? `${name}(${x})` : name;
        return { pattern: wrap, construct: wrap, payload: c.type };
      });
    }
    default:
      return [];
  }
}

/** Generates lowering, lifting, loads and stores for one function's glue. */
export class RustAbi {
  private n = 0;
  constructor(readonly types: RustTypes) {}

  private tmp(prefix: string): string {
    return `${prefix}${this.n++}`;
  }

  /** Lowers place `v` of type `t` to flat values (statements into `code`; returns the values). */
  lower(t: CType, v: string, code: string[]): string[] {
    switch (t.kind) {
      case "s64":
      case "u64":
        return [`((${v}) as i64)`];
      case "f32":
      case "f64":
        return [`(${v})`];
      case "flags":
        return [`((${v}).0 as i32)`];
      case "string":
        return [`((${v}).as_ptr() as i32)`, `((${v}).len() as i32)`];
      case "list":
        return this.lowerList(t.element, v, code);
      case "record":
        return t.fields.flatMap((f) => this.lower(f.type, `(${v}).${rustIdent(f.name)}`, code));
      case "tuple":
        return t.types.flatMap((x, i) => this.lower(x, `(${v}).${i}`, code));
      case "own":
      case "borrow":
        return this.types.borrowIsRep(t.resource) && t.kind === "borrow"
          ? [`((${v}).rep())`]
          : [`((${v}).handle)`];
      case "variant":
      case "option":
      case "result":
        return this.lowerVariant(t, v, code);
      default:
        return [`((${v}) as i32)`];
    }
  }

  private lowerList(element: CType, v: string, code: string[]): string[] {
    if (plainLayout(element)) return [`((${v}).as_ptr() as i32)`, `((${v}).len() as i32)`];
    const list = this.tmp("list"), buf = this.tmp("buf");
    const size = elemSize(element);
    code.push(
      `let ${list} = &(${v});`,
      `let ${buf} = crate::dissolve_alloc(${list}.len() * ${size}, ${alignment(element)});`,
      `for (i, e) in ${list}.iter().enumerate() {`,
      `  let base = ${buf}.add(i * ${size});`,
    );
    this.store(element, "(*e)", "base", 0, code);
    code.push(`}`);
    return [`(${buf} as i32)`, `(${list}.len() as i32)`];
  }

  private lowerVariant(t: CType, v: string, code: string[]): string[] {
    const flat = flatten(t);
    const slots = flat.map(() => this.tmp("s"));
    flat.forEach((ft, i) => {
      const zero = ft === F32 || ft === F64 ? "0.0" : "0";
      code.push(`let mut ${slots[i]}: ${coreRustType(ft)} = ${zero};`);
    });
    if (t.kind === "enum") {
      code.push(`${slots[0]} = (${v}) as i32;`);
      return slots;
    }
    code.push(`match &(${v}) {`);
    patterns(this.types, t).forEach((p, i) => {
      code.push(`  ${p.pattern("e")} => {`, `    ${slots[0]} = ${i};`);
      if (p.payload) {
        const own = flatten(p.payload);
        const inner: string[] = [];
        const values = this.lower(p.payload, "(*e)", inner);
        code.push(...inner.map((l) => `    ${l}`));
        values.forEach((x, j) =>
          code.push(`    ${slots[j + 1]} = ${widen(x, own[j], flat[j + 1])};`)
        );
      }
      code.push(`  }`);
    });
    code.push(`}`);
    return slots;
  }

  /** The Rust value of type `t` lifted from flat values `slots`. */
  lift(t: CType, slots: string[]): string {
    const s = slots[0];
    switch (t.kind) {
      case "bool":
        return `((${s}) != 0)`;
      case "char":
        return `char::from_u32_unchecked((${s}) as u32)`;
      case "enum":
        return this.enumFrom(t, s);
      case "flags":
        return `${this.types.name(t)}((${s}) as ${this.flagsBits(t)})`;
      case "string":
        return `alloc::string::String::from_raw_parts((${s}) as usize as *mut u8, (${
          slots[1]
        }) as usize, (${slots[1]}) as usize)`;
      case "list":
        return this.liftList(t.element, s, slots[1]);
      case "record": {
        let used = 0;
        const fields = t.fields.map((f) => {
          const n = flatten(f.type).length;
          const x = this.lift(f.type, slots.slice(used, used + n));
          used += n;
          return `${rustIdent(f.name)}: ${x}`;
        });
        return `${this.types.name(t)} { ${fields.join(", ")} }`;
      }
      case "tuple": {
        let used = 0;
        return `(${
          t.types.map((x) => {
            const n = flatten(x).length;
            const out = this.lift(x, slots.slice(used, used + n));
            used += n;
            return `${out},`;
          }).join(" ")
        })`;
      }
      case "own":
        return `${this.types.resourcePath(t.resource)}::from_handle(${s})`;
      case "borrow":
        return `${this.types.resourcePath(t.resource)}Borrow::from_rep(${s})`;
      case "variant":
      case "option":
      case "result":
        return this.liftVariant(t, slots);
      default:
        return `((${s}) as ${this.types.name(t)})`;
    }
  }

  private flagsBits(t: CType & { kind: "flags" }): string {
    return t.names.length <= 8 ? "u8" : t.names.length <= 16 ? "u16" : "u32";
  }

  private enumFrom(t: CType & { kind: "enum" }, x: string): string {
    const bits = discriminantSize(t.names.length) * 8;
    return `core::mem::transmute::<u${bits}, ${this.types.name(t)}>((${x}) as u${bits})`;
  }

  private liftList(element: CType, ptr: string, len: string): string {
    const elem = this.types.name(element);
    if (plainLayout(element)) {
      return `alloc::vec::Vec::<${elem}>::from_raw_parts((${ptr}) as usize as *mut ${elem}, (${len}) as usize, (${len}) as usize)`;
    }
    const size = elemSize(element);
    return `{ let base = (${ptr}) as usize as *mut u8; let len = (${len}) as usize; ` +
      `let mut out = alloc::vec::Vec::<${elem}>::with_capacity(len); ` +
      `for i in 0..len { let at = base.add(i * ${size}); out.push(${
        this.load(element, "at", 0)
      }); } out }`;
  }

  private liftVariant(t: CType, slots: string[]): string {
    const flat = flatten(t);
    const arms = patterns(this.types, t).map((p, i) => {
      if (!p.payload) return `${i} => ${p.construct("")},`;
      const own = flatten(p.payload);
      const narrowed = own.map((ft, j) => narrow(slots[j + 1], flat[j + 1], ft));
      return `${i} => ${p.construct(this.lift(p.payload, narrowed))},`;
    });
    // The last case takes every other discriminant (the adapters have checked it is in range).
    arms[arms.length - 1] = arms[arms.length - 1].replace(/^\d+ =>/, "_ =>");
    return `match ${slots[0]} { ${arms.join(" ")} }`;
  }

  /** The Rust value of type `t` loaded from memory at `base` + `off`. */
  load(t: CType, base: string, off: number): string {
    const at = (type: string, o = off) => `*((${base}).add(${o}) as *const ${type})`;
    if (t.kind in MEMORY) {
      if (t.kind === "bool") return `(${at("u8")} != 0)`;
      if (t.kind === "char") return `char::from_u32_unchecked(${at("u32")})`;
      return at(MEMORY[t.kind]);
    }
    switch (t.kind) {
      case "enum":
        return this.enumFrom(t, at(`u${discriminantSize(t.names.length) * 8}`));
      case "flags":
        return `${this.types.name(t)}(${at(this.flagsBits(t))})`;
      case "string":
      case "list":
      case "own":
      case "borrow":
        return this.lift(t, [at("i32"), at("i32", off + 4)]);
      case "record": {
        const offsets = fieldOffsets(t.fields.map((f) => f.type));
        return `${this.types.name(t)} { ${
          t.fields.map((f, i) =>
            `${rustIdent(f.name)}: ${this.load(f.type, base, off + offsets[i])}`
          )
            .join(", ")
        } }`;
      }
      case "tuple": {
        const offsets = fieldOffsets(t.types);
        return `(${t.types.map((x, i) => `${this.load(x, base, off + offsets[i])},`).join(" ")})`;
      }
      default: {
        const disc = at(`u${discriminantSize(casesOf(t).length) * 8}`);
        const payload = off + payloadOffset(t);
        const arms = patterns(this.types, t).map((p, i) =>
          `${i} => ${p.construct(p.payload ? this.load(p.payload, base, payload) : "")},`
        );
        arms[arms.length - 1] = arms[arms.length - 1].replace(/^\d+ =>/, "_ =>");
        return `match ${disc} { ${arms.join(" ")} }`;
      }
    }
  }

  /** Stores place `v` of type `t` to memory at `base` + `off` (statements into `code`). */
  store(t: CType, v: string, base: string, off: number, code: string[]): void {
    const put = (type: string, x: string, o = off) =>
      code.push(`*((${base}).add(${o}) as *mut ${type}) = ${x};`);
    if (t.kind in MEMORY) return void put(MEMORY[t.kind], `(${v}) as ${MEMORY[t.kind]}`);
    switch (t.kind) {
      case "enum": {
        const bits = `u${discriminantSize(t.names.length) * 8}`;
        return void put(bits, `(${v}) as ${bits}`);
      }
      case "flags":
        return void put(this.flagsBits(t), `(${v}).0`);
      case "string":
      case "list":
      case "own":
      case "borrow": {
        const [a, b] = this.lower(t, v, code);
        put("i32", a);
        if (b !== undefined) put("i32", b, off + 4);
        return;
      }
      case "record": {
        const offsets = fieldOffsets(t.fields.map((f) => f.type));
        t.fields.forEach((f, i) =>
          this.store(f.type, `(${v}).${rustIdent(f.name)}`, base, off + offsets[i], code)
        );
        return;
      }
      case "tuple": {
        const offsets = fieldOffsets(t.types);
        t.types.forEach((x, i) => this.store(x, `(${v}).${i}`, base, off + offsets[i], code));
        return;
      }
      default: {
        const bits = `u${discriminantSize(casesOf(t).length) * 8}`;
        const payload = off + payloadOffset(t);
        code.push(`match &(${v}) {`);
        patterns(this.types, t).forEach((p, i) => {
          code.push(`  ${p.pattern("e")} => {`);
          code.push(`    *((${base}).add(${off}) as *mut ${bits}) = ${i};`);
          if (p.payload) {
            const inner: string[] = [];
            this.store(p.payload, "(*e)", base, payload, inner);
            code.push(...inner.map((l) => `    ${l}`));
          }
          code.push(`  }`);
        });
        code.push(`}`);
      }
    }
  }
}
