/**
 * Following a core item through re-exports to the module instance that
 * defines it: an `export` of an instance whose export is itself one of its
 * imports leads on to what that import is bound to.
 *
 * @module
 */
import type { CoreItem, ModuleInstance } from "./graph.ts";
import { importPositions, type ModuleInfo } from "./module_info.ts";
import { FuseError } from "./errors.ts";

/** A core entity a module instance defines: the instance id and the index among its own. */
export interface DefinedItem {
  inst: number;
  index: number;
}

/** The kinds of core entity an instance exports. */
export type CoreKind = "func" | "table" | "memory" | "global" | "tag";

/**
 * One step: where `item` (an instance export of `kind`) leads, either the
 * defining instance and index or the item its import is bound to.
 *
 * @example
 * ```ts
 * import { exportTarget } from "./core_links.ts";
 * // exportTarget(infos[item.inst.id], item, "memory") -> { inst, index } or the next CoreItem
 * ```
 */
export function exportTarget(
  info: ModuleInfo,
  item: CoreItem & { kind: "export" },
  kind: CoreKind,
): { inst: ModuleInstance; index: number } | CoreItem {
  const e = info.exports.get(item.name);
  if (!e || e.kind !== kind) {
    throw new FuseError(
      "bad-link",
      item.inst.def.name,
      `export "${item.name}" is not a ${kind}`,
      "the component does not validate",
    );
  }
  const imported = importPositions(info, kind);
  if (e.index < imported.length) return item.inst.imports[imported[e.index]];
  return { inst: item.inst, index: e.index - imported.length };
}

/**
 * The instance that defines the table, memory, global or tag `item` names,
 * following re-exports.
 *
 * @example
 * ```ts
 * import { resolveDefined } from "./core_links.ts";
 * // resolveDefined(infos, inst.imports[pos], "memory", "app") -> { inst: 0, index: 0 }
 * ```
 */
export function resolveDefined(
  infos: ModuleInfo[],
  item: CoreItem,
  kind: Exclude<CoreKind, "func">,
  user: string,
): DefinedItem {
  for (let guard = 0; guard < 1000; guard++) {
    if (item.kind !== "export") {
      throw new FuseError("bad-link", user, `a ${kind} is bound to a function`, "");
    }
    const t = exportTarget(infos[item.inst.id], item, kind);
    if ("inst" in t && !("kind" in t)) return { inst: t.inst.id, index: t.index };
    item = t as CoreItem;
  }
  throw new FuseError("cycle", user, `${kind} imports form a cycle`, "");
}
