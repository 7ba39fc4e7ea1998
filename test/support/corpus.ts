/**
 * The real-world corpus for codec tests: every `.wasm` file the installed
 * npm packages ship (jco, binaryen, componentize-js), found at test time.
 *
 * @module
 */
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));

/** Paths of every .wasm under node_modules, sorted, deduplicated by content size + name. */
export async function corpusFiles(): Promise<string[]> {
  const out: string[] = [];
  const walk = async (dir: string) => {
    for await (const e of Deno.readDir(dir)) {
      const p = `${dir}/${e.name}`;
      if (e.isDirectory) await walk(p);
      else if (e.isFile && e.name.endsWith(".wasm")) out.push(p);
    }
  };
  await walk(`${ROOT}node_modules`);
  const seen = new Set<string>();
  return out.sort().filter((p) => {
    const key = `${p.split("/").pop()}:${Deno.statSync(p).size}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** The largest real module at hand (componentize-js's StarlingMonkey engine). */
export function largestModulePath(): string {
  return `${ROOT}node_modules/@bytecodealliance/componentize-js/lib/starlingmonkey_embedding.wasm`;
}
