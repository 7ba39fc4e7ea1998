import { assert, assertEquals } from "../../../test/support/assert.ts";
import { parseWat, runWastText } from "../../../test/spec/runner.ts";
import { fuse } from "../mod.ts";
import { bootFused } from "../../../test/support/boot_fused.ts";

/**
 * A sync-lifted `wait-for` blocks in `waitable-set.wait` on a future nobody
 * has written yet. Its caller, a callback-lifted `run`, calls it async: the
 * callee becomes a thread and suspends with its stack, so the call returns
 * STARTED (its subtask takes the handle the future's end left free). `run` then writes 41 into the future,
 * which makes the thread ready; when it finishes (returning the value + 1 at
 * the retptr) the subtask resolves RETURNED and `run` returns the result.
 * Without threads the callee would have to block its caller: a deadlock.
 * A second call starts while the first one is suspended: the callee's
 * instance is taken (it is sync-lifted), so the call waits, STARTING, and
 * runs once the first returned (its value is written by then: no wait).
 */
const WAT = `(component
  (component $Callee
    (core module $Mem (memory (export "mem") 1))
    (core instance $mem (instantiate $Mem))
    (type $FT (future u32))
    (canon waitable-set.new (core func $ws-new))
    (canon waitable-set.wait (memory $mem "mem") (core func $ws-wait))
    (canon waitable.join (core func $join))
    (canon future.read $FT async (memory $mem "mem") (core func $read))
    (canon future.drop-readable $FT (core func $drop))
    (core module $M
      (import "" "mem" (memory 1))
      (import "" "ws-new" (func $ws-new (result i32)))
      (import "" "ws-wait" (func $ws-wait (param i32 i32) (result i32)))
      (import "" "join" (func $join (param i32 i32)))
      (import "" "read" (func $read (param i32 i32) (result i32)))
      (import "" "drop" (func $drop (param i32)))
      (func (export "wait-for") (param $f i32) (result i32)
        (local $ws i32)
        ;; BLOCKED until the value is written: then wait for the FUTURE_READ event
        (if (i32.eq (call $read (local.get $f) (i32.const 16)) (i32.const -1)) (then
          (local.set $ws (call $ws-new))
          (call $join (local.get $f) (local.get $ws))
          (if (i32.ne (call $ws-wait (local.get $ws) (i32.const 32)) (i32.const 4))
            (then unreachable))))
        (call $drop (local.get $f))
        (i32.add (i32.load (i32.const 16)) (i32.const 1))))
    (core instance $m (instantiate $M (with "" (instance
      (export "mem" (memory $mem "mem"))
      (export "ws-new" (func $ws-new)) (export "ws-wait" (func $ws-wait))
      (export "join" (func $join)) (export "read" (func $read)) (export "drop" (func $drop))))))
    (func (export "wait-for") async (param "f" $FT) (result u32)
      (canon lift (core func $m "wait-for"))))
  (component $Caller
    (type $FT (future u32))
    (import "wait-for" (func $wait-for async (param "f" $FT) (result u32)))
    (core module $Mem (memory (export "mem") 1))
    (core instance $mem (instantiate $Mem))
    (canon lower (func $wait-for) async (memory $mem "mem") (core func $wait-for'))
    (canon future.new $FT (core func $new))
    (canon future.write $FT async (memory $mem "mem") (core func $write))
    (canon future.drop-writable $FT (core func $drop-w))
    (canon waitable-set.new (core func $ws-new))
    (canon waitable.join (core func $join))
    (canon subtask.drop (core func $sub-drop))
    (canon task.return (result u32) (core func $return))
    (core module $M
      (import "" "mem" (memory 1))
      (import "" "wait-for" (func $wait-for (param i32 i32) (result i32)))
      (import "" "new" (func $new (result i64)))
      (import "" "write" (func $write (param i32 i32) (result i32)))
      (import "" "drop-w" (func $drop-w (param i32)))
      (import "" "ws-new" (func $ws-new (result i32)))
      (import "" "join" (func $join (param i32 i32)))
      (import "" "sub-drop" (func $sub-drop (param i32)))
      (import "" "return" (func $return (param i32)))
      (global $ws (mut i32) (i32.const 0))
      (global $w1 (mut i32) (i32.const 0))
      (global $w2 (mut i32) (i32.const 0))
      (global $left (mut i32) (i32.const 2))
      (global $sum (mut i32) (i32.const 0))
      (func $future (param $at i32) (result i32)
        (local $ends i64)
        (local.set $ends (call $new))
        (i32.store (local.get $at) (i32.wrap_i64 (i64.shr_u (local.get $ends) (i64.const 32))))
        (i32.wrap_i64 (local.get $ends)))
      (func (export "run") (result i32)
        (local $r1 i32) (local $r2 i32)
        (global.set $ws (call $ws-new))
        (local.set $r1 (call $future (i32.const 100)))
        (local.set $r2 (call $future (i32.const 104)))
        ;; the first call suspends in its wait: STARTED, as subtask 2 (the future's freed slot)
        (if (i32.ne (call $wait-for (local.get $r1) (i32.const 200)) (i32.const 0x21))
          (then unreachable))
        ;; the instance is taken: the second call waits to start, STARTING, as subtask 6 (its
        ;; arguments, the future's end among them, are lifted only when it starts)
        (if (i32.ne (call $wait-for (local.get $r2) (i32.const 204)) (i32.const 0x60))
          (then unreachable))
        (call $join (i32.const 2) (global.get $ws))
        (call $join (i32.const 6) (global.get $ws))
        (i32.store (i32.const 300) (i32.const 41))
        (if (i32.ne (call $write (i32.load (i32.const 100)) (i32.const 300)) (i32.const 0))
          (then unreachable))
        (i32.store (i32.const 300) (i32.const 1000))
        (if (i32.ne (call $write (i32.load (i32.const 104)) (i32.const 300)) (i32.const -1))
          (then unreachable))
        (i32.or (i32.const 2) (i32.shl (global.get $ws) (i32.const 4))))
      (func (export "run-cb") (param $ev i32) (param $i i32) (param $p i32) (result i32)
        (if (i32.ne (local.get $ev) (i32.const 1)) (then unreachable))
        (if (i32.ne (local.get $p) (i32.const 2))
          (then (return (i32.or (i32.const 2) (i32.shl (global.get $ws) (i32.const 4))))))
        (call $sub-drop (local.get $i))
        (global.set $sum (i32.add (global.get $sum)
          (i32.load (i32.add (i32.const 198) (local.get $i)))))
        (global.set $left (i32.sub (global.get $left) (i32.const 1)))
        (if (global.get $left)
          (then (return (i32.or (i32.const 2) (i32.shl (global.get $ws) (i32.const 4))))))
        (call $return (global.get $sum))
        (i32.const 0)))
    (core instance $m (instantiate $M (with "" (instance
      (export "mem" (memory $mem "mem")) (export "wait-for" (func $wait-for'))
      (export "new" (func $new)) (export "write" (func $write)) (export "drop-w" (func $drop-w))
      (export "ws-new" (func $ws-new)) (export "join" (func $join))
      (export "sub-drop" (func $sub-drop)) (export "return" (func $return))))))
    (func (export "run") async (result u32)
      (canon lift (core func $m "run") async (callback (core func $m "run-cb")))))
  (instance $callee (instantiate $Callee))
  (instance $caller (instantiate $Caller (with "wait-for" (func $callee "wait-for"))))
  (func (export "run") (alias export $caller "run")))`;

