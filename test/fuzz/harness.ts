/**
 * The fuzz harness: mutates real components (the ones the examples build)
 * and runs decode, encode and fuse with every memory strategy on each.
 * Anything but a typed error (`WasmDecodeError`, `WasmEncodeError`,
 * `FuseError`) is a crash; a fused module that does not validate is an
 * invalid output. Each new crash signature gets a minimized reproduction.
 *
 * @module
 */
import { join } from "node:path";
import { decodeWasm, encodeWasm, WasmDecodeError, WasmEncodeError } from "../../wasm/mod.ts";
import { fuse } from "../../stages/fuse/mod.ts";
import { FuseError } from "../../stages/fuse/errors.ts";
import { gale } from "../../stages/gale/mod.ts";
import { loadPipelineFile } from "../../pipeline/schema.ts";
import { sha256 } from "../../pipeline/hash.ts";
import { mutate, Random } from "./mutate.ts";

/** A set of components fused together (one of them gets mutated). */
export interface Seed {
  name: string;
  components: { name: string; bytes: Uint8Array }[];
}

const ROOT = new URL("../../", import.meta.url).pathname;
const STRATEGIES = ["shared", "multi", "auto"] as const;
/** Every phase an input goes through; `fuse-component` wraps the auto result as a component. */
const PHASES = ["decode", "encode", ...STRATEGIES.map((s) => `fuse-${s}`), "fuse-component"];

/**
 * Builds the seeds: every example pipeline's components (with gale, as the
 * pipeline builds them), and each component alone.
 *
 * @example
 * ```ts
 * import { buildSeeds } from "./harness.ts";
 * console.log((await buildSeeds()).map((s) => s.name));
 * ```
 */
export async function buildSeeds(): Promise<Seed[]> {
  const seeds: Seed[] = [];
  for (const example of ["hello", "kernel", "byo-os", "async-kernel"]) {
    const p = await loadPipelineFile(join(ROOT, "examples", example, "dissolve.toml"));
    if ("members" in p) continue;
    const components = [];
    for (const c of p.components) {
      const scratchDir = await Deno.makeTempDir({ prefix: "dissolve-fuzz-seed-" });
      try {
        const out = await gale(c, { scratchDir, baseDir: p.baseDir, log: () => {} });
        components.push({ name: c.name, bytes: out.component });
      } finally {
        await Deno.remove(scratchDir, { recursive: true });
      }
    }
    seeds.push({ name: example, components });
    if (components.length > 1) {
      for (const c of components) seeds.push({ name: `${example}/${c.name}`, components: [c] });
    }
  }
  return seeds;
}

/** One crash signature and what reproduces it. */
export interface Crash {
  signature: string;
  count: number;
  message: string;
  /** Where the minimized reproduction was saved. */
  saved?: string;
}

/** What a fuzz run saw. */
export interface FuzzReport {
  inputs: number;
  decoded: number;
  fuseCalls: number;
  fusedOk: number;
  typedErrors: Record<string, number>;
  crashes: Crash[];
  invalidOutputs: Crash[];
  /** Inputs that took longer than the hang threshold. */
  slow: { mutator: string; ms: number }[];
  seconds: number;
}

/** Options of {@linkcode fuzz}. */
export interface FuzzOptions {
  seconds: number;
  seed?: number;
  /** Where minimized reproductions go (none saved when absent). */
  saveDir?: string;
  /** Milliseconds above which one input counts as a hang. */
  hangMs?: number;
  onProgress?(report: FuzzReport): void;
}

type Outcome = { kind: "ok" } | { kind: "typed"; code: string } | {
  kind: "crash" | "invalid";
  signature: string;
  message: string;
};

function typedCode(e: unknown): string | undefined {
  // An internal fault wears FuseError's clothes; it is still a crash.
  if (e instanceof FuseError) return e.code === "internal" ? undefined : `fuse:${e.code}`;
  if (e instanceof WasmDecodeError) return `decode:${e.kind}`;
  if (e instanceof WasmEncodeError) return "encode";
  return undefined;
}

