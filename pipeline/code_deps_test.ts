import { assert, assertEquals } from "../test/support/assert.ts";
import { codeDeps, specifiersOf } from "./code_deps.ts";

Deno.test("code deps: the specifiers a module names", () => {
  assertEquals(
    specifiersOf(`import { a } from "./a.ts";
export { b } from './b.ts';
import "./side.ts";
const m = await import("./lazy.ts");
const BSP = new URL("./bsp/", import.meta.url).pathname;
import binaryen from "binaryen";`),
    ["./a.ts", "./b.ts", "./side.ts", "./lazy.ts", "./bsp/", "binaryen"],
  );
});

Deno.test("code deps: the real stages reach what they use, transitively", async () => {
  const synth = await codeDeps(new URL("../stages/synth/stage.ts", import.meta.url));
  const paths = synth.files.map((f) => f.path);
  for (
    const p of [
      "stages/synth/stage.ts",
      "stages/synth/firmware.ts",
      "stages/synth/compile.ts",
      "wasm/module/const_expr.ts", // synth reads the constants fuse writes through the codec
      "stages/exec.ts",
      "stages/synth/bsp/startup_cortex_m.c", // read at run time through new URL(…, import.meta.url)
      "wasm/mod.ts",
    ]
  ) assert(paths.includes(p), `synth's code includes ${p}`);
  assert(!paths.some((p) => p.endsWith("_test.ts")), "no tests");
  assertEquals(paths, [...paths].sort(), "sorted");
  assert(paths.every((p) => !p.startsWith("/")), "relative paths only");
  const loom = await codeDeps(new URL("../stages/loom/stage.ts", import.meta.url));
  assert(loom.packages.some((p) => p.name === "binaryen" && /^\d+\./.test(p.version)));
  assert(loom.files.some((f) => f.path === "stages/exec.ts"), "loom runs tools through exec.ts");
});

Deno.test("code deps: an edit two imports away changes the hash; the location does not", async () => {
  const root = await Deno.makeTempDir({ prefix: "dissolve-codedeps-" });
  const write = async (base: string) => {
    await Deno.mkdir(`${base}/lib/assets`, { recursive: true });
    await Deno.writeTextFile(`${base}/stage.ts`, `import { helper } from "./lib/helper.ts";\n`);
    await Deno.writeTextFile(
      `${base}/lib/helper.ts`,
      `export * from "./deep.ts";\nexport const A = new URL("./assets/", import.meta.url);\n`,
    );
    await Deno.writeTextFile(`${base}/lib/deep.ts`, `export const helper = 1;\n`);
    await Deno.writeTextFile(`${base}/lib/assets/table.txt`, `1 2 3\n`);
    await Deno.writeTextFile(`${base}/unrelated.ts`, `export const x = 1;\n`);
  };
  try {
    await write(`${root}/a`);
    await write(`${root}/b/c`);
    const a = await codeDeps(`${root}/a/stage.ts`, `${root}/a`);
    const b = await codeDeps(`${root}/b/c/stage.ts`, `${root}/b/c`);
    assertEquals(b.hash, a.hash, "two checkouts, one hash");
    assertEquals(a.files.map((f) => f.path), [
      "lib/assets/table.txt",
      "lib/deep.ts",
      "lib/helper.ts",
      "stage.ts",
    ]);
    await Deno.writeTextFile(`${root}/a/unrelated.ts`, `export const x = 2;\n`);
    assertEquals((await codeDeps(`${root}/a/stage.ts`, `${root}/a`)).hash, a.hash);
    await Deno.writeTextFile(`${root}/a/lib/deep.ts`, `export const helper = 2;\n`);
    const edited = await codeDeps(`${root}/a/stage.ts`, `${root}/a`);
    assert(edited.hash !== a.hash, "deep edit changes the hash");
    await Deno.writeTextFile(`${root}/b/c/lib/assets/table.txt`, `1 2 3 4\n`);
    assert((await codeDeps(`${root}/b/c/stage.ts`, `${root}/b/c`)).hash !== a.hash, "asset edit");
  } finally {
    await Deno.remove(root, { recursive: true });
  }
});
