/**
 * Every difference the firmware differential found, reduced and kept. Each
 * folder holds the programs of one finding (`gen0.c`, … — Csmith programs
 * reduced by C-Vise) and `regression.json`: the board, the build settings,
 * what went wrong before the fix, and what V8 computes. The test builds the
 * folder through the whole pipeline with those settings and requires the
 * firmware to print exactly V8's answer, and V8 to still give it.
 */
import { join } from "node:path";
import { assertEquals } from "../support/assert.ts";
import { definePipeline, type PipelineInput } from "../../pipeline/define.ts";
import { runPipeline } from "../../pipeline/runner.ts";
import type { Reporter } from "../../pipeline/report.ts";
import {
  batchCores,
  type CompileSettings,
  type Program,
  writeBatch,
} from "../firmware_fuzz/programs.ts";
import { askV8 } from "../firmware_fuzz/oracle.ts";

/** A kept finding. */
interface Regression {
  /** What went wrong before the fix, and the fix. */
  finding: string;
  board: string;
  settings: CompileSettings;
  /** The driver's output under V8: each program's checksum, then the mixed value. */
  expected: string;
}

const HERE = new URL(".", import.meta.url).pathname;
const quiet: Reporter = { stage() {}, info() {}, finish() {} };

/** A regression folder's programs, in order. */
function programsIn(dir: string): Program[] {
  const files = [...Deno.readDirSync(dir)].map((e) => e.name).filter((n) => /^gen\d+\.c$/.test(n));
  return files.sort((a, b) => parseInt(a.slice(3)) - parseInt(b.slice(3))).map((f) => ({
    seed: 0,
    shape: "tiny",
    source: Deno.readTextFileSync(join(dir, f)),
  }));
}

const folders = [...Deno.readDirSync(HERE)].filter((e) => e.isDirectory).map((e) => e.name).sort();
for (const name of folders) {
  const dir = join(HERE, name);
  const r: Regression = JSON.parse(Deno.readTextFileSync(join(dir, "regression.json")));
  Deno.test(`firmware regression ${name} (${r.board}): ${r.finding}`, async () => {
    await Deno.mkdir("build", { recursive: true }); // a fresh clone has none yet
    const work = await Deno.makeTempDir({ dir: "build", prefix: `regression-${name}-` });
    try {
      const input = await writeBatch(join(work, "src"), programsIn(dir), r.settings, [
        r.board,
      ]) as unknown as PipelineInput;
      input.run = { "expect-output": `${r.expected}\n` };
      const built = await runPipeline(definePipeline(input, join(work, "src")), {
        buildRoot: join(work, "build"),
        reporter: quiet,
      });
      assertEquals(built.runs[r.board].stdout, `${r.expected}\n`);
      const { app, mixer } = await batchCores(built.outDir);
      const v8 = await askV8(app, mixer, "run", 10_000);
      assertEquals(v8.ok ? v8.value : JSON.stringify(v8), r.expected);
    } finally {
      await Deno.remove(work, { recursive: true });
    }
  });
}
