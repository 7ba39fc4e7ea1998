/**
 * Core WebAssembly modules: the model, decoding and encoding (byte-exact
 * for unmodified sections), the instruction reader, the index re-encoder a
 * merge uses, and the custom-section codecs.
 *
 * @example
 * ```ts
 * import { decodeModule, encodeModule, findMemoryGrow } from "./mod.ts";
 * const bytes = await Deno.readFile("build/hello/components/hello.core.wasm");
 * const m = decodeModule(bytes);
 * console.log(findMemoryGrow(m), encodeModule(m).length === bytes.length);
 * ```
 *
 * @module
 */
export type * from "./model.ts";
export { edited, signatureOf, ValTypeCode } from "./model.ts";
export { decodeModule } from "./decode.ts";
export { encodeModule } from "./encode.ts";
export {
  forEachOperator,
  type IndexKind,
  type LocalKind,
  type OperatorSink,
  readOperator,
  skipConstExpr,
} from "./operators.ts";
export {
  findMemoryGrow,
  type IndexHooks,
  IndexSites,
  reencodeConstExpr,
  RenumberedBodies,
} from "./index_sites.ts";
export { minimizeFunctionBody, reencodeFunctionBody } from "./reencode.ts";
export * from "./custom.ts";
export * from "./memory_owners.ts";
export { constI32, i32ConstExpr, zeroConstExpr } from "./const_expr.ts";
export { type CallGraph, callGraph, displayName, walkCalls } from "./call_graph.ts";
export {
  initialValue,
  shadowStackBound,
  shadowStackBounds,
  type StackBound,
} from "./shadow_stack.ts";
export { renumberGcType } from "./gc_types.ts";
export {
  DEBUG_SECTION,
  type DebugInfo,
  debugInfoOf,
  decodeDebugInfo,
  encodeDebugInfo,
} from "./debug_section.ts";
export { insertBeforeInstructions } from "./instrument.ts";
