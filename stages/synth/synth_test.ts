import { assert, assertEquals, assertRejects, assertThrows } from "../../test/support/assert.ts";
import { checkElf } from "../gates/elf.ts";
import { GateError } from "../gates/gate_error.ts";
import { boardNamed } from "./boards.ts";
import { synth } from "./mod.ts";
import { RunMismatch, runQemu } from "../run/mod.ts";
import { compileC } from "../../test/support/components.ts";
import { mangle } from "./entry.ts";

const ctx = async () => ({ scratchDir: await Deno.makeTempDir(), baseDir: ".", log: () => {} });

/** A plain core module shaped like fuse output: exports `greet`, imports the arena. */
async function greeter(body: string): Promise<Uint8Array> {
  return await compileC(`#include <stdint.h>
__attribute__((import_module("env"), import_name("__cabi_arena_realloc")))
void *arena(void *, uint32_t, uint32_t, uint32_t);
static uint32_t ret[2];
__attribute__((export_name("greet"))) uint32_t *greet(void) { ${body} }`);
}

let elfCache: Uint8Array | undefined;
async function goodElf(): Promise<Uint8Array> {
  if (elfCache) return elfCache;
  // It uses its linear memory, so the image has it (an array no code reads is not linked).
  const module = await greeter(
    `static char s[] = "hey"; ret[0] = (uint32_t)s; ret[1] = 3; return ret;`,
  );
  const out = await synth(
    module,
    { backend: "builtin", board: "mps2-an385", entry: "greet" },
    await ctx(),
  );
  elfCache = out.elf!;
  return out.elf!;
}

Deno.test("synth + run: a core module becomes an ELF that the ELF gate accepts and QEMU boots", async () => {
  const module = await greeter(
    `static char s[] = "hey"; ret[0] = (uint32_t)s; ret[1] = 3; return ret;`,
  );
  for (const board of ["lm3s6965evb", "mps2-an385"]) {
    const c = await ctx();
    const out = await synth(module, { backend: "builtin", board, entry: "greet" }, c);
    assertEquals(out.backend, "builtin");
    assert(out.sizeReport.flashUsed > 0 && out.sizeReport.flashUsed < out.sizeReport.flashTotal);
    await Deno.writeFile(`${c.scratchDir}/f.elf`, out.elf!);
    const r = await runQemu(`${c.scratchDir}/f.elf`, { board, expectOutput: "hey\n" });
    assertEquals(r.exitCode, 0);
    await Deno.remove(c.scratchDir, { recursive: true });
  }
});

Deno.test("synth: an out-of-bounds access traps instead of corrupting RAM", async () => {
  const module = await greeter(`volatile uint32_t *p = (uint32_t *)0x7ff0; *p = 1; return ret;`);
  const c = await ctx();
  const out = await synth(module, { backend: "builtin", board: "lm3s6965evb", entry: "greet" }, c);
  await Deno.writeFile(`${c.scratchDir}/f.elf`, out.elf!);
  // The wasm memory declares a whole page, but the firmware gives it only the used extent
  // (__heap_base, ~5 KiB): an access at 0x7ff0 traps with exit code 2.
  const e = await assertRejects(
    () => runQemu(`${c.scratchDir}/f.elf`, { board: "lm3s6965evb" }),
    RunMismatch,
  );
  assert(
    e.message.includes("exit code 2") && e.message.includes("out of bounds memory access"),
    e.message,
  );
  await Deno.remove(c.scratchDir, { recursive: true });
});

Deno.test("ELF gate: rejects a wrong machine and a section outside the board's memory", async () => {
  const elf = await goodElf();
  const board = boardNamed("mps2-an385");
  checkElf(elf, "good.elf", board);
  const wrongMachine = elf.slice();
  wrongMachine[18] = 62; // EM_X86_64
  const e1 = assertThrows(() => checkElf(wrongMachine, "bad.elf", board), GateError);
  assert(e1.message.includes("EM_ARM") && e1.message.includes("62"), e1.message);
  // Too small a RAM: the same image does not fit a board with 1 KiB of RAM.
  const tiny = { ...board, name: "tiny", ram: { origin: board.ram.origin, size: 1024 } };
  const e2 = assertThrows(() => checkElf(elf, "big.elf", tiny), GateError);
  assert(e2.message.includes("inside tiny's FLASH or RAM"), e2.message);
  const notElf = assertThrows(() => checkElf(new Uint8Array(64), "zero.elf", board), GateError);
  assert(notElf.message.includes("ELF"), notElf.message);
});

Deno.test("run: a guest that never exits is killed at the timeout", async () => {
  const module = await greeter(`for (;;) {} return ret;`);
  const c = await ctx();
  const out = await synth(module, { backend: "builtin", board: "mps2-an385", entry: "greet" }, c);
  await Deno.writeFile(`${c.scratchDir}/f.elf`, out.elf!);
  const t0 = performance.now();
  const e = await assertRejects(
    () => runQemu(`${c.scratchDir}/f.elf`, { board: "mps2-an385", timeoutMs: 1500 }),
    RunMismatch,
  );
  assert(e.message.includes("timeout"), e.message);
  assert(performance.now() - t0 < 6000);
  await Deno.remove(c.scratchDir, { recursive: true });
});

Deno.test("synth: wasm2c name mangling", () => {
  assertEquals(mangle("greet"), "greet");
  assertEquals(mangle("iface#f"), "ifaceZ23f");
  assertEquals(mangle("Zed"), "ZZed");
});
