/* The attacker: scans every address below the arena it is given (in one
 * shared memory, the arena lies above every component's data) for the
 * vault's secret and overwrites each copy it finds. Its own copy of the
 * pattern is kept XOR-ed, so it never finds itself. */
#include "scanner.h"

#define KEY 0x5a
static const uint8_t pattern[] = {
  'V' ^ KEY, 'A' ^ KEY, 'U' ^ KEY, 'L' ^ KEY, 'T' ^ KEY, '-' ^ KEY, 'S' ^ KEY,
  'E' ^ KEY, 'C' ^ KEY, 'R' ^ KEY, 'E' ^ KEY, 'T' ^ KEY, ':' ^ KEY,
};

static char out[96];
static uint32_t out_len;
static void put_n(const uint8_t *s, size_t n) { for (size_t i = 0; i < n && out_len < sizeof out; i++) out[out_len++] = (char)s[i]; }
static void put(const char *s) { while (*s && out_len < sizeof out) out[out_len++] = *s++; }
static void put_vault(void) {
  scanner_string_t r;
  dissolve_isolation_vault_check(&r);
  put_n(r.ptr, r.len);
}

void exports_scanner_run(scanner_string_t *ret) {
  out_len = 0;
  put("vault ");
  put_vault();
  /* Everything below a fresh arena block is what this component can reach. */
  uintptr_t top = (uintptr_t)scanner_alloc(1, 1);
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
  ret->ptr = scanner_alloc(out_len, 1);
  for (uint32_t i = 0; i < out_len; i++) ret->ptr[i] = (uint8_t)out[i];
  ret->len = out_len;
}
