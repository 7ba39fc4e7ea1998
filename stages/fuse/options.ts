/**
 * Fuse options, and the embedder-import rules of the design's contract.
 *
 * @module
 */

/** How the fused module's memory is laid out. */
export type MemoryStrategy = "shared" | "multi" | "auto" | "domains";

/** An isolation domain: components that share one memory (and one shadow stack). */
export interface DomainSpec {
  name: string;
  /** Top-level component names (as given to fuse). */
  components: string[];
  /** The domain's arena, when its components call the arena allocator (default: `arenaBytes`). */
  arenaBytes?: number;
  /** The domain's shared stack (default: `stackBytes`). */
  stackBytes?: number;
}

/** A user-listed embedder import: an extern name and the core import it becomes. */
export interface PassthroughSpec {
  /** Extern name (`cabi-arena-realloc`, `pkg:ns/iface@1.0.0`, or `iface#func`). */
  name: string;
  /** Core import module / field in the fused module (defaults: interface or `$root`, function name). */
  module?: string;
  field?: string;
}

/** Options of {@linkcode fuse}. */
export interface FuseOptions {
  /**
   * `shared` (one memory, rebased regions), `domains` (one memory per
   * isolation domain, each shared by its components), `multi` (each module's
   * memory kept) or `auto` (shared when provably sound). Defaults: `FUSE_SETTINGS` (`settings.ts`).
   */
  memory?: MemoryStrategy;
  /** Components grouped into domains (`domains`); a component not named is a domain of its own. */
  domains?: DomainSpec[];
  /** Pack regions by used extent (16-byte aligned) instead of whole pages. */
  pack?: boolean;
  /** Bytes of embedder arena above the regions (shared strategy). */
  arenaBytes?: number;
  /**
   * One shadow stack for all modules (shared strategy): every `__stack_pointer`
   * becomes one global over one stack at the bottom of memory, sized by
   * `stackBytes` (default: the largest module's own stack). Modules must be
   * stack-first (`-Wl,--stack-first`) with relocations; otherwise each keeps its
   * own and the report says why.
   */
  shareStack?: boolean;
  /** Bytes of the shared stack. */
  stackBytes?: number;
  /** Slots of each component instance's handle table (resources, waitables). */
  handleSlots?: number;
  /** Tasks the async scheduler can hold at once (only when a component is async). */
  asyncTasks?: number;
  /** Waitables (subtasks, sets, stream and future ends) it can hold at once. */
  asyncWaitables?: number;
  /** Threads (tasks blocked with a stack of their own) that can be suspended at once. */
  asyncThreads?: number;
  /** Bytes each suspended thread's saved frames may take. */
  asyncThreadBytes?: number;
  /** Extra embedder imports: `NAME` or `NAME=module::field`. */
  passthrough?: (string | PassthroughSpec)[];
  /**
   * Imports the host provides (extern names, e.g. `wasi:cli/stdout@0.2.0`),
   * or `"*"` for any. An import that no component provides and that is
   * neither an embedder import nor listed here is an error.
   */
  hostImports?: string[] | "*";
  /** Emit a component instead of a core module. */
  component?: boolean;
  /**
   * Carry the inputs' DWARF lines and variables into the fused module's
   * `dissolve.debug` section (remapped to its functions and memories).
   */
  debug?: boolean;
  /** Seconds since the epoch for the attestation; default: `SOURCE_DATE_EPOCH` if set, else none. */
  sourceDateEpoch?: number;
}

/** The well-known world-root name of the arena allocator. */
export const ARENA_EXTERN_NAME = "cabi-arena-realloc";
/** The core import the arena allocator becomes. */
export const ARENA_CORE_IMPORT = { module: "env", field: "__cabi_arena_realloc" };
/** The embedder package namespace. */
export const EMBEDDER_PACKAGE = "pulseengine:embedder";

/**
 * Parses `NAME` or `NAME=module::field` into a {@linkcode PassthroughSpec}.
 *
 * @example
 * ```ts
 * import { parsePassthrough } from "./options.ts";
 * console.log(parsePassthrough("my-clock=env::clock_ms")); // { name: "my-clock", module: "env", field: "clock_ms" }
 * ```
 */
export function parsePassthrough(spec: string | PassthroughSpec): PassthroughSpec {
  if (typeof spec !== "string") return spec;
  const eq = spec.indexOf("=");
  if (eq < 0) return { name: spec };
  const target = spec.slice(eq + 1);
  const sep = target.indexOf("::");
  if (sep < 0) {
    throw new Error(`--passthrough ${spec}: expected NAME=module::field`);
  }
  return { name: spec.slice(0, eq), module: target.slice(0, sep), field: target.slice(sep + 2) };
}

/** The package of an interface name (`ns:pkg/iface@1.0` → `ns:pkg`), or undefined for plain names. */
export function packageOf(externName: string): string | undefined {
  const slash = externName.indexOf("/");
  if (slash < 0 || !externName.includes(":")) return undefined;
  return externName.slice(0, slash).replace(/@.*$/, "");
}

/**
 * Decides whether a root import is an embedder import, per the design:
 * the well-known arena name, the `pulseengine:embedder` package, or a
 * user-listed name.
 *
 * @example
 * ```ts
 * import { EmbedderRules } from "./options.ts";
 * const rules = new EmbedderRules([]);
 * console.log(rules.match("cabi-arena-realloc") !== undefined); // true
 * console.log(rules.match("pulseengine:embedder/arena@0.1.0") !== undefined); // true
 * console.log(rules.match("wasi:cli/stdout@0.2.0")); // undefined
 * ```
 */
export class EmbedderRules {
  private readonly listed = new Map<string, PassthroughSpec>();

  constructor(passthrough: (string | PassthroughSpec)[]) {
    for (const p of passthrough) {
      const spec = parsePassthrough(p);
      this.listed.set(spec.name, spec);
    }
  }

  /** The passthrough spec for an extern name, or undefined when it is not an embedder import. */
  match(externName: string): PassthroughSpec | undefined {
    const listed = this.listed.get(externName);
    if (listed) return listed;
    if (externName === ARENA_EXTERN_NAME) {
      return { name: externName, ...ARENA_CORE_IMPORT };
    }
    if (packageOf(externName) === EMBEDDER_PACKAGE) return { name: externName };
    return undefined;
  }

  /** Match for a function inside an instance import (`iface#func` may be listed on its own). */
  matchFunc(instanceName: string, funcName: string): PassthroughSpec | undefined {
    return this.listed.get(`${instanceName}#${funcName}`) ?? this.match(instanceName);
  }
}
