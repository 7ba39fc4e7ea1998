/**
 * Whole generations: a build's outputs replace `build/<pipeline>/` only when
 * every stage has passed, so the directory is always exactly one successful
 * build (with the manifest that describes it), never a mix of two.
 *
 * A generation holds its artifacts until it commits; then it writes them
 * into a private staging directory and swaps that in with two renames. A
 * build whose artifacts are byte for byte what the directory already holds
 * (a warm no-op) writes nothing: `commit` verifies the directory instead.
 *
 * @module
 */
import { dirname, isAbsolute, join, relative, resolve } from "node:path";

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
  #artifacts = new Map<string, Uint8Array>();

  private constructor(readonly outDir: string, readonly buildRoot: string, readonly name: string) {}

  /** Starts a generation of `build/<name>` under `buildRoot`. */
  static begin(buildRoot: string, name: string): Promise<Generation> {
    return Promise.resolve(new Generation(join(buildRoot, name), buildRoot, name));
  }

  /** Adds one artifact (path relative to the pipeline's build directory). */
  write(path: string, data: Uint8Array | string): Promise<void> {
    const full = resolve(this.outDir, path);
    if (relative(this.outDir, full).startsWith("..") || isAbsolute(path)) {
      throw new Error(
        `artifact path "${path}" would land outside the build directory (a Dissolve bug)`,
      );
    }
    this.#artifacts.set(
      relative(this.outDir, full),
      typeof data === "string" ? new TextEncoder().encode(data) : data,
    );
    return Promise.resolve();
  }

  /**
   * Whether the build directory holds exactly these artifacts, byte for byte
   * (every file read and compared; nothing else in it), leaving aside the
   * paths in `except`.
   */
  async matchesDirectory(except: string[] = []): Promise<boolean> {
    const want = [...this.#artifacts.keys()].filter((p) => !except.includes(p));
    let found: string[];
    try {
      found = (await listFiles(this.outDir)).filter((p) => !except.includes(p));
    } catch {
      return false;
    }
    if (found.length !== want.length) return false;
    for (const path of want) {
      let bytes: Uint8Array;
      try {
        bytes = await Deno.readFile(join(this.outDir, path));
      } catch {
        return false;
      }
      if (!equalBytes(bytes, this.#artifacts.get(path)!)) return false;
    }
    return true;
  }

  /** Replaces the pipeline's build directory with this generation. */
  async commit(): Promise<void> {
    const staging = join(this.buildRoot, ".staging");
    await Deno.mkdir(staging, { recursive: true });
    const dir = await Deno.makeTempDir({ dir: staging, prefix: `${this.name}-` });
    try {
      // A private directory: plain writes, each folder made once.
      const made = new Set<string>();
      for (const [path, data] of this.#artifacts) {
        const folder = dirname(join(dir, path));
        if (!made.has(folder)) {
          await Deno.mkdir(folder, { recursive: true });
          made.add(folder);
        }
        await Deno.writeFile(join(dir, path), data);
      }
    } catch (e) {
      await Deno.remove(dir, { recursive: true }).catch(() => {});
      throw e;
    }
    const old = `${dir}.old`;
    let hadOld = true;
    try {
      await Deno.rename(this.outDir, old);
    } catch (e) {
      if (!(e instanceof Deno.errors.NotFound)) throw e;
      hadOld = false;
    }
    try {
      await Deno.rename(dir, this.outDir);
    } catch (e) {
      if (hadOld) await Deno.rename(old, this.outDir).catch(() => {});
      throw e;
    }
    if (hadOld) await Deno.remove(old, { recursive: true });
  }

  /** Throws this generation away; the last successful build stays as it was. */
  abandon(): Promise<void> {
    this.#artifacts.clear();
    return Promise.resolve();
  }
}

/** Every file under `dir`, as paths relative to it. */
async function listFiles(dir: string, prefix = ""): Promise<string[]> {
  const out: string[] = [];
  for await (const e of Deno.readDir(join(dir, prefix))) {
    const path = prefix ? `${prefix}/${e.name}` : e.name;
    if (e.isDirectory) out.push(...await listFiles(dir, path));
    else out.push(path);
  }
  return out;
}

function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
