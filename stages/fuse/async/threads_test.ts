import { assert, assertEquals } from "../../../test/support/assert.ts";
import { parseWat, runWastText } from "../../../test/spec/runner.ts";
import { fuse } from "../mod.ts";
import { bootFused } from "../../../test/support/boot_fused.ts";
import { instantiateWithJco } from "../../../test/support/jco_host.ts";

/**
 * The thread built-ins both compositions below declare: a table of `slots` start functions,
 * `thread.new-indirect` on it (`$new`), and the switches `$switch` and `$yield-to`.
 */
function threadBuiltins(slots: number): string {
  return `(core module $Table (table (export "tbl") ${slots} funcref))
    (core instance $table (instantiate $Table))
    (core type $start (func (param i32)))
    (alias core export $table "tbl" (core table $tbl))
    (core func $new (canon thread.new-indirect $start (core table $tbl)))
    (canon thread.suspend-then-resume (core func $switch))
    (canon thread.yield-then-resume (core func $yield-to))`;
}

/**
 * A sync-lifted `run` that interleaves threads it creates: two workers each
 * append their digit to `acc` and switch back to `run` (which stays
 * suspended meanwhile), three rounds, keeping their loop counters across the
 * switches; then each is switched to once more to finish (`run` yields,
 * so it is ready again when a worker ends); a third thread, made ready by
 * `thread.resume-later`, runs when `run` promotes it and appends 7. `run` is
 * called by another component's sync call (`$Driver`) and, as `direct`, by
 * the host; both run it as a thread of `$T`'s instance.
 */
const WAT = `(component
  (component $T
    ${threadBuiltins(2)}
    (canon thread.resume-later (core func $later))
    (canon thread.yield-then-promote (core func $promote))
    (canon thread.index (core func $index))
    (core module $M
      (import "" "new" (func $new (param i32 i32) (result i32)))
      (import "" "switch" (func $switch (param i32) (result i32)))
      (import "" "yield-to" (func $yield-to (param i32) (result i32)))
      (import "" "later" (func $later (param i32)))
      (import "" "promote" (func $promote (param i32) (result i32)))
      (import "" "index" (func $index (result i32)))
      (import "" "tbl" (table 2 funcref))
      (global $main (mut i32) (i32.const 0))
      (global $acc (mut i32) (i32.const 0))
      (func $append (param $d i32)
        (global.set $acc (i32.add (i32.mul (global.get $acc) (i32.const 10)) (local.get $d))))
      (func $worker (param $d i32)
        (local $i i32)
        (loop $round
          (call $append (local.get $d))
          (drop (call $switch (global.get $main)))
          (local.set $i (i32.add (local.get $i) (i32.const 1)))
          (br_if $round (i32.lt_u (local.get $i) (i32.const 3)))))
      (func $once (param $d i32) (call $append (local.get $d)))
      (elem (i32.const 0) func $worker $once)
      (func (export "run") (result i32)
        (local $a i32) (local $b i32) (local $c i32) (local $round i32)
        (global.set $acc (i32.const 0))
        (global.set $main (call $index))
        (local.set $a (call $new (i32.const 0) (i32.const 1)))
        (local.set $b (call $new (i32.const 0) (i32.const 2)))
        (if (i32.or (i32.eq (local.get $a) (local.get $b))
              (i32.eq (local.get $a) (global.get $main))) (then unreachable))
        (loop $rounds
          (drop (call $switch (local.get $a)))
          (drop (call $switch (local.get $b)))
          (local.set $round (i32.add (local.get $round) (i32.const 1)))
          (br_if $rounds (i32.lt_u (local.get $round) (i32.const 3))))
        (drop (call $yield-to (local.get $a)))
        (drop (call $yield-to (local.get $b)))
        (local.set $c (call $new (i32.const 1) (i32.const 7)))
        (call $later (local.get $c))
        (drop (call $promote (local.get $c)))
        (global.get $acc)))
    (core instance $m (instantiate $M (with "" (instance
      (export "new" (func $new)) (export "switch" (func $switch))
      (export "yield-to" (func $yield-to)) (export "later" (func $later))
      (export "promote" (func $promote)) (export "index" (func $index))
      (export "tbl" (table $tbl))))))
    (func (export "run") (result u32) (canon lift (core func $m "run"))))
  (component $Driver
    (import "run" (func $run (result u32)))
    (canon lower (func $run) (core func $run'))
    (core module $M
      (import "" "run" (func $run (result i32)))
      (func (export "run") (result i32) (i32.add (call $run) (i32.const 1))))
    (core instance $m (instantiate $M (with "" (instance (export "run" (func $run'))))))
    (func (export "run") (result u32) (canon lift (core func $m "run"))))
  (instance $t (instantiate $T))
  (instance $driver (instantiate $Driver (with "run" (func $t "run"))))
  (func (export "run") (alias export $driver "run"))
  (func (export "direct") (alias export $t "run")))`;

Deno.test("thread.*: threads a sync call creates interleave by switches, keeping their locals", async () => {
  const results = await runWastText(
    `${WAT}\n(assert_return (invoke "direct") (u32.const 1212127))\n` +
      `(assert_return (invoke "run") (u32.const 1212128))\n` +
      `(assert_return (invoke "direct") (u32.const 1212127))\n`,
  );
  assertEquals(
    results.map((r) => r.status),
    ["passed", "passed", "passed"],
    JSON.stringify(results),
  );
});

