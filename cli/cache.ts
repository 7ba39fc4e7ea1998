/**
 * `dissolve cache verify` and `dissolve cache gc --max-size N`: check every
 * entry of the local cache (dropping the ones that fail), and bound its
 * size by dropping the least recently used entries.
 *
 * @module
 */
import { parseArgs } from "node:util";
import { join } from "node:path";
import { StageCache } from "../pipeline/cache.ts";

/** `dissolve cache` help. */
export const CACHE_HELP = `dissolve cache — the local stage cache (build/.cache)

Usage:
  dissolve cache verify [--build-dir DIR]
      Check every entry (its record, its metadata and every output's sha256); drop the bad ones.
  dissolve cache gc --max-size N [--build-dir DIR]
      Drop least recently used entries until the cache fits N bytes (suffixes K, M, G).
`;

/**
 * Parses a size: bytes, or a number with K, M or G (powers of 1024).
 *
 * @example
 * ```ts
 * import { parseSize } from "./cache.ts";
 * console.log(parseSize("64M")); // 67108864
 * ```
 */
export function parseSize(text: string): number {
  const m = /^(\d+(?:\.\d+)?)\s*([KMG]?)i?B?$/i.exec(text.trim());
  if (!m) {
    throw new Error(
      `--max-size: "${text}" is not a size\n  remedy: give bytes or a number with K, M or G (e.g. 512M)`,
    );
  }
  const scale = { "": 1, K: 1024, M: 1024 ** 2, G: 1024 ** 3 }[m[2].toUpperCase()]!;
  return Math.floor(Number(m[1]) * scale);
}

/**
 * Runs `dissolve cache …`; returns the exit code.
 *
 * @example
 * ```ts
 * import { cacheCommand } from "./cache.ts";
 * Deno.exit(await cacheCommand(["verify"]));
 * ```
 */
export async function cacheCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { "build-dir": { type: "string" }, "max-size": { type: "string" } },
  });
  const cache = new StageCache(join(values["build-dir"] ?? "build", ".cache"));
  switch (positionals[0]) {
    case "verify": {
      const r = await cache.verify();
      for (const b of r.bad) console.log(`dropped ${b.key}: ${b.reason}`);
      console.log(`${r.entries} entr${r.entries === 1 ? "y" : "ies"} checked, ${r.bad.length} bad`);
      return r.bad.length === 0 ? 0 : 1;
    }
    case "gc": {
      if (values["max-size"] === undefined) {
        throw new Error(
          "cache gc: --max-size is required\n  remedy: e.g. dissolve cache gc --max-size 512M",
        );
      }
      const r = await cache.gc(parseSize(values["max-size"]));
      console.log(
        `${r.bytesBefore} → ${r.bytesAfter} bytes: ${r.entriesRemoved} entr${
          r.entriesRemoved === 1 ? "y" : "ies"
        } and ${r.blobsRemoved} blob(s) removed`,
      );
      return 0;
    }
    default:
      console.log(CACHE_HELP);
      return positionals[0] === undefined || positionals[0] === "help" ? 0 : 1;
  }
}
