/**
 * Times fuse against the codec's walk on one component file, in a process of
 * its own (the parent benchmark holds componentize-js's heap, which would
 * bill both with its garbage collection).
 *
 * The two are measured in alternation — fuse, codec, fuse, codec … — after
 * both have warmed up, and the figure is the median of the per-pair ratios:
 * this machine's speed wanders by ±30% from one second to the next, and a
 * pair run back to back sees the same machine. Prints one JSON line:
 * `{ fuseMs, codecMs, ratio, validateMs }` (medians; `validateMs`: V8's
 * validation of the fused output, part of fuse's time).
 *
 * With `first-fuse` or `first-codec` after the file, it times that one's
 * first call in the process instead (JIT cold, and every buffer a fresh
 * page: what a build that fuses once pays), and prints `{ ms }`. Each runs in
 * a process of its own: a first call made after the other's would find the
 * decoder and encoder already compiled.
 *
 * @module
 */
import { fuse } from "../stages/fuse/mod.ts";
import { decodeWasm, encodeWasm } from "../wasm/mod.ts";
import { forEachOperator } from "../wasm/module/mod.ts";
import type { Component } from "../wasm/component/mod.ts";

/** The median of `values`. */
function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** Milliseconds one call of `fn` takes. */
async function timeOnce(fn: () => Promise<unknown> | unknown): Promise<number> {
  const t0 = performance.now();
  await fn();
  return performance.now() - t0;
}

/**
 * The median of `runs` timed calls of `fn`, after one warm-up call.
 *
 * @example
 * ```ts
 * import { timeIt } from "./fuse_large.ts";
 * console.log(await timeIt(() => new Uint8Array(1 << 20), 3));
 * ```
 */
export async function timeIt(fn: () => Promise<unknown> | unknown, runs = 5): Promise<number> {
  await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) times.push(await timeOnce(fn));
  return median(times);
}

/**
 * Times `a` and `b` in alternation: `warmup` untimed pairs, then `pairs`
 * timed ones. Returns the medians of each and of the ratios `a / b`.
 *
 * @example
 * ```ts
 * import { timePaired } from "./fuse_large.ts";
 * const r = await timePaired(() => new Uint8Array(1 << 21), () => new Uint8Array(1 << 20), 1, 3);
 * console.log(r.ratio > 0); // true
 * ```
 */
export async function timePaired(
  a: () => Promise<unknown> | unknown,
  b: () => Promise<unknown> | unknown,
  warmup = 8,
  pairs = 15,
): Promise<{ a: number; b: number; ratio: number }> {
  for (let i = 0; i < warmup; i++) await a(), await b();
  const as: number[] = [], bs: number[] = [], ratios: number[] = [];
  for (let i = 0; i < pairs; i++) {
    const ta = await timeOnce(a);
    const tb = await timeOnce(b);
    as.push(ta), bs.push(tb), ratios.push(ta / tb);
  }
  return { a: median(as), b: median(bs), ratio: median(ratios) };
}

/** Decode + walk every instruction of every nested module + encode. */
function codecWalk(bytes: Uint8Array): void {
  const walk = (c: Component): void => {
    for (const sec of c.sections) {
      if (sec.id === "core module") {
        for (const s of sec.module.sections) {
          if (s.id === "code") { for (const b of s.bodies) forEachOperator(b.bytes, {}, b.offset); }
        }
      } else if (sec.id === "component") walk(sec.component);
    }
  };
  const m = decodeWasm(bytes) as Component;
  walk(m);
  encodeWasm(m);
}

/**
 * Runs this file in fresh processes: `runs` alternating first calls of fuse
 * and of the codec, and one warm paired run. Returns the warm figures and
 * the first calls' medians and their ratio.
 *
 * @example
 * ```ts ignore
 * import { measureInFreshProcesses } from "./fuse_large.ts";
 * console.log(await measureInFreshProcesses("/tmp/big.wasm", 3));
 * ```
 */
export async function measureInFreshProcesses(file: string, runs = 5): Promise<{
  fuseMs: number;
  codecMs: number;
  ratio: number;
  validateMs: number;
  firstFuseMs: number;
  firstCodecMs: number;
  firstRatio: number;
}> {
  const run = async (...mode: string[]) => {
    const { code, stdout, stderr } = await new Deno.Command("deno", {
      args: ["run", "-A", new URL(import.meta.url).pathname, file, ...mode],
      stdout: "piped",
      stderr: "piped",
    }).output();
    if (code !== 0) throw new Error(new TextDecoder().decode(stderr));
    return JSON.parse(new TextDecoder().decode(stdout).trim());
  };
  const firstFuse: number[] = [], firstCodec: number[] = [];
  for (let i = 0; i < runs; i++) {
    firstFuse.push((await run("first-fuse")).ms);
    firstCodec.push((await run("first-codec")).ms);
  }
  const warm = await run();
  const firstFuseMs = median(firstFuse), firstCodecMs = median(firstCodec);
  return { ...warm, firstFuseMs, firstCodecMs, firstRatio: firstFuseMs / firstCodecMs };
}

if (import.meta.main) {
  const [file, mode] = Deno.args;
  const bytes = await Deno.readFile(file);
  const fuseIt = () => fuse([{ name: "js", bytes }], { memory: "auto", hostImports: "*" });
  if (mode === "first-fuse") console.log(JSON.stringify({ ms: await timeOnce(fuseIt) }));
  else if (mode === "first-codec") {
    console.log(JSON.stringify({ ms: await timeOnce(() => codecWalk(bytes)) }));
  } else {
    const { a: fuseMs, b: codecMs, ratio } = await timePaired(fuseIt, () => codecWalk(bytes));
    // Fuse validates what it writes (V8's validator): that share of fuse's time, measured apart.
    const { module } = await fuseIt();
    const validateMs = await timeIt(() => WebAssembly.validate(module as BufferSource));
    console.log(JSON.stringify({ fuseMs, codecMs, ratio, validateMs }));
  }
}
