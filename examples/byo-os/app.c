/* examples/byo-os: the application, as a component. Fused and compiled to
 * an object (synth output "object"), it is linked into a kernel that is not
 * Dissolve's (kernel/): the kernel calls these exports through firmware.h
 * and provides the arena allocator they use. Written against the bindings
 * gale generates from app.wit. */
#include "app.h"

uint32_t exports_app_add(uint32_t a, uint32_t b) { return a + b; }

static uint32_t put(uint8_t *at, const char *s) {
  uint32_t n = 0;
  while (s[n]) at[n] = (uint8_t)s[n], n++;
  return n;
}

static uint32_t put_u32(uint8_t *at, uint32_t v) {
  char digits[10];
  uint32_t n = 0, i = 0;
  do digits[n++] = (char)('0' + v % 10); while ((v /= 10) != 0);
  while (n) at[i++] = (uint8_t)digits[--n];
  return i;
}

void exports_app_report(uint32_t ticks, app_string_t *ret) {
  uint8_t *s = app_alloc(48, 1);
  uint32_t n = put(s, "uptime ");
  n += put_u32(s + n, ticks);
  n += put(s + n, " ticks, ");
  n += put_u32(s + n, ticks * 1000u / 60u);
  n += put(s + n, " ms");
  ret->ptr = s;
  ret->len = n;
}
