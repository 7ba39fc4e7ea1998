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
