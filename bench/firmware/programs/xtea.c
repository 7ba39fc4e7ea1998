/* XTEA block cipher: encrypt then decrypt 32 blocks, 32 rounds each. */
#include "../bench.h"

static const uint32_t key[4] = {0x01234567u, 0x89ABCDEFu, 0xFEDCBA98u, 0x76543210u};
static uint32_t blocks[32][2];

static void encipher(uint32_t v[2]) {
  uint32_t v0 = v[0], v1 = v[1], sum = 0, delta = 0x9E3779B9u;
  for (int i = 0; i < 32; i++) {
    v0 += (((v1 << 4) ^ (v1 >> 5)) + v1) ^ (sum + key[sum & 3]);
    sum += delta;
    v1 += (((v0 << 4) ^ (v0 >> 5)) + v0) ^ (sum + key[(sum >> 11) & 3]);
  }
  v[0] = v0;
  v[1] = v1;
}

static void decipher(uint32_t v[2]) {
  uint32_t v0 = v[0], v1 = v[1], delta = 0x9E3779B9u, sum = delta * 32;
  for (int i = 0; i < 32; i++) {
    v1 -= (((v0 << 4) ^ (v0 >> 5)) + v0) ^ (sum + key[(sum >> 11) & 3]);
    sum -= delta;
    v0 -= (((v1 << 4) ^ (v1 >> 5)) + v1) ^ (sum + key[sum & 3]);
  }
  v[0] = v0;
  v[1] = v1;
}

BENCH_ENTRY uint32_t bench_run(void) {
  uint32_t seed = 7, check = 0;
  for (int b = 0; b < 32; b++) {
    blocks[b][0] = bench_next(&seed);
    blocks[b][1] = bench_next(&seed);
  }
  for (int b = 0; b < 32; b++) {
    encipher(blocks[b]);
    check = (check * 31) ^ blocks[b][0] ^ (blocks[b][1] << 1);
  }
  for (int b = 0; b < 32; b++) decipher(blocks[b]);
  seed = 7;
  for (int b = 0; b < 32; b++) {
    check += blocks[b][0] == bench_next(&seed);
    check += blocks[b][1] == bench_next(&seed);
  }
  return check;
}