Deno.test("thread.*: a sync call whose thread suspends with nothing of its instance ready traps", async () => {
  const results = await runWastText(`(component
    (canon thread.suspend (core func $suspend))
    (core module $M
      (import "" "suspend" (func $suspend (result i32)))
      (func (export "stuck") (result i32) (drop (call $suspend)) (i32.const 1)))
    (core instance $m (instantiate $M (with "" (instance (export "suspend" (func $suspend))))))
    (func (export "stuck") (result u32) (canon lift (core func $m "stuck"))))
    (assert_trap (invoke "stuck") "deadlock")\n`);
  assertEquals(results.map((r) => r.status), ["passed"], JSON.stringify(results));
});

Deno.test("thread.*: the switches run on the MCU as in V8", async () => {
  const binary = await parseWat(WAT);
  const { module } = await fuse([{ name: "threads", bytes: binary }], {
    memory: "auto",
    asyncTasks: 8,
    asyncWaitables: 8,
    asyncThreads: 3,
    asyncThreadBytes: 512,
  });
  // Hand-written components declare whole pages: boards with megabytes of RAM, one of each ISA.
  for (const board of ["mps2-an385", "virt-rv32"]) {
    const r = await bootFused(module, board, "run");
    assert(r.stdout.startsWith("1212128\n"), `${board}: exit ${r.exitCode}: ${r.stdout}`);
  }
});

Deno.test("thread.*: --component output with threads runs under jco as in V8", async () => {
  const { module } = await fuse([{ name: "threads", bytes: await parseWat(WAT) }], {
    component: true,
    asyncThreads: 3,
  });
  const exports = await instantiateWithJco("threads", module, {});
  assertEquals((exports.run as () => number)(), 1212128);
  assertEquals((exports.direct as () => number)(), 1212127);
});

/**
 * Each thread keeps its own context slots (the spec's thread-local storage): `run` sets slot 0
 * to 42 and switches to a new thread, which must see 0 (`first`), sets 7 and switches back;
 * `run` must see its 42 again, then yields to the thread, which must see its 7 (`last`) and
 * ends; `run` answers `first` × 10000 + `last` × 100 + its own slot: 742.
 */
const CONTEXT_WAT = `(component
  (component $T
    ${threadBuiltins(1)}
    (canon thread.index (core func $index))
    (canon context.get i32 0 (core func $cget))
    (canon context.set i32 0 (core func $cset))
    (core module $M
      (import "" "new" (func $new (param i32 i32) (result i32)))
      (import "" "switch" (func $switch (param i32) (result i32)))
      (import "" "yield-to" (func $yield-to (param i32) (result i32)))
      (import "" "index" (func $index (result i32)))
      (import "" "cget" (func $cget (result i32)))
      (import "" "cset" (func $cset (param i32)))
      (import "" "tbl" (table 1 funcref))
      (global $main (mut i32) (i32.const 0))
      (global $first (mut i32) (i32.const 0))
      (global $last (mut i32) (i32.const 0))
      (func $worker (param i32)
        (global.set $first (call $cget))
        (call $cset (i32.const 7))
        (drop (call $switch (global.get $main)))
        (global.set $last (call $cget)))
      (elem (i32.const 0) func $worker)
      (func (export "run") (result i32)
        (local $t i32) (local $mine i32)
        (call $cset (i32.const 42))
        (global.set $main (call $index))
        (local.set $t (call $new (i32.const 0) (i32.const 0)))
        (drop (call $switch (local.get $t)))
        (local.set $mine (call $cget))
        (drop (call $yield-to (local.get $t)))
        (if (i32.ne (call $cget) (local.get $mine)) (then unreachable))
        (i32.add (i32.add (i32.mul (global.get $first) (i32.const 10000))
          (i32.mul (global.get $last) (i32.const 100))) (local.get $mine))))
    (core instance $m (instantiate $M (with "" (instance
      (export "new" (func $new)) (export "switch" (func $switch)) (export "yield-to" (func $yield-to))
      (export "index" (func $index)) (export "cget" (func $cget)) (export "cset" (func $cset))
      (export "tbl" (table $tbl))))))
    (func (export "run") (result u32) (canon lift (core func $m "run"))))
  (instance $t (instantiate $T))
  (func (export "run") (alias export $t "run")))`;

Deno.test("thread.*: each thread keeps its own context slots, a new one starting at 0", async () => {
  const results = await runWastText(
    `${CONTEXT_WAT}\n(assert_return (invoke "run") (u32.const 742))\n(assert_return (invoke "run") (u32.const 742))\n`,
  );
  assertEquals(results.map((r) => r.status), ["passed", "passed"], JSON.stringify(results));
  const { module } = await fuse([{ name: "context", bytes: await parseWat(CONTEXT_WAT) }], {
    memory: "auto",
    asyncTasks: 8,
    asyncWaitables: 8,
    asyncThreads: 3,
    asyncThreadBytes: 512,
  });
  const r = await bootFused(module, "mps2-an385", "run");
  assert(r.stdout.startsWith("742\n"), `exit ${r.exitCode}: ${r.stdout}`);
});
