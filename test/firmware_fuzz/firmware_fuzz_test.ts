/**
 * The firmware differential's CI slice: Csmith programs built into firmware
 * for one board per CPU class and compared with V8, for 60 s by default
 * (DISSOLVE_FIRMWARE_FUZZ_SECONDS changes it). Every difference fails the
 * test and is kept under build/fuzz-firmware/findings for reduction.
 */
import { assert, assertEquals } from "../support/assert.ts";
import { fuzzFirmware, summarizeFirmwareFuzz } from "./harness.ts";

Deno.test("fuzz firmware: generated programs print in QEMU what they compute in V8", async () => {
  const seconds = Number(Deno.env.get("DISSOLVE_FIRMWARE_FUZZ_SECONDS") ?? 60);
  // A fresh clone has no build/ until some stage writes one.
  await Deno.mkdir("build", { recursive: true });
  const report = await fuzzFirmware({
    seconds,
    seed: Date.now() >>> 0,
    // A busy CI machine may leave a whole batch out (programs V8 cannot finish in time).
    minPrograms: 6,
    workDir: await Deno.makeTempDir({ dir: "build", prefix: "fuzz-firmware-" }),
  });
  console.log(summarizeFirmwareFuzz(report));
  assert(report.programs > 0, "the slice compared no program");
  assertEquals(report.findings.map((f) => `${f.kind} on ${f.board}: ${f.detail}`), []);
});
