/**
 * An exported interface whose functions use records, variants, enums or
 * flags, as `--component` re-exports it. A component may export an instance
 * only if every such type it uses is exported by name, so the functions go
 * through a small nested component (as wit-component builds them): it
 * imports each named type (bounded by its structure) and each function, and
 * exports the types under their names and the functions typed by them. The
 * instance it makes is what the fused component exports.
 *
 * @module
 */
import type { Component, ComponentSection } from "../../wasm/component/mod.ts";
import type { CType, FuncSig } from "../../wasm/abi/mod.ts";
import { TypeScope } from "./component_types.ts";
import { FuseError } from "./errors.ts";

/** A type an interface exports by name, as the input component's instance did. */
export interface NamedType {
  name: string;
  type: CType;
}

/**
 * The shim's import name for function `name`: a plain kebab-case name, as extern names of
 * imports must be (`[method]counter.add` → `import-func-method-counter-add`).
 *
 * @example
 * ```ts
 * import { shimImportName } from "./component_exports.ts";
 * console.log(shimImportName("[constructor]counter")); // import-func-constructor-counter
 * ```
 */
export function shimImportName(name: string): string {
  return `import-func-${name.replace(/^\[([a-z]+)\]/, "$1-").replace(".", "-")}`;
}

/** The kinds of type an instance must export by name to use them. */
const NOMINAL = new Set(["record", "variant", "enum", "flags"]);

/** The structural key of a type, ignoring the `name` the fuser attaches to nominal types. */
function shapeOf(t: CType): string {
  return JSON.stringify(t, function (this: unknown, key, value) {
    // Field, case and parameter names are structure; a nominal type's own `name` is not.
    const holder = this as { kind?: string };
    return key === "name" && holder && NOMINAL.has(String(holder.kind)) ? undefined : value;
  });
}

/**
 * The named types `sigs` use, each after the named types it uses itself
 * (the order a component can import them in). A nominal type is named by
 * the fuser, or else by the interface's export of the same structure.
 *
 * @example
 * ```ts
 * import { namedTypesOf } from "./component_exports.ts";
 * const point = { kind: "record" as const, fields: [{ name: "x", type: { kind: "u32" as const } }] };
 * const named = namedTypesOf([{ params: [{ name: "p", type: point }] }], [{ name: "point", type: point }]);
 * console.log(named.map((n) => n.name)); // [ "point" ]
 * ```
 */
export function namedTypesOf(sigs: FuncSig[], exported: NamedType[], where = "fuse"): NamedType[] {
  const byShape = new Map(exported.map((e) => [shapeOf(e.type), e.name]));
  const out: NamedType[] = [];
  const seen = new Set<string>();
  const visit = (t: CType | undefined): void => {
    if (!t) return;
    switch (t.kind) {
      case "record":
        t.fields.forEach((f) => visit(f.type));
        break;
      case "variant":
        t.cases.forEach((c) => visit(c.type));
        break;
      case "list":
        return visit(t.element);
      case "tuple":
        return t.types.forEach(visit);
      case "option":
        return visit(t.type);
      case "result":
        visit(t.ok);
        return visit(t.err);
    }
    if (!NOMINAL.has(t.kind)) return;
    const shape = shapeOf(t);
    if (seen.has(shape)) return;
    seen.add(shape);
    const name = ("name" in t ? t.name : undefined) ?? byShape.get(shape);
    if (!name) {
      throw new FuseError(
        "unsupported-component-output",
        where,
        `an exported function uses a ${t.kind} the interface does not export by name`,
        "emit a core module (without --component)",
      );
    }
    out.push({ name, type: t });
  };
  for (const sig of sigs) {
    sig.params.forEach((p) => visit(p.type));
    visit(sig.result);
  }
  return out;
}

/**
 * The nested component that types an exported interface: it imports
 * `import-type-<name>` (each named type, bounded by its structure) and
 * `import-func-<name>` (each function), and exports them by their own names.
 *
 * @example
 * ```ts
 * import { interfaceShim } from "./component_exports.ts";
 * const point = { kind: "record" as const, fields: [{ name: "x", type: { kind: "u32" as const } }] };
 * const shim = interfaceShim([{ name: "get", sig: { params: [], result: point } }],
 *   [{ name: "point", type: point }]);
 * console.log(shim.sections.filter((s) => s.id === "export").length); // 2: point, then get
 * ```
 */
export function interfaceShim(
  funcs: { name: string; sig: FuncSig }[],
  named: NamedType[],
  resources: { id: number; name: string }[] = [],
): Component {
  const sections: ComponentSection[] = [];
  let types = 0, funcCount = 0;
  const imported = new Map<string, number>();
  const exported = new Map<string, number>();
  // The interface's own resources: imported (`sub resource`), exported under their names.
  const importedResources = new Map<number, number>();
  const exportedResources = new Map<number, number>();
  const scope = (known: Map<string, number>, handles: Map<number, number>) =>
    new TypeScope({
      define: (def) => {
        sections.push({ id: "type", types: [def] });
        return types++;
      },
      resource: (id) => {
        const index = handles.get(id);
        if (index !== undefined) return index;
        throw new FuseError(
          "unsupported-component-output",
          "fuse --component",
          "an exported interface passes a resource that another interface defines",
          "emit a core module (without --component)",
        );
      },
      ref: (t) => known.get(shapeOf(t)),
    });
  for (const r of resources) {
    sections.push({
      id: "import",
      imports: [{
        name: { name: `import-type-${r.name}` },
        desc: { kind: "type", bound: { kind: "sub-resource" } },
      }],
    });
    importedResources.set(r.id, types++);
  }
  const importing = scope(imported, importedResources);
  for (const n of named) {
    const def = importing.val(n.type) as number;
    sections.push({
      id: "import",
      imports: [{
        name: { name: `import-type-${n.name}` },
        desc: { kind: "type", bound: { kind: "eq", index: def } },
      }],
    });
    imported.set(shapeOf(n.type), types++);
  }
  const funcIndex = funcs.map((f) => {
    const type = importing.func(f.sig);
    sections.push({
      id: "import",
      imports: [{ name: { name: shimImportName(f.name) }, desc: { kind: "func", type } }],
    });
    return funcCount++;
  });
  // Each type is exported ascribed a structure over the types exported before it, so nothing the
  // instance exports refers to what it does not export.
  const exporting = scope(exported, exportedResources);
  for (const r of resources) {
    sections.push({
      id: "export",
      exports: [{ name: { name: r.name }, sort: "type", index: importedResources.get(r.id)! }],
    });
    exportedResources.set(r.id, types++);
  }
  for (const n of named) {
    const over = exporting.val(n.type) as number;
    sections.push({
      id: "export",
      exports: [{
        name: { name: n.name },
        sort: "type",
        index: imported.get(shapeOf(n.type))!,
        desc: { kind: "type", bound: { kind: "eq", index: over } },
      }],
    });
    exported.set(shapeOf(n.type), types++);
  }
  funcs.forEach((f, i) => {
    const type = exporting.func(f.sig);
    sections.push({
      id: "export",
      exports: [{
        name: { name: f.name },
        sort: "func",
        index: funcIndex[i],
        desc: { kind: "func", type },
      }],
    });
  });
  return { kind: "component", sections };
}
