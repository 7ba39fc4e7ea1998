/**
 * Test support: builds real components from C source and WIT at test time
 * (clang → core module with relocations → wasm-tools `component embed` +
 * `component new` through jco's JS API), so fixtures are never checked-in
 * binaries.
 *
 * @module
 */
import { systemPath } from "../../stages/exec.ts";
import { componentEmbed, componentNew } from "@bytecodealliance/jco-transpile/wasm-tools";

/** Flags for a grow-free, relocatable clang build (the gale stage's defaults). */
export const CLANG_FLAGS = [
  "--target=wasm32",
  "-O2",
  "-nostdlib",
  "-fno-builtin",
  "-Wl,--no-entry",
  "-Wl,--emit-relocs",
  "-Wl,-z,stack-size=4096",
  "-Wl,--export=__heap_base",
];

/** Compiles C source to a core module with clang. */
export async function compileC(source: string, extraFlags: string[] = []): Promise<Uint8Array> {
  const dir = await Deno.makeTempDir({ prefix: "dissolve-test-" });
  try {
    await Deno.writeTextFile(`${dir}/m.c`, source);
    const { code, stderr } = await new Deno.Command("clang", {
      env: { PATH: systemPath() },
      args: [...CLANG_FLAGS, ...extraFlags, "-o", `${dir}/m.wasm`, `${dir}/m.c`],
      stderr: "piped",
    }).output();
    if (code !== 0) throw new Error(`clang failed:\n${new TextDecoder().decode(stderr)}`);
    return await Deno.readFile(`${dir}/m.wasm`);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
}

/** Makes a component from a core module and a WIT world. */
export async function componentize(
  core: Uint8Array,
  wit: string,
  world: string,
): Promise<Uint8Array> {
  const embedded = await componentEmbed({ binary: core, witSource: wit, world } as never);
  return await componentNew(embedded, []);
}

/**
 * Builds a component from C source and WIT.
 *
 * @example
 * ```ts
 * import { buildComponent } from "./components.ts";
 * const c = await buildComponent(`__attribute__((export_name("f"))) int f(void) { return 1; }`,
 *   "package t:t; world w { export f: func() -> s32; }", "w");
 * console.log(c.length > 0);
 * ```
 */
export async function buildComponent(
  c: string,
  wit: string,
  world: string,
  flags: string[] = [],
): Promise<Uint8Array> {
  return await componentize(await compileC(c, flags), wit, world);
}

/** The arena import prototype every fixture uses. */
export const ARENA_DECL = `#include <stdint.h>
__attribute__((import_module("$root"), import_name("cabi-arena-realloc")))
void *arena_realloc(void *p, uint32_t old, uint32_t align, uint32_t size);
static char pool__[1024]; static uint32_t used__;
__attribute__((export_name("cabi_realloc"))) void *cabi_realloc(void *p, uint32_t o, uint32_t a, uint32_t n) {
  used__ = (used__ + a - 1) & ~(a - 1); void *r = pool__ + used__; used__ += n; return r;
}
`;

/** The WIT line declaring the arena import. */
export const ARENA_WIT =
  "import cabi-arena-realloc: func(p0: u32, p1: u32, p2: u32, p3: u32) -> u32;";

/** A JS bump arena over the fused module's `[__dissolve_arena_base, __dissolve_arena_end)`. */
export class JsArena {
  next = 0;
  end = 0;
  calls = 0;

  /** Binds to an instance's exported arena bounds. */
  bind(exports: WebAssembly.Exports): void {
    // No embedder import, no arena: fuse then exports no bounds.
    this.next = (exports.__dissolve_arena_base as WebAssembly.Global | undefined)?.value ?? 0;
    this.end = (exports.__dissolve_arena_end as WebAssembly.Global | undefined)?.value ?? 0;
  }

  /** `env::__cabi_arena_realloc(old_ptr, old_size, align, new_size) -> ptr`. */
  realloc = (_ptr: number, _old: number, align: number, size: number): number => {
    this.calls++;
    this.next = (this.next + align - 1) & ~(align - 1);
    const out = this.next;
    this.next += size;
    if (this.next > this.end) throw new Error("arena exhausted");
    return out;
  };
}

/** Instantiates a fused module with a JS arena; returns exports, memory and the arena. */
export function instantiateFused(bytes: Uint8Array, extra: WebAssembly.Imports = {}) {
  const arena = new JsArena();
  const inst = new WebAssembly.Instance(new WebAssembly.Module(bytes as BufferSource), {
    env: { __cabi_arena_realloc: arena.realloc },
    ...extra,
  });
  arena.bind(inst.exports);
  return { exports: inst.exports, memory: inst.exports.memory as WebAssembly.Memory, arena };
}

/** Reads a `(ptr, len)` UTF-8 string from a return area. */
export function readStringAt(memory: WebAssembly.Memory, retArea: number): string {
  const dv = new DataView(memory.buffer);
  const ptr = dv.getUint32(retArea, true), len = dv.getUint32(retArea + 4, true);
  return new TextDecoder().decode(new Uint8Array(memory.buffer, ptr, len));
}

/** A component's top-level imports and exports as sorted `import x` / `export y` lines. */
export function externNames(c: import("../../wasm/component/model.ts").Component): string[] {
  return c.sections.flatMap((s) =>
    s.id === "import"
      ? s.imports.map((i) => `import ${i.name.name}`)
      : s.id === "export"
      ? s.exports.map((e) => `export ${e.name.name}`)
      : []
  ).sort();
}
