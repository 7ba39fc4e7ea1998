import { assert, assertEquals, assertRejects } from "../../test/support/assert.ts";
import binaryen from "binaryen";
import { fuse, FuseError } from "./mod.ts";
import { constI32, findMemoryGrow } from "../../wasm/module/mod.ts";
import { decodeWasm } from "../../wasm/mod.ts";
import type { CoreModule } from "../../wasm/module/mod.ts";
import type { Component } from "../../wasm/component/mod.ts";
import {
  ARENA_DECL,
  ARENA_WIT,
  buildComponent,
  compileC,
  externNames,
  instantiateFused,
  readStringAt,
} from "../../test/support/components.ts";

const HELLO_C = `${ARENA_DECL}
static const char msg[] = "Hello from a fused component!";
static uint32_t ret[2];
__attribute__((export_name("greet"))) uint32_t *greet(void) {
  char *p = arena_realloc(0, 0, 1, sizeof msg - 1);
  for (uint32_t i = 0; i < sizeof msg - 1; i++) p[i] = msg[i];
  ret[0] = (uint32_t)p; ret[1] = sizeof msg - 1;
  return ret;
}`;
const HELLO_WIT =
  `package test:hello; world hello { ${ARENA_WIT} export greet: func() -> string; }`;

const COUNTER_C = `${ARENA_DECL}
static uint32_t counter = 41;
static const char tag[] = "counter";
static uint32_t ret[2];
__attribute__((export_name("bump"))) uint32_t bump(void) { return ++counter; }
__attribute__((export_name("name"))) uint32_t *name(void) {
  char *p = arena_realloc(0, 0, 1, 7);
  for (int i = 0; i < 7; i++) p[i] = tag[i];
  ret[0] = (uint32_t)p; ret[1] = 7; return ret;
}`;
const COUNTER_WIT =
  `package test:counter; world counter { ${ARENA_WIT} export bump: func() -> u32; export name: func() -> string; }`;

let hello: Uint8Array | undefined, counter: Uint8Array | undefined;
async function fixtures() {
  hello ??= await buildComponent(HELLO_C, HELLO_WIT, "hello");
  counter ??= await buildComponent(COUNTER_C, COUNTER_WIT, "counter");
  return { hello, counter };
}

function binaryenValidates(bytes: Uint8Array): boolean {
  const m = binaryen.readBinary(bytes);
  m.setFeatures(binaryen.Features.All);
  const ok = m.validate();
  m.dispose();
  return !!ok;
}

function importsOf(bytes: Uint8Array): string[] {
  return WebAssembly.Module.imports(new WebAssembly.Module(bytes as BufferSource)).map((i) =>
    `${i.module}::${i.name}`
  );
}

Deno.test("fuse: a hello component becomes a grow-free core module that greets", async () => {
  const { hello } = await fixtures();
  const { module, report } = await fuse([{ name: "hello", bytes: hello }], { memory: "shared" });
  assert(WebAssembly.validate(module as BufferSource), "V8 validates");
  assert(binaryenValidates(module), "binaryen validates");
  assertEquals(importsOf(module), ["env::__cabi_arena_realloc"]);
  assertEquals(report.imports[0].kind, "embedder");
  const m = decodeWasm(module) as CoreModule;
  assertEquals(findMemoryGrow(m), []);
  const mem = m.sections.find((s) => s.id === "memory");
  assert(
    mem?.id === "memory" && mem.memories[0].limits.min === mem.memories[0].limits.max,
    "initial = maximum",
  );
  const { exports, memory, arena } = instantiateFused(module);
  assertEquals(
    readStringAt(memory, (exports.greet as () => number)()),
    "Hello from a fused component!",
  );
  assertEquals(arena.calls, 1);
});

Deno.test("fuse: the MCU seam — two arena users, one import, disjoint data, both run", async () => {
  const { hello, counter } = await fixtures();
  const { module, report } = await fuse(
    [{ name: "hello", bytes: hello }, { name: "counter", bytes: counter }],
    { memory: "shared", arenaBytes: 4096 },
  );
  assert(WebAssembly.validate(module as BufferSource));
  assert(binaryenValidates(module));
  assertEquals(importsOf(module), ["env::__cabi_arena_realloc"], "exactly one import remains");
  assertEquals(report.regions.length, 2);
  const [a, b] = report.regions;
  assert(a.base + a.size <= b.base, `regions overlap: ${JSON.stringify(report.regions)}`);
  assert(report.arena!.base >= b.base + b.size, "the arena lies above every region");
  // Data segments of the two modules do not overlap, and each lies in its own region.
  const m = decodeWasm(module) as CoreModule;
  const data = m.sections.find((s) => s.id === "data");
  assert(data?.id === "data");
  const spans = data.segments.map((d) => {
    const start = constI32(d.offset!.bytes)!;
    return [start, start + d.data.length];
  }).sort((x, y) => x[0] - y[0]);
  for (let i = 1; i < spans.length; i++) {
    assert(spans[i - 1][1] <= spans[i][0], `data overlaps: ${spans}`);
  }
  assert(spans.some(([s]) => s >= b.base), "the second module's data was moved into its region");
  const { exports, memory, arena } = instantiateFused(module);
  assertEquals(
    readStringAt(memory, (exports.greet as () => number)()),
    "Hello from a fused component!",
  );
  assertEquals((exports.bump as () => number)(), 42);
  assertEquals((exports.bump as () => number)(), 43);
  assertEquals(readStringAt(memory, (exports.name as () => number)()), "counter");
  assertEquals(
    readStringAt(memory, (exports.greet as () => number)()),
    "Hello from a fused component!",
  );
  assertEquals(arena.calls, 3);
});

