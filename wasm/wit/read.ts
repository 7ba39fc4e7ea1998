/**
 * Reads a world from its binary encoding: the component wit-component
 * writes into a `component-type` custom section (`wasm-tools component
 * embed`), whose one exported type is a component type wrapping the world.
 * Each interface is an instance type; its `(export "name" (type (eq i)))`
 * declarations name types, `(sub resource)` ones declare resources, and
 * `alias` declarations carry `use`d types from interface to interface.
 *
 * @module
 */
import { type CType, definedCType, type FuncSig } from "../abi/mod.ts";
import type {
  ComponentDecl,
  ComponentTypeDef,
  DefValType,
  ExternDesc,
  TypeDef,
  ValType,
} from "../component/mod.ts";
import { decodeComponent } from "../component/mod.ts";
import type {
  WitDirection,
  WitFunc,
  WitItem,
  WitNamedType,
  WitResource,
  WitWorld,
} from "./world.ts";

/** A world this reader cannot represent: a type kind the generators do not support. */
export class WitUnsupportedError extends Error {
  /** The interface or world item where it was found. */
  readonly where: string;
  /** The WIT keyword of what is unsupported (`stream`), when there is one. */
  readonly keyword?: string;
  constructor(where: string, what: string, keyword?: string) {
    super(`${where}: ${what}`);
    this.name = "WitUnsupportedError";
    this.where = where;
    this.keyword = keyword;
  }
}

type Entry =
  | { kind: "value"; type: CType }
  | { kind: "func"; sig: FuncSig }
  | { kind: "resource"; id: number }
  | { kind: "type-def"; def: TypeDef }
  | { kind: "none" };

interface Space {
  types: Entry[];
  /** Each instance's exported types, by name (the targets of `alias export`). */
  instances: Map<string, Entry>[];
  parent?: Space;
}

/** The state of one read: what the world gathers as its declarations are walked. */
class WorldReader {
  readonly resources: WitResource[] = [];
  readonly typeNames = new Map<CType, { owner: string; name: string }>();
  readonly items: WitItem[] = [];

  /** Walks a world's component type. */
  world(def: ComponentTypeDef, parent: Space): void {
    const space: Space = { types: [], instances: [], parent };
    for (const decl of def.decls) this.worldDecl(decl, space);
  }

  private worldDecl(decl: ComponentDecl, space: Space): void {
    if (decl.kind !== "import" && decl.kind !== "export") {
      this.declare(decl, space, "");
      return;
    }
    const direction: WitDirection = decl.kind;
    const name = decl.name.name;
    const desc = decl.desc;
    if (desc.kind === "instance") {
      const target = space.types[desc.type];
      if (target?.kind !== "type-def" || target.def.kind !== "instance") {
        throw new WitUnsupportedError(name, "the interface's type is not an instance type");
      }
      const inner: Space = { types: [], instances: [], parent: space };
      const item = {
        kind: "interface" as const,
        name,
        direction,
        types: [] as WitNamedType[],
        funcs: [] as WitFunc[],
      };
      for (const d of target.def.decls) this.interfaceDecl(d, inner, item);
      space.instances.push(new Map(item.types.map((t) => [t.name, this.entryOf(t)])));
      this.items.push(item);
    } else if (desc.kind === "func") {
      this.items.push({
        kind: "func",
        direction,
        func: { name, sig: this.sigAt(space, desc, name) },
      });
    } else if (desc.kind === "type") {
      const named = this.nameType(space, desc, name, "", direction);
      this.items.push({ kind: "type", direction, type: named });
    } else {
      throw new WitUnsupportedError(name, `a world-level ${desc.kind} is not supported`);
    }
  }

  private interfaceDecl(
    decl: ComponentDecl,
    space: Space,
    item: { name: string; direction: WitDirection; types: WitNamedType[]; funcs: WitFunc[] },
  ): void {
    if (decl.kind !== "export") {
      this.declare(decl, space, item.name);
      return;
    }
    const name = decl.name.name;
    if (decl.desc.kind === "func") {
      item.funcs.push({ name, sig: this.sigAt(space, decl.desc, `${item.name}#${name}`) });
    } else if (decl.desc.kind === "type") {
      item.types.push(this.nameType(space, decl.desc, name, item.name, item.direction));
    } else {
      throw new WitUnsupportedError(`${item.name}#${name}`, `an exported ${decl.desc.kind}`);
    }
  }

  /** A type, alias or core type declaration: extends the type space. */
  private declare(decl: ComponentDecl, space: Space, where: string): void {
    if (decl.kind === "type") space.types.push(this.define(decl.type, space, where));
    else if (decl.kind === "alias") {
      const a = decl.alias;
      if (a.sort !== "type") return;
      if (a.kind === "outer") {
        let s: Space | undefined = space;
        for (let i = 0; i < a.count; i++) s = s?.parent;
        space.types.push(s?.types[a.index] ?? { kind: "none" });
      } else {
        space.types.push(space.instances[a.instance]?.get(a.name) ?? { kind: "none" });
      }
    }
  }

