/* The benchmark programs' one entry point, `uint32_t bench_run(void)`, returns a
 * checksum of the work. Built as a component it is the root export `run`
 * (WIT `run: func() -> u32`); built natively, `native_main.c` calls it. Both
 * builds print the checksum, and the benchmark compares them. */
#ifndef DISSOLVE_BENCH_H
#define DISSOLVE_BENCH_H
#include <stdint.h>

#if defined(__wasm__)
#define BENCH_ENTRY __attribute__((export_name("run")))
#else
#define BENCH_ENTRY
#endif

uint32_t bench_run(void);

/* A deterministic pseudo-random sequence (LCG), so inputs need no data files. */
static inline uint32_t bench_next(uint32_t *state) {
  *state = *state * 1664525u + 1013904223u;
  return *state;
}

#endif
