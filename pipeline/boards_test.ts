import { assert, assertEquals, assertRejects } from "../test/support/assert.ts";
import { loadPipelineFile, PipelineError } from "./schema.ts";
import { definePipeline } from "./define.ts";
import { runPipeline } from "./runner.ts";
import type { Reporter } from "./report.ts";

const HELLO = `
[pipeline]
name = "t"
[[component]]
name = "hello"
sources = ["hello.c"]
wit = "hello.wit"
world = "hello"
[synth]
entry = "greet"
boards = ["my-f4"]
`;
const F4 = `
[board.my-f4]
cpu = "cortex-m4"
fpu = "fpv4-sp-d16"
float-abi = "hard"
flash = { origin = 0x08000000, size = "1M" }
ram = { origin = 0x20000000, size = "128K" }
qemu-machine = "netduinoplus2"
`;

/** Every project these tests write lives under one directory, removed by the last test. */
const ROOT = Deno.makeTempDirSync({ prefix: "dissolve-boards-" });

async function pipelineFile(text: string): Promise<string> {
  const dir = await Deno.makeTempDir({ dir: ROOT });
  for (const f of ["hello.c", "hello.wit"]) {
    await Deno.copyFile(`examples/hello/${f}`, `${dir}/${f}`);
  }
  await Deno.writeTextFile(`${dir}/dissolve.toml`, text);
  return `${dir}/dissolve.toml`;
}

Deno.test("boards: a declared board gets its flags and memory map from the file", async () => {
  const p = await loadPipelineFile(await pipelineFile(HELLO + F4));
  assert("name" in p);
  assertEquals(p.boards?.["my-f4"], {
    name: "my-f4",
    arch: "arm",
    cpu: "cortex-m4",
    cflags: ["-mcpu=cortex-m4", "-mthumb", "-mfloat-abi=hard", "-mfpu=fpv4-sp-d16"],
    qemuMachine: "netduinoplus2",
    flash: { origin: 0x08000000, size: 1024 * 1024 },
    ram: { origin: 0x20000000, size: 128 * 1024 },
  });
});

Deno.test("boards: bad declarations name the file, line and key path", async () => {
  const cases: [string, string, string][] = [
    [F4.replace('"cortex-m4"', '"cortex-m9"'), ":3: board.my-f4.cpu", `"cortex-m9" is not a CPU`],
    [F4.replace('"cortex-m4"', '"cortex-m3"'), ":4: board.my-f4.fpu", "cortex-m3 has no FPU"],
    [F4.replace('"128K"', '"lots"'), ":7: board.my-f4.ram.size", "must be a size in bytes"],
    [
      F4.replace("origin = 0x20000000", "origin = 0x08010000"),
      ":7: board.my-f4.ram",
      "overlaps flash [0x8000000, 0x8100000)",
    ],
    [
      F4.replace("[board.my-f4]", "[board.lm3s6965evb]"),
      ":2: board.lm3s6965evb",
      "is a built-in board",
    ],
    [F4 + 'colour = "blue"\n', ":9: board.my-f4.colour", "unknown key"],
    [F4.replace('"cortex-m4"', '"rv32imac"'), ":4: board.my-f4.fpu", "rv32imac has no FPU"],
  ];
  for (const [board, where, what] of cases) {
    const file = await pipelineFile(HELLO + board);
    const e = await assertRejects(() => loadPipelineFile(file), PipelineError);
    // HELLO is 11 lines: the board table's lines (counted from F4's first, empty line) follow.
    const at = where.replace(/^:(\d+):/, (_, n) => `:${Number(n) + 11}:`);
    assert(e.message.startsWith(file + at), `${e.message}\n  expected at ${at}`);
    assert(e.message.includes(what), e.message);
  }
  const unknown = await assertRejects(
    async () => loadPipelineFile(await pipelineFile(HELLO.replace('"my-f4"', '"my-f5"') + F4)),
    PipelineError,
  );
  assert(
    unknown.message.includes(`synth.boards[0]: "my-f5" is not a board; did you mean "my-f4"?`),
    unknown.message,
  );
});

Deno.test("boards: a declared STM32F4 board and a declared RV32 board build and boot in QEMU; one without a machine is built, not booted", async () => {
  const notes: string[] = [];
  const reporter: Reporter = { stage() {}, info: (_p, line) => notes.push(line), finish() {} };
  const dir = await Deno.makeTempDir({ prefix: "dissolve-boards-build-" });
  try {
    const p = definePipeline({
      pipeline: { name: "declared" },
      component: [{ name: "hello", sources: ["hello.c"], wit: "hello.wit", world: "hello" }],
      board: {
        "my-f4": {
          cpu: "cortex-m4",
          fpu: "fpv4-sp-d16",
          flash: { origin: 0x08000000, size: "1M" },
          ram: { origin: 0x20000000, size: "128K" },
          "qemu-machine": "netduinoplus2",
        },
        "my-m0": {
          cpu: "cortex-m0plus",
          flash: { origin: 0, size: "32K" },
          ram: { origin: 0x20000000, size: "8K" },
        },
        // An FE310 part of your own: RV32IMAC, booted on QEMU's SiFive E machine.
        "my-e310": {
          cpu: "rv32imac",
          flash: { origin: 0x20400000, size: "512K" },
          ram: { origin: 0x80000000, size: "16K" },
          "qemu-machine": "sifive_e",
        },
      },
      synth: { entry: "greet", boards: ["my-f4", "my-m0", "my-e310"] },
      run: { "expect-output": "Hello from a fused component!\n" },
    }, "examples/hello");
    const r = await runPipeline(p, { buildRoot: dir, reporter });
    assertEquals(r.runs["my-f4"].stdout, "Hello from a fused component!\n");
    assertEquals(r.runs["my-e310"].stdout, "Hello from a fused component!\n");
    assertEquals(r.sizes["my-e310"].flashTotal, 512 * 1024);
    assertEquals(r.runs["my-m0"], undefined);
    assert(r.sizes["my-m0"].flashUsed > 0 && r.sizes["my-m0"].ramTotal === 8192);
    assert(notes.some((n) => n.includes("board my-m0 declares no qemu-machine")), notes.join("\n"));
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("boards: (cleanup) the projects the tests wrote are removed", async () => {
  await Deno.remove(ROOT, { recursive: true });
});
