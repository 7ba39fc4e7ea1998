/**
 * Runs a pipeline: plans the stages, reuses cached outputs, runs the rest,
 * gates every artifact, writes everything atomically to `build/<name>/`,
 * and records a manifest.
 *
 * @module
 */
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import type { Pipeline } from "./format.ts";
import { StageCache } from "./cache.ts";
import { hashTree, sha256, stableJson } from "./hash.ts";
import { writeAtomic } from "./atomic.ts";
import { PlainReporter, type Reporter } from "./report.ts";
import type { SizeReport, StageContext, ToolVersion } from "../stages/types.ts";
import { toolVersion } from "../stages/exec.ts";

const ROOT = fileURLToPath(new URL("../", import.meta.url));

/** One stage as the manifest records it. */
export interface StageRecord {
  id: string;
  cached: boolean;
  durationMs: number;
  key: string;
  inputs: { name: string; sha256: string }[];
  outputs: { path: string; sha256: string }[];
}

/** What a build produced. */
export interface BuildResult {
  pipeline: string;
  outDir: string;
  stages: StageRecord[];
  sizes: Record<string, SizeReport>;
  runs: Record<string, { stdout: string; exitCode: number }>;
  tools: ToolVersion[];
}

/** Options of {@linkcode runPipeline}. */
export interface BuildOptions {
  /** Where `build/` lives (default: `build` in the current directory). */
  buildRoot?: string;
  reporter?: Reporter;
}

/** A stage failed; the message says which and why. */
export class StageError extends Error {
  constructor(readonly pipeline: string, readonly stage: string, cause: unknown) {
    super(`[${pipeline}] ${stage}: ${cause instanceof Error ? cause.message : String(cause)}`);
    this.name = "StageError";
  }
}

const implHashes = new Map<string, Promise<string>>();
function implHash(parts: string[]): Promise<string> {
  const key = parts.join("|");
  let h = implHashes.get(key);
  if (!h) {
    h = hashTree(parts.map((p) => join(ROOT, p)));
    implHashes.set(key, h);
  }
  return h;
}

/**
 * Builds `pipeline`.
 *
 * @example
 * ```ts
 * import { loadPipelineFile } from "./schema.ts";
 * import { runPipeline } from "./runner.ts";
 * const p = await loadPipelineFile("examples/hello/dissolve.toml");
 * if ("name" in p) console.log((await runPipeline(p)).sizes);
 * ```
 */