Deno.test("threads: a sync-lifted callee blocks with its stack; its async caller gets STARTED, then STARTING for a second call", async () => {
  const results = await runWastText(`${WAT}\n(assert_return (invoke "run") (u32.const 1043))\n`);
  assertEquals(results.map((r) => r.status), ["passed"], JSON.stringify(results));
});

Deno.test("threads: the fused module's suspend and resume run on the MCU as in V8", async () => {
  const binary = await parseWat(WAT);
  const { module } = await fuse([{ name: "threads", bytes: binary }], {
    memory: "auto",
    asyncTasks: 8,
    asyncWaitables: 16,
    asyncThreads: 2,
    asyncThreadBytes: 512,
  });
  // The test components declare whole pages (hand-written, no extent to shrink to): boards with
  // megabytes of RAM, one of each ISA.
  for (const board of ["mps2-an385", "virt-rv32"]) {
    const r = await bootFused(module, board, "run");
    assert(r.stdout.startsWith("1043\n"), `${board}: exit ${r.exitCode}: ${r.stdout}`);
  }
});

/**
 * A callback task that blocks inside its start keeps its instance: `slow`'s
 * start marks the instance busy, waits for a future, and clears the mark. Its
 * caller writes the future and then calls `peek` of the same instance
 * synchronously: the call waits until `slow`'s start is out of the instance,
 * so `peek` sees it idle (0), and `slow` returns 5.
 */
