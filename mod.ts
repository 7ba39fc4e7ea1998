/**
 * Dissolve: WebAssembly components → one grow-free core module → Cortex-M
 * firmware.
 *
 * The public API for scripts:
 *
 * - {@linkcode decodeWasm} / {@linkcode encodeWasm}: the binary codec, core
 *   modules and components, byte-exact round trips.
 * - {@linkcode fuse}: the native fuse stage.
 * - {@linkcode definePipeline} / {@linkcode runPipeline}: scripted builds,
 *   the same structure as `dissolve.toml`.
 *
 * @example
 * ```ts
 * import { decodeWasm, fuse } from "./mod.ts";
 * const app = await Deno.readFile("build/hello/components/hello.component.wasm");
 * console.log(decodeWasm(app).kind); // "component"
 * const { module, report } = await fuse([{ name: "hello", bytes: app }], { memory: "shared" });
 * console.log(module.length, report.imports);
 * ```
 *
 * @module
 */
export { decodeWasm, encodeWasm, isComponentBinary, type WasmModel } from "./wasm/mod.ts";
export { WasmDecodeError, WasmEncodeError } from "./wasm/mod.ts";
export type { Component, CoreModule } from "./wasm/mod.ts";
export {
  explainReport,
  fuse,
  FuseError,
  type FuseOptions,
  type FuseReport,
  type FuseResult,
  importMap,
} from "./stages/fuse/mod.ts";
export type { NamedComponent } from "./stages/types.ts";
export {
  type BuildResult,
  definePipeline,
  loadPipelineFile,
  type Pipeline,
  type PipelineInput,
  runPipeline,
} from "./pipeline/mod.ts";
