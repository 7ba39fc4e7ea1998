/**
 * `deno task fuzz [--seconds N] [--seed S]`: mutates the examples' real
 * components and runs decode, encode and fuse (every memory strategy) on
 * each; prints what it saw, saves a minimized reproduction of each new crash
 * under `build/fuzz/`, and exits 1 on any crash or invalid output.
 *
 * `deno task fuzz firmware [--seconds N] [--seed S] [--board B]…
 * [--programs K] [--min-programs M] [--reduce]`: the firmware differential
 * (`test/firmware_fuzz/`): Csmith programs built into firmware for one board
 * per CPU class, booted in QEMU, compared with V8, for N seconds and at
 * least M programs (K per batch). Findings are kept under
 * `build/fuzz-firmware/<seed>/findings/`; `--reduce` reduces each with C-Vise.
 *
 * @module
 */
import { parseArgs } from "node:util";
import { buildSeeds, fuzz, summarize } from "../test/fuzz/harness.ts";
import { fuzzFirmware, summarizeFirmwareFuzz } from "../test/firmware_fuzz/harness.ts";
import { reduceFinding } from "../test/firmware_fuzz/reduce.ts";

async function firmware(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      seconds: { type: "string" },
      seed: { type: "string" },
      board: { type: "string", multiple: true },
      programs: { type: "string" },
      "min-programs": { type: "string" },
      reduce: { type: "boolean" },
    },
  });
  const seed = values.seed === undefined ? Date.now() >>> 0 : Number(values.seed);
  const seconds = Number(values.seconds ?? 60);
  console.log(`fuzz firmware: seed ${seed}, ${seconds} s`);
  const report = await fuzzFirmware({
    seconds,
    seed,
    boards: values.board,
    programsPerBatch: values.programs === undefined ? undefined : Number(values.programs),
    // A folder per run: two runs side by side never share a batch.
    workDir: `build/fuzz-firmware/${seed}`,
    minPrograms: Number(values["min-programs"] ?? 0),
    onProgress: (r) => console.log(summarizeFirmwareFuzz(r).split("\n")[0]),
  });
  console.log(summarizeFirmwareFuzz(report));
  if (values.reduce) {
    for (const f of report.findings) {
      console.log(`reducing ${f.dir} …`);
      console.log(`  → ${await reduceFinding(f)}`);
    }
  }
  return report.findings.length === 0 ? 0 : 1;
}

if (import.meta.main && Deno.args[0] === "firmware") {
  Deno.exit(await firmware(Deno.args.slice(1)));
} else if (import.meta.main) {
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
