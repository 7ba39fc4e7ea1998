/**
 * Converts between the wast test values and the JS values `jco transpile`
 * uses (records as camelCase objects, variants as `{ tag, val }`, options
 * as value-or-undefined, results returned or thrown, flags as objects).
 *
 * @module
 */
import type { CType } from "../../wasm/abi/mod.ts";
import type { Value } from "./wast.ts";

/** kebab-case → lowerCamelCase, as jco names record fields and flags. */
export function camel(name: string): string {
  return name.replace(/-([a-z0-9])/g, (_m, c: string) => c.toUpperCase());
}

/** A test value as jco expects it for an argument of type `t`. */
export function toJco(t: CType, v: Value): unknown {
  switch (t.kind) {
    case "s64":
    case "u64":
      return (v as { v: bigint }).v;
    case "s8":
    case "u8":
    case "s16":
    case "u16":
    case "s32":
    case "u32":
      return Number((v as { v: bigint }).v);
    case "list":
      return (v as { v: Value[] }).v.map((x) => toJco(t.element, x));
    case "tuple":
      return (v as { v: Value[] }).v.map((x, i) => toJco(t.types[i], x));
    case "record":
      return Object.fromEntries(
        t.fields.map((
          f,
          i,
        ) => [camel(f.name), toJco(f.type, (v as { v: { value: Value }[] }).v[i].value)]),
      );
    case "variant": {
      const x = v as { tag: string; v?: Value };
      const c = t.cases.find((c) => c.name === x.tag)!;
      return c.type && x.v ? { tag: x.tag, val: toJco(c.type, x.v) } : { tag: x.tag };
    }
    case "enum":
      return (v as { tag: string }).tag;
    case "option": {
      const x = v as { v?: Value };
      return x.v === undefined ? undefined : toJco(t.type, x.v);
    }
    case "result": {
      const x = v as { ok: boolean; v?: Value };
      const inner = x.ok ? t.ok : t.err;
      return { tag: x.ok ? "ok" : "err", val: inner && x.v ? toJco(inner, x.v) : undefined };
    }
    case "flags": {
      const set = new Set((v as { v: string[] }).v);
      return Object.fromEntries(t.names.map((n) => [camel(n), set.has(n)]));
    }
    default:
      return (v as { v: unknown }).v;
  }
}

/** A jco result of type `t` as a test value. */
export function fromJco(t: CType, x: unknown): Value {
  switch (t.kind) {
    case "bool":
      return { t: "bool", v: x as boolean };
    case "s8":
    case "u8":
    case "s16":
    case "u16":
    case "s32":
    case "u32":
    case "s64":
    case "u64":
      return { t: "int", type: t.kind, v: BigInt(x as number | bigint) };
    case "f32":
    case "f64":
      return { t: "float", type: t.kind, v: x as number };
    case "char":
      return { t: "char", v: x as string };
    case "string":
      return { t: "string", v: x as string };
    case "list":
      return { t: "list", v: Array.from(x as ArrayLike<unknown>, (e) => fromJco(t.element, e)) };
    case "tuple":
      return { t: "tuple", v: (x as unknown[]).map((e, i) => fromJco(t.types[i], e)) };
    case "record":
      return {
        t: "record",
        v: t.fields.map((f) => ({
          name: f.name,
          value: fromJco(f.type, (x as Record<string, unknown>)[camel(f.name)]),
        })),
      };
    case "variant": {
      const o = x as { tag: string; val?: unknown };
      const c = t.cases.find((c) => c.name === o.tag)!;
      return c.type
        ? { t: "variant", tag: o.tag, v: fromJco(c.type, o.val) }
        : { t: "variant", tag: o.tag };
    }
    case "enum":
      return { t: "enum", tag: x as string };
    case "option":
      return x === undefined || x === null
        ? { t: "option" }
        : { t: "option", v: fromJco(t.type, x) };
    case "result": {
      const o = x as { tag: "ok" | "err"; val?: unknown };
      const inner = o.tag === "ok" ? t.ok : t.err;
      return inner
        ? { t: "result", ok: o.tag === "ok", v: fromJco(inner, o.val) }
        : { t: "result", ok: o.tag === "ok" };
    }
    case "flags":
      return { t: "flags", v: t.names.filter((n) => (x as Record<string, boolean>)[camel(n)]) };
    default:
      return { t: "int", type: "u32", v: BigInt(x as number) };
  }
}
