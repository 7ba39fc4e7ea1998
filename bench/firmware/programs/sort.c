/* Sorting: quicksort (Lomuto, recursive) of 512 pseudo-random integers, then a check pass. */
#include "../bench.h"

#define N 512
static int32_t v[N];

static void quicksort(int32_t *x, int lo, int hi) {
  while (lo < hi) {
    int32_t pivot = x[(lo + hi) / 2];
    int i = lo, j = hi;
    while (i <= j) {
      while (x[i] < pivot) i++;
      while (x[j] > pivot) j--;
      if (i <= j) {
        int32_t t = x[i];
        x[i] = x[j];
        x[j] = t;
        i++;
        j--;
      }
    }
    if (j - lo < hi - i) {
      quicksort(x, lo, j);
      lo = i;
    } else {
      quicksort(x, i, hi);
      hi = j;
    }
  }
}

BENCH_ENTRY uint32_t bench_run(void) {
  uint32_t seed = 11;
  for (int i = 0; i < N; i++) v[i] = (int32_t)bench_next(&seed) >> 8;
  quicksort(v, 0, N - 1);
  uint32_t check = 0;
  for (int i = 0; i < N; i++) {
    if (i > 0 && v[i - 1] > v[i]) return 0;
    check = check * 31 + (uint32_t)v[i];
  }
  return check;
}
