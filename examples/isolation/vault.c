/* The vault: a secret in its own (writable) data, and a check that says
 * whether anything else changed it. The check compares a checksum, not a
 * second copy a scanner could overwrite too. */
#include "vault_provider.h"

static char secret[] = "VAULT-SECRET:4242";
#define SECRET_SUM 0xefe94574u

static uint32_t checksum(const char *s, uint32_t n) {
  uint32_t h = 2166136261u;
  for (uint32_t i = 0; i < n; i++) h = (h ^ (uint8_t)s[i]) * 16777619u;
  return h;
}

void exports_dissolve_isolation_vault_check(vault_provider_string_t *ret) {
  vault_provider_string_dup(ret, checksum(secret, sizeof secret - 1) == SECRET_SUM ? "ok" : "CORRUPTED");
}
