/**
 * synth's rewrite of wasm2c's accesses, and the bounds check the prelude then
 * does in 32-bit arithmetic: it must trap exactly where the 33-bit wasm
 * effective address (address + the instruction's offset) leaves the memory.
 */
import { assert, assertEquals } from "../../test/support/assert.ts";
import { tuneWasm2c, Wasm2cShapeError } from "./wasm2c_tune.ts";
import { BOARDS } from "./boards.ts";
import { bootBspProgram } from "../../test/support/bsp_program.ts";

const PRELUDE =
  "#define TRAP(x) 0\nDEFINE_STORE(i64_store32, u32, u64)\n#define DEFINE_REINTERPRET\n";

Deno.test("wasm2c tune: each access's address is passed as address and offset", () => {
  const out = tuneWasm2c(
    PRELUDE +
      "a = i32_load(&instance->w2c_memory, (u64)(w2c_i0));\n" +
      "i64_store8(&instance->w2c_memory, (u64)(w2c_i1) + 4294967295, w2c_j0);\n" +
      "b = f64_load(instance->w2c_env_memory, (u64)(w2c_l3) + 8u);\n",
  ).source;
  assert(out.includes("i32_load(&instance->w2c_memory, w2c_i0, 0u);"), out);
  assert(out.includes("i64_store8(&instance->w2c_memory, w2c_i1, 4294967295u, w2c_j0);"), out);
  assert(out.includes("f64_load(instance->w2c_env_memory, w2c_l3, 8u);"), out);
});

Deno.test("wasm2c tune: a memory descriptor nothing reads is not allocated; one that is read is", () => {
  const module = (extra: string) =>
    tuneWasm2c(
      PRELUDE +
        "static void init_memories(Z_m_instance_t* instance) {\n" +
        "  wasm_rt_allocate_memory(&instance->w2c_memory, 1, 1);\n" +
        "  LOAD_DATA(instance->w2c_memory, 256u, data_segment_data_w2c_d0, 29);\n}\n" +
        "a = i32_load(&instance->w2c_memory, (u64)(w2c_i0));\n" +
        "wasm_rt_memory_t* Z_mZ_memory(Z_m_instance_t* instance) {\n" +
        "  return &instance->w2c_memory;\n}\n" + extra,
    ).source;
  const unread = module("");
  assert(unread.includes("DISSOLVE_UNREAD_MEMORY(&instance->w2c_memory, 1, 1);"), unread);
  // memory.size reads the pages, bulk memory the data and size: the descriptor stays.
  for (
    const read of [
      "b = instance->w2c_memory.pages;\n",
      "memory_fill(&instance->w2c_memory, 0, 0, 4);\n",
    ]
  ) {
    const out = module(read);
    assert(out.includes("  wasm_rt_allocate_memory(&instance->w2c_memory, 1, 1);"), out);
    assert(!out.includes("DISSOLVE_UNREAD_MEMORY(&"), out);
  }
});

Deno.test("wasm2c tune: an access of a shape it does not know is an error, not a wrong check", () => {
  let error: unknown;
  try {
    tuneWasm2c(PRELUDE + "a = i32_load(&instance->w2c_memory, w2c_i0 + 4);\n");
  } catch (e) {
    error = e;
  }
  assert(error instanceof Wasm2cShapeError, String(error));
  assert((error as Error).message.includes("i32_load"), (error as Error).message);
});

/** Addresses and offsets around the memory's end and the 32-bit wrap. */
const EDGES = [
  0,
  1,
  4,
  4084,
  4087,
  4088,
  4089,
  4091,
  4092,
  4095,
  4096,
  4100,
  0x7fffffff,
  0x80000000,
]
  .flatMap((v) => [v, 0xffffffff - v]);

/**
 * A firmware that runs every access kind over every (address, offset) pair and
 * counts those whose trap / no-trap differs from the 64-bit reference; a trap
 * is caught (the runtime's trap is redefined to jump back) and counted.
 */
