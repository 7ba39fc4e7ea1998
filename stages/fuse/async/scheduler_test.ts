import { assert, assertEquals } from "../../../test/support/assert.ts";
import { parseWat } from "../../../test/spec/runner.ts";
import { fuse } from "../mod.ts";

Deno.test("scheduler: a callback-lifted export runs on the in-module scheduler (yield, context, return)", async () => {
  // `count` yields until its callback has run three times, keeping its count in context slot 0.
  const wat = `(component
    (canon task.return (result u32) (core func $ret))
    (canon context.get i32 0 (core func $get))
    (canon context.set i32 0 (core func $set))
    (core module $M
      (import "" "ret" (func $ret (param i32)))
      (import "" "get" (func $get (result i32)))
      (import "" "set" (func $set (param i32)))
      (func (export "count") (result i32) (call $set (i32.const 0)) (i32.const 1))
      (func (export "cb") (param i32 i32 i32) (result i32)
        (call $set (i32.add (call $get) (i32.const 1)))
        (if (i32.lt_u (call $get) (i32.const 3)) (then (return (i32.const 1))))
        (call $ret (i32.mul (call $get) (i32.const 10)))
        (i32.const 0))
      (func (export "stuck") (result i32) (i32.const 2))
      (func (export "exit-early") (result i32) (i32.const 0)))
    (core instance $m (instantiate $M (with "" (instance
      (export "ret" (func $ret)) (export "get" (func $get)) (export "set" (func $set))))))
    (func (export "count") async (result u32)
      (canon lift (core func $m "count") async (callback (func $m "cb"))))
    (func (export "exit-early") async (result u32)
      (canon lift (core func $m "exit-early") async (callback (func $m "cb")))))`;
  const { module } = await fuse([{ name: "count", bytes: await parseWat(wat) }], {});
  const instance = await WebAssembly.instantiate(new WebAssembly.Module(module as BufferSource));
  const exports = instance.exports as Record<string, () => number>;
  assertEquals(exports.count(), 30);
  assertEquals(exports.count(), 30); // a second task starts from a fresh context
  // EXIT without task.return traps, as the spec requires.
  let trapped = false;
  try {
    exports["exit-early"]();
  } catch (e) {
    trapped = e instanceof WebAssembly.RuntimeError;
  }
  assert(trapped, "exit without task.return must trap");
});
