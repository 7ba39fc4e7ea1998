/**
 * Tuning wasm2c's C output for a microcontroller.
 *
 * wasm2c (wabt 1.0.32) writes a prelude of memory-access helpers that
 * reload the memory's base and size from the instance and bounds-check in
 * 64-bit arithmetic, count call depth on every call, and intern function
 * types in a run-time registry. synth swaps that prelude for the BSP's
 * `wasm_prelude.h` (fixed-address memory, constant-size checks) and replaces
 * each run-time type registration with the type's index, so structurally
 * equal types share one index, as `call_indirect` requires, with no
 * registry in RAM. After wasm2c's float-to-integer truncations it includes
 * the BSP's `wasm_convert.h`, whose checks on a core without an FPU read the
 * value's bits instead of calling soft-float comparisons. Each memory access
 * gets its address as two parts, the dynamic address and the instruction's
 * constant offset, so the prelude checks it in 32-bit arithmetic
 * (`(u64)(a) + 12u` becomes `a, 12u`), and a load at `t + (c ? 4 : 8)`
 * becomes a branch between loads at `t + 4` and `t + 8` (select_split.ts). A
 * module with one memory whose descriptor in the instance nothing reads (no
 * `memory.size`, `memory.grow` or bulk memory: the accessors use the array
 * and its constant size, and so does synth's own glue) has its allocation
 * marked `DISSOLVE_UNREAD_MEMORY`, which the firmware skips.
 *
 * @module
 */

import { splitSelectedOffsets } from "./select_split.ts";

const PRELUDE_START = "#define TRAP(x)";
const PRELUDE_END = "DEFINE_STORE(i64_store32, u32, u64)\n";
/** What wasm2c defines right after its float-to-integer truncations. */
const AFTER_TRUNCATIONS = "#define DEFINE_REINTERPRET";
const REGISTER = /wasm_rt_register_func_type\(([^)]*)\)/g;
/** A load or store accessor's call, up to its first argument (the memory). */
const ACCESS = /\b(?:i32|i64|f32|f64)_(?:load|store)\w*\([^,()]+, /g;
/** The address wasm2c passes: a stack variable widened to u64, plus the constant offset. */
const ADDRESS = /^\(u64\)\((w2c_\w+)\)(?: \+ (\d+)u?)?(?=[,)])/;

/** wasm2c's allocation of a memory in the instance: the field's name and the call. */
const ALLOCATE = /wasm_rt_allocate_memory\(&instance->(w2c_\w+), /g;

/** wasm2c's output is not the shape synth knows how to tune. */
export class Wasm2cShapeError extends Error {
  constructor(what: string) {
    super(
      `synth: wasm2c's output does not have the expected ${what}; the built-in backend is written for wasm2c from wabt 1.0.32 (Debian bookworm's wabt): install that version, or use an external synth`,
    );
    this.name = "Wasm2cShapeError";
  }
}

/** The tuned source and what synth needs to size the runtime. */
export interface TunedC {
  source: string;
  /** Distinct function types after interning. */
  funcTypes: number;
}

/**
 * Rewrites wasm2c's `.c` output for the bare-metal runtime.
 *
 * @example
 * ```ts
 * import { tuneWasm2c } from "./wasm2c_tune.ts";
 * const c = "#define TRAP(x) 0\nDEFINE_STORE(i64_store32, u32, u64)\n#define DEFINE_REINTERPRET\n" +
 *   "a = wasm_rt_register_func_type(0, 0);\nb = wasm_rt_register_func_type(0, 0);\n" +
 *   "x = i32_load(&instance->w2c_memory, (u64)(w2c_i0) + 12u);\n";
 * const out = tuneWasm2c(c);
 * console.log(out.funcTypes, out.source.includes("b = 0u;")); // 1 true
 * console.log(out.source.includes("(&instance->w2c_memory, w2c_i0, 12u)")); // true
 * ```
 */
export function tuneWasm2c(source: string): TunedC {
  const start = source.indexOf(PRELUDE_START);
  const end = source.indexOf(PRELUDE_END);
  if (start < 0 || end < start) throw new Wasm2cShapeError("memory-access prelude");
  const rest = source.slice(end + PRELUDE_END.length);
  const truncations = rest.indexOf(AFTER_TRUNCATIONS);
  if (truncations < 0) throw new Wasm2cShapeError("float-to-integer truncations");
  const withPrelude = source.slice(0, start) + `#include "wasm_prelude.h"\n` +
    rest.slice(0, truncations) + `#include "wasm_convert.h"\n` + rest.slice(truncations);
  const ids = new Map<string, number>();
  const tuned = withPrelude.replace(REGISTER, (_, args: string) => {
    const key = args.replace(/\s+/g, "");
    let id = ids.get(key);
    if (id === undefined) ids.set(key, id = ids.size);
    return `${id}u`;
  });
  return {
    source: markUnreadMemory(splitSelectedOffsets(splitAddresses(tuned))),
    funcTypes: ids.size,
  };
}

/**
 * With one memory, whose descriptor only the accessors (which ignore it), the single-memory
 * `LOAD_DATA` (likewise), its export's accessor, its free and its allocation mention: the
 * allocation becomes `DISSOLVE_UNREAD_MEMORY(...)`. Any other mention (`.pages` for
 * `memory.size`, `memory_fill(&…)`, `wasm_rt_grow_memory(&…)`) keeps it.
 */
function markUnreadMemory(source: string): string {
  const allocations = [...source.matchAll(ALLOCATE)];
  if (allocations.length !== 1) return source;
  const field = allocations[0][1];
  const mentions = source.split(`instance->${field}`).length - 1;
  const accessors =
    [...source.matchAll(ACCESS)].filter((m) => m[0].includes(`(&instance->${field}, `)).length;
  const known = accessors +
    count(source, `LOAD_DATA(instance->${field}, `) +
    count(source, `return &instance->${field};`) +
    count(source, `wasm_rt_free_memory(&instance->${field});`) + 1;
  if (mentions !== known) return source;
  return source.replace(
    "wasm_rt_allocate_memory(&instance->",
    "DISSOLVE_UNREAD_MEMORY(&instance->",
  );
}

const count = (source: string, what: string) => source.split(what).length - 1;

/**
 * Rewrites each access's `(u64)(addr) + offset` into `addr, offsetu` (the prelude's
 * accessors take both); an access of another shape is an error, not a wrong check.
 */
function splitAddresses(source: string): string {
  let out = "", at = 0;
  for (const call of source.matchAll(ACCESS)) {
    const start = call.index + call[0].length;
    const address = ADDRESS.exec(source.slice(start, start + 80));
    if (!address) {
      throw new Wasm2cShapeError(
        `address in "${source.slice(call.index, start + 40).split("\n")[0]}"`,
      );
    }
    out += source.slice(at, start) + `${address[1]}, ${address[2] ?? 0}u`;
    at = start + address[0].length;
  }
  return out + source.slice(at);
}
