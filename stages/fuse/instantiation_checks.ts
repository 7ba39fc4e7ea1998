/**
 * Instantiation-time type checking of a nested component's arguments
 * against the imports it declares (the spec's validation of `instantiate`
 * `with` arguments; `pushImported` checks the sort): a function of the declared type, with
 * the declared parameter names; a value type equal to an `eq`-bounded type
 * import; an instance that has every export the import declares.
 *
 * @module
 */
import type { ExternDesc, ModuleDecl } from "../../wasm/component/mod.ts";
import { resolveEntry, resolveFuncSig, sameFuncSig, showCType, showFuncSig } from "./ctypes.ts";
import {
  type Item,
  type ModuleDef,
  type Scope,
  SORT_OF_DESC,
  typeAt,
  type TypeEntry,
} from "./scope.ts";

/** The type an entry stands for, shown; undefined for what is not a value type. */
function shownValType(t: TypeEntry | undefined): string | undefined {
  if (t?.kind !== "def" || t.def.kind !== "defined") return undefined;
  try {
    return showCType(resolveEntry(t));
  } catch {
    return undefined; // a type fuse cannot resolve is left to the checks that use it
  }
}

/**
 * Why type `arg` cannot be the argument for a type import bounded by
 * `expected` (undefined: `sub resource`): a resource where a value type is
 * declared or the reverse, or a resource other than the one an `eq` bound
 * names (resource types are generative: each definition, import and
 * instantiation makes a new one).
 */
function typeArgumentKindError(
  name: string,
  expected: TypeEntry | undefined,
  arg: TypeEntry,
): string | undefined {
  const wantResource = expected === undefined || expected.kind === "resource";
  if (wantResource && arg.kind !== "resource") {
    return `type mismatch in import "${name}": expected resource, found defined type`;
  }
  if (!wantResource && arg.kind === "resource") {
    return `type mismatch in import "${name}": expected defined type, found resource`;
  }
  if (expected?.kind === "resource" && arg.kind === "resource" && expected !== arg) {
    return `type mismatch in import "${name}": resource types are not the same ` +
      `(expected ${expected.name}, found ${arg.name})`;
  }
  return undefined;
}

/**
 * Why `arg` cannot be the argument for import `name` (of type `desc` in
 * the instantiated component's `scope`), or undefined.
 *
 * @example
 * ```ts ignore
 * import { argumentError } from "./instantiation_checks.ts";
 * const why = argumentError(childScope, "x", { kind: "func", type: 0 }, { sort: "value" });
 * ```
 */
export function argumentError(
  scope: Scope,
  name: string,
  desc: ExternDesc,
  arg: Item,
): string | undefined {
  if (desc.kind === "func" && arg.sort === "func") {
    const declared = typeAt(scope, desc.type);
    if (declared?.kind !== "def" || declared.def.kind !== "func") return undefined;
    const a = resolveFuncSig(declared), b = resolveFuncSig(arg.func.type);
    const names = a.params.findIndex((p, i) => b.params[i] && p.name !== b.params[i].name);
    if (names >= 0) {
      return `type mismatch in import "${name}": expected parameter named \`${
        a.params[names].name
      }\`, found \`${b.params[names].name}\``;
    }
    if (!sameFuncSig(a, b)) {
      return `type mismatch in import "${name}": expected ${showFuncSig(a)}, found ${
        showFuncSig(b)
      }`;
    }
  }
  if (desc.kind === "type" && arg.sort === "type") {
    const expected = desc.bound.kind === "eq" ? typeAt(scope, desc.bound.index) : undefined;
    const kindError = typeArgumentKindError(name, expected, arg.type);
    if (kindError) return kindError;
  }
  if (desc.kind === "type" && desc.bound.kind === "eq" && arg.sort === "type") {
    const a = shownValType(typeAt(scope, desc.bound.index)), b = shownValType(arg.type);
    if (a !== undefined && b !== undefined && a !== b) {
      return `type mismatch in import "${name}": expected ${a}, found ${b}`;
    }
  }
  if (desc.kind === "instance" && arg.sort === "instance") {
    const declared = typeAt(scope, desc.type);
    if (declared?.kind === "def" && declared.def.kind === "instance") {
      for (const d of declared.def.decls) {
        if (d.kind !== "export") continue;
        const has = arg.instance.exports.get(d.name.name);
        if (!has) return `missing expected export \`${d.name.name}\` in import "${name}"`;
        if (has.sort !== SORT_OF_DESC[d.desc.kind]) {
          return `type mismatch in instance export \`${d.name.name}\` of import "${name}": ` +
            `expected a ${d.desc.kind}, found a ${has.sort}`;
        }
      }
    }
  }
  if (desc.kind === "module" && arg.sort === "core module") {
    const declared = scope.coreTypes[desc.type];
    if (declared?.kind === "module") return moduleArgumentError(name, declared.decls, arg.module);
  }
  return undefined;
}

/**
 * Why core module `actual` does not match the module type `decls` an
 * import declares (core subtyping: it may import less and export more,
 * each of the same kind), or undefined.
 */
function moduleArgumentError(
  name: string,
  decls: ModuleDecl[],
  actual: ModuleDef,
): string | undefined {
  const sections = actual.module.sections;
  const imports = sections.flatMap((s) => s.id === "import" ? s.imports : []);
  const exports = sections.flatMap((s) => s.id === "export" ? s.exports : []);
  for (const i of imports) {
    const d = decls.find((x) =>
      x.kind === "import" && x.module === i.module && x.field === i.field
    );
    if (!d || d.kind !== "import") {
      return `missing expected import \`${i.module}::${i.field}\` in the type of import "${name}"`;
    }
    if (d.desc.kind !== i.desc.kind) {
      return `type mismatch in import \`${i.module}::${i.field}\` of import "${name}": ` +
        `expected a ${i.desc.kind}, the type declares a ${d.desc.kind}`;
    }
  }
  for (const d of decls) {
    if (d.kind !== "export") continue;
    const e = exports.find((x) => x.name === d.name);
    if (!e) return `missing expected export \`${d.name}\` in import "${name}"`;
    if (e.kind !== d.desc.kind) {
      return `type mismatch in export \`${d.name}\` of import "${name}": expected a ${d.desc.kind}, ` +
        `found a ${e.kind}`;
    }
  }
  return undefined;
}