const EXCLUSIVE = `(component
  (component $X
    (core module $Mem (memory (export "mem") 1))
    (core instance $mem (instantiate $Mem))
    (type $FT (future u32))
    (canon waitable-set.new (core func $ws-new))
    (canon waitable-set.wait (memory $mem "mem") (core func $ws-wait))
    (canon waitable.join (core func $join))
    (canon future.read $FT async (memory $mem "mem") (core func $read))
    (canon future.drop-readable $FT (core func $drop))
    (canon task.return (result u32) (core func $return))
    (core module $M
      (import "" "mem" (memory 1))
      (import "" "ws-new" (func $ws-new (result i32)))
      (import "" "ws-wait" (func $ws-wait (param i32 i32) (result i32)))
      (import "" "join" (func $join (param i32 i32)))
      (import "" "read" (func $read (param i32 i32) (result i32)))
      (import "" "drop" (func $drop (param i32)))
      (import "" "return" (func $return (param i32)))
      (global $busy (mut i32) (i32.const 0))
      (func (export "slow") (param $f i32) (result i32)
        (local $ws i32)
        (global.set $busy (i32.const 1))
        (if (i32.eq (call $read (local.get $f) (i32.const 16)) (i32.const -1)) (then
          (local.set $ws (call $ws-new))
          (call $join (local.get $f) (local.get $ws))
          (drop (call $ws-wait (local.get $ws) (i32.const 32)))))
        (call $drop (local.get $f))
        (global.set $busy (i32.const 0))
        (call $return (i32.load (i32.const 16)))
        (i32.const 0))
      (func (export "peek") (result i32)
        (call $return (global.get $busy))
        (i32.const 0))
      (func (export "cb") (param i32 i32 i32) (result i32) unreachable))
    (core instance $m (instantiate $M (with "" (instance
      (export "mem" (memory $mem "mem")) (export "ws-new" (func $ws-new))
      (export "ws-wait" (func $ws-wait)) (export "join" (func $join))
      (export "read" (func $read)) (export "drop" (func $drop)) (export "return" (func $return))))))
    (func (export "slow") async (param "f" $FT) (result u32)
      (canon lift (core func $m "slow") async (callback (core func $m "cb"))))
    (func (export "peek") async (result u32)
      (canon lift (core func $m "peek") async (callback (core func $m "cb")))))
  (component $Y
    (type $FT (future u32))
    (import "slow" (func $slow async (param "f" $FT) (result u32)))
    (import "peek" (func $peek async (result u32)))
    (core module $Mem (memory (export "mem") 1))
    (core instance $mem (instantiate $Mem))
    (canon lower (func $slow) async (memory $mem "mem") (core func $slow'))
    (canon lower (func $peek) (core func $peek'))
    (canon future.new $FT (core func $new))
    (canon future.write $FT async (memory $mem "mem") (core func $write))
    (canon waitable-set.new (core func $ws-new))
    (canon waitable.join (core func $join))
    (canon task.return (result u32) (core func $return))
    (core module $M
      (import "" "mem" (memory 1))
      (import "" "slow" (func $slow (param i32 i32) (result i32)))
      (import "" "peek" (func $peek (result i32)))
      (import "" "new" (func $new (result i64)))
      (import "" "write" (func $write (param i32 i32) (result i32)))
      (import "" "ws-new" (func $ws-new (result i32)))
      (import "" "join" (func $join (param i32 i32)))
      (import "" "return" (func $return (param i32)))
      (global $ws (mut i32) (i32.const 0))
      (global $seen (mut i32) (i32.const 0))
      (func (export "run") (result i32)
        (local $ends i64) (local $st i32)
        (local.set $ends (call $new))
        (local.set $st (call $slow (i32.wrap_i64 (local.get $ends)) (i32.const 200)))
        (if (i32.ne (i32.and (local.get $st) (i32.const 0xf)) (i32.const 1)) (then unreachable))
        (i32.store (i32.const 300) (i32.const 5))
        (drop (call $write (i32.wrap_i64 (i64.shr_u (local.get $ends) (i64.const 32))) (i32.const 300)))
        (global.set $seen (call $peek))
        (global.set $ws (call $ws-new))
        (call $join (i32.shr_u (local.get $st) (i32.const 4)) (global.get $ws))
        (i32.or (i32.const 2) (i32.shl (global.get $ws) (i32.const 4))))
      (func (export "run-cb") (param $ev i32) (param $i i32) (param $p i32) (result i32)
        (if (i32.ne (local.get $p) (i32.const 2))
          (then (return (i32.or (i32.const 2) (i32.shl (global.get $ws) (i32.const 4))))))
        (call $return (i32.add (i32.mul (global.get $seen) (i32.const 100)) (i32.load (i32.const 200))))
        (i32.const 0)))
    (core instance $m (instantiate $M (with "" (instance
      (export "mem" (memory $mem "mem")) (export "slow" (func $slow')) (export "peek" (func $peek'))
      (export "new" (func $new)) (export "write" (func $write)) (export "ws-new" (func $ws-new))
      (export "join" (func $join)) (export "return" (func $return))))))
    (func (export "run") async (result u32)
      (canon lift (core func $m "run") async (callback (core func $m "run-cb")))))
  (instance $x (instantiate $X))
  (instance $y (instantiate $Y (with "slow" (func $x "slow")) (with "peek" (func $x "peek"))))
  (func (export "run") (alias export $y "run")))`;

Deno.test("threads: a sync call waits until a callback task blocked in its instance is out of it", async () => {
  const results = await runWastText(`${EXCLUSIVE}\n(assert_return (invoke "run") (u32.const 5))\n`);
  assertEquals(results.map((r) => r.status), ["passed"], JSON.stringify(results));
});
