/**
 * Rust types for a world's WIT types, after wit-bindgen's Rust conventions:
 * `String`, `Vec<T>`, `Option<T>`, `Result<T, E>` and tuples for the
 * anonymous kinds; a struct, an enum or a flags newtype for each named
 * type, in the module of the interface that defines it
 * (`crate::pulseengine::kernel::queue`, `crate::exports::…` for exports).
 *
 * @module
 */
import { type CType, discriminantSize } from "../../../wasm/abi/mod.ts";
import type { WitWorld } from "../../../wasm/wit/mod.ts";
import { camel, ownerDirection, snake } from "./names.ts";
import { BindgenError } from "./errors.ts";

/** The Rust type of each scalar kind. */
export const SCALARS: Record<string, string> = {
  bool: "bool",
  s8: "i8",
  u8: "u8",
  s16: "i16",
  u16: "u16",
  s32: "i32",
  u32: "u32",
  s64: "i64",
  u64: "u64",
  f32: "f32",
  f64: "f64",
  char: "char",
};

/** Rust's keywords, which a WIT name must not become as is. */
const KEYWORDS = new Set([
  "as",
  "break",
  "const",
  "continue",
  "crate",
  "else",
  "enum",
  "extern",
  "false",
  "fn",
  "for",
  "if",
  "impl",
  "in",
  "let",
  "loop",
  "match",
  "mod",
  "move",
  "mut",
  "pub",
  "ref",
  "return",
  "self",
  "Self",
  "static",
  "struct",
  "super",
  "trait",
  "true",
  "type",
  "unsafe",
  "use",
  "where",
  "while",
  "async",
  "await",
  "dyn",
  "abstract",
  "become",
  "box",
  "do",
  "final",
  "macro",
  "override",
  "priv",
  "typeof",
  "unsized",
  "virtual",
  "yield",
  "try",
  "gen",
]);

/** A WIT name as a Rust identifier (`type` → `type_`). */
export function rustIdent(name: string): string {
  const s = snake(name);
  return KEYWORDS.has(s) ? `${s}_` : s;
}

/** Whether a Rust value of `t` has the canonical ABI's memory layout (a list of it is borrowed as is). */
export function plainLayout(t: CType): boolean {
  return t.kind in SCALARS && t.kind !== "bool";
}

/** The module path of an owner: `crate::ns::pkg::iface` or `crate::exports::ns::pkg::iface`. */
export function modulePath(world: WitWorld, owner: string): string {
  if (owner === "") return "crate";
  const parts = owner.replace(/@.*$/, "").split(/[:/]/).map(rustIdent);
  const exported = ownerDirection(world, owner) === "export";
  return ["crate", ...(exported ? ["exports"] : []), ...parts].join("::");
}

/**
 * Names Rust types and collects the definitions of named ones, per module.
 *
 * @example
 * ```ts
 * import { RustTypes } from "./rust_types.ts";
 * const t = new RustTypes({ name: "w", package: "a:b", items: [], resources: [], typeNames: new Map() });
 * console.log(t.name({ kind: "list", element: { kind: "string" } })); // alloc::vec::Vec<alloc::string::String>
 * ```
 */
export class RustTypes {
  /** Definitions by module path. */
  readonly modules = new Map<string, string[]>();
  private readonly defined = new Set<CType>();

  constructor(readonly world: WitWorld) {}

  /** The owned Rust type of a value of `t`. */
  name(t: CType): string {
    const named = this.world.typeNames.get(t);
    if (named) {
      this.define(t, named.owner, camel(named.name));
      return `${modulePath(this.world, named.owner)}::${camel(named.name)}`;
    }
    return this.structural(t);
  }

