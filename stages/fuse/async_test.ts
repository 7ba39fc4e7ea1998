import { assertEquals } from "../../test/support/assert.ts";
import { runWastText } from "../../test/spec/runner.ts";

/**
 * $C lifts `greet` async (stackful): it hands a string to task.return.
 * `twice` hands two results and returns without calling task.return;
 * `again` calls task.return twice; `sync-return` calls it from a sync lift.
 * $D calls `greet` through an async lower and a sync lower.
 */
const ASYNC = `(component
  (component $C
    (core module $Mem (memory (export "mem") 1))
    (core instance $mem (instantiate $Mem))
    (canon task.return (result string) (memory $mem "mem") (core func $ret-string))
    (canon task.return (result u32) (core func $ret-u32))
    (core module $M
      (import "" "mem" (memory 1))
      (import "" "ret-string" (func $ret-string (param i32 i32)))
      (import "" "ret-u32" (func $ret-u32 (param i32)))
      (data (i32.const 100) "hello, ")
      (global $next (mut i32) (i32.const 512))
      (func (export "realloc") (param i32 i32 i32 i32) (result i32)
        (local $r i32) (local.set $r (global.get $next))
        (global.set $next (i32.add (global.get $next) (local.get 3))) (local.get $r))
      (func (export "greet") (param $p i32) (param $n i32)
        ;; "hello, " ++ name, built at 200
        (memory.copy (i32.const 200) (i32.const 100) (i32.const 7))
        (memory.copy (i32.const 207) (local.get $p) (local.get $n))
        (call $ret-string (i32.const 200) (i32.add (local.get $n) (i32.const 7))))
      (func (export "forgets"))
      (func (export "again") (call $ret-u32 (i32.const 1)) (call $ret-u32 (i32.const 2)))
      (func (export "wrong-type") (call $ret-u32 (i32.const 1)))
      (func (export "sync-return") (result i32) (call $ret-u32 (i32.const 1)) (i32.const 0)))
    (core instance $m (instantiate $M (with "" (instance
      (export "mem" (memory $mem "mem"))
      (export "ret-string" (func $ret-string))
      (export "ret-u32" (func $ret-u32))))))
    (func (export "greet") async (param "name" string) (result string)
      (canon lift (core func $m "greet") async (memory $mem "mem") (realloc (func $m "realloc"))))
    (func (export "forgets") async (result u32) (canon lift (core func $m "forgets") async))
    (func (export "again") async (result u32) (canon lift (core func $m "again") async))
    (func (export "wrong-type") async (result string)
      (canon lift (core func $m "wrong-type") async (memory $mem "mem")))
    (func (export "sync-return") (result u32) (canon lift (core func $m "sync-return"))))
  (component $D
    (import "greet" (func $greet async (param "name" string) (result string)))
    (import "forgets" (func $forgets async (result u32)))
    (import "again" (func $again async (result u32)))
    (import "wrong-type" (func $wrong-type async (result string)))
    (import "sync-return" (func $sync-return (result u32)))
    (core module $Mem (memory (export "mem") 1))
    (core instance $mem (instantiate $Mem))
    (core module $R
      (import "" "mem" (memory 1))
      (global $next (mut i32) (i32.const 1024))
      (func (export "realloc") (param i32 i32 i32 i32) (result i32)
        (local $r i32) (local.set $r (global.get $next))
        (global.set $next (i32.add (global.get $next) (local.get 3))) (local.get $r)))
    (core instance $r (instantiate $R (with "" (instance (export "mem" (memory $mem "mem"))))))
    (core func $greet-async (canon lower (func $greet) async (memory $mem "mem")
      (realloc (func $r "realloc"))))
    (core func $greet-sync (canon lower (func $greet) (memory $mem "mem")
      (realloc (func $r "realloc"))))
    (core func $forgets' (canon lower (func $forgets) async (memory $mem "mem")))
    (core func $again' (canon lower (func $again) async (memory $mem "mem")))
    (core func $wrong-type' (canon lower (func $wrong-type) async (memory $mem "mem")
      (realloc (func $r "realloc"))))
    (core func $sync-return' (canon lower (func $sync-return)))
    (core module $Main
      (import "" "mem" (memory 1))
      (import "" "greet-async" (func $greet-async (param i32 i32 i32) (result i32)))
      (import "" "greet-sync" (func $greet-sync (param i32 i32 i32)))
      (import "" "forgets" (func $forgets (param i32) (result i32)))
      (import "" "again" (func $again (param i32) (result i32)))
      (import "" "wrong-type" (func $wrong-type (param i32) (result i32)))
      (import "" "sync-return" (func $sync-return (result i32)))
      (data (i32.const 0) "fused")
      ;; Both lowers: the async one reports RETURNED (2) and both leave the string at 16 / 32.
      (func (export "run") (result i32)
        (if (i32.ne (call $greet-async (i32.const 0) (i32.const 5) (i32.const 16)) (i32.const 2))
          (then unreachable))
        (call $greet-sync (i32.const 0) (i32.const 5) (i32.const 32))
        (if (i32.ne (i32.load offset=4 (i32.const 16)) (i32.const 12)) (then unreachable))
        (if (i32.ne (i32.load offset=4 (i32.const 32)) (i32.const 12)) (then unreachable))
        (if (i32.ne (i32.load offset=7 (i32.load (i32.const 16))) (i32.load (i32.const 0)))
          (then unreachable))
        (i32.load8_u offset=11 (i32.load (i32.const 32))))
      (func (export "forgets") (drop (call $forgets (i32.const 48))))
      (func (export "again") (drop (call $again (i32.const 48))))
      (func (export "wrong-type") (drop (call $wrong-type (i32.const 48))))
      (func (export "sync-return") (drop (call $sync-return))))
    (core instance $main (instantiate $Main (with "" (instance
      (export "mem" (memory $mem "mem"))
      (export "greet-async" (func $greet-async)) (export "greet-sync" (func $greet-sync))
      (export "forgets" (func $forgets')) (export "again" (func $again'))
      (export "wrong-type" (func $wrong-type')) (export "sync-return" (func $sync-return'))))))
    ;; An async-typed function may block (its sync lower of greet is allowed), lifted sync.
    (func (export "run") async (result u32) (canon lift (core func $main "run")))
    (func (export "forgets") (canon lift (core func $main "forgets")))
    (func (export "again") (canon lift (core func $main "again")))
    (func (export "wrong-type") (canon lift (core func $main "wrong-type")))
    (func (export "sync-return") (canon lift (core func $main "sync-return"))))
  (instance $c (instantiate $C))
  (instance $d (instantiate $D
    (with "greet" (func $c "greet")) (with "forgets" (func $c "forgets"))
    (with "again" (func $c "again")) (with "wrong-type" (func $c "wrong-type"))
    (with "sync-return" (func $c "sync-return"))))
  (export "run" (func $d "run"))
  (export "forgets" (func $d "forgets"))
  (export "again" (func $d "again"))
  (export "wrong-type" (func $d "wrong-type"))
  (export "sync-return" (func $d "sync-return")))`;

