/**
 * The native fuse stage: components → one grow-free core module, with
 * embedder-import passthrough, shared-memory rebasing and canonical-ABI
 * adapters.
 *
 * @example
 * ```ts
 * import { fuse } from "./mod.ts";
 * const bytes = await Deno.readFile("build/hello/components/hello.component.wasm");
 * const { module, report } = await fuse([{ name: "hello", bytes }], { memory: "shared" });
 * console.log(module.length, report.strategy);
 * ```
 *
 * @module
 */
export { appendCustomSection } from "../../wasm/mod.ts";
export { fuse, FUSE_VERSION, type FuseReport, type FuseResult } from "./fuse.ts";
export { FuseError } from "./errors.ts";
export {
  type DomainSpec,
  EmbedderRules,
  type FuseOptions,
  type MemoryStrategy,
  type PassthroughSpec,
} from "./options.ts";
export { explainReport, importMap, type ImportMapEntry } from "./report.ts";
export { Evaluator, type Item } from "./graph.ts";
export { resolveFuncSig, showFuncSig } from "./ctypes.ts";
export { planFuse } from "./plan.ts";
