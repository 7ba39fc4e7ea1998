/**
 * The fuzz slice CI runs on every build: every saved regression still
 * fails cleanly, a fresh run (60 s by default; DISSOLVE_FUZZ_SECONDS
 * overrides) finds no crash and no invalid output, and a quarter of that
 * compares fuse's validation with wasmparser's (through jco) on mutants.
 */
import { assert, assertEquals } from "../support/assert.ts";
import { buildSeeds, fuzz, replay, summarize } from "./harness.ts";
import { compareWithJco } from "./validation_oracle.ts";

const REGRESSIONS = new URL("./regressions/", import.meta.url).pathname;
const seeds = await buildSeeds();

Deno.test("fuzz: saved reproductions of fixed crashes now end in typed errors", async () => {
  const failures: string[] = [];
  for await (const e of Deno.readDir(REGRESSIONS)) {
    if (!e.name.endsWith(".wasm")) continue;
    failures.push(
      ...(await replay(seeds, `${REGRESSIONS}${e.name}`)).map((f) => `${e.name}: ${f}`),
    );
  }
  assertEquals(failures, []);
});

Deno.test("fuzz: a slice of mutated components gives no crash and no invalid output", async () => {
  const seconds = Number(Deno.env.get("DISSOLVE_FUZZ_SECONDS") ?? 60);
  const report = await fuzz(seeds, { seconds, seed: Date.now() >>> 0, saveDir: "build/fuzz" });
  console.log(summarize(report));
  assertEquals(
    [...report.crashes, ...report.invalidOutputs].map((c) => `${c.signature}: ${c.message}`),
    [],
  );
});

Deno.test("fuzz: fuse's validation never refuses a mutant that wasmparser (jco) accepts", async () => {
  const seconds = Number(Deno.env.get("DISSOLVE_FUZZ_SECONDS") ?? 60) / 4;
  const components = seeds.flatMap((s) => s.components.map((c) => c.bytes));
  const report = await compareWithJco(components, seconds, Date.now() >>> 0);
  console.log(
    `validation vs jco: ${report.compared} components compared, ${report.bothAccept} accepted by both, ` +
      `${report.falseRefusals.length} refused by fuse alone`,
  );
  for (const [i, f] of report.falseRefusals.entries()) {
    await Deno.mkdir("build/fuzz", { recursive: true });
    await Deno.writeFile(`build/fuzz/false-refusal-${i}.wasm`, f.bytes);
  }
  assert(report.compared > 100, `only ${report.compared} components compared`);
  assertEquals(report.falseRefusals.map((f) => `${f.mutator}: ${f.reason}`), []);
});
