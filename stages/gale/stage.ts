/**
 * gale as a pipeline stage: compile one component and check that it exports
 * exactly what its world declares and imports nothing more.
 *
 * Inputs are the component's source, header and WIT files by their path
 * relative to the pipeline's directory; outputs are `component` and `core`.
 *
 * @module
 */
import type { StageProduct, StageRun } from "../types.ts";
import { gale, type GaleSpec } from "./build.ts";
import { checkComponent } from "../gates/component.ts";
import { worldNames } from "../gates/wit_world.ts";

/**
 * Compiles the component.
 *
 * @example
 * ```ts
 * import { produce } from "./stage.ts";
 * const spec = { name: "hello", sources: ["hello.c"], wit: "hello.wit", world: "hello" };
 * const out = await produce({ settings: spec, inputs: {},
 *   ctx: { scratchDir: await Deno.makeTempDir(), baseDir: "examples/hello", log: console.log } });
 * console.log(out.outputs.component.length);
 * ```
 */
export async function produce(run: StageRun<GaleSpec>): Promise<StageProduct> {
  const out = await gale(run.settings, run.ctx);
  return {
    outputs: {
      component: out.component,
      core: out.coreModule,
      ...Object.fromEntries(
        out.bindings.map((f) => [`bindings/${f.name}`, new TextEncoder().encode(f.text)]),
      ),
    },
    meta: {},
    detail: `${out.component.length} bytes`,
  };
}

/**
 * The component's exports are exactly its world's, its imports a subset
 * (wit-component drops imports the code never calls; gale adds the arena).
 *
 * @example
 * ```ts
 * import { gate, produce } from "./stage.ts";
 * const run = { settings: { name: "hello", sources: ["hello.c"], wit: "hello.wit", world: "hello" },
 *   inputs: { "hello.wit": await Deno.readFile("examples/hello/hello.wit") },
 *   ctx: { scratchDir: await Deno.makeTempDir(), baseDir: "examples/hello", log: console.log } };
 * gate(await produce(run), run);
 * ```
 */
export function gate(product: StageProduct, run: StageRun<GaleSpec>): void {
  const spec = run.settings;
  const declared = worldNames(new TextDecoder().decode(run.inputs[spec.wit]), spec.world);
  checkComponent(product.outputs.component, `${spec.name}.component.wasm`, {
    exports: declared.exports,
    imports: [...declared.imports, "cabi-arena-realloc"],
    exactExports: true,
  });
}
