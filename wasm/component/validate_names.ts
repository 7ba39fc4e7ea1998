/**
 * Validation of a component's names (apart from parsing): import and export
 * names are extern names (a kebab-case `label`, annotated `[constructor]`,
 * `[method]` or `[static]`, or an interface name `ns:pkg/iface@version`),
 * strongly unique within their scope; the labels of records, variants,
 * enums, flags and function parameters are kebab case and unique; an
 * annotated name's resource is one the scope names. The grammar is the
 * Component Model's (`Explainer.md`, "Import and export names").
 *
 * @module
 */
import type {
  Component,
  ComponentDecl,
  CoreTypeDef,
  DefValType,
  ExternDesc,
  ExternName,
  TypeDef,
} from "./model.ts";

/** A name that does not validate: what is wrong, and where (a path of items). */
export interface NameError {
  message: string;
  where: string;
}

const FIRST_WORD = /^[a-z][0-9a-z]*$/;
const FIRST_ACRONYM = /^[A-Z][0-9A-Z]*$/;
const WORD = /^[0-9a-z]+$/;
const ACRONYM = /^[0-9A-Z]+$/;

/**
 * Why `s` is not a kebab-case `label`, or undefined.
 *
 * @example
 * ```ts
 * import { labelError } from "./validate_names.ts";
 * console.log(labelError("is-XML"), labelError("aBc")); // undefined `aBc` is not in kebab case
 * ```
 */
export function labelError(s: string): string | undefined {
  const bad = `\`${s}\` is not in kebab case`;
  if (s === "") return "empty label";
  const parts = s.split("-");
  if (!FIRST_WORD.test(parts[0]) && !FIRST_ACRONYM.test(parts[0])) return bad;
  for (const p of parts.slice(1)) if (!WORD.test(p) && !ACRONYM.test(p)) return bad;
  return undefined;
}

/** `words`: lowercase words joined by `-`, the first starting with a letter. */
function wordsError(s: string, what: string): string | undefined {
  const parts = s.split("-");
  if (!FIRST_WORD.test(parts[0]) || parts.slice(1).some((p) => !WORD.test(p))) {
    return `\`${s}\` is not a valid ${what}`;
  }
  return undefined;
}

/** Why `v` is not a semantic version (Semantic Versioning 2.0), or undefined. */
function semverError(v: string): string | undefined {
  if (v === "") return "empty string";
  let at = 0;
  const unexpected = () =>
    at >= v.length ? "unexpected end of input" : `unexpected character '${v[at]}'`;
  for (let field = 0; field < 3; field++) {
    const start = at;
    while (at < v.length && v[at] >= "0" && v[at] <= "9") at++;
    if (at === start) return unexpected();
    if (at - start > 1 && v[start] === "0") return "invalid leading zero";
    if (field < 2) {
      if (v[at] !== ".") return unexpected();
      at++;
    }
  }
  // `-pre.release` then `+build.metadata`: dot-separated identifiers of [0-9A-Za-z-].
  for (const sign of ["-", "+"]) {
    if (v[at] !== sign) continue;
    at++;
    for (;;) {
      const start = at;
      while (at < v.length && /[0-9A-Za-z-]/.test(v[at])) at++;
      if (at === start) return "empty identifier segment";
      if (v[at] !== ".") break;
      at++;
    }
  }
  return at < v.length ? unexpected() : undefined;
}

/** Why `name` is not an interface name `ns:pkg/iface@version`, or undefined. */
function interfaceNameError(name: string): string | undefined {
  const colon = name.indexOf(":");
  const ns = name.slice(0, colon);
  const nsError = wordsError(ns, "namespace");
  if (nsError) return nsError;
  const rest = name.slice(colon + 1);
  const slash = rest.indexOf("/");
  if (slash < 0) return "expected `/` after package name";
  const pkg = rest.slice(0, slash);
  if (pkg.includes(":")) return "expected `/` after package name";
  const pkgError = wordsError(pkg, "package name");
  if (pkgError) return pkgError;
  const tail = rest.slice(slash + 1);
  const at = tail.indexOf("@");
  const iface = at < 0 ? tail : tail.slice(0, at);
  const extra = iface.indexOf("/");
  if (extra >= 0) return `trailing characters found: \`${iface.slice(extra)}\``;
  const ifaceError = labelError(iface);
  if (ifaceError) return ifaceError;
  return at < 0 ? undefined : semverError(tail.slice(at + 1));
}

/** The resource an annotated name refers to (`[method]R.m` → `R`), if it is annotated. */
function annotatedResource(name: string): string | undefined {
  const m = /^\[(constructor|method|static)\](.*)$/.exec(name);
  if (!m) return undefined;
  return m[1] === "constructor" ? m[2] : m[2].split(".")[0];
}

