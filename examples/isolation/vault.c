/* The vault: a secret in its own (writable) data, and a check that says
 * whether anything else changed it. The check compares a checksum, not a
 * second copy a scanner could overwrite too. */
#include "abi.h"

static char secret[] = "VAULT-SECRET:4242";
#define SECRET_SUM 0xefe94574u

static uint32_t checksum(const char *s, uint32_t n) {
  uint32_t h = 2166136261u;
  for (uint32_t i = 0; i < n; i++) h = (h ^ (uint8_t)s[i]) * 16777619u;
  return h;
}

__attribute__((export_name("dissolve:isolation/vault#check")))
uint32_t *check(void) {
  if (checksum(secret, sizeof secret - 1) == SECRET_SUM) return return_string("ok", 2);
  return return_string("CORRUPTED", 9);
}
