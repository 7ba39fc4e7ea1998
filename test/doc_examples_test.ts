/**
 * Every example in the library's JSDoc runs: `deno test --doc` over its
 * modules, under the test task's own Deno flags (read from deno.json), after
 * building examples/hello — the examples read what `deno task dissolve`
 * builds (`build/hello/…`), as a reader who ran it would.
 */
import { assert } from "./support/assert.ts";

const ROOT = new URL("..", import.meta.url).pathname;
const config = JSON.parse(await Deno.readTextFile(`${ROOT}/deno.json`));
/** The flags of `deno task dissolve` (`deno run <flags> cli.ts`) and of `deno task test`. */
const RUN_FLAGS: string[] = /deno run (.*) tools\/dissolve\.ts/.exec(config.tasks.dissolve)![1]
  .split(" ");
const TEST_FLAGS: string[] = /deno test (.*)$/.exec(config.tasks.test)![1].split(" ");
/** Where the documented modules are (test files hold no examples). */
const DOCUMENTED = ["wasm", "pipeline", "stages", "test/support", "mod.ts", "cli.ts"];

/** The `.ts` modules under `path` (itself, when it is one), test files left out. */
async function modules(path: string): Promise<string[]> {
  if (path.endsWith(".ts")) return [path];
  const out: string[] = [];
  for await (const e of Deno.readDir(`${ROOT}/${path}`)) {
    const p = `${path}/${e.name}`;
    if (e.isDirectory) out.push(...await modules(p));
    else if (e.name.endsWith(".ts") && !e.name.endsWith("_test.ts")) out.push(p);
  }
  return out.sort();
}

/** Runs `deno <args>` in the checkout; its exit code and output (stderr, then stdout). */
async function deno(args: string[]): Promise<{ code: number; output: string }> {
  const { code, stdout, stderr } = await new Deno.Command("deno", {
    args,
    cwd: ROOT,
    env: { NO_COLOR: "1" },
    stdout: "piped",
    stderr: "piped",
  }).output();
  const text = new TextDecoder();
  // Deno writes its progress ("Check …") to stderr and the tests' report to stdout: the report
  // last, so a failure's tail is the failures.
  return { code, output: `${text.decode(stderr)}${text.decode(stdout)}` };
}

Deno.test("doc examples: every example in the library's JSDoc runs", async () => {
  // The examples read hello's artifacts, and byo-os's object for the RTOS seam.
  for (const example of ["hello", "byo-os"]) {
    const toml = `examples/${example}/dissolve.toml`;
    const build = await deno(["run", ...RUN_FLAGS, "cli.ts", "build", toml]);
    assert(build.code === 0, build.output);
  }
  const files: string[] = [];
  for (const path of DOCUMENTED) files.push(...await modules(path));
  const docs = await deno(["test", "--doc", ...TEST_FLAGS, ...files]);
  // On a failure, what deno test reports under ERRORS (each failing example and its error).
  const errors = docs.output.lastIndexOf(" ERRORS ");
  assert(docs.code === 0, docs.output.slice(errors >= 0 ? errors : -4000));
  const passed = Number(/ok \| (\d+) passed/.exec(docs.output)?.[1] ?? 0);
  assert(passed > 150, `only ${passed} examples ran:\n${docs.output.slice(-2000)}`);
});
