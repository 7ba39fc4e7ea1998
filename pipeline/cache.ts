/**
 * The local stage cache, laid out like Bazel's remote cache so the two
 * share one format: an action-cache entry `ac/<key>` (JSON: the key, each
 * output's name, sha256 and size, the stage's metadata and its sha256) and
 * content-addressed blobs `cas/<sha256>`.
 *
 * Nothing is trusted on the way out: {@linkcode decodeEntry} checks that the
 * entry names its own key, that its metadata hashes to what it records, and
 * that every blob hashes to its name. A mismatch is a miss with a reason, and
 * the caller drops the entry and rebuilds.
 *
 * @module
 */
import { join } from "node:path";
import { writeAtomic } from "./atomic.ts";
import { sha256, stableJson } from "./hash.ts";

/** The entry format; part of every key, so a format change never reads old entries. */
export const CACHE_FORMAT = "dissolve-cache/2";

/** A stage's outputs and metadata, as stored under its key. */
export interface CacheEntry {
  key: string;
  /** Output name → bytes. */
  outputs: Record<string, Uint8Array>;
  /** Stage metadata (JSON): size reports, run records. */
  meta: Record<string, unknown>;
  /** The progress line's detail. */
  detail?: string;
}

/** An action-cache record: what `ac/<key>` holds. */
export interface EntryRecord {
  format: string;
  key: string;
  outputs: { name: string; sha256: string; size: number }[];
  meta: Record<string, unknown>;
  detail?: string;
  metaSha256: string;
}

/** A lookup's answer: a verified entry, nothing, or an entry that failed verification. */
export type Lookup =
  | { status: "hit"; entry: CacheEntry }
  | { status: "miss" }
  | { status: "corrupt"; reason: string };

function metaHash(meta: Record<string, unknown>, detail: string | undefined): string {
  return sha256(stableJson({ meta, detail }));
}

/**
 * The record stored for an entry.
 *
 * @example
 * ```ts
 * import { entryRecord } from "./cache.ts";
 * const r = entryRecord({ key: "k", outputs: { a: new Uint8Array([1]) }, meta: {} });
 * console.log(r.outputs[0].sha256);
 * ```
 */
export function entryRecord(entry: CacheEntry): EntryRecord {
  return {
    format: CACHE_FORMAT,
    key: entry.key,
    outputs: Object.entries(entry.outputs).map(([name, bytes]) => ({
      name,
      sha256: sha256(bytes),
      size: bytes.length,
    })),
    meta: entry.meta,
    ...(entry.detail === undefined ? {} : { detail: entry.detail }),
    metaSha256: metaHash(entry.meta, entry.detail),
  };
}

/**
 * Parses and verifies an entry record fetched under `key`, then fetches and
 * verifies each blob. `blob(sha)` returns the bytes or undefined.
 *
 * @example
 * ```ts
 * import { decodeEntry, entryRecord } from "./cache.ts";
 * import { sha256 } from "./hash.ts";
 * const bytes = new Uint8Array([1]);
 * const text = JSON.stringify(entryRecord({ key: "k", outputs: { a: bytes }, meta: {} }));
 * const r = await decodeEntry("k", text, (h) => Promise.resolve(h === sha256(bytes) ? bytes : undefined));
 * console.log(r.status); // "hit"
 * ```
 */
export async function decodeEntry(
  key: string,
  text: string,
  blob: (sha: string) => Promise<Uint8Array | undefined>,
): Promise<Lookup> {
  let record: EntryRecord;
  try {
    record = JSON.parse(text);
  } catch {
    return { status: "corrupt", reason: "its record is not JSON" };
  }
  if (record?.format !== CACHE_FORMAT || !Array.isArray(record.outputs)) {
    return { status: "corrupt", reason: `its record is not a ${CACHE_FORMAT} entry` };
  }
  if (record.key !== key) {
    return { status: "corrupt", reason: `it is filed under ${key} but records key ${record.key}` };
  }
  if (metaHash(record.meta, record.detail) !== record.metaSha256) {
    return { status: "corrupt", reason: "its metadata does not match its recorded sha256" };
  }
  const outputs: Record<string, Uint8Array> = {};
  for (const o of record.outputs) {
    const bytes = await blob(o.sha256);
    if (bytes === undefined) return { status: "corrupt", reason: `output ${o.name} is missing` };
    const actual = sha256(bytes);
    if (actual !== o.sha256 || bytes.length !== o.size) {
      return {
        status: "corrupt",
        reason: `output ${o.name} has ${bytes.length} bytes with sha256 ${actual.slice(0, 12)}…, ` +
          `recorded ${o.size} bytes with sha256 ${o.sha256.slice(0, 12)}…`,
      };
    }
    outputs[o.name] = bytes;
  }
  return {
    status: "hit",
    entry: {
      key,
      outputs,
      meta: record.meta,
      ...(record.detail === undefined ? {} : { detail: record.detail }),
    },
  };
}

async function readOrUndefined(path: string): Promise<Uint8Array | undefined> {
  try {
    return await Deno.readFile(path);
  } catch (e) {
    if (e instanceof Deno.errors.NotFound) return undefined;
    throw e;
  }
}

/** What `dissolve cache verify` found. */
export interface VerifyReport {
  entries: number;
  bad: { key: string; reason: string }[];
}

/** What `dissolve cache gc` did. */
export interface GcReport {
  bytesBefore: number;
  bytesAfter: number;
  entriesRemoved: number;
  blobsRemoved: number;
}

/**
 * The cache directory (`build/.cache`).
 *
 * @example
 * ```ts
 * import { StageCache } from "./cache.ts";
 * const cache = new StageCache(await Deno.makeTempDir());
 * console.log((await cache.get("00ff")).status); // "miss"
 * ```
 */
