/**
 * Times fuse and the codec walk on one component file, in a process of its
 * own (the parent benchmark holds componentize-js's heap, which would bill
 * both with its garbage collection). Prints one JSON line:
 * `{ fuseMs, codecMs, validateMs }`, medians of 5 warm runs (`validateMs`: V8's
 * validation of the fused output, part of fuse's time).
 *
 * @module
 */
import { fuse } from "../stages/fuse/mod.ts";
import { decodeWasm, encodeWasm } from "../wasm/mod.ts";
import { forEachOperator } from "../wasm/module/operators.ts";
import type { Component } from "../wasm/component/model.ts";

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
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
  }
  return times.sort((a, b) => a - b)[Math.floor(runs / 2)];
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

if (import.meta.main) {
  const bytes = await Deno.readFile(Deno.args[0]);
  const fuseMs = await timeIt(() =>
    fuse([{ name: "js", bytes }], { memory: "auto", hostImports: "*" })
  );
  const codecMs = await timeIt(() => codecWalk(bytes));
  // Fuse validates what it writes (V8's validator): that share of fuse's time, measured apart.
  const { module } = await fuse([{ name: "js", bytes }], { memory: "auto", hostImports: "*" });
  const validateMs = await timeIt(() => WebAssembly.validate(module as BufferSource));
  console.log(JSON.stringify({ fuseMs, codecMs, validateMs }));
}
