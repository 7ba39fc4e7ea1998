/**
 * The composition of a fusion: which component provides each import (an
 * import is satisfied by another component's export of exactly the same
 * name, versions included), the order providers are instantiated in, every
 * instance graph evaluated with its imports bound, and the root exports
 * (everything the set exports that no member consumes).
 *
 * @module
 */
import { decodeWasm, validateCoreModules, validateNames, validateTypes } from "../../wasm/mod.ts";
import type { Component, ExternDesc } from "../../wasm/component/mod.ts";
import type { NamedComponent } from "../types.ts";
import { FuseError } from "./errors.ts";
import { type ComponentFunc, Evaluator, type Item } from "./graph.ts";
import { ARENA_EXTERN_NAME, type EmbedderRules, type FuseOptions } from "./options.ts";
import type { RootExport } from "./merge_types.ts";
import {
  remapResources,
  resolveEntry,
  resolveFuncSig,
  sameFuncSig,
  showFuncSig,
} from "./ctypes.ts";
import type { NamedType } from "./component_exports.ts";

/** A decoded input with its top-level import and export names. */
interface Member {
  name: string;
  component: Component;
  imports: { name: string; desc: ExternDesc }[];
  exports: string[];
}

/** The evaluated composition: every instance, and what the merge and the plan need. */
export interface Composition {
  evaluator: Evaluator;
  rootExports: RootExport[];
  /** Whether any component imports an embedder function (then the memory has an arena). */
  usesEmbedder: boolean;
  /** Top-level components that import the arena allocator (each needs an arena in its domain). */
  arenaUsers: Set<string>;
  /** The value types each exported interface exports by name (`--component` names them again). */
  exportedTypes: Map<string, NamedType[]>;
  /** Resources a component of the set defines and a root interface exports, by resource id. */
  exportedResources: Map<number, ExportedResource>;
}

/** A resource the composition defines and exports: `--component` defines it again, as its own. */
export interface ExportedResource {
  /** The exporting interface (`ns:pkg/iface`). */
  iface: string;
  /** Its name in the interface. */
  name: string;
}

function decodeMember({ name, bytes }: NamedComponent): Member {
  const model = decodeWasm(bytes);
  if (model.kind !== "component") {
    throw new FuseError(
      "not-a-component",
      name,
      "is a core module, but fuse takes components",
      "make a component first: `wasm-tools component new` (the gale stage does this)",
    );
  }
  // Validation before anything is fused: names, then types and index spaces (`wasm/component/`).
  const badName = validateNames(model, name) ?? validateTypes(model, name) ??
    validateCoreModules(model, name);
  if (badName) {
    throw new FuseError(
      "bad-component",
      badName.where,
      badName.message,
      "the component does not validate; check it with `wasm-tools validate`",
    );
  }
  const imports: Member["imports"] = [];
  const exports: string[] = [];
  for (const s of model.sections) {
    if (s.id === "import") {
      for (const i of s.imports) imports.push({ name: i.name.name, desc: i.desc });
    }
    if (s.id === "export") { for (const e of s.exports) exports.push(e.name.name); }
  }
  return { name, component: model, imports, exports };
}

