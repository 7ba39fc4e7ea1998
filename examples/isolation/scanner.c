/* The attacker: scans every address below the arena it is given (in one
 * shared memory, the arena lies above every component's data) for the
 * vault's secret and overwrites each copy it finds. Its own copy of the
 * pattern is kept XOR-ed, so it never finds itself. */
#include "abi.h"

__attribute__((import_module("dissolve:isolation/vault"), import_name("check")))
void vault_check(uint32_t *ret);

#define KEY 0x5a
static const uint8_t pattern[] = {
  'V' ^ KEY, 'A' ^ KEY, 'U' ^ KEY, 'L' ^ KEY, 'T' ^ KEY, '-' ^ KEY, 'S' ^ KEY,
  'E' ^ KEY, 'C' ^ KEY, 'R' ^ KEY, 'E' ^ KEY, 'T' ^ KEY, ':' ^ KEY,
};

static char out[96];
static uint32_t out_len;
static void put_n(const char *s, uint32_t n) { for (uint32_t i = 0; i < n && out_len < sizeof out; i++) out[out_len++] = s[i]; }
static void put(const char *s) { while (*s && out_len < sizeof out) out[out_len++] = *s++; }
static void put_vault(void) {
  uint32_t r[2];
  vault_check(r);
  put_n((const char *)r[0], r[1]);
}

__attribute__((export_name("run")))
uint32_t *run(void) {
  out_len = 0;
  put("vault ");
  put_vault();
  /* Everything below a fresh arena block is what this component can reach. */
  uintptr_t top = (uintptr_t)__cabi_arena_realloc(0, 0, 1, 1);
  uint32_t hits = 0;
  for (uintptr_t a = 16; a + sizeof pattern <= top; a++) {
    volatile uint8_t *p = (volatile uint8_t *)a;
    uint32_t i = 0;
    while (i < sizeof pattern && (p[i] ^ KEY) == pattern[i]) i++;
    if (i == sizeof pattern) {
      for (i = 0; i < sizeof pattern; i++) p[i] = 'X';
      hits++;
    }
  }
  put("; scanned ");
  put(hits ? "and overwrote the secret" : "and found nothing");
  put("; vault ");
  put_vault();
  return return_string(out, out_len);
}
