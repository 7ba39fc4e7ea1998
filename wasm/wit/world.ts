/**
 * A WIT world as the binding generators see it: its imports and exports,
 * each an interface (named types, resources, functions) or a world-level
 * function, with every type resolved to the canonical ABI's
 * {@linkcode CType} trees. Read from the world's binary encoding (the
 * `component-type` section wit-component writes), so wasm-tools' WIT
 * parser stays the one that reads WIT text.
 *
 * @module
 */
import type { CType, FuncSig } from "../abi/mod.ts";

/** Whether the world imports an item or exports it. */
export type WitDirection = "import" | "export";

/** A resource type: the handle type the world's own and borrow handles point at. */
export interface WitResource {
  /** The index `own` / `borrow` {@linkcode CType}s carry. */
  id: number;
  /** Its WIT name (`blob`). */
  name: string;
  /** The interface that defines it (`ns:pkg/iface`), or `""` for the world. */
  owner: string;
  /** Imported resources are the host's; exported ones the component implements. */
  direction: WitDirection;
}

/** A type an interface (or the world) names: a value type or a resource. */
export interface WitNamedType {
  name: string;
  type: CType | { kind: "resource"; id: number };
}

/** A function: its WIT name (`describe`, `[method]blob.read`, `[constructor]blob`) and type. */
export interface WitFunc {
  name: string;
  sig: FuncSig;
}

/** One import or export of a world. */
export type WitItem =
  | {
    kind: "interface";
    /** `ns:pkg/iface` (maybe `@version`), or a plain name for an inline interface. */
    name: string;
    direction: WitDirection;
    types: WitNamedType[];
    funcs: WitFunc[];
  }
  | { kind: "func"; direction: WitDirection; func: WitFunc }
  | { kind: "type"; direction: WitDirection; type: WitNamedType };

/** A resolved world. */
export interface WitWorld {
  /** The world's name (`app`). */
  name: string;
  /** Its package (`pulseengine:kernel`). */
  package: string;
  items: WitItem[];
  /** Every resource the world mentions, by id. */
  resources: WitResource[];
  /** The WIT name of each named value type (record, variant, alias …), by identity. */
  typeNames: Map<CType, { owner: string; name: string }>;
}

/** What a function name says about a resource (`[method]blob.read` → method of `blob`). */
export interface FuncNameParts {
  kind: "freestanding" | "method" | "static" | "constructor";
  /** The resource's name, for methods, statics and constructors. */
  resource?: string;
  /** The function's own name (the resource's for a constructor). */
  name: string;
}

/**
 * Splits a component function name into its resource annotation and name.
 *
 * @example
 * ```ts
 * import { funcNameParts } from "./world.ts";
 * console.log(funcNameParts("[method]blob.read")); // { kind: "method", resource: "blob", name: "read" }
 * ```
 */
export function funcNameParts(name: string): FuncNameParts {
  const m = /^\[(method|static|constructor)\]([^.]+)(?:\.(.+))?$/.exec(name);
  if (!m) return { kind: "freestanding", name };
  const kind = m[1] as "method" | "static" | "constructor";
  return { kind, resource: m[2], name: m[3] ?? m[2] };
}
