/**
 * Index spaces of a component instance being evaluated, and the items they
 * hold: what `graph.ts` builds as it walks a component's sections.
 *
 * @module
 */
import type { CType } from "../../wasm/abi/mod.ts";
import type { CoreModule } from "../../wasm/module/mod.ts";
import type {
  Component,
  CoreTypeDef,
  ExternDesc,
  Sort,
  TypeDef,
} from "../../wasm/component/mod.ts";
import { FuseError } from "./errors.ts";
import type { ModuleInfo } from "./module_info.ts";

/** A type index space; `parent` is the enclosing space for outer aliases. */
export interface TypeSpace {
  types: TypeEntry[];
  parent?: TypeSpace;
}

/** An entry of a type index space. */
export type TypeEntry =
  | {
    kind: "def";
    def: TypeDef;
    space: TypeSpace;
    /** The name an instance type exports it under (`stream-error`), when it has one. */
    name?: string;
  }
  | { kind: "resource"; id: number; name: string; dtor?: CoreItem; owner?: string };

/** A definition that produces core functions, tables, memories or globals. */
export type CoreItem =
  | { kind: "export"; inst: ModuleInstance; name: string }
  | { kind: "lowered"; func: ComponentFunc; options: ResolvedOptions; owner: string }
  | { kind: "resource"; op: "new" | "rep" | "drop"; resource: TypeEntry; owner: string }
  | {
    kind: "task";
    op: TaskBuiltin;
    slot: number;
    owner: string;
    /** `task.return`: the result type it hands over, and its options (memory for a pointer). */
    result?: CType;
    options?: ResolvedOptions;
    /** `waitable-set.wait` / `.poll`: the memory the event is written to. */
    memory?: CoreItem;
    /** Stream and future built-ins: the element type (`null`: a `stream` / `future` of none). */
    endElem?: CType | null;
    /** `thread.new-indirect`: the table its start functions are read from. */
    table?: CoreItem;
    /** `waitable-set.wait` / `.poll`, `thread.yield`: a pending cancellation is delivered. */
    cancellable?: boolean;
  };

/**
 * The task built-ins fuse generates: those kept in globals of the fused
 * module (context slots, backpressure, task.return) and those of the
 * in-module scheduler (waitable sets, subtasks, yield; `stages/fuse/async/`).
 */
export type TaskBuiltin =
  | "context.get"
  | "context.set"
  | "backpressure.inc"
  | "backpressure.dec"
  | "task.return"
  | "error-context.new"
  | "error-context.debug-message"
  | "error-context.drop"
  | SchedulerBuiltin;

/** The built-ins the in-module scheduler implements. */
export type SchedulerBuiltin =
  | "task.cancel"
  | "thread.yield"
  | "thread.index"
  | ThreadBuiltin
  | "waitable-set.new"
  | "waitable-set.wait"
  | "waitable-set.poll"
  | "waitable-set.drop"
  | "waitable.join"
  | "subtask.cancel"
  | "subtask.drop"
  | EndBuiltin;

/** The cooperative-thread built-ins (`stages/fuse/async/thread_builtins.ts`). */
export type ThreadBuiltin =
  | "thread.new-indirect"
  | "thread.suspend"
  | "thread.resume-later"
  | "thread.yield-then-resume"
  | "thread.suspend-then-resume"
  | "thread.yield-then-promote"
  | "thread.suspend-then-promote";

/** Built-in names of {@linkcode ThreadBuiltin}: a component using one needs threads. */
export const THREAD_BUILTINS: readonly ThreadBuiltin[] = [
  "thread.new-indirect",
  "thread.suspend",
  "thread.resume-later",
  "thread.yield-then-resume",
  "thread.suspend-then-resume",
  "thread.yield-then-promote",
  "thread.suspend-then-promote",
];

/** The stream and future built-ins (`stages/fuse/async/streams.ts`). */
export type EndBuiltin = `${"stream" | "future"}.${
  | "new"
  | "read"
  | "write"
  | "cancel-read"
  | "cancel-write"
  | "drop-readable"
  | "drop-writable"}`;

