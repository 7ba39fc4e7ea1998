/**
 * Core instantiation's import matching for the entities that are not
 * functions (the core spec's "import subtyping", which the component's
 * `instantiate` inherits): a global of the same value type and
 * mutability, a table of the same element type and a memory of the same
 * sharing, each with limits inside the import's. Functions are matched
 * where they are bound (`resolve.ts`).
 *
 * @module
 */
import type { Import, Limits, ValType } from "../../wasm/module/mod.ts";
import { exportedDesc, infoOf } from "./module_info.ts";
import { showCoreType } from "./core_type_text.ts";
import type { CoreItem } from "./scope.ts";

function sameType(a: ValType, b: ValType): boolean {
  return typeof a === "number" ? a === b : JSON.stringify(a) === JSON.stringify(b);
}

/** Whether `actual` limits fit inside the `declared` (imported) ones. */
function limitsFit(actual: Limits, declared: Limits): boolean {
  if (actual.min < declared.min) return false;
  if (declared.max === undefined) return true;
  return actual.max !== undefined && actual.max <= declared.max;
}

/**
 * Why `item` cannot satisfy core import `imp` (a global, table or memory
 * of another type or outside its limits), or undefined.
 *
 * @example
 * ```ts
 * import { linkTypeError } from "./core_link_checks.ts";
 * const imp = { module: "", field: "g", desc: { kind: "global" as const, global: { valType: 0x7f, mutable: false } } };
 * console.log(linkTypeError(imp, { kind: "task", op: "context.get", slot: 0, owner: "app" })); // undefined
 * ```
 */
export function linkTypeError(imp: Import, item: CoreItem): string | undefined {
  const want = imp.desc;
  if (want.kind !== "global" && want.kind !== "table" && want.kind !== "memory") return undefined;
  const have = item.kind === "export" ? exportedDesc(infoOf(item.inst.def), item.name) : undefined;
  if (!have) return undefined;
  const at = `core import \`${imp.module}::${imp.field}\``;
  if (have.kind !== want.kind) return `${at}: expected a ${want.kind}, found a ${have.kind}`;
  if (want.kind === "global" && have.kind === "global") {
    if (!sameType(want.global.valType, have.global.valType)) {
      return `${at}: expected global type ${showCoreType(want.global.valType)}, found ${
        showCoreType(have.global.valType)
      }`;
    }
    if (want.global.mutable !== have.global.mutable) return `${at}: mismatch in global mutability`;
  }
  if (want.kind === "table" && have.kind === "table") {
    if (!sameType(want.table.element, have.table.element)) {
      return `${at}: expected table element type ${showCoreType(want.table.element)}, found ${
        showCoreType(have.table.element)
      }`;
    }
    if (!limitsFit(have.table.limits, want.table.limits)) return `${at}: mismatch in table limits`;
  }
  if (want.kind === "memory" && have.kind === "memory") {
    if (!!want.memory.shared !== !!have.memory.shared) {
      return `${at}: mismatch in the shared flag for memories`;
    }
    if (!!want.memory.memory64 !== !!have.memory.memory64) return `${at}: mismatch in index type`;
    if (!limitsFit(have.memory.limits, want.memory.limits)) {
      return `${at}: mismatch in memory limits`;
    }
  }
  return undefined;
}
