/**
 * Lean firmware: the RAM budget gate, float operations that wasm2c lowers to
 * libm on every float ABI, traps under the cheaper bounds checks on every
 * CPU family, and the stack guard at the bottom of RAM.
 */
import { checkFriendlyBytes } from "./check_bound.ts";
import { assert, assertEquals, assertRejects } from "../../test/support/assert.ts";
import { GateError } from "../gates/gate_error.ts";
import { synth } from "./mod.ts";
import { BOARDS } from "./boards.ts";
import { RunMismatch, runQemu } from "../run/mod.ts";
import { compileC } from "../../test/support/components.ts";

const ctx = async () => ({ scratchDir: await Deno.makeTempDir(), baseDir: ".", log: () => {} });

async function boot(module: Uint8Array, board: string, entry: string, entryResult: "u32" | "none") {
  const c = await ctx();
  try {
    const out = await synth(
      module,
      { backend: "builtin", board, entry, entryResult, measureStack: true },
      c,
    );
    await Deno.writeFile(`${c.scratchDir}/f.elf`, out.elf!);
    return await runQemu(`${c.scratchDir}/f.elf`, { board, timeoutMs: 10000 });
  } finally {
    await Deno.remove(c.scratchDir, { recursive: true });
  }
}

Deno.test("synth gate: data + bss + stack larger than the board's RAM fails with each part's size, on both ISAs", async () => {
  // A string result is read from linear memory, so the image has it (an array no code reads is
  // not linked).
  const module = await compileC(`#include <stdint.h>
static char s[] = "hey";
static uint32_t ret[2];
__attribute__((export_name("run"))) uint32_t *run(void) { ret[0] = (uint32_t)s; ret[1] = 3; return ret; }`);
  for (const [board, stackBytes] of [["lm3s6965evb", 64000], ["sifive_e", 16000]] as const) {
    const c = await ctx();
    const e = await assertRejects(
      () =>
        synth(
          module,
          { backend: "builtin", board, entry: "run", entryResult: "string", stackBytes },
          c,
        ),
      GateError,
    );
    const ram = BOARDS[board].ram.size;
    for (
      const part of [
        `${ram} B of RAM`,
        `native stack ${stackBytes}`,
        "wasm linear memory",
        "remedy",
      ]
    ) {
      assert(e.message.includes(part), `${board}: ${part} missing from: ${e.message}`);
    }
    // Nothing half-written: no ELF is left where the build would pick it up.
    await assertRejects(() => Deno.stat(`${c.scratchDir}/firmware.elf`), Deno.errors.NotFound);
    await Deno.remove(c.scratchDir, { recursive: true });
  }
});

const FLOATS = `#include <stdint.h>
static volatile double d[] = {2.25, -7.5, 0.5, 3.7, -0.0};
static volatile float f[] = {6.25f, -2.5f, 1.5f, -3.3f, 0.0f};
static uint32_t mix(uint32_t h, double x) { return h * 31u + (uint32_t)(int32_t)(x * 1000.0); }
__attribute__((export_name("run"))) uint32_t run(void) {
  uint32_t h = 7;
  h = mix(h, __builtin_sqrt(d[0]));      h = mix(h, __builtin_sqrtf(f[0]));
  h = mix(h, __builtin_floor(d[1]));     h = mix(h, __builtin_floorf(f[1]));
  h = mix(h, __builtin_ceil(d[3]));      h = mix(h, __builtin_ceilf(f[3]));
  h = mix(h, __builtin_trunc(d[3]));     h = mix(h, __builtin_truncf(f[3]));
  h = mix(h, __builtin_nearbyint(d[2])); h = mix(h, __builtin_nearbyintf(f[2]));
  h = mix(h, __builtin_fabs(d[1]));      h = mix(h, __builtin_fabsf(f[1]));
  h = mix(h, __builtin_copysign(d[0], d[4])); h = mix(h, __builtin_copysignf(f[0], f[1]));
  h = mix(h, __builtin_wasm_min_f64(d[0], d[1])); h = mix(h, __builtin_wasm_min_f32(f[0], f[1]));
  h = mix(h, __builtin_wasm_max_f64(d[0], d[1])); h = mix(h, __builtin_wasm_max_f32(f[0], f[1]));
  return h;
}`;

Deno.test("synth: float operations wasm2c lowers to libm link and agree with V8, soft- and hard-float", async () => {
  const module = await compileC(FLOATS);
  const { instance } = await WebAssembly.instantiate(module as BufferSource);
  const expected = `${(instance.exports.run as () => number)() >>> 0}\n`;
  // Cortex-M3 and M0 (soft-float), Cortex-M4 and M33 (hard-float, FPU enabled at reset), RV32IMAC
  // (soft-float, picolibc).
  for (
    const board of ["lm3s6965evb", "microbit", "mps2-an386", "mps2-an505", "sifive_e", "virt-rv32"]
  ) {
    const r = await boot(module, board, "run", "u32");
    assertEquals(r.stdout, expected, board);
  }
});

