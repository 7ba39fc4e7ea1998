/**
 * `canon` definitions as the graph evaluator meets them: `canon lift`
 * becomes a lifted component function, `canon lower` a lowered core
 * function, the resource and task built-ins core functions fuse generates;
 * with the canonical options resolved to the scope's core items and the
 * spec's validation rules on them.
 *
 * @module
 */
import type { Canon, CanonOpt } from "../../wasm/component/mod.ts";
import { type CType, I32 } from "../../wasm/abi/mod.ts";
import { FuseError } from "./errors.ts";
import { resolveFuncSig, resolveValType } from "./ctypes.ts";
import { optionsError, requiredOptionError } from "./canon_checks.ts";
import {
  CALLBACK_PARAMS,
  liftSignatureError,
  REALLOC_PARAMS,
  signatureError,
} from "./core_sig_checks.ts";
import {
  coreAt,
  type CoreItem,
  type ResolvedOptions,
  SCHEDULER_BUILTINS,
  type SchedulerBuiltin,
  type Scope,
  typeAt,
  type TypeEntry,
} from "./scope.ts";

/**
 * A component that does not validate, at `scope`.
 *
 * @example
 * ```ts
 * import { failAt } from "./canon_defs.ts";
 * try { failAt({ path: "app" } as never, "bad alias"); } catch (e) { console.log((e as Error).message); }
 * ```
 */
export function failAt(scope: Scope, what: string): never {
  throw new FuseError(
    "bad-component",
    scope.path,
    what,
    "the component does not validate; check it with `wasm-tools validate`",
  );
}

/** The spec's validation: the `async` option needs a function type declared `async`. */
function checkAsyncType(scope: Scope, options: ResolvedOptions, type: TypeEntry): void {
  if (!options.async || type?.kind !== "def" || type.def.kind !== "func" || type.def.async) {
    return;
  }
  throw new FuseError(
    "bad-type",
    scope.path,
    "the `async` canonical option requires an async function type",
    "declare the function `async` in the WIT, or lift / lower it without `async`",
  );
}

/** The spec's validation of a lift's or lower's options, against its function type. */
function checkAbiOptions(
  scope: Scope,
  opts: CanonOpt[],
  on: "lift" | "lower",
  type: TypeEntry,
): void {
  const own = optionsError(opts, on);
  if (own) failAt(scope, own);
  if (type?.kind !== "def" || type.def.kind !== "func") return;
  const present = new Set(opts.map((o) => o.kind));
  const required = requiredOptionError(resolveFuncSig(type), on, present.has("async"), present);
  if (required) failAt(scope, required);
}

const REALLOC_WHAT = "canonical option `realloc`";

/** The core signatures a lift's function, realloc, post-return and callback must have. */
function checkLiftSignatures(
  scope: Scope,
  core: CoreItem,
  options: ResolvedOptions,
  type: TypeEntry,
): void {
  const why = signatureError(options.realloc, REALLOC_PARAMS, [I32], REALLOC_WHAT) ??
    signatureError(options.callback, CALLBACK_PARAMS, [I32], "canonical option `callback`") ??
    (type?.kind === "def" && type.def.kind === "func"
      ? liftSignatureError(
        core,
        resolveFuncSig(type),
        options.callback ? "callback" : options.async ? "async" : "sync",
        options.postReturn,
      )
      : undefined);
  if (why) failAt(scope, why);
}

/** The element type of the `stream<T>` / `future<T>` a stream or future built-in names. */
function endElement(scope: Scope, index: number): CType | null {
  const t = typeAt(scope, index);
  const def = t?.kind === "def" && t.def.kind === "defined" ? t.def.type : undefined;
  if (def?.kind !== "stream" && def?.kind !== "future") {
    failAt(scope, `type ${index} of a stream / future built-in is not a stream or future`);
  }
  return def.element === undefined ? null : resolveValType(def.element, scope.types);
}

/**
 * Canonical options resolved to the scope's core memories and functions.
 *
 * @example
 * ```ts
 * import { resolveOptions } from "./canon_defs.ts";
 * console.log(resolveOptions({} as never, [{ kind: "async" }])); // { encoding: "utf8", async: true }
 * ```
 */
export function resolveOptions(scope: Scope, opts: CanonOpt[]): ResolvedOptions {
  const out: ResolvedOptions = { encoding: "utf8" };
  for (const o of opts) {
    switch (o.kind) {
      case "string-encoding":
        out.encoding = o.encoding;
        break;
      case "memory":
        out.memory = coreAt(scope, scope.coreMemories, o.index, "core memory");
        break;
      case "realloc":
        out.realloc = coreAt(scope, scope.coreFuncs, o.index, "core func");
        break;
      case "post-return":
        out.postReturn = coreAt(scope, scope.coreFuncs, o.index, "core func");
        break;
      case "async":
        out.async = true;
        break;
      case "callback":
        out.callback = coreAt(scope, scope.coreFuncs, o.index, "core func");
        break;
      default:
        throw new FuseError(
          "unsupported-option",
          scope.path,
          `canon option ${o.kind} (async) cannot be fused into a core module`,
          "build the component without async features",
        );
    }
  }
  return out;
}

/**
 * Adds what `c` defines to `scope` (`owner`: the component instance path).
 * Returns whether it needs the in-module scheduler (a callback lift or a
 * scheduler built-in).
 *
 * @example
 * ```ts
 * import { defineCanon } from "./canon_defs.ts";
 * // const usesScheduler = defineCanon(scope, canon, "app");
 * ```
 */
