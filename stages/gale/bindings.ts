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
import { BindgenError, generateC, type GeneratedFile, loadWorld, snake } from "./bindgen/mod.ts";
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

/** Whether any source matches `pattern` (it uses the generated bindings). */
async function mentions(sources: string[], pattern: RegExp): Promise<boolean> {
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
 * const b = await writeBindings({ wit: "hello.wit", world: "hello", language: "c", sources: ["hello.c"] },
 *   "examples/hello", await Deno.makeTempDir());
 * console.log(b.cSource?.endsWith("/bindings/hello.c")); // true: hello.c includes hello.h
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
  const w = snake(spec.world);
  const paths = spec.sources.map((s) => resolve(base, s));
  const used = spec.language === "rust"
    ? await mentions(paths, /env!\("DISSOLVE_BINDINGS"\)/)
    : await mentions(paths, new RegExp(`#\\s*include\\s*[<"]${w.replace(/\./g, "\\.")}\\.h[>"]`));
  const text = await Deno.readTextFile(resolve(base, spec.wit));
  const options = { reallocPool: spec.reallocPool };
  let files: GeneratedFile[];
  try {
    // Messages name the WIT file as the user would open it: relative to where dissolve runs.
    const world = await loadWorld(text, relative(Deno.cwd(), resolve(base, spec.wit)), spec.world);
    files = spec.language === "rust" ? generateRust(world, options) : generateC(world, options);
  } catch (e) {
    // A component with glue of its own does not use the bindings: what they cannot bind (a
    // stream, say) is not its problem. WIT that does not parse fails either way.
    if (used || !(e instanceof BindgenError) || e.kind !== "unsupported") throw e;
    const note = `/* No bindings: ${e.message.replace(/\*\//g, "* /")} */\n`;
    files = (spec.language === "rust" ? [`${w}.rs`] : [`${w}.h`, `${w}.c`])
      .map((name) => ({ name, text: name.endsWith(".rs") ? `// ${note.slice(3, -4)}\n` : note }));
  }
  for (const f of files) await Deno.writeTextFile(`${dir}/${f.name}`, f.text);
  if (spec.language === "rust" || !used) return { dir, files };
  return { dir, cSource: `${dir}/${w}.c`, files };
}