export async function runPipeline(
  pipeline: Pipeline,
  options: BuildOptions = {},
): Promise<BuildResult> {
  const reporter = options.reporter ?? new PlainReporter();
  const buildRoot = options.buildRoot ?? join(Deno.cwd(), "build");
  const outDir = join(buildRoot, pipeline.name);
  const cache = new StageCache(join(buildRoot, ".cache"));
  const records: StageRecord[] = [];
  const result: BuildResult = {
    pipeline: pipeline.name,
    outDir,
    stages: records,
    sizes: {},
    runs: {},
    tools: [],
  };
  const written: string[] = [];

  const needsClang = pipeline.components.some((c) => !c.compile);
  const [clang, wasm2c, gcc, qemu] = await Promise.all([
    needsClang ? toolVersion("clang") : Promise.resolve("custom"),
    toolVersion("wasm2c"),
    toolVersion("arm-none-eabi-gcc"),
    pipeline.run.emulator === "qemu" ? toolVersion("qemu-system-arm") : Promise.resolve("none"),
  ]);
  result.tools.push(
    { name: "clang", version: clang },
    { name: "wasm2c", version: wasm2c },
    { name: "arm-none-eabi-gcc", version: gcc },
    { name: "qemu-system-arm", version: qemu },
  );

  /** Runs (or reuses) one stage and writes its outputs. */
  const stage = async (
    id: string,
    code: string[],
    inputs: { name: string; sha256: string }[],
    settings: unknown,
    produce: (
      ctx: StageContext,
    ) => Promise<{ outputs: Record<string, Uint8Array>; meta?: Record<string, unknown> }>,
  ) => {
    const key = sha256(
      stableJson({ id: id.replace(/:.*/, ""), inputs, settings, code: await implHash(code) }),
    );
    reporter.stage({ pipeline: pipeline.name, stage: id, status: "running" });
    const t0 = performance.now();
    let entry = await cache.get(key);
    const cached = entry !== undefined;
    if (!entry) {
      const scratchDir = await Deno.makeTempDir({
        prefix: `dissolve-${id.replace(/[^a-z0-9]/gi, "-")}-`,
      });
      try {
        const made = await produce({
          scratchDir,
          baseDir: pipeline.baseDir,
          log: (line) => reporter.info(pipeline.name, `${id}: ${line}`),
        });
        entry = { key, outputs: made.outputs, meta: made.meta ?? {} };
      } catch (e) {
        reporter.stage({
          pipeline: pipeline.name,
          stage: id,
          status: "failed",
          durationMs: performance.now() - t0,
        });
        throw new StageError(pipeline.name, id, e);
      } finally {
        await Deno.remove(scratchDir, { recursive: true }).catch(() => {});
      }
      await cache.put(entry);
    }
    const outputs: StageRecord["outputs"] = [];
    for (const [name, bytes] of Object.entries(entry.outputs)) {
      const path = join(outDir, name);
      await writeAtomic(path, bytes);
      written.push(path);
      outputs.push({ path: relative(buildRoot, path), sha256: sha256(bytes) });
    }
    const durationMs = performance.now() - t0;
    records.push({ id, cached, durationMs, key, inputs, outputs });
    reporter.stage({
      pipeline: pipeline.name,
      stage: id,
      status: cached ? "cached" : "done",
      durationMs,
      detail: typeof entry.meta.detail === "string" ? entry.meta.detail : undefined,
    });
    return entry;
  };

  // gale: one stage per component.
  const components = await Promise.all(pipeline.components.map(async (c) => {
    const files = [...c.sources, c.wit];
    const inputs = await Promise.all(files.map(async (f) => ({
      name: f,
      sha256: sha256(await Deno.readFile(join(pipeline.baseDir, f))),
    })));
    // Headers next to the sources can change the build too.
    for await (const e of Deno.readDir(pipeline.baseDir)) {
      if (e.isFile && e.name.endsWith(".h")) {
        inputs.push({
          name: e.name,
          sha256: sha256(await Deno.readFile(join(pipeline.baseDir, e.name))),
        });
      }
    }
    const entry = await stage(
      `gale:${c.name}`,
      ["stages/gale", "stages/gates", "stages/exec.ts", "wasm"],
      inputs,
      {
        ...c,
        clang,
      },
      async (ctx) => {
        const { gale } = await import("../stages/gale/mod.ts");
        const { checkComponent } = await import("../stages/gates/component.ts");
        const { worldNames } = await import("../stages/gates/wit_world.ts");
        const out = await gale({ ...c }, ctx);
        // The component must export exactly what its world declares and import nothing more
        // (wit-component drops imports the code never calls; gale adds the arena import).
        const declared = worldNames(
          await Deno.readTextFile(join(pipeline.baseDir, c.wit)),
          c.world,
        );
        checkComponent(out.component, `${c.name}.component.wasm`, {
          exports: declared.exports,
          imports: [...declared.imports, "cabi-arena-realloc"],
          exactExports: true,
        });
        return {
          outputs: {
            [`components/${c.name}.component.wasm`]: out.component,
            [`components/${c.name}.core.wasm`]: out.coreModule,
          },
        };
      },
    );
    return { name: c.name, bytes: entry.outputs[`components/${c.name}.component.wasm`] };
  }));

  // fuse
  const fuseEntry = await stage(
    "fuse",
    ["stages/fuse", "stages/gates", "wasm"],
    components.map((c) => ({ name: `${c.name}.component.wasm`, sha256: sha256(c.bytes) })),
    pipeline.fuse,
    async () => {
      const { fuse } = await import("../stages/fuse/mod.ts");
      const { checkCoreModule } = await import("../stages/gates/core.ts");
      const { module, report } = await fuse(components, {
        memory: pipeline.fuse.memory,
        pack: pipeline.fuse.pack,
        arenaBytes: pipeline.fuse.arenaBytes,
        shareStack: pipeline.fuse.shareStack,
        stackBytes: pipeline.fuse.stackBytes,
        passthrough: pipeline.fuse.passthrough,
        hostImports: pipeline.fuse.hostImports,
        sourceDateEpoch: 0,
      });
      const allowed = report.imports
        .filter((i) => i.kind === "embedder" || pipeline.fuse.hostImports.includes(i.externName))
        .map((i) => `${i.module}::${i.field}`);
      checkCoreModule(module, {
        stage: "fuse",
        artifact: "fused.wasm",
        allowedImports: allowed,
        requiredExports: [pipeline.synth.entry, "memory"],
      });
      return {
        outputs: {
          "fused.wasm": module,
          "fuse-report.json": new TextEncoder().encode(JSON.stringify(report, null, 2)),
        },
        meta: {
          detail:
            `${report.strategy} memory, ${report.regions.length} region(s), ${module.length} bytes`,
        },
      };
    },
  );
  const fused = fuseEntry.outputs["fused.wasm"];

  // loom
  const loomEntry = await stage(
    "loom",
    ["stages/loom", "stages/gates", "wasm"],
    [{ name: "fused.wasm", sha256: sha256(fused) }],
    pipeline.loom,
    async (ctx) => {
      if (pipeline.loom.tool === "none") {
        return { outputs: { "optimized.wasm": fused }, meta: { detail: "skipped" } };
      }
      const { loom } = await import("../stages/loom/mod.ts");
      const { checkCoreModule } = await import("../stages/gates/core.ts");
      const out = await loom(fused, { ...pipeline.loom, tool: pipeline.loom.tool }, ctx);
      const imports = WebAssembly.Module.imports(new WebAssembly.Module(fused as BufferSource))
        .map((i) => `${i.module}::${i.name}`);
      checkCoreModule(out.module, {
        stage: "loom",
        artifact: "optimized.wasm",
        allowedImports: imports,
        requiredExports: [pipeline.synth.entry, "memory"],
        before: fused,
      });
      return {
        outputs: { "optimized.wasm": out.module },
        meta: { detail: `${out.tool}: ${fused.length} → ${out.module.length} bytes` },
      };
    },
  );
  const optimized = loomEntry.outputs["optimized.wasm"];

  // synth + run, per board.
  for (const board of pipeline.synth.boards) {
    const synthEntry = await stage(
      `synth:${board}`,
      ["stages/synth", "stages/fuse", "stages/exec.ts", "wasm"],
      [{ name: "optimized.wasm", sha256: sha256(optimized) }],
      { ...pipeline.synth, boards: undefined, board, wasm2c, gcc },
      async (ctx) => {
        const { synth } = await import("../stages/synth/mod.ts");
        const out = await synth(optimized, {
          backend: pipeline.synth.backend,
          board,
          entry: pipeline.synth.entry,
          entryResult: pipeline.synth.entryResult,
          optLevel: pipeline.synth.optLevel,
          stackBytes: pipeline.synth.stackBytes,
          measureStack: pipeline.synth.measureStack,
          synthCommand: pipeline.synth.command,
        }, ctx);
        const s = out.sizeReport;
        return {
          outputs: {
            [`${board}/firmware.elf`]: out.elf,
            [`${board}/size.json`]: new TextEncoder().encode(JSON.stringify(s, null, 2)),
          },
          meta: {
            sizeReport: s,
            detail:
              `flash ${s.flashUsed}/${s.flashTotal} B, RAM ${s.ramUsed}/${s.ramTotal} B (text ${s.text}, data ${s.data}, bss ${s.bss})`,
          },
        };
      },
    );
    result.sizes[board] = synthEntry.meta.sizeReport as SizeReport;
    if (pipeline.run.emulator === "none") continue;
    const elf = synthEntry.outputs[`${board}/firmware.elf`];
    const runEntry = await stage(
      `run:${board}`,
      ["stages/run", "stages/synth", "stages/exec.ts"],
      [{ name: "firmware.elf", sha256: sha256(elf) }],
      { ...pipeline.run, board, qemu },
      async () => {
        const { runQemu } = await import("../stages/run/mod.ts");
        const r = await runQemu(join(outDir, board, "firmware.elf"), {
          board,
          expectOutput: pipeline.run.expectOutput,
          expectExitCode: pipeline.run.expectExitCode,
          timeoutMs: pipeline.run.timeoutMs,
        });
        const record = {
          stdout: r.stdout,
          exitCode: r.exitCode,
          ...(r.stack ? { stack: r.stack } : {}),
        };
        const stack = r.stack
          ? `; stack high-water: native ${r.stack.native} B${
            r.stack.wasm === undefined ? "" : `, wasm ${r.stack.wasm} B`
          }`
          : "";
        return {
          outputs: {
            [`${board}/run.json`]: new TextEncoder().encode(JSON.stringify(record, null, 2)),
          },
          meta: {
            run: record,
            detail: `exit ${r.exitCode}: ${JSON.stringify(r.stdout.trim())}${stack}`,
          },
        };
      },
    );
    result.runs[board] = runEntry.meta.run as { stdout: string; exitCode: number };
  }

  const manifest = {
    pipeline: pipeline.name,
    file: pipeline.file ? relative(Deno.cwd(), pipeline.file) : undefined,
    stages: records.map((r) => ({ ...r, durationMs: Math.round(r.durationMs) })),
    tools: result.tools,
    sizes: result.sizes,
  };
  await writeAtomic(join(outDir, "manifest.json"), JSON.stringify(manifest, null, 2) + "\n");
  return result;
}
