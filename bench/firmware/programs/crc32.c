/* CRC-32 (IEEE 802.3, reflected, table-driven) over 2 KiB of pseudo-random bytes. */
#include "../bench.h"

static uint32_t table[256];
static uint8_t buffer[2048];

BENCH_ENTRY uint32_t bench_run(void) {
  for (uint32_t i = 0; i < 256; i++) {
    uint32_t c = i;
    for (int k = 0; k < 8; k++) c = (c & 1) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
    table[i] = c;
  }
  uint32_t seed = 1;
  for (uint32_t i = 0; i < sizeof buffer; i++) buffer[i] = (uint8_t)(bench_next(&seed) >> 24);
  uint32_t crc = 0xFFFFFFFFu;
  for (uint32_t i = 0; i < sizeof buffer; i++) crc = table[(crc ^ buffer[i]) & 0xFF] ^ (crc >> 8);
  return crc ^ 0xFFFFFFFFu;
}
