import { assert, assertEquals } from "../../test/support/assert.ts";
import { parseWat } from "../../test/spec/runner.ts";
import { fuse } from "./mod.ts";
import { decodeWasm, encodeWasm } from "../../wasm/mod.ts";
import type { Component } from "../../wasm/component/mod.ts";

/** A rec group of two structs pointing at each other, an array, i31 refs and casts. */
const LIST = `(component
  (core module $m
    (rec
      (type $node (struct (field $value i32) (field $next (ref null $node)) (field $tag (ref null $tag))))
      (type $tag (struct (field $weight (mut i32)) (field $owner (ref null $node)))))
    (type $nums (array (mut i32)))
    (global $seed (ref null $nums) (array.new_fixed $nums 3 (i32.const 1) (i32.const 2) (i32.const 3)))
    (func $walk (param $n (ref null $node)) (result i32) (local $sum i32)
      (block $done
        (loop $next
          (br_if $done (ref.is_null (local.get $n)))
          (local.set $sum (i32.add (local.get $sum) (struct.get $node $value (local.get $n))))
          (local.set $n (struct.get $node $next (local.get $n)))
          (br $next)))
      (local.get $sum))
    (func (export "sum") (result i32) (local $arr (ref null $nums)) (local $any anyref)
      (local.set $arr (global.get $seed))
      (array.set $nums (local.get $arr) (i32.const 0) (i32.const 10))
      (local.set $any (ref.i31 (i32.const -7)))
      (i32.add
        (i32.add
          (call $walk (struct.new $node (i32.const 100)
            (struct.new $node (i32.const 20) (ref.null $node) (ref.null $tag))
            (struct.new $tag (i32.const 1) (ref.null $node))))
          (i32.add (array.get $nums (local.get $arr) (i32.const 0)) (array.len (local.get $arr))))
        (i31.get_s (ref.cast (ref i31) (local.get $any))))))
  (core instance $i (instantiate $m))
  (func (export "sum") (result s32) (canon lift (core func $i "sum"))))`;

/** Different GC types of its own: a packed i8 array and a function subtype called by reference. */
const BYTES = `(component
  (core module $m
    (type $bytes (array (mut i8)))
    (type $op (sub (func (param i32) (result i32))))
    (func $double (type $op) (i32.mul (local.get 0) (i32.const 2)))
    (elem declare func $double)
    (func (export "twice") (param i32) (result i32) (local $b (ref null $bytes))
      (local.set $b (array.new $bytes (i32.const 200) (i32.const 4)))
      (i32.add
        (call_ref $op (local.get 0) (ref.func $double))
        (array.get_u $bytes (local.get $b) (i32.const 3)))))
  (core instance $i (instantiate $m))
  (func (export "twice") (param "x" s32) (result s32) (canon lift (core func $i "twice"))))`;

Deno.test("gc: modules with GC types, rec groups and 0xFB instructions fuse and still compute", async () => {
  const list = await parseWat(LIST);
  const bytes = await parseWat(BYTES);
  // The codec reads and writes them byte for byte.
  for (const c of [list, bytes]) assertEquals(encodeWasm(decodeWasm(c) as Component), c);
  for (const memory of ["auto", "multi"] as const) {
    const { module } = await fuse([{ name: "list", bytes: list }, { name: "bytes", bytes }], {
      memory,
    });
    assert(WebAssembly.validate(module as BufferSource));
    const { exports } = new WebAssembly.Instance(new WebAssembly.Module(module as BufferSource));
    // 100 + 20 (the list) + 10 + 3 (the array) - 7 (the i31)
    assertEquals((exports.sum as () => number)(), 126);
    assertEquals((exports.twice as (x: number) => number)(21), 42 + 200);
  }
});
