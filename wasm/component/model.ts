/**
 * The in-memory model of a WebAssembly component (Component Model
 * `Binary.md`).
 *
 * As for core modules, a decoded section keeps its original bytes in `raw`
 * and the encoder writes them verbatim when present; nested core modules and
 * components are decoded recursively, to any depth. Sorts are spelled as in
 * the text format: `"core func"`, `"core module"`, `"func"`, `"instance"`, …
 *
 * @module
 */
import type { CoreModule, FuncType, ImportDesc, ValType as CoreValType } from "../module/model.ts";

/** `core:sort`, spelled with its `core ` prefix. */
export type CoreSort =
  | "core func"
  | "core table"
  | "core memory"
  | "core global"
  | "core tag"
  | "core type"
  | "core module"
  | "core instance";

/** `sort`: a core sort or one of the component-level sorts. */
export type Sort = CoreSort | "func" | "value" | "type" | "component" | "instance";

/** `sortidx`. */
export interface SortIndex {
  sort: Sort;
  index: number;
}

/** The primitive value types (`primvaltype`). */
export type PrimValType =
  | "bool"
  | "s8"
  | "u8"
  | "s16"
  | "u16"
  | "s32"
  | "u32"
  | "s64"
  | "u64"
  | "f32"
  | "f64"
  | "char"
  | "string"
  | "error-context";

/** `valtype`: a primitive, or an index into the type index space. */
export type ValType = PrimValType | number;

/** A named field / parameter. */
export interface LabeledType {
  name: string;
  type: ValType;
}

/** A variant case (`refines` is a legacy encoding kept for round-trip). */
export interface VariantCase {
  name: string;
  type?: ValType;
  refines?: number;
}

/** `defvaltype`. */
export type DefValType =
  | { kind: "primitive"; type: PrimValType }
  | { kind: "record"; fields: LabeledType[] }
  | { kind: "variant"; cases: VariantCase[] }
  | { kind: "list"; element: ValType; length?: number }
  | { kind: "tuple"; types: ValType[] }
  | { kind: "flags"; names: string[] }
  | { kind: "enum"; names: string[] }
  | { kind: "option"; type: ValType }
  | { kind: "result"; ok?: ValType; err?: ValType }
  | { kind: "own"; resource: number }
  | { kind: "borrow"; resource: number }
  | { kind: "stream"; element?: ValType }
  | { kind: "future"; element?: ValType }
  | { kind: "map"; key: ValType; value: ValType };

/** `functype` (0x40 sync, 0x43 async). `results` named form is the legacy encoding. */
export interface ComponentFuncType {
  kind: "func";
  async: boolean;
  params: LabeledType[];
  /** The single unnamed result, if any. */
  result?: ValType;
  /** Legacy named results (`0x01 vec(labelvaltype)` with a non-empty vector). */
  namedResults?: LabeledType[];
}

/** `resourcetype`: representation (always i32 today) and optional destructor core func. */
export interface ResourceType {
  kind: "resource";
  rep: CoreValType;
  dtor?: number;
  /** Original opcode (0x3f sync; 0x3e legacy async form with a callback). */
  opcode?: number;
  callback?: number;
}

/** `typebound`. */
export type TypeBound = { kind: "eq"; index: number } | { kind: "sub-resource" };

/** `externtype` (the descriptor of an import / export). */
export type ExternDesc =
  | { kind: "module"; type: number }
  | { kind: "func"; type: number }
  | { kind: "value"; bound: { kind: "eq"; index: number } | { kind: "type"; type: ValType } }
  | { kind: "type"; bound: TypeBound }
  | { kind: "component"; type: number }
  | { kind: "instance"; type: number };

/** `nameattributes`: the extern name, its original form byte and any attributes. */
export interface ExternName {
  name: string;
  /** 0x00, 0x01 or 0x02 (with attributes). */
  form?: number;
  implements?: string;
  versionSuffix?: string;
  externalId?: string;
}

/** A declarator inside an instance type (and, plus imports, a component type). */
export type InstanceDecl =
  | { kind: "core type"; type: CoreTypeDef }
  | { kind: "type"; type: TypeDef }
  | { kind: "alias"; alias: Alias }
  | { kind: "export"; name: ExternName; desc: ExternDesc };

/** A declarator inside a component type. */
export type ComponentDecl = InstanceDecl | { kind: "import"; name: ExternName; desc: ExternDesc };

/** `componenttype` (0x41). */
export interface ComponentTypeDef {
  kind: "component";
  decls: ComponentDecl[];
}

