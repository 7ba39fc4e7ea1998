/**
 * `deno task bench`: every benchmark, each measured side by side with its
 * peer in the same run and reported as ratios.
 *
 * @module
 */
import { benchCodec } from "./codec_bench.ts";
import { benchFuse } from "./fuse_bench.ts";
import { benchPipeline } from "./pipeline_bench.ts";
import { benchFirmware } from "./firmware_bench.ts";
import { benchGeneratedFirmware } from "./firmware_generated.ts";
import { benchDomains } from "./domains_bench.ts";
import { benchTranscode } from "./transcode_bench.ts";

const only = Deno.args[0];
if (!only || only === "codec") await benchCodec();
if (!only || only === "fuse") await benchFuse();
if (!only || only === "transcode") await benchTranscode();
if (!only || only === "pipeline") await benchPipeline();
if (!only || only === "firmware") {
  const rest = Deno.args.slice(1);
  const board = rest.find((a) => !a.startsWith("--"));
  // Without a board: one of each ISA, each against native gcc -Os for the same board.
  for (const b of board ? [board] : ["lm3s6965evb", "sifive_e"]) {
    await benchFirmware(b, { defaults: rest.includes("--defaults") });
  }
}
if (!only || only === "firmware-generated") {
  // Held out from the tuning: Csmith's programs, on one board of each ISA.
  const board = Deno.args[1];
  for (const b of board ? [board] : ["lm3s6965evb", "sifive_e"]) await benchGeneratedFirmware(b);
}
if (!only || only === "domains") await benchDomains(Deno.args[1]);
