/**
 * C types for a world's WIT types. Each is laid out exactly as the
 * canonical ABI lays the value out in memory (a struct's fields in order,
 * a variant's tag then a union), and the header proves it with a
 * `_Static_assert` against `elemSize` / `alignment`: a list's elements and
 * a return area are then plain C values, read and written without copying.
 *
 * @module
 */
import { alignment, type CType, discriminantSize, elemSize } from "../../../wasm/abi/mod.ts";
import type { WitWorld } from "../../../wasm/wit/mod.ts";
import { ownerDirection, ownerPrefix, snake } from "./names.ts";
import { BindgenError } from "./errors.ts";

const SCALARS: Record<string, string> = {
  bool: "bool",
  s8: "int8_t",
  u8: "uint8_t",
  s16: "int16_t",
  u16: "uint16_t",
  s32: "int32_t",
  u32: "uint32_t",
  s64: "int64_t",
  u64: "uint64_t",
  f32: "float",
  f64: "double",
  char: "uint32_t",
};

/** Whether a value of `t` owns memory (a string or list somewhere inside). */
export function ownsMemory(t: CType): boolean {
  switch (t.kind) {
    case "string":
    case "list":
      return true;
    case "record":
      return t.fields.some((f) => ownsMemory(f.type));
    case "tuple":
      return t.types.some(ownsMemory);
    case "option":
      return ownsMemory(t.type);
    case "result":
      return (t.ok !== undefined && ownsMemory(t.ok)) || (t.err !== undefined && ownsMemory(t.err));
    case "variant":
      return t.cases.some((c) => c.type !== undefined && ownsMemory(c.type));
    default:
      return false;
  }
}

/** Whether a C value of `t` is passed by value (one core value, no struct). */
export function byValue(t: CType): boolean {
  return t.kind in SCALARS || t.kind === "enum" || t.kind === "flags" || t.kind === "own" ||
    t.kind === "borrow";
}

/**
 * The C type names and definitions of one world, defined on first use and
 * in dependency order.
 *
 * @example
 * ```ts
 * import { CTypes } from "./c_types.ts";
 * const types = new CTypes({ name: "w", package: "a:b", items: [], resources: [], typeNames: new Map() });
 * console.log(types.name({ kind: "list", element: { kind: "u32" } })); // w_list_u32_t
 * ```
 */
export class CTypes {
  readonly world: WitWorld;
  /** Definitions, in the order the header must declare them. */
  readonly definitions: string[] = [];
  private readonly defined = new Set<string>();
  private readonly prefix: string;

  constructor(world: WitWorld) {
    this.world = world;
    this.prefix = snake(world.name);
  }

  /** The C type of a value of `t`, defining it (and what it uses) first. */
  name(t: CType): string {
    const named = this.world.typeNames.get(t);
    if (named) {
      const c = `${ownerPrefix(this.world, named.owner)}_${snake(named.name)}_t`;
      this.define(c, t);
      return c;
    }
    if (t.kind in SCALARS) return SCALARS[t.kind];
    if (t.kind === "own" || t.kind === "borrow") return this.handle(t.kind, t.resource);
    const c = `${this.prefix}_${this.fragment(t)}_t`;
    this.define(c, t);
    return c;
  }

  /** The C name of resource `id`'s own or borrow handle type (`P_own_r_t`). */
  handle(kind: "own" | "borrow", id: number): string {
    const r = this.world.resources[id];
    const p = ownerPrefix(this.world, r.owner);
    const c = `${p}_${kind}_${snake(r.name)}_t`;
    if (!this.defined.has(c)) {
      this.defined.add(c);
      if (kind === "borrow" && this.borrowIsRep(id)) {
        // A borrow of the component's own resource is lifted as its representation.
        this.definitions.push(
          `typedef struct ${p}_${snake(r.name)}_t ${p}_${snake(r.name)}_t;`,
          `typedef ${p}_${snake(r.name)}_t *${c};`,
        );
      } else this.definitions.push(`typedef struct ${c} { int32_t __handle; } ${c};`);
    }
    return c;
  }

  /** Whether a borrow of resource `id` is its representation (the component's own resource). */
  borrowIsRep(id: number): boolean {
    return ownerDirection(this.world, this.world.resources[id].owner) === "export";
  }

  /** The part of an anonymous type's name that says what it is (`list_u32`). */
  fragment(t: CType): string {
    const named = this.world.typeNames.get(t);
    if (named) return snake(named.name);
    switch (t.kind) {
      case "list":
        return `list_${this.fragment(t.element)}`;
      case "option":
        return `option_${this.fragment(t.type)}`;
      case "result":
        return `result_${t.ok ? this.fragment(t.ok) : "void"}_${
          t.err ? this.fragment(t.err) : "void"
        }`;
      case "tuple":
        return `tuple${t.types.length}_${t.types.map((x) => this.fragment(x)).join("_")}`;
      case "own":
      case "borrow":
        return `${t.kind}_${snake(this.world.resources[t.resource].name)}`;
      default:
        return t.kind;
    }
  }

  private define(c: string, t: CType): void {
    if (this.defined.has(c)) return;
    this.defined.add(c);
    const base = c.slice(0, -2);
    const lines = this.body(c, base, t);
    this.definitions.push(...lines);
    if (!(t.kind in SCALARS) && t.kind !== "enum" && t.kind !== "flags") {
      this.definitions.push(
        `_Static_assert(sizeof(${c}) == ${elemSize(t)} && _Alignof(${c}) == ${alignment(t)}, ` +
          `"${c}: the canonical ABI's layout");`,
      );
    }
    if (ownsMemory(t)) this.definitions.push(...this.freeFunction(c, t));
  }

