/**
 * The firmware as an object for your own image: `firmware.o`, a relocatable
 * ARM object (the wasm2c module, its bare-metal runtime and a C API), and
 * `firmware.h`, which declares that API and what the image must provide.
 *
 * The seam between the two is exact and gated: the object's undefined
 * symbols are the module's embedder imports (each an `env::<name>` function
 * the image defines under that name), `dissolve_trap` (where a wasm trap
 * ends; it must not return), and the C runtime every image has (`memcpy`,
 * `memmove`, `memset`). Anything else fails the build, naming the symbol and
 * the function that references it.
 *
 * @module
 */
import { type CoreModule, type FuncType, signatureOf } from "../../wasm/module/mod.ts";
import { run } from "../exec.ts";
import { EXPORTED_MEMORY_DEFINES, mangle } from "./entry.ts";

/** Symbols the image provides besides the embedder imports (see the module doc). */
export const IMAGE_DUTY: readonly string[] = ["dissolve_trap", "memcpy", "memmove", "memset"];

const C_TYPE: Record<number, string> = {
  0x7f: "uint32_t",
  0x7e: "uint64_t",
  0x7d: "float",
  0x7c: "double",
};
const W2C_TYPE: Record<number, string> = { 0x7f: "u32", 0x7e: "u64", 0x7d: "f32", 0x7c: "f64" };

/** A function at the seam: its wasm name, C name and core signature. */
interface SeamFunc {
  wasmName: string;
  cName: string;
  type: FuncType;
}

/** The module's function imports and exports with their core types. */
function seamFunctions(m: CoreModule): { imports: SeamFunc[]; exports: SeamFunc[] } {
  const types: FuncType[] = [];
  const funcTypes: number[] = [];
  const imports: SeamFunc[] = [];
  const exports: SeamFunc[] = [];
  for (const s of m.sections) {
    // A struct or array type names no function here (wasm2c rejects GC types before this).
    if (s.id === "type") {
      for (const t of s.types) types.push(signatureOf(t) ?? { params: [], results: [] });
    }
    if (s.id === "import") {
      for (const i of s.imports) {
        if (i.desc.kind !== "func") continue;
        funcTypes.push(i.desc.type);
        if (i.module !== "env") {
          throw new Error(
            `synth: object output binds imports of module "env" only, but the module imports ` +
              `${i.module}::${i.field}`,
          );
        }
        imports.push({ wasmName: i.field, cName: i.field, type: types[i.desc.type] });
      }
    }
    if (s.id === "function") { for (const t of s.types) funcTypes.push(t); }
  }
  for (const s of m.sections) {
    if (s.id !== "export") continue;
    for (const e of s.exports) {
      if (e.kind !== "func" || e.name.startsWith("__dissolve_")) continue;
      exports.push({
        wasmName: e.name,
        cName: `dissolve_${e.name.replace(/[^A-Za-z0-9_]/g, "_")}`,
        type: types[funcTypes[e.index]],
      });
    }
  }
  for (const f of [...imports, ...exports]) {
    if (
      f.type.results.length > 1 ||
      [...f.type.params, ...f.type.results].some((t) => !C_TYPE[t as number])
    ) {
      throw new Error(
        `synth: object output needs numeric parameters and at most one result, but ` +
          `${f.wasmName} has (${f.type.params.join(", ")}) -> (${f.type.results.join(", ")})`,
      );
    }
  }
  return { imports, exports };
}

/** Parameter names where the meaning is known (the arena allocator); `a0`… otherwise. */
const PARAM_NAMES: Record<string, string[]> = {
  __cabi_arena_realloc: ["old_ptr", "old_size", "align", "new_size"],
  cabi_realloc: ["old_ptr", "old_size", "align", "new_size"],
};

function cSignature(f: SeamFunc, types: Record<number, string>, first?: string): string {
  const names = PARAM_NAMES[f.wasmName];
  const params = f.type.params.map((t, i) => `${types[t as number]} ${names?.[i] ?? `a${i}`}`);
  if (first) params.unshift(first);
  const result = f.type.results.length ? types[f.type.results[0] as number] : "void";
  return `${result} ${f.cName}(${params.length ? params.join(", ") : "void"})`;
}

/** The generated C: the public header and the API that binds it to the wasm2c module. */
export interface ObjectSources {
  header: string;
  api: string;
  /** Undefined symbols the object may have: embedder imports and {@linkcode IMAGE_DUTY}. */
  seam: string[];
}

/**
 * Renders `firmware.h` and `api.c` for a wasm2c module named `module`.
 *
 * @example
 * ```ts
 * import { objectSources } from "./object.ts";
 * import { decodeWasm } from "../../wasm/mod.ts";
 * const m = decodeWasm(await Deno.readFile("build/hello/optimized.wasm"));
 * if (m.kind === "module") console.log(objectSources(m, "firmware", "hello").header);
 * ```
 */
