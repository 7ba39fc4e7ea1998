/**
 * A two-component pipeline small enough to build in a few seconds (one
 * board, tiny arena): the project the runner and cache tests build, written
 * into a fresh directory each time.
 *
 * @module
 */
import { definePipeline } from "../../pipeline/define.ts";
import type { Pipeline } from "../../pipeline/format.ts";
import { PlainReporter } from "../../pipeline/report.ts";

/** The app component: returns "ok" from the arena. */
export const APP_C = `#include <stdint.h>
__attribute__((import_module("env"), import_name("__cabi_arena_realloc")))
void *__cabi_arena_realloc(void *, uint32_t, uint32_t, uint32_t);
static uint32_t ret[2];
__attribute__((export_name("run"))) uint32_t *run(void) {
  char *s = __cabi_arena_realloc(0, 0, 1, 2);
  s[0] = 'o'; s[1] = 'k';
  ret[0] = (uint32_t)s; ret[1] = 2; return ret;
}`;
/** The library component. */
export const LIB_C = `#include <stdint.h>
__attribute__((export_name("t:p/lib#twice"))) uint32_t twice(uint32_t x) { return 2 * x; }`;
const WIT = `package t:p;
interface lib { twice: func(x: u32) -> u32; }
world app { export run: func() -> string; }
world lib-provider { export lib; }`;

/** A reporter that prints nothing and remembers the info lines (warnings). */
export class QuietReporter extends PlainReporter {
  readonly lines: string[] = [];
  override stage() {}
  override info(_pipeline: string, line: string) {
    this.lines.push(line);
  }
}

/**
 * Writes the project into `dir` (a new temporary directory by default).
 *
 * @example
 * ```ts
 * import { tinyProject } from "./tiny_pipeline.ts";
 * const { dir, pipeline } = await tinyProject();
 * console.log(dir, pipeline.name);
 * ```
 */
export async function tinyProject(
  dir?: string,
): Promise<{ dir: string; pipeline: Pipeline; buildRoot: string }> {
  dir ??= await Deno.makeTempDir({ prefix: "dissolve-tiny-" });
  await Deno.mkdir(dir, { recursive: true });
  await Deno.writeTextFile(`${dir}/app.c`, APP_C);
  await Deno.writeTextFile(`${dir}/lib.c`, LIB_C);
  await Deno.writeTextFile(`${dir}/p.wit`, WIT);
  const pipeline = definePipeline({
    pipeline: { name: "t" },
    component: [
      { name: "lib", sources: ["lib.c"], wit: "p.wit", world: "lib-provider" },
      { name: "app", sources: ["app.c"], wit: "p.wit", world: "app" },
    ],
    fuse: { "arena-bytes": 256 },
    synth: { entry: "run", boards: ["lm3s6965evb"] },
    run: { "expect-output": "ok\n" },
  }, dir);
  return { dir, pipeline, buildRoot: `${dir}/build` };
}
