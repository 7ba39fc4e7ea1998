/**
 * The Component Model's reference tests (values/, linking/, resources/,
 * async/) run against fusion. Of async/, what needs no scheduler runs
 * (stackful async lifts that return through task.return, async lowers of
 * them, the validation rules); the rest stops at the first built-in fuse
 * does not generate yet, named in the printed reason.
 *
 * Prints passed / failed per file and per directory. Every file is a test
 * step that must not fall below the number of assertions it passes today
 * (a ratchet, raised as fusion learns more); test/spec/README.md lists what
 * fails and why.
 */
import { REFERENCE_TESTS, referenceTest } from "../support/reference_tests.ts";
import { assert } from "../support/assert.ts";
import { runWastFile } from "./runner.ts";

const ROOT = REFERENCE_TESTS;

/** Assertions each file passes today; a drop is a regression. */
const RATCHET: Record<string, number> = {
  "values/alignment.wast": 9,
  "values/concat.wast": 44,
  "values/numerics.wast": 16,
  "values/post-return.wast": 34,
  "values/realloc.wast": 6,
  "values/strings.wast": 9,
  "values/transcode.wast": 5,
  "values/variants.wast": 8,
  "linking/link-time-virtualization.wast": 7,
  "linking/shared-everything-dynamic-linking.wast": 12,
  "linking/tags.wast": 8,
  "linking/unit.wast": 180,
  "resources/borrows.wast": 2,
  "resources/handle-table.wast": 14,
  "resources/multiple-resources.wast": 1,
  "async/async-calls-sync.wast": 2,
  "async/big-interleaving-test.wast": 45,
  "async/builtin-trap-poisons-instance.wast": 4,
  "async/cancel-stream.wast": 1,
  "async/cancellable.wast": 1,
  "async/cancel-subtask.wast": 1,
  "async/cross-abi-calls.wast": 24,
  "async/cross-task-future.wast": 1,
  "async/deadlock.wast": 1,
  "async/dont-block-start.wast": 2,
  "async/drop-cross-task-borrow.wast": 3,
  "async/drop-stream.wast": 2,
  "async/drop-subtask.wast": 2,
  "async/during-sync-call-may-block-if-other-ready-threads.wast": 3,
  "async/during-sync-call-no-exclusive-resume.wast": 7,
  "async/during-sync-call-no-sibling-resume.wast": 4,
  "async/drop-waitable-set.wast": 1,
  "async/empty-wait.wast": 1,
  "async/futures-must-write.wast": 2,
  "async/partial-stream-copies.wast": 1,
  "async/passing-resources.wast": 2,
  "async/same-component-stream-future.wast": 4,
  "async/sync-barges-in.wast": 1,
  "async/sync-streams.wast": 1,
  "async/trap-if-block-and-sync.wast": 23,
  "async/trap-if-done.wast": 13,
  "async/trap-if-sync-and-waitable-set.wast": 13,
  "async/trap-if-transfer-in-waitable-set.wast": 2,
  "async/trap-on-reenter.wast": 3,
  "async/validate-no-async-abi-for-sync-type.wast": 3,
  "async/validate-no-stream-char.wast": 1,
  "async/wait-during-callback.wast": 1,
  "async/zero-length.wast": 1,
};

referenceTest(
  "component-model reference tests (values, linking, resources, async) through fuse",
  async (t) => {
    const totals: Record<string, [number, number]> = {};
    for (const dir of ["values", "linking", "resources", "async"]) {
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
          assert(
            passed >= (RATCHET[key] ?? 0),
            `${key}: ${passed} passed, fewer than the ${RATCHET[key]} it passed before`,
          );
        });
      }
    }
    for (const [dir, [p, f]] of Object.entries(totals)) {
      console.log(`${dir}/: ${p} passed, ${f} failed`);
    }
  },
);
