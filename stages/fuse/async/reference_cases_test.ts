/**
 * What the Component Model's reference tests (`../shared`, not in a plain
 * clone) check in `big-interleaving-test`, `cancel-stream` and
 * `cross-abi-calls`, as small compositions of our own: each failed before
 * its fix.
 */
import { assertEquals } from "../../../test/support/assert.ts";
import { runWastText } from "../../../test/spec/runner.ts";

async function run(wat: string, expected: number): Promise<void> {
  const results = await runWastText(
    `${wat}\n(assert_return (invoke "run") (u32.const ${expected}))\n`,
  );
  assertEquals(results.map((r) => r.status), ["passed"], JSON.stringify(results));
}

Deno.test("waitable-set.poll with no event writes the NONE payload (0, 0)", async () => {
  await run(
    `(component
      (core module $Mem (memory (export "mem") 1))
      (core instance $mem (instantiate $Mem))
      (canon waitable-set.new (core func $new))
      (canon waitable-set.poll (memory $mem "mem") (core func $poll))
      (core module $M
        (import "" "mem" (memory 1))
        (import "" "new" (func $new (result i32)))
        (import "" "poll" (func $poll (param i32 i32) (result i32)))
        (func (export "run") (result i32)
          (i64.store (i32.const 8) (i64.const -1))
          (i32.add (i32.mul (call $poll (call $new) (i32.const 8)) (i32.const 100))
            (i32.add (i32.load (i32.const 8)) (i32.load (i32.const 12))))))
      (core instance $m (instantiate $M (with "" (instance
        (export "mem" (memory $mem "mem")) (export "new" (func $new)) (export "poll" (func $poll))))))
      (func (export "run") (result u32) (canon lift (core func $m "run"))))`,
    0,
  );
});

Deno.test("cancelling a read the writer filled in part is CANCELLED with its progress", async () => {
  // Read 16 (BLOCKED), write 4 (COMPLETED | 4 << 4), cancel the read: CANCELLED | 4 << 4.
  await run(
    `(component
      (core module $Mem (memory (export "mem") 1))
      (core instance $mem (instantiate $Mem))
      (type $ST (stream u8))
      (canon stream.new $ST (core func $new))
      (canon stream.read $ST async (memory $mem "mem") (core func $read))
      (canon stream.write $ST async (memory $mem "mem") (core func $write))
      (canon stream.cancel-read $ST (core func $cancel))
      (core module $M
        (import "" "mem" (memory 1))
        (import "" "new" (func $new (result i64)))
        (import "" "read" (func $read (param i32 i32 i32) (result i32)))
        (import "" "write" (func $write (param i32 i32 i32) (result i32)))
        (import "" "cancel" (func $cancel (param i32) (result i32)))
        (func (export "run") (result i32)
          (local $ends i64) (local $rx i32) (local $tx i32)
          (local.set $ends (call $new))
          (local.set $rx (i32.wrap_i64 (local.get $ends)))
          (local.set $tx (i32.wrap_i64 (i64.shr_u (local.get $ends) (i64.const 32))))
          (if (i32.ne (call $read (local.get $rx) (i32.const 100) (i32.const 16)) (i32.const -1))
            (then unreachable))
          (if (i32.ne (call $write (local.get $tx) (i32.const 200) (i32.const 4)) (i32.const 0x40))
            (then unreachable))
          (call $cancel (local.get $rx))))
      (core instance $m (instantiate $M (with "" (instance
        (export "mem" (memory $mem "mem")) (export "new" (func $new)) (export "read" (func $read))
        (export "write" (func $write)) (export "cancel" (func $cancel))))))
      (func (export "run") (result u32) (canon lift (core func $m "run"))))`,
    0x42,
  );
});

