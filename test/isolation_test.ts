/**
 * Isolation domains, checked against an attacker: a component that scans
 * every address it can reach for another component's secret and
 * overwrites it. jco (each component instance its own memory) is the
 * reference; the fused module in V8 and the firmware on every board must
 * agree with it. In one shared memory the attack succeeds: that is what
 * domains are for. And an out-of-bounds access names its component and
 * domain, in QEMU and under V8.
 */
import { assert, assertEquals } from "./support/assert.ts";
import { loadPipelineFile } from "../pipeline/schema.ts";
import { definePipeline } from "../pipeline/define.ts";
import { runPipeline } from "../pipeline/runner.ts";
import type { Pipeline } from "../pipeline/format.ts";
import { PlainReporter } from "../pipeline/report.ts";
import { instantiateFused, readStringAt } from "./support/components.ts";
import { instantiateWithJco, jcoArena } from "./support/jco_host.ts";
import { fuse } from "../stages/fuse/mod.ts";
import { decodeWasm, describeTrap, locateTrap } from "../wasm/mod.ts";
import type { CoreModule } from "../wasm/module/mod.ts";

const quiet = new (class extends PlainReporter {
  override stage() {}
  override info() {}
})();

const ISOLATED = "vault ok; scanned and found nothing; vault ok";
const SHARED = "vault ok; scanned and overwrote the secret; vault CORRUPTED";

function runFused(bytes: Uint8Array): string {
  const { exports, memory } = instantiateFused(bytes);
  return readStringAt(memory, (exports.run as () => number)());
}

Deno.test("isolation: the scanner cannot reach the vault across domains (jco = fused in V8 = QEMU on every board); in one shared memory it can", async () => {
  const pipeline = await loadPipelineFile("examples/isolation/dissolve.toml") as Pipeline;
  const buildRoot = await Deno.makeTempDir({ prefix: "dissolve-isolation-" });
  try {
    const result = await runPipeline(pipeline, { buildRoot, reporter: quiet });
    const read = (n: string) => Deno.readFile(`${result.outDir}/components/${n}.component.wasm`);
    const arena = { "cabi-arena-realloc": { default: jcoArena() } };
    const vault = await instantiateWithJco("vault", await read("vault"), arena);
    const scanner = await instantiateWithJco("scanner", await read("scanner"), {
      ...arena,
      "dissolve:isolation/vault": vault.vault ?? vault["dissolve:isolation/vault"],
    });
    assertEquals((scanner.run as () => string)(), ISOLATED, "jco: unfused, the reference");
    assertEquals(runFused(await Deno.readFile(`${result.outDir}/fused.wasm`)), ISOLATED);
    for (const board of pipeline.synth.boards) {
      assertEquals(result.runs[board].stdout, `${ISOLATED}\n`, `QEMU on ${board}`);
    }
    // The same components in one shared memory: the scanner finds the secret and overwrites it.
    const components = [
      { name: "vault", bytes: await read("vault") },
      { name: "scanner", bytes: await read("scanner") },
    ];
    const shared = await fuse(components, { memory: "shared", arenaBytes: 256 });
    assertEquals(runFused(shared.module), SHARED, "V8, one shared memory");
    const oneDomain = await fuse(components, {
      domains: [{ name: "all", components: ["vault", "scanner"] }],
      arenaBytes: 256,
    });
    assertEquals(runFused(oneDomain.module), SHARED, "V8, both components in one domain");
    const board = "stm32vldiscovery";
    const sharedBuild = await runPipeline(
      {
        ...pipeline,
        name: "isolation-shared",
        fuse: { ...pipeline.fuse, memory: "shared" },
        synth: { ...pipeline.synth, boards: [board] },
        run: { ...pipeline.run, expectOutput: `${SHARED}\n` },
      },
      { buildRoot, reporter: quiet },
    );
    assertEquals(sharedBuild.runs[board].stdout, `${SHARED}\n`, `QEMU on ${board}, shared`);
  } finally {
    await Deno.remove(buildRoot, { recursive: true });
  }
});

Deno.test("isolation: an out-of-bounds store names its component and domain, in QEMU and under V8", async () => {
  const dir = await Deno.makeTempDir({ prefix: "dissolve-oob-" });
  try {
    for (const f of ["vault.c", "isolation.wit"]) {
      await Deno.copyFile(`examples/isolation/${f}`, `${dir}/${f}`);
    }
    await Deno.writeTextFile(
      `${dir}/prober.wit`,
      "package dissolve:prober;\nworld prober {\n  export run: func() -> string;\n}\n",
    );
    await Deno.writeTextFile(
      `${dir}/prober.c`,
      `#include "prober.h"
void exports_prober_run(prober_string_t *ret) {
  *(volatile uint32_t *)0x30000 = 1; /* far above its domain's memory */
  prober_string_set(ret, "unreachable");
}
`,
    );
    const expected = 'dissolve: trap: out-of-bounds store in component "prober" (domain prober) ' +
      "at 0x30000\n";
    const boards = ["lm3s6965evb", "microbit", "mps2-an386", "mps2-an505", "sifive_e"];
    const p = definePipeline({
      pipeline: { name: "oob" },
      component: [
        { name: "vault", sources: ["vault.c"], wit: "isolation.wit", world: "vault-provider" },
        { name: "prober", sources: ["prober.c"], wit: "prober.wit", world: "prober" },
      ],
      fuse: { memory: "domains", "arena-bytes": 256 },
      synth: { entry: "run", boards },
      run: { "expect-output": expected, "expect-exit-code": 2 },
    }, dir);
    const result = await runPipeline(p, { buildRoot: `${dir}/build`, reporter: quiet });
    for (const board of boards) assertEquals(result.runs[board].stdout, expected, board);
    const fused = await Deno.readFile(`${result.outDir}/fused.wasm`);
    let trapped: unknown;
    try {
      runFused(fused);
    } catch (e) {
      trapped = e;
    }
    const site = locateTrap(trapped, decodeWasm(fused) as CoreModule);
    assert(site, `V8 trapped with a wasm frame: ${trapped}`);
    assertEquals([site.component, site.domain], ["prober", "prober"]);
    assert(
      describeTrap(site).startsWith(
        'dissolve: trap: memory access out of bounds in component "prober" (domain prober), in prober/',
      ),
      describeTrap(site),
    );
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});
