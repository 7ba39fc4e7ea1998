import { assert, assertEquals, assertRejects } from "../test/support/assert.ts";
import { PipelineError } from "./schema.ts";
import { QuietReporter } from "../test/support/tiny_pipeline.ts";
import { executeStages } from "./executor.ts";
import { StageCache } from "./cache.ts";
import { Generation } from "./generation.ts";
import type { StageRow } from "./stage_table.ts";
import { resolveTools } from "./tools.ts";
import { definePipeline } from "./define.ts";

/** A stage of our own, in a temporary folder: produce copies its input, upper-cased. */
async function writeStage(dir: string, suffix: string) {
  await Deno.writeTextFile(
    `${dir}/stage.ts`,
    `import { shout } from "./helper.ts";
export async function produce(run) {
  return { outputs: { out: shout(run.inputs.in) }, meta: {}, detail: "shouted" };
}
export function gate() {}
`,
  );
  await Deno.writeTextFile(`${dir}/helper.ts`, `export { shout } from "./deep.ts";\n`);
  await Deno.writeTextFile(
    `${dir}/deep.ts`,
    `export const shout = (b) => new TextEncoder().encode(new TextDecoder().decode(b).toUpperCase() + ${
      JSON.stringify(suffix)
    });\n`,
  );
}

Deno.test("executor: a row rebuilds when a file its module imports indirectly changes", async () => {
  const dir = await Deno.makeTempDir({ prefix: "dissolve-executor-" });
  try {
    await Deno.mkdir(`${dir}/stage`);
    await writeStage(`${dir}/stage`, "!");
    await Deno.writeTextFile(`${dir}/in.txt`, "hello");
    const rows: StageRow[] = [{
      id: "shout",
      stage: {
        kind: "test",
        module: new URL(`file://${dir}/stage/stage.ts`),
        load: () => import(`file://${dir}/stage/stage.ts`),
      },
      inputs: [{ name: "in", file: "in.txt" }],
      settings: {},
      tools: [],
      outputs: { out: "out.txt" },
    }];
    const build = async () => {
      const generation = await Generation.begin(`${dir}/build`, "p");
      const out = await executeStages(rows, {
        pipeline: "p",
        baseDir: dir,
        generation,
        local: new StageCache(`${dir}/build/.cache`),
        readCache: true,
        identities: {},
        reporter: new QuietReporter(),
      });
      await generation.commit();
      return out.get("shout")!.record.origin;
    };
    assertEquals(await build(), "built");
    assertEquals(await build(), "local");
    await writeStage(`${dir}/stage`, "?!"); // deep.ts changes; stage.ts does not
    // (The module itself stays loaded in this process; each `dissolve` run is a fresh one.)
    assertEquals(await build(), "built");
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("tools: a loom on PATH changes nothing unless the pipeline says auto", async () => {
  const bin = await Deno.makeTempDir({ prefix: "dissolve-fakebin-" });
  const path = Deno.env.get("PATH") ?? "";
  try {
    await Deno.writeTextFile(`${bin}/loom`, "#!/bin/sh\necho 'loom 9.9.9'\n");
    await Deno.chmod(`${bin}/loom`, 0o755);
    Deno.env.set("PATH", `${path}:${bin}`);
    const spec = (tool?: string) =>
      definePipeline({
        pipeline: { name: "t" },
        component: [{ name: "hello", sources: ["hello.c"], wit: "hello.wit", world: "hello" }],
        loom: tool ? { tool } : {},
        synth: { entry: "greet" },
      } as never, "examples/hello");
    const plain = await resolveTools(spec());
    assertEquals(plain.loom, "binaryen");
    assertEquals(plain.notes, []);
    assert(!("loom" in plain.identities));
    // "auto" finds it, and the build stops before running it: the file did not declare it.
    const e = await assertRejects(() => resolveTools(spec("auto")), PipelineError);
    assert(
      e.message.includes("loom.tool") && e.message.includes("--allow-command loom"),
      e.message,
    );
  } finally {
    Deno.env.set("PATH", path);
    await Deno.remove(bin, { recursive: true });
  }
});
