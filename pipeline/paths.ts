/**
 * Where a pipeline's files may live: inside the pipeline file's directory or
 * a root it names (`[pipeline] source-roots`), relative, existing and
 * readable by the task.
 *
 * @module
 */
import { dirname, isAbsolute, relative, resolve } from "node:path";
import { PipelineError } from "./errors.ts";

/** Where a pipeline's files may live: its own directory, and the roots it names. */
export interface Roots {
  base: string;
  extra: string[];
}

/**
 * Checks that `x` (at key path `at` of `file`) is a relative path inside one
 * of `roots` and exists; throws a {@linkcode PipelineError} with the remedy.
 *
 * @example
 * ```ts
 * import { checkPath } from "./paths.ts";
 * checkPath("dissolve.toml", "component[0].wit", "hello.wit", { base: "examples/hello", extra: [] });
 * ```
 */
export function checkPath(file: string, at: string, x: string, roots: Roots): void {
  if (isAbsolute(x)) {
    throw new PipelineError(
      file,
      at,
      `"${x}" is an absolute path; paths are relative to the pipeline file's directory\n` +
        `  remedy: give a relative path, and name any other directory in [pipeline] source-roots`,
    );
  }
  const full = resolve(roots.base, x);
  const inside = (root: string) => {
    const r = relative(root, full);
    return r === "" || (!r.startsWith("..") && !isAbsolute(r));
  };
  if (!inside(roots.base) && !roots.extra.some(inside)) {
    throw new PipelineError(
      file,
      at,
      `"${x}" is outside the pipeline's directory (${roots.base})\n` +
        `  remedy: move it into the project, or allow its directory explicitly: ` +
        `[pipeline] source-roots = ["${relative(roots.base, dirname(full))}"]`,
    );
  }
  try {
    Deno.statSync(full);
  } catch (e) {
    if (e instanceof Deno.errors.NotCapable) {
      throw new PipelineError(
        file,
        at,
        `"${x}" cannot be read: the task's --allow-read does not include ${dirname(full)}\n` +
          `  remedy: keep sources inside the project, or add the directory to --allow-read`,
      );
    }
    throw new PipelineError(file, at, `file "${x}" does not exist (looked in ${roots.base})`);
  }
}