  /** `<type>_free`: releases what a value owns (DISSOLVE_RELEASE; the arena's is a no-op). */
  private freeFunction(c: string, t: CType): string[] {
    const free = (x: CType, at: string) =>
      ownsMemory(x) ? [`${this.name(x).slice(0, -2)}_free(${at});`] : [];
    const body: string[] = [];
    switch (t.kind) {
      case "string":
        body.push("DISSOLVE_RELEASE(ptr->ptr);", "ptr->ptr = 0;", "ptr->len = 0;");
        break;
      case "list":
        if (ownsMemory(t.element)) {
          body.push(
            `for (size_t i = 0; i < ptr->len; i++) ${free(t.element, "&ptr->ptr[i]")[0]}`,
          );
        }
        body.push("DISSOLVE_RELEASE(ptr->ptr);", "ptr->ptr = 0;", "ptr->len = 0;");
        break;
      case "record":
        for (const f of t.fields) body.push(...free(f.type, `&ptr->${snake(f.name)}`));
        break;
      case "tuple":
        t.types.forEach((x, i) => body.push(...free(x, `&ptr->f${i}`)));
        break;
      case "option":
        body.push(...free(t.type, "&ptr->val").map((l) => `if (ptr->is_some) ${l}`));
        break;
      case "result":
        if (t.ok) body.push(...free(t.ok, "&ptr->val.ok").map((l) => `if (!ptr->is_err) ${l}`));
        if (t.err) body.push(...free(t.err, "&ptr->val.err").map((l) => `if (ptr->is_err) ${l}`));
        break;
      case "variant":
        t.cases.forEach((k, i) => {
          if (k.type) {
            body.push(
              ...free(k.type, `&ptr->val.${snake(k.name)}`).map((l) =>
                `if (ptr->tag == ${i}) ${l}`
              ),
            );
          }
        });
        break;
    }
    return [
      `DISSOLVE_GLUE void ${c.slice(0, -2)}_free(${c} *ptr) {`,
      ...body.map((l) => `  ${l}`),
      `}`,
    ];
  }

  private body(c: string, base: string, t: CType): string[] {
    const upper = base.toUpperCase();
    switch (t.kind) {
      case "string":
        return [`typedef struct ${c} { uint8_t *ptr; size_t len; } ${c};`];
      case "list": {
        if (t.length !== undefined) this.unsupported(c, "fixed-length lists");
        return [`typedef struct ${c} { ${this.name(t.element)} *ptr; size_t len; } ${c};`];
      }
      case "record":
        return [this.struct(c, t.fields.map((f) => `${this.name(f.type)} ${snake(f.name)};`))];
      case "tuple":
        return [this.struct(c, t.types.map((x, i) => `${this.name(x)} f${i};`))];
      case "option":
        return [this.struct(c, ["bool is_some;", `${this.name(t.type)} val;`])];
      case "result": {
        const arms = [
          ...(t.ok ? [`${this.name(t.ok)} ok;`] : []),
          ...(t.err ? [`${this.name(t.err)} err;`] : []),
        ];
        return [this.struct(c, ["bool is_err;", ...this.union(arms)])];
      }
      case "variant": {
        const tag = `uint${discriminantSize(t.cases.length) * 8}_t`;
        const arms = t.cases.filter((k) => k.type).map((k) =>
          `${this.name(k.type!)} ${snake(k.name)};`
        );
        return [
          ...t.cases.map((k, i) => `#define ${upper}_${snake(k.name).toUpperCase()} ${i}`),
          this.struct(c, [`${tag} tag;`, ...this.union(arms)]),
        ];
      }
      case "enum":
        return [
          `typedef uint${discriminantSize(t.names.length) * 8}_t ${c};`,
          ...t.names.map((n, i) => `#define ${upper}_${snake(n).toUpperCase()} ${i}`),
        ];
      case "flags": {
        if (t.names.length > 32) this.unsupported(c, "flags with more than 32 members");
        const bits = t.names.length <= 8 ? 8 : t.names.length <= 16 ? 16 : 32;
        return [
          `typedef uint${bits}_t ${c};`,
          ...t.names.map((n, i) => `#define ${upper}_${snake(n).toUpperCase()} (1u << ${i})`),
        ];
      }
      default:
        // A named alias of a scalar, handle or another named type.
        return [`typedef ${this.aliased(t)} ${c};`];
    }
  }

  private aliased(t: CType): string {
    if (t.kind in SCALARS) return SCALARS[t.kind];
    if (t.kind === "own" || t.kind === "borrow") return this.handle(t.kind, t.resource);
    return this.unsupported(t.kind, "this alias");
  }

  private struct(c: string, fields: string[]): string {
    return `typedef struct ${c} {\n${fields.map((f) => `  ${f}`).join("\n")}\n} ${c};`;
  }

  private union(arms: string[]): string[] {
    return arms.length === 0
      ? []
      : [`union {\n${arms.map((a) => `    ${a}`).join("\n")}\n  } val;`];
  }

  private unsupported(where: string, what: string): never {
    throw new BindgenError(
      `${where}: ${what} are not supported by the C generator`,
      undefined,
      "unsupported",
    );
  }
}
