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
  /* The secret is read from memory on every check: nothing in this component writes it, and a
   * whole-program optimizer would fold the check without this barrier. */
  __asm__ volatile("" : : "r"(secret) : "memory");
  /* The answer is static data: the caller's adapter copies it out. */
  *ret = checksum(secret, sizeof secret - 1) == SECRET_SUM ? VAULT_PROVIDER_STRING_LITERAL("ok")
                                                           : VAULT_PROVIDER_STRING_LITERAL("CORRUPTED");
}
