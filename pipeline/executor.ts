/**
 * The one executor every stage runs through: for each row of a stage table
 * it hashes the inputs, derives the stage's code from its import graph,
 * computes the key, looks the key up (local cache, then remote), verifies
 * what it finds, otherwise runs the stage and its gate, stores the entry,
 * writes the outputs into the build's generation and reports. Rows run as
 * soon as the rows they read from are done, so independent rows (one gale
 * per component) run side by side; a failure waits for the rows already
 * running to settle, so nothing is still writing when the build returns.
 *
 * @module
 */
import { CodeHashes } from "./code_deps.ts";
import { CACHE_FORMAT, type CacheEntry, type StageCache } from "./cache.ts";
import type { RemoteCache } from "./remote_cache.ts";
import type { Generation } from "./generation.ts";
import type { Reporter } from "./report.ts";
import type { StageRow } from "./stage_table.ts";
import { sha256, stableJson } from "./hash.ts";
import { join } from "node:path";

/** Where a stage's outputs came from. */
export type Origin = "built" | "local" | "remote";

/** One stage as the manifest records it. */
export interface StageRecord {
  id: string;
  origin: Origin;
  cached: boolean;
  durationMs: number;
  key: string;
  /** The hash of the stage's code (its module's import graph). */
  code: string;
  inputs: { name: string; sha256: string }[];
  outputs: { path: string; sha256: string }[];
}

/** A finished row: its record and its (verified) entry. */
export interface StageOutcome {
  record: StageRecord;
  entry: CacheEntry;
}

/** A failure's text, whatever was thrown (tools compiled to wasm throw plain objects and numbers). */
function reasonText(reason: unknown): string {
  if (reason instanceof Error) return reason.message;
  if (typeof reason === "string") return reason;
  const message = (reason as { message?: unknown } | null)?.message;
  if (typeof message === "string") return message;
  try {
    return `the stage threw ${JSON.stringify(reason)} (not an Error: a Dissolve bug)`;
  } catch {
    return `the stage threw ${String(reason)} (not an Error: a Dissolve bug)`;
  }
}

/** A stage failed; the message says which and why. */
export class StageError extends Error {
  constructor(
    readonly pipeline: string,
    readonly stage: string,
    readonly reason: unknown,
    /** The stage's inputs and their hashes (for a bug report). */
    readonly inputs: { name: string; sha256: string }[] = [],
  ) {
    super(`[${pipeline}] ${stage}: ${reasonText(reason)}`);
    this.name = "StageError";
  }
}

/** A row that did not run because a row it reads from failed. */
class Skipped extends Error {}

/** What the executor needs besides the rows. */
export interface ExecuteOptions {
  pipeline: string;
  /** Directory the rows' file inputs are relative to. */
  baseDir: string;
  generation: Generation;
  local: StageCache;
  remote?: RemoteCache;
  /** False for `--no-cache`: build everything, still store the results. */
  readCache: boolean;
  /** Tool name → identity, from `resolveTools`. */
  identities: Record<string, string>;
  reporter: Reporter;
  /** Stage code hashes to share with other builds in this process (a workspace's pipelines). */
  codeHashes?: CodeHashes;
}

/**
 * A stage's key: everything that determines its outputs, and nothing about
 * where the checkout lives.
 *
 * @example
 * ```ts
 * import { stageKey } from "./executor.ts";
 * console.log(stageKey("loom", [{ name: "fused.wasm", sha256: "ab" }], { level: 2 }, "c0de", {}));
 * ```
 */
export function stageKey(
  id: string,
  inputs: { name: string; sha256: string }[],
  settings: unknown,
  code: string,
  tools: Record<string, string>,
): string {
  return sha256(stableJson({ format: CACHE_FORMAT, id, inputs, settings, code, tools }));
}

/**
 * Runs every row of `rows`; returns their outcomes by id, or throws the first
 * row's {@linkcode StageError} once every running row has settled.
 *
 * @example
 * ```ts
 * import { executeStages } from "./executor.ts";
 * import { planStages } from "./stage_table.ts";
 * import { resolveTools } from "./tools.ts";
 * import { loadPipelineFile } from "./schema.ts";
 * import { StageCache } from "./cache.ts";
 * import { Generation } from "./generation.ts";
 * import { PlainReporter } from "./report.ts";
 * const p = await loadPipelineFile("examples/hello/dissolve.toml");
 * if ("name" in p) {
 *   const tools = await resolveTools(p);
 *   const generation = await Generation.begin("build", p.name);
 *   await executeStages(await planStages(p, tools), {
 *     pipeline: p.name, baseDir: p.baseDir, generation, local: new StageCache("build/.cache"),
 *     readCache: true, identities: tools.identities, reporter: new PlainReporter() });
 *   await generation.commit();
 * }
 * ```
 */
export async function executeStages(
  rows: StageRow[],
  opts: ExecuteOptions,
): Promise<Map<string, StageOutcome>> {
  const hashes = opts.codeHashes ?? new CodeHashes();
  const codeOf = (row: StageRow) => hashes.of(row.stage.module);
  const running = new Map<string, Promise<StageOutcome>>();
  for (const row of rows) {
    for (const input of row.inputs) {
      if ("stage" in input && !running.has(input.stage)) {
        throw new Error(
          `stage table: ${row.id} reads ${input.stage}, which comes later or not at all`,
        );
      }
    }
    running.set(row.id, runRow(row, opts, running, codeOf));
  }
  const settled = await Promise.allSettled(running.values());
  const failure = settled.find((s) => s.status === "rejected" && !(s.reason instanceof Skipped));
  if (failure) throw (failure as PromiseRejectedResult).reason;
  const outcomes = new Map<string, StageOutcome>();
  rows.forEach((row, i) =>
    outcomes.set(row.id, (settled[i] as PromiseFulfilledResult<StageOutcome>).value)
  );
  return outcomes;
}

