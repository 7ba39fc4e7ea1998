import { assert, assertEquals } from "../../test/support/assert.ts";
import { parseWat, runWastFile } from "../../test/spec/runner.ts";
import { fuse } from "./mod.ts";
import { decodeWasm } from "../../wasm/mod.ts";
import type { CoreModule } from "../../wasm/module/mod.ts";
import { decodeNameSection } from "../../wasm/module/mod.ts";
import { type ImportLink, LeaveAnalysis } from "./may_leave.ts";

/**
 * $D's post-returns and realloc: one reaches the import `ping` through a
 * helper, one calls `resource.new`, one only counts (and so costs nothing);
 * a realloc that calls `ping`. $E calls $D across an adapter.
 */
const TESTER = `(component
  (component $C
    (core module $CM (func (export "ping")))
    (core instance $cm (instantiate $CM))
    (func (export "ping") (canon lift (core func $cm "ping"))))
  (component $D
    (import "ping" (func $ping))
    (type $R (resource (rep i32)))
    (canon resource.new $R (core func $new))
    (canon resource.drop $R (core func $drop))
    (canon lower (func $ping) (core func $ping'))
    (core module $DM
      (import "" "ping" (func $ping))
      (import "" "new" (func $new (param i32) (result i32)))
      (import "" "drop" (func $drop (param i32)))
      (memory (export "mem") 1)
      (global $calls (mut i32) (i32.const 0))
      (func (export "noop"))
      (func $helper (call $ping))
      (func (export "pr-ping") (call $helper))
      (func (export "pr-new") (drop (call $new (i32.const 1))))
      (func (export "pr-quiet") (global.set $calls (i32.add (global.get $calls) (i32.const 1))))
      (func (export "realloc-ping") (param i32 i32 i32 i32) (result i32) (call $ping) (i32.const 64))
      (func (export "take") (param i32 i32))
      (func (export "ping-now") (call $ping) (call $drop (call $new (i32.const 7))))
      (func (export "calls") (result i32) (global.get $calls)))
    (core instance $dm (instantiate $DM (with "" (instance
      (export "ping" (func $ping')) (export "new" (func $new)) (export "drop" (func $drop))))))
    (func (export "post-return-ping")
      (canon lift (core func $dm "noop") (post-return (core func $dm "pr-ping"))))
    (func (export "post-return-new")
      (canon lift (core func $dm "noop") (post-return (core func $dm "pr-new"))))
    (func (export "post-return-quiet")
      (canon lift (core func $dm "noop") (post-return (core func $dm "pr-quiet"))))
    (func (export "realloc-ping") (param "s" string)
      (canon lift (core func $dm "take") (memory $dm "mem") (realloc (func $dm "realloc-ping"))))
    (func (export "ping-now") (canon lift (core func $dm "ping-now")))
    (func (export "calls") (result u32) (canon lift (core func $dm "calls"))))
  (component $E
    (import "post-return-ping" (func $f))
    (canon lower (func $f) (core func $f'))
    (core module $EM (import "" "f" (func $f)) (func (export "run") (call $f)))
    (core instance $em (instantiate $EM (with "" (instance (export "f" (func $f'))))))
    (func (export "run") (canon lift (core func $em "run"))))
  (instance $c (instantiate $C))
  (instance $d (instantiate $D (with "ping" (func $c "ping"))))
  (instance $e (instantiate $E (with "post-return-ping" (func $d "post-return-ping"))))
  (export "post-return-ping" (func $d "post-return-ping"))
  (export "post-return-new" (func $d "post-return-new"))
  (export "post-return-quiet" (func $d "post-return-quiet"))
  (export "realloc-ping" (func $d "realloc-ping"))
  (export "ping-now" (func $d "ping-now"))
  (export "calls" (func $d "calls"))
  (export "across-adapter" (func $e "run")))`;

const WAST = `(component definition $T ${TESTER.slice("(component".length)}
(component instance $i1 $T)
(assert_trap (invoke "post-return-ping") "cannot leave component instance")
(component instance $i2 $T)
(assert_trap (invoke "post-return-new") "cannot leave component instance")
(component instance $i3 $T)
(assert_trap (invoke "realloc-ping" (str.const "hi")) "cannot leave component instance")
(component instance $i4 $T)
(assert_trap (invoke "across-adapter") "cannot leave component instance")
(component instance $i5 $T)
(assert_return (invoke "post-return-quiet"))
(assert_return (invoke "calls") (u32.const 1))
(assert_return (invoke "ping-now"))
`;

