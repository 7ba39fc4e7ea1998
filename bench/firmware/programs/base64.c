/* Base64: encode 768 pseudo-random bytes, decode them back, compare and checksum. */
#include "../bench.h"

static const char alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
static uint8_t raw[768], back[768];
static char encoded[1024];
static int8_t reverse[256];

BENCH_ENTRY uint32_t bench_run(void) {
  uint32_t seed = 17;
  for (int i = 0; i < 768; i++) raw[i] = (uint8_t)(bench_next(&seed) >> 24);
  for (int i = 0; i < 256; i++) reverse[i] = -1;
  for (int i = 0; i < 64; i++) reverse[(uint8_t)alphabet[i]] = (int8_t)i;
  int n = 0;
  for (int i = 0; i < 768; i += 3) {
    uint32_t w = (uint32_t)raw[i] << 16 | (uint32_t)raw[i + 1] << 8 | raw[i + 2];
    encoded[n++] = alphabet[w >> 18];
    encoded[n++] = alphabet[(w >> 12) & 63];
    encoded[n++] = alphabet[(w >> 6) & 63];
    encoded[n++] = alphabet[w & 63];
  }
  int m = 0;
  for (int i = 0; i < n; i += 4) {
    uint32_t w = (uint32_t)reverse[(uint8_t)encoded[i]] << 18 |
                 (uint32_t)reverse[(uint8_t)encoded[i + 1]] << 12 |
                 (uint32_t)reverse[(uint8_t)encoded[i + 2]] << 6 |
                 (uint32_t)reverse[(uint8_t)encoded[i + 3]];
    back[m++] = (uint8_t)(w >> 16);
    back[m++] = (uint8_t)(w >> 8);
    back[m++] = (uint8_t)w;
  }
  uint32_t check = 0, same = 0;
  for (int i = 0; i < n; i++) check = check * 31 + (uint8_t)encoded[i];
  for (int i = 0; i < 768; i++) same += raw[i] == back[i];
  return check ^ same;
}
