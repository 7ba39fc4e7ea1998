/**
 * Fuse throughput, side by side with binaryen's `wasm-merge` merging the
 * same core modules in the same run:
 *
 * - a large real component (componentize-js output, ~11 MB);
 * - N small clang-built components, N = 2 … 64, to show how cost grows.
 *
 * Reported as MB/s of input and as the ratio wasm-merge time / fuse time.
 *
 * @module
 */
import { fuse } from "../stages/fuse/mod.ts";
import { measureInFreshProcesses, timeIt } from "./fuse_large.ts";
import { decodeWasm } from "../wasm/mod.ts";
import { encodeModule } from "../wasm/module/mod.ts";
import type { Component } from "../wasm/component/mod.ts";
import { ARENA_DECL, ARENA_WIT, buildComponent } from "../test/support/components.ts";

/** One measured row. */
export interface FuseBenchRow {
  input: string;
  bytes: number;
  fuseMs: number;
  fuseMBps: number;
  wasmMergeMs: number;
  ratio: number;
}

/** The core modules a component contains (depth-first), with names for wasm-merge. */
function coreModules(c: Component, prefix: string): { name: string; bytes: Uint8Array }[] {
  const out: { name: string; bytes: Uint8Array }[] = [];
  for (const s of c.sections) {
    if (s.id === "core module") {
      out.push({ name: `${prefix}m${out.length}`, bytes: encodeModule(s.module) });
    }
    if (s.id === "component") out.push(...coreModules(s.component, `${prefix}c${out.length}_`));
  }
  return out;
}