Deno.test("may_leave: a realloc or post-return that calls an import or resource.new traps; normal code does not", async () => {
  const dir = await Deno.makeTempDir({ prefix: "dissolve-may-leave-" });
  try {
    await Deno.writeTextFile(`${dir}/may_leave.wast`, WAST);
    const results = await runWastFile(`${dir}/may_leave.wast`);
    assertEquals(results.length, 7);
    for (const r of results) assertEquals(r.status, "passed", JSON.stringify(r));
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("may_leave: only a component whose option functions leave pays for the flag", async () => {
  const { module } = await fuse([{ name: "t", bytes: await parseWat(TESTER) }], {
    memory: "auto",
  });
  const m = decodeWasm(module) as CoreModule;
  const names = m.sections.find((s) => s.id === "custom" && s.name === "name");
  assert(names?.id === "custom");
  const generated = [...decodeNameSection(names.data).functions!.values()];
  // An option function of $D leaves: $D's leaving imports (ping, resource.new, resource.drop)
  // check the flag; $E's import does not (no option function of $E leaves).
  assertEquals(generated.filter((n) => n.startsWith("leave-check")).length, 3);
  // pr-ping, pr-new and realloc-ping are bracketed by the flag; pr-quiet is not.
  assertEquals(generated.filter((n) => n.startsWith("no-leave")).length, 3);
});

Deno.test("may_leave: a realloc that calls the embedder arena does not leave its instance", async () => {
  const component = `(component
    (import "cabi-arena-realloc" (func $arena (param "p0" u32) (param "p1" u32) (param "p2" u32)
      (param "p3" u32) (result u32)))
    (core func $arena' (canon lower (func $arena)))
    (core module $M
      (import "" "arena" (func $arena (param i32 i32 i32 i32) (result i32)))
      (memory (export "mem") 1)
      (func (export "realloc") (param i32 i32 i32 i32) (result i32)
        (call $arena (local.get 0) (local.get 1) (local.get 2) (local.get 3)))
      (func (export "take") (param i32 i32)))
    (core instance $m (instantiate $M (with "" (instance (export "arena" (func $arena'))))))
    (func (export "take") (param "s" string)
      (canon lift (core func $m "take") (memory $m "mem") (realloc (func $m "realloc")))))`;
  const { module } = await fuse([{ name: "c", bytes: await parseWat(component) }], {
    memory: "auto",
  });
  const m = decodeWasm(module) as CoreModule;
  const names = m.sections.find((s) => s.id === "custom" && s.name === "name");
  assert(names?.id === "custom");
  const generated = [...decodeNameSection(names.data).functions!.values()];
  assertEquals(generated.filter((n) => /^(no-leave|leave-check)/.test(n)), []);
});

Deno.test("may_leave: an answer across a cycle of core links: an inner no is not remembered", () => {
  // Instance 0: imports b (instance 1's g) and leave; f calls leave, then b — the walk goes
  // depth first, so it asks about b first, and g links straight back to f, still being asked.
  const sig = { params: [], results: [] };
  const a: CoreModule = {
    kind: "module",
    sections: [
      { id: "type", types: [sig] },
      {
        id: "import",
        imports: [
          { module: "m", field: "b", desc: { kind: "func", type: 0 } },
          { module: "m", field: "leave", desc: { kind: "func", type: 0 } },
        ],
      },
      { id: "function", types: [0] },
      { id: "code", bodies: [{ bytes: new Uint8Array([0, 0x10, 1, 0x10, 0, 0x0b]), offset: 0 }] },
    ],
  };
  // Instance 1: imports a (instance 0's f); g calls it.
  const b: CoreModule = {
    kind: "module",
    sections: [
      { id: "type", types: [sig] },
      { id: "import", imports: [{ module: "m", field: "a", desc: { kind: "func", type: 0 } }] },
      { id: "function", types: [0] },
      { id: "code", bodies: [{ bytes: new Uint8Array([0, 0x10, 0, 0x0b]), offset: 0 }] },
    ],
  };
  const analysis = (leave: "leaves" | "stays") =>
    new LeaveAnalysis(
      (inst) => ({ module: inst === 0 ? a : b }),
      (inst, func): ImportLink =>
        inst === 0
          ? func === 0 ? { kind: "module", inst: 1, func: 1 } : { kind: leave }
          : { kind: "module", inst: 0, func: 2 },
    );
  const leaving = analysis("leaves");
  assert(leaving.leaves(0, 2));
  // g was asked about while f's answer was pending (a no then): it leaves, through f.
  assert(leaving.leaves(1, 1));
  assert(analysis("leaves").leaves(1, 1));
  // No leaving import anywhere: the cycle ends, with a no for both.
  const staying = analysis("stays");
  assertEquals([staying.leaves(0, 2), staying.leaves(1, 1)], [false, false]);
});
