/**
 * A content-addressed stage cache: a stage's outputs stored under the hash
 * of everything that determines them (input bytes, options, tool versions,
 * the stage's own code). A hit copies the outputs back instead of running.
 *
 * @module
 */
import { writeAtomic } from "./atomic.ts";

/** What a cache entry records. */
export interface CacheEntry {
  key: string;
  /** Output name → bytes. */
  outputs: Record<string, Uint8Array>;
  /** Stage-specific metadata (size reports, tool versions, ...). */
  meta: Record<string, unknown>;
}

/**
 * The cache directory.
 *
 * @example
 * ```ts
 * import { StageCache } from "./cache.ts";
 * const cache = new StageCache("build/.cache");
 * console.log(await cache.get("0000"));  // undefined
 * ```
 */
export class StageCache {
  constructor(readonly dir: string) {}

  /** The entry for `key`, or undefined. */
  async get(key: string): Promise<CacheEntry | undefined> {
    const at = `${this.dir}/${key.slice(0, 2)}/${key}`;
    let index;
    try {
      index = JSON.parse(await Deno.readTextFile(`${at}/entry.json`));
    } catch {
      return undefined;
    }
    const outputs: Record<string, Uint8Array> = {};
    try {
      for (const name of index.outputs as string[]) {
        outputs[name] = await Deno.readFile(`${at}/${name}`);
      }
    } catch {
      return undefined; // incomplete entry: treat as a miss
    }
    return { key, outputs, meta: index.meta };
  }

  /** Stores an entry (each file atomically; the index last, so a partial entry is never a hit). */
  async put(entry: CacheEntry): Promise<void> {
    const at = `${this.dir}/${entry.key.slice(0, 2)}/${entry.key}`;
    for (const [name, bytes] of Object.entries(entry.outputs)) {
      await writeAtomic(`${at}/${name}`, bytes);
    }
    await writeAtomic(
      `${at}/entry.json`,
      JSON.stringify({ outputs: Object.keys(entry.outputs), meta: entry.meta }),
    );
  }
}