const WAST = `(component definition $T ${ASYNC.slice("(component".length)}
(component instance $i1 $T)
(assert_return (invoke "run") (u32.const 100))
(component instance $i2 $T)
(assert_trap (invoke "forgets") "task.return was not called")
(component instance $i3 $T)
(assert_trap (invoke "again") "task.return called twice")
(component instance $i4 $T)
(assert_trap (invoke "wrong-type") "task.return with another result type")
(component instance $i5 $T)
(assert_trap (invoke "sync-return") "task.return from a sync task")
`;

/** Runs `wast` (a script's text) through the spec runner. */
const runWast = runWastText;

Deno.test("async: a stackful async lift returns through task.return to async and sync lowers", async () => {
  const results = await runWast(WAST);
  assertEquals(results.length, 5);
  for (const r of results) assertEquals(r.status, "passed", JSON.stringify(r));
});

/**
 * Root exports lifted `async` with no callback, called by the host: `inc`
 * returns one flat value through `task.return`; `greet` returns a string
 * (by pointer: the entry stores it in a return area); `silent` returns
 * without calling `task.return`, which traps.
 */
const STACKFUL_ROOT = `(component
  (core module $Mem (memory (export "mem") 1) (data (i32.const 64) "hi there"))
  (core instance $mem (instantiate $Mem))
  (canon task.return (result u32) (core func $ret-u32))
  (canon task.return (result string) (memory $mem "mem") (core func $ret-str))
  (core module $M
    (import "" "ret-u32" (func $ret-u32 (param i32)))
    (import "" "ret-str" (func $ret-str (param i32 i32)))
    (func (export "inc") (param i32) (call $ret-u32 (i32.add (local.get 0) (i32.const 1))))
    (func (export "greet") (call $ret-str (i32.const 64) (i32.const 8)))
    (func (export "silent")))
  (core instance $m (instantiate $M (with "" (instance
    (export "ret-u32" (func $ret-u32)) (export "ret-str" (func $ret-str))))))
  (func (export "inc") async (param "x" u32) (result u32) (canon lift (core func $m "inc") async))
  (func (export "greet") async (result string)
    (canon lift (core func $m "greet") async (memory $mem "mem")))
  (func (export "silent") async (canon lift (core func $m "silent") async)))`;

