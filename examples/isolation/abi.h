/* Shared by the isolation example's components: the arena import, and a
 * local cabi_realloc (a static pool) the adapters copy strings with. */
#include <stdint.h>

__attribute__((import_module("env"), import_name("__cabi_arena_realloc")))
void *__cabi_arena_realloc(void *old_ptr, uint32_t old_size, uint32_t align, uint32_t new_size);

static uint8_t pool[256];
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

/* A string result: its bytes in the arena, (pointer, length) in a return area. */
static uint32_t ret_area[2];
static uint32_t *return_string(const char *s, uint32_t n) {
  char *out = __cabi_arena_realloc(0, 0, 1, n);
  for (uint32_t i = 0; i < n; i++) out[i] = s[i];
  ret_area[0] = (uint32_t)out;
  ret_area[1] = n;
  return ret_area;
}