/**
 * Why `name` is not an extern name, or undefined.
 *
 * @example
 * ```ts
 * import { externNameError } from "./validate_names.ts";
 * console.log(externNameError("wasi:http/types@0.2.0"), externNameError("[method]a")); // undefined `[method]a` is not a valid extern name
 * ```
 */
export function externNameError(name: string): string | undefined {
  if (name.includes(":")) return interfaceNameError(name);
  const m = /^\[([a-z]+)\](.*)$/.exec(name);
  if (!m) return labelError(name);
  const [, annotation, rest] = m;
  const invalid = `\`${name}\` is not a valid extern name`;
  if (annotation === "constructor") return rest === "" ? invalid : labelError(rest);
  if (annotation === "method" || annotation === "static") {
    const parts = rest.split(".");
    if (parts.length !== 2 || parts[0] === "" || parts[1] === "") {
      return `failed to find \`.\` character` + (parts.length === 1 ? "" : `: ${invalid}`);
    }
    return labelError(parts[0]) ?? labelError(parts[1]);
  }
  return invalid;
}

/**
 * Why the `implements` attribute of `name` is invalid, or undefined: it
 * names an interface, on an instance with a plain (label) name.
 */
function implementsError(name: ExternName, isInstance: boolean): string | undefined {
  const iface = name.implements;
  if (iface === undefined) return undefined;
  if (!isInstance) return "only instances can have an `implements` attribute";
  if (iface === "") return "`implements` is not a valid name: it is empty";
  if (!iface.includes(":")) return `\`implements\` value \`${iface}\` must be an interface name`;
  const bad = interfaceNameError(iface);
  if (bad) return `\`implements\` value: ${bad}`;
  if (name.name.includes(":") || name.name.startsWith("[")) {
    return `name \`${name.name}\` is not valid with \`implements\`: it must be a plain label`;
  }
  return undefined;
}

/**
 * A name's strongly-unique key: acronyms lowercased, `[method]l.l` /
 * `[static]l.l` as `l`, any annotation but `[constructor]` stripped.
 */
export function uniquenessKey(name: string): string {
  let n = name.toLowerCase();
  const m = /^\[(method|static)\]([^.]*)\.(.*)$/.exec(n);
  if (m && m[2] === m[3]) return m[2];
  if (m) n = `${m[2]}.${m[3]}`;
  return n;
}

/** Names in one scope: each valid, strongly unique, annotations naming a resource of it. */
class NameScope {
  readonly #keys = new Map<string, string>();
  readonly #resources = new Set<string>();
  constructor(private readonly where: string, private readonly what: string) {}

  /** Adds `name` (of `desc`, or of item sort `sort` for an export): why it is invalid, or undefined. */
  add(name: ExternName, desc?: ExternDesc, sort?: string): NameError | undefined {
    const n = name.name;
    const at = `${this.where} → ${this.what} "${n}"`;
    const invalid = externNameError(n) ??
      implementsError(name, desc?.kind === "instance" || sort === "instance");
    if (invalid) return { message: invalid, where: at };
    const key = uniquenessKey(n);
    const prev = this.#keys.get(key);
    if (prev !== undefined) {
      return {
        message: `${this.what} name \`${n}\` conflicts with previous name \`${prev}\``,
        where: at,
      };
    }
    this.#keys.set(key, n);
    if (desc?.kind === "type") this.#resources.add(n);
    const resource = annotatedResource(n);
    if (resource !== undefined && !this.#resources.has(resource)) {
      return { message: `\`${resource}\` is not a resource type named in this scope`, where: at };
    }
    return undefined;
  }
}

/**
 * A core module's (or core module type's) names, as a component holds them:
 * each import's `module` / `field` pair once, each export name once.
 */
function coreNamesError(
  imports: { module: string; field: string }[],
  exports: string[],
  where: string,
): NameError | undefined {
  const seen = new Set<string>();
  for (const i of imports) {
    const key = `${i.module}:${i.field}`;
    if (seen.has(key)) return { message: `duplicate import name \`${key}\``, where };
    seen.add(key);
  }
  const names = new Set<string>();
  for (const e of exports) {
    if (names.has(e)) return { message: `export name \`${e}\` already defined`, where };
    names.add(e);
  }
  return undefined;
}

