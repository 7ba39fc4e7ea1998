/**
 * The WebAssembly binary codec: core modules and components.
 *
 * Decoding keeps each section's original bytes so an unmodified decode
 * re-encodes byte-exact; every malformed input is a {@linkcode WasmDecodeError}
 * with a byte offset.
 *
 * @example
 * ```ts
 * import { decodeWasm, encodeWasm } from "./mod.ts";
 * const bytes = await Deno.readFile("build/hello/components/hello.component.wasm");
 * const model = decodeWasm(bytes);
 * console.log(model.kind, model.sections.length, encodeWasm(model).length === bytes.length);
 * ```
 *
 * @module
 */
export {
  appendCustomSection,
  decodeWasm,
  encodeWasm,
  isComponentBinary,
  type WasmModel,
  writeCustomSection,
} from "./wasm.ts";
export { constI32, i32ConstExpr } from "./module/const_expr.ts";
export { WasmDecodeError, type WasmDecodeErrorKind, WasmEncodeError } from "./errors.ts";
export { BinaryReader } from "./reader.ts";
export { BinaryWriter } from "./writer.ts";
export type * from "./module/model.ts";
export { edited } from "./module/model.ts";
export {
  decodeMemoryOwners,
  describeOwner,
  encodeMemoryOwners,
  MEMORY_OWNERS_SECTION,
  type MemoryOwner,
  memoryOwners,
} from "./module/memory_owners.ts";
export type {
  Alias,
  Canon,
  CanonOpt,
  Component,
  ComponentExport,
  ComponentImport,
  ComponentInstance,
  ComponentSection,
  CoreInstance,
  CoreTypeDef,
  DefValType,
  ExternDesc,
  ExternName,
  Sort,
  TypeDef,
} from "./component/model.ts";
export { describeTrap, locateTrap, type TrapSite } from "./inspect/trap.ts";
export { decodeComponent } from "./component/decode.ts";
export { encodeComponent } from "./component/encode.ts";
export {
  externNameError,
  labelError,
  type NameError,
  validateNames,
} from "./component/validate_names.ts";
export { validateTypes, type ValidationError } from "./component/validate_types.ts";
export { validateCoreModules } from "./component/validate_core.ts";
