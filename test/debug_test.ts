/**
 * Source-level debugging on the firmware, checked the way a firmware
 * engineer would: gdb-multiarch on the debug ELF, QEMU's gdbstub, a
 * breakpoint at a component's source line, the backtrace, a variable.
 * Every Arm board of the kernel example; its components are C (app, queue,
 * mutex) and Rust (semaphore), in two isolation domains.
 */
import { assert, assertEquals } from "./support/assert.ts";
import { loadPipelineFile } from "../pipeline/schema.ts";
import { runPipeline } from "../pipeline/runner.ts";
import { boardProfile } from "../pipeline/boards.ts";
import type { Pipeline } from "../pipeline/format.ts";
import { QuietReporter } from "./support/tiny_pipeline.ts";
import { debugFirmware } from "../stages/run/mod.ts";
import { fuse } from "../stages/fuse/mod.ts";
import { type CoreModule, debugInfoOf } from "../wasm/module/mod.ts";
import { decodeWasm } from "../wasm/mod.ts";
import { ARENA_DECL, buildComponent } from "./support/components.ts";

const KERNEL = await loadPipelineFile("examples/kernel/dissolve.toml") as Pipeline;
const ARM_BOARDS = KERNEL.synth.boards.filter((b) => boardProfile(KERNEL, b).arch === "arm");

/** The kernel example built with debug info for every Arm board (once for the file). */
const built = (async () => {
  const buildRoot = await Deno.makeTempDir({ prefix: "dissolve-debug-" });
  const p: Pipeline = {
    ...KERNEL,
    name: "kernel-debug",
    debug: true,
    synth: { ...KERNEL.synth, boards: ARM_BOARDS },
  };
  const result = await runPipeline(p, { buildRoot, reporter: new QuietReporter() });
  return { p, result };
})();

/** gdb in batch mode on `board`'s debug ELF, running `commands` after connecting. */
async function gdb(board: string, commands: string[]): Promise<string> {
  const { p, result } = await built;
  const r = await debugFirmware({
    elf: `${result.outDir}/${board}/firmware.elf`,
    board: boardProfile(p, board),
    sourceDirs: [p.baseDir],
    commands,
    batch: true,
    consoleFile: `${result.outDir}/${board}/console.txt`,
  });
  assertEquals(r.code, 0, r.output);
  return r.output;
}

