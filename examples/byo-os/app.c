/* examples/byo-os: the application, as a component. Fused and compiled to
 * an object (synth output "object"), it is linked into a kernel that is not
 * Dissolve's (kernel/): the kernel calls these exports through firmware.h
 * and provides the arena allocator they use. */
#include <stdint.h>

__attribute__((import_module("env"), import_name("__cabi_arena_realloc")))
void *__cabi_arena_realloc(void *old_ptr, uint32_t old_size, uint32_t align, uint32_t new_size);

/* cabi_realloc stays local (a static pool), so the component also runs unfused under jco. */
static uint8_t pool[32];
static uint32_t pool_used;
__attribute__((export_name("cabi_realloc")))
void *cabi_realloc(void *old_ptr, uint32_t old_size, uint32_t align, uint32_t new_size) {
  (void)old_ptr;
  (void)old_size;
  pool_used = (pool_used + align - 1) & ~(align - 1);
  void *p = pool + pool_used;
  pool_used += new_size;
  return p;
}

__attribute__((export_name("add")))
uint32_t add(uint32_t a, uint32_t b) { return a + b; }

static uint32_t put(char *at, const char *s) {
  uint32_t n = 0;
  while (s[n]) at[n] = s[n], n++;
  return n;
}

static uint32_t put_u32(char *at, uint32_t v) {
  char digits[10];
  uint32_t n = 0, i = 0;
  do digits[n++] = (char)('0' + v % 10); while ((v /= 10) != 0);
  while (n) at[i++] = digits[--n];
  return i;
}

static uint32_t ret_area[2];

__attribute__((export_name("report")))
uint32_t *report(uint32_t ticks) {
  char *s = __cabi_arena_realloc(0, 0, 1, 48);
  uint32_t n = put(s, "uptime ");
  n += put_u32(s + n, ticks);
  n += put(s + n, " ticks, ");
  n += put_u32(s + n, ticks * 1000u / 60u);
  n += put(s + n, " ms");
  ret_area[0] = (uint32_t)s;
  ret_area[1] = n;
  return ret_area;
}
