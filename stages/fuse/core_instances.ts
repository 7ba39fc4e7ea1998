/**
 * Core instances as the graph evaluator meets them: bags of exports, and
 * core module instantiations whose imports are bound to their arguments'
 * exports, checked for kind and type (`core_link_checks.ts`).
 *
 * @module
 */
import type { CoreInstance, Sort } from "../../wasm/component/mod.ts";
import { FuseError } from "./errors.ts";
import { failAt } from "./canon_defs.ts";
import { linkTypeError } from "./core_link_checks.ts";
import {
  coreAt,
  type CoreInstanceValue,
  type CoreItem,
  coreSpace,
  type ModuleInstance,
  type Scope,
} from "./scope.ts";

/**
 * A core instance: a bag of exports, or an instantiation of a core module
 * (appended to `instances`, in instantiation order) with each import bound
 * to its argument's export of a matching type.
 *
 * @example
 * ```ts ignore
 * import { instantiateCore } from "./core_instances.ts";
 * scope.coreInstances.push(instantiateCore(scope, ci, instances));
 * ```
 */
export function instantiateCore(
  scope: Scope,
  ci: CoreInstance,
  instances: ModuleInstance[],
): CoreInstanceValue {
  if (ci.kind === "exports") {
    const m = new Map<string, CoreItem>();
    for (const e of ci.exports) {
      const space = coreSpace(scope, e.sort);
      if (!space) continue; // core types / modules / instances are not runtime items
      m.set(e.name, coreAt(scope, space, e.index, e.sort));
    }
    return { kind: "exports", exports: m };
  }
  const def = scope.coreModules[ci.module];
  if (!def) failAt(scope, `instantiate of unknown core module ${ci.module}`);
  const args = new Map<string, CoreInstanceValue>();
  for (const a of ci.args) {
    if (args.has(a.name)) {
      failAt(scope, `duplicate module instantiation argument named \`${a.name}\``);
    }
    const v = scope.coreInstances[a.instance];
    if (!v) {
      failAt(
        scope,
        `instantiate argument "${a.name}" names unknown core instance ${a.instance}`,
      );
    }
    args.set(a.name, v);
  }
  const inst: ModuleInstance = {
    id: instances.length,
    def,
    component: scope.path,
    imports: [],
  };
  for (const s of def.module.sections) {
    if (s.id !== "import") continue;
    for (const imp of s.imports) {
      const arg = args.get(imp.module);
      if (!arg) {
        throw new FuseError(
          "unresolved-core-import",
          def.name,
          `core import "${imp.module}" "${imp.field}" has no instantiation argument "${imp.module}"`,
          "the component is malformed; rebuild it with wasm-tools component new",
        );
      }
      const item = exportOf(scope, arg, imp.field, `${imp.module}::${imp.field}`);
      const mismatch = linkTypeError(imp, item);
      if (mismatch) failAt(scope, mismatch);
      inst.imports.push(item);
    }
  }
  instances.push(inst);
  return { kind: "module", inst };
}

/** The core item `name` that core instance `v` exports (`what`: the use, for errors). */
function exportOf(scope: Scope, v: CoreInstanceValue, name: string, what: string): CoreItem {
  if (v.kind === "module") {
    const has = v.inst.def.module.sections.some((s) =>
      s.id === "export" && s.exports.some((e) => e.name === name)
    );
    if (!has) {
      failAt(scope, `${what}: core instance of ${v.inst.def.name} has no export "${name}"`);
    }
    return { kind: "export", inst: v.inst, name };
  }
  const item = v.exports.get(name);
  if (!item) failAt(scope, `${what}: core instance has no export "${name}"`);
  return item;
}

/**
 * The core item an `alias core export` names, of the kind `sort` says.
 *
 * @example
 * ```ts ignore
 * import { coreExport } from "./core_instances.ts";
 * pushCore(scope, "core func", coreExport(scope, 0, "f", "core func"));
 * ```
 */
export function coreExport(scope: Scope, instance: number, name: string, sort?: Sort): CoreItem {
  const v = scope.coreInstances[instance];
  if (!v) failAt(scope, `alias of unknown core instance ${instance}`);
  if (v.kind === "module" && sort?.startsWith("core ")) {
    // The alias says what kind of definition it expects; the module must export that kind.
    const want = sort.slice("core ".length);
    const e = v.inst.def.module.sections.flatMap((s) => s.id === "export" ? s.exports : [])
      .find((x) => x.name === name);
    if (e && e.kind !== want) {
      failAt(scope, `export \`${name}\` for core instance ${instance} is not a ${want}`);
    }
  }
  return exportOf(scope, v, name, `alias core export "${name}"`);
}