function crashSignature(phase: string, e: unknown): string {
  const cause = e instanceof FuseError && e.cause !== undefined ? e.cause : e;
  const err = cause instanceof Error ? cause : new Error(String(cause));
  const frame = (err.stack ?? "").split("\n").find((l) => l.includes("file://")) ?? "";
  const where = /\/([^/]+\.ts):(\d+)/.exec(frame);
  return `${phase}:${err.name}:${where ? `${where[1]}:${where[2]}` : "?"}`;
}

/** Runs one phase on one input set; classifies what happened. */
async function runPhase(
  phase: string,
  set: { name: string; bytes: Uint8Array }[],
  mutated: Uint8Array,
): Promise<Outcome> {
  try {
    if (phase === "decode") {
      decodeWasm(mutated);
    } else if (phase === "encode") {
      encodeWasm(decodeWasm(mutated));
    } else if (phase === "fuse-component") {
      const { module } = await fuse(set, {
        memory: "auto",
        component: true,
        hostImports: "*",
        sourceDateEpoch: 0,
      });
      // Our own decoder must read back what we wrote (the core module inside was validated).
      try {
        decodeWasm(module);
      } catch (e) {
        return {
          kind: "invalid",
          signature: `${phase}:invalid`,
          message: `the component does not decode: ${(e as Error).message}`,
        };
      }
    } else {
      const memory = phase.slice("fuse-".length) as (typeof STRATEGIES)[number];
      const { module } = await fuse(set, {
        memory,
        shareStack: memory === "shared",
        hostImports: "*",
        sourceDateEpoch: 0,
      });
      if (!WebAssembly.validate(module as BufferSource)) {
        let message = "does not validate";
        try {
          new WebAssembly.Module(module as BufferSource);
        } catch (v) {
          message = (v as Error).message;
        }
        return { kind: "invalid", signature: `${phase}:invalid`, message };
      }
    }
    return { kind: "ok" };
  } catch (e) {
    const code = typedCode(e);
    if (code) return { kind: "typed", code };
    return {
      kind: "crash",
      signature: crashSignature(phase, e),
      message: e instanceof Error ? `${e.name}: ${e.message}` : String(e),
    };
  }
}

/** Shrinks `bytes` while `phase` still fails with `signature` (bounded delta debugging). */
async function minimize(
  phase: string,
  set: { name: string; bytes: Uint8Array }[],
  index: number,
  bytes: Uint8Array,
  signature: string,
): Promise<Uint8Array> {
  let best = bytes;
  let attempts = 0;
  for (let chunk = best.length >> 1; chunk >= 1 && attempts < 300; chunk >>= 1) {
    for (let at = 8; at + chunk <= best.length && attempts < 300;) {
      attempts++;
      const candidate = new Uint8Array(best.length - chunk);
      candidate.set(best.subarray(0, at));
      candidate.set(best.subarray(at + chunk), at);
      const trial = set.map((c, i) => i === index ? { ...c, bytes: candidate } : c);
      const out = await runPhase(phase, trial, candidate);
      if ((out.kind === "crash" || out.kind === "invalid") && out.signature === signature) {
        best = candidate;
      } else at += chunk;
    }
  }
  return best;
}

/**
 * Fuzzes for `options.seconds`.
 *
 * @example
 * ```ts
 * import { buildSeeds, fuzz } from "./harness.ts";
 * const report = await fuzz(await buildSeeds(), { seconds: 5 });
 * console.log(report.inputs, report.crashes.length);
 * ```
 */
