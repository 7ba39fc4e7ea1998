/**
 * The BSP's float-to-integer truncations (`wasm_convert.h`), which decide
 * from a value's bits what wasm2c decides with float comparisons, against
 * wasm2c's own rule on the same core: every bound's neighbours, both signs,
 * NaNs, infinities and pseudo-random bit patterns, for all eight
 * truncations, on the soft-float cores where the header applies. (On a
 * core with an FPU it defines nothing: wasm2c's comparisons are single
 * instructions there, and the float tests in `lean_test.ts` cover them.)
 */
import { assertEquals } from "../../test/support/assert.ts";
import { BOARDS } from "./boards.ts";
import { bootBspProgram } from "../../test/support/bsp_program.ts";

/** wasm2c 1.0.32's truncation rule (its prelude's TRUNC_S / TRUNC_U), the reference. */
const REFERENCE = `
#define REF_S(ut, st, min, minop, max, x) \\
  ((x) != (x) ? TRAP(INVALID_CONVERSION) : !((x)minop(min) && (x) < (max)) ? TRAP(INT_OVERFLOW) : (ut)(st)(x))
#define REF_U(ut, ft, max, x) \\
  ((x) != (x) ? TRAP(INVALID_CONVERSION) : !((x) > (ft)-1 && (x) < (max)) ? TRAP(INT_OVERFLOW) : (ut)(x))
`;

/** Bit patterns around each bound (both signs), specials, and an LCG's. */
const HARNESS = `#include <stdint.h>
#include <setjmp.h>
#include <string.h>
#include "semihost.h"
typedef uint32_t u32; typedef int32_t s32; typedef uint64_t u64; typedef int64_t s64;
typedef float f32; typedef double f64;
#define LIKELY(x) __builtin_expect(!!(x), 1)
#define UNLIKELY(x) __builtin_expect(!!(x), 0)
#define WASM_RT_TRAP_INVALID_CONVERSION 1
#define WASM_RT_TRAP_INT_OVERFLOW 2
static jmp_buf trapped;
static void wasm_rt_trap(int kind) { longjmp(trapped, kind); }
#define TRAP(x) (wasm_rt_trap(WASM_RT_TRAP_##x), 0)
${REFERENCE}
#include "wasm_convert.h"
#ifndef DISSOLVE_WASM_CONVERT_H
#error "wasm_convert.h was not read"
#endif
static volatile u64 sink;
static u32 checked, wrong;
/* Runs \`expr\` for the value and records its outcome: the trap kind, or 0 and the result. */
#define OUTCOME(expr, out) do {                                   \\
    volatile int kind = setjmp(trapped);                        \\
    if (!kind) { sink = (u64)(expr); out = (u64)sink << 2; }    \\
    else out = (u64)kind;                                       \\
  } while (0)
#define SAME(ours, ref) do {                                       \\
    volatile u64 a = 0, b = 0;                                  \\
    OUTCOME(ours, a);                                           \\
    OUTCOME(ref, b);                                            \\
    checked++;                                                  \\
    if (a != b) wrong++;                                        \\
  } while (0)
static void f32_case(u32 bits) {
  volatile f32 x;
  memcpy((void *)&x, &bits, 4);
  SAME(I32_TRUNC_S_F32(x), REF_S(u32, s32, (f32)INT32_MIN, >=, 2147483648.f, x));
  SAME(I64_TRUNC_S_F32(x), REF_S(u64, s64, (f32)INT64_MIN, >=, (f32)INT64_MAX, x));
  SAME(I32_TRUNC_U_F32(x), REF_U(u32, f32, 4294967296.f, x));
  SAME(I64_TRUNC_U_F32(x), REF_U(u64, f32, (f32)UINT64_MAX, x));
}
static void f64_case(u64 bits) {
  volatile f64 x;
  memcpy((void *)&x, &bits, 8);
  SAME(I32_TRUNC_S_F64(x), REF_S(u32, s32, -2147483649., >, 2147483648., x));
  SAME(I64_TRUNC_S_F64(x), REF_S(u64, s64, (f64)INT64_MIN, >=, (f64)INT64_MAX, x));
  SAME(I32_TRUNC_U_F64(x), REF_U(u32, f64, 4294967296., x));
  SAME(I64_TRUNC_U_F64(x), REF_U(u64, f64, (f64)UINT64_MAX, x));
}
static const u32 f32_edges[] = {0x4f000000u, 0x5f000000u, 0x4f800000u, 0x5f800000u, 0x3f800000u,
                                0x7f800000u, 0x7fc00000u, 0u, 1u, 0x3f000000u};
static const u64 f64_edges[] = {0x41e0000000000000ull, 0x41e0000000200000ull,
                                0x43e0000000000000ull, 0x41f0000000000000ull,
                                0x43f0000000000000ull, 0x3ff0000000000000ull,
                                0x7ff0000000000000ull, 0x7ff8000000000000ull, 0ull, 1ull};
int main(void) {
  for (unsigned i = 0; i < sizeof f32_edges / sizeof *f32_edges; i++)
    for (u32 sign = 0; sign < 2; sign++)
      for (s32 d = -2; d <= 2; d++) f32_case((f32_edges[i] + (u32)d) ^ (sign << 31));
  for (unsigned i = 0; i < sizeof f64_edges / sizeof *f64_edges; i++)
    for (u32 sign = 0; sign < 2; sign++)
      for (s32 d = -2; d <= 2; d++) f64_case((f64_edges[i] + (u64)(s64)d) ^ ((u64)sign << 63));
  u32 seed = 12345;
  for (int i = 0; i < 600; i++) {
    seed = seed * 1664525u + 1013904223u;
    /* Exponents near the bounds are where the decisions are: bias the pattern towards them. */
    u32 bits = (seed & 0x807fffffu) | ((0x3e + (seed >> 24) % 0x24) << 23);
    f32_case(i & 1 ? bits : seed);
    u64 wide = ((u64)seed << 32 | (seed * 2654435761u)) & 0x800fffffffffffffull;
    f64_case(wide | ((u64)(0x3fd + (seed >> 20) % 0x50) << 52));
  }
  semihost_put_u32(checked);
  semihost_puts(" checked, ");
  semihost_put_u32(wrong);
  semihost_puts(" wrong\\n");
  return 0;
}
`;

Deno.test("wasm convert: bit-level truncation checks agree with wasm2c's float comparisons on soft-float cores", async () => {
  // Cortex-M3, Cortex-M0 and RV32IMAC: no FPU.
  const cases = (10 * 2 * 5 + 10 * 2 * 5 + 600 * 2) * 4;
  for (const name of ["lm3s6965evb", "microbit", "sifive_e"] as const) {
    const r = await bootBspProgram(BOARDS[name], HARNESS, 2048, 30000);
    assertEquals(r.stdout.trim(), `${cases} checked, 0 wrong`, name);
  }
});