/** A core type's names: a module type's imports and exports. */
function coreTypeError(t: CoreTypeDef, where: string): NameError | undefined {
  if (t.kind !== "module") return undefined;
  const imports = t.decls.flatMap((d) => d.kind === "import" ? [d] : []);
  const exports = t.decls.flatMap((d) => d.kind === "export" ? [d.name] : []);
  return coreNamesError(imports, exports, `${where} → core module type`);
}

/** Labels of one type (record fields, variant cases, …): kebab case and unique. */
function labelsError(labels: string[], what: string, where: string): NameError | undefined {
  const seen = new Map<string, string>();
  for (const l of labels) {
    const bad = labelError(l);
    if (bad) return { message: `${what} ${bad}`, where };
    const prev = seen.get(l.toLowerCase());
    if (prev !== undefined) {
      return { message: `${what} \`${l}\` conflicts with previous ${what} \`${prev}\``, where };
    }
    seen.set(l.toLowerCase(), l);
  }
  return undefined;
}

function defValError(t: DefValType, where: string): NameError | undefined {
  switch (t.kind) {
    case "record":
      return labelsError(t.fields.map((f) => f.name), "record field name", where);
    case "variant":
      if (t.cases.some((c) => c.name === "")) {
        return { message: "variant case name cannot be empty", where };
      }
      return labelsError(t.cases.map((c) => c.name), "variant case name", where);
    case "enum":
      return labelsError(t.names, "enum tag name", where);
    case "flags":
      return labelsError(t.names, "flag name", where);
    default:
      return undefined;
  }
}

function typeDefError(t: TypeDef, where: string): NameError | undefined {
  switch (t.kind) {
    case "defined":
      return defValError(t.type, where);
    case "func":
      return labelsError(t.params.map((p) => p.name), "function parameter name", where);
    case "component":
    case "instance":
      return declsError(t.decls, `${where} → ${t.kind} type`);
    default:
      return undefined;
  }
}

function declsError(decls: ComponentDecl[], where: string): NameError | undefined {
  const imports = new NameScope(where, "import");
  const exports = new NameScope(where, "export");
  for (const d of decls) {
    const err = d.kind === "import"
      ? imports.add(d.name, d.desc)
      : d.kind === "export"
      ? exports.add(d.name, d.desc)
      : d.kind === "type"
      ? typeDefError(d.type, where)
      : d.kind === "core type"
      ? coreTypeError(d.type, where)
      : undefined;
    if (err) return err;
  }
  return undefined;
}

/**
 * The first name of `component` (nested components and types included)
 * that does not validate, or undefined. `where` names the component.
 *
 * @example
 * ```ts
 * import { validateNames } from "./validate_names.ts";
 * const c = { kind: "component" as const, sections: [{ id: "import" as const, imports: [
 *   { name: { name: "Not-Kebab_Case" }, desc: { kind: "func" as const, type: 0 } }] }] };
 * console.log(validateNames(c, "app")?.message); // `Not-Kebab_Case` is not in kebab case
 * ```
 */
export function validateNames(component: Component, where: string): NameError | undefined {
  const imports = new NameScope(where, "import");
  const exports = new NameScope(where, "export");
  let nested = 0;
  for (const s of component.sections) {
    let err: NameError | undefined;
    switch (s.id) {
      case "import":
        for (const i of s.imports) err ??= imports.add(i.name, i.desc);
        break;
      case "export":
        for (const e of s.exports) {
          const desc: ExternDesc | undefined = e.sort === "type"
            ? { kind: "type", bound: { kind: "sub-resource" } }
            : undefined;
          err ??= exports.add(e.name, desc, e.sort);
        }
        break;
      case "type":
        for (const t of s.types) err ??= typeDefError(t, where);
        break;
      case "instance":
        for (const inst of s.instances) {
          if (inst.kind !== "exports") continue;
          const scope = new NameScope(`${where} → instance`, "export");
          for (const e of inst.exports) err ??= scope.add(e.name, undefined, e.sort);
        }
        break;
      case "component":
        err = validateNames(s.component, `${where} → component ${nested++}`);
        break;
      case "core type":
        for (const t of s.types) err ??= coreTypeError(t, where);
        break;
      case "core instance":
        for (const ci of s.instances) {
          if (ci.kind !== "exports") continue;
          err ??= coreNamesError([], ci.exports.map((e) => e.name), `${where} → core instance`);
        }
        break;
      case "core module": {
        const imports = s.module.sections.flatMap((x) => x.id === "import" ? x.imports : []);
        const exports = s.module.sections.flatMap((x) =>
          x.id === "export" ? x.exports.map((e) => e.name) : []
        );
        err = coreNamesError(imports, exports, `${where} → core module`);
        break;
      }
    }
    if (err) return err;
  }
  return undefined;
}
