/* Shared by the kernel example's components: the arena import and a
 * local cabi_realloc (a static pool, so each component also runs unfused
 * under a conformant runtime). */
#include <stdint.h>

__attribute__((import_module("env"), import_name("__cabi_arena_realloc")))
void *__cabi_arena_realloc(void *old_ptr, uint32_t old_size, uint32_t align, uint32_t new_size);

static uint8_t pool[512];
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
