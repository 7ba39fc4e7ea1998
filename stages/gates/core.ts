/**
 * The gates after fuse and after loom: the core module must validate (V8
 * and binaryen), contain no `memory.grow`, import only declared embedder
 * and host imports, export what the firmware needs, and (after loom) keep
 * every import and export of its input.
 *
 * @module
 */
import binaryen from "binaryen";
import { decodeWasm } from "../../wasm/mod.ts";
import type { CoreModule } from "../../wasm/module/mod.ts";
import { findMemoryGrow } from "../../wasm/module/mod.ts";
import { GateError } from "./gate_error.ts";

/** What a core module must satisfy. */
export interface CoreGateSpec {
  stage: string;
  artifact: string;
  /** Imports allowed to remain (`module::field`). */
  allowedImports: string[];
  /** Exports that must be present. */
  requiredExports: string[];
  /** After loom: the module before optimization, whose imports / exports must be kept. */
  before?: Uint8Array;
}

function signature(bytes: Uint8Array): { imports: string[]; exports: string[] } {
  const m = new WebAssembly.Module(bytes as BufferSource);
  return {
    imports: WebAssembly.Module.imports(m).map((i) => `${i.module}::${i.name} (${i.kind})`).sort(),
    exports: WebAssembly.Module.exports(m).map((e) => `${e.name} (${e.kind})`).sort(),
  };
}

/**
 * Checks a core module; throws {@linkcode GateError} naming what differs.
 *
 * @example
 * ```ts
 * import { checkCoreModule } from "./core.ts";
 * checkCoreModule(await Deno.readFile("build/hello/fused.wasm"), {
 *   stage: "fuse", artifact: "fused.wasm", allowedImports: ["env::__cabi_arena_realloc"], requiredExports: ["greet", "memory"],
 * });
 * ```
 */
export function checkCoreModule(bytes: Uint8Array, spec: CoreGateSpec): void {
  const fail = (expected: string, found: string): never => {
    throw new GateError(spec.stage, spec.artifact, expected, found);
  };
  try {
    new WebAssembly.Module(bytes as BufferSource);
  } catch (e) {
    fail("a module V8 validates", (e as Error).message);
  }
  const bm = binaryen.readBinary(bytes);
  try {
    bm.setFeatures(binaryen.Features.All);
    if (!bm.validate()) {
      fail("a module binaryen validates", "binaryen validation errors (see above)");
    }
  } finally {
    bm.dispose();
  }
  const model = decodeWasm(bytes) as CoreModule;
  const grows = findMemoryGrow(model);
  if (grows.length > 0) fail("no memory.grow", `memory.grow in function(s) ${grows.join(", ")}`);
  const sig = signature(bytes);
  const imports = sig.imports.map((i) => i.replace(/ \(.*\)$/, ""));
  const extra = imports.filter((i) => !spec.allowedImports.includes(i));
  if (extra.length > 0) {
    fail(`imports within [${spec.allowedImports.join(", ")}]`, `also ${extra.join(", ")}`);
  }
  const exports = new Set(sig.exports.map((e) => e.replace(/ \(.*\)$/, "")));
  const missing = spec.requiredExports.filter((e) => !exports.has(e));
  if (missing.length > 0) {
    fail(`exports ${spec.requiredExports.join(", ")}`, `${missing.join(", ")} missing`);
  }
  if (spec.before) {
    const was = signature(spec.before);
    if (was.imports.join("\n") !== sig.imports.join("\n")) {
      fail(`the imports of its input: ${was.imports.join(", ")}`, sig.imports.join(", "));
    }
    if (was.exports.join("\n") !== sig.exports.join("\n")) {
      fail(`the exports of its input: ${was.exports.join(", ")}`, sig.exports.join(", "));
    }
  }
}