  private define(def: TypeDef, space: Space, where: string): Entry {
    if (def.kind === "defined") {
      return { kind: "value", type: this.defined(def.type, space, where) };
    }
    if (def.kind === "func") {
      const sig: FuncSig = {
        params: def.params.map((p) => ({ name: p.name, type: this.val(p.type, space, where) })),
        ...(def.async ? { async: true as const } : {}),
      };
      if (def.result !== undefined) sig.result = this.val(def.result, space, where);
      return { kind: "func", sig };
    }
    return { kind: "type-def", def };
  }

  private nameType(
    space: Space,
    desc: ExternDesc & { kind: "type" },
    name: string,
    owner: string,
    direction: WitDirection,
  ): WitNamedType {
    if (desc.bound.kind === "sub-resource") {
      const id = this.resources.length;
      this.resources.push({ id, name, owner, direction });
      space.types.push({ kind: "resource", id });
      return { name, type: { kind: "resource", id } };
    }
    const entry = space.types[desc.bound.index];
    space.types.push(entry ?? { kind: "none" });
    if (entry?.kind === "resource") return { name, type: { kind: "resource", id: entry.id } };
    if (entry?.kind !== "value") {
      throw new WitUnsupportedError(owner ? `${owner}#${name}` : name, "not a value type");
    }
    if (!this.typeNames.has(entry.type)) this.typeNames.set(entry.type, { owner, name });
    return { name, type: entry.type };
  }

  private entryOf(t: WitNamedType): Entry {
    return t.type.kind === "resource"
      ? { kind: "resource", id: (t.type as { id: number }).id }
      : { kind: "value", type: t.type as CType };
  }

  private sigAt(space: Space, desc: ExternDesc & { kind: "func" }, where: string): FuncSig {
    const entry = space.types[desc.type];
    if (entry?.kind !== "func") throw new WitUnsupportedError(where, "not a function type");
    return entry.sig;
  }

  private val(t: ValType, space: Space, where: string): CType {
    if (typeof t === "string") {
      if (t === "error-context") {
        throw new WitUnsupportedError(where, "error-context values", "error-context");
      }
      return { kind: t };
    }
    const entry = space.types[t];
    if (entry?.kind !== "value") {
      throw new WitUnsupportedError(where, `type index ${t} is not a value type`);
    }
    return entry.type;
  }

  private handle(index: number, space: Space, where: string): number {
    const entry = space.types[index];
    if (entry?.kind !== "resource") {
      throw new WitUnsupportedError(where, "a handle to a non-resource");
    }
    return entry.id;
  }

  private defined(d: DefValType, space: Space, where: string): CType {
    return definedCType(d, {
      value: (t) => this.val(t, space, where),
      resource: (index) => this.handle(index, space, where),
      other: (o) => {
        throw new WitUnsupportedError(
          where,
          `${o.kind} types are not supported by the binding generators yet (use them from a hand-written component)`,
          o.kind,
        );
      },
    });
  }
}

/**
 * Reads the world a `component-type` custom section encodes.
 *
 * @example
 * ```ts
 * import { componentEmbed } from "@bytecodealliance/jco-transpile/wasm-tools";
 * import { decodeModule } from "../module/mod.ts";
 * import { readWorld } from "./read.ts";
 * const wit = "package a:b; interface i { f: func(s: string) -> u32; } world w { export i; }";
 * const dummy = await componentEmbed({ witSource: wit, world: "w", dummy: true } as never);
 * const section = decodeModule(dummy).sections.find((s) => s.id === "custom")!;
 * const world = readWorld((section as { data: Uint8Array }).data);
 * console.log(world.name, world.items[0].kind); // w interface
 * ```
 */
export function readWorld(encoded: Uint8Array): WitWorld {
  const component = decodeComponent(encoded);
  const outer: Space = { types: [], instances: [] };
  const defs: TypeDef[] = [];
  for (const s of component.sections) if (s.id === "type") defs.push(...s.types);
  const wrapper = defs.find((d): d is ComponentTypeDef => d.kind === "component");
  if (!wrapper) throw new WitUnsupportedError("component-type", "no world type in the encoding");
  // The wrapper: `(type (component …world…)) (export "ns:pkg/world" (component (type 0)))`.
  const inner: Space = { types: [], instances: [], parent: outer };
  let worldDef: ComponentTypeDef | undefined;
  let qualified = "";
  for (const decl of wrapper.decls) {
    if (decl.kind === "type") inner.types.push({ kind: "type-def", def: decl.type });
    else if (decl.kind === "export" && decl.desc.kind === "component") {
      const e = inner.types[decl.desc.type];
      if (e?.kind === "type-def" && e.def.kind === "component") worldDef = e.def;
      qualified = decl.name.name;
    }
  }
  if (!worldDef) throw new WitUnsupportedError("component-type", "no world type in the encoding");
  const reader = new WorldReader();
  reader.world(worldDef, inner);
  const slash = qualified.lastIndexOf("/");
  return {
    name: qualified.slice(slash + 1).replace(/@.*$/, ""),
    package: qualified.slice(0, Math.max(0, slash)),
    items: reader.items,
    resources: reader.resources,
    typeNames: reader.typeNames,
  };
}
