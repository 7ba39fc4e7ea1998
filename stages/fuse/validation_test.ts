/**
 * What fuse refuses before fusing, each case beside a near twin that is
 * valid: type and index-space rules, external visibility, resource
 * identity, core signatures and core linking, and core code V8 refuses.
 * Each refusal names the rule and where it broke.
 */
import { assert } from "../../test/support/assert.ts";
import { fuseError } from "../../test/support/fuse_wat.ts";

/** `ok` fuses; `bad` is refused with a message matching every pattern. */
async function twin(ok: string, bad: string, ...patterns: RegExp[]): Promise<void> {
  const accepted = await fuseError(ok);
  assert(accepted === "", `the valid twin was refused: ${accepted}`);
  const refused = await fuseError(bad);
  assert(refused !== "", `accepted: ${bad}`);
  for (const p of patterns) assert(p.test(refused), `${p} not in: ${refused}`);
}

const ECHO = `(core module $M (func (export "f") (param i32) (result i32) local.get 0))
  (core instance $i (instantiate $M))`;

Deno.test("validation: value types are checked where they are defined: indices, kinds, sizes, borrows", async () => {
  await twin(
    `(component (type $r (record (field "a" u8))) (type (list $r)))`,
    `(component (type $r (record (field "a" u8))) (type (list 5)))`,
    /type index out of bounds/,
  );
  await twin(
    `(component (type $f (func)) (type (list u8)))`,
    `(component (type $f (func)) (type (list $f)))`,
    /type index 0 is not a defined type/,
  );
  // 2^28 - 1 bytes of u8 is the largest value; one more is refused.
  await twin(
    `(component (type (list u8 268435455)))`,
    `(component (type (list u16 134217728)))`,
    /maximum byte size/,
  );
  await twin(
    `(component (type $R (resource (rep i32))) (type (func (param "r" (borrow $R)))))`,
    `(component (type $R (resource (rep i32))) (type (func (result (tuple (borrow $R))))))`,
    /function result cannot contain a `borrow`/,
  );
  await twin(
    `(component (type (flags "a" "b")))`,
    `(component (type (flags)))`,
    /at least one/,
  );
});

Deno.test("validation: resources: defined only in components, built-ins on local resources, not across a boundary", async () => {
  await twin(
    `(component (type $R (resource (rep i32))) (core func (canon resource.rep $R)))`,
    `(component (import "R" (type $R (sub resource))) (core func (canon resource.rep $R)))`,
    /not a local resource/,
  );
  await twin(
    `(component (type (instance (export "r" (type (sub resource))))))`,
    `(component (type (instance (type (resource (rep i32))))))`,
    /resources can only be defined within a concrete component/,
  );
  await twin(
    `(component $C (type $T (tuple u8)) (component (alias outer $C $T (type))))`,
    `(component $C (type $R (resource (rep i32))) (type $T (tuple (own $R)))
       (component (alias outer $C $T (type))))`,
    /component boundary/,
    /resources/,
  );
});

Deno.test("validation: a type leaks through an export or import only under a name", async () => {
  const lift = `${ECHO}
    (type $E (enum "a" "b"))
    (func $f (param "e" $E) (result u32) (canon lift (core func $i "f")))`;
  await twin(
    `(component ${lift} (export $E2 "e" (type $E)) (export "f" (func $f) (func (param "e" $E2) (result u32))))`,
    `(component ${lift} (export "e" (type $E)) (export "f" (func $f)))`,
    /export "f"/,
    /func not valid to be used as export/,
  );
  // An import may use only names earlier imports gave, not an export's.
  await twin(
    `(component (import "e" (type $E (sub resource))) (import "f" (func (param "x" (own $E)))))`,
    `(component (type $R (resource (rep i32))) (export $E "e" (type $R))
       (import "f" (func (param "x" (own $E)))))`,
    /import "f"/,
    /not valid to be used as import/,
  );
  // An instance type's leak is reported where the type is used.
  await twin(
    `(component (type $I (instance (type $r (record (field "a" u8))) (export "r" (type (eq $r))))) (import "i" (instance (type $I))))`,
    `(component (type $I (instance (type $r (record (field "a" u8))) (type $l (list $r))
       (export "l" (type (eq $l))))) (import "i" (instance (type $I))))`,
    /import "i": instance not valid/,
  );
});

Deno.test("validation: resource types are generative: two imports are two types", async () => {
  const child = `(component $eq (import "a" (type $a (sub resource))) (import "b" (type (eq $a))))`;
  await twin(
    `(component (import "x" (type $X (sub resource))) ${child}
       (instance (instantiate $eq (with "a" (type $X)) (with "b" (type $X)))))`,
    `(component (import "x" (type $X (sub resource))) (import "y" (type $Y (sub resource))) ${child}
       (instance (instantiate $eq (with "a" (type $X)) (with "b" (type $Y)))))`,
    /import "b"/,
    /resource types are not the same/,
  );
});

