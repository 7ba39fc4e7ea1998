/**
 * What the Component Model's reference tests (`../shared`, not in a plain
 * clone) check in `big-interleaving-test`, `cancel-stream`, `cross-abi-calls`
 * and `drop-cross-task-borrow`, as small compositions of our own: each
 * failed before its fix.
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

/**
 * `drop-cross-task-borrow`'s semantics: `keep` (a callback task) keeps the
 * borrow it was lent while it runs; another call into its instance drops
 * it; `keep` then returns, and its caller's handle is lent no more. A sync
 * callee that returns still holding a borrow traps.
 */
const BORROWS = `(component definition $T
  (component $C
    (type $R' (resource (rep i32)))
    (canon resource.new $R' (core func $new))
    (export $R "R" (type $R'))
    (func (export "R-new") (param "rep" u32) (result (own $R)) (canon lift (core func $new))))
  (component $D
    (import "c" (instance $c (export "R" (type (sub resource)))))
    (alias export $c "R" (type $R))
    (canon resource.drop $R (core func $drop))
    (canon task.return (result u32) (core func $ret))
    (core module $M
      (import "" "drop" (func $drop (param i32)))
      (import "" "ret" (func $ret (param i32)))
      (global $h (mut i32) (i32.const 0))
      (func (export "keep") (param i32) (result i32) (global.set $h (local.get 0)) (i32.const 1))
      (func (export "keep-cb") (param i32 i32 i32) (result i32)
        (if (global.get $h) (then (return (i32.const 1))))
        (call $ret (i32.const 7))
        (i32.const 0))
      (func (export "drop-kept") (call $drop (global.get $h)) (global.set $h (i32.const 0)))
      (func (export "keep-sync") (param i32) (result i32) (i32.const 5)))
    (core instance $m (instantiate $M (with "" (instance
      (export "drop" (func $drop)) (export "ret" (func $ret))))))
    (func (export "keep") async (param "r" (borrow $R)) (result u32)
      (canon lift (core func $m "keep") async (callback (core func $m "keep-cb"))))
    (func (export "drop-kept") (canon lift (core func $m "drop-kept")))
    (func (export "keep-sync") (param "r" (borrow $R)) (result u32)
      (canon lift (core func $m "keep-sync"))))
  (component $E
    (import "c" (instance $c
      (export "R" (type $R (sub resource)))
      (export "R-new" (func (param "rep" u32) (result (own $R))))))
    (alias export $c "R" (type $R))
    (import "d" (instance $d
      (export "keep" (func async (param "r" (borrow $R)) (result u32)))
      (export "drop-kept" (func))
      (export "keep-sync" (func (param "r" (borrow $R)) (result u32)))))
    (core module $Mem (memory (export "mem") 1))
    (core instance $mem (instantiate $Mem))
    (canon lower (func $c "R-new") (core func $r-new))
    (canon lower (func $d "keep") async (memory $mem "mem") (core func $keep))
    (canon lower (func $d "drop-kept") (core func $drop-kept))
    (canon lower (func $d "keep-sync") (core func $keep-sync))
    (canon resource.drop $R (core func $r-drop))
    (canon waitable-set.new (core func $ws-new))
    (canon waitable-set.wait (memory $mem "mem") (core func $ws-wait))
    (canon waitable.join (core func $join))
    (canon subtask.drop (core func $sub-drop))
    (core module $M
      (import "" "mem" (memory 1))
      (import "" "r-new" (func $r-new (param i32) (result i32)))
      (import "" "keep" (func $keep (param i32 i32) (result i32)))
      (import "" "drop-kept" (func $drop-kept))
      (import "" "keep-sync" (func $keep-sync (param i32) (result i32)))
      (import "" "r-drop" (func $r-drop (param i32)))
      (import "" "ws-new" (func $ws-new (result i32)))
      (import "" "ws-wait" (func $ws-wait (param i32 i32) (result i32)))
      (import "" "join" (func $join (param i32 i32)))
      (import "" "sub-drop" (func $sub-drop (param i32)))
      (func (export "run") (result i32)
        (local $h i32) (local $ret i32) (local $sub i32) (local $ws i32)
        (local.set $h (call $r-new (i32.const 11)))
        (local.set $ret (call $keep (local.get $h) (i32.const 16)))
        (if (i32.ne (i32.and (local.get $ret) (i32.const 0xf)) (i32.const 1)) (then unreachable))
        (local.set $sub (i32.shr_u (local.get $ret) (i32.const 4)))
        (call $drop-kept)
        (local.set $ws (call $ws-new))
        (call $join (local.get $sub) (local.get $ws))
        (if (i32.ne (call $ws-wait (local.get $ws) (i32.const 32)) (i32.const 1)) (then unreachable))
        (call $sub-drop (local.get $sub))
        ;; no longer lent: the owner may drop it
        (call $r-drop (local.get $h))
        (i32.load (i32.const 16)))
      (func (export "run-sync") (result i32)
        (call $keep-sync (call $r-new (i32.const 12)))))
    (core instance $m (instantiate $M (with "" (instance
      (export "mem" (memory $mem "mem")) (export "r-new" (func $r-new)) (export "keep" (func $keep))
      (export "drop-kept" (func $drop-kept)) (export "keep-sync" (func $keep-sync))
      (export "r-drop" (func $r-drop)) (export "ws-new" (func $ws-new))
      (export "ws-wait" (func $ws-wait)) (export "join" (func $join))
      (export "sub-drop" (func $sub-drop))))))
    (func (export "run") async (result u32) (canon lift (core func $m "run")))
    (func (export "run-sync") (result u32) (canon lift (core func $m "run-sync"))))
  (instance $c (instantiate $C))
  (instance $d (instantiate $D (with "c" (instance $c))))
  (instance $e (instantiate $E (with "c" (instance $c)) (with "d" (instance $d))))
  (func (export "run") (alias export $e "run"))
  (func (export "run-sync") (alias export $e "run-sync")))`;

