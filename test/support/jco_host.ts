/**
 * Runs a component the reference way: `jco transpile` (a JS
 * implementation of the Component Model) in Deno. The differential oracle
 * for fusion.
 *
 * @module
 */
import { transpileBytes } from "@bytecodealliance/jco-transpile";

/**
 * Transpiles `component` and instantiates it with `imports` (keyed by
 * import name: `{ "pkg:ns/iface": { fn } }`, world-root functions as
 * `{ name: { default: fn } }`). Returns the component's exports.
 *
 * @example
 * ```ts
 * import { instantiateWithJco, jcoArena } from "./jco_host.ts";
 * const bytes = await Deno.readFile("build/hello/components/hello.component.wasm");
 * const exports = await instantiateWithJco("hello", bytes, {
 *   "cabi-arena-realloc": { default: jcoArena() },
 * });
 * console.log((exports.greet as () => string)()); // Hello from a fused component!
 * ```
 */
export async function instantiateWithJco(
  name: string,
  component: Uint8Array,
  imports: Record<string, unknown>,
): Promise<Record<string, unknown>> {
  const { files } = await transpileBytes(component, {
    name,
    instantiation: "async",
    noTypescript: true,
  } as never) as unknown as { files: Record<string, Uint8Array> };
  const dir = await Deno.makeTempDir({ prefix: "dissolve-jco-" });
  try {
    await Deno.writeFile(`${dir}/${name}.js`, files[`${name}.js`]);
    const mod = await import(`file://${dir}/${name}.js`);
    return await mod.instantiate(
      (path: string) => WebAssembly.compile(files[path] as BufferSource),
      imports,
    );
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
}

/**
 * A bump allocator standing in for the embedder arena of an unfused
 * component: it hands out addresses from a high, unused part of the
 * component's first memory page (the examples use well under 32 KiB).
 */
export function jcoArena(
  base = 0x8000,
  end = 0x10000,
): (p: number, o: number, a: number, n: number) => number {
  let next = base;
  return (_p, _o, align, size) => {
    next = (next + align - 1) & ~(align - 1);
    const out = next;
    next += size;
    if (next > end) throw new Error("test arena exhausted");
    return out;
  };
}
