/**
 * Stack bounds and memory.size on the MCU: the bound covers what the run
 * measures (on an M0, an M33 and RV32IMAC, whose library helpers differ), a stack
 * smaller than its bound fails at the gate naming the chain, an unset stack
 * is sized from the bound, recursion is reported unbounded, and memory.size
 * is true (every declared page backed) or refused at build time.
 */
import { assert, assertEquals, assertRejects } from "../../test/support/assert.ts";
import { GateError } from "../gates/gate_error.ts";
import { synth, type SynthSpec } from "./mod.ts";
import { runQemu } from "../run/mod.ts";
import { compileC } from "../../test/support/components.ts";

const DEEP = `
static unsigned long long mix(unsigned long long a, unsigned long long b) { return a / (b | 1) + a % (b | 3); }
__attribute__((noinline)) static unsigned leaf(unsigned x) { volatile unsigned buf[16]; for (int i = 0; i < 16; i++) buf[i] = x * i; return buf[x & 15] + (unsigned)mix(x, x >> 3); }
__attribute__((noinline)) static unsigned mid(unsigned x) { volatile unsigned buf[8]; for (int i = 0; i < 8; i++) buf[i] = leaf(x + i); return buf[x & 7]; }
__attribute__((export_name("run"))) unsigned run(void) { return mid(12345); }`;

async function build(source: string, spec: Partial<SynthSpec> & { board: string }) {
  const scratchDir = await Deno.makeTempDir();
  try {
    const out = await synth(
      await compileC(source),
      { backend: "builtin", entry: "run", entryResult: "u32", measureStack: true, ...spec },
      { scratchDir, baseDir: ".", log: () => {} },
    );
    await Deno.writeFile(`${scratchDir}/f.elf`, out.elf!);
    const run = await runQemu(`${scratchDir}/f.elf`, { board: spec.board, timeoutMs: 10000 });
    return { out, run };
  } finally {
    await Deno.remove(scratchDir, { recursive: true });
  }
}

// RV32 on virt runs above 0x80000000: addresses that are negative as JavaScript int32s.
for (const board of ["microbit", "mps2-an505", "sifive_e", "virt-rv32"]) {
  Deno.test(`stack bound on ${board}: proven ≥ measured, and the unset stack is exactly the bound`, async () => {
    const { out, run } = await build(DEEP, { board });
    const b = out.sizeReport.stackBounds!;
    assert(!b.native.unbounded, `unbounded: ${b.native.unbounded}`);
    assert(b.native.bytes >= run.stack!.native, `bound ${b.native.bytes} < ${run.stack!.native}`);
    assertEquals(out.sizeReport.stack, Math.ceil(b.native.bytes / 8) * 8);
    assert(b.wasm !== undefined && b.wasm.bytes >= 64, `wasm bound ${JSON.stringify(b.wasm)}`);
    assertEquals(b.wasm.chain.slice(0, 1), ["run"]);
  });
}

Deno.test("stack bound: a stack-bytes below the bound fails at the gate with the chain and the size", async () => {
  const e = await assertRejects(
    () => build(DEEP, { board: "lm3s6965evb", stackBytes: 16 }),
    GateError,
  );
  assert(/stack-bytes = \d+/.test(e.message) && /dissolve_reset → /.test(e.message), e.message);
});

Deno.test("stack bound: recursion is reported unbounded, naming the cycle", async () => {
  const { out } = await build(
    `__attribute__((noinline)) static unsigned f(unsigned n) { volatile unsigned b[4]; b[n & 3] = n; return n ? f(n - 1) + b[n & 3] : 0; }
     __attribute__((export_name("run"))) unsigned run(void) { return f(20); }`,
    { board: "lm3s6965evb", stackBytes: 1024 },
  );
  assert(/recursion .*→/.test(out.sizeReport.stackBounds!.native.unbounded ?? ""));
  assert(/recursion .*→/.test(out.sizeReport.stackBounds!.wasm?.unbounded ?? ""));
});

const SCAN = `__attribute__((export_name("run"))) unsigned run(void) {
  unsigned pages = __builtin_wasm_memory_size(0);
  volatile unsigned char *top = (volatile unsigned char *)(pages * 65536 - 1);
  *top = 7;
  return pages * 100 + *top;
}`;

Deno.test("memory.size: every declared page is backed, so a scan up to it runs", async () => {
  const { run } = await build(SCAN, { board: "mps2-an385" });
  assertEquals(run.stdout, "107\n");
});

Deno.test("memory.size: on a part too small for the pages, the gate names the function", async () => {
  const e = await assertRejects(() => build(SCAN, { board: "lm3s811evb" }), GateError);
  assert(/memory\.size in run/.test(e.message) && /__heap_base/.test(e.message), e.message);
});