/** Built-in names the scheduler implements, for the graph's reader. */
export const SCHEDULER_BUILTINS: readonly SchedulerBuiltin[] = [
  "task.cancel",
  "thread.yield",
  "thread.index",
  ...THREAD_BUILTINS,
  "waitable-set.new",
  "waitable-set.wait",
  "waitable-set.poll",
  "waitable-set.drop",
  "waitable.join",
  "subtask.cancel",
  "subtask.drop",
  ...(["stream", "future"] as const).flatMap((k) =>
    (
      [
        "new",
        "read",
        "write",
        "cancel-read",
        "cancel-write",
        "drop-readable",
        "drop-writable",
      ] as const
    ).map((op): EndBuiltin => `${k}.${op}`)
  ),
];

/** Canon options with their indices resolved to items. */
export interface ResolvedOptions {
  encoding: "utf8" | "utf16" | "latin1+utf16";
  memory?: CoreItem;
  realloc?: CoreItem;
  postReturn?: CoreItem;
  /** `async`: a stackful async lift (results through `task.return`) or an async lower. */
  async?: boolean;
  /** `callback`: a stackless async lift; the scheduler calls it with each event. */
  callback?: CoreItem;
}

/** A component-level function. */
export type ComponentFunc =
  | {
    kind: "lifted";
    core: CoreItem;
    options: ResolvedOptions;
    type: TypeEntry;
    owner: string;
    /** The index of `type` in the lifting scope's type space. */
    typeIndex?: number;
  }
  | {
    kind: "import";
    /** Root import path: the instance (interface) name, or `$root` for a world-root function. */
    module: string;
    field: string;
    type: TypeEntry;
  };

/** A component-level instance: a map of named items. */
export interface ComponentInstanceValue {
  exports: Map<string, Item>;
}

/** A component definition with the scope it was defined in (for outer aliases). */
export interface ComponentDef {
  component: Component;
  parent?: Scope;
  name: string;
}

/** Any item of a component-level index space. */
export type Item =
  | { sort: "func"; func: ComponentFunc }
  | { sort: "instance"; instance: ComponentInstanceValue }
  | { sort: "type"; type: TypeEntry }
  | { sort: "component"; component: ComponentDef }
  | { sort: "core module"; module: ModuleDef }
  | { sort: "value" };

/** A core module definition (one per `core module` section). */
export interface ModuleDef {
  module: CoreModule;
  /** Display name: component path and module name. */
  name: string;
  /** Its summary, once something asked for it (`infoOf`). */
  info?: ModuleInfo;
}

/** A core module instantiation, in instantiation order. */
export interface ModuleInstance {
  /** Position in instantiation order across the whole fusion. */
  id: number;
  def: ModuleDef;
  /** Component path this instance belongs to (for names and errors). */
  component: string;
  /** What each import of the module is bound to, in import order. */
  imports: CoreItem[];
}

export type CoreInstanceValue = { kind: "module"; inst: ModuleInstance } | {
  kind: "exports";
  exports: Map<string, CoreItem>;
};

/** The index spaces of one component instance. */
export interface Scope {
  parent?: Scope;
  path: string;
  coreFuncs: CoreItem[];
  coreTables: CoreItem[];
  coreMemories: CoreItem[];
  coreGlobals: CoreItem[];
  coreTags: CoreItem[];
  coreTypes: CoreTypeDef[];
  coreModules: ModuleDef[];
  coreInstances: CoreInstanceValue[];
  funcs: ComponentFunc[];
  types: TypeSpace;
  components: ComponentDef[];
  instances: ComponentInstanceValue[];
  values: number;
}

/** Supplies the item for each import of a component being instantiated. */
export type ImportResolver = (name: string, desc: ExternDesc, scope: Scope) => Item;

export function newScope(path: string, parent?: Scope): Scope {
  return {
    parent,
    path,
    coreFuncs: [],
    coreTables: [],
    coreMemories: [],
    coreGlobals: [],
    coreTags: [],
    coreTypes: [],
    coreModules: [],
    coreInstances: [],
    funcs: [],
    types: { types: [], parent: parent?.types },
    components: [],
    instances: [],
    values: 0,
  };
}

