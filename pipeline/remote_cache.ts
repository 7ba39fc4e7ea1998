/**
 * A remote cache on Bazel's HTTP caching protocol: `GET`/`PUT`
 * `<url>/ac/<key>` for action results and `<url>/cas/<sha256>` for blobs,
 * 404 for a miss. It is what nginx with WebDAV (`dav_methods PUT`),
 * bazel-remote and the ccache / sccache HTTP backends serve, so firmware CI
 * can share the cache it already runs.
 *
 * Our action result is the same verified JSON record the local cache keeps
 * (see `cache.ts`), not Bazel's `ActionResult` protobuf: bazel-remote needs
 * `--disable_http_ac_validation`; nginx and plain WebDAV servers need
 * nothing. Every entry fetched is verified like a local one; a server that
 * fails is reported once and the build goes on without it.
 *
 * @module
 */
import { type CacheEntry, decodeEntry, entryRecord, type Lookup } from "./cache.ts";
import { sha256 } from "./hash.ts";

/** Milliseconds before one request is abandoned. */
const REQUEST_TIMEOUT_MS = 15000;

/**
 * A Bazel HTTP remote cache.
 *
 * @example
 * ```ts
 * import { RemoteCache } from "./remote_cache.ts";
 * const remote = new RemoteCache("http://127.0.0.1:8080/cache");
 * console.log((await remote.get("00".repeat(32))).status);
 * ```
 */
export class RemoteCache {
  /** Why the server was given up on, once it failed. */
  failure: string | undefined;
  readonly url: string;

  constructor(url: string) {
    this.url = url.replace(/\/+$/, "");
  }

  private async request(
    method: "GET" | "PUT",
    path: string,
    body?: Uint8Array,
  ): Promise<Uint8Array | undefined> {
    if (this.failure) return undefined;
    try {
      const res = await fetch(`${this.url}/${path}`, {
        method,
        body: body as BodyInit | undefined,
        headers: body ? { "content-type": "application/octet-stream" } : undefined,
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      });
      if (method === "GET" && res.status === 404) {
        await res.body?.cancel();
        return undefined;
      }
      if (!res.ok) {
        await res.body?.cancel();
        throw new Error(`${method} ${path} answered HTTP ${res.status}`);
      }
      return new Uint8Array(await res.arrayBuffer());
    } catch (e) {
      this.failure = e instanceof Deno.errors.NotCapable
        ? `Deno was not given network access to ${new URL(this.url).host}: add it to ` +
          `--allow-net in the dissolve task (deno.json)`
        : (e as Error).message;
      return undefined;
    }
  }

  /** The verified entry for `key` (a server error counts as a miss and sets {@linkcode failure}). */
  async get(key: string): Promise<Lookup> {
    const record = await this.request("GET", `ac/${key}`);
    if (record === undefined) return { status: "miss" };
    return await decodeEntry(
      key,
      new TextDecoder().decode(record),
      (sha) => this.request("GET", `cas/${sha}`),
    );
  }

  /** Uploads an entry: blobs first, then the record. */
  async put(entry: CacheEntry): Promise<void> {
    for (const bytes of Object.values(entry.outputs)) {
      await this.request("PUT", `cas/${sha256(bytes)}`, bytes);
    }
    await this.request(
      "PUT",
      `ac/${entry.key}`,
      new TextEncoder().encode(JSON.stringify(entryRecord(entry))),
    );
  }
}
