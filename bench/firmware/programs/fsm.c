/* A state machine: a protocol frame decoder (sync byte, length, payload, XOR checksum)
 * run over a stream of frames with injected noise, counting good and bad frames. */
#include "../bench.h"

enum state { HUNT, LENGTH, PAYLOAD, CHECK };
static uint8_t stream[1536];

BENCH_ENTRY uint32_t bench_run(void) {
  uint32_t seed = 5, n = 0;
  while (n + 20 < sizeof stream) {
    uint32_t r = bench_next(&seed);
    uint8_t len = (uint8_t)((r >> 8) % 12 + 1);
    stream[n++] = 0x7E;
    stream[n++] = len;
    uint8_t x = 0;
    for (uint8_t i = 0; i < len; i++) {
      uint8_t b = (uint8_t)(bench_next(&seed) >> 24);
      if (b == 0x7E) b = 0x7D;
      stream[n++] = b;
      x ^= b;
    }
    stream[n++] = (r & 0x7) == 0 ? (uint8_t)(x ^ 1) : x; /* one frame in eight is corrupt */
  }
  enum state s = HUNT;
  uint32_t good = 0, bad = 0, sum = 0;
  uint8_t want = 0, got = 0, x = 0;
  for (uint32_t i = 0; i < n; i++) {
    uint8_t b = stream[i];
    switch (s) {
      case HUNT:
        if (b == 0x7E) s = LENGTH;
        break;
      case LENGTH:
        want = b, got = 0, x = 0;
        s = (b == 0 || b > 32) ? HUNT : PAYLOAD;
        break;
      case PAYLOAD:
        x ^= b;
        sum += b;
        if (++got == want) s = CHECK;
        break;
      case CHECK:
        if (b == x) good++;
        else bad++;
        s = HUNT;
        break;
    }
  }
  return good * 65536 + bad * 256 + (sum & 0xFF);
}
