/**
 * The gate after gale: the artifact is a component whose world has the
 * exports (and no more imports than) the pipeline declares.
 *
 * @module
 */
import { decodeWasm } from "../../wasm/mod.ts";
import { GateError } from "./gate_error.ts";

/**
 * Checks a component's top-level imports and exports.
 *
 * @example
 * ```ts
 * import { checkComponent } from "./component.ts";
 * checkComponent(await Deno.readFile("build/hello/components/hello.component.wasm"), "hello.component.wasm", { exports: ["greet"] });
 * ```
 */
export function checkComponent(
  bytes: Uint8Array,
  artifact: string,
  declared: { exports?: string[]; imports?: string[]; exactExports?: boolean },
): { imports: string[]; exports: string[] } {
  let model;
  try {
    model = decodeWasm(bytes);
  } catch (e) {
    throw new GateError("gale", artifact, "a component", (e as Error).message);
  }
  if (model.kind !== "component") {
    throw new GateError("gale", artifact, "a component", "a core module");
  }
  const imports: string[] = [], exports: string[] = [];
  for (const s of model.sections) {
    if (s.id === "import") { for (const i of s.imports) imports.push(i.name.name); }
    if (s.id === "export") { for (const e of s.exports) exports.push(e.name.name); }
  }
  const missing = (declared.exports ?? []).filter((e) => !exports.includes(e));
  if (missing.length > 0) {
    throw new GateError(
      "gale",
      artifact,
      `exports ${declared.exports!.join(", ")}`,
      `${exports.join(", ") || "none"}`,
    );
  }
  if (declared.exactExports) {
    const extra = exports.filter((e) => !declared.exports!.includes(e));
    if (extra.length > 0) {
      throw new GateError(
        "gale",
        artifact,
        `only the exports ${declared.exports!.join(", ")}`,
        `also ${extra.join(", ")}`,
      );
    }
  }
  if (declared.imports) {
    const extra = imports.filter((i) => !declared.imports!.includes(i));
    if (extra.length > 0) {
      throw new GateError(
        "gale",
        artifact,
        `imports within ${declared.imports.join(", ")}`,
        extra.join(", "),
      );
    }
  }
  return { imports, exports };
}