Deno.test("async: the host calls root exports lifted async with no callback; results come through task.return", async () => {
  const results = await runWastText(
    `${STACKFUL_ROOT}\n(assert_return (invoke "inc" (u32.const 41)) (u32.const 42))\n` +
      `(assert_return (invoke "greet") (str.const "hi there"))\n` +
      `(assert_return (invoke "inc" (u32.const 1)) (u32.const 2))\n` +
      // A trap poisons the instance (as in the spec): this is the last call.
      `(assert_trap (invoke "silent") "no result")\n`,
  );
  assertEquals(
    results.map((r) => r.status),
    ["passed", "passed", "passed", "passed"],
    JSON.stringify(results),
  );
});

/**
 * A synchronous task may not block before it returns, and a sync lower of an
 * `async`-typed function may block: the call traps, even if the callee would
 * have finished at once. An instance with an `async`-typed entry may call it.
 */
const SYNC_CALLS_ASYNC = `(component definition $T
  (component $Callee
    (core module $M
      (import "" "task.return" (func $return (param i32)))
      (func (export "twice") (param i32) (result i32)
        (call $return (i32.shl (local.get 0) (i32.const 1)))
        (i32.const 0))
      (func (export "cb") (param i32 i32 i32) (result i32) unreachable))
    (core func $return (canon task.return (result u32)))
    (core instance $m (instantiate $M (with "" (instance (export "task.return" (func $return))))))
    (func (export "twice") async (param "n" u32) (result u32)
      (canon lift (core func $m "twice") async (callback (core func $m "cb")))))
  (component $Caller
    (import "twice" (func $twice async (param "n" u32) (result u32)))
    (core func $twice' (canon lower (func $twice)))
    (core module $M
      (import "" "twice" (func $twice (param i32) (result i32)))
      (func (export "call") (param i32) (result i32) (call $twice (local.get 0))))
    (core instance $m (instantiate $M (with "" (instance (export "twice" (func $twice'))))))
    (func (export "sync-entry") (param "n" u32) (result u32) (canon lift (core func $m "call"))))
  (component $AsyncCaller
    (import "twice" (func $twice async (param "n" u32) (result u32)))
    (core func $twice' (canon lower (func $twice)))
    (core module $M
      (import "" "twice" (func $twice (param i32) (result i32)))
      (func (export "call") (param i32) (result i32) (call $twice (local.get 0))))
    (core instance $m (instantiate $M (with "" (instance (export "twice" (func $twice'))))))
    (func (export "async-entry") async (param "n" u32) (result u32)
      (canon lift (core func $m "call"))))
  (instance $callee (instantiate $Callee))
  (instance $sync (instantiate $Caller (with "twice" (func $callee "twice"))))
  (instance $async (instantiate $AsyncCaller (with "twice" (func $callee "twice"))))
  (export "sync-entry" (func $sync "sync-entry"))
  (export "async-entry" (func $async "async-entry")))
(component instance $i1 $T)
(assert_trap (invoke "sync-entry" (u32.const 21)) "cannot block a synchronous task before returning")
(component instance $i2 $T)
(assert_return (invoke "async-entry" (u32.const 21)) (u32.const 42))
`;

Deno.test("async: a synchronous task's sync lower of an async-typed function traps; an async-typed task's returns", async () => {
  const results = await runWast(SYNC_CALLS_ASYNC);
  assertEquals(results.map((r) => [r.kind, r.status]), [
    ["assert_trap", "passed"],
    ["assert_return", "passed"],
  ]);
});