export function defineCanon(scope: Scope, c: Canon, owner: string): boolean {
  switch (c.kind) {
    case "lift": {
      const options = resolveOptions(scope, c.options);
      const type = typeAt(scope, c.type);
      checkAsyncType(scope, options, type);
      checkAbiOptions(scope, c.options, "lift", type);
      // The spec's validation: `callback` only with `async`.
      if (options.callback && !options.async) {
        failAt(scope, "canon lift has a callback but no `async`");
      }
      const core = coreAt(scope, scope.coreFuncs, c.coreFunc, "core func");
      checkLiftSignatures(scope, core, options, type);
      scope.funcs.push({
        kind: "lifted",
        core,
        options,
        type,
        owner,
        typeIndex: c.type,
      });
      return !!options.callback;
    }
    case "lower": {
      const func = scope.funcs[c.func];
      if (!func) failAt(scope, `canon lower of unknown function ${c.func}`);
      const options = resolveOptions(scope, c.options);
      checkAsyncType(scope, options, func.type);
      checkAbiOptions(scope, c.options, "lower", func.type);
      const realloc = signatureError(options.realloc, REALLOC_PARAMS, [I32], REALLOC_WHAT);
      if (realloc) failAt(scope, realloc);
      scope.coreFuncs.push({ kind: "lowered", func, options, owner });
      return false;
    }
    case "resource.new":
    case "resource.rep":
    case "resource.drop":
      scope.coreFuncs.push({
        kind: "resource",
        op: c.kind.slice("resource.".length) as "new" | "rep" | "drop",
        resource: typeAt(scope, c.resource),
        owner,
      });
      return false;
    case "builtin":
      return defineBuiltin(scope, c, owner);
  }
}

/** A task or scheduler built-in as a core function of the scope. */
function defineBuiltin(scope: Scope, c: Canon & { kind: "builtin" }, owner: string): boolean {
  if (
    c.name === "context.get" || c.name === "context.set" ||
    c.name === "backpressure.inc" || c.name === "backpressure.dec"
  ) {
    // context.get / .set carry (value type, slot); the i32 slots are all there is.
    scope.coreFuncs.push({
      kind: "task",
      op: c.name,
      slot: c.name.startsWith("context.") ? c.immediates[1] ?? 0 : 0,
      owner,
    });
    return false;
  }
  if (c.name === "task.return") {
    if (c.namedResults?.length) failAt(scope, "task.return with named results");
    scope.coreFuncs.push({
      kind: "task",
      op: "task.return",
      slot: 0,
      owner,
      ...(c.result !== undefined ? { result: resolveValType(c.result, scope.types) } : {}),
      options: resolveOptions(scope, c.options ?? []),
    });
    return false;
  }
  if (c.name.startsWith("error-context.")) {
    // Handles in the component's table: the scheduler's tables, so it counts as async.
    const options = resolveOptions(scope, c.options ?? []);
    scope.coreFuncs.push({
      kind: "task",
      op: c.name as "error-context.new",
      slot: 0,
      owner,
      options,
      ...(options.memory ? { memory: options.memory } : {}),
    });
    return true;
  }
  if (!(SCHEDULER_BUILTINS as readonly string[]).includes(c.name)) {
    throw new FuseError(
      "unsupported-builtin",
      owner,
      `canon ${c.name} (async / thread built-in) cannot be fused into a core module`,
      "build the component without async (component-model-async) features",
    );
  }
  if (c.name === "thread.new-indirect") return defineThreadNew(scope, c, owner);
  const waits = c.name === "waitable-set.wait" || c.name === "waitable-set.poll";
  const end = c.name.startsWith("stream.") || c.name.startsWith("future.");
  // `async` is an option of read / write, and an immediate of the cancels.
  const asyncFlag = c.name === "subtask.cancel"
    ? c.immediates[0]
    : c.name.includes(".cancel-")
    ? c.immediates[1]
    : 0;
  const parsed = resolveOptions(scope, c.options ?? []);
  const options = asyncFlag ? { ...parsed, async: true } : parsed;
  // `cancellable`: the first immediate of a wait, poll or yield.
  const cancellable = (waits || c.name === "thread.yield") && c.immediates[0] === 1;
  scope.coreFuncs.push({
    kind: "task",
    op: c.name as SchedulerBuiltin,
    slot: 0,
    owner,
    ...(cancellable ? { cancellable } : {}),
    ...(waits ? { memory: coreAt(scope, scope.coreMemories, c.immediates[1], "core memory") } : {}),
    ...(end ? { endElem: endElement(scope, c.immediates[0]) } : {}),
    ...(end && options.memory ? { memory: options.memory } : {}),
    options,
  });
  return true;
}

/**
 * `thread.new-indirect $ft $table`: the start function type must be `(func (param i32))`
 * (the 64-bit closure variant needs memory64); the table is where `fi` is read from.
 */
function defineThreadNew(scope: Scope, c: Canon & { kind: "builtin" }, owner: string): boolean {
  const [typeIndex, table] = c.immediates;
  const ft = scope.coreTypes[typeIndex];
  if (!ft) failAt(scope, `thread.new-indirect names core type ${typeIndex}, which is not defined`);
  if (ft.kind !== "func" || ft.params.length !== 1 || ft.params[0] !== 0x7f || ft.results.length) {
    failAt(scope, "thread.new-indirect's start function type must be (func (param i32))");
  }
  scope.coreFuncs.push({
    kind: "task",
    op: "thread.new-indirect",
    slot: 0,
    owner,
    table: coreAt(scope, scope.coreTables, table, "core table"),
  });
  return true;
}