Deno.test("fuse: output is deterministic", async () => {
  const { hello, counter } = await fixtures();
  const inputs = [{ name: "hello", bytes: hello }, { name: "counter", bytes: counter }];
  const a = await fuse(inputs, { memory: "shared" });
  const b = await fuse(inputs, { memory: "shared" });
  assertEquals(a.module, b.module);
});

Deno.test("fuse: a core module where a component is expected is a clear error", async () => {
  const core = await compileC(HELLO_C);
  const e = await assertRejects(() => fuse([{ name: "plain", bytes: core }]), FuseError);
  assert(
    e.message.includes("plain") && e.message.includes("core module") &&
      e.message.includes("component new"),
  );
});

Deno.test("fuse: an import no component provides is listed", async () => {
  const app = await buildComponent(
    `${ARENA_DECL}
__attribute__((import_module("test:dep/clock"), import_name("now"))) uint64_t now(void);
__attribute__((export_name("run"))) uint64_t run(void) { return now() + 1; }`,
    `package test:dep; interface clock { now: func() -> u64; } world app { ${ARENA_WIT} import clock; export run: func() -> u64; }`,
    "app",
  );
  const e = await assertRejects(() => fuse([{ name: "app", bytes: app }]), FuseError);
  assert(e.message.includes(`app imports "test:dep/clock"`), e.message);
  // Declared as a host import it stays an import of the fused module.
  const { module, report } = await fuse([{ name: "app", bytes: app }], {
    hostImports: ["test:dep/clock"],
  });
  // (the app never calls the arena, so wit-component dropped that import)
  assertEquals(importsOf(module), ["test:dep/clock::now"]);
  assertEquals(report.imports.find((i) => i.field === "now")?.kind, "host");
});

Deno.test("fuse: memory.grow is an error under shared and picks multi under auto", async () => {
  const grower = await buildComponent(
    `${ARENA_DECL}
__attribute__((export_name("grow"))) uint32_t grow(void) { return __builtin_wasm_memory_grow(0, 1); }`,
    `package test:g; world g { ${ARENA_WIT} export grow: func() -> u32; }`,
    "g",
  );
  const e = await assertRejects(
    () => fuse([{ name: "g", bytes: grower }], { memory: "shared" }),
    FuseError,
  );
  assert(
    e.message.includes("memory.grow") && e.message.includes("grow") && e.message.includes("remedy"),
  );
  const { report } = await fuse([{ name: "g", bytes: grower }], { memory: "auto" });
  assertEquals(report.strategy, "multi");
  assert(report.reason.includes("memory.grow"));
});

Deno.test("fuse --component: the fused module wrapped as a component runs under jco with the same result", async () => {
  const { hello } = await fixtures();
  const { module } = await fuse([{ name: "hello", bytes: hello }], {
    memory: "shared",
    component: true,
  });
  const c = decodeWasm(module) as Component;
  assertEquals(c.kind, "component");
  const names = externNames(c);
  assertEquals(names, ["export greet", "import cabi-arena-realloc"]);
  const { instantiateWithJco, jcoArena } = await import("../../test/support/jco_host.ts");
  const exports = await instantiateWithJco("fused", module, {
    "cabi-arena-realloc": { default: jcoArena(20000, 21000) },
  });
  assertEquals((exports.greet as () => string)(), "Hello from a fused component!");
});