/** `instancetype` (0x42). */
export interface InstanceTypeDef {
  kind: "instance";
  decls: InstanceDecl[];
}

/** `deftype` in the component type section. */
export type TypeDef =
  | { kind: "defined"; type: DefValType }
  | ComponentFuncType
  | ComponentTypeDef
  | InstanceTypeDef
  | ResourceType;

/** `core:moduledecl`. */
export type ModuleDecl =
  | { kind: "import"; module: string; field: string; desc: ImportDesc }
  | { kind: "type"; type: CoreTypeDef }
  | { kind: "alias"; count: number; index: number }
  | { kind: "export"; name: string; desc: ImportDesc };

/** `core:type` in a component: a core function type or a module type. */
export type CoreTypeDef =
  | ({ kind: "func" } & FuncType)
  | { kind: "module"; decls: ModuleDecl[] }
  /** A GC rec group / sub / struct / array type, kept as its bytes (fuse rejects them). */
  | { kind: "gc"; bytes: Uint8Array };

/** `core:instance`. */
export type CoreInstance =
  | { kind: "instantiate"; module: number; args: { name: string; instance: number }[] }
  | { kind: "exports"; exports: { name: string; sort: CoreSort; index: number }[] };

/** `instance`. */
export type ComponentInstance =
  | { kind: "instantiate"; component: number; args: { name: string; sort: Sort; index: number }[] }
  | { kind: "exports"; exports: { name: ExternName; sort: Sort; index: number }[] };

/** `alias`. */
export type Alias =
  | { kind: "export"; sort: Sort; instance: number; name: string }
  | { kind: "core export"; sort: Sort; instance: number; name: string }
  | { kind: "outer"; sort: Sort; count: number; index: number };

/** `canonopt`. */
export type CanonOpt =
  | { kind: "string-encoding"; encoding: "utf8" | "utf16" | "latin1+utf16" }
  | { kind: "memory"; index: number }
  | { kind: "realloc"; index: number }
  | { kind: "post-return"; index: number }
  | { kind: "async" }
  | { kind: "callback"; index: number }
  | { kind: "core-type"; index: number }
  | { kind: "gc" };

/**
 * `canon`. Lift, lower and the resource built-ins are spelled out; the
 * async / thread built-ins are decoded generically (`builtin` + immediates)
 * so the codec round-trips them and a later stage can reject them by name.
 */
export type Canon =
  | { kind: "lift"; coreFunc: number; options: CanonOpt[]; type: number }
  | { kind: "lower"; func: number; options: CanonOpt[] }
  | { kind: "resource.new"; resource: number }
  | { kind: "resource.drop"; resource: number; async?: boolean }
  | { kind: "resource.rep"; resource: number }
  | {
    kind: "builtin";
    name: string;
    opcode: number;
    /** Immediates in encoding order: numbers for indices / flags / core valtypes. */
    immediates: number[];
    options?: CanonOpt[];
    /** For `task.return`: its result list. */
    result?: ValType;
    namedResults?: LabeledType[];
  };

/** `start`. */
export interface ComponentStart {
  func: number;
  args: number[];
  results: number;
}

/** `import`. */
export interface ComponentImport {
  name: ExternName;
  desc: ExternDesc;
}

/** `export`. */
export interface ComponentExport {
  name: ExternName;
  sort: Sort;
  index: number;
  desc?: ExternDesc;
}

/** A section of a component. `raw`, when present, is written verbatim. */
export type ComponentSection =
  | { id: "custom"; name: string; data: Uint8Array; raw?: Uint8Array }
  | { id: "core module"; module: CoreModule; raw?: Uint8Array }
  | { id: "core instance"; instances: CoreInstance[]; raw?: Uint8Array }
  | { id: "core type"; types: CoreTypeDef[]; raw?: Uint8Array }
  | { id: "component"; component: Component; raw?: Uint8Array }
  | { id: "instance"; instances: ComponentInstance[]; raw?: Uint8Array }
  | { id: "alias"; aliases: Alias[]; raw?: Uint8Array }
  | { id: "type"; types: TypeDef[]; raw?: Uint8Array }
  | { id: "canon"; canons: Canon[]; raw?: Uint8Array }
  | { id: "start"; start: ComponentStart; raw?: Uint8Array }
  | { id: "import"; imports: ComponentImport[]; raw?: Uint8Array }
  | { id: "export"; exports: ComponentExport[]; raw?: Uint8Array }
  | { id: "value"; count: number; payload: Uint8Array; raw?: Uint8Array };

/** A component: its sections in file order. */
export interface Component {
  kind: "component";
  sections: ComponentSection[];
}
