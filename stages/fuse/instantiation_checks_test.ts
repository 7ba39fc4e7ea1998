import { assert } from "../../test/support/assert.ts";
import { fuseError } from "../../test/support/fuse_wat.ts";

const CHILD = `(component $c
  (type $t (tuple u32 u32))
  (import "x" (type (eq $t)))
  (import "f" (func (param "a" u32))))`;

Deno.test("instantiation: arguments that match the imports fuse", async () => {
  const ok = await fuseError(`(component ${CHILD}
    (type $t (tuple u32 u32))
    (core module $M (func (export "f") (param i32)))
    (core instance $m (instantiate $M))
    (func $f (param "a" u32) (canon lift (core func $m "f")))
    (instance (instantiate $c (with "x" (type $t)) (with "f" (func $f)))))`);
  assert(ok === "", ok);
});

Deno.test("instantiation: a value type or function of another type is refused, naming the import", async () => {
  const badType = await fuseError(`(component ${CHILD}
    (type $t (tuple string string))
    (core module $M (func (export "f") (param i32)))
    (core instance $m (instantiate $M))
    (func $f (param "a" u32) (canon lift (core func $m "f")))
    (instance (instantiate $c (with "x" (type $t)) (with "f" (func $f)))))`);
  assert(/import "x"/.test(badType) && /mismatch/.test(badType), badType);
  const badName = await fuseError(`(component ${CHILD}
    (type $t (tuple u32 u32))
    (core module $M (func (export "f") (param i32)))
    (core instance $m (instantiate $M))
    (func $f (param "b" u32) (canon lift (core func $m "f")))
    (instance (instantiate $c (with "x" (type $t)) (with "f" (func $f)))))`);
  assert(/import "f"/.test(badName) && /parameter named/.test(badName), badName);
});

Deno.test("visibility: an exported function may not leak a record the component never exports", async () => {
  const lift = `(core module $M (func (export "f") (result i32) unreachable))
    (core instance $i (instantiate $M))
    (type $Rec (record (field "x" u32)))
    (func $f (result $Rec) (canon lift (core func $i "f")))`;
  const leaks = await fuseError(`(component ${lift} (export "f" (func $f)))`);
  assert(/export "f"/.test(leaks) && /not valid to be used as export/.test(leaks), leaks);
  const named = await fuseError(
    `(component ${lift} (export $R "rec" (type $Rec)) (export "f" (func $f) (func (result $R))))`,
  );
  assert(!/not valid to be used/.test(named), named);
});