for (const board of ARM_BOARDS) {
  Deno.test(`debug: on ${board}, gdb stops at queue.c:33, with a backtrace through the adapter into app.c, and prints the components' variables`, async () => {
    const out = await gdb(board, [
      "break queue.c:33",
      "continue",
      "bt",
      "print greeting",
      "print ring",
    ]);
    // The stop: the queue component's own function, at its own source line.
    assert(/Breakpoint 1, \S*queue_describe .* at \.\/queue\.c:33\n/.test(out), out);
    assert(out.includes("for (size_t i = 0; i < label->len; i++) out[n++] = label->ptr[i];"), out);
    // The backtrace: queue's function, the fused adapter, the app's caller at its line.
    const frames = out.split("\n").filter((l) => /^#\d/.test(l));
    assert(/queue_describe .* at \.\/queue\.c:33/.test(frames[0]), frames.join("\n"));
    assert(frames.some((f) => /adapter_app__queue/.test(f)), frames.join("\n"));
    assert(
      frames.some((f) => /w2c_app_module0__\S*run .* at \.\/app\.c:44/.test(f)),
      frames.join("\n"),
    );
    // Globals of two domains: the app's string (its memory) and the queue's (the kernel's).
    assert(out.includes('= "hello from app"'), out);
    assert(out.includes("= {10, 20, 30, 40}"), out);
  });
}

Deno.test("debug: a breakpoint in the Rust component stops in it, called from app.c, and its static reads back", async () => {
  const out = await gdb(ARM_BOARDS[0], [
    "break semaphore.rs:29",
    "continue",
    "continue",
    "bt 2",
    "print COUNTS[1]",
  ]);
  // The second give (app.c:22): the first has already counted.
  assert(/give\S* .* at semaphore\.rs:29\n/.test(out), out);
  assert(/#1 .*w2c_app_module0__\S*run .* at \.\/app\.c:22/.test(out), out);
  assert(/\$1 = 1\n/.test(out), out);
});

Deno.test("debug: the fused module carries the components' lines as DWARF that llvm-dwarfdump verifies", async () => {
  const { result } = await built;
  const fused = `${result.outDir}/fused.wasm`;
  const dump = async (flag: string) => {
    const r = await new Deno.Command("llvm-dwarfdump", { args: [flag, fused] }).output();
    return { code: r.code, text: new TextDecoder().decode(r.stdout) };
  };
  const verify = await dump("--verify");
  assertEquals(verify.code, 0, verify.text);
  assert(verify.text.includes("No errors."), verify.text);
  const lines = (await dump("--debug-line")).text;
  for (const f of ["./app.c", "./queue.c", "./mutex.c", "semaphore.rs"]) {
    assert(lines.includes(`name: "${f}"`), `${f} in the fused line table:\n${lines}`);
  }
  // Every remapped line is a row (and each function's sequence ends with one more).
  const info = debugInfoOf(decodeWasm(await Deno.readFile(fused)) as CoreModule)!;
  const rows = [...lines.matchAll(/^0x[0-9a-f]+ /gm)].length;
  const expected = info.functions.reduce((n, f) => n + f.lines.length + 1, 0);
  assertEquals(rows, expected);
});

Deno.test("debug: a component built without debug info is named, and the build goes on", async () => {
  const wit = "package t:t; world w { export f: func() -> u32; }";
  const c = `${ARENA_DECL}\n__attribute__((export_name("f"))) uint32_t f(void) { return 7; }`;
  const withDwarf = await buildComponent(c, wit, "w", ["-g", "-gdwarf-4"]);
  const stripped = await buildComponent(c.replace(/f\b/g, "g"), wit.replace(/f:/g, "g:"), "w");
  const { module, report } = await fuse(
    [{ name: "seen", bytes: withDwarf }, { name: "blind", bytes: stripped }],
    { debug: true },
  );
  assertEquals(report.debug?.missing, [{
    component: "blind",
    reason: "no DWARF line table (built elsewhere, or stripped)",
  }]);
  const info = debugInfoOf(decodeWasm(module) as CoreModule)!;
  assertEquals(info.components.map((c) => [c.name, c.debug]), [["seen", true], ["blind", false]]);
  assert(info.files.some((f) => f.endsWith("m.c")), JSON.stringify(info.files));
  // DWARF 5 is not read: the component is named with the reason, and fusion goes on.
  const v5 = await buildComponent(c, wit, "w", ["-g", "-gdwarf-5"]);
  const newer = await fuse([{ name: "newer", bytes: v5 }], { debug: true });
  assertEquals(newer.report.debug?.missing.map((m) => m.component), ["newer"]);
  assert(/DWARF 5 line tables are not read/.test(newer.report.debug!.missing[0].reason));
  // Without debug the fused module carries none, and the report says nothing about it.
  const release = await fuse([{ name: "seen", bytes: withDwarf }], {});
  assertEquals(debugInfoOf(decodeWasm(release.module) as CoreModule), undefined);
  assertEquals(release.report.debug, undefined);
});

Deno.test("debug: in your own image (examples/byo-os), a breakpoint in the component stops there, called through the object's C API", async () => {
  const byo = await loadPipelineFile("examples/byo-os/dissolve.toml") as Pipeline;
  const buildRoot = await Deno.makeTempDir({ prefix: "dissolve-debug-byo-" });
  const board = "lm3s6965evb";
  const p: Pipeline = {
    ...byo,
    name: "byo-debug",
    debug: true,
    synth: { ...byo.synth, boards: [board] },
  };
  const result = await runPipeline(p, { buildRoot, reporter: new QuietReporter() });
  const r = await debugFirmware({
    elf: `${result.outDir}/${board}/image.elf`,
    board: boardProfile(p, board),
    sourceDirs: [p.baseDir],
    commands: ["break app.c:25", "continue", "bt"],
    batch: true,
    consoleFile: `${result.outDir}/${board}/console.txt`,
  });
  assertEquals(r.code, 0, r.output);
  assert(/Breakpoint 1, \S*app_report .* at \.\/app\.c:25\n/.test(r.output), r.output);
  assert(/in dissolve_report .* at api\.c:\d+/.test(r.output), r.output);
});
