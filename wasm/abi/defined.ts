/**
 * A defined value type (`defvaltype`) as a {@linkcode CType}, its element
 * and field types resolved by the caller: the one conversion fuse's type
 * resolution and the WIT world reader share.
 *
 * @module
 */
import type { DefValType, ValType } from "../component/mod.ts";
import type { CType } from "./types.ts";

/** How the caller resolves what a defined type refers to. */
export interface DefinedResolver {
  /** A value type by index or primitive. */
  value(t: ValType): CType;
  /** The resource id an own / borrow handle's type index names. */
  resource(index: number): number;
  /** Kinds with no resolved form of their own (stream, future): the caller decides. */
  other(d: DefValType): CType;
}

/**
 * Converts `d` to a {@linkcode CType}; a map is laid out as the canonical
 * ABI lays it out, a list of (key, value) tuples.
 *
 * @example
 * ```ts
 * import { definedCType } from "./defined.ts";
 * const t = definedCType({ kind: "option", type: "u32" }, {
 *   value: (v) => ({ kind: v as "u32" }), resource: () => 0, other: () => ({ kind: "u32" }),
 * });
 * console.log(t); // { kind: "option", type: { kind: "u32" } }
 * ```
 */
export function definedCType(d: DefValType, resolve: DefinedResolver): CType {
  const r = (t: ValType) => resolve.value(t);
  switch (d.kind) {
    case "primitive":
      return r(d.type);
    case "record":
      return { kind: "record", fields: d.fields.map((f) => ({ name: f.name, type: r(f.type) })) };
    case "variant":
      return {
        kind: "variant",
        cases: d.cases.map((c) =>
          c.type === undefined ? { name: c.name } : { name: c.name, type: r(c.type) }
        ),
      };
    case "list":
      return d.length === undefined
        ? { kind: "list", element: r(d.element) }
        : { kind: "list", element: r(d.element), length: d.length };
    case "tuple":
      return { kind: "tuple", types: d.types.map(r) };
    case "flags":
      return { kind: "flags", names: d.names };
    case "enum":
      return { kind: "enum", names: d.names };
    case "option":
      return { kind: "option", type: r(d.type) };
    case "result": {
      const out: CType = { kind: "result" };
      if (d.ok !== undefined) out.ok = r(d.ok);
      if (d.err !== undefined) out.err = r(d.err);
      return out;
    }
    case "own":
    case "borrow":
      return { kind: d.kind, resource: resolve.resource(d.resource) };
    case "map":
      return { kind: "list", element: { kind: "tuple", types: [r(d.key), r(d.value)] } };
    default:
      return resolve.other(d);
  }
}
