import { assert, assertEquals } from "../../../test/support/assert.ts";
import { parseWat } from "../../../test/spec/runner.ts";
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

Deno.test("streams: a stream of handles is refused by name (the scheduler copies bytes)", async () => {
  const wat = `(component
    (type $R (resource (rep i32)))
    (type $ST (stream (own $R)))
    (canon stream.new $ST (core func $new))
    (core module $M (import "" "new" (func (result i64))))
    (core instance $m (instantiate $M (with "" (instance (export "new" (func $new)))))))`;
  const err = await fuse([{ name: "handles", bytes: await parseWat(wat) }], {}).catch((e) => e);
  assert(
    err instanceof Error && /stream\.new/.test(err.message) && /handles/.test(err.message),
    String(err),
  );
});
