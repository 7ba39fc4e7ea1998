/**
 * Content hashes for the cache and the manifest.
 *
 * @module
 */
import { createHash } from "node:crypto";

/**
 * SHA-256 of bytes or text, hex.
 *
 * @example
 * ```ts
 * import { sha256 } from "./hash.ts";
 * console.log(sha256("abc").slice(0, 8)); // ba7816bf
 * ```
 */
export function sha256(data: Uint8Array | string): string {
  return createHash("sha256").update(data).digest("hex");
}

/** A stable JSON rendering (sorted keys) for hashing option objects. */
export function stableJson(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(stableJson).join(",")}]`;
  if (v && typeof v === "object") {
    return `{${
      Object.keys(v as object).sort().filter((k) => (v as Record<string, unknown>)[k] !== undefined)
        .map((k) => `${JSON.stringify(k)}:${stableJson((v as Record<string, unknown>)[k])}`).join(
          ",",
        )
    }}`;
  }
  return JSON.stringify(v);
}

/** Hash of every file under `dirs` (recursively; plain files count as themselves), for "the stage's own code" in cache keys. */
export async function hashTree(dirs: string[]): Promise<string> {
  const parts: string[] = [];
  const walk = async (d: string) => {
    const entries = [];
    for await (const e of Deno.readDir(d)) entries.push(e);
    entries.sort((a, b) => a.name.localeCompare(b.name));
    for (const e of entries) {
      const p = `${d}/${e.name}`;
      if (e.isDirectory) await walk(p);
      else if (!e.name.endsWith("_test.ts")) parts.push(`${p}:${sha256(await Deno.readFile(p))}`);
    }
  };
  for (const d of dirs) {
    if ((await Deno.stat(d)).isDirectory) await walk(d);
    else parts.push(`${d}:${sha256(await Deno.readFile(d))}`);
  }
  return sha256(parts.join("\n"));
}