/** A malformed component: the scope's path, what was wrong, and the remedy. */
export function scopeFail(scope: Scope, what: string): never {
  throw new FuseError(
    "bad-component",
    scope.path,
    what,
    "the component does not validate; check it with `wasm-tools validate`",
  );
}

export function coreSpace(scope: Scope, sort: Sort): CoreItem[] | undefined {
  switch (sort) {
    case "core func":
      return scope.coreFuncs;
    case "core table":
      return scope.coreTables;
    case "core memory":
      return scope.coreMemories;
    case "core global":
      return scope.coreGlobals;
    case "core tag":
      return scope.coreTags;
    default:
      return undefined;
  }
}

export function pushCore(scope: Scope, sort: Sort, item: CoreItem): void {
  const space = coreSpace(scope, sort);
  if (space) space.push(item);
  else scopeFail(scope, `core export alias of sort ${sort} is not supported`);
}

export function coreAt(scope: Scope, space: CoreItem[], index: number, what: string): CoreItem {
  const item = space[index];
  if (!item) {
    scopeFail(scope, `${what} index ${index} is out of bounds (${space.length} defined)`);
  }
  return item;
}

export function typeAt(scope: Scope, index: number): TypeEntry {
  const t = scope.types.types[index];
  if (!t) scopeFail(scope, `type index ${index} is out of bounds`);
  return t;
}

export function itemAt(scope: Scope, sort: Sort, index: number): Item {
  switch (sort) {
    case "func": {
      const func = scope.funcs[index];
      if (!func) scopeFail(scope, `func index ${index} is out of bounds`);
      return { sort, func };
    }
    case "instance": {
      const instance = scope.instances[index];
      if (!instance) scopeFail(scope, `instance index ${index} is out of bounds`);
      return { sort, instance };
    }
    case "type":
      return { sort, type: typeAt(scope, index) };
    case "component": {
      const component = scope.components[index];
      if (!component) scopeFail(scope, `component index ${index} is out of bounds`);
      return { sort, component };
    }
    case "core module": {
      const module = scope.coreModules[index];
      if (!module) scopeFail(scope, `core module index ${index} is out of bounds`);
      return { sort, module };
    }
    case "value":
      return { sort };
    default:
      scopeFail(scope, `a ${sort} cannot be used as a component-level item`);
  }
}

export function push(scope: Scope, sort: Sort, item: Item): void {
  switch (item.sort) {
    case "func":
      scope.funcs.push(item.func);
      return;
    case "instance":
      scope.instances.push(item.instance);
      return;
    case "type":
      scope.types.types.push(item.type);
      return;
    case "component":
      scope.components.push(item.component);
      return;
    case "core module":
      scope.coreModules.push(item.module);
      return;
    case "value":
      scope.values++;
      return;
  }
  scopeFail(scope, `cannot add a ${sort}`);
}

/** The item sort an import or export of each descriptor kind provides. */
export const SORT_OF_DESC: Readonly<Record<ExternDesc["kind"], Item["sort"]>> = {
  module: "core module",
  func: "func",
  value: "value",
  type: "type",
  component: "component",
  instance: "instance",
};

export function pushImported(scope: Scope, desc: ExternDesc, item: Item): void {
  if (item.sort !== SORT_OF_DESC[desc.kind]) {
    scopeFail(scope, `import expects a ${desc.kind} but was given a ${item.sort}`);
  }
  push(scope, item.sort, item);
}

export function pushOuter(scope: Scope, target: Scope, sort: Sort, index: number): void {
  switch (sort) {
    case "core module":
      scope.coreModules.push(target.coreModules[index]);
      return;
    case "core type":
      scope.coreTypes.push(target.coreTypes[index]);
      return;
    case "type":
      scope.types.types.push(target.types.types[index]);
      return;
    case "component":
      scope.components.push(target.components[index]);
      return;
  }
  scopeFail(scope, `outer alias of sort ${sort} is not allowed`);
}