async function wasmMerge(
  modules: { name: string; bytes: Uint8Array }[],
  runs: number,
): Promise<number> {
  const dir = await Deno.makeTempDir({ prefix: "dissolve-bench-" });
  try {
    const args: string[] = [];
    for (const m of modules) {
      await Deno.writeFile(`${dir}/${m.name}.wasm`, m.bytes);
      args.push(`${dir}/${m.name}.wasm`, m.name);
    }
    const bin = new URL("../node_modules/binaryen/bin/wasm-merge", import.meta.url).pathname;
    return await timeIt(async () => {
      const { code, stderr } = await new Deno.Command("node", {
        args: [bin, ...args, "--all-features", "--skip-export-conflicts", "-o", `${dir}/out.wasm`],
        stderr: "piped",
        stdout: "null",
      }).output();
      if (code !== 0) {
        throw new Error(`wasm-merge failed: ${new TextDecoder().decode(stderr).slice(-400)}`);
      }
    }, runs);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
}

/** wasm-merge's fixed start-up (loading binaryen's 10 MB of JS), timed with `--version`. */
async function wasmMergeStartup(runs: number): Promise<number> {
  const bin = new URL("../node_modules/binaryen/bin/wasm-merge", import.meta.url).pathname;
  return await timeIt(async () => {
    await new Deno.Command("node", { args: [bin, "--version"], stdout: "null", stderr: "null" })
      .output();
  }, runs);
}

async function smallComponents(n: number): Promise<{ name: string; bytes: Uint8Array }[]> {
  const out = [];
  for (let i = 0; i < n; i++) {
    const c = `${ARENA_DECL}
static uint32_t state${i} = ${i};
static const char msg${i}[] = "component ${i} says hello";
static uint32_t ret${i}[2];
__attribute__((export_name("step${i}"))) uint32_t step${i}(uint32_t x) { state${i} = state${i} * 31 + x; return state${i}; }
__attribute__((export_name("hello${i}"))) uint32_t *hello${i}(void) {
  char *p = arena_realloc(0, 0, 1, sizeof msg${i});
  for (uint32_t j = 0; j < sizeof msg${i}; j++) p[j] = msg${i}[j];
  ret${i}[0] = (uint32_t)p; ret${i}[1] = sizeof msg${i}; return ret${i};
}`;
    const wit =
      `package bench:c${i}; world w { ${ARENA_WIT} export step${i}: func(x: u32) -> u32; export hello${i}: func() -> string; }`;
    out.push({ name: `c${i}`, bytes: await buildComponent(c, wit, "w") });
  }
  return out;
}

async function largeComponent(): Promise<Uint8Array> {
  const { componentize } = await import("@bytecodealliance/componentize-js");
  // The inline-WIT form: componentize-js's splicer cannot open WIT files through WASI here.
  const { component } = await componentize(
    `export function greet(name) { return "Hello, " + name + "!"; }`,
    `package bench:js; world app { export greet: func(name: string) -> string; }`,
  );
  return component;
}

/**
 * Runs the fuse benchmark and prints a table.
 *
 * @example
 * ```ts
 * import { benchFuse } from "./fuse_bench.ts";
 * const rows = await benchFuse();
 * console.log(rows.length);
 * ```
 */
export async function benchFuse(): Promise<FuseBenchRow[]> {
  const rows: FuseBenchRow[] = [];
  const startup = await wasmMergeStartup(3);
  const measure = async (
    label: string,
    inputs: { name: string; bytes: Uint8Array }[],
    runs: number,
  ) => {
    const bytes = inputs.reduce((n, c) => n + c.bytes.length, 0);
    const fuseMs = await timeIt(() => fuse(inputs, { memory: "auto", hostImports: "*" }), runs);
    const modules = inputs.flatMap((c, i) =>
      coreModules(decodeWasm(c.bytes) as Component, `i${i}_`)
    );
    const wasmMergeMs = await wasmMerge(modules, runs);
    const work = Math.max(0.001, wasmMergeMs - startup);
    const row = {
      input: label,
      bytes,
      fuseMs,
      fuseMBps: bytes / 1e6 / (fuseMs / 1000),
      wasmMergeMs,
      ratio: wasmMergeMs / fuseMs,
    };
    rows.push(row);
    console.log(
      `fuse ${label.padEnd(34)} ${(bytes / 1e6).toFixed(3).padStart(8)} MB  fuse ${
        fuseMs.toFixed(1).padStart(8)
      } ms (${row.fuseMBps.toFixed(1)} MB/s)  wasm-merge ${
        wasmMergeMs.toFixed(1).padStart(8)
      } ms  ratio ${row.ratio.toFixed(1)}x (${(work / fuseMs).toFixed(1)}x without its ${
        startup.toFixed(0)
      } ms start-up)`,
    );
  };
  try {
    const big = await largeComponent();
    // componentize-js leaves a large heap behind; collect it so it does not bill fuse's GC.
    (globalThis as { gc?: () => void }).gc?.();
    await measure("componentize-js component", [{ name: "js", bytes: big }], 5);
    // The target: fuse within 2× of the codec's own decode + walk of every instruction + encode,
    // timed in alternation in a fresh process (this one holds componentize-js's heap).
    const file = await Deno.makeTempFile({ suffix: ".wasm" });
    try {
      await Deno.writeFile(file, big);
      const r = await measureInFreshProcesses(file);
      console.log(
        `  in a fresh process, warm, in alternation: fuse ${r.fuseMs.toFixed(1)} ms, the ` +
          `codec's decode + walk every instruction + encode ${r.codecMs.toFixed(1)} ms; ` +
          `fuse / codec = ${r.ratio.toFixed(2)}x (median of the pairs' ratios; target ≤ 2x)`,
      );
      console.log(
        `  first call in a fresh process (JIT cold, fresh pages; median of 5 each): fuse ${
          r.firstFuseMs.toFixed(0)
        } ms, codec ${r.firstCodecMs.toFixed(0)} ms; fuse / codec = ${r.firstRatio.toFixed(2)}x`,
      );
      console.log(
        `  of fuse's warm time, validating the output takes ${r.validateMs.toFixed(1)} ms (${
          (r.validateMs / r.codecMs).toFixed(2)
        }x the codec)`,
      );
    } finally {
      await Deno.remove(file);
    }
  } catch (e) {
    console.log(`fuse componentize-js component: skipped (${(e as Error).message.split("\n")[0]})`);
  }
  const all = await smallComponents(64);
  for (const n of [2, 4, 8, 16, 32, 64]) await measure(`${n} small components`, all.slice(0, n), 5);
  return rows;
}

if (import.meta.main) await benchFuse();
