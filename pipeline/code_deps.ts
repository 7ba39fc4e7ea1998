/**
 * A stage's code, derived from its module's import graph: every file the
 * module imports, transitively (static and dynamic `import`, `export …
 * from`), every file or folder it opens through `new URL("…",
 * import.meta.url)` (the synth BSP, for one), and the version of every npm
 * package on the way. A change to any of them changes the stage's cache
 * key, so no list is kept by hand and none can go stale.
 *
 * Paths are relative to the project root, so two checkouts of one commit
 * derive the same hash.
 *
 * @module
 */
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { sha256, stableJson } from "./hash.ts";

/** What a module's code is made of. */
export interface CodeDeps {
  /** Project files (relative to the root, sorted) with their sha256. */
  files: { path: string; sha256: string }[];
  /** npm packages reached by bare specifiers, with their installed versions. */
  packages: { name: string; version: string }[];
  /** One hash of all of it. */
  hash: string;
}

const SPECIFIER = new RegExp(
  [
    String.raw`\bfrom\s*["']([^"']+)["']`,
    String.raw`\bimport\s*\(\s*["']([^"']+)["']\s*\)`,
    String.raw`\bimport\s+["']([^"']+)["']`,
    String.raw`new\s+URL\(\s*["']([^"']+)["']\s*,\s*import\.meta\.url\s*\)`,
  ].join("|"),
  "g",
);

/** The specifiers a module's source names (imports, re-exports, `new URL(…, import.meta.url)`). */
export function specifiersOf(source: string): string[] {
  const out: string[] = [];
  for (const m of source.matchAll(SPECIFIER)) out.push(m[1] ?? m[2] ?? m[3] ?? m[4]);
  return out;
}

function packageName(spec: string): string {
  const parts = spec.split("/");
  return spec.startsWith("@") ? parts.slice(0, 2).join("/") : parts[0];
}

async function statOrUndefined(path: string): Promise<Deno.FileInfo | undefined> {
  try {
    return await Deno.stat(path);
  } catch {
    return undefined;
  }
}

/**
 * Derives the code of the module at `entry` (a file URL or path) relative
 * to `root`.
 *
 * @example
 * ```ts
 * import { codeDeps } from "./code_deps.ts";
 * const deps = await codeDeps(new URL("../stages/loom/stage.ts", import.meta.url));
 * console.log(deps.files.map((f) => f.path), deps.packages);
 * ```
 */
export async function codeDeps(
  entry: URL | string,
  root: string = fileURLToPath(new URL("../", import.meta.url)),
): Promise<CodeDeps> {
  const files = new Map<string, string>();
  const packages = new Map<string, string>();
  const seen = new Set<string>();

  const addFile = async (abs: string) => {
    files.set(relative(root, abs), sha256(await Deno.readFile(abs)));
  };
  const addTree = async (dir: string) => {
    for await (const e of Deno.readDir(dir)) {
      const p = join(dir, e.name);
      if (e.isDirectory) await addTree(p);
      else if (e.isFile) await addFile(p);
    }
  };
  const addPackage = async (spec: string) => {
    const name = packageName(spec);
    if (packages.has(name)) return;
    let version = "not installed";
    try {
      version =
        JSON.parse(await Deno.readTextFile(join(root, "node_modules", name, "package.json")))
          .version;
    } catch {
      // reported as "not installed": the module would not load either
    }
    packages.set(name, version);
  };
  const visit = async (abs: string): Promise<void> => {
    if (seen.has(abs)) return;
    seen.add(abs);
    const info = await statOrUndefined(abs);
    if (!info) return; // a specifier in a doc example that names no file
    if (info.isDirectory) return await addTree(abs);
    await addFile(abs);
    if (!/\.[cm]?[jt]sx?$/.test(abs)) return;
    for (const spec of specifiersOf(await Deno.readTextFile(abs))) {
      if (spec.startsWith("node:") || spec.startsWith("http:") || spec.startsWith("https:")) {
        continue; // the runtime's own modules: Deno's version is part of every key
      }
      if (spec.startsWith("npm:")) await addPackage(spec.slice(4).replace(/@[^/]*$/, ""));
      else if (spec.startsWith(".") || spec.startsWith("/")) {
        const target = resolve(dirname(abs), spec);
        if (!target.endsWith("_test.ts")) await visit(target);
      } else await addPackage(spec);
    }
  };
  await visit(entry instanceof URL ? fileURLToPath(entry) : resolve(entry));

  const sortedFiles = [...files].sort(([a], [b]) => a < b ? -1 : a > b ? 1 : 0)
    .map(([path, hash]) => ({ path, sha256: hash }));
  const sortedPackages = [...packages].sort(([a], [b]) => a < b ? -1 : a > b ? 1 : 0)
    .map(([name, version]) => ({ name, version }));
  return {
    files: sortedFiles,
    packages: sortedPackages,
    hash: sha256(stableJson({ files: sortedFiles, packages: sortedPackages })),
  };
}

/**
 * The code hash of each stage module, computed once per module for as long
 * as the holder keeps it: one build of a workspace hashes each stage's
 * import graph once, not once per pipeline.
 *
 * @example
 * ```ts
 * import { CodeHashes } from "./code_deps.ts";
 * const hashes = new CodeHashes();
 * const url = new URL("../stages/loom/stage.ts", import.meta.url);
 * console.log((await hashes.of(url)) === (await hashes.of(url))); // true, hashed once
 * ```
 */
export class CodeHashes {
  #hashes = new Map<string, Promise<string>>();

  /** The hash of `module`'s import graph. */
  of(module: URL): Promise<string> {
    let h = this.#hashes.get(module.href);
    if (!h) {
      h = codeDeps(module).then((d) => d.hash);
      this.#hashes.set(module.href, h);
    }
    return h;
  }
}
