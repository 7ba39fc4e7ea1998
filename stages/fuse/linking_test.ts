import { assert, assertEquals, assertRejects } from "../../test/support/assert.ts";
import { fuse, FuseError } from "./mod.ts";
import {
  ARENA_DECL,
  ARENA_WIT,
  buildComponent,
  instantiateFused,
  readStringAt,
} from "../../test/support/components.ts";

const IFACES = `package t:l;
interface a { ping: func(x: u32) -> u32; }
interface b { pong: func(x: u32) -> u32; }
interface c { ping: func(x: u64) -> u32; }
interface named { describe: func(s: string) -> string; }
world a-provider { export a; import b; }
world b-provider { export b; import a; }
world a-user { import a; export run: func() -> u32; }
world c-user { import c; export run: func() -> u32; }`;

const A_PROVIDER = `#include <stdint.h>
__attribute__((import_module("t:l/b"), import_name("pong"))) uint32_t pong(uint32_t);
__attribute__((export_name("t:l/a#ping"))) uint32_t ping(uint32_t x) { return x ? pong(x - 1) : 0; }`;
const B_PROVIDER = `#include <stdint.h>
__attribute__((import_module("t:l/a"), import_name("ping"))) uint32_t ping(uint32_t);
__attribute__((export_name("t:l/b#pong"))) uint32_t pong(uint32_t x) { return ping(x) + 1; }`;

Deno.test("fuse: components that import each other are a cycle, named in the error", async () => {
  const a = await buildComponent(A_PROVIDER, IFACES, "a-provider");
  const b = await buildComponent(B_PROVIDER, IFACES, "b-provider");
  const e = await assertRejects(
    () => fuse([{ name: "a", bytes: a }, { name: "b", bytes: b }]),
    FuseError,
  );
  assert(e.message.includes("cycle") && /a → b → a|b → a → b/.test(e.message), e.message);
});

Deno.test("fuse: an import whose type differs from the provider's export is an error naming both", async () => {
  const provider = await buildComponent(
    `#include <stdint.h>
__attribute__((export_name("t:l/a#ping"))) uint32_t ping(uint32_t x) { return x + 1; }`,
    IFACES.replace("world a-provider { export a; import b; }", "world a-provider { export a; }"),
    "a-provider",
  );
  // The user imports interface a, but with ping(x: u64): same name, another type.
  const wit = IFACES.replace(
    "interface a { ping: func(x: u32) -> u32; }",
    "interface a { ping: func(x: u64) -> u32; }",
  );
  const user = await buildComponent(
    `#include <stdint.h>
__attribute__((import_module("t:l/a"), import_name("ping"))) uint32_t ping(uint64_t);
__attribute__((export_name("run"))) uint32_t run(void) { return ping(41); }`,
    wit,
    "a-user",
  );
  const e = await assertRejects(
    () => fuse([{ name: "provider", bytes: provider }, { name: "user", bytes: user }]),
    FuseError,
  );
  assert(
    e.message.includes("user → provider") && e.message.includes("u64") && e.message.includes("u32"),
    e.message,
  );
});

Deno.test("fuse: an embedder import is never bound, even when a component in the set exports that name", async () => {
  const impostor = await buildComponent(
    `#include <stdint.h>
__attribute__((export_name("cabi-arena-realloc"))) uint32_t fake(uint32_t a, uint32_t b, uint32_t c, uint32_t d) { return 0; }`,
    `package t:e; world w { export cabi-arena-realloc: func(p0: u32, p1: u32, p2: u32, p3: u32) -> u32; }`,
    "w",
  );
  const user = await buildComponent(
    `${ARENA_DECL}
static uint32_t ret[2];
__attribute__((export_name("greet"))) uint32_t *greet(void) {
  char *s = arena_realloc(0, 0, 1, 2); s[0] = 'o'; s[1] = 'k';
  ret[0] = (uint32_t)s; ret[1] = 2; return ret;
}`,
    `package t:u; world w { ${ARENA_WIT} export greet: func() -> string; }`,
    "w",
  );
  const { module, report } = await fuse([{ name: "impostor", bytes: impostor }, {
    name: "user",
    bytes: user,
  }], {
    memory: "shared",
  });
  const imports = WebAssembly.Module.imports(new WebAssembly.Module(module as BufferSource));
  assertEquals(imports.map((i) => `${i.module}::${i.name}`), ["env::__cabi_arena_realloc"]);
  assertEquals(report.imports[0].kind, "embedder");
  const { exports, memory, arena } = instantiateFused(module);
  assertEquals(readStringAt(memory, (exports.greet as () => number)()), "ok");
  assertEquals(arena.calls, 1, "the call went to the embedder, not to the impostor");
});

