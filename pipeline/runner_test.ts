import { assert, assertEquals, assertRejects } from "../test/support/assert.ts";
import { definePipeline } from "./define.ts";
import { runPipeline, StageError } from "./runner.ts";
import { PlainReporter } from "./report.ts";
import { writeAtomic } from "./atomic.ts";

const quiet = new (class extends PlainReporter {
  override stage() {}
  override info() {}
})();

const APP_C = `#include <stdint.h>
__attribute__((import_module("env"), import_name("__cabi_arena_realloc")))
void *__cabi_arena_realloc(void *, uint32_t, uint32_t, uint32_t);
static uint32_t ret[2];
__attribute__((export_name("run"))) uint32_t *run(void) {
  char *s = __cabi_arena_realloc(0, 0, 1, 2);
  s[0] = 'o'; s[1] = 'k';
  ret[0] = (uint32_t)s; ret[1] = 2; return ret;
}`;
const LIB_C = `#include <stdint.h>
__attribute__((export_name("t:p/lib#twice"))) uint32_t twice(uint32_t x) { return 2 * x; }`;
const WIT = `package t:p;
interface lib { twice: func(x: u32) -> u32; }
world app { export run: func() -> string; }
world lib-provider { export lib; }`;

async function project() {
  const dir = await Deno.makeTempDir({ prefix: "dissolve-runner-" });
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

Deno.test("runner: a second run reuses every stage; touching one source rebuilds only its dependents", async () => {
  const { dir, pipeline, buildRoot } = await project();
  try {
    const first = await runPipeline(pipeline, { buildRoot, reporter: quiet });
    assert(first.stages.every((s) => !s.cached));
    assertEquals(first.runs.lm3s6965evb.stdout, "ok\n");
    const second = await runPipeline(pipeline, { buildRoot, reporter: quiet });
    assert(second.stages.every((s) => s.cached), "all cached");
    // Change lib.c: gale:lib reruns, gale:app is reused.
    await Deno.writeTextFile(`${dir}/lib.c`, LIB_C.replace("2 * x", "3 * x"));
    const third = await runPipeline(pipeline, { buildRoot, reporter: quiet });
    const byId = Object.fromEntries(third.stages.map((s) => [s.id, s.cached]));
    assertEquals(byId["gale:app"], true);
    assertEquals(byId["gale:lib"], false);
    assertEquals(byId["fuse"], false);
    // The manifest lists inputs, outputs and tools with hashes.
    const manifest = JSON.parse(await Deno.readTextFile(`${buildRoot}/t/manifest.json`));
    assertEquals(manifest.stages.length, third.stages.length);
    assert(manifest.stages[0].outputs[0].sha256.length === 64);
    assert(manifest.tools.some((t: { name: string }) => t.name === "arm-none-eabi-gcc"));
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("runner: two builds from clean give identical ELF bytes", async () => {
  const { dir, pipeline } = await project();
  try {
    const a = await runPipeline(pipeline, { buildRoot: `${dir}/a`, reporter: quiet });
    const b = await runPipeline(pipeline, { buildRoot: `${dir}/b`, reporter: quiet });
    const elfA = await Deno.readFile(`${a.outDir}/lm3s6965evb/firmware.elf`);
    const elfB = await Deno.readFile(`${b.outDir}/lm3s6965evb/firmware.elf`);
    assertEquals(elfA, elfB);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("runner: a failing stage names itself and leaves no artifact", async () => {
  const { dir, pipeline, buildRoot } = await project();
  try {
    await Deno.writeTextFile(`${dir}/app.c`, "this is not C");
    const e = await assertRejects(
      () => runPipeline(pipeline, { buildRoot, reporter: quiet }),
      StageError,
    );
    assert(e.message.includes("gale:app") && e.message.includes("clang"), e.message);
    const left: string[] = [];
    try {
      for await (const f of Deno.readDir(`${buildRoot}/t/components`)) left.push(f.name);
    } catch {
      // no components directory at all: nothing was left behind
    }
    assert(!left.some((n) => n.startsWith("app")), `no app artifact left: ${left}`);
    assert(!left.some((n) => n.endsWith(".tmp")), "no temp files left");
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("atomic writes leave either the old or the new file, never a temp", async () => {
  const dir = await Deno.makeTempDir();
  try {
    await writeAtomic(`${dir}/a/b.txt`, "one");
    await writeAtomic(`${dir}/a/b.txt`, "two");
    assertEquals(await Deno.readTextFile(`${dir}/a/b.txt`), "two");
    const names = [];
    for await (const e of Deno.readDir(`${dir}/a`)) names.push(e.name);
    assertEquals(names, ["b.txt"]);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});
