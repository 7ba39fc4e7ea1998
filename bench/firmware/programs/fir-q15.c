/* A fixed-point filter: a 16-tap Q15 low-pass FIR over 512 samples, with saturation. */
#include "../bench.h"

#define TAPS 16
#define SAMPLES 512
static const int16_t coeff[TAPS] = {-120, -210, 0,    980,  2600, 4300, 5600, 6100,
                                    6100, 5600, 4300, 2600, 980,  0,    -210, -120};
static int16_t input[SAMPLES], output[SAMPLES];

BENCH_ENTRY uint32_t bench_run(void) {
  uint32_t seed = 13;
  for (int i = 0; i < SAMPLES; i++) input[i] = (int16_t)(bench_next(&seed) >> 17) - 16384;
  for (int n = 0; n < SAMPLES; n++) {
    int32_t acc = 0;
    for (int k = 0; k < TAPS; k++) {
      int idx = n - k;
      if (idx >= 0) acc += (int32_t)coeff[k] * input[idx];
    }
    acc >>= 15;
    if (acc > 32767) acc = 32767;
    if (acc < -32768) acc = -32768;
    output[n] = (int16_t)acc;
  }
  uint32_t check = 0;
  for (int i = 0; i < SAMPLES; i++) check = check * 31 + (uint16_t)output[i];
  return check;
}
