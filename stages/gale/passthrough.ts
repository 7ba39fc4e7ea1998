/**
 * Embedder-import passthrough, as the design specifies: the core import
 * `env::__cabi_arena_realloc` (or any listed `module::field`) is renamed to
 * the world-root import `$root::<kebab-name>`, and the WIT world gains the
 * matching `import <kebab-name>: func(...)` line, so that upstream
 * `wasm-tools component new` produces the same component a patched
 * `--import-passthrough` would.
 *
 * @module
 */
import { decodeModule, encodeModule, type FuncType, signatureOf } from "../../wasm/module/mod.ts";

/** The kebab-case extern name of a core field (`__cabi_arena_realloc` → `cabi-arena-realloc`). */
export function kebabName(field: string): string {
  return field.replace(/^_+/, "").replace(/_+/g, "-").replace(/([a-z0-9])([A-Z])/g, "$1-$2")
    .toLowerCase();
}

const WIT_TYPES: Record<number, string> = { 0x7f: "u32", 0x7e: "u64", 0x7d: "f32", 0x7c: "f64" };

function witFunc(t: FuncType): string {
  const params = t.params.map((p, i) => `p${i}: ${WIT_TYPES[p as number] ?? "u32"}`).join(", ");
  const result = t.results.length === 1 ? ` -> ${WIT_TYPES[t.results[0] as number] ?? "u32"}` : "";
  return `func(${params})${result}`;
}

/** The result of {@linkcode applyPassthrough}. */
export interface PassthroughResult {
  module: Uint8Array;
  /** WIT lines to add to the world (`import name: func(...);`), for imports it does not declare yet. */
  worldImports: { name: string; line: string }[];
}

/**
 * Renames the listed embedder imports of a core module to world-root imports.
 *
 * @example
 * ```ts
 * import { applyPassthrough } from "./passthrough.ts";
 * import { encodeModule } from "../../wasm/module/encode.ts";
 * const i32 = 0x7f;
 * const core = encodeModule({ kind: "module", sections: [
 *   { id: "type", types: [{ params: [i32, i32, i32, i32], results: [i32] }] },
 *   { id: "import", imports: [{ module: "env", field: "__cabi_arena_realloc", desc: { kind: "func", type: 0 } }] },
 * ] });
 * const { worldImports } = applyPassthrough(core, ["env::__cabi_arena_realloc"]);
 * console.log(worldImports[0]?.line); // import cabi-arena-realloc: func(p0: u32, p1: u32, p2: u32, p3: u32) -> u32;
 * ```
 */
export function applyPassthrough(core: Uint8Array, names: string[]): PassthroughResult {
  const m = decodeModule(core);
  const wanted = new Set(names);
  const worldImports: PassthroughResult["worldImports"] = [];
  const types = m.sections.find((s) => s.id === "type");
  m.sections = m.sections.map((s) => {
    if (s.id !== "import") return s;
    let changed = false;
    const imports = s.imports.map((i) => {
      if (!wanted.has(`${i.module}::${i.field}`) || i.desc.kind !== "func") return i;
      changed = true;
      const name = kebabName(i.field);
      const t = (types?.id === "type" ? signatureOf(types.types[i.desc.type]) : undefined) ??
        { params: [], results: [] };
      worldImports.push({ name, line: `import ${name}: ${witFunc(t)};` });
      return { ...i, module: "$root", field: name };
    });
    return changed ? { id: "import", imports } : s;
  });
  return { module: worldImports.length ? encodeModule(m) : core, worldImports };
}

/**
 * Adds `lines` to `world` in WIT source, skipping names the world already imports.
 */
export function addWorldImports(
  wit: string,
  world: string,
  imports: { name: string; line: string }[],
): string {
  const re = new RegExp(`(world\\s+${world.replace(/[-]/g, "\\-")}\\s*\\{)`);
  if (!re.test(wit)) throw new Error(`the WIT source has no world "${world}"`);
  const missing = imports.filter((i) => !new RegExp(`import\\s+${i.name}\\s*:`).test(wit));
  if (missing.length === 0) return wit;
  return wit.replace(re, `$1\n  ${missing.map((i) => i.line).join("\n  ")}`);
}
