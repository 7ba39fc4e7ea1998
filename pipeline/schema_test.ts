import { assert, assertEquals, assertRejects, assertThrows } from "../test/support/assert.ts";
import { loadPipelineFile, normalizePipeline, PipelineError } from "./schema.ts";
import { definePipeline } from "./define.ts";

/** Every file these tests write lives under one directory, removed by the last test. */
const ROOT = Deno.makeTempDirSync({ prefix: "dissolve-schema-" });

async function withFile(text: string, files: Record<string, string> = {}): Promise<string> {
  const dir = await Deno.makeTempDir({ dir: ROOT });
  for (const [name, body] of Object.entries(files)) {
    await Deno.writeTextFile(`${dir}/${name}`, body);
  }
  await Deno.writeTextFile(`${dir}/dissolve.toml`, text);
  return `${dir}/dissolve.toml`;
}

const GOOD = `
[pipeline]
name = "t"
[[component]]
name = "app"
sources = ["app.c"]
wit = "app.wit"
world = "app"
[synth]
entry = "run"
`;
const FILES = { "app.c": "", "app.wit": "" };

Deno.test("schema: a good file gets defaults", async () => {
  const p = await loadPipelineFile(await withFile(GOOD, FILES));
  assert("name" in p);
  assertEquals(p.fuse.memory, "auto");
  assertEquals(p.synth.boards, ["lm3s6965evb"]);
  assertEquals(p.components[0].embedderImports, ["env::__cabi_arena_realloc"]);
});

Deno.test("schema: a component's opt-level reaches it, and is refused beside its own compile command", async () => {
  const o2 = await loadPipelineFile(
    await withFile(GOOD.replace(`world = "app"`, `world = "app"\nopt-level = "O2"`), FILES),
  );
  assert("name" in o2);
  assertEquals(o2.components[0].optLevel, "O2");
  const file = await withFile(
    GOOD.replace(`world = "app"`, `world = "app"\nopt-level = "O2"\ncompile = ["cc"]`),
    FILES,
  );
  const e = await assertRejects(() => loadPipelineFile(file), PipelineError);
  assert(e.message.includes("component[0].opt-level"), e.message);
  assert(e.message.includes("compile"), e.message);
});

Deno.test("schema: an unknown key names the key path and suggests the near miss", async () => {
  const file = await withFile(
    GOOD.replace(`world = "app"`, `world = "app"\nsorces = ["x.c"]`),
    FILES,
  );
  const e = await assertRejects(() => loadPipelineFile(file), PipelineError);
  assert(e.message.includes("component[0].sorces"), e.message);
  assert(e.message.includes(`did you mean "sources"`), e.message);
  assert(e.message.startsWith(file), "names the file");
});

Deno.test("schema: a wrong type says what is allowed", async () => {
  const e = await assertRejects(
    () => loadPipelineFile(withFileSync(GOOD + `[fuse]\narena-bytes = "big"\n`)),
    PipelineError,
  );
  assert(
    e.message.includes("fuse.arena-bytes") &&
      e.message.includes("must be an integer, found a string"),
    e.message,
  );
  const e2 = await assertRejects(
    async () => loadPipelineFile(await withFile(GOOD + `[fuse]\nmemory = "huge"\n`, FILES)),
    PipelineError,
  );
  assert(
    e2.message.includes(`"huge" is not allowed; allowed: shared, domains, multi, auto`),
    e2.message,
  );
});

let syncFile = "";
function withFileSync(text: string): string {
  const dir = Deno.makeTempDirSync({ dir: ROOT });
  for (const [name, body] of Object.entries(FILES)) Deno.writeTextFileSync(`${dir}/${name}`, body);
  syncFile = `${dir}/dissolve.toml`;
  Deno.writeTextFileSync(syncFile, text);
  return syncFile;
}

Deno.test("schema: a missing source file is named with where it was looked for", async () => {
  const file = await withFile(GOOD, { "app.wit": "" });
  const e = await assertRejects(() => loadPipelineFile(file), PipelineError);
  assert(
    e.message.includes("component[0].sources") && e.message.includes(`"app.c" does not exist`),
    e.message,
  );
});

