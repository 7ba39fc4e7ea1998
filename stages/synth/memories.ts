/**
 * Several linear memories on the MCU (one per isolation domain).
 *
 * Each memory is a static array of its used size at a link-time address,
 * and every access is checked against that memory's own constant size: one
 * compare, as with one memory. wasm2c passes the memory to each accessor as
 * `&instance->w2c_<field>`; synth renames the accessors of memory k > 0 to
 * `i32_load_mk` and so on (the BSP's `DISSOLVE_MEMORY_ACCESSORS`), so the
 * compiler sees the array and its bound, not a pointer loaded at run time.
 * Memory 0 keeps wasm2c's names and `DISSOLVE_MEMORY_BYTES`.
 *
 * An out-of-bounds access stops the firmware naming the memory's
 * components and domain (`dissolve.memories`, written by fuse) and the
 * address.
 *
 * @module
 */
import type { CoreModule } from "../../wasm/module/mod.ts";
import { describeOwner, memoryOwners } from "../../wasm/module/mod.ts";
import { Wasm2cShapeError } from "./wasm2c_tune.ts";
import { checkFriendlyBytes } from "./check_bound.ts";

const PAGE = 65536;

/** One memory as the firmware lays it out. */
export interface FirmwareMemory {
  /** Bytes of the static array: the used extent, padded for a cheap bounds check (`check_bound.ts`). */
  bytes: number;
  /** Who the memory belongs to, as a trap names it. */
  owner: string;
}

/**
 * The memories of a module with more than one, in index order; `[]` for a
 * module with one memory or none (the single-memory firmware, unchanged).
 * `wholePages`: back every declared page (the module reads `memory.size`).
 *
 * @example
 * ```ts
 * import { firmwareMemories } from "./memories.ts";
 * console.log(firmwareMemories({ kind: "module", sections: [] }, false)); // []
 * ```
 */
export function firmwareMemories(m: CoreModule, wholePages: boolean): FirmwareMemory[] {
  const declared = m.sections.flatMap((s) => s.id === "memory" ? s.memories : []);
  if (declared.length <= 1) return [];
  const owners = memoryOwners(m);
  return declared.map((mem, i) => {
    const o = owners?.[i];
    const pages = mem.limits.min * PAGE;
    const used = wholePages || !o ? pages : Math.min(o.bytes, pages);
    return {
      bytes: wholePages || !o ? Math.max(16, used) : checkFriendlyBytes(used),
      owner: o ? describeOwner(o) : `memory ${i}`,
    };
  });
}

/** wasm2c's instance field of each memory, in index order (its `init_memories` allocates them so). */
function memoryFields(source: string): string[] {
  const init = /static void init_memories\([^)]*\) \{([\s\S]*?)\n\}/.exec(source);
  if (!init) throw new Wasm2cShapeError("init_memories function");
  return [...init[1].matchAll(/wasm_rt_allocate_memory\(&instance->(w2c_\w+),/g)].map((m) => m[1]);
}

/**
 * Rewrites tuned wasm2c output of a multi-memory module: the accessors of
 * memory k > 0 renamed to its own, declared after the prelude, and
 * `memory_copy`'s memories put back in order (wasm2c 1.0.32 reads
 * `memory.copy`'s two memory indices as source, destination; the spec
 * and V8 read destination, source: wabt fixed it after 1.0.32, in #2294).
 *
 * @example
 * ```ts
 * import { multiMemorySource } from "./memories.ts";
 * const c = '#include "wasm_prelude.h"\n' +
 *   "static void init_memories(Z_m_instance_t* instance) {\n" +
 *   "  wasm_rt_allocate_memory(&instance->w2c_M0, 1, 1);\n" +
 *   "  wasm_rt_allocate_memory(&instance->w2c_M1, 1, 1);\n}\n" +
 *   "x = i32_load(&instance->w2c_M1, (u64)(y));\n";
 * const out = multiMemorySource(c, [{ bytes: 16, owner: "a" }, { bytes: 32, owner: "b" }]);
 * console.log(out.includes("i32_load_m1(&instance->w2c_M1")); // true
 * ```
 */
export function multiMemorySource(source: string, memories: readonly FirmwareMemory[]): string {
  const fields = memoryFields(source);
  if (fields.length !== memories.length) {
    throw new Wasm2cShapeError(`${memories.length} memory allocations (found ${fields.length})`);
  }
  const index = new Map(fields.map((f, i) => [f, i]));
  let out = source.replace(
    /\b((?:i32|i64|f32|f64)_(?:load|store)\w*)\(&instance->(w2c_\w+), /g,
    (all, accessor: string, field: string) => {
      const k = index.get(field);
      return k === undefined || k === 0 ? all : `${accessor}_m${k}(&instance->${field}, `;
    },
  );
  out = out.replace(
    /\bmemory_copy\((&instance->w2c_\w+), (&instance->w2c_\w+), /g,
    (_, first: string, second: string) => `memory_copy(${second}, ${first}, `,
  );
  const include = '#include "wasm_prelude.h"\n';
  const at = out.indexOf(include);
  if (at < 0) throw new Wasm2cShapeError("prelude include (tuneWasm2c first)");
  const accessors = memories.slice(1).map((m, i) =>
    `DISSOLVE_MEMORY_ACCESSORS(${i + 1}, ${m.bytes})\n`
  ).join("");
  return out.slice(0, at + include.length) + accessors + out.slice(at + include.length);
}

/**
 * `memories.c`: the arrays of memories k > 0, every memory's array and
 * size in index order, and their owners for the trap message.
 *
 * @example
 * ```ts
 * import { memoriesSource } from "./memories.ts";
 * console.log(memoriesSource([{ bytes: 16, owner: "a" }, { bytes: 32, owner: "b" }]));
 * ```
 */
export function memoriesSource(memories: readonly FirmwareMemory[]): string {
  const arrays = memories.slice(1).map((m, i) =>
    `uint8_t dissolve_memory_${i + 1}[${m.bytes}] __attribute__((aligned(16))) DISSOLVE_VISIBLE;`
  );
  const data = memories.map((_, i) => i === 0 ? "dissolve_linear_memory" : `dissolve_memory_${i}`);
  return [
    "/* Generated by Dissolve: the firmware's linear memories, one per isolation domain. */",
    "#include <stdint.h>",
    "#ifndef DISSOLVE_VISIBLE",
    "#define DISSOLVE_VISIBLE",
    "#endif",
    "",
    `extern uint8_t dissolve_linear_memory[];`,
    ...arrays,
    `uint8_t *const dissolve_memory_data[${memories.length}] = {${data.join(", ")}};`,
    `const uint32_t dissolve_memory_bytes[${memories.length}] = {${
      memories.map((m) => `${m.bytes}u`).join(", ")
    }};`,
    `const char *const dissolve_memory_owner[${memories.length}] = {${
      memories.map((m) => cString(m.owner)).join(", ")
    }};`,
    "",
  ].join("\n");
}

/** A C string literal of `s`: printable ASCII as is, every other byte as an octal escape. */
function cString(s: string): string {
  let out = '"';
  for (const b of new TextEncoder().encode(s)) {
    const c = String.fromCharCode(b);
    out += b >= 0x20 && b < 0x7f && c !== '"' && c !== "\\"
      ? c
      : `\\${b.toString(8).padStart(3, "0")}`;
  }
  return out + '"';
}
