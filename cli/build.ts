/**
 * `dissolve [build] [file] [--json]`: builds a pipeline (or a workspace of
 * pipelines) and prints the size reports.
 *
 * @module
 */
import { parseArgs } from "node:util";
import { loadPipelineFile } from "../pipeline/schema.ts";
import { runPipeline } from "../pipeline/runner.ts";
import { CodeHashes } from "../pipeline/code_deps.ts";
import { chooseReporter } from "../pipeline/report.ts";
import type { Pipeline } from "../pipeline/format.ts";
import type { SizeReport } from "../stages/types.ts";

function sizeLine(board: string, s: SizeReport): string {
  const kib = (n: number) => `${(n / 1024).toFixed(1)} KiB`;
  return `${board}: text ${s.text} B, data ${s.data} B, bss ${s.bss} B — flash ${
    kib(s.flashUsed)
  } of ${kib(s.flashTotal)}, RAM ${kib(s.ramUsed)} of ${kib(s.ramTotal)}`;
}

/** The `--explain-size` table: flash and RAM by origin, largest first, and wasm code per component. */
export function explainSize(b: NonNullable<SizeReport["breakdown"]>): string {
  const rows = (title: string, t: Record<string, number>) =>
    [
      `    ${title}:`,
      ...Object.entries(t).sort((x, y) => y[1] - x[1]).map(([k, v]) =>
        `      ${String(v).padStart(7)} B  ${k}`
      ),
    ].join("\n");
  const parts = [rows("flash", b.flash), rows("RAM", b.ram)];
  if (Object.keys(b.wasmCode).length > 0) parts.push(rows("wasm code by component", b.wasmCode));
  return parts.join("\n");
}

/**
 * Runs `dissolve build`; returns the exit code.
 *
 * @example
 * ```ts
 * import { buildCommand } from "./build.ts";
 * Deno.exit(await buildCommand(["examples/hello/dissolve.toml"]));
 * ```
 */
export async function buildCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      json: { type: "boolean" },
      verbose: { type: "boolean" },
      "build-dir": { type: "string" },
      "explain-size": { type: "boolean" },
      "no-cache": { type: "boolean" },
      "compile-per-board": { type: "boolean" },
      "remote-cache": { type: "string" },
      "allow-command": { type: "string", multiple: true },
      debug: { type: "boolean" },
    },
  });
  const remoteCache = values["remote-cache"] ?? Deno.env.get("DISSOLVE_REMOTE_CACHE");
  const file = positionals[0] ?? "dissolve.toml";
  const loaded = await loadPipelineFile(file);
  const pipelines: Pipeline[] = [];
  if ("members" in loaded) {
    for (const m of loaded.members) {
      const p = await loadPipelineFile(m);
      if ("members" in p) throw new Error(`${m}: workspaces cannot nest`);
      pipelines.push(p);
    }
  } else pipelines.push(loaded);
  // --debug: debug info end to end, into build/<name>-debug/ (the release build stays).
  if (values.debug) {
    pipelines.forEach((p, i) => {
      if (!p.debug) pipelines[i] = { ...p, name: `${p.name}-debug`, debug: true };
    });
  }
  const reporter = chooseReporter(!!values.json);
  const t0 = performance.now();
  const results = [];
  // Each stage's code is hashed once for the whole workspace.
  const codeHashes = new CodeHashes();
  try {
    for (const p of pipelines) {
      results.push(
        await runPipeline(p, {
          reporter,
          buildRoot: values["build-dir"],
          noCache: values["no-cache"],
          compilePerBoard: values["compile-per-board"],
          codeHashes,
          remoteCache: remoteCache || undefined,
          allowCommands: values["allow-command"],
        }),
      );
    }
  } finally {
    reporter.finish();
  }
  const stages = results.flatMap((r) => r.stages);
  const cached = stages.filter((s) => s.cached).length;
  const total = stages.length;
  const fromRemote = stages.filter((s) => s.origin === "remote").length;
  if (values.json) {
    console.log(
      JSON.stringify({
        event: "done",
        seconds: (performance.now() - t0) / 1000,
        cached,
        total,
        results,
      }),
    );
    return 0;
  }
  for (const r of results) {
    console.log(`\n${r.pipeline} → ${r.outDir}`);
    for (const [board, s] of Object.entries(r.sizes)) {
      console.log(`  ${sizeLine(board, s)}`);
      if (values["explain-size"] && s.breakdown) console.log(explainSize(s.breakdown));
    }
    for (const [board, run] of Object.entries(r.runs)) {
      console.log(`  ${board} printed: ${JSON.stringify(run.stdout.trim())}`);
    }
  }
  const origins = cached === 0 ? "" : ` (${cached - fromRemote} local, ${fromRemote} remote)`;
  console.log(
    `\n${total} stage(s), ${cached} reused${origins}, ${
      ((performance.now() - t0) / 1000).toFixed(2)
    } s`,
  );
  return 0;
}