Deno.test("schema: a TOML syntax error gives file:line:column", async () => {
  const file = await withFile(`[pipeline]\nname = "t"\n[[component]\nname = 1\n`, FILES);
  const e = await assertRejects(() => loadPipelineFile(file), PipelineError);
  assert(/dissolve\.toml:\d+:\d+: TOML syntax error/.test(e.message), e.message);
});

Deno.test("schema: missing required keys and unknown sections", () => {
  const e = assertThrows(
    () => normalizePipeline({ pipeline: { name: "x" }, component: [] }, "f.toml", "."),
    PipelineError,
  );
  assert(e.message.includes("at least one [[component]]"));
  const e2 = assertThrows(() => normalizePipeline({ pipline: {} }, "f.toml", "."), PipelineError);
  assert(e2.message.includes(`did you mean "pipeline"`), e2.message);
});

Deno.test("definePipeline takes the same structure and validates it the same way", () => {
  const p = definePipeline({
    pipeline: { name: "hello" },
    component: [{ name: "hello", sources: ["hello.c"], wit: "hello.wit", world: "hello" }],
    synth: { entry: "greet", boards: ["mps2-an385"] },
  }, "examples/hello");
  assertEquals(p.synth.boards, ["mps2-an385"]);
  assertThrows(
    () =>
      definePipeline(
        { pipeline: { name: "x" }, component: [], synth: { entry: "e", board: "nope" } } as never,
      ),
    PipelineError,
  );
});

Deno.test("schema: [[domain]] tables group components and default the memory to domains", async () => {
  const two = GOOD +
    `[[component]]\nname = "lib"\nsources = ["app.c"]\nwit = "app.wit"\nworld = "app"\n`;
  const p = await loadPipelineFile(
    await withFile(
      two + `[[domain]]\nname = "kernel"\ncomponents = ["lib"]\narena-bytes = 256\n`,
      FILES,
    ),
  );
  assert("name" in p);
  assertEquals(p.fuse.memory, "domains");
  assertEquals(p.fuse.domains, [{ name: "kernel", components: ["lib"], arenaBytes: 256 }]);
  const unknown = await assertRejects(
    async () =>
      loadPipelineFile(
        await withFile(two + `[[domain]]\nname = "k"\ncomponents = ["lbi"]\n`, FILES),
      ),
    PipelineError,
  );
  assert(
    unknown.message.includes(`domain[0].components[0]: "lbi" is not a component`),
    unknown.message,
  );
  assert(unknown.message.includes(`did you mean "lib"`), unknown.message);
  const twice = await assertRejects(
    async () =>
      loadPipelineFile(
        await withFile(
          two +
            `[[domain]]\nname = "a"\ncomponents = ["lib"]\n[[domain]]\nname = "b"\ncomponents = ["app", "lib"]\n`,
          FILES,
        ),
      ),
    PipelineError,
  );
  assert(
    twice.message.includes(`domain[1].components[1]: "lib" is already in domain "a"`),
    twice.message,
  );
  const shared = await assertRejects(
    async () =>
      loadPipelineFile(
        await withFile(
          two.replace("[synth]", `[fuse]\nmemory = "shared"\n[synth]`) +
            `[[domain]]\nname = "a"\ncomponents = ["lib"]\n`,
          FILES,
        ),
      ),
    PipelineError,
  );
  assert(
    shared.message.includes(`fuse.memory: is "shared", but [[domain]] tables are declared`),
    shared.message,
  );
});

Deno.test("schema: flashable outputs come from the ELF, so asking for them without it is refused", async () => {
  const file = await withFile(GOOD + `output = ["object", "hex"]\n`, FILES);
  const e = await assertRejects(() => loadPipelineFile(file), PipelineError);
  assert(e.message.startsWith(file) && e.message.includes("synth.output"), e.message);
  assert(
    e.message.includes(`"hex" is made from the ELF`) && e.message.includes(`add "elf"`),
    e.message,
  );
  const ok = await loadPipelineFile(
    await withFile(GOOD + `output = ["elf", "bin", "hex"]\n`, FILES),
  );
  assert("name" in ok);
  assertEquals(ok.synth.output, ["elf", "bin", "hex"]);
});

Deno.test("schema: (cleanup) the files the tests wrote are removed", async () => {
  await Deno.remove(ROOT, { recursive: true });
});
