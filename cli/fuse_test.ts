import { assert, assertEquals } from "../test/support/assert.ts";
import { main } from "../cli.ts";
import { ARENA_DECL, ARENA_WIT, buildComponent, compileC } from "../test/support/components.ts";

async function exists(path: string): Promise<boolean> {
  try {
    await Deno.stat(path);
    return true;
  } catch {
    return false;
  }
}

Deno.test("dissolve fuse: bad input is a clear error and writes no output", async () => {
  const dir = await Deno.makeTempDir();
  try {
    await Deno.writeFile(
      `${dir}/plain.wasm`,
      await compileC(`${ARENA_DECL} int f(void) { return 1; }`),
    );
    const errors: string[] = [];
    const orig = console.error;
    console.error = (...a: unknown[]) => errors.push(a.join(" "));
    let code;
    try {
      code = await main(["fuse", `${dir}/plain.wasm`, "-o", `${dir}/out.wasm`]);
    } finally {
      console.error = orig;
    }
    assertEquals(code, 1);
    assert(!(await exists(`${dir}/out.wasm`)), "no output file");
    const text = errors.join("\n");
    assert(
      text.includes("plain") && text.includes("core module") && !text.includes("    at "),
      text,
    );
    // --verbose, which the internal-fault message asks for, is accepted and adds the trace.
    errors.length = 0;
    console.error = (...a: unknown[]) => errors.push(a.join(" "));
    try {
      code = await main(["fuse", `${dir}/plain.wasm`, "-o", `${dir}/out.wasm`, "--verbose"]);
    } finally {
      console.error = orig;
    }
    assertEquals(code, 1);
    assert(!errors.join("\n").includes("Unknown option"), errors.join("\n"));
    assert(errors.join("\n").includes("core module"), errors.join("\n"));
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("dissolve fuse: writes the module, the import map and the explanation", async () => {
  const dir = await Deno.makeTempDir();
  try {
    const c = await buildComponent(
      `${ARENA_DECL}
__attribute__((export_name("f"))) uint32_t f(void) { return (uint32_t)arena_realloc(0, 0, 4, 4); }`,
      `package t:c; world w { ${ARENA_WIT} export f: func() -> u32; }`,
      "w",
    );
    await Deno.writeFile(`${dir}/c.wasm`, c);
    const out: string[] = [];
    const orig = console.log, origErr = console.error;
    console.log = (...a: unknown[]) => out.push(a.join(" "));
    console.error = () => {};
    try {
      assertEquals(
        await main([
          "fuse",
          `${dir}/c.wasm`,
          "-o",
          `${dir}/f.wasm`,
          "--emit-import-map",
          `${dir}/map.json`,
          "--explain",
        ]),
        0,
      );
    } finally {
      console.log = orig;
      console.error = origErr;
    }
    assert(WebAssembly.validate(await Deno.readFile(`${dir}/f.wasm`) as BufferSource));
    const map = JSON.parse(await Deno.readTextFile(`${dir}/map.json`));
    assertEquals(map, [{
      module: "env",
      field: "__cabi_arena_realloc",
      kind: "embedder",
      externName: "cabi-arena-realloc",
      components: ["c"],
    }]);
    assert(out.join("\n").includes("memory strategy: shared"), out.join("\n"));
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});
