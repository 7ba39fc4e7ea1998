/**
 * Stack switching for threads (`stacks.ts`), by binaryen's Asyncify.
 *
 * The fused module calls three placeholders. Here the suspend placeholder
 * becomes an import Asyncify knows may unwind, the pass instruments every
 * function that can reach it (except the catchers, {@linkcode CATCH_PREFIX}),
 * and then the three are defined over the functions Asyncify added:
 *
 * - `suspend(data)`: while a thread is being rewound, the rewind is done
 *   (`asyncify_stop_rewind`); otherwise it starts unwinding into the buffer
 *   at `data` (`block` raised the scheduler's unwinding flag before);
 * - `stop-unwind()`: `asyncify_stop_unwind`;
 * - `start-rewind(data)`: `asyncify_start_rewind`.
 *
 * Asyncify's own exports are removed: the host never drives it. The result
 * is plain core wasm (a global for the state, loads and stores for the
 * saved locals), which V8 runs and wasm2c compiles for the MCU.
 *
 * @module
 */
import binaryen from "binaryen";
import { CATCH_PREFIX, STACK_PLACEHOLDERS } from "./stacks.ts";
import { FuseError } from "../errors.ts";

const SUSPEND_IMPORT = { module: "dissolve:stack", base: "suspend" };
/** binaryen's name of memory 0 when the name section names no memory (fuse names none). */
const MEMORY_ZERO = "0";
const ASYNCIFY_EXPORTS = [
  "asyncify_start_unwind",
  "asyncify_stop_unwind",
  "asyncify_start_rewind",
  "asyncify_stop_rewind",
  "asyncify_get_state",
];

/**
 * Applies Asyncify to a fused module that has threads; returns the new bytes.
 *
 * @example
 * ```ts ignore
 * import { applyStackSwitching } from "./asyncify.ts";
 * const out = applyStackSwitching(fusedBytes);
 * ```
 */
export function applyStackSwitching(core: Uint8Array): Uint8Array {
  let m: binaryen.Module;
  try {
    m = binaryen.readBinary(core);
  } catch (e) {
    // binaryen.js aborts with a plain object, not an Error.
    throw new FuseError(
      "unsupported-threads",
      "fuse",
      `binaryen could not read the fused module to give its threads stacks (${
        (e as { message?: string } | null)?.message ?? String(e)
      })`,
      "lift the callee with a callback, or call it synchronously, so that no task needs a stack of its own",
    );
  }
  try {
    m.setFeatures(binaryen.Features.All);
    for (const name of Object.values(STACK_PLACEHOLDERS)) {
      if (!m.getFunction(name)) {
        throw new FuseError(
          "internal",
          "fuse",
          `the module has threads but no ${name} (its name section lost it)`,
          "report a bug",
        );
      }
    }
    m.removeFunction(STACK_PLACEHOLDERS.suspend);
    m.addFunctionImport(
      STACK_PLACEHOLDERS.suspend,
      SUSPEND_IMPORT.module,
      SUSPEND_IMPORT.base,
      binaryen.i32,
      binaryen.none,
    );
    binaryen.setPassArgument("asyncify-imports", `${SUSPEND_IMPORT.module}.${SUSPEND_IMPORT.base}`);
    binaryen.setPassArgument("asyncify-removelist", `${CATCH_PREFIX}*`);
    try {
      // With several memories, Asyncify keeps its data in the one exported as "memory": for the
      // pass, that is memory 0 (the scheduler's, where the threads' buffers are).
      withMemoryZeroExported(m, () => m.runPasses(["asyncify"]));
    } finally {
      binaryen.clearPassArguments();
    }
    define(m, STACK_PLACEHOLDERS.suspend, binaryen.i32, suspendBody(m));
    define(
      m,
      STACK_PLACEHOLDERS.stopUnwind,
      binaryen.none,
      m.call("asyncify_stop_unwind", [], binaryen.none),
    );
    define(
      m,
      STACK_PLACEHOLDERS.startRewind,
      binaryen.i32,
      m.call("asyncify_start_rewind", [m.local.get(0, binaryen.i32)], binaryen.none),
    );
    for (const e of ASYNCIFY_EXPORTS) m.removeExport(e);
    if (!m.validate()) {
      throw new FuseError(
        "internal",
        "fuse",
        "Asyncify produced a module that does not validate",
        "report a bug",
      );
    }
    // The name section stays: traps and the report name the fused module's functions.
    const debugInfo = binaryen.getDebugInfo();
    binaryen.setDebugInfo(true);
    try {
      return m.emitBinary();
    } finally {
      binaryen.setDebugInfo(debugInfo);
    }
  } finally {
    m.dispose();
  }
}

/** Runs `pass` with memory 0 exported as "memory" (the export restored after). */
function withMemoryZeroExported(m: binaryen.Module, pass: () => void): void {
  const exportRef = m.getExport("memory");
  const exported = exportRef ? binaryen.getExportInfo(exportRef).value : undefined;
  if (exported === MEMORY_ZERO) return pass();
  if (exported !== undefined) m.removeExport("memory");
  m.addMemoryExport(MEMORY_ZERO, "memory");
  try {
    pass();
  } finally {
    m.removeExport("memory");
    if (exported !== undefined) m.addMemoryExport(exported, "memory");
  }
}

/** Replaces function `name` (a placeholder or the import) with `body` over one param type. */
function define(
  m: binaryen.Module,
  name: string,
  param: binaryen.Type,
  body: binaryen.ExpressionRef,
) {
  m.removeFunction(name);
  m.addFunction(name, param, binaryen.none, [], body);
}

/**
 * `suspend(data)`: end a rewind (the thread is back where it suspended), or
 * start unwinding into `data` (`block` raised the scheduler's flag first).
 */
function suspendBody(m: binaryen.Module): binaryen.ExpressionRef {
  const rewinding = m.i32.eq(m.call("asyncify_get_state", [], binaryen.i32), m.i32.const(2));
  return m.if(
    rewinding,
    m.call("asyncify_stop_rewind", [], binaryen.none),
    m.call("asyncify_start_unwind", [m.local.get(0, binaryen.i32)], binaryen.none),
  );
}
