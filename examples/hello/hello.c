/* examples/hello: one component, `greet: func() -> string`.
 * The string is built in memory obtained from the embedder arena:
 * env::__cabi_arena_realloc is passed through to the firmware, which binds
 * it to a static arena. */
#include <stdint.h>

__attribute__((import_module("env"), import_name("__cabi_arena_realloc")))
void *__cabi_arena_realloc(void *old_ptr, uint32_t old_size, uint32_t align, uint32_t new_size);

/* cabi_realloc stays local (a static pool), so the component also runs unfused under jco. */
static uint8_t pool[64];
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

static const char message[] = "Hello from a fused component!";
static uint32_t ret_area[2];

__attribute__((export_name("greet")))
uint32_t *greet(void) {
  uint32_t len = sizeof message - 1;
  char *s = __cabi_arena_realloc(0, 0, 1, len);
  for (uint32_t i = 0; i < len; i++) s[i] = message[i];
  ret_area[0] = (uint32_t)s;
  ret_area[1] = len;
  return ret_area;
}
