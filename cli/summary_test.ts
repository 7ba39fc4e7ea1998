import { assert, assertEquals } from "../test/support/assert.ts";
import { summarize } from "./summary.ts";
import { renderSummary } from "./summary_render.ts";
import { decodeWasm } from "../wasm/mod.ts";
import { ARENA_DECL, ARENA_WIT, buildComponent, compileC } from "../test/support/components.ts";

Deno.test("inspect: a component's structure, world and memories", async () => {
  const c = await buildComponent(
    `${ARENA_DECL}
static uint32_t ret[2];
__attribute__((export_name("name"))) uint32_t *name(void) { ret[0] = 0; ret[1] = 0; return ret; }
__attribute__((export_name("grow"))) uint32_t grow(void) { return __builtin_wasm_memory_grow(0, 1); }`,
    `package t:i; world w { ${ARENA_WIT} export name: func() -> string; export grow: func() -> u32; }`,
    "w",
  );
  const s = summarize(decodeWasm(c));
  assert(s.kind === "component");
  assertEquals(s.exports.map((e) => e.name).sort(), ["grow", "name"]);
  assert(s.world.some((l) => l.includes("export name: func() -> string;")), s.world.join("\n"));
  assert(s.canons.some((k) => k.startsWith("lift")));
  const main = s.modules[0];
  assertEquals(main.memories[0].min, 1);
  assertEquals(main.memoryGrow.length, 1);
  const text = renderSummary(s);
  assert(text.includes("memory.grow: in function(s)") && text.includes("world root {"), text);
});

Deno.test("inspect: a core module's sections, imports, exports and limits", async () => {
  const m = summarize(
    decodeWasm(
      await compileC(`${ARENA_DECL} __attribute__((export_name("f"))) int f(void) { return 1; }`),
    ),
  );
  assert(m.kind === "module");
  assert(m.sections.some((x) => x.name === "linking"));
  assert(m.exports.some((e) => e.name === "f"));
  assertEquals(m.memoryGrow, []);
  assert(renderSummary(m).includes("memory.grow: none"));
});