export class StageCache {
  constructor(readonly dir: string) {}

  private acPath(key: string): string {
    return join(this.dir, "ac", key.slice(0, 2), key);
  }

  private casPath(sha: string): string {
    return join(this.dir, "cas", sha.slice(0, 2), sha);
  }

  /** The verified entry for `key`. */
  async get(key: string): Promise<Lookup> {
    const record = await readOrUndefined(this.acPath(key));
    if (record === undefined) return { status: "miss" };
    const found = await decodeEntry(
      key,
      new TextDecoder().decode(record),
      (sha) => readOrUndefined(this.casPath(sha)),
    );
    if (found.status === "hit") {
      // Recency for gc: a hit is a use.
      const now = new Date();
      await Deno.utime(this.acPath(key), now, now).catch(() => {});
    }
    return found;
  }

  /** Stores an entry: blobs first, the record last, so a partial entry is never a hit. */
  async put(entry: CacheEntry): Promise<void> {
    for (const bytes of Object.values(entry.outputs)) {
      const path = this.casPath(sha256(bytes));
      const existing = await readOrUndefined(path);
      if (existing === undefined || sha256(existing) !== sha256(bytes)) {
        await writeAtomic(path, bytes);
      }
    }
    await writeAtomic(this.acPath(entry.key), JSON.stringify(entryRecord(entry)));
  }

  /** Removes the record for `key` (its blobs go at the next gc if nothing else uses them). */
  async drop(key: string): Promise<void> {
    await Deno.remove(this.acPath(key)).catch(() => {});
  }

  private async *records(): AsyncGenerator<{ key: string; path: string; info: Deno.FileInfo }> {
    const ac = join(this.dir, "ac");
    let shards: Deno.DirEntry[] = [];
    try {
      shards = await Array.fromAsync(Deno.readDir(ac));
    } catch {
      return;
    }
    for (const shard of shards.filter((s) => s.isDirectory)) {
      for await (const e of Deno.readDir(join(ac, shard.name))) {
        if (!e.isFile || e.name.startsWith(".")) continue;
        const path = join(ac, shard.name, e.name);
        yield { key: e.name, path, info: await Deno.stat(path) };
      }
    }
  }

  /** Checks every entry and drops the ones that fail. */
  async verify(): Promise<VerifyReport> {
    const report: VerifyReport = { entries: 0, bad: [] };
    for await (const r of this.records()) {
      report.entries++;
      const found = await this.get(r.key);
      if (found.status === "corrupt") {
        report.bad.push({ key: r.key, reason: found.reason });
        await this.drop(r.key);
      }
    }
    for await (const blob of this.blobs()) {
      const bytes = await Deno.readFile(blob.path);
      if (sha256(bytes) !== blob.sha) {
        report.bad.push({ key: `cas/${blob.sha}`, reason: "the blob does not hash to its name" });
        await Deno.remove(blob.path).catch(() => {});
      }
    }
    return report;
  }

  private async *blobs(): AsyncGenerator<{ sha: string; path: string; size: number }> {
    const cas = join(this.dir, "cas");
    let shards: Deno.DirEntry[] = [];
    try {
      shards = await Array.fromAsync(Deno.readDir(cas));
    } catch {
      return;
    }
    for (const shard of shards.filter((s) => s.isDirectory)) {
      for await (const e of Deno.readDir(join(cas, shard.name))) {
        if (!e.isFile || e.name.startsWith(".")) continue;
        const path = join(cas, shard.name, e.name);
        yield { sha: e.name, path, size: (await Deno.stat(path)).size };
      }
    }
  }

  /**
   * Bounds the cache to `maxBytes`: drops least recently used entries until
   * the blobs the rest reference fit, then deletes unreferenced blobs.
   */
  async gc(maxBytes: number): Promise<GcReport> {
    const entries: { key: string; path: string; used: number; size: number; blobs: string[] }[] =
      [];
    for await (const r of this.records()) {
      let blobs: string[] = [];
      try {
        blobs = (JSON.parse(await Deno.readTextFile(r.path)) as EntryRecord).outputs.map((o) =>
          o.sha256
        );
      } catch {
        // unreadable record: no blobs keep it, it goes first
      }
      entries.push({
        key: r.key,
        path: r.path,
        used: r.info.mtime?.getTime() ?? 0,
        size: r.info.size,
        blobs,
      });
    }
    const blobSize = new Map<string, number>();
    for await (const b of this.blobs()) blobSize.set(b.sha, b.size);
    const total = (kept: typeof entries) => {
      const shas = new Set(kept.flatMap((e) => e.blobs));
      let n = kept.reduce((s, e) => s + e.size, 0);
      for (const s of shas) n += blobSize.get(s) ?? 0;
      return n;
    };
    const bytesBefore = [...blobSize.values()].reduce((a, b) => a + b, 0) +
      entries.reduce((s, e) => s + e.size, 0);
    entries.sort((a, b) => b.used - a.used); // most recent first
    let kept = entries;
    while (kept.length > 0 && total(kept) > maxBytes) kept = kept.slice(0, -1);
    const keptKeys = new Set(kept.map((e) => e.key));
    let entriesRemoved = 0, blobsRemoved = 0;
    for (const e of entries) {
      if (keptKeys.has(e.key)) continue;
      await Deno.remove(e.path).catch(() => {});
      entriesRemoved++;
    }
    const referenced = new Set(kept.flatMap((e) => e.blobs));
    for (const sha of blobSize.keys()) {
      if (referenced.has(sha)) continue;
      await Deno.remove(this.casPath(sha)).catch(() => {});
      blobsRemoved++;
    }
    return { bytesBefore, bytesAfter: total(kept), entriesRemoved, blobsRemoved };
  }
}