async function runRow(
  row: StageRow,
  opts: ExecuteOptions,
  running: Map<string, Promise<StageOutcome>>,
  codeOf: (row: StageRow) => Promise<string>,
): Promise<StageOutcome> {
  const { pipeline, reporter } = opts;
  const bytes: Record<string, Uint8Array> = {};
  for (const input of row.inputs) {
    if ("stage" in input) {
      const from = await running.get(input.stage)!.catch(() => {
        throw new Skipped(row.id);
      });
      bytes[input.name] = from.entry.outputs[input.output];
    } else {
      try {
        bytes[input.name] = await Deno.readFile(join(opts.baseDir, input.file));
      } catch (e) {
        reporter.stage({ pipeline, stage: row.id, status: "failed" });
        throw new StageError(
          pipeline,
          row.id,
          `cannot read ${input.file}: ${(e as Error).message}`,
        );
      }
    }
  }
  reporter.stage({ pipeline, stage: row.id, status: "running" });
  const t0 = performance.now();
  const inputs = row.inputs.map((i) => ({ name: i.name, sha256: sha256(bytes[i.name]) }));
  const code = await codeOf(row);
  const tools = Object.fromEntries(row.tools.map((t) => [t, opts.identities[t] ?? "unknown"]));
  const key = stageKey(row.id, inputs, row.settings, code, tools);

  let entry: CacheEntry | undefined;
  let origin: Origin = "built";
  if (opts.readCache) {
    const local = await opts.local.get(key);
    if (local.status === "hit") {
      entry = local.entry;
      origin = "local";
    } else if (local.status === "corrupt") {
      reporter.info(
        pipeline,
        `warning: ${row.id}: cache entry ${
          key.slice(0, 16)
        }… failed verification (${local.reason}); dropped it and rebuilding`,
      );
      await opts.local.drop(key);
    }
    if (!entry && opts.remote) {
      const remote = await opts.remote.get(key);
      if (remote.status === "hit") {
        entry = remote.entry;
        origin = "remote";
        await opts.local.put(entry);
      } else if (remote.status === "corrupt") {
        reporter.info(
          pipeline,
          `warning: ${row.id}: remote cache entry ${
            key.slice(0, 16)
          }… failed verification (${remote.reason}); rebuilding and replacing it`,
        );
      }
    }
  }
  if (!entry) {
    entry = await build(row, opts, bytes, key, t0);
    await opts.local.put(entry);
    await opts.remote?.put(entry);
  }

  const outputs: StageRecord["outputs"] = [];
  for (const [name, path] of Object.entries(row.outputs)) {
    await opts.generation.write(path, entry.outputs[name]);
    outputs.push({ path, sha256: sha256(entry.outputs[name]) });
  }
  const durationMs = performance.now() - t0;
  reporter.stage({
    pipeline,
    stage: row.id,
    status: origin === "built" ? "done" : "cached",
    origin,
    durationMs,
    detail: entry.detail,
  });
  return {
    record: {
      id: row.id,
      origin,
      cached: origin !== "built",
      durationMs,
      key,
      code,
      inputs,
      outputs,
    },
    entry,
  };
}

/** Runs the stage and its gate in a private scratch directory. */
async function build(
  row: StageRow,
  opts: ExecuteOptions,
  inputs: Record<string, Uint8Array>,
  key: string,
  t0: number,
): Promise<CacheEntry> {
  const { pipeline, reporter } = opts;
  const scratchDir = await Deno.makeTempDir({
    prefix: `dissolve-${row.id.replace(/[^a-z0-9]/gi, "-")}-`,
  });
  try {
    const stage = await row.stage.load();
    const run = {
      settings: row.settings,
      inputs,
      ctx: {
        scratchDir,
        baseDir: opts.baseDir,
        log: (line: string) => reporter.info(pipeline, `${row.id}: ${line}`),
      },
    };
    const product = await stage.produce(run);
    await stage.gate(product, run);
    const made = Object.keys(product.outputs).sort().join(", ");
    const declared = Object.keys(row.outputs).sort().join(", ");
    if (made !== declared) {
      throw new Error(
        `the stage produced outputs [${made}], its row declares [${declared}] (a Dissolve bug)`,
      );
    }
    // Metadata is JSON from here on (the cache stores it); `metaOf` types it again.
    const meta = product.meta as Record<string, unknown>;
    return { key, outputs: product.outputs, meta, detail: product.detail };
  } catch (e) {
    reporter.stage({
      pipeline,
      stage: row.id,
      status: "failed",
      durationMs: performance.now() - t0,
    });
    throw new StageError(
      pipeline,
      row.id,
      e,
      Object.entries(inputs).map(([name, bytes]) => ({ name, sha256: sha256(bytes) })),
    );
  } finally {
    await Deno.remove(scratchDir, { recursive: true }).catch(() => {});
  }
}
