/**
 * C bindings for a WIT world: `<world>.h` declares the types, the imports
 * the user calls and the exports the user implements; `<world>.c` holds
 * the canonical-ABI glue (lowering, lifting, return areas, `cabi_realloc`,
 * resource handles).
 *
 * @module
 */
import type { WitFunc, WitItem, WitResource, WitWorld } from "../../../wasm/wit/mod.ts";
import { funcNameParts } from "../../../wasm/wit/mod.ts";
import { CTypes } from "./c_types.ts";
import { BIT_CASTS } from "./c_abi.ts";
import { exportWrapper, importWrapper, prototype } from "./c_funcs.ts";
import { asyncExport, asyncImport, asyncRuntime } from "./c_async.ts";
import { exportName, importModule, interfacePrefix, snake } from "./names.ts";
import type { BindingOptions, GeneratedFile } from "./options.ts";

/** The C name of a function of an item (`P_method_r_get`, `exports_w_run`). */
function funcCName(world: WitWorld, item: WitItem, func: WitFunc): string {
  const prefix = item.kind === "interface"
    ? interfacePrefix(world.name, item.name, item.direction)
    : `${item.direction === "export" ? "exports_" : ""}${snake(world.name)}`;
  const parts = funcNameParts(func.name);
  const own = parts.kind === "freestanding"
    ? snake(parts.name)
    : parts.kind === "constructor"
    ? `constructor_${snake(parts.resource!)}`
    : `${parts.kind}_${snake(parts.resource!)}_${snake(parts.name)}`;
  return `${prefix}_${own}`;
}

/** Header and glue for one resource: handle helpers, and for an exported one new/rep/dtor. */
function resourceGlue(
  world: WitWorld,
  types: CTypes,
  r: WitResource,
): { h: string[]; c: string[] } {
  const item = world.items.find((i) => i.kind === "interface" && i.name === r.owner);
  const p = interfacePrefix(world.name, r.owner, r.direction);
  const name = snake(r.name);
  const own = types.handle("own", r.id);
  const borrow = types.handle("borrow", r.id);
  const drop = (module: string) => [
    `__attribute__((import_module("${module}"), import_name("[resource-drop]${r.name}")))`,
    `extern void __wasm_import_${p}_${name}_drop(int32_t handle);`,
    `void ${p}_${name}_drop_own(${own} handle) { __wasm_import_${p}_${name}_drop(handle.__handle); }`,
  ];
  if (r.direction === "import") {
    return {
      h: [
        `void ${p}_${name}_drop_own(${own} handle);`,
        `${borrow} ${p}_borrow_${name}(${own} handle);`,
      ],
      c: [
        ...drop(r.owner),
        `${borrow} ${p}_borrow_${name}(${own} handle) { return (${borrow}){ handle.__handle }; }`,
      ],
    };
  }
  const rep = `${p}_${name}_t`;
  const module = `[export]${r.owner}`;
  const wrapper = item ? exportName(item, `[dtor]${r.name}`) : `[dtor]${r.name}`;
  return {
    h: [
      `/* Defined by the component: struct ${rep} { ... }; */`,
      `${own} ${p}_${name}_new(${rep} *rep);`,
      `${rep} *${p}_${name}_rep(${own} handle);`,
      `void ${p}_${name}_drop_own(${own} handle);`,
      `/* Implemented by the component: called when the last handle is dropped. */`,
      `void ${p}_${name}_destructor(${rep} *rep);`,
    ],
    c: [
      `__attribute__((import_module("${module}"), import_name("[resource-new]${r.name}")))`,
      `extern int32_t __wasm_import_${p}_${name}_new(int32_t rep);`,
      `${own} ${p}_${name}_new(${rep} *rep) { return (${own}){ __wasm_import_${p}_${name}_new((int32_t)rep) }; }`,
      `__attribute__((import_module("${module}"), import_name("[resource-rep]${r.name}")))`,
      `extern int32_t __wasm_import_${p}_${name}_rep(int32_t handle);`,
      `${rep} *${p}_${name}_rep(${own} handle) { return (${rep} *)__wasm_import_${p}_${name}_rep(handle.__handle); }`,
      ...drop(module),
      `__attribute__((export_name("${wrapper}")))`,
      `void __wasm_export_${p}_${name}_dtor(int32_t rep) { ${p}_${name}_destructor((${rep} *)rep); }`,
    ],
  };
}