const HARNESS = `#include <stdint.h>
#include <setjmp.h>
#include <string.h>
#include "semihost.h"
typedef uint8_t u8; typedef int8_t s8; typedef uint16_t u16; typedef int16_t s16;
typedef uint32_t u32; typedef int32_t s32; typedef uint64_t u64; typedef int64_t s64;
typedef float f32; typedef double f64;
typedef struct { u8 *data; u64 size; } wasm_rt_memory_t;
#define LIKELY(x) __builtin_expect(!!(x), 1)
#define UNLIKELY(x) __builtin_expect(!!(x), 0)
#define WASM_RT_TRAP_OOB 1
#define WASM_RT_TRAP_UNREACHABLE 2
#define WASM_RT_TRAP_CALL_INDIRECT 3
static jmp_buf trapped;
static void wasm_rt_trap(int kind) { longjmp(trapped, kind); }
#define DISSOLVE_MEMORY_BYTES 4096
u8 dissolve_linear_memory[DISSOLVE_MEMORY_BYTES] __attribute__((aligned(16))); /* as the runtime's */
#include "wasm_prelude.h"
static const u32 edges[] = {${EDGES.map((v) => `${v}u`).join(", ")}};
static volatile u32 sink;
#define TRY(size, access) do {                                              \\
    for (unsigned a = 0; a < sizeof edges / sizeof *edges; a++)           \\
      for (unsigned o = 0; o < sizeof edges / sizeof *edges; o++) {       \\
        volatile u32 addr = edges[a], offset = edges[o];                  \\
        int expect = (u64)addr + offset + (size) > DISSOLVE_MEMORY_BYTES; \\
        int got = setjmp(trapped) != 0;                                   \\
        if (!got) { access; }                                             \\
        checked++;                                                        \\
        if (got != expect) wrong++;                                       \\
      }                                                                   \\
  } while (0)
/* Values written at every alignment read back right, byte by byte and at every width
 * (strict-alignment cores take the misaligned path for these). */
static u32 values_wrong(void) {
  u32 bad = 0;
  for (u32 at = 64; at < 72; at++) {
    memset(dissolve_linear_memory + 56, 0, 32);
    i64_store(0, at, 0, 0x8877665544332211ull);
    for (u32 k = 0; k < 8; k++) bad += i32_load8_u(0, at + k, 0) != 0x11 * (k + 1);
    bad += i32_load16_u(0, at, 2) != 0x4433;
    bad += i32_load(0, at, 1) != 0x55443322u;
    bad += i64_load(0, at - 1, 1) != 0x8877665544332211ull;
    bad += (u32)i64_load32_s(0, at, 4) != 0x88776655u;
    i32_store16(0, at, 3, 0xbeefu);
    bad += i32_load8_u(0, at + 3, 0) != 0xef || i32_load8_u(0, at + 4, 0) != 0xbe;
    f32_store(0, at, 0, 1.5f);
    bad += f32_load(0, at, 0) != 1.5f;
    f64_store(0, at, 0, -2.25);
    bad += f64_load(0, at, 0) != -2.25;
  }
  return bad;
}
int main(void) {
  static volatile u32 wrong, checked;
  TRY(4, sink = i32_load(0, addr, offset));
  TRY(8, sink = (u32)i64_load(0, addr, offset));
  TRY(1, sink = i32_load8_u(0, addr, offset));
  TRY(2, sink = i32_load16_s(0, addr, offset));
  TRY(4, i32_store(0, addr, offset, 7u));
  TRY(8, f64_store(0, addr, offset, 1.5));
  TRY(1, i64_store8(0, addr, offset, 9u));
  semihost_put_u32(checked);
  semihost_puts(" checked, ");
  semihost_put_u32(wrong);
  semihost_puts(" wrong, ");
  semihost_put_u32(values_wrong());
  semihost_puts(" values wrong\\n");
  return 0;
}
`;

Deno.test("wasm2c tune: the prelude's 32-bit check traps exactly where the 33-bit address leaves memory; values survive every alignment", async () => {
  // An unaligned-access core, a strict-alignment ARMv6-M one, and RV32.
  for (const name of ["lm3s6965evb", "microbit", "sifive_e"] as const) {
    await checkPrelude(name);
  }
});

async function checkPrelude(name: keyof typeof BOARDS): Promise<void> {
  const r = await bootBspProgram(BOARDS[name], HARNESS, 2048, 20000);
  const pairs = EDGES.length * EDGES.length * 7;
  assertEquals(r.stdout.trim(), `${pairs} checked, 0 wrong, 0 values wrong`, name);
}