  /** The Rust type of `t` by its structure, whatever it is named. */
  private structural(t: CType): string {
    if (t.kind in SCALARS) return SCALARS[t.kind];
    switch (t.kind) {
      case "string":
        return "alloc::string::String";
      case "list":
        if (t.length !== undefined) return this.unsupported("fixed-length lists");
        return `alloc::vec::Vec<${this.name(t.element)}>`;
      case "option":
        return `Option<${this.name(t.type)}>`;
      case "result":
        return `Result<${t.ok ? this.name(t.ok) : "()"}, ${t.err ? this.name(t.err) : "()"}>`;
      case "tuple":
        return `(${t.types.map((x) => `${this.name(x)},`).join(" ")})`;
      case "own":
        return this.resourcePath(t.resource);
      case "borrow":
        return this.borrowed(t.resource);
      default:
        return this.unsupported(`anonymous ${t.kind} types`);
    }
  }

  /** The type of a borrow handle: a reference to an imported resource, a `…Borrow` of an exported one. */
  borrowed(id: number): string {
    return this.borrowIsRep(id)
      ? `${this.resourcePath(id)}Borrow<'_>`
      : `&${this.resourcePath(id)}`;
  }

  /** Whether a borrow of resource `id` is its representation (the component's own resource). */
  borrowIsRep(id: number): boolean {
    return ownerDirection(this.world, this.world.resources[id].owner) === "export";
  }

  /** The path of resource `id`'s handle type. */
  resourcePath(id: number): string {
    const r = this.world.resources[id];
    return `${modulePath(this.world, r.owner)}::${camel(r.name)}`;
  }

  /** Adds lines to a module's definitions. */
  add(module: string, lines: string[]): void {
    if (!this.modules.has(module)) this.modules.set(module, []);
    this.modules.get(module)!.push(...lines);
  }

  private define(t: CType, owner: string, name: string): void {
    if (this.defined.has(t)) return;
    this.defined.add(t);
    const module = modulePath(this.world, owner);
    const derive = "#[derive(Clone, Debug, PartialEq)]";
    switch (t.kind) {
      case "record":
        this.add(module, [
          derive,
          `pub struct ${name} {`,
          ...t.fields.map((f) => `  pub ${rustIdent(f.name)}: ${this.name(f.type)},`),
          `}`,
        ]);
        return;
      case "variant":
        this.add(module, [
          derive,
          `pub enum ${name} {`,
          ...t.cases.map((c) => `  ${camel(c.name)}${c.type ? `(${this.name(c.type)})` : ""},`),
          `}`,
        ]);
        return;
      case "enum":
        this.add(module, [
          "#[derive(Clone, Copy, Debug, PartialEq, Eq)]",
          `#[repr(u${discriminantSize(t.names.length) * 8})]`,
          `pub enum ${name} {`,
          ...t.names.map((n) => `  ${camel(n)},`),
          `}`,
        ]);
        return;
      case "flags": {
        if (t.names.length > 32) this.unsupported("flags with more than 32 members");
        const bits = t.names.length <= 8 ? "u8" : t.names.length <= 16 ? "u16" : "u32";
        this.add(module, [
          "#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]",
          `pub struct ${name}(pub ${bits});`,
          `impl ${name} {`,
          ...t.names.map((n, i) =>
            `  pub const ${snake(n).toUpperCase()}: ${name} = ${name}(1 << ${i});`
          ),
          `  pub fn contains(self, other: ${name}) -> bool { self.0 & other.0 == other.0 }`,
          `}`,
          `impl core::ops::BitOr for ${name} { type Output = ${name}; fn bitor(self, o: ${name}) -> ${name} { ${name}(self.0 | o.0) } }`,
          `impl core::ops::BitXor for ${name} { type Output = ${name}; fn bitxor(self, o: ${name}) -> ${name} { ${name}(self.0 ^ o.0) } }`,
        ]);
        return;
      }
      default:
        // A named alias: `pub type Name = …;`.
        this.add(module, [`pub type ${name} = ${this.structural(t)};`]);
    }
  }

  private unsupported(what: string): never {
    throw new BindgenError(
      `${this.world.name}: ${what} are not supported by the Rust generator`,
      undefined,
      "unsupported",
    );
  }
}