/** Checks that a provider's item matches what the importer declared. */
function checkLink(
  importer: string,
  provider: string,
  name: string,
  declared: Item,
  given: Item,
  resources: Map<number, number>,
): void {
  const mismatch = (what: string) => {
    throw new FuseError(
      "import-type-mismatch",
      `${importer} → ${provider}`,
      `import "${name}" ${what}`,
      "rebuild both components against the same WIT package version",
    );
  };
  // The importer's own view of an imported resource is bound to the provider's resource.
  const sigOf = (f: ComponentFunc) => remapResources(resolveFuncSig(f.type), resources);
  if (declared.sort !== given.sort) {
    mismatch(`expects a ${declared.sort}, but ${provider} exports a ${given.sort}`);
  }
  if (declared.sort === "func" && given.sort === "func") {
    const a = sigOf(declared.func), b = sigOf(given.func);
    if (!sameFuncSig(a, b)) {
      mismatch(`expects ${showFuncSig(a)}, but ${provider} exports ${showFuncSig(b)}`);
    }
  }
  if (declared.sort === "instance" && given.sort === "instance") {
    for (const [tname, item] of declared.instance.exports) {
      const other = given.instance.exports.get(tname);
      if (item.sort === "type" && item.type.kind === "resource" && other?.sort === "type") {
        if (other.type.kind === "resource") resources.set(item.type.id, other.type.id);
      }
    }
    for (const [fname, item] of declared.instance.exports) {
      const other = given.instance.exports.get(fname);
      if (!other) mismatch(`needs "${fname}", which ${provider}'s "${name}" does not export`);
      if (item.sort === "func" && other!.sort === "func") {
        const a = sigOf(item.func), b = sigOf(other!.func);
        if (!sameFuncSig(a, b)) {
          mismatch(
            `needs ${fname}: ${showFuncSig(a)}, but ${provider} exports ${fname}: ${
              showFuncSig(b)
            }`,
          );
        }
      }
    }
  }
}

/** Export name → the component exporting it (`a\0b` when two do: an error only if imported). */
function providersOf(members: Member[]): Map<string, string> {
  const providers = new Map<string, string>();
  for (const d of members) {
    for (const e of d.exports) {
      const other = providers.get(e);
      if (other !== undefined && other !== d.name) providers.set(e, `${other}\0${d.name}`);
      else providers.set(e, d.name);
    }
  }
  return providers;
}

/** Each member's providers, and the exports consumed inside the set (`provider\0name`). */
function dependencies(members: Member[], providers: Map<string, string>, embedder: EmbedderRules) {
  const consumed = new Set<string>();
  const deps = new Map<string, string[]>();
  for (const d of members) {
    const list: string[] = [];
    for (const imp of d.imports) {
      if (embedder.match(imp.name)) continue;
      const p = providers.get(imp.name);
      if (p === undefined || p === d.name) continue;
      if (p.includes("\0")) {
        const [a, b] = p.split("\0");
        throw new FuseError(
          "ambiguous-provider",
          d.name,
          `import "${imp.name}" is exported by both ${a} and ${b}`,
          "fuse only one provider of each interface",
        );
      }
      list.push(p);
      consumed.add(`${p}\0${imp.name}`);
    }
    deps.set(d.name, list);
  }
  return { consumed, deps };
}

/** Providers first; a cycle is an error naming it. */
function topologicalOrder(members: Member[], deps: Map<string, string[]>): Member[] {
  const order: Member[] = [];
  const state = new Map<string, "visiting" | "done">();
  const byName = new Map(members.map((d) => [d.name, d]));
  const visit = (name: string, path: string[]) => {
    if (state.get(name) === "done") return;
    if (state.get(name) === "visiting") {
      throw new FuseError(
        "cycle",
        [...path.slice(path.indexOf(name)), name].join(" → "),
        "components import each other in a cycle",
        "break the cycle: a composition must be acyclic",
      );
    }
    state.set(name, "visiting");
    for (const dep of deps.get(name) ?? []) visit(dep, [...path, name]);
    state.set(name, "done");
    order.push(byName.get(name)!);
  };
  for (const d of members) visit(d.name, []);
  return order;
}

/** The value types an exported instance exports by name (resources are not value types). */
function namedExports(exports: Map<string, Item>): NamedType[] {
  const out: NamedType[] = [];
  for (const [name, item] of exports) {
    if (item.sort !== "type" || item.type.kind !== "def" || item.type.def.kind !== "defined") {
      continue;
    }
    out.push({ name, type: resolveEntry(item.type) });
  }
  return out;
}

