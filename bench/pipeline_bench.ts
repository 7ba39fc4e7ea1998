/**
 * `deno task dissolve` on the examples, cold (empty build directory and
 * cache) and warm (nothing changed), run as the user runs it: a fresh
 * process each time. Prints the size reports on lm3s6965evb.
 *
 * @module
 */
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("../", import.meta.url));

async function dissolve(
  buildDir: string,
): Promise<{ seconds: number; json: Record<string, unknown> }> {
  const t0 = performance.now();
  const { code, stdout, stderr } = await new Deno.Command(Deno.execPath(), {
    args: ["run", "-A", "cli.ts", "build", "dissolve.toml", "--json", "--build-dir", buildDir],
    cwd: ROOT,
    stdout: "piped",
    stderr: "piped",
  }).output();
  const seconds = (performance.now() - t0) / 1000;
  if (code !== 0) throw new Error(`dissolve failed:\n${new TextDecoder().decode(stderr)}`);
  const lines = new TextDecoder().decode(stdout).trim().split("\n");
  return { seconds, json: JSON.parse(lines[lines.length - 1]) };
}

/** Cold and warm timings of the default pipeline, with size reports. */
export interface PipelineBenchResult {
  coldSeconds: number;
  warmSeconds: number;
  warmReused: string;
  sizes: Record<string, Record<string, unknown>>;
}

/**
 * Runs the pipeline benchmark.
 *
 * @example
 * ```ts
 * import { benchPipeline } from "./pipeline_bench.ts";
 * console.log((await benchPipeline()).warmSeconds);
 * ```
 */
export async function benchPipeline(): Promise<PipelineBenchResult> {
  const dir = await Deno.makeTempDir({ prefix: "dissolve-bench-build-" });
  try {
    const cold = await dissolve(dir);
    const warms: number[] = [];
    let last = cold;
    for (let i = 0; i < 3; i++) {
      last = await dissolve(dir);
      warms.push(last.seconds);
    }
    const warm = warms.sort((a, b) => a - b)[1];
    const results = last.json.results as {
      pipeline: string;
      sizes: Record<string, Record<string, unknown>>;
    }[];
    const sizes: PipelineBenchResult["sizes"] = {};
    for (const r of results) sizes[r.pipeline] = r.sizes.lm3s6965evb ?? {};
    const result = {
      coldSeconds: cold.seconds,
      warmSeconds: warm,
      warmReused: `${last.json.cached}/${last.json.total}`,
      sizes,
    };
    console.log(`pipeline: deno task dissolve (both examples, both boards)`);
    console.log(
      `  cold ${cold.seconds.toFixed(2)} s; warm ${
        warm.toFixed(2)
      } s (${result.warmReused} stages reused; target ≤ 0.5 s)`,
    );
    for (const [name, s] of Object.entries(sizes)) {
      console.log(
        `  ${name} on lm3s6965evb: text ${s.text} B, data ${s.data} B, bss ${s.bss} B, RAM ${s.ramUsed} of ${s.ramTotal} B, flash ${s.flashUsed} of ${s.flashTotal} B`,
      );
    }
    return result;
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
}

if (import.meta.main) await benchPipeline();