Deno.test("borrows: a callback task keeps its borrow while it runs; a sync callee that keeps one traps", async () => {
  const results = await runWastText(
    `${BORROWS}\n(component instance $i $T)\n(assert_return (invoke "run") (u32.const 7))\n` +
      `(component instance $i $T)\n(assert_trap (invoke "run-sync") "borrow handles still remain")\n`,
  );
  assertEquals(results.map((r) => r.status), ["passed", "passed"], JSON.stringify(results));
});

Deno.test("cancellable: a task waiting in a cancellable wait hears the cancel at once", async () => {
  await run(
    `(component
      (component $C
        (core module $Mem (memory (export "mem") 1))
        (core instance $mem (instantiate $Mem))
        (canon waitable-set.new (core func $ws-new))
        (canon waitable-set.wait cancellable (memory $mem "mem") (core func $wait))
        (canon task.cancel (core func $cancel))
        (core module $M
          (import "" "ws-new" (func $ws-new (result i32)))
          (import "" "wait" (func $wait (param i32 i32) (result i32)))
          (import "" "cancel" (func $cancel))
          (func (export "f") (result i32)
            (if (i32.ne (call $wait (call $ws-new) (i32.const 0)) (i32.const 6)) (then unreachable))
            (call $cancel)
            (i32.const 0))
          (func (export "f-cb") (param i32 i32 i32) (result i32) unreachable))
        (core instance $m (instantiate $M (with "" (instance
          (export "ws-new" (func $ws-new)) (export "wait" (func $wait)) (export "cancel" (func $cancel))))))
        (func (export "f") async (canon lift (core func $m "f") async (callback (core func $m "f-cb")))))
      (component $D
        (import "f" (func $f async))
        (canon lower (func $f) async (core func $f'))
        (canon subtask.cancel async (core func $cancel))
        (core module $M
          (import "" "f" (func $f (result i32)))
          (import "" "cancel" (func $cancel (param i32) (result i32)))
          (func (export "run") (result i32)
            (local $ret i32)
            (local.set $ret (call $f))
            (if (i32.ne (i32.and (local.get $ret) (i32.const 0xf)) (i32.const 1)) (then unreachable))
            (call $cancel (i32.shr_u (local.get $ret) (i32.const 4)))))
        (core instance $m (instantiate $M (with "" (instance
          (export "f" (func $f')) (export "cancel" (func $cancel))))))
        (func (export "run") (result u32) (canon lift (core func $m "run"))))
      (instance $c (instantiate $C))
      (instance $d (instantiate $D (with "f" (func $c "f"))))
      (func (export "run") (alias export $d "run")))`,
    4,
  );
});
