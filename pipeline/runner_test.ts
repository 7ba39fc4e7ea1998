import { assert, assertEquals, assertRejects } from "../test/support/assert.ts";
import { LIB_C, QuietReporter, tinyProject } from "../test/support/tiny_pipeline.ts";
import { runPipeline, StageError } from "./runner.ts";
import { writeAtomic } from "./atomic.ts";

/** Every file under `dir` (relative path → bytes). */
async function snapshot(dir: string): Promise<Map<string, Uint8Array>> {
  const files = new Map<string, Uint8Array>();
  const walk = async (d: string, rel: string) => {
    for await (const e of Deno.readDir(d)) {
      if (e.isDirectory) await walk(`${d}/${e.name}`, `${rel}${e.name}/`);
      else files.set(`${rel}${e.name}`, await Deno.readFile(`${d}/${e.name}`));
    }
  };
  await walk(dir, "");
  return files;
}

Deno.test("runner: a second run reuses every stage; touching one source rebuilds only its dependents", async () => {
  const { dir, pipeline, buildRoot } = await tinyProject();
  const quiet = new QuietReporter();
  try {
    const first = await runPipeline(pipeline, { buildRoot, reporter: quiet });
    assert(first.stages.every((s) => s.origin === "built"));
    assertEquals(first.runs.lm3s6965evb.stdout, "ok\n");
    const before = await Deno.stat(`${buildRoot}/t/manifest.json`);
    const second = await runPipeline(pipeline, { buildRoot, reporter: quiet });
    assert(second.stages.every((s) => s.origin === "local"), "all reused");
    // A warm no-op writes nothing: the directory already holds these bytes.
    const after = await Deno.stat(`${buildRoot}/t/manifest.json`);
    assertEquals(
      after.mtime?.getTime(),
      before.mtime?.getTime(),
      "the generation was not rewritten",
    );
    // A file changed by hand is noticed (every file is read and compared) and put back.
    const elf = `${buildRoot}/t/lm3s6965evb/firmware.elf`;
    const good = await Deno.readFile(elf);
    await Deno.writeFile(elf, new Uint8Array(good.length));
    await runPipeline(pipeline, { buildRoot, reporter: quiet });
    assertEquals(await Deno.readFile(elf), good);
    // Change lib.c: gale:lib reruns, gale:app is reused.
    await Deno.writeTextFile(`${dir}/lib.c`, LIB_C.replace("2 * x", "3 * x"));
    const third = await runPipeline(pipeline, { buildRoot, reporter: quiet });
    const byId = Object.fromEntries(third.stages.map((s) => [s.id, s.cached]));
    assertEquals(byId["gale:app"], true);
    assertEquals(byId["gale:lib"], false);
    assertEquals(byId["fuse"], false);
    // The manifest describes the files beside it, with the tools and choices.
    const manifest = JSON.parse(await Deno.readTextFile(`${buildRoot}/t/manifest.json`));
    assertEquals(manifest.stages.length, third.stages.length);
    assertEquals(manifest.choices, { loom: "binaryen", synth: "builtin" });
    for (const s of manifest.stages) {
      for (const o of s.outputs) {
        const bytes = await Deno.readFile(`${buildRoot}/t/${o.path}`);
        const { sha256 } = await import("./hash.ts");
        assertEquals(sha256(bytes), o.sha256, o.path);
      }
    }
    assert(manifest.tools.some((t: { name: string }) => t.name === "arm-none-eabi-gcc"));
    // --no-cache builds everything again.
    const fresh = await runPipeline(pipeline, { buildRoot, reporter: quiet, noCache: true });
    assert(fresh.stages.every((s) => s.origin === "built"));
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("runner: two builds from clean give identical ELF bytes", async () => {
  const { dir, pipeline } = await tinyProject();
  const quiet = new QuietReporter();
  try {
    const a = await runPipeline(pipeline, { buildRoot: `${dir}/a`, reporter: quiet });
    const b = await runPipeline(pipeline, { buildRoot: `${dir}/b`, reporter: quiet });
    const elfA = await Deno.readFile(`${a.outDir}/lm3s6965evb/firmware.elf`);
    const elfB = await Deno.readFile(`${b.outDir}/lm3s6965evb/firmware.elf`);
    assertEquals(elfA, elfB);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("runner: keys do not depend on where the checkout lives", async () => {
  const root = await Deno.makeTempDir({ prefix: "dissolve-checkouts-" });
  const quiet = new QuietReporter();
  try {
    const one = await tinyProject(`${root}/one/project`);
    const two = await tinyProject(`${root}/elsewhere/deeper/copy`);
    const a = await runPipeline(one.pipeline, { buildRoot: one.buildRoot, reporter: quiet });
    const b = await runPipeline(two.pipeline, { buildRoot: two.buildRoot, reporter: quiet });
    assertEquals(
      b.stages.map((s) => [s.id, s.key]),
      a.stages.map((s) => [s.id, s.key]),
    );
    // And the bytes do not depend on it either, so a shared entry is what a local build makes.
    for (const o of a.stages.flatMap((s) => s.outputs)) {
      assertEquals(
        await Deno.readFile(`${b.outDir}/${o.path}`),
        await Deno.readFile(`${a.outDir}/${o.path}`),
        o.path,
      );
    }
  } finally {
    await Deno.remove(root, { recursive: true });
  }
});

Deno.test("runner: a failing stage names itself, and build/<name> stays the last successful build", async () => {
  const { dir, pipeline, buildRoot } = await tinyProject();
  const quiet = new QuietReporter();
  try {
    // No build yet: a failure leaves nothing at all.
    await Deno.writeTextFile(`${dir}/app.c`, "this is not C");
    const e = await assertRejects(
      () => runPipeline(pipeline, { buildRoot, reporter: quiet }),
      StageError,
    );
    assert(e.message.includes("gale:app") && e.message.includes("clang"), e.message);
    assert(!(await Deno.stat(`${buildRoot}/t`).then(() => true, () => false)), "no build/t");
    // A good build, then a failing one: the directory is byte for byte the good build.
    const { APP_C } = await import("../test/support/tiny_pipeline.ts");
    await Deno.writeTextFile(`${dir}/app.c`, APP_C);
    await runPipeline(pipeline, { buildRoot, reporter: quiet });
    const good = await snapshot(`${buildRoot}/t`);
    await Deno.writeTextFile(`${dir}/app.c`, APP_C.replace("'k'", "'K'"));
    await assertRejects(() => runPipeline(pipeline, { buildRoot, reporter: quiet }), StageError);
    assertEquals(await snapshot(`${buildRoot}/t`), good);
    assertEquals([...(await snapshot(`${buildRoot}/.staging`)).keys()], [], "no staging left");
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("atomic writes leave either the old or the new file, never a temp", async () => {
  const dir = await Deno.makeTempDir();
  try {
    await writeAtomic(`${dir}/a/b.txt`, "one");
    await writeAtomic(`${dir}/a/b.txt`, "two");
    assertEquals(await Deno.readTextFile(`${dir}/a/b.txt`), "two");
    const names = [];
    for await (const e of Deno.readDir(`${dir}/a`)) names.push(e.name);
    assertEquals(names, ["b.txt"]);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});
