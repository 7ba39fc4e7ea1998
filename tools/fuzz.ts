/**
 * `deno task fuzz [--seconds N] [--seed S]`: mutates the examples' real
 * components and runs decode, encode and fuse (every memory strategy) on
 * each; prints what it saw, saves a minimized reproduction of each new crash
 * under `build/fuzz/`, and exits 1 on any crash or invalid output.
 *
 * @module
 */
import { parseArgs } from "node:util";
import { buildSeeds, fuzz, summarize } from "../test/fuzz/harness.ts";

if (import.meta.main) {
  const { values } = parseArgs({
    args: Deno.args,
    options: { seconds: { type: "string" }, seed: { type: "string" } },
  });
  const seconds = Number(values.seconds ?? 60);
  const seed = values.seed === undefined ? Date.now() >>> 0 : Number(values.seed);
  console.log(`fuzz: seed ${seed}, ${seconds} s; building the seeds…`);
  const report = await fuzz(await buildSeeds(), {
    seconds,
    seed,
    saveDir: "build/fuzz",
    onProgress: (r) => console.log(summarize(r).split("\n")[0]),
  });
  console.log(summarize(report));
  Deno.exit(report.crashes.length + report.invalidOutputs.length === 0 ? 0 : 1);
}
