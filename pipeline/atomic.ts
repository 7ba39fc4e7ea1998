/**
 * Atomic file writes: a temp file in the same directory, then rename, so a
 * reader never sees half an artifact and a failed stage leaves none.
 *
 * @module
 */
import { basename, dirname } from "node:path";

/**
 * Writes `data` to `path` atomically, creating the directory if needed.
 *
 * @example
 * ```ts
 * import { writeAtomic } from "./atomic.ts";
 * await writeAtomic("build/x/manifest.json", "{}\n");
 * ```
 */
export async function writeAtomic(path: string, data: Uint8Array | string): Promise<void> {
  await Deno.mkdir(dirname(path), { recursive: true });
  const tmp = `${dirname(path)}/.${basename(path)}.${crypto.randomUUID()}.tmp`;
  try {
    if (typeof data === "string") await Deno.writeTextFile(tmp, data);
    else await Deno.writeFile(tmp, data);
    await Deno.rename(tmp, path);
  } catch (e) {
    await Deno.remove(tmp).catch(() => {});
    throw e;
  }
}
