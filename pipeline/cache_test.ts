import { assert, assertEquals } from "../test/support/assert.ts";
import { QuietReporter, tinyProject } from "../test/support/tiny_pipeline.ts";
import { startWebDavCache } from "../test/support/webdav_cache.ts";
import { runPipeline } from "./runner.ts";
import { StageCache } from "./cache.ts";
import { sha256 } from "./hash.ts";

const ELF = "lm3s6965evb/firmware.elf";

/** The cache files behind one stage's entry. */
function entryFiles(cacheDir: string, key: string, outputSha: string) {
  return {
    record: `${cacheDir}/ac/${key.slice(0, 2)}/${key}`,
    blob: `${cacheDir}/cas/${outputSha.slice(0, 2)}/${outputSha}`,
  };
}

Deno.test("cache: every kind of corruption is caught, dropped and rebuilt to the same ELF", async (t) => {
  const { dir, pipeline, buildRoot } = await tinyProject();
  const cacheDir = `${buildRoot}/.cache`;
  try {
    const first = await runPipeline(pipeline, { buildRoot, reporter: new QuietReporter() });
    const elf = await Deno.readFile(`${first.outDir}/${ELF}`);
    const stage = (id: string) => first.stages.find((s) => s.id === id)!;

    /** Rebuilds; checks the one warning names the entry, the stage was rebuilt, the ELF is the same. */
    const rebuildsCleanly = async (ids: string[]) => {
      const reporter = new QuietReporter();
      const r = await runPipeline(pipeline, { buildRoot, reporter });
      for (const id of ids) {
        assertEquals(r.stages.find((s) => s.id === id)!.origin, "built", id);
        const warnings = reporter.lines.filter((l) => l.startsWith(`warning: ${id}:`));
        assertEquals(warnings.length, 1, `one warning for ${id}: ${reporter.lines}`);
        assert(warnings[0].includes(stage(id).key.slice(0, 16)), warnings[0]);
      }
      assertEquals(reporter.lines.filter((l) => l.startsWith("warning")).length, ids.length);
      assertEquals(await Deno.readFile(`${r.outDir}/${ELF}`), elf);
      assertEquals(r.runs.lm3s6965evb.stdout, "ok\n");
      const manifest = JSON.parse(await Deno.readTextFile(`${r.outDir}/manifest.json`));
      const elfRecord = manifest.stages.flatMap((s: { outputs: unknown[] }) => s.outputs)
        .find((o: { path: string }) => o.path === ELF);
      assertEquals(elfRecord.sha256, sha256(elf));
    };

    await t.step("a flipped byte in the cached ELF (the initial stack pointer)", async () => {
      const s = stage("synth:lm3s6965evb");
      const { blob } = entryFiles(cacheDir, s.key, s.outputs[0].sha256);
      const bytes = await Deno.readFile(blob);
      const view = new DataView(bytes.buffer);
      // e_phoff → the first program header → its p_offset: the vector table; word 0 is the SP.
      const vectors = view.getUint32(view.getUint32(28, true) + 4, true);
      const before = view.getUint32(vectors, true);
      bytes[vectors + 3] ^= 0xff;
      assert(view.getUint32(vectors, true) !== before && before >>> 28 === 2, "SP flipped");
      await Deno.writeFile(blob, bytes);
      await rebuildsCleanly(["synth:lm3s6965evb"]);
    });

    await t.step("a truncated fused.wasm", async () => {
      const s = stage("fuse");
      const { blob } = entryFiles(cacheDir, s.key, s.outputs[0].sha256);
      const bytes = await Deno.readFile(blob);
      await Deno.writeFile(blob, bytes.subarray(0, bytes.length >> 1));
      await rebuildsCleanly(["fuse"]);
    });

    await t.step("two entries swapped", async () => {
      const fuse = entryFiles(cacheDir, stage("fuse").key, "").record;
      const loom = entryFiles(cacheDir, stage("loom").key, "").record;
      const [a, b] = [await Deno.readFile(fuse), await Deno.readFile(loom)];
      await Deno.writeFile(fuse, b);
      await Deno.writeFile(loom, a);
      await rebuildsCleanly(["fuse", "loom"]);
    });

    await t.step("edited run metadata (what the guest printed)", async () => {
      const { record } = entryFiles(cacheDir, stage("run:lm3s6965evb").key, "");
      const text = await Deno.readTextFile(record);
      assert(text.includes('"stdout":"ok\\n"'), text);
      await Deno.writeTextFile(record, text.replace('"stdout":"ok\\n"', '"stdout":"pwned\\n"'));
      await rebuildsCleanly(["run:lm3s6965evb"]);
    });

    await t.step("verify finds a bad blob; gc bounds the size", async () => {
      const cache = new StageCache(cacheDir);
      assertEquals((await cache.verify()).bad, []);
      const s = stage("gale:app");
      const { blob } = entryFiles(cacheDir, s.key, s.outputs[0].sha256);
      const bytes = await Deno.readFile(blob);
      bytes[bytes.length - 1] ^= 1;
      await Deno.writeFile(blob, bytes);
      const report = await cache.verify();
      assert(report.bad.some((b) => b.key === s.key), JSON.stringify(report.bad));
      const gc = await cache.gc(16 * 1024);
      assert(gc.bytesAfter <= 16 * 1024 && gc.bytesAfter < gc.bytesBefore, JSON.stringify(gc));
      assert(gc.entriesRemoved > 0);
      assertEquals((await cache.verify()).bad, []);
    });
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("remote cache (nginx WebDAV, Bazel HTTP protocol): a second checkout builds from it, verified", async (t) => {
  const server = await startWebDavCache();
  const root = await Deno.makeTempDir({ prefix: "dissolve-remote-" });
  try {
    const a = await tinyProject(`${root}/ci-runner-1/checkout`);
    const first = await runPipeline(a.pipeline, {
      buildRoot: a.buildRoot,
      reporter: new QuietReporter(),
      remoteCache: server.url,
    });
    assert(first.stages.every((s) => s.origin === "built"));
    const elf = await Deno.readFile(`${first.outDir}/${ELF}`);

    await t.step("another checkout, empty local cache: every stage from the remote", async () => {
      const b = await tinyProject(`${root}/ci-runner-2/work/checkout`);
      const r = await runPipeline(b.pipeline, {
        buildRoot: b.buildRoot,
        reporter: new QuietReporter(),
        remoteCache: server.url,
      });
      assertEquals(r.stages.map((s) => s.origin), r.stages.map(() => "remote"));
      assertEquals(await Deno.readFile(`${r.outDir}/${ELF}`), elf);
      // ... and it filled the local cache: the next build is all local.
      const again = await runPipeline(b.pipeline, {
        buildRoot: b.buildRoot,
        reporter: new QuietReporter(),
        remoteCache: server.url,
      });
      assert(again.stages.every((s) => s.origin === "local"));
    });

    await t.step(
      "a corrupted remote blob is a miss with a warning, rebuilt and replaced",
      async () => {
        const synth = first.stages.find((s) => s.id === "synth:lm3s6965evb")!;
        const sha = synth.outputs[0].sha256;
        const blob = `${server.dataDir}/cas/${sha}`;
        const bytes = await Deno.readFile(blob);
        bytes[100] ^= 0x5a;
        await Deno.writeFile(blob, bytes);
        const c = await tinyProject(`${root}/ci-runner-3/checkout`);
        const reporter = new QuietReporter();
        const r = await runPipeline(c.pipeline, {
          buildRoot: c.buildRoot,
          reporter,
          remoteCache: server.url,
        });
        const origin = Object.fromEntries(r.stages.map((s) => [s.id, s.origin]));
        assertEquals(origin["synth:lm3s6965evb"], "built");
        assertEquals(origin["fuse"], "remote");
        assert(reporter.lines.some((l) => l.startsWith("warning: synth:lm3s6965evb: remote")));
        assertEquals(await Deno.readFile(`${r.outDir}/${ELF}`), elf);
        assertEquals(await Deno.readFile(blob), elf, "the rebuild replaced the bad blob");
      },
    );

    await t.step("a cache that is down: one warning, the build goes on", async () => {
      const d = await tinyProject(`${root}/ci-runner-4/checkout`);
      const reporter = new QuietReporter();
      const r = await runPipeline(d.pipeline, {
        buildRoot: d.buildRoot,
        reporter,
        remoteCache: "http://127.0.0.1:9/cache",
      });
      assert(r.stages.every((s) => s.origin === "built"));
      assertEquals(reporter.lines.filter((l) => l.includes("was not used")).length, 1);
    });
  } finally {
    await server.stop();
    await Deno.remove(root, { recursive: true });
  }
});
