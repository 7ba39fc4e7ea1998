/* examples/hello's core logic: build the greeting in memory, as `greet` does, and
 * checksum the bytes a host would print. */
#include "../bench.h"

static const char message[] = "Hello from a fused component!";
static char out[64];

BENCH_ENTRY uint32_t bench_run(void) {
  uint32_t len = sizeof message - 1, check = len;
  for (uint32_t i = 0; i < len; i++) out[i] = message[i];
  for (uint32_t i = 0; i < len; i++) check = check * 31 + (uint8_t)out[i];
  return check;
}