export async function fuzz(seeds: Seed[], options: FuzzOptions): Promise<FuzzReport> {
  const rng = new Random(options.seed ?? Date.now());
  const hangMs = options.hangMs ?? 2000;
  const report: FuzzReport = {
    inputs: 0,
    decoded: 0,
    fuseCalls: 0,
    fusedOk: 0,
    typedErrors: {},
    crashes: [],
    invalidOutputs: [],
    slow: [],
    seconds: 0,
  };
  const all = seeds.flatMap((s) => s.components.map((c) => c.bytes));
  const t0 = performance.now();
  let lastProgress = t0;
  while ((performance.now() - t0) / 1000 < options.seconds) {
    const seed = rng.pick(seeds);
    const index = rng.below(seed.components.length);
    const { bytes, mutator } = mutate(seed.components[index].bytes, rng, rng.pick(all));
    const set = seed.components.map((c, i) => i === index ? { ...c, bytes } : c);
    report.inputs++;
    const started = performance.now();
    let decodes = false;
    for (const phase of PHASES) {
      if (phase !== "decode" && !decodes) break;
      const out = await runPhase(phase, set, bytes);
      if (phase.startsWith("fuse-")) report.fuseCalls++;
      if (phase === "decode") {
        decodes = out.kind === "ok";
        if (decodes) report.decoded++;
      }
      if (out.kind === "ok" && phase.startsWith("fuse-")) report.fusedOk++;
      if (out.kind === "typed") {
        report.typedErrors[out.code] = (report.typedErrors[out.code] ?? 0) + 1;
      }
      if (out.kind === "crash" || out.kind === "invalid") {
        const list = out.kind === "crash" ? report.crashes : report.invalidOutputs;
        const known = list.find((c) => c.signature === out.signature);
        if (known) known.count++;
        else {
          const crash: Crash = { signature: out.signature, count: 1, message: out.message };
          list.push(crash);
          if (options.saveDir) {
            const small = await minimize(phase, set, index, bytes, out.signature);
            await Deno.mkdir(options.saveDir, { recursive: true });
            const file = join(options.saveDir, `${sha256(out.signature).slice(0, 12)}.wasm`);
            await Deno.writeFile(file, small);
            await Deno.writeTextFile(
              file.replace(/\.wasm$/, ".json"),
              JSON.stringify(
                {
                  signature: out.signature,
                  message: out.message,
                  phase,
                  mutator,
                  seed: seed.name,
                  component: seed.components[index].name,
                  others: seed.components.filter((_, i) => i !== index).map((c) => c.name),
                },
                null,
                2,
              ),
            );
            crash.saved = file;
          }
        }
      }
    }
    const ms = performance.now() - started;
    if (ms > hangMs) report.slow.push({ mutator, ms: Math.round(ms) });
    if (options.onProgress && performance.now() - lastProgress > 5000) {
      lastProgress = performance.now();
      report.seconds = (lastProgress - t0) / 1000;
      options.onProgress(report);
    }
  }
  report.seconds = (performance.now() - t0) / 1000;
  return report;
}

/** A one-paragraph summary of a report. */
export function summarize(r: FuzzReport): string {
  const typed = Object.values(r.typedErrors).reduce((a, b) => a + b, 0);
  return [
    `fuzz: ${r.inputs} inputs in ${r.seconds.toFixed(0)} s (${r.decoded} decoded), ` +
    `${r.fuseCalls} fuse calls (${r.fusedOk} fused, ${typed} typed errors across phases), ` +
    `${r.crashes.length} crash signature(s), ${r.invalidOutputs.length} invalid-output signature(s), ` +
    `${r.slow.length} slow input(s)`,
    ...[...r.crashes, ...r.invalidOutputs].map((c) =>
      `  ${c.signature} ×${c.count}: ${c.message.split("\n")[0].slice(0, 160)}${
        c.saved ? ` (saved ${c.saved})` : ""
      }`
    ),
  ].join("\n");
}

/**
 * Re-runs one saved reproduction (`<hash>.wasm` with its `.json`) on every
 * phase; returns the crashes and invalid outputs it still causes.
 *
 * @example
 * ```ts
 * import { buildSeeds, replay } from "./harness.ts";
 * console.log(await replay(await buildSeeds(), "build/fuzz/0123456789ab.wasm"));
 * ```
 */
export async function replay(seeds: Seed[], file: string): Promise<string[]> {
  const info = JSON.parse(await Deno.readTextFile(file.replace(/\.wasm$/, ".json")));
  const seed = seeds.find((s) => s.name === info.seed);
  if (!seed) throw new Error(`${file}: no seed named ${info.seed}`);
  const bytes = await Deno.readFile(file);
  const set = seed.components.map((c) => c.name === info.component ? { ...c, bytes } : c);
  const failures: string[] = [];
  for (const phase of PHASES) {
    const out = await runPhase(phase, set, bytes);
    if (out.kind === "crash" || out.kind === "invalid") {
      failures.push(`${out.signature}: ${out.message}`);
    }
  }
  return failures;
}
