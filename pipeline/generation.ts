/**
 * Whole generations: a build writes into a private staging directory and
 * replaces `build/<pipeline>/` only when every stage has passed, so the
 * directory is always exactly one successful build (with the manifest that
 * describes it), never a mix of two.
 *
 * @module
 */
import { isAbsolute, join, relative, resolve } from "node:path";
import { writeAtomic } from "./atomic.ts";

/**
 * One build's outputs on their way to `build/<pipeline>/`.
 *
 * @example
 * ```ts
 * import { Generation } from "./generation.ts";
 * const root = await Deno.makeTempDir();
 * const g = await Generation.begin(root, "hello");
 * await g.write("fused.wasm", new Uint8Array([0, 97, 115, 109]));
 * await g.commit(); // root/hello/fused.wasm now exists
 * ```
 */
export class Generation {
  private constructor(readonly outDir: string, readonly stagingDir: string) {}

  /** Starts a generation of `build/<name>` under `buildRoot`. */
  static async begin(buildRoot: string, name: string): Promise<Generation> {
    const staging = join(buildRoot, ".staging");
    await Deno.mkdir(staging, { recursive: true });
    const dir = await Deno.makeTempDir({ dir: staging, prefix: `${name}-` });
    return new Generation(join(buildRoot, name), dir);
  }

  /** Writes one artifact (path relative to the pipeline's build directory). */
  async write(path: string, data: Uint8Array | string): Promise<void> {
    const full = resolve(this.stagingDir, path);
    if (relative(this.stagingDir, full).startsWith("..") || isAbsolute(path)) {
      throw new Error(
        `artifact path "${path}" would land outside the build directory (a Dissolve bug)`,
      );
    }
    await writeAtomic(full, data);
  }

  /** Replaces the pipeline's build directory with this generation. */
  async commit(): Promise<void> {
    const old = `${this.stagingDir}.old`;
    let hadOld = true;
    try {
      await Deno.rename(this.outDir, old);
    } catch (e) {
      if (!(e instanceof Deno.errors.NotFound)) throw e;
      hadOld = false;
    }
    try {
      await Deno.rename(this.stagingDir, this.outDir);
    } catch (e) {
      if (hadOld) await Deno.rename(old, this.outDir).catch(() => {});
      throw e;
    }
    if (hadOld) await Deno.remove(old, { recursive: true });
  }

  /** Throws this generation away; the last successful build stays as it was. */
  async abandon(): Promise<void> {
    await Deno.remove(this.stagingDir, { recursive: true }).catch(() => {});
  }
}
