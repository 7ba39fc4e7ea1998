/**
 * The gale stage: a component's sources → core module → component.
 *
 * The pipeline's compile command (clang by default: grow-free, relocatable
 * so fuse can rebase it), then embedder-import passthrough, then
 * wasm-tools `component embed` + `component new` through jco's JS API.
 *
 * @module
 */
import { componentEmbed, componentNew } from "@bytecodealliance/jco-transpile/wasm-tools";
import { resolve } from "node:path";
import type { GaleOutput, StageContext } from "../types.ts";
import { run, toolVersion } from "../exec.ts";
import { addWorldImports, applyPassthrough } from "./passthrough.ts";

/** One component's build, as the pipeline declares it. */
export interface GaleSpec {
  name: string;
  /** Source files, relative to the pipeline's directory. */
  sources: string[];
  /** A custom compile command (argv) with `{out}` and `{sources}` placeholders; default clang. */
  compile?: string[];
  /** The WIT file. */
  wit: string;
  world: string;
  /** Core imports to pass through as embedder imports (`module::field`). */
  embedderImports?: string[];
  /** Shadow stack of the component's core module (default 1024 bytes). */
  stackBytes?: number;
}

/** The default compile command: grow-free, relocatable, small stack. */
export function defaultCompile(stackBytes: number): string[] {
  return [
    "clang",
    "--target=wasm32",
    "-Os",
    "-nostdlib",
    "-fno-builtin",
    "-ffile-prefix-map={base}=.",
    "-Wl,--no-entry",
    "-Wl,--emit-relocs",
    `-Wl,-z,stack-size=${stackBytes}`,
    // Stack first ([0, stack top), data above it): an overflow leaves memory and traps, and
    // fuse can replace the stack with one shared by every module (share-stack).
    "-Wl,--stack-first",
    "-Wl,--export=__heap_base",
    "-Wl,--export=__data_end",
    "-o",
    "{out}",
    "{sources}",
  ];
}

/**
 * Builds one component.
 *
 * @example
 * ```ts
 * import { gale } from "./mod.ts";
 * const out = await gale({ name: "hello", sources: ["hello.c"], wit: "hello.wit", world: "hello" },
 *   { scratchDir: await Deno.makeTempDir(), baseDir: "examples/hello", log: console.log });
 * console.log(out.component.length);
 * ```
 */
export async function gale(spec: GaleSpec, ctx: StageContext): Promise<GaleOutput> {
  const base = resolve(ctx.baseDir);
  const out = `${ctx.scratchDir}/${spec.name}.core.wasm`;
  const sources = spec.sources.map((s) => resolve(base, s));
  const argv = (spec.compile ?? defaultCompile(spec.stackBytes ?? 1024)).flatMap((a) =>
    a === "{sources}" ? sources : [a.replace("{out}", out).replace("{base}", base)]
  );
  await run(argv, { stage: `gale (${spec.name})`, cwd: base, env: { SOURCE_DATE_EPOCH: "0" } });
  const compiled = await Deno.readFile(out);
  const { module, worldImports } = applyPassthrough(
    compiled,
    spec.embedderImports ?? ["env::__cabi_arena_realloc"],
  );
  const wit = addWorldImports(
    await Deno.readTextFile(resolve(base, spec.wit)),
    spec.world,
    worldImports,
  );
  let component: Uint8Array;
  try {
    const embedded = await componentEmbed(
      { binary: module, witSource: wit, world: spec.world } as never,
    );
    component = await componentNew(embedded, []);
  } catch (e) {
    const msg = e instanceof Error ? e.message : String((e as { payload?: unknown }).payload ?? e);
    throw new Error(`gale (${spec.name}): wasm-tools component new failed: ${msg}`);
  }
  return {
    component,
    coreModule: module,
    tools: [
      { name: argv[0], version: await toolVersion(argv[0]) },
      { name: "wasm-tools (jco-transpile)", version: "0.15.0" },
    ],
  };
}

export { addWorldImports, applyPassthrough, kebabName } from "./passthrough.ts";
