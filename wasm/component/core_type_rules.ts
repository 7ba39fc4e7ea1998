/**
 * The rules on a core type a component declares (`Binary.md`, core types;
 * the core spec's limits): a module type's imports and exports name type
 * indices it has declared, and memories and tables stay within the core
 * spec's limits.
 *
 * @module
 */
import type { CoreTypeDef } from "./model.ts";
import type { ImportDesc } from "../module/model.ts";

/** Pages a 32-bit memory may have at most (4 GiB of 64 KiB pages). */
const MAX_PAGES_32 = 65536;

/** Why an import or export of a core module type is invalid: its type index, its limits. */
function coreDescError(d: ImportDesc, types: number): string | undefined {
  if ((d.kind === "func" || d.kind === "tag") && d.type >= types) {
    return `type index ${d.type} out of bounds in a core module type`;
  }
  if (d.kind === "memory" && !d.memory.memory64) {
    const { min, max } = d.memory.limits;
    if (min > MAX_PAGES_32 || (max !== undefined && max > MAX_PAGES_32)) {
      return `memory size must be at most ${MAX_PAGES_32} pages (4GiB)`;
    }
  }
  const limits = d.kind === "memory"
    ? d.memory.limits
    : d.kind === "table"
    ? d.table.limits
    : undefined;
  if (limits?.max !== undefined && limits.max < limits.min) {
    return "size minimum must not be greater than maximum";
  }
  return undefined;
}

/**
 * A core type's kind, or why it is invalid (a module type's imports and
 * exports: type indices in bounds, limits within the core spec's).
 *
 * @example
 * ```ts
 * import { coreTypeKind } from "./core_type_rules.ts";
 * console.log(coreTypeKind({ kind: "module", decls: [
 *   { kind: "export", name: "f", desc: { kind: "func", type: 0 } }] })); // type index 0 out of bounds in a core module type
 * ```
 */
export function coreTypeKind(t: CoreTypeDef): "module" | "func" | "other" | string {
  if (t.kind !== "module") return t.kind === "func" ? "func" : "other";
  let types = 0;
  for (const d of t.decls) {
    if (d.kind === "type" || d.kind === "alias") types++;
    const why = d.kind === "import" || d.kind === "export"
      ? coreDescError(d.desc, types)
      : undefined;
    if (why) return why;
  }
  return "module";
}
