/* Shared by the async kernel example's components: the canonical ABI's
 * async codes, the arena import and a local cabi_realloc (a static pool). */
#include <stdint.h>

/* What a callback-lifted function returns: EXIT, YIELD, or WAIT on a set. */
#define CB_EXIT 0u
#define CB_YIELD 1u
#define CB_WAIT(set) (2u | ((set) << 4))
/* Events a callback receives, and subtask states. */
#define EVENT_SUBTASK 1u
#define SUBTASK_RETURNED 2u

__attribute__((import_module("env"), import_name("__cabi_arena_realloc")))
void *__cabi_arena_realloc(void *old_ptr, uint32_t old_size, uint32_t align, uint32_t new_size);

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
