/**
 * Every difference the firmware differential found, reduced and kept: each
 * `<name>.c` is a Csmith program (reduced by C-Vise) and `<name>.json` its
 * board, build settings and the checksum V8 computes. The test builds it
 * through the whole pipeline with those settings and requires the firmware
 * to print exactly V8's answer, and V8 to still give it.
 */
import { join } from "node:path";
import { assertEquals } from "../support/assert.ts";
import { definePipeline, type PipelineInput } from "../../pipeline/define.ts";
import { runPipeline } from "../../pipeline/runner.ts";
import type { Reporter } from "../../pipeline/report.ts";
import { type CompileSettings, writeBatch } from "../firmware_fuzz/programs.ts";
import { askV8 } from "../firmware_fuzz/oracle.ts";

/** A kept finding. */
interface Regression {
  /** What went wrong before the fix, and the fix. */
  finding: string;
  board: string;
  settings: CompileSettings;
  /** The driver's output under V8: the program's checksum, then the mixed value. */
  expected: string;
}

const HERE = new URL(".", import.meta.url).pathname;
const quiet: Reporter = { stage() {}, info() {}, finish() {} };

for (const e of [...Deno.readDirSync(HERE)].filter((e) => e.name.endsWith(".json")).sort()) {
  const name = e.name.slice(0, -5);
  const r: Regression = JSON.parse(Deno.readTextFileSync(join(HERE, e.name)));
  Deno.test(`firmware regression ${name} (${r.board}): ${r.finding}`, async () => {
    const source = await Deno.readTextFile(join(HERE, `${name}.c`));
    const dir = await Deno.makeTempDir({ dir: "build", prefix: `regression-${name}-` });
    try {
      const input = await writeBatch(
        join(dir, "src"),
        [{ seed: 0, shape: "tiny", source }],
        r.settings,
        [r.board],
      ) as unknown as PipelineInput;
      input.run = { "expect-output": `${r.expected}\n` };
      const built = await runPipeline(definePipeline(input, join(dir, "src")), {
        buildRoot: join(dir, "build"),
        reporter: quiet,
      });
      assertEquals(built.runs[r.board].stdout, `${r.expected}\n`);
      const core = (c: string) => Deno.readFile(join(built.outDir, `components/${c}.core.wasm`));
      const v8 = await askV8(await core("app"), await core("mixer"), "run", 10_000);
      assertEquals(v8.ok ? v8.value : JSON.stringify(v8), r.expected);
    } finally {
      await Deno.remove(dir, { recursive: true });
    }
  });
}
