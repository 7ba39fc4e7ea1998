import { assert, assertEquals } from "../../test/support/assert.ts";
import { addWorldImports, applyPassthrough, gale, kebabName } from "./build.ts";
import { type Component, decodeWasm } from "../../wasm/mod.ts";
import { compileC, externNames } from "../../test/support/components.ts";

Deno.test("gale: passthrough renames env::__cabi_arena_realloc to a world-root import", async () => {
  const core = await compileC(`#include <stdint.h>
__attribute__((import_module("env"), import_name("__cabi_arena_realloc")))
void *arena(void *, uint32_t, uint32_t, uint32_t);
__attribute__((export_name("f"))) void *f(void) { return arena(0, 0, 1, 4); }`);
  const { module, worldImports } = applyPassthrough(core, ["env::__cabi_arena_realloc"]);
  const imports = WebAssembly.Module.imports(new WebAssembly.Module(module as BufferSource));
  assertEquals(imports.map((i) => `${i.module}::${i.name}`), ["$root::cabi-arena-realloc"]);
  assertEquals(worldImports, [{
    name: "cabi-arena-realloc",
    line: "import cabi-arena-realloc: func(p0: u32, p1: u32, p2: u32, p3: u32) -> u32;",
  }]);
  assertEquals(kebabName("__cabi_arena_realloc"), "cabi-arena-realloc");
});

Deno.test("gale: the world gains the import only when it lacks it", () => {
  const line = {
    name: "cabi-arena-realloc",
    line: "import cabi-arena-realloc: func(p0: u32) -> u32;",
  };
  const wit = "package a:b;\nworld w {\n  export f: func();\n}\n";
  const added = addWorldImports(wit, "w", [line]);
  assert(added.includes(line.line));
  assertEquals(addWorldImports(added, "w", [line]), added);
});

Deno.test("gale: builds examples/hello into a component whose world imports the arena", async () => {
  const scratchDir = await Deno.makeTempDir();
  try {
    const out = await gale(
      { name: "hello", sources: ["hello.c"], wit: "hello.wit", world: "hello" },
      { scratchDir, baseDir: "examples/hello", log: () => {} },
    );
    const c = decodeWasm(out.component) as Component;
    assertEquals(c.kind, "component");
    const names = externNames(c);
    assertEquals(names, ["export greet", "import cabi-arena-realloc"]);
  } finally {
    await Deno.remove(scratchDir, { recursive: true });
  }
});