/**
 * Allocation: what this component's own code allocates (strings and lists
 * it returns) comes from the embedder arena, as ordinary code may call an
 * import; `cabi_realloc`, which the canonical ABI calls where no import may
 * be called, forwards to the arena too (the grow-free default), or uses a
 * static pool of its own so the component also runs unfused.
 */
function allocation(options: BindingOptions): string[] {
  if (options.reallocPool === undefined) {
    return [
      `__attribute__((weak, export_name("cabi_realloc")))`,
      `void *cabi_realloc(void *old_ptr, size_t old_size, size_t align, size_t new_size) {`,
      `  return __cabi_arena_realloc(old_ptr, old_size, align, new_size);`,
      `}`,
    ];
  }
  return [
    `/* realloc-pool = ${options.reallocPool}: cabi_realloc may not call an import when the`,
    ` * component runs unfused. Bump allocation; nothing is freed one by one. */`,
    `static uint8_t dissolve_pool[${options.reallocPool}] __attribute__((aligned(8)));`,
    `static size_t dissolve_pool_used;`,
    `__attribute__((weak, export_name("cabi_realloc")))`,
    `void *cabi_realloc(void *old_ptr, size_t old_size, size_t align, size_t new_size) {`,
    `  size_t at = (dissolve_pool_used + align - 1) & ~(align - 1);`,
    `  if (at + new_size > sizeof dissolve_pool) __builtin_trap();`,
    `  dissolve_pool_used = at + new_size;`,
    `  uint8_t *out = dissolve_pool + at;`,
    `  for (size_t i = 0; old_ptr && i < old_size && i < new_size; i++) out[i] = ((uint8_t *)old_ptr)[i];`,
    `  return out;`,
    `}`,
  ];
}

function stringHelpers(w: string): { h: string[]; c: string[] } {
  const t = `${w}_string_t`;
  return {
    h: [
      `/* Memory from the embedder arena, for strings and lists this component passes on. */`,
      `__attribute__((import_module("env"), import_name("__cabi_arena_realloc")))`,
      `extern void *__cabi_arena_realloc(void *old_ptr, size_t old_size, size_t align, size_t new_size);`,
      `DISSOLVE_GLUE void *${w}_alloc(size_t size, size_t align) {`,
      `  return __cabi_arena_realloc(0, 0, align, size);`,
      `}`,
      `/* A string literal as a ${t}, its length known at compile time (no copy). */`,
      `#define ${w.toUpperCase()}_STRING_LITERAL(s) ((${t}){ (uint8_t *)(s), sizeof(s) - 1 })`,
      `/* Points *ret at the NUL-terminated s (no copy). */`,
      `DISSOLVE_GLUE void ${w}_string_set(${t} *ret, const char *s) {`,
      `  size_t n = 0;`,
      `  while (s[n]) n++;`,
      `  ret->ptr = (uint8_t *)s;`,
      `  ret->len = n;`,
      `}`,
      `/* Copies the NUL-terminated s into memory from ${w}_alloc. */`,
      `void ${w}_string_dup(${t} *ret, const char *s);`,
    ],
    c: [
      `void ${w}_string_dup(${t} *ret, const char *s) {`,
      `  size_t n = 0;`,
      `  while (s[n]) n++;`,
      `  ret->ptr = ${w}_alloc(n, 1);`,
      `  for (size_t i = 0; i < n; i++) ret->ptr[i] = (uint8_t)s[i];`,
      `  ret->len = n;`,
      `}`,
    ],
  };
}

