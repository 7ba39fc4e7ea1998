/**
 * Each isolation domain's shadow stack is bounded at build time: a domain
 * whose stack is set below its proven need fails at synth's gate, naming
 * the chain; left unset, fuse sizes every domain's stack from the bound (an
 * arena's cursor is not taken for a stack: it grows up from 0).
 */
import { assert, assertEquals, assertRejects } from "./support/assert.ts";
import { definePipeline } from "../pipeline/define.ts";
import { runPipeline } from "../pipeline/runner.ts";
import { QuietReporter } from "./support/tiny_pipeline.ts";

const APP_C = `#include <stdint.h>
__attribute__((import_module("env"), import_name("__cabi_arena_realloc")))
void *__cabi_arena_realloc(void *, uint32_t, uint32_t, uint32_t);
__attribute__((import_module("t:p/lib"), import_name("sum"))) uint32_t sum(uint32_t n);
static uint32_t ret[2];
__attribute__((export_name("run"))) uint32_t *run(void) {
  char *s = __cabi_arena_realloc(0, 0, 1, 2);
  uint32_t v = sum(40);
  s[0] = (char)('0' + v / 10 % 10); s[1] = (char)('0' + v % 10);
  ret[0] = (uint32_t)s; ret[1] = 2; return ret;
}`;

/** A frame of 64 words on the lib domain's stack. */
const LIB_C = `#include <stdint.h>
__attribute__((noinline)) static uint32_t fill(volatile uint32_t *b, uint32_t n) {
  for (uint32_t i = 0; i < 64; i++) b[i] = i * n;
  uint32_t s = 0; for (uint32_t i = 0; i < 64; i++) s += b[i] & 1; return s;
}
__attribute__((export_name("t:p/lib#sum"))) uint32_t sum(uint32_t n) {
  volatile uint32_t buf[64]; return fill(buf, n) + 10;
}`;

const WIT = `package t:p;
interface lib { sum: func(n: u32) -> u32; }
world app { import lib; export run: func() -> string; }
world lib-provider { export lib; }`;

async function project(libStack?: number) {
  const dir = await Deno.makeTempDir({ prefix: "dissolve-domain-stack-" });
  await Deno.writeTextFile(`${dir}/app.c`, APP_C);
  await Deno.writeTextFile(`${dir}/lib.c`, LIB_C);
  await Deno.writeTextFile(`${dir}/p.wit`, WIT);
  const pipeline = definePipeline({
    pipeline: { name: "domain-stack" },
    component: [
      { name: "lib", sources: ["lib.c"], wit: "p.wit", world: "lib-provider" },
      { name: "app", sources: ["app.c"], wit: "p.wit", world: "app" },
    ],
    domain: [
      { name: "lib", components: ["lib"], ...(libStack ? { "stack-bytes": libStack } : {}) },
      { name: "app", components: ["app"] },
    ],
    fuse: { "arena-bytes": 256 },
    synth: { entry: "run", boards: ["lm3s6965evb"] },
    run: { "expect-output": "10\n" },
  }, dir);
  return { pipeline, buildRoot: `${dir}/build` };
}

Deno.test("domain stacks: a domain's stack below its proven need fails at synth's gate, naming the chain and the size", async () => {
  const { pipeline, buildRoot } = await project(64);
  const e = await assertRejects(
    () => runPipeline(pipeline, { buildRoot, reporter: new QuietReporter() }),
    Error,
  );
  const message = e.message;
  assert(/a wasm shadow stack of at most 64 B/.test(message), message);
  assert(/a call chain that needs \d+ B: run/.test(message), message);
  assert(/\[\[domain\]\]'s stack-bytes = 256 or more/.test(message), message);
});

Deno.test("domain stacks: left unset, each domain's stack is sized from its bound, and the firmware runs", async () => {
  const { pipeline, buildRoot } = await project();
  const result = await runPipeline(pipeline, { buildRoot, reporter: new QuietReporter() });
  assertEquals(result.runs["lm3s6965evb"].stdout, "10\n");
  const wasm = result.sizes["lm3s6965evb"].stackBounds?.wasm;
  // The lib domain's 64-word frame, not the app's arena cursor (which grows up from 0).
  assert(wasm && wasm.bytes >= 256 && wasm.bytes < 1024, JSON.stringify(wasm));
});
