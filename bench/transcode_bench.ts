/**
 * String transcoding in fused adapters: a caller lowering UTF-8 passes a
 * large string to a callee lifting latin1+utf16, through the adapter fuse
 * generates (one pass, the destination allocated before the first byte is
 * read). The peer is the same work in JS in the same run: V8's TextDecoder,
 * then the Latin-1 bytes. (jco, the reference runtime, has no UTF-8 to
 * Latin-1 transcoder to compare with.)
 *
 * @module
 */
import { parseWat } from "../test/spec/runner.ts";
import { fuse } from "../stages/fuse/mod.ts";
import { timePaired } from "./fuse_large.ts";

/** A callee that lifts latin1+utf16 and a caller that lowers UTF-8, its string filled once. */
const COMPOSITION = `(component
  (component $Callee
    (core module $M
      (memory (export "mem") 256)
      (global $next (mut i32) (i32.const 1024))
      (func (export "realloc") (param i32 i32 i32 i32) (result i32)
        (local $r i32)
        (local.set $r (i32.and (i32.add (global.get $next) (i32.const 7)) (i32.const -8)))
        (global.set $next (i32.add (local.get $r) (local.get 3)))
        (local.get $r))
      (func (export "len") (param i32 i32) (result i32)
        (global.set $next (i32.const 1024))
        (local.get 1)))
    (core instance $m (instantiate $M))
    (func (export "len") (param "s" string) (result u32)
      (canon lift (core func $m "len") (memory $m "mem") (realloc (func $m "realloc"))
        string-encoding=latin1+utf16)))
  (component $Caller
    (import "len" (func $len (param "s" string) (result u32)))
    (core module $Mem (memory (export "mem") 256))
    (core instance $mem (instantiate $Mem))
    (core func $len' (canon lower (func $len) (memory $mem "mem")))
    (core module $M
      (import "" "mem" (memory 256))
      (import "" "len" (func $len (param i32 i32) (result i32)))
      (global $filled (mut i32) (i32.const 0))
      (func (export "run") (param $n i32) (result i32)
        (local $i i32)
        (if (i32.lt_u (global.get $filled) (local.get $n))
          (then
            (loop $l
              (i32.store8 (i32.add (i32.const 64) (local.get $i))
                (i32.add (i32.const 97) (i32.rem_u (local.get $i) (i32.const 26))))
              (local.set $i (i32.add (local.get $i) (i32.const 1)))
              (br_if $l (i32.lt_u (local.get $i) (local.get $n))))
            (global.set $filled (local.get $n))))
        (call $len (i32.const 64) (local.get $n))))
    (core instance $m (instantiate $M (with "" (instance
      (export "mem" (memory $mem "mem")) (export "len" (func $len'))))))
    (func (export "run") (param "n" u32) (result u32) (canon lift (core func $m "run"))))
  (instance $callee (instantiate $Callee))
  (instance $caller (instantiate $Caller (with "len" (func $callee "len"))))
  (export "run" (func $caller "run")))`;

/** What one size measured. */
export interface TranscodeRow {
  bytes: number;
  fusedMs: number;
  jsMs: number;
  ratio: number;
}

/**
 * Runs the transcoding benchmark (4 MiB of ASCII, UTF-8 → latin1+utf16).
 *
 * @example
 * ```ts ignore
 * import { benchTranscode } from "./transcode_bench.ts";
 * const [row] = await benchTranscode();
 * console.log(row.ratio);
 * ```
 */
export async function benchTranscode(sizes = [4 << 20]): Promise<TranscodeRow[]> {
  const { module } = await fuse([{ name: "t", bytes: await parseWat(COMPOSITION) }], {
    memory: "auto",
  });
  const { instance } = await WebAssembly.instantiate(module as BufferSource, {});
  const run = instance.exports.run as (n: number) => number;
  const rows: TranscodeRow[] = [];
  console.log("transcode: a fused adapter (UTF-8 → latin1+utf16) vs V8's TextDecoder + Latin-1");
  for (const bytes of sizes) {
    const source = new Uint8Array(bytes).map((_, i) => 97 + i % 26);
    const decoder = new TextDecoder("utf-8", { fatal: true });
    const js = () => {
      const s = decoder.decode(source);
      const out = new Uint8Array(s.length);
      for (let i = 0; i < s.length; i++) {
        const c = s.charCodeAt(i);
        if (c > 0xff) throw new Error("not Latin-1");
        out[i] = c;
      }
      return out.length;
    };
    if (run(bytes) !== bytes || js() !== bytes) throw new Error("transcode: wrong length");
    const t = await timePaired(() => run(bytes), js, 3, 9);
    rows.push({ bytes, fusedMs: t.a, jsMs: t.b, ratio: t.ratio });
    const mbs = (ms: number) => (bytes / 1e6 / (ms / 1000)).toFixed(0);
    console.log(
      `  ${(bytes / (1 << 20)).toFixed(0)} MiB: fused adapter ${t.a.toFixed(1)} ms ` +
        `(${mbs(t.a)} MB/s), JS ${t.b.toFixed(1)} ms (${mbs(t.b)} MB/s); ` +
        `fused / JS = ${t.ratio.toFixed(2)}x (median of the pairs' ratios)`,
    );
  }
  return rows;
}
