/**
 * The gale rows of a pipeline: one per component, reading its sources, its
 * WIT and the headers beside them.
 *
 * @module
 */
import type { PlannedRow } from "../types.ts";
import type { GaleSpec } from "./build.ts";
import { snake } from "./bindgen/names.ts";

/**
 * The generated bindings' files, by output name: kept in the build directory
 * (`components/<name>.bindings/`) for the user to read, and cached with the component.
 */
export function bindingOutputs(spec: GaleSpec): Record<string, string> {
  const w = snake(spec.world);
  const files = spec.language === "rust" ? [`${w}.rs`] : [`${w}.h`, `${w}.c`];
  return Object.fromEntries(
    files.map((f) => [`bindings/${f}`, `components/${spec.name}.bindings/${f}`]),
  );
}

/**
 * One row per component; `headers` are the header files beside the sources
 * (a change to one can change any component).
 *
 * @example
 * ```ts
 * import { planGale } from "./plan.ts";
 * const [row] = planGale([{ name: "app", sources: ["app.c"], wit: "app.wit", world: "app" }], []);
 * console.log(row.id, row.outputs.component); // gale:app components/app.component.wasm
 * ```
 */
export function planGale(components: GaleSpec[], headers: string[]): PlannedRow<GaleSpec>[] {
  return components.map((c) => {
    const files = [...new Set([...c.sources, c.wit, ...headers])].sort();
    return {
      id: `gale:${c.name}`,
      inputs: files.map((f) => ({ name: f, file: f })),
      settings: c,
      tools: [c.compile ? c.compile[0] : "clang"],
      outputs: {
        component: `components/${c.name}.component.wasm`,
        core: `components/${c.name}.core.wasm`,
        ...bindingOutputs(c),
      },
    };
  });
}
