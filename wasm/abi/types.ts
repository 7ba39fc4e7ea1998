/**
 * Resolved component value types: self-contained trees (no type indices),
 * what the canonical-ABI adapters and the host-side lifting work on.
 *
 * @module
 */

import type { PrimValType } from "../component/mod.ts";

/** A component value type with every index resolved. */
export type CType =
  | { kind: Exclude<PrimValType, "error-context"> }
  | { kind: "record"; fields: { name: string; type: CType }[]; name?: string }
  | { kind: "variant"; cases: { name: string; type?: CType }[]; name?: string }
  | { kind: "list"; element: CType; length?: number }
  | { kind: "tuple"; types: CType[] }
  | { kind: "flags"; names: string[]; name?: string }
  | { kind: "enum"; names: string[]; name?: string }
  | { kind: "option"; type: CType }
  | { kind: "result"; ok?: CType; err?: CType }
  | { kind: "own"; resource: number }
  | { kind: "borrow"; resource: number };

/** A component function signature. */
export interface FuncSig {
  params: { name: string; type: CType }[];
  result?: CType;
  /** Declared `async` (callers may call it asynchronously). */
  async?: true;
}