export function objectSources(m: CoreModule, module: string, pipeline: string): ObjectSources {
  const { imports, exports } = seamFunctions(m);
  const has = (name: string) =>
    m.sections.some((s) => s.id === "export" && s.exports.some((e) => e.name === name));
  const arena = has("__dissolve_arena_base") && has("__dissolve_arena_end");
  const header = [
    `/* Generated by Dissolve for pipeline "${pipeline}": the fused application as a library.`,
    ` * Link firmware.o into your image; wasm addresses are offsets into dissolve_memory(). */`,
    `#ifndef DISSOLVE_FIRMWARE_H`,
    `#define DISSOLVE_FIRMWARE_H`,
    `#include <stdint.h>`,
    ``,
    `/* Call once, before any export: lays out linear memory and tables. */`,
    `void dissolve_init(void);`,
    `/* The linear memory and its size in bytes. */`,
    `uint8_t *dissolve_memory(void);`,
    `uint32_t dissolve_memory_size(void);`,
    ...(arena
      ? [
        `/* The embedder arena fuse reserved for your __cabi_arena_realloc: [base, end). */`,
        `uint32_t dissolve_arena_base(void);`,
        `uint32_t dissolve_arena_end(void);`,
      ]
      : []),
    `/* A string a function returned through its return area (pointer, length) at \`retptr\`. */`,
    `typedef struct { const char *ptr; uint32_t len; } dissolve_string_t;`,
    `dissolve_string_t dissolve_string_at(uint32_t retptr);`,
    ``,
    `/* Exports: the core (canonical ABI) signature of each. */`,
    ...exports.map((f) => `/* export "${f.wasmName}" */\n${cSignature(f, C_TYPE)};`),
    ``,
    `/* What your image provides. */`,
    ...imports.map((f) => `/* import env::${f.wasmName} */\n${cSignature(f, C_TYPE)};`),
    `/* A wasm trap (out-of-bounds access, unreachable, …) ends here; it must not return. */`,
    `void dissolve_trap(const char *reason) __attribute__((noreturn));`,
    `/* And the C runtime: memcpy, memmove, memset. */`,
    ``,
    `#endif`,
    ``,
  ].join("\n");
  const instance = `Z_${module}_instance_t`;
  const api = [
    `/* Generated by Dissolve: binds firmware.h to the wasm2c module "${module}". */`,
    `#include "${module}.h"`,
    `#include <stdint.h>`,
    `#include <string.h>`,
    ``,
    `static ${instance} instance;`,
    ...EXPORTED_MEMORY_DEFINES,
    ...(imports.length
      ? [
        `struct Z_env_instance_t { int unused; };`,
        `static struct Z_env_instance_t env;`,
        ...imports.flatMap((f) => [
          `${cSignature(f, C_TYPE)};`,
          `${
            cSignature(
              { ...f, cName: `Z_envZ_${mangle(f.wasmName)}` },
              W2C_TYPE,
              "struct Z_env_instance_t *e",
            )
          } {`,
          `  (void)e;`,
          `  ${f.type.results.length ? "return " : ""}${f.cName}(${
            f.type.params.map((_, i) => PARAM_NAMES[f.wasmName]?.[i] ?? `a${i}`).join(", ")
          });`,
          `}`,
        ]),
      ]
      : []),
    ``,
    `void dissolve_init(void) {`,
    `  wasm_rt_init();`,
    `  Z_${module}_init_module();`,
    `  Z_${module}_instantiate(&instance${imports.length ? ", &env" : ""});`,
    `}`,
    `uint8_t *dissolve_memory(void) { return EXPORTED_MEMORY; }`,
    `uint32_t dissolve_memory_size(void) { return (uint32_t)EXPORTED_MEMORY_BYTES; }`,
    ...(arena
      ? [
        `uint32_t dissolve_arena_base(void) { return *Z_${module}Z___dissolve_arena_base(&instance); }`,
        `uint32_t dissolve_arena_end(void) { return *Z_${module}Z___dissolve_arena_end(&instance); }`,
      ]
      : []),
    `typedef struct { const char *ptr; uint32_t len; } dissolve_string_t;`,
    `dissolve_string_t dissolve_string_at(uint32_t retptr) {`,
    `  dissolve_string_t s = {0, 0};`,
    `  uint32_t ptr, len;`,
    `  if ((uint64_t)retptr + 8 > EXPORTED_MEMORY_BYTES) wasm_rt_trap(WASM_RT_TRAP_OOB);`,
    `  memcpy(&ptr, EXPORTED_MEMORY + retptr, 4);`,
    `  memcpy(&len, EXPORTED_MEMORY + retptr + 4, 4);`,
    `  if ((uint64_t)ptr + len > EXPORTED_MEMORY_BYTES) wasm_rt_trap(WASM_RT_TRAP_OOB);`,
    `  s.ptr = (const char *)EXPORTED_MEMORY + ptr;`,
    `  s.len = len;`,
    `  return s;`,
    `}`,
    ...exports.flatMap((f) => [
      `${cSignature(f, C_TYPE)} {`,
      `  ${f.type.results.length ? "return " : ""}Z_${module}Z_${mangle(f.wasmName)}(${
        ["&instance", ...f.type.params.map((_, i) => PARAM_NAMES[f.wasmName]?.[i] ?? `a${i}`)]
          .join(", ")
      });`,
      `}`,
    ]),
    ``,
  ].join("\n");
  return { header, api, seam: [...imports.map((f) => f.cName), ...IMAGE_DUTY].sort() };
}

/**
 * Compiles the object's parts with `gcc` (the board's flags, no LTO: the
 * image's own toolchain links it) and combines them with libgcc's helpers
 * into one relocatable `firmware.o`.
 */
export async function compileObject(
  dir: string,
  gcc: string,
  gccFlags: string[],
  sources: string[],
): Promise<Uint8Array> {
  const objects: string[] = [];
  for (const src of sources) {
    const obj = `${src.replace(/^.*\//, "").replace(/\.c$/, "")}.part.o`;
    await run([gcc, ...gccFlags, "-c", "-o", obj, src], {
      stage: "synth",
      cwd: dir,
    });
    objects.push(obj);
  }
  // A C library's specs are for compiling here (picolibc's headers); as link flags they would
  // bring its linker script into a relocatable link.
  const combineFlags = gccFlags.filter((f) => !f.startsWith("--specs="));
  await run(
    [gcc, ...combineFlags, "-nostdlib", "-r", "-o", "firmware.o", ...objects, "-lgcc"],
    { stage: "synth", cwd: dir },
  );
  return await Deno.readFile(`${dir}/firmware.o`);
}
