/**
 * Codec throughput on the largest real module at hand (componentize-js's
 * `starlingmonkey_embedding.wasm`, ~10.5 MB), side by side in the same run
 * with binaryen.js `readBinary` + `emitBinary` on the same bytes.
 *
 * Reports MB/s for: our structural decode + encode; our decode + a walk of
 * every instruction + encode; binaryen. And peak memory above baseline.
 *
 * @module
 */
import binaryen from "binaryen";
import { decodeWasm, encodeWasm } from "../wasm/mod.ts";
import type { CoreModule } from "../wasm/module/mod.ts";
import { forEachOperator } from "../wasm/module/mod.ts";
import { largestModulePath } from "../test/support/corpus.ts";

/** One benchmark result. */
export interface CodecBenchResult {
  file: string;
  megabytes: number;
  oursMBps: number;
  oursFullWalkMBps: number;
  binaryenMBps: number;
  ratio: number;
  ratioFullWalk: number;
  peakAboveBaselineMB: number;
  peakRatioToInput: number;
}

function gc(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function time(fn: () => void, runs: number): number {
  const t: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    t.push(performance.now() - t0);
  }
  return median(t);
}

/**
 * Runs the codec benchmark and prints the figures.
 *
 * @example
 * ```ts
 * import { benchCodec } from "./codec_bench.ts";
 * const r = await benchCodec();
 * console.log(r.ratio);
 * ```
 */
export async function benchCodec(): Promise<CodecBenchResult> {
  const path = largestModulePath();
  const bytes = await Deno.readFile(path);
  const mb = bytes.length / 1e6;
  // Peak memory of one decode + encode, above a settled baseline.
  gc();
  const base = Deno.memoryUsage();
  let peak = 0;
  const sample = () => {
    const u = Deno.memoryUsage();
    peak = Math.max(
      peak,
      u.rss - base.rss,
      u.heapUsed + u.external - base.heapUsed - base.external,
    );
  };
  const model = decodeWasm(bytes);
  sample();
  const out = encodeWasm(model);
  sample();
  if (out.length !== bytes.length) throw new Error("round trip changed the size");
  const ours = time(() => encodeWasm(decodeWasm(bytes)), 7);
  const full = time(() => {
    const m = decodeWasm(bytes) as CoreModule;
    for (const s of m.sections) {
      if (s.id === "code") { for (const b of s.bodies) forEachOperator(b.bytes, {}, b.offset); }
    }
    encodeWasm(m);
  }, 3);
  const theirs = time(() => {
    const m = binaryen.readBinary(bytes);
    m.emitBinary();
    m.dispose();
  }, 3);
  const result: CodecBenchResult = {
    file: path.replace(/.*node_modules\//, ""),
    megabytes: mb,
    oursMBps: mb / (ours / 1000),
    oursFullWalkMBps: mb / (full / 1000),
    binaryenMBps: mb / (theirs / 1000),
    ratio: theirs / ours,
    ratioFullWalk: theirs / full,
    peakAboveBaselineMB: peak / 1e6,
    peakRatioToInput: peak / bytes.length,
  };
  console.log(`codec: ${result.file} (${mb.toFixed(2)} MB)`);
  console.log(
    `  dissolve decode+encode          ${ours.toFixed(1).padStart(8)} ms  ${
      result.oursMBps.toFixed(0).padStart(6)
    } MB/s`,
  );
  console.log(
    `  dissolve decode+walk+encode     ${full.toFixed(1).padStart(8)} ms  ${
      result.oursFullWalkMBps.toFixed(0).padStart(6)
    } MB/s`,
  );
  console.log(
    `  binaryen.js readBinary+emit     ${theirs.toFixed(1).padStart(8)} ms  ${
      result.binaryenMBps.toFixed(1).padStart(6)
    } MB/s`,
  );
  console.log(
    `  ratio: ${result.ratio.toFixed(0)}x faster (structural), ${
      result.ratioFullWalk.toFixed(1)
    }x with every instruction decoded (target ≥ 10x)`,
  );
  console.log(
    `  peak memory above baseline: ${result.peakAboveBaselineMB.toFixed(1)} MB = ${
      result.peakRatioToInput.toFixed(2)
    }x the input (target ≤ 4x)`,
  );
  return result;
}

if (import.meta.main) await benchCodec();
