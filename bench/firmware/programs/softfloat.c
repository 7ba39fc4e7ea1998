/* Soft-float heavy: a biquad low-pass filter in single precision and a
 * Newton square root in double precision over a pseudo-random signal. On
 * the Cortex-M3 and RV32IMAC boards every operation is a libgcc call. */
#include "../bench.h"

#define N 256

BENCH_ENTRY uint32_t bench_run(void) {
  uint32_t seed = 5;
  /* A biquad (direct form I), coefficients of a low-pass at about fs / 10. */
  const float b0 = 0.0675f, b1 = 0.1349f, b2 = 0.0675f, a1 = -1.1430f, a2 = 0.4128f;
  float x1 = 0, x2 = 0, y1 = 0, y2 = 0;
  uint32_t check = 0;
  for (int i = 0; i < N; i++) {
    float x = (float)((int32_t)bench_next(&seed) >> 16) / 32768.0f;
    float y = b0 * x + b1 * x1 + b2 * x2 - a1 * y1 - a2 * y2;
    x2 = x1, x1 = x, y2 = y1, y1 = y;
    check = check * 31 + (uint32_t)(int32_t)(y * 100000.0f);
  }
  /* Newton's square root of 64 values in double precision, eight steps each. */
  for (int i = 1; i <= 64; i++) {
    double v = (double)(bench_next(&seed) >> 8) / 7.0 + i, r = v / 2;
    for (int k = 0; k < 8; k++) r = 0.5 * (r + v / r);
    check = check * 31 + (uint32_t)(int64_t)(r * 1000.0);
  }
  return check;
}
