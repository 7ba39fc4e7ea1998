/**
 * Runs a pipeline: resolves its tools once, plans its stage table, runs the
 * table through the executor (verified local and remote caches, gates) into
 * a new generation, writes the manifest, and only then replaces
 * `build/<name>/`. A build that fails leaves the last successful build as
 * it was.
 *
 * @module
 */
import { join, relative } from "node:path";
import type { Pipeline } from "./format.ts";
import { StageCache } from "./cache.ts";
import { RemoteCache } from "./remote_cache.ts";
import { Generation } from "./generation.ts";
import { PlainReporter, type Reporter } from "./report.ts";
import { planStages } from "./stage_table.ts";
import { metaOf, STAGES } from "./registry.ts";
import { resolveTools } from "./tools.ts";
import { executeStages, type StageRecord } from "./executor.ts";
import type { CodeHashes } from "./code_deps.ts";
import { stableJson } from "./hash.ts";
import type { SizeReport, ToolVersion } from "../stages/types.ts";

export { StageError, type StageRecord } from "./executor.ts";

/** What a build produced. */
export interface BuildResult {
  pipeline: string;
  outDir: string;
  stages: StageRecord[];
  sizes: Record<string, SizeReport>;
  /** Your image's sizes per board, when the pipeline links one (`[image]`). */
  imageSizes?: Record<string, SizeReport>;
  runs: Record<string, { stdout: string; exitCode: number }>;
  tools: ToolVersion[];
}

/** Options of {@linkcode runPipeline}. */
export interface BuildOptions {
  /** Where `build/` lives (default: `build` in the current directory). */
  buildRoot?: string;
  reporter?: Reporter;
  /** Build every stage without reading the cache (results are still stored). */
  noCache?: boolean;
  /** A Bazel HTTP remote cache (`http://host:port/prefix`). */
  remoteCache?: string;
  /** Programs beyond the built-in toolchain the pipeline file may run (`--allow-command`). */
  allowCommands?: string[];
  /** Compile for every board on its own instead of once per CPU (`--compile-per-board`). */
  compilePerBoard?: boolean;
  /** Stage code hashes shared by the builds of one process (a workspace's pipelines). */
  codeHashes?: CodeHashes;
}

/**
 * Builds `pipeline`.
 *
 * @example
 * ```ts
 * import { loadPipelineFile } from "./schema.ts";
 * import { runPipeline } from "./runner.ts";
 * const p = await loadPipelineFile("examples/hello/dissolve.toml");
 * // Into a build root of its own (the default is ./build).
 * const buildRoot = await Deno.makeTempDir();
 * if ("name" in p) console.log((await runPipeline(p, { buildRoot })).sizes);
 * ```
 */
export async function runPipeline(
  pipeline: Pipeline,
  options: BuildOptions = {},
): Promise<BuildResult> {
  const reporter = options.reporter ?? new PlainReporter();
  const buildRoot = options.buildRoot ?? join(Deno.cwd(), "build");
  const cacheDir = join(buildRoot, ".cache");
  const tools = await resolveTools(pipeline, cacheDir, options.allowCommands);
  for (const note of tools.notes) reporter.info(pipeline.name, note);
  for (const board of pipeline.synth.boards) {
    const declared = pipeline.boards?.[board];
    if (pipeline.run.emulator !== "none" && declared && !declared.qemuMachine) {
      reporter.info(
        pipeline.name,
        `note: board ${board} declares no qemu-machine: its firmware is built and gated, not ` +
          `booted (the run stage is skipped)`,
      );
    }
  }
  const rows = await planStages(pipeline, tools, { compilePerBoard: options.compilePerBoard });
  const remote = options.remoteCache ? new RemoteCache(options.remoteCache) : undefined;
  const generation = await Generation.begin(buildRoot, pipeline.name);
  try {
    const outcomes = await executeStages(rows, {
      pipeline: pipeline.name,
      baseDir: pipeline.baseDir,
      generation,
      local: new StageCache(cacheDir),
      remote,
      readCache: !options.noCache,
      identities: tools.identities,
      reporter,
      codeHashes: options.codeHashes,
    });
    if (remote?.failure) {
      reporter.info(
        pipeline.name,
        `warning: remote cache ${remote.url} was not used: ${remote.failure}`,
      );
    }
    const result: BuildResult = {
      pipeline: pipeline.name,
      outDir: generation.outDir,
      stages: [...outcomes.values()].map((o) => o.record),
      sizes: {},
      runs: {},
      tools: Object.entries(tools.identities).map(([name, version]) => ({ name, version })),
    };
    for (const row of rows) {
      const meta = outcomes.get(row.id)!.entry.meta;
      const board = row.board!;
      if (row.stage.kind === STAGES.synth.kind) {
        result.sizes[board] = metaOf("synth", meta).sizeReport;
      }
      if (row.stage.kind === STAGES.image.kind) {
        (result.imageSizes ??= {})[board] = metaOf("image", meta).imageSize;
      }
      if (row.stage.kind === STAGES.run.kind) result.runs[board] = metaOf("run", meta).run;
    }
    const manifest = {
      pipeline: pipeline.name,
      file: pipeline.file ? relative(Deno.cwd(), pipeline.file) : undefined,
      choices: { loom: tools.loom, synth: tools.synth },
      tools: result.tools,
      stages: result.stages.map((r) => ({ ...r, durationMs: Math.round(r.durationMs) })),
      sizes: result.sizes,
      ...(result.imageSizes ? { imageSizes: result.imageSizes } : {}),
    };
    await generation.write("manifest.json", JSON.stringify(manifest, null, 2) + "\n");
    // A warm no-op: the directory already holds these very bytes (checked, not assumed), and its
    // manifest the same build but for timings. Nothing is written.
    if (
      !(await generation.matchesDirectory(["manifest.json"])) ||
      !(await sameBuild(join(generation.outDir, "manifest.json"), manifest))
    ) {
      await generation.commit();
    } else await generation.abandon();
    return result;
  } catch (e) {
    await generation.abandon();
    throw e;
  }
}

/** A manifest without what differs between two builds of the same bytes (timings, cache origin). */
function stablePart(manifest: unknown): string {
  const m = manifest as { stages?: Record<string, unknown>[] };
  return stableJson({
    ...m,
    stages: (m.stages ?? []).map(({ durationMs: _d, origin: _o, cached: _c, ...rest }) => rest),
  });
}

/** Whether the manifest at `path` describes the same build as `manifest` (timings aside). */
async function sameBuild(path: string, manifest: unknown): Promise<boolean> {
  try {
    return stablePart(JSON.parse(await Deno.readTextFile(path))) === stablePart(manifest);
  } catch {
    return false;
  }
}
