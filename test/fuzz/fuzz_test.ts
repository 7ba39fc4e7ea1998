/**
 * The fuzz slice CI runs on every build: every saved regression still
 * fails cleanly, and a fresh run (60 s by default; DISSOLVE_FUZZ_SECONDS
 * overrides) finds no crash and no invalid output.
 */
import { assertEquals } from "../support/assert.ts";
import { buildSeeds, fuzz, replay, summarize } from "./harness.ts";

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
