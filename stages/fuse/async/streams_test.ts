import { assertEquals } from "../../../test/support/assert.ts";
import { parseWat, runWastText } from "../../../test/spec/runner.ts";
import { fuse } from "../mod.ts";

/**
 * One instance writes four bytes into a stream<u8> (BLOCKED: no reader yet), then reads them
 * back through the readable end (COMPLETED | 4 << 4, the writer notified), then cancels a read
 * that nothing will complete (CANCELLED) and drops both ends.
 */
const WAT = `(component
  (core module $Mem (memory (export "mem") 1))
  (core instance $mem (instantiate $Mem))
  (type $ST (stream u8))
  (canon stream.new $ST (core func $new))
  (canon stream.read $ST async (memory $mem "mem") (core func $read))
  (canon stream.write $ST async (memory $mem "mem") (core func $write))
  (canon stream.cancel-read $ST (core func $cancel-read))
  (canon stream.drop-readable $ST (core func $drop-r))
  (canon stream.drop-writable $ST (core func $drop-w))
  (core module $M
    (import "" "mem" (memory 1))
    (import "" "new" (func $new (result i64)))
    (import "" "read" (func $read (param i32 i32 i32) (result i32)))
    (import "" "write" (func $write (param i32 i32 i32) (result i32)))
    (import "" "cancel-read" (func $cancel-read (param i32) (result i32)))
    (import "" "drop-r" (func $drop-r (param i32)))
    (import "" "drop-w" (func $drop-w (param i32)))
    (func (export "run") (result i32)
      (local $ends i64) (local $r i32) (local $w i32) (local $ret i32)
      (local.set $ends (call $new))
      (local.set $r (i32.wrap_i64 (local.get $ends)))
      (local.set $w (i32.wrap_i64 (i64.shr_u (local.get $ends) (i64.const 32))))
      (i32.store (i32.const 16) (i32.const 0x04030201))
      (if (i32.ne (call $write (local.get $w) (i32.const 16) (i32.const 4)) (i32.const -1))
        (then (return (i32.const 1))))
      (if (i32.ne (call $read (local.get $r) (i32.const 64) (i32.const 8)) (i32.const 0x40))
        (then (return (i32.const 2))))
      (if (i32.ne (i32.load (i32.const 64)) (i32.const 0x04030201))
        (then (return (i32.const 3))))
      (if (i32.ne (call $read (local.get $r) (i32.const 64) (i32.const 8)) (i32.const -1))
        (then (return (i32.const 4))))
      (if (i32.ne (call $cancel-read (local.get $r)) (i32.const 2))
        (then (return (i32.const 5))))
      (call $drop-r (local.get $r))
      (call $drop-w (local.get $w))
      (i32.const 0)))
  (core instance $m (instantiate $M (with "" (instance
    (export "mem" (memory $mem "mem"))
    (export "new" (func $new)) (export "read" (func $read)) (export "write" (func $write))
    (export "cancel-read" (func $cancel-read))
    (export "drop-r" (func $drop-r)) (export "drop-w" (func $drop-w))))))
  (func (export "run") (result u32) (canon lift (core func $m "run"))))`;

Deno.test("streams: a write and a read rendezvous in the fused scheduler; cancel and drop", async () => {
  const { module } = await fuse([{ name: "streams", bytes: await parseWat(WAT) }], {});
  const instance = await WebAssembly.instantiate(new WebAssembly.Module(module as BufferSource));
  // 0: every step saw the result the canonical ABI gives; n: step n did not.
  assertEquals((instance.exports.run as () => number)(), 0);
});

/** $W writes two strings into a stream; $R reads them into its own memory, with its realloc. */
const STRINGS = `(component
  (component $W
    (core module $Mem (memory (export "mem") 1))
    (core instance $mem (instantiate $Mem))
    (type $ST (stream string))
    (canon stream.new $ST (core func $new))
    (canon stream.write $ST async (memory $mem "mem") (core func $write))
    (core module $Core
      (import "" "mem" (memory 1))
      (import "" "new" (func $new (result i64)))
      (import "" "write" (func $write (param i32 i32 i32) (result i32)))
      (data (i32.const 100) "hello")
      (data (i32.const 110) "streams")
      (func (export "start") (result i32)
        (local $ends i64)
        (local.set $ends (call $new))
        (i32.store (i32.const 16) (i32.const 100)) (i32.store (i32.const 20) (i32.const 5))
        (i32.store (i32.const 24) (i32.const 110)) (i32.store (i32.const 28) (i32.const 7))
        ;; nobody reads yet: the write waits (BLOCKED)
        (if (i32.ne (call $write (i32.wrap_i64 (i64.shr_u (local.get $ends) (i64.const 32)))
              (i32.const 16) (i32.const 2)) (i32.const -1))
          (then unreachable))
        (i32.wrap_i64 (local.get $ends))))
    (core instance $core (instantiate $Core (with "" (instance
      (export "mem" (memory $mem "mem")) (export "new" (func $new)) (export "write" (func $write))))))
    (func (export "start") (result (stream string)) (canon lift (core func $core "start"))))
  (component $R
    (import "w" (instance $w (export "start" (func (result (stream string))))))
    (core module $Mem
      (memory (export "mem") 1)
      (global $next (mut i32) (i32.const 1024))
      (func (export "realloc") (param i32 i32 i32 i32) (result i32)
        (local $at i32) (local.set $at (global.get $next))
        (global.set $next (i32.add (global.get $next) (local.get 3))) (local.get $at)))
    (core instance $mem (instantiate $Mem))
    (type $ST (stream string))
    (canon stream.read $ST async (memory $mem "mem") (realloc (func $mem "realloc")) (core func $read))
    (canon lower (func $w "start") (core func $start))
    (core module $Core
      (import "" "mem" (memory 1))
      (import "" "read" (func $read (param i32 i32 i32) (result i32)))
      (import "" "start" (func $start (result i32)))
      (func (export "run") (result i32)
        ;; both elements move at once: COMPLETED (0) | 2 << 4
        (if (i32.ne (call $read (call $start) (i32.const 200) (i32.const 2)) (i32.const 0x20))
          (then unreachable))
        ;; the strings are in this memory now (the realloc's region), not the writer's
        (if (i32.lt_u (i32.load (i32.const 200)) (i32.const 1024)) (then unreachable))
        ;; lengths 5 and 7, and their first and last bytes: 'h' (104) and 's' (115)
        (i32.add
          (i32.mul (i32.add (i32.load (i32.const 204)) (i32.load (i32.const 212))) (i32.const 1000))
          (i32.add (i32.load8_u (i32.load (i32.const 200)))
            (i32.load8_u (i32.add (i32.load (i32.const 208)) (i32.const 6)))))))
    (core instance $core (instantiate $Core (with "" (instance
      (export "mem" (memory $mem "mem")) (export "read" (func $read)) (export "start" (func $start))))))
    (func (export "run") (result u32) (canon lift (core func $core "run"))))
  (instance $w (instantiate $W))
  (instance $r (instantiate $R (with "w" (instance $w))))
  (export "run" (func $r "run")))`;

Deno.test("streams: a stream of strings copies each string into the reader's memory, with its realloc", async () => {
  const results = await runWastText(
    `${STRINGS}\n(assert_return (invoke "run") (u32.const 12219))\n`,
  );
  assertEquals(results.map((r) => [r.status, r.reason ?? ""]), [["passed", ""]]);
});
