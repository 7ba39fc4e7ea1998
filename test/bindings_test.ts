/**
 * Typed bindings, checked three ways: a provider and a user of every WIT
 * type kind, both written against gale's generated bindings, run unfused
 * under `jco transpile` (wired in JS), as the fused core module in Deno,
 * and as firmware in QEMU; all must report the same. Fused as a component
 * (`--component`), the pair runs under jco the same too.
 */
import { assertEquals } from "./support/assert.ts";
import { loadPipelineFile } from "../pipeline/schema.ts";
import { runPipeline } from "../pipeline/runner.ts";
import type { Pipeline } from "../pipeline/format.ts";
import { PlainReporter } from "../pipeline/report.ts";
import { instantiateFused, readStringAt } from "./support/components.ts";
import { instantiateWithJco, jcoArena } from "./support/jco_host.ts";
import { fuse } from "../stages/fuse/mod.ts";

const quiet = new (class extends PlainReporter {
  override stage() {}
  override info() {}
})();

/** Calls the provider's resource and functions from JS (jco): the answers, as JSON. */
async function exerciseProvider(bytes: Uint8Array, name: string): Promise<string> {
  type Counter = { add(n: number): void; get(): number; [Symbol.dispose](): void };
  const e = await instantiateWithJco(name, bytes, {
    "cabi-arena-realloc": { default: jcoArena() },
  });
  const types = (e.types ?? e["dissolve:every/types"]) as {
    Counter: { new (start: number): Counter; merge(a: Counter, b: Counter): Counter };
  };
  const api = (e.api ?? e["dissolve:every/api"]) as Record<string, (...a: unknown[]) => unknown>;
  const c1 = new types.Counter(5);
  c1.add(3);
  const c2 = api.makeCounter(10) as Counter;
  const c3 = types.Counter.merge(c1, c2);
  const out: unknown[] = [c1.get(), api.readCount(c3)];
  c1[Symbol.dispose]();
  c2[Symbol.dispose]();
  // The provider's destructor ran twice: its counters report it.
  out.push(c3.get(), api.echo("hi"), api.divide(7, 2), api.find([{ x: 1, y: 2, label: "q" }], "q"));
  return JSON.stringify(out);
}

/** Builds `file`'s pipeline and checks jco = fused = QEMU = the expected output. */
async function threeWay(file: string, pipelineName?: string): Promise<void> {
  const loaded = await loadPipelineFile(file);
  const all = Array.isArray(loaded) ? loaded : [loaded];
  const pipeline = (pipelineName ? all.find((p) => p.name === pipelineName) : all[0]) as Pipeline;
  const buildRoot = await Deno.makeTempDir({ prefix: "dissolve-bindings-" });
  try {
    const result = await runPipeline(pipeline, { buildRoot, reporter: quiet });
    const read = (n: string) => Deno.readFile(`${result.outDir}/components/${n}.component.wasm`);
    const arena = { "cabi-arena-realloc": { default: jcoArena() } };
    const provider = await instantiateWithJco("provider", await read("provider"), arena);
    const user = await instantiateWithJco("user", await read("user"), {
      ...arena,
      "dissolve:every/types": provider.types ?? provider["dissolve:every/types"],
      "dissolve:every/api": provider.api ?? provider["dissolve:every/api"],
    });
    const viaJco = (user.run as () => string)();
    const { exports, memory } = instantiateFused(
      await Deno.readFile(`${result.outDir}/fused.wasm`),
    );
    const viaFused = readStringAt(memory, (exports.run as () => number)());
    assertEquals(viaFused, viaJco, "fused module in Deno vs jco");
    const { module: component } = await fuse(
      [{ name: "provider", bytes: await read("provider") }, {
        name: "user",
        bytes: await read("user"),
      }],
      { memory: "shared", component: true },
    );
    const fusedUnderJco = await instantiateWithJco("fused", component, arena);
    assertEquals((fusedUnderJco.run as () => string)(), viaJco, "fused component under jco vs jco");
    // The provider alone exports the counter resource type: fused as a component, it defines
    // that type itself (destructor included), and the host's handles behave as before.
    const providerBytes = await read("provider");
    const { module: alone } = await fuse([{ name: "provider", bytes: providerBytes }], {
      memory: "shared",
      component: true,
    });
    assertEquals(
      await exerciseProvider(alone, "provider-fused"),
      await exerciseProvider(providerBytes, "provider"),
      "the provider, fused as a component, under jco",
    );
    assertEquals(`${viaJco}\n`, pipeline.run.expectOutput);
    for (const board of pipeline.synth.boards) {
      assertEquals(result.runs[board].stdout, `${viaJco}\n`, `QEMU on ${board}`);
    }
  } finally {
    await Deno.remove(buildRoot, { recursive: true });
  }
}

Deno.test("bindings: every WIT type kind in C, provider and user: jco (unfused) = fused module in Deno = QEMU = fused component under jco", async () => {
  await threeWay("test/bindings/dissolve.toml");
});

Deno.test("bindings: every WIT type kind in Rust (no_std), provider and user: jco (unfused) = fused module in Deno = QEMU = fused component under jco", async () => {
  await threeWay("test/bindings/rust.toml");
});

Deno.test("bindings: no example's own component source holds canonical-ABI glue", async () => {
  // Export and import names, return areas and realloc pools belong to the generated bindings.
  const glue =
    /export_name|import_module|import_name|ret_area|cabi_realloc|#\[export_name|wasm_import_module/;
  const offenders: string[] = [];
  for await (const example of Deno.readDir("examples")) {
    const dir = `examples/${example.name}`;
    for await (const f of Deno.readDir(dir)) {
      if (!f.isFile || !/\.(c|h|rs)$/.test(f.name)) continue;
      const text = await Deno.readTextFile(`${dir}/${f.name}`);
      if (glue.test(text)) offenders.push(`${dir}/${f.name}: ${glue.exec(text)![0]}`);
      if (
        /\.(c|rs)$/.test(f.name) &&
        !/#include "\w+\.h"|include!\(concat!\(env!\("DISSOLVE_BINDINGS"\)/.test(text)
      ) {
        offenders.push(`${dir}/${f.name}: does not use the generated bindings`);
      }
    }
  }
  assertEquals(offenders, []);
});