/** Root exports: everything not consumed inside the set, each name once. */
function collectRootExports(
  order: Member[],
  exportsOf: Map<string, Map<string, Item>>,
  consumed: Set<string>,
  exportedTypes: Map<string, NamedType[]>,
  exportedResources: Map<number, ExportedResource>,
): RootExport[] {
  const rootExports: RootExport[] = [];
  const seen = new Map<string, string>();
  for (const d of order) {
    const add = (exportName: string, func: ComponentFunc) => {
      const prev = seen.get(exportName);
      if (prev) {
        throw new FuseError(
          "duplicate-export",
          `${prev} and ${d.name}`,
          `both export "${exportName}"`,
          "rename one of the exports, or fuse them separately",
        );
      }
      seen.set(exportName, d.name);
      rootExports.push({ name: exportName, func, component: d.name });
    };
    for (const [name, item] of exportsOf.get(d.name)!) {
      if (consumed.has(`${d.name}\0${name}`)) continue;
      if (item.sort === "func") add(name, item.func);
      else if (item.sort === "instance") {
        for (const [fname, f] of item.instance.exports) {
          if (f.sort === "func") add(`${name}#${fname}`, f.func);
        }
        exportedTypes.set(name, namedExports(item.instance.exports));
        for (const [tname, t] of item.instance.exports) {
          if (t.sort === "type" && t.type.kind === "resource" && t.type.owner !== "host") {
            if (!exportedResources.has(t.type.id)) {
              exportedResources.set(t.type.id, { iface: name, name: tname });
            }
          }
        }
      }
    }
  }
  return rootExports;
}

/**
 * Decodes the components, orders them providers first, evaluates every
 * instance graph with each import bound to its provider, the host or the
 * embedder, and collects the root exports.
 *
 * @example
 * ```ts
 * import { compose } from "./composition.ts";
 * import { EmbedderRules } from "./options.ts";
 * const bytes = await Deno.readFile("build/hello/components/hello.component.wasm");
 * const c = compose([{ name: "hello", bytes }], new EmbedderRules([]), {});
 * console.log(c.rootExports.map((e) => e.name), c.evaluator.instances.length);
 * ```
 */
export function compose(
  components: NamedComponent[],
  embedder: EmbedderRules,
  options: Pick<FuseOptions, "hostImports">,
): Composition {
  const members = components.map(decodeMember);
  const providers = providersOf(members);
  const { consumed, deps } = dependencies(members, providers, embedder);
  const order = topologicalOrder(members, deps);
  const ev = new Evaluator();
  const exportsOf = new Map<string, Map<string, Item>>();
  const hostAllowed = (name: string) =>
    options.hostImports === "*" || (options.hostImports ?? []).includes(name);
  const unresolved: string[] = [];
  let usesEmbedder = false;
  const arenaUsers = new Set<string>();
  for (const d of order) {
    const resources = new Map<number, number>();
    const exports = ev.instantiate(
      { component: d.component, name: d.name },
      (name, desc, scope) => {
        const host = ev.hostItem(scope, desc.kind === "instance" ? name : "$root", name, desc);
        if (embedder.match(name)) {
          usesEmbedder = true;
          if (name === ARENA_EXTERN_NAME) arenaUsers.add(d.name);
          return host;
        }
        const p = providers.get(name);
        if (p === undefined || p === d.name) {
          if (!hostAllowed(name)) unresolved.push(`${d.name} imports "${name}"`);
          return host;
        }
        const given = exportsOf.get(p)!.get(name)!;
        checkLink(d.name, p, name, host, given, resources);
        return given;
      },
    );
    exportsOf.set(d.name, exports);
  }
  if (unresolved.length > 0) {
    throw new FuseError(
      "unresolved-import",
      components.map((c) => c.name).join(", "),
      `no component in the set provides these imports:\n    ${unresolved.join("\n    ")}`,
      "add the components that export them, declare them as host imports (--host NAME), or as embedder imports (--passthrough NAME)",
    );
  }
  const exportedTypes = new Map<string, NamedType[]>();
  const exportedResources = new Map<number, ExportedResource>();
  const rootExports = collectRootExports(
    order,
    exportsOf,
    consumed,
    exportedTypes,
    exportedResources,
  );
  // A stackful async export the host calls is entered as a task: its results need the
  // scheduler's return area, and its waits the scheduler.
  if (rootExports.some((e) => e.func.kind === "lifted" && e.func.options.async)) {
    ev.usesScheduler = true;
  }
  return {
    evaluator: ev,
    rootExports,
    usesEmbedder,
    arenaUsers,
    exportedTypes,
    exportedResources,
  };
}
