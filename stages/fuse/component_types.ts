/**
 * Component type definitions for `--component` output: value and function
 * types rebuilt from the fuser's `CType` trees, deduplicated per scope. A
 * scope is the component itself or one imported instance type; resources
 * are named by the scope's `resource` callback, so the same resource is an
 * exported `(sub resource)` in the instance that defines it and an outer
 * alias everywhere else.
 *
 * @module
 */
import type { DefValType, TypeDef, ValType } from "../../wasm/component/mod.ts";
import type { CType, FuncSig } from "../../wasm/abi/mod.ts";
import { FuseError } from "./errors.ts";

const PRIMITIVES = new Set([
  "bool",
  "s8",
  "u8",
  "s16",
  "u16",
  "s32",
  "u32",
  "s64",
  "u64",
  "f32",
  "f64",
  "char",
  "string",
]);

/**
 * One type index space being filled: `define` appends a type definition and
 * returns its index; `resource` returns the index of resource `id` in this
 * space (adding an export or alias the first time).
 */
export interface TypeSpaceSink {
  define(def: TypeDef): number;
  resource(id: number): number;
  /** Exports type `index` as `name` (an interface's named type) and returns the export's index. */
  name?(name: string, index: number): number;
  /** An index that stands for `t` in this space already (a named type imported or exported). */
  ref?(t: CType): number | undefined;
}

/**
 * Emits value and function types into one index space, each distinct type once.
 *
 * @example
 * ```ts
 * import { TypeScope } from "./component_types.ts";
 * const defs: unknown[] = [];
 * const scope = new TypeScope({ define: (d) => defs.push(d) - 1, resource: () => 0 });
 * const f = scope.func({ params: [{ name: "x", type: { kind: "list", element: { kind: "u8" } } }] });
 * console.log(f, defs.length); // 1 2 (the list type, then the function type)
 * ```
 */
export class TypeScope {
  private readonly seen = new Map<string, number>();

  constructor(private readonly sink: TypeSpaceSink) {}

  /** The index of `def`, defining it the first time. */
  private add(def: TypeDef): number {
    const key = JSON.stringify(def);
    let i = this.seen.get(key);
    if (i === undefined) {
      i = this.sink.define(def);
      this.seen.set(key, i);
    }
    return i;
  }

  /** A value type: a primitive by name, anything else by index. */
  val(t: CType): ValType {
    if (PRIMITIVES.has(t.kind)) return t.kind as ValType;
    const ref = this.sink.ref?.(t);
    if (ref !== undefined) return ref;
    const name = "name" in t ? t.name : undefined;
    const index = this.add({ kind: "defined", type: this.defined(t) });
    if (name === undefined || !this.sink.name) return index;
    const key = `${name}\0${index}`;
    let exported = this.seen.get(key);
    if (exported === undefined) this.seen.set(key, exported = this.sink.name(name, index));
    return exported;
  }

  /** The index of a (synchronous) function type for `sig`. */
  func(sig: FuncSig): number {
    return this.add({
      kind: "func",
      async: !!sig.async,
      params: sig.params.map((p) => ({ name: p.name, type: this.val(p.type) })),
      ...(sig.result ? { result: this.val(sig.result) } : {}),
    });
  }

  private defined(t: CType): DefValType {
    switch (t.kind) {
      case "record":
        return {
          kind: "record",
          fields: t.fields.map((f) => ({ name: f.name, type: this.val(f.type) })),
        };
      case "variant":
        return {
          kind: "variant",
          cases: t.cases.map((c) =>
            c.type ? { name: c.name, type: this.val(c.type) } : { name: c.name }
          ),
        };
      case "list":
        return t.length === undefined
          ? { kind: "list", element: this.val(t.element) }
          : { kind: "list", element: this.val(t.element), length: t.length };
      case "tuple":
        return { kind: "tuple", types: t.types.map((x) => this.val(x)) };
      case "flags":
        return { kind: "flags", names: t.names };
      case "enum":
        return { kind: "enum", names: t.names };
      case "option":
        return { kind: "option", type: this.val(t.type) };
      case "result": {
        const out: DefValType = { kind: "result" };
        if (t.ok) out.ok = this.val(t.ok);
        if (t.err) out.err = this.val(t.err);
        return out;
      }
      case "own":
      case "borrow":
        return { kind: t.kind, resource: this.sink.resource(t.resource) };
      default:
        throw new FuseError(
          "unsupported-component-output",
          "fuse --component",
          `values of type ${t.kind} cannot be re-exported from a fused component`,
          "emit a core module (without --component)",
        );
    }
  }
}

/** The resources a function signature names (own or borrow), in first-use order. */
export function resourcesOf(sig: FuncSig): number[] {
  const out: number[] = [];
  const walk = (t: CType | undefined): void => {
    if (!t) return;
    switch (t.kind) {
      case "own":
      case "borrow":
        if (!out.includes(t.resource)) out.push(t.resource);
        return;
      case "record":
        return t.fields.forEach((f) => walk(f.type));
      case "variant":
        return t.cases.forEach((c) => walk(c.type));
      case "list":
        return walk(t.element);
      case "tuple":
        return t.types.forEach(walk);
      case "option":
        return walk(t.type);
      case "result":
        walk(t.ok);
        return walk(t.err);
    }
  };
  sig.params.forEach((p) => walk(p.type));
  walk(sig.result);
  return out;
}
