/**
 * The Component Model's reference tests (values/, linking/, resources/,
 * async/, validation/) run against fusion.
 *
 * Prints passed / failed per file and per directory. Every file is a test
 * step that must pass every assertion, but for those listed in `PARTIAL`,
 * which must not fall below what they pass today (a ratchet, raised as
 * fusion learns more); test/spec/README.md lists what fails and why.
 */
import { REFERENCE_TESTS, referenceTest } from "../support/reference_tests.ts";
import { assert } from "../support/assert.ts";
import { runWastFile } from "./runner.ts";

const ROOT = REFERENCE_TESTS;

/**
 * Files that do not pass completely yet, with the assertions each passes
 * today (a drop is a regression); every other file must pass every one.
 */
const PARTIAL: Record<string, number> = {};

referenceTest(
  "component-model reference tests (values, linking, resources, async) through fuse",
  async (t) => {
    const totals: Record<string, [number, number]> = {};
    for (const dir of ["values", "linking", "resources", "async", "validation"]) {
      const files = [...Deno.readDirSync(`${ROOT}${dir}`)].map((e) => e.name).filter((n) =>
        n.endsWith(".wast")
      ).sort();
      for (const file of files) {
        const key = `${dir}/${file}`;
        await t.step(key, async () => {
          const results = await runWastFile(`${ROOT}${key}`);
          const passed = results.filter((r) => r.status === "passed").length;
          totals[dir] = [
            (totals[dir]?.[0] ?? 0) + passed,
            (totals[dir]?.[1] ?? 0) + results.length - passed,
          ];
          const first = results.find((r) => r.status !== "passed");
          const why = first?.reason ? ` (first: ${first.reason.split("\n")[0].slice(0, 140)})` : "";
          console.log(`  ${key}: ${passed} passed, ${results.length - passed} failed${why}`);
          const floor = PARTIAL[key];
          assert(
            floor === undefined ? passed === results.length : passed >= floor,
            floor === undefined
              ? `${key}: ${
                results.length - passed
              } of ${results.length} failed (it passed them all)`
              : `${key}: ${passed} passed, fewer than the ${floor} it passed before`,
          );
        });
      }
    }
    for (const [dir, [p, f]] of Object.entries(totals)) {
      console.log(`${dir}/: ${p} passed, ${f} failed`);
    }
  },
);