Deno.test("fuse: share-stack gives every stack-first module one stack and one stack pointer", async () => {
  const flags = ["-Wl,--stack-first", "-Wl,--export=__data_end"];
  const inputs = [
    { name: "hello", bytes: await buildComponent(HELLO_C, HELLO_WIT, "hello", flags) },
    { name: "counter", bytes: await buildComponent(COUNTER_C, COUNTER_WIT, "counter", flags) },
  ];
  const { module, report } = await fuse(inputs, {
    memory: "shared",
    arenaBytes: 256,
    shareStack: true,
    stackBytes: 512,
  });
  assert(WebAssembly.validate(module as BufferSource) && binaryenValidates(module));
  assertEquals(report.sharedStack, { base: 0, top: 512, modules: 2 });
  const m = decodeWasm(module) as CoreModule;
  const globals = m.sections.find((s) => s.id === "global");
  assert(globals?.id === "global");
  const mutable = globals.globals.filter((g) => g.type.mutable);
  assertEquals(mutable.length, 1, "the two __stack_pointer globals are one");
  assertEquals(constI32(mutable[0].init.bytes), 512);
  // Data lies above the stack, regions do not overlap, and both components still work.
  const [a, b] = report.regions;
  assert(a.base >= 512 && a.base + a.size <= b.base, JSON.stringify(report.regions));
  const { exports, memory } = instantiateFused(module);
  assertEquals(
    readStringAt(memory, (exports.greet as () => number)()),
    "Hello from a fused component!",
  );
  assertEquals((exports.bump as () => number)(), 42);
  assertEquals(readStringAt(memory, (exports.name as () => number)()), "counter");
  // Without stack-first inputs the stacks stay separate, and the report says why.
  const { hello, counter } = await fixtures();
  const separate = await fuse(
    [{ name: "hello", bytes: hello }, { name: "counter", bytes: counter }],
    { memory: "shared", shareStack: true },
  );
  assertEquals(separate.report.sharedStack, undefined);
  assert(separate.report.stackNote?.includes("--stack-first"), separate.report.stackNote);
});

Deno.test("fuse: an imported instance that exports a core module or a component is named as such", async () => {
  const { parseWat } = await import("../../test/spec/runner.ts");
  for (const [kind, text] of [["core module", "(core module)"], ["component", "(component)"]]) {
    const bytes = await parseWat(`(component (import "host" (instance (export "m" ${text}))))`);
    const e = await assertRejects(() => fuse([{ name: "c", bytes }]), FuseError);
    assertEquals(e.code, "unsupported-import");
    assert(e.message.includes(`exports a ${kind} ("m")`), e.message);
    assert(e.message.includes('remedy: provide "host" inside the composition'), e.message);
  }
});

Deno.test("fuse: a component calling its own lifted export traps (no re-entering an instance)", async () => {
  const { parseWat } = await import("../../test/spec/runner.ts");
  const bytes = await parseWat(`(component
    (core module $m (func (export "f") (result i32) i32.const 7))
    (core instance $i (instantiate $m))
    (func $f (result u32) (canon lift (core func $i "f")))
    (core func $lowered (canon lower (func $f)))
    (core module $n
      (import "x" "f" (func $g (result i32)))
      (func (export "run") (result i32) call $g)
      (func (export "seven") (result i32) i32.const 7))
    (core instance $j (instantiate $n (with "x" (instance (export "f" (func $lowered))))))
    (func (export "run") (result u32) (canon lift (core func $j "run")))
    (func (export "seven") (result u32) (canon lift (core func $j "seven"))))`);
  const { module, report } = await fuse([{ name: "self", bytes }], { memory: "shared" });
  assert(report.boundaries.length === 0 || report.boundaries.every((b) => b.caller !== b.callee));
  const { exports } = instantiateFused(module);
  assertEquals((exports.seven as () => number)(), 7);
  let trapped = false;
  try {
    (exports.run as () => number)();
  } catch (e) {
    trapped = e instanceof WebAssembly.RuntimeError && /unreachable/.test((e as Error).message);
  }
  assert(trapped, "run re-enters the instance and must trap");
});

Deno.test("fuse: context.get / context.set keep a task's slot; every task from the host starts at 0", async () => {
  const { parseWat } = await import("../../test/spec/runner.ts");
  const bytes = await parseWat(`(component
    (canon context.get i32 0 (core func $get))
    (canon context.set i32 0 (core func $set))
    (canon backpressure.inc (core func $inc))
    (canon backpressure.dec (core func $dec))
    (core module $M
      (import "" "get" (func $get (result i32)))
      (import "" "set" (func $set (param i32)))
      (import "" "inc" (func $inc))
      (import "" "dec" (func $dec))
      (func (export "store") (param i32) (result i32)
        (call $set (local.get 0)) (call $get))
      (func (export "peek") (result i32) (call $get))
      (func (export "pressure") (call $inc) (call $dec))
      (func (export "underflow") (call $dec)))
    (core instance $m (instantiate $M (with "" (instance
      (export "get" (func $get)) (export "set" (func $set))
      (export "inc" (func $inc)) (export "dec" (func $dec))))))
    (func (export "store") (param "v" u32) (result u32) (canon lift (core func $m "store")))
    (func (export "peek") (result u32) (canon lift (core func $m "peek")))
    (func (export "pressure") (canon lift (core func $m "pressure")))
    (func (export "underflow") (canon lift (core func $m "underflow"))))`);
  const { module } = await fuse([{ name: "ctx", bytes }], { memory: "shared" });
  const { exports } = instantiateFused(module);
  assertEquals((exports.store as (v: number) => number)(42), 42, "a task reads what it set");
  assertEquals((exports.peek as () => number)(), 0, "the next task starts at 0");
  (exports.pressure as () => void)();
  let trapped = false;
  try {
    (exports.underflow as () => void)();
  } catch (e) {
    trapped = e instanceof WebAssembly.RuntimeError;
  }
  assert(trapped, "backpressure.dec below zero traps");
});
