/**
 * `deno task dissolve` on the examples, run as the user runs it (a fresh
 * process each time), three ways side by side: cold (empty build directory
 * and caches), warm from the local cache (nothing changed), and warm from a
 * remote cache (a second checkout elsewhere with an empty local cache,
 * reading the Bazel-protocol cache the first checkout filled — nginx with
 * WebDAV on loopback). Prints the size reports on lm3s6965evb.
 *
 * @module
 */
import { fileURLToPath } from "node:url";
import { startWebDavCache } from "../test/support/webdav_cache.ts";

const ROOT = fileURLToPath(new URL("../", import.meta.url));

interface Run {
  seconds: number;
  json: Record<string, unknown>;
}

async function dissolve(
  checkout: string,
  buildDir: string,
  remote: string,
  extra: string[] = [],
): Promise<Run> {
  const t0 = performance.now();
  const { code, stdout, stderr } = await new Deno.Command("deno", {
    // By name: `npx deno` puts its deno on PATH, and `--allow-run=deno` grants exactly that one
    // (Deno.execPath() is npx's cached binary, a path no task can name in advance).
    args: [
      "run",
      "-A",
      `${ROOT}/cli.ts`,
      "build",
      `${checkout}/dissolve.toml`,
      "--json",
      "--build-dir",
      buildDir,
      "--remote-cache",
      remote,
      ...extra,
    ],
    cwd: checkout,
    stdout: "piped",
    stderr: "piped",
  }).output();
  const seconds = (performance.now() - t0) / 1000;
  if (code !== 0) throw new Error(`dissolve failed:\n${new TextDecoder().decode(stderr)}`);
  const lines = new TextDecoder().decode(stdout).trim().split("\n");
  return { seconds, json: JSON.parse(lines[lines.length - 1]) };
}

/** A copy of the project's pipelines and sources at a new place: another checkout. */
async function checkout(at: string): Promise<string> {
  const copy = async (from: string, to: string) => {
    await Deno.mkdir(to, { recursive: true });
    for await (const e of Deno.readDir(from)) {
      if (e.isDirectory) await copy(`${from}/${e.name}`, `${to}/${e.name}`);
      else if (e.isFile) await Deno.copyFile(`${from}/${e.name}`, `${to}/${e.name}`);
    }
  };
  await copy(`${ROOT}/examples`, `${at}/examples`);
  await Deno.copyFile(`${ROOT}/dissolve.toml`, `${at}/dissolve.toml`);
  return at;
}

/** Cold, warm-local and warm-remote timings of the default pipeline, with size reports. */
export interface PipelineBenchResult {
  coldSeconds: number;
  /** Cold, with synth compiling for every board instead of once per CPU. */
  coldPerBoardSeconds: number;
  warmLocalSeconds: number;
  warmRemoteSeconds: number;
  reused: { warmLocal: string; warmRemote: string };
  sizes: Record<string, Record<string, unknown>>;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const reusedOf = (r: Run) => `${r.json.cached}/${r.json.total}`;

/**
 * Runs the pipeline benchmark.
 *
 * @example
 * ```ts
 * import { benchPipeline } from "./pipeline_bench.ts";
 * console.log((await benchPipeline()).warmLocalSeconds);
 * ```
 */
export async function benchPipeline(): Promise<PipelineBenchResult> {
  const dir = await Deno.makeTempDir({ prefix: "dissolve-bench-build-" });
  const server = await startWebDavCache();
  try {
    const first = await checkout(`${dir}/runner-1/checkout`);
    const cold = await dissolve(first, `${first}/build`, server.url);
    // The same cold build, compiling for each board: what compiling once per CPU saves. Its own
    // checkout and build directory, and no remote cache, so nothing is shared with the rest.
    const perBoard = await checkout(`${dir}/per-board/checkout`);
    const coldPerBoard = await dissolve(perBoard, `${perBoard}/build`, "", ["--compile-per-board"]);
    const warmLocal: Run[] = [];
    for (let i = 0; i < 3; i++) warmLocal.push(await dissolve(first, `${first}/build`, server.url));
    const warmRemote: Run[] = [];
    for (let i = 0; i < 3; i++) {
      const other = await checkout(`${dir}/runner-${i + 2}/elsewhere/checkout`);
      warmRemote.push(await dissolve(other, `${other}/build`, server.url));
    }
    const last = warmLocal[warmLocal.length - 1];
    const results = last.json.results as {
      pipeline: string;
      sizes: Record<string, Record<string, unknown>>;
    }[];
    const sizes: PipelineBenchResult["sizes"] = {};
    for (const r of results) sizes[r.pipeline] = r.sizes.lm3s6965evb ?? {};
    const result: PipelineBenchResult = {
      coldSeconds: cold.seconds,
      coldPerBoardSeconds: coldPerBoard.seconds,
      warmLocalSeconds: median(warmLocal.map((r) => r.seconds)),
      warmRemoteSeconds: median(warmRemote.map((r) => r.seconds)),
      reused: { warmLocal: reusedOf(last), warmRemote: reusedOf(warmRemote[0]) },
      sizes,
    };
    console.log(`pipeline: deno task dissolve (every example, every board), a fresh process each`);
    console.log(
      `  cold                          ${cold.seconds.toFixed(2)} s (1.00×; synth compiles once ` +
        `per CPU: ${coldPerBoard.seconds.toFixed(2)} s, ${
          (coldPerBoard.seconds / cold.seconds).toFixed(2)
        }×, when it compiles for each board)`,
    );
    console.log(
      `  warm, local cache             ${result.warmLocalSeconds.toFixed(2)} s (${
        (result.warmLocalSeconds / cold.seconds).toFixed(2)
      }×; ${result.reused.warmLocal} stages reused; target ≤ 0.4 s)`,
    );
    console.log(
      `  warm, remote cache (new checkout, empty local cache) ${
        result.warmRemoteSeconds.toFixed(2)
      } s (${
        (result.warmRemoteSeconds / cold.seconds).toFixed(2)
      }×; ${result.reused.warmRemote} stages reused)`,
    );
    for (const [name, s] of Object.entries(sizes)) {
      console.log(
        `  ${name} on lm3s6965evb: text ${s.text} B, data ${s.data} B, bss ${s.bss} B, RAM ${s.ramUsed} of ${s.ramTotal} B, flash ${s.flashUsed} of ${s.flashTotal} B`,
      );
    }
    return result;
  } finally {
    await server.stop();
    await Deno.remove(dir, { recursive: true });
  }
}

if (import.meta.main) await benchPipeline();
