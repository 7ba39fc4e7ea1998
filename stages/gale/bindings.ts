/**
 * gale's binding step: the component's WIT world → typed bindings in the
 * build directory (never the source tree), for the compile to use.
 *
 * - C: `<world>.h` on the include path; `<world>.c` compiled with the
 *   sources when one of them includes the header (hand-written glue that
 *   does not include it is left alone).
 * - Rust: `<world>.rs`, which the crate includes with
 *   `include!(concat!(env!("DISSOLVE_BINDINGS"), "/<world>.rs"))`.
 *
 * @module
 */
import { relative, resolve } from "node:path";
import { generateC, type GeneratedFile, loadWorld, snake } from "./bindgen/mod.ts";
import { generateRust } from "./bindgen/rust.ts";

/** What the compile needs to know about the generated bindings. */
export interface Bindings {
  /** The directory holding them (`{bindings}` in a custom compile command). */
  dir: string;
  /** A generated C file to compile with the sources, when they use the header. */
  cSource?: string;
  /** The generated files. */
  files: GeneratedFile[];
}

/** Whether any C source includes the generated header (`#include "<world>.h"`). */
async function includesHeader(sources: string[], header: string): Promise<boolean> {
  const pattern = new RegExp(`#\\s*include\\s*[<"]${header.replace(/\./g, "\\.")}[>"]`);
  for (const s of sources) {
    if (pattern.test(await Deno.readTextFile(s).catch(() => ""))) return true;
  }
  return false;
}

/**
 * Generates the bindings of a component's world into `scratchDir/bindings`.
 *
 * @example
 * ```ts
 * import { writeBindings } from "./bindings.ts";
 * const b = await writeBindings({ wit: "hello.wit", world: "hello", language: "c", sources: [] },
 *   "examples/hello", await Deno.makeTempDir());
 * console.log(b.cSource); // undefined: hello.c writes its glue by hand
 * ```
 */
export async function writeBindings(
  spec: {
    wit: string;
    world: string;
    language?: "c" | "rust";
    sources: string[];
    reallocPool?: number;
  },
  base: string,
  scratchDir: string,
): Promise<Bindings> {
  const dir = `${scratchDir}/bindings`;
  await Deno.mkdir(dir, { recursive: true });
  const text = await Deno.readTextFile(resolve(base, spec.wit));
  // Messages name the WIT file as the user would open it: relative to where dissolve runs.
  const world = await loadWorld(text, relative(Deno.cwd(), resolve(base, spec.wit)), spec.world);
  const options = { reallocPool: spec.reallocPool };
  const files = spec.language === "rust" ? generateRust(world, options) : generateC(world, options);
  for (const f of files) await Deno.writeTextFile(`${dir}/${f.name}`, f.text);
  if (spec.language === "rust") return { dir, files };
  const w = snake(world.name);
  const used = await includesHeader(spec.sources.map((s) => resolve(base, s)), `${w}.h`);
  return used ? { dir, cSource: `${dir}/${w}.c`, files } : { dir, files };
}