Deno.test("validation: the core functions canon and resources name have the core types they need", async () => {
  await twin(
    `(component ${ECHO} (func (param "x" u32) (result u32) (canon lift (core func $i "f"))))`,
    `(component ${ECHO} (func (param "x" u32) (param "y" u32) (result u32) (canon lift (core func $i "f"))))`,
    /lowered parameter types `\[i32\]` do not match parameter types `\[i32 i32\]`/,
  );
  const dtor = (params: string) =>
    `(component (core module $D (func (export "d") ${params})) (core instance $d (instantiate $D))
       (type $R (resource (rep i32) (dtor (core func $d "d")))))`;
  await twin(dtor("(param i32)"), dtor("(param i64)"), /destructor/, /incorrect signature/);
  const realloc = (sig: string) =>
    `(component (core module $M (memory (export "m") 1) (func (export "f") (param i32 i32))
         (func (export "r") ${sig} unreachable))
       (core instance $i (instantiate $M))
       (func (param "s" string) (canon lift (core func $i "f") (memory $i "m") (realloc (func $i "r")))))`;
  await twin(
    realloc("(param i32 i32 i32 i32) (result i32)"),
    realloc("(param i32 i32) (result i32)"),
    /`realloc` uses a core function with an incorrect signature/,
  );
});

Deno.test("validation: core instantiation matches globals, tables and memories by type and limits", async () => {
  const link = (imp: string, def: string) =>
    `(component (core module $A ${def}) (core instance $a (instantiate $A))
       (core module $B (import "a" "x" ${imp})) (core instance (instantiate $B (with "a" (instance $a)))))`;
  await twin(
    link("(global i32)", `(global (export "x") i32 (i32.const 0))`),
    link("(global i32)", `(global (export "x") i64 (i64.const 0))`),
    /expected global type i32, found i64/,
  );
  await twin(
    link("(memory 1 4)", `(memory (export "x") 2 3)`),
    link("(memory 1 4)", `(memory (export "x") 2)`),
    /mismatch in memory limits/,
  );
});

Deno.test("validation: a core module whose code V8 refuses is named, with V8's reason and offset", async () => {
  await twin(
    `(component (core module (func (result i32) i32.const 1)))`,
    `(component (core module (func (result i32) i64.const 1)))`,
    /t\/module0/,
    /does not validate \(V8\)/,
    /at byte offset \d+/,
  );
});

Deno.test("validation: an export's ascribed instance type hides the exports it does not declare", async () => {
  const parent = (ascribed: string) =>
    `(component
       (import "f" (func $f))
       (component $C (import "i" (instance $i (export "f" (func)))) (export "o" (instance $i) ${ascribed}))
       (instance $c (instantiate $C (with "i" (instance (export "f" (func $f))))))
       (component $Use (import "arg" (instance (export "f" (func)))))
       (instance (instantiate $Use (with "arg" (instance $c "o")))))`;
  await twin(
    parent(`(instance (export "f" (func)))`),
    parent(`(instance)`),
    /missing expected export `f`/,
  );
});

Deno.test("validation: a named type aliased into an instance type and exported again stays named (wit-bindgen's shape)", async () => {
  // As wit-bindgen writes an interface that uses another's types: the second instance type
  // aliases `error-code` out of the outer scope and exports it again.
  const world = (field: string) =>
    `(component
       (type (instance
         (type (record (field "rcode" u16)))
         (export "dns-payload" (type (eq 0)))
         (type (variant (case "dns" ${field}) (case "timeout")))
         (export "error-code" (type (eq 2)))))
       (import "wasi:http/types" (instance $types (type 0)))
       (alias export $types "error-code" (type $ec))
       (type (instance
         (alias outer 1 $ec (type))
         (export "error-code" (type (eq 0)))))
       (import "wasi:http/outgoing-handler" (instance (type 2))))`;
  // Index 1 is the exported (named) record; index 0 is the record itself, which has no name.
  await twin(world("1"), world("0"), /import "wasi:http\/types": instance not valid/);
});

Deno.test("validation: a resource re-exported through an instantiated shim keeps its name (wit-component's shape)", async () => {
  // wit-component exports a resource's interface through a shim component instantiated with
  // the resource: the shim's functions refer to its own export of the type.
  const ok = await fuseError(`(component
    (core module $M (func (export "ctor") (param i32) (result i32) local.get 0) (func (export "d") (param i32)))
    (core instance $m (instantiate $M))
    (type $R (resource (rep i32) (dtor (func $m "d"))))
    (type $own (own $R))
    (type $ft (func (param "x" u32) (result $own)))
    (func $ctor (type $ft) (canon lift (core func $m "ctor")))
    (component $shim
      (import "import-type-r" (type (sub resource)))
      (type (own 0))
      (type (func (param "x" u32) (result 1)))
      (import "import-ctor" (func (type 2)))
      (export "r" (type 0))
      (type (own 3))
      (type (func (param "x" u32) (result 4)))
      (export "[constructor]r" (func 0) (func (type 5))))
    (instance $i (instantiate $shim (with "import-ctor" (func $ctor)) (with "import-type-r" (type $R))))
    (export "t:p/i" (instance $i)))`);
  assert(ok === "", ok);
});
