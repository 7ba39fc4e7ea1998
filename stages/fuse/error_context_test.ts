/**
 * error-context in the fused module: new, debug-message (the empty string, as
 * the Component Model allows), drop, and the traps: a dropped or unknown
 * handle, a message outside memory, a call from a post-return.
 */
import { assertEquals } from "../../test/support/assert.ts";
import { runWastText } from "../../test/spec/runner.ts";

const COMPONENT = `(component
  (core module $Mem
    (memory (export "mem") 1)
    (func (export "realloc") (param i32 i32 i32 i32) (result i32) (i32.const 64)))
  (core instance $mem (instantiate $Mem))
  (core func $new (canon error-context.new (memory (core memory $mem "mem"))))
  (core func $msg (canon error-context.debug-message
    (memory (core memory $mem "mem")) (realloc (core func $mem "realloc"))))
  (core func $drop (canon error-context.drop))
  (core module $M
    (import "" "mem" (memory 1))
    (import "" "new" (func $new (param i32 i32) (result i32)))
    (import "" "msg" (func $msg (param i32 i32)))
    (import "" "drop" (func $drop (param i32)))
    (func (export "run") (result i32)
      (local $a i32) (local $b i32)
      (i32.store (i32.const 100) (i32.const 7))
      (i32.store (i32.const 104) (i32.const 7))
      (local.set $a (call $new (i32.const 0) (i32.const 5)))
      (local.set $b (call $new (i32.const 8) (i32.const 3)))
      (call $msg (local.get $b) (i32.const 100))
      (call $drop (local.get $a))
      (call $drop (local.get $b))
      ;; two distinct handles, and an empty message: (ptr, len) = (0, 0)
      (i32.add
        (i32.ne (local.get $a) (local.get $b))
        (i32.add (i32.load (i32.const 100)) (i32.load (i32.const 104)))))
    (func (export "drop-twice")
      (local $h i32)
      (local.set $h (call $new (i32.const 0) (i32.const 1)))
      (call $drop (local.get $h))
      (call $drop (local.get $h)))
    (func (export "unknown") (call $msg (i32.const 77) (i32.const 100)))
    (func (export "outside") (drop (call $new (i32.const -256) (i32.const 512))))
    (func (export "noop"))
    (func (export "post") (drop (call $new (i32.const 0) (i32.const 0)))))
  (core instance $m (instantiate $M (with "" (instance
    (export "mem" (memory $mem "mem"))
    (export "new" (func $new))
    (export "msg" (func $msg))
    (export "drop" (func $drop))))))
  (func (export "run") (result u32) (canon lift (core func $m "run")))
  (func (export "drop-twice") (canon lift (core func $m "drop-twice")))
  (func (export "unknown") (canon lift (core func $m "unknown")))
  (func (export "outside") (canon lift (core func $m "outside")))
  (func (export "post") (canon lift (core func $m "noop") (post-return (core func $m "post")))))`;

const WAST = `(component definition $T ${COMPONENT.slice("(component".length)}
(component instance $i1 $T)
(assert_return (invoke "run") (u32.const 1))
(component instance $i2 $T)
(assert_trap (invoke "drop-twice") "unknown handle")
(component instance $i3 $T)
(assert_trap (invoke "unknown") "unknown handle")
(component instance $i4 $T)
(assert_trap (invoke "outside") "out of bounds")
(component instance $i5 $T)
(assert_trap (invoke "post") "cannot leave component instance")
`;

Deno.test("error-context: new, debug-message and drop in the fused module, with their traps", async () => {
  const results = await runWastText(WAST);
  assertEquals(results.map((r) => [r.kind, r.status, r.reason ?? ""]), [
    ["assert_return", "passed", ""],
    ["assert_trap", "passed", ""],
    ["assert_trap", "passed", ""],
    ["assert_trap", "passed", ""],
    ["assert_trap", "passed", ""],
  ]);
});

/** $A makes an error context and passes it to $B, which reads and drops its own handle to it. */
const PASSING = `(component
  (component $B
    (core module $Mem
      (memory (export "mem") 1)
      (func (export "realloc") (param i32 i32 i32 i32) (result i32) (i32.const 64)))
    (core instance $mem (instantiate $Mem))
    (core func $msg (canon error-context.debug-message
      (memory (core memory $mem "mem")) (realloc (core func $mem "realloc"))))
    (core func $drop (canon error-context.drop))
    (core module $M
      (import "" "mem" (memory 1))
      (import "" "msg" (func $msg (param i32 i32)))
      (import "" "drop" (func $drop (param i32)))
      (func (export "take") (param $e i32) (result i32)
        (i32.store (i32.const 100) (i32.const 9))
        (call $msg (local.get $e) (i32.const 96))
        (call $drop (local.get $e))
        ;; 1000 + the empty message's length (0)
        (i32.add (i32.const 1000) (i32.load (i32.const 100)))))
    (core instance $m (instantiate $M (with "" (instance
      (export "mem" (memory $mem "mem")) (export "msg" (func $msg)) (export "drop" (func $drop))))))
    (func (export "take") (param "e" error-context) (result u32)
      (canon lift (core func $m "take"))))
  (component $A
    (import "take" (func $take (param "e" error-context) (result u32)))
    (core module $Mem (memory (export "mem") 1))
    (core instance $mem (instantiate $Mem))
    (core func $new (canon error-context.new (memory (core memory $mem "mem"))))
    (core func $drop (canon error-context.drop))
    (core func $take (canon lower (func $take)))
    (core module $M
      (import "" "new" (func $new (param i32 i32) (result i32)))
      (import "" "drop" (func $drop (param i32)))
      (import "" "take" (func $take (param i32) (result i32)))
      (func (export "run") (result i32)
        (local $e i32) (local $r i32)
        (local.set $e (call $new (i32.const 0) (i32.const 4)))
        (local.set $r (call $take (local.get $e)))
        ;; the sender's handle is still its own to drop
        (call $drop (local.get $e))
        (local.get $r)))
    (core instance $m (instantiate $M (with "" (instance
      (export "new" (func $new)) (export "drop" (func $drop)) (export "take" (func $take))))))
    (func (export "run") (result u32) (canon lift (core func $m "run"))))
  (instance $b (instantiate $B))
  (instance $a (instantiate $A (with "take" (func $b "take"))))
  (export "run" (func $a "run")))`;

Deno.test("error-context: passed to another component, both hold a handle to it and drop their own", async () => {
  const results = await runWastText(
    `${PASSING}\n(assert_return (invoke "run") (u32.const 1000))\n`,
  );
  assertEquals(results.map((r) => [r.kind, r.status, r.reason ?? ""]), [
    ["assert_return", "passed", ""],
  ]);
});
