/* Integer matrix work: C = A x B for 16x16 int32 matrices, then a trace and checksum. */
#include "../bench.h"

#define N 16
static int32_t a[N][N], b[N][N], c[N][N];

BENCH_ENTRY uint32_t bench_run(void) {
  uint32_t seed = 3;
  for (int i = 0; i < N; i++) {
    for (int j = 0; j < N; j++) {
      a[i][j] = (int32_t)(bench_next(&seed) >> 24) - 128;
      b[i][j] = (int32_t)(bench_next(&seed) >> 24) - 128;
    }
  }
  for (int i = 0; i < N; i++) {
    for (int j = 0; j < N; j++) {
      int32_t s = 0;
      for (int k = 0; k < N; k++) s += a[i][k] * b[k][j];
      c[i][j] = s;
    }
  }
  uint32_t check = 0;
  for (int i = 0; i < N; i++) {
    for (int j = 0; j < N; j++) check = check * 33 + (uint32_t)c[i][j];
  }
  return check;
}
