/* Dissolve's float-to-integer truncations for cores without a floating-point unit.
 *
 * wasm2c checks `i32.trunc_f32_s` and its kin with three float comparisons (x != x for a NaN, then
 * the range's two ends). Without an FPU each comparison is a call into libgcc's soft-float
 * helpers, which also links them (the bench's `softfloat`: 900 B of single-precision comparisons
 * native never needs). The same decisions read off the value's bits are integer compares: the
 * magnitude's bits order like the magnitude, a NaN's are above infinity's, and each bound below is
 * the first magnitude out of range for that sign (wasm's rule: the truncated value must fit).
 * synth includes this after wasm2c's own definitions (wasm2c_tune.ts), which it replaces. */
#ifndef DISSOLVE_WASM_CONVERT_H
#define DISSOLVE_WASM_CONVERT_H

#if !defined(__ARM_FP) && !defined(__riscv_flen)

static inline u32 dissolve_f32_bits(f32 x) {
  u32 bits;
  memcpy(&bits, &x, sizeof bits);
  return bits;
}

static inline u64 dissolve_f64_bits(f64 x) {
  u64 bits;
  memcpy(&bits, &x, sizeof bits);
  return bits;
}

/* Truncates x (of float type `ft`, whose bits are `ut` wide) to `rt` through `via`, trapping as
 * wasm does: a NaN is an invalid conversion, a magnitude at or past the bound for its sign
 * (`pos` for x >= 0, `neg` for x < 0) an overflow. */
#define DISSOLVE_TRUNC(rt, via, bits_of, ut, pos, neg, x)                                 \
  ({                                                                                       \
    const ut dissolve_bits = bits_of(x);                                                   \
    const ut dissolve_sign = (ut)1 << (sizeof(ut) * 8 - 1);                                \
    const ut dissolve_mag = dissolve_bits & ~dissolve_sign;                                \
    const ut dissolve_inf = sizeof(ut) == 4 ? (ut)0x7f800000u : (ut)0x7ff0000000000000ull; \
    UNLIKELY(dissolve_mag > dissolve_inf) ? (rt)TRAP(INVALID_CONVERSION)                   \
    : UNLIKELY(dissolve_mag >= ((dissolve_bits & dissolve_sign) ? (ut)(neg) : (ut)(pos)))  \
      ? (rt)TRAP(INT_OVERFLOW)                                                             \
      : (rt)(via)(x);                                                                      \
  })

#undef I32_TRUNC_S_F32
#undef I64_TRUNC_S_F32
#undef I32_TRUNC_S_F64
#undef I64_TRUNC_S_F64
#undef I32_TRUNC_U_F32
#undef I64_TRUNC_U_F32
#undef I32_TRUNC_U_F64
#undef I64_TRUNC_U_F64

#define DISSOLVE_TRUNC_F32(rt, via, pos, neg, x) \
  DISSOLVE_TRUNC(rt, via, dissolve_f32_bits, u32, pos, neg, x)
#define DISSOLVE_TRUNC_F64(rt, via, pos, neg, x) \
  DISSOLVE_TRUNC(rt, via, dissolve_f64_bits, u64, pos, neg, x)

/* The first magnitude out of range, for x >= 0 and for x < 0. Signed: [-2^31, 2^31) from f32 (it
 * has no value between -2^31 - 1 and -2^31), (-2^31 - 1, 2^31) from f64, [-2^63, 2^63) from both.
 * Unsigned: (-1, 2^32), (-1, 2^64). */
#define I32_TRUNC_S_F32(x) DISSOLVE_TRUNC_F32(u32, s32, 0x4f000000u, 0x4f000001u, x)
#define I64_TRUNC_S_F32(x) DISSOLVE_TRUNC_F32(u64, s64, 0x5f000000u, 0x5f000001u, x)
#define I32_TRUNC_U_F32(x) DISSOLVE_TRUNC_F32(u32, u32, 0x4f800000u, 0x3f800000u, x)
#define I64_TRUNC_U_F32(x) DISSOLVE_TRUNC_F32(u64, u64, 0x5f800000u, 0x3f800000u, x)
#define I32_TRUNC_S_F64(x) \
  DISSOLVE_TRUNC_F64(u32, s32, 0x41e0000000000000ull, 0x41e0000000200000ull, x)
#define I64_TRUNC_S_F64(x) \
  DISSOLVE_TRUNC_F64(u64, s64, 0x43e0000000000000ull, 0x43e0000000000001ull, x)
#define I32_TRUNC_U_F64(x) \
  DISSOLVE_TRUNC_F64(u32, u32, 0x41f0000000000000ull, 0x3ff0000000000000ull, x)
#define I64_TRUNC_U_F64(x) \
  DISSOLVE_TRUNC_F64(u64, u64, 0x43f0000000000000ull, 0x3ff0000000000000ull, x)

#endif
#endif