/**
 * Generates the C bindings of `world`.
 *
 * @example
 * ```ts
 * import { generateC } from "./c.ts";
 * const world = { name: "hello", package: "a:b", resources: [], typeNames: new Map(),
 *   items: [{ kind: "func" as const, direction: "export" as const,
 *     func: { name: "greet", sig: { params: [], result: { kind: "string" as const } } } }] };
 * const [header] = generateC(world, {});
 * console.log(header.text.includes("void exports_hello_greet(hello_string_t *ret);")); // true
 * ```
 */
export function generateC(world: WitWorld, options: BindingOptions): GeneratedFile[] {
  const w = snake(world.name);
  const types = new CTypes(world);
  types.name({ kind: "string" });
  const h: string[] = [];
  const c: string[] = [];
  let hasAsync = false;
  for (const item of world.items) {
    const funcs = item.kind === "interface" ? item.funcs : item.kind === "func" ? [item.func] : [];
    const where = item.kind === "interface" ? item.name : world.name;
    if (item.kind === "interface") {
      for (const t of item.types) if (t.type.kind !== "resource") types.name(t.type);
    }
    if (funcs.length) {
      h.push(``, `/* ${item.direction === "import" ? "Imported from" : "Exported as"} ${where} */`);
    }
    for (const f of funcs) {
      const cname = funcCName(world, item, f);
      if (f.sig.async) {
        hasAsync = true;
        const module = importModule(item);
        if (item.direction === "import") {
          h.push(...asyncImport(types, w, cname, f.sig, module, f.name));
        } else {
          const name = exportName(item, f.name);
          const glue = asyncExport(types, w, cname, f.sig, name, `[export]${module}`, f.name);
          h.push(...glue.h);
          c.push(``, ...glue.c);
        }
        continue;
      }
      if (item.direction === "import") {
        h.push(...importWrapper(types, cname, f.sig, importModule(item), f.name));
        continue;
      }
      h.push(`/* You implement: */ ${prototype(types, cname, f.sig)};`);
      c.push(``, ...exportWrapper(types, cname, f.sig, exportName(item, f.name)));
    }
  }
  for (const r of world.resources) {
    const glue = resourceGlue(world, types, r);
    h.push(``, ...glue.h);
    c.push(``, ...glue.c);
  }
  const strings = stringHelpers(w);
  if (hasAsync) {
    const rt = asyncRuntime(w);
    strings.h.push(...rt.h);
    strings.c.push(...rt.c);
  }
  const guard = `DISSOLVE_BINDINGS_${w.toUpperCase()}_H`;
  const banner =
    `/* Generated by Dissolve (gale) from WIT world ${world.package}/${world.name}. Do not edit. */`;
  const header = [
    banner,
    `#ifndef ${guard}`,
    `#define ${guard}`,
    `#include <stdbool.h>`,
    `#include <stddef.h>`,
    `#include <stdint.h>`,
    ``,
    `/* The glue, inline; a debugger shows its instructions at the caller's line. */`,
    `#ifndef DISSOLVE_GLUE`,
    `#define DISSOLVE_GLUE static inline __attribute__((nodebug))`,
    `#endif`,
    `/* What a <type>_free does with each block: nothing for the arena, which is reclaimed whole.`,
    ` * A component with an allocator of its own defines it (as free) before this header. */`,
    `#ifndef DISSOLVE_RELEASE`,
    `#define DISSOLVE_RELEASE(ptr) ((void)(ptr))`,
    `#endif`,
    ``,
    ...BIT_CASTS,
    ``,
    ...types.definitions,
    ``,
    ...strings.h,
    ...h,
    ``,
    `#endif`,
    ``,
  ];
  const source = [
    banner,
    `#include "${w}.h"`,
    ``,
    ...allocation(options),
    ``,
    ...strings.c,
    ...c,
    ``,
  ];
  return [
    { name: `${w}.h`, text: header.join("\n") },
    { name: `${w}.c`, text: source.join("\n") },
  ];
}