Deno.test("synth: out-of-bounds loads and stores trap on every CPU family, at the exact boundary", async () => {
  // synth gives the linear memory its used extent, __heap_base padded for a cheap check
  // (check_bound.ts): the last byte inside it is fine, the first byte past it traps.
  const source = `#include <stdint.h>
static uint32_t touch(uint32_t at) { volatile uint8_t *p = (uint8_t *)at; p[0] = 7; return p[0]; }
__attribute__((export_name("ok"))) uint32_t ok(void) { return touch(LIMIT - 1); }
__attribute__((export_name("bad"))) uint32_t bad(void) { return touch(LIMIT); }`;
  const probe = await WebAssembly.instantiate(
    (await compileC(source, ["-DLIMIT=0"])) as BufferSource,
  );
  const heapBase = (probe.instance.exports.__heap_base as WebAssembly.Global).value as number;
  const limit = checkFriendlyBytes(heapBase);
  const module = await compileC(source, [`-DLIMIT=${limit}`]);
  for (const board of ["stm32vldiscovery", "microbit", "mps2-an505", "sifive_e"]) {
    assertEquals((await boot(module, board, "ok", "u32")).stdout, "7\n", board);
    const e = await assertRejects(() => boot(module, board, "bad", "u32"), RunMismatch);
    assert(e.message.includes("out of bounds memory access"), `${board}: ${e.message}`);
  }
});

Deno.test("synth: a native stack overflow faults at the bottom of RAM instead of corrupting data, on every board", async () => {
  const module = await compileC(`#include <stdint.h>
static volatile uint32_t sink;
__attribute__((noinline)) static uint32_t deep(uint32_t n) { return n ? deep(n - 1) * 3 + sink : 0; }
__attribute__((export_name("run"))) uint32_t run(void) { sink = deep(1000000); return sink; }`);
  for (const board of Object.keys(BOARDS)) {
    const e = await assertRejects(() => boot(module, board, "run", "u32"), RunMismatch);
    assert(
      e.message.includes("exit code 3") && e.message.includes("hard fault"),
      `${board}: ${e.message}`,
    );
  }
});

Deno.test("synth: misaligned and aligned accesses agree with V8 on strict-alignment cores too", async () => {
  // ARMv6-M and RV32 take an aligned address in one access and a misaligned one byte by byte
  // (wasm_prelude.h): both paths, every width, loads and stores.
  const module = await compileC(`#include <stdint.h>
struct __attribute__((packed)) rec { uint8_t tag; uint32_t a; uint16_t b; uint64_t c; };
static volatile uint8_t buf[64];
static volatile struct rec recs[4];
__attribute__((export_name("run"))) uint32_t run(void) {
  for (int i = 0; i < 64; i++) buf[i] = (uint8_t)(i * 37 + 11);
  uint32_t h = 7;
  for (int off = 0; off < 8; off++) {
    uint32_t w; uint16_t s; uint64_t d;
    __builtin_memcpy(&w, (const void *)&buf[off], 4);
    __builtin_memcpy(&s, (const void *)&buf[off + 8], 2);
    __builtin_memcpy(&d, (const void *)&buf[off + 16], 8);
    h = h * 31 + w + s + (uint32_t)(d >> 7);
    w ^= 0xA5A5A5A5u;
    __builtin_memcpy((void *)&buf[off + 32], &w, 4);
    recs[off & 3].a = w + (uint32_t)off;
    recs[off & 3].b = (uint16_t)(s + off);
    recs[off & 3].c = d ^ h;
  }
  for (int i = 0; i < 4; i++) h = h * 31 + recs[i].a + recs[i].b + (uint32_t)recs[i].c;
  for (int i = 32; i < 48; i++) h = h * 31 + buf[i];
  return h;
}`);
  const { instance } = await WebAssembly.instantiate(module as BufferSource);
  const expected = `${(instance.exports.run as () => number)() >>> 0}\n`;
  for (const board of ["microbit", "sifive_e", "lm3s6965evb"]) {
    assertEquals((await boot(module, board, "run", "u32")).stdout, expected, board);
  }
});

Deno.test("run: the firmware reports its stack high-water marks and keeps them out of the output", async () => {
  const module = await compileC(`__attribute__((export_name("run"))) int run(void) { return 42; }`);
  const r = await boot(module, "lm3s811evb", "run", "u32");
  assertEquals(r.stdout, "42\n");
  assert(r.stack !== undefined && r.stack.native > 0 && r.stack.native < 1024, JSON.stringify(r));
});