Deno.test("fuse: pulseengine:embedder interfaces and --passthrough names stay imports; a wrong arena type is an error", async () => {
  const c = await buildComponent(
    `#include <stdint.h>
__attribute__((import_module("pulseengine:embedder/clock@0.1.0"), import_name("now"))) uint64_t now(void);
__attribute__((import_module("$root"), import_name("board-led"))) void led(uint32_t);
__attribute__((export_name("tick"))) uint64_t tick(void) { led(1); return now(); }`,
    `package t:p; world w {
  import pulseengine:embedder/clock@0.1.0;
  import board-led: func(on: u32);
  export tick: func() -> u64;
}
package pulseengine:embedder@0.1.0 { interface clock { now: func() -> u64; } }`,
    "w",
  );
  const { module, report } = await fuse([{ name: "c", bytes: c }], {
    passthrough: ["board-led=env::led"],
  });
  const names = WebAssembly.Module.imports(new WebAssembly.Module(module as BufferSource)).map((
    i,
  ) => `${i.module}::${i.name}`);
  assertEquals(names.sort(), ["env::led", "pulseengine:embedder/clock@0.1.0::now"]);
  assert(report.imports.every((i) => i.kind === "embedder"));
  const bad = await buildComponent(
    `#include <stdint.h>
__attribute__((import_module("$root"), import_name("cabi-arena-realloc"))) uint32_t arena(uint32_t);
__attribute__((export_name("f"))) uint32_t f(void) { return arena(1); }`,
    `package t:b; world w { import cabi-arena-realloc: func(size: u32) -> u32; export f: func() -> u32; }`,
    "w",
  );
  const e = await assertRejects(() => fuse([{ name: "bad", bytes: bad }]), FuseError);
  assert(
    e.message.includes("embedder import cabi-arena-realloc has type (i32) -> (i32)"),
    e.message,
  );
});

Deno.test("fuse: --memory multi keeps each module's memory and strings still cross", async () => {
  const provider = await buildComponent(
    `${ARENA_DECL}
static uint32_t ret[2];
__attribute__((export_name("t:l/named#describe"))) uint32_t *describe(const char *s, uint32_t n) {
  char *out = cabi_realloc(0, 0, 1, n + 1);
  out[0] = '#'; for (uint32_t i = 0; i < n; i++) out[i + 1] = s[i];
  ret[0] = (uint32_t)out; ret[1] = n + 1; return ret;
}`,
    IFACES + "\nworld named-provider { export named; }",
    "named-provider",
  );
  const user = await buildComponent(
    `${ARENA_DECL}
__attribute__((import_module("t:l/named"), import_name("describe"))) void describe(const char *, uint32_t, uint32_t *);
static uint32_t ret[2];
__attribute__((export_name("run"))) uint32_t *run(void) {
  uint32_t r[2]; describe("multi", 5, r); ret[0] = r[0]; ret[1] = r[1]; return ret;
}`,
    IFACES + "\nworld named-user { import named; export run: func() -> string; }",
    "named-user",
  );
  const { module, report } = await fuse([{ name: "p", bytes: provider }, {
    name: "u",
    bytes: user,
  }], { memory: "multi" });
  assertEquals(report.strategy, "multi");
  const mems = WebAssembly.Module.exports(new WebAssembly.Module(module as BufferSource)).filter((
    e,
  ) => e.kind === "memory");
  assert(mems.length >= 1);
  const inst = new WebAssembly.Instance(new WebAssembly.Module(module as BufferSource), {});
  const mem = inst
    .exports[report.exports.find((e) => e.name === "run")!.memory!] as WebAssembly.Memory;
  assertEquals(readStringAt(mem, (inst.exports.run as () => number)()), "#multi");
});