Deno.test("backpressure: a call waits STARTING while it is set; a cancel then ends it CANCELLED_BEFORE_STARTED", async () => {
  await run(
    `(component
      (component $C
        (canon waitable-set.new (core func $ws-new))
        (canon backpressure.inc (core func $inc))
        (canon backpressure.dec (core func $dec))
        (core module $M
          (import "" "ws-new" (func $ws-new (result i32)))
          (import "" "inc" (func $inc))
          (import "" "dec" (func $dec))
          (func (export "block") (result i32)
            (i32.or (i32.const 2) (i32.shl (call $ws-new) (i32.const 4))))
          (func (export "block-cb") (param i32 i32 i32) (result i32) unreachable)
          (func (export "inc") (call $inc))
          (func (export "dec") (call $dec)))
        (core instance $m (instantiate $M (with "" (instance
          (export "ws-new" (func $ws-new)) (export "inc" (func $inc)) (export "dec" (func $dec))))))
        (func (export "block") async
          (canon lift (core func $m "block") async (callback (core func $m "block-cb"))))
        (func (export "inc") (canon lift (core func $m "inc")))
        (func (export "dec") (canon lift (core func $m "dec"))))
      (component $D
        (import "block" (func $block async))
        (import "inc" (func $inc))
        (import "dec" (func $dec))
        (canon lower (func $block) async (core func $block'))
        (canon lower (func $inc) (core func $inc'))
        (canon lower (func $dec) (core func $dec'))
        (canon subtask.cancel (core func $cancel))
        (canon subtask.drop (core func $drop))
        (core module $M
          (import "" "block" (func $block (result i32)))
          (import "" "inc" (func $inc))
          (import "" "dec" (func $dec))
          (import "" "cancel" (func $cancel (param i32) (result i32)))
          (import "" "drop" (func $drop (param i32)))
          (func (export "run") (result i32)
            (local $ret i32) (local $cancelled i32)
            (call $inc)
            (local.set $ret (call $block))
            (if (i32.ne (i32.and (local.get $ret) (i32.const 0xf)) (i32.const 0)) (then unreachable))
            (local.set $cancelled (call $cancel (i32.shr_u (local.get $ret) (i32.const 4))))
            (call $drop (i32.shr_u (local.get $ret) (i32.const 4)))
            (call $dec)
            (local.get $cancelled)))
        (core instance $m (instantiate $M (with "" (instance
          (export "block" (func $block')) (export "inc" (func $inc')) (export "dec" (func $dec'))
          (export "cancel" (func $cancel)) (export "drop" (func $drop))))))
        (func (export "run") (result u32) (canon lift (core func $m "run"))))
      (instance $c (instantiate $C))
      (instance $d (instantiate $D (with "block" (func $c "block")) (with "inc" (func $c "inc"))
        (with "dec" (func $c "dec"))))
      (func (export "run") (alias export $d "run")))`,
    3,
  );
});

Deno.test("17 scalar parameters travel by pointer into the callee's memory, through its realloc", async () => {
  const params = Array.from({ length: 17 }, (_, i) => `(param "p${i}" u32)`).join(" ");
  const stores = Array.from(
    { length: 17 },
    (_, i) => `(i32.store offset=${4 * i} (i32.const 64) (i32.const ${i + 1}))`,
  ).join(" ");
  const sum = Array.from({ length: 17 }, (_, i) => `(i32.load offset=${4 * i} (local.get 0))`)
    .reduce((a, b) => `(i32.add ${a} ${b})`);
  await run(
    `(component
      (component $C
        (core module $Mem
          (memory (export "mem") 1)
          ;; the reference test's "cheat": one allocation alive at a time
          (func (export "realloc") (param i32 i32 i32 i32) (result i32) (i32.const 1024)))
        (core instance $mem (instantiate $Mem))
        (core module $M
          (import "" "mem" (memory 1))
          (func (export "sum") (param i32) (result i32) ${sum}))
        (core instance $m (instantiate $M (with "" (instance (export "mem" (memory $mem "mem"))))))
        (func (export "sum") ${params} (result u32)
          (canon lift (core func $m "sum") (memory $mem "mem") (realloc (func $mem "realloc")))))
      (component $D
        (import "sum" (func $sum ${params} (result u32)))
        (core module $Mem (memory (export "mem") 1))
        (core instance $mem (instantiate $Mem))
        (canon lower (func $sum) (memory $mem "mem") (core func $sum'))
        (core module $M
          (import "" "mem" (memory 1))
          (import "" "sum" (func $sum (param i32) (result i32)))
          (func (export "run") (result i32) ${stores} (call $sum (i32.const 64))))
        (core instance $m (instantiate $M (with "" (instance
          (export "mem" (memory $mem "mem")) (export "sum" (func $sum'))))))
        (func (export "run") (result u32) (canon lift (core func $m "run"))))
      (instance $c (instantiate $C))
      (instance $d (instantiate $D (with "sum" (func $c "sum"))))
      (func (export "run") (alias export $d "run")))`,
    153,
  );
});
