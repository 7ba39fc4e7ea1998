import { assert, assertEquals } from "../../test/support/assert.ts";
import { addWorldImports, applyPassthrough, defaultCompile, gale, kebabName } from "./build.ts";
import { type Component, decodeWasm } from "../../wasm/mod.ts";
import { type CoreModule, forEachOperator } from "../../wasm/module/mod.ts";
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

Deno.test("gale: opt-level reaches the compiler (clang -O2 and the default firmware level unroll a short loop -Os keeps)", async () => {
  const dir = await Deno.makeTempDir();
  try {
    await Deno.writeTextFile(
      `${dir}/sum.c`,
      `static unsigned t[8] = {1, 2, 3, 4, 5, 6, 7, 8};
__attribute__((export_name("sum"))) unsigned sum(unsigned k) {
  unsigned s = 0;
  for (int i = 0; i < 8; i++) s += t[i] * k;
  return s;
}`,
    );
    await Deno.writeTextFile(
      `${dir}/sum.wit`,
      "package bench:sum;\nworld sum {\n  export sum: func(k: u32) -> u32;\n}\n",
    );
    const loops = async (optLevel?: "Os" | "O2") => {
      const scratchDir = await Deno.makeTempDir({ dir });
      const out = await gale(
        { name: "sum", sources: ["sum.c"], wit: "sum.wit", world: "sum", optLevel },
        { scratchDir, baseDir: dir, log: () => {} },
      );
      const module = new WebAssembly.Module(out.coreModule as BufferSource);
      assertEquals(WebAssembly.Module.exports(module).some((e) => e.name === "sum"), true);
      const core = decodeWasm(out.coreModule) as CoreModule;
      let count = 0;
      for (const s of core.sections) {
        if (s.id !== "code") continue;
        for (const b of s.bodies) forEachOperator(b.bytes, { op: (op) => op === 0x03 && count++ });
      }
      return count;
    };
    assertEquals(await loops("Os"), 1);
    assertEquals(await loops("O2"), 0);
    assertEquals(await loops(), 0);
    assertEquals(
      defaultCompile({ language: "rust", optLevel: "O2" }).includes("-Copt-level=2"),
      true,
    );
    const rust = defaultCompile({ language: "rust" });
    assertEquals(rust.includes("-Copt-level=s"), true);
    assertEquals(rust.includes("-Cllvm-args=-unroll-threshold=200"), true);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});
