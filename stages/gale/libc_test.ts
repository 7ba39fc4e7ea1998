import { assert, assertEquals, assertRejects } from "../../test/support/assert.ts";
import { QuietReporter } from "../../test/support/tiny_pipeline.ts";
import { definePipeline } from "../../pipeline/define.ts";
import { runPipeline, StageError } from "../../pipeline/runner.ts";

const WIT = `package t:p;
world app { export run: func() -> string; }`;

/** A one-component pipeline whose C source is `body` inside `run()`, compiled against wasi-libc. */
async function libcProject(body: string) {
  const dir = await Deno.makeTempDir({ prefix: "dissolve-libc-" });
  await Deno.writeTextFile(
    `${dir}/app.c`,
    `#include <math.h>
#include <time.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <stdint.h>
static char buf[96];
static uint32_t ret[2];
__attribute__((export_name("run"))) uint32_t *run(void) {
${body}
  ret[0] = (uint32_t)buf; ret[1] = (uint32_t)strlen(buf); return ret;
}`,
  );
  await Deno.writeTextFile(`${dir}/p.wit`, WIT);
  const pipeline = definePipeline({
    pipeline: { name: "libc" },
    component: [{ name: "app", sources: ["app.c"], wit: "p.wit", world: "app", libc: "wasi" }],
    fuse: { "arena-bytes": 0 },
    synth: { entry: "run", boards: ["lm3s6965evb"] },
  }, dir);
  return { dir, pipeline };
}

Deno.test("libc = wasi: snprintf, strlen, strtol and <math.h> build, fuse and boot", async () => {
  const { dir, pipeline } = await libcProject(`
  long n = strtol("  -1234xyz", NULL, 10);
  char word[16]; strcpy(word, "dissolve");
  snprintf(buf, sizeof buf, "%s:%zu n=%ld hex=%#x root=%d floor=%d", word, strlen(word), n,
           255, (int)sqrt(1369.0), (int)floor(-2.5));`);
  try {
    const r = await runPipeline(pipeline, {
      buildRoot: `${dir}/build`,
      reporter: new QuietReporter(),
    });
    assertEquals(r.runs.lm3s6965evb.stdout, "dissolve:8 n=-1234 hex=0xff root=37 floor=-3\n");
    // No WASI import and no memory.grow made it into the firmware's module.
    const fused = await Deno.readFile(`${r.outDir}/fused.wasm`);
    const imports = WebAssembly.Module.imports(new WebAssembly.Module(fused));
    assert(imports.every((i) => i.module === "env"), JSON.stringify(imports));
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("libc = wasi: malloc fails at the gate, naming the chain that pulled in memory.grow", async () => {
  const { dir, pipeline } = await libcProject(`
  char *copy = malloc(32);
  strcpy(copy, "heap"); snprintf(buf, sizeof buf, "%s", copy);`);
  try {
    const e = await assertRejects(
      () => runPipeline(pipeline, { buildRoot: `${dir}/build`, reporter: new QuietReporter() }),
      StageError,
    );
    for (
      const part of [
        "gale:app",
        "app.core.wasm",
        "grow-free",
        "memory.grow in sbrk",
        `export "run" →`,
        "→ run → malloc →",
        "remedy: allocate from the embedder arena",
      ]
    ) assert(e.message.includes(part), `${part} in:\n${e.message}`);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("libc = wasi: a WASI import (time) fails at the gate with its chain", async () => {
  const { dir, pipeline } = await libcProject(`
  snprintf(buf, sizeof buf, "%lld", (long long)time(NULL));`);
  try {
    const e = await assertRejects(
      () => runPipeline(pipeline, { buildRoot: `${dir}/build`, reporter: new QuietReporter() }),
      StageError,
    );
    assert(e.message.includes("wasi_snapshot_preview1::clock_time_get"), e.message);
    assert(e.message.includes(`export "run" →`) && e.message.includes("→ run → time →"), e.message);
    assert(e.message.includes("no WASI host"), e.message);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});
