/* A bare-metal wasm2c runtime: linear memory in a static array sized to
 * the module's used extent (not whole 64 KiB pages) at a link-time address
 * (wasm_prelude.h addresses it directly and bounds-checks against its
 * constant size), tables from a static pool sized by synth to the module's
 * tables, traps reported through semihosting. */
#include "wasm-rt.h"

#if DISSOLVE_TRAP_HOOK
/* Inside someone else's image (synth output "object"): traps and runtime
 * faults end in the image's own handler, declared in firmware.h. */
void dissolve_trap(const char *reason) __attribute__((noreturn));
#define DISSOLVE_FAIL(message, status) dissolve_trap(message)
#else
#include "semihost.h"
#define DISSOLVE_FAIL(message, status) \
  do {                                 \
    semihost_puts(message);            \
    semihost_puts("\n");               \
    semihost_exit(status);             \
  } while (0)
#endif

#ifndef DISSOLVE_MEMORY_BYTES
#error "DISSOLVE_MEMORY_BYTES must be defined (the linear memory's used extent)"
#endif
#ifndef DISSOLVE_TABLE_SLOTS
#define DISSOLVE_TABLE_SLOTS 1
#endif

/* A debug build keeps the memories global through LTO: the linker places the components'
 * variables in them, for the debugger (-DDISSOLVE_VISIBLE=__attribute__((externally_visible))). */
#ifndef DISSOLVE_VISIBLE
#define DISSOLVE_VISIBLE
#endif

uint8_t dissolve_linear_memory[DISSOLVE_MEMORY_BYTES] __attribute__((aligned(16))) DISSOLVE_VISIBLE;
static int memory_taken __attribute__((unused)); /* multi-memory and object builds */
static wasm_rt_funcref_t table_pool[DISSOLVE_TABLE_SLOTS];
static uint32_t table_used;
static int initialized;

void wasm_rt_init(void) { initialized = 1; }
bool wasm_rt_is_initialized(void) { return initialized; }
void wasm_rt_free(void) {}

/* Each message is an array, not a string literal: with -fdata-sections each array gets its own
 * section, which the linker drops when no code is left that reads it. Literals share one merged
 * section that stays whole: a program whose bounds checks all folded away kept 40 B of "wasm
 * trap: out of bounds memory access" it could never print. */
static const char msg_trap[] = "wasm trap: ";
static const char msg_oob[] = "out of bounds memory access";
static const char msg_overflow[] = "integer overflow";
static const char msg_div[] = "integer divide by zero";
static const char msg_conversion[] = "invalid conversion to integer";
static const char msg_unreachable[] = "unreachable executed";
static const char msg_indirect[] = "indirect call type mismatch";
static const char msg_exhaustion[] = "call stack exhausted";
static const char msg_other[] = "trap";

static const char *trap_reason(wasm_rt_trap_t t) {
  switch (t) {
    case WASM_RT_TRAP_OOB: return msg_oob;
    case WASM_RT_TRAP_INT_OVERFLOW: return msg_overflow;
    case WASM_RT_TRAP_DIV_BY_ZERO: return msg_div;
    case WASM_RT_TRAP_INVALID_CONVERSION: return msg_conversion;
    case WASM_RT_TRAP_UNREACHABLE: return msg_unreachable;
    case WASM_RT_TRAP_CALL_INDIRECT: return msg_indirect;
    case WASM_RT_TRAP_EXHAUSTION: return msg_exhaustion;
    default: return msg_other;
  }
}

const char *wasm_rt_strerror(wasm_rt_trap_t trap) { return trap_reason(trap); }

void wasm_rt_trap(wasm_rt_trap_t trap) {
#if DISSOLVE_TRAP_HOOK
  dissolve_trap(trap_reason(trap));
#else
  semihost_puts(msg_trap);
  semihost_puts(trap_reason(trap));
  semihost_puts("\n");
  semihost_exit(2);
#endif
}

#ifndef DISSOLVE_MEMORIES
#define DISSOLVE_MEMORIES 1
#endif

#if DISSOLVE_MEMORIES > 1
/* From synth's memories.c: each memory's array and size (in the module's
 * order, memory 0 first) and who it belongs to. */
extern uint8_t *const dissolve_memory_data[DISSOLVE_MEMORIES];
extern const uint32_t dissolve_memory_bytes[DISSOLVE_MEMORIES];
extern const char *const dissolve_memory_owner[DISSOLVE_MEMORIES];

static char *put(char *at, const char *s) {
  while (*s) *at++ = *s++;
  return at;
}

/* `dissolve: trap: out-of-bounds store in component "app" (domain app) at 0x1a4` */
void dissolve_oob(uint32_t memory, uint32_t store, uint64_t addr) {
  static char line[160];
  char *at = put(line, "dissolve: trap: out-of-bounds ");
  at = put(at, store ? "store in " : "load in ");
  const char *owner = dissolve_memory_owner[memory];
  for (int i = 0; owner[i] && at < line + sizeof line - 24; i++) *at++ = owner[i];
  at = put(at, " at 0x");
  int started = 0;
  for (int shift = 32; shift >= 0; shift -= 4) {
    unsigned digit = (unsigned)(addr >> shift) & 0xf;
    if (digit || started || shift == 0) *at++ = "0123456789abcdef"[digit], started = 1;
  }
  *at = 0;
  DISSOLVE_FAIL(line, 2);
}
#endif

void wasm_rt_allocate_memory(wasm_rt_memory_t *m, uint32_t initial_pages, uint32_t max_pages) {
#if DISSOLVE_MEMORIES > 1
  /* wasm2c allocates the module's memories in index order. */
  if (memory_taken >= DISSOLVE_MEMORIES) DISSOLVE_FAIL("dissolve: more memories than synth laid out", 4);
  m->data = dissolve_memory_data[memory_taken];
  m->size = dissolve_memory_bytes[memory_taken];
  memory_taken++;
  m->pages = initial_pages;
  m->max_pages = max_pages;
#else
#if DISSOLVE_TRAP_HOOK
  /* In someone else's image, dissolve_init may be called twice: a second instance would share
   * the one array. Synth's own firmware instantiates once, before anything runs (its main), so
   * it leaves the check and its message out of flash. */
  if (memory_taken) DISSOLVE_FAIL("dissolve: the firmware supports one linear memory", 4);
  memory_taken = 1;
#endif
  m->data = dissolve_linear_memory;
  m->pages = initial_pages;
  m->max_pages = max_pages;
  /* Bounds checks use `size`: accesses past the used extent trap. */
  m->size = DISSOLVE_MEMORY_BYTES;
#endif
}

uint32_t wasm_rt_grow_memory(wasm_rt_memory_t *m, uint32_t pages) {
  (void)m;
  (void)pages;
  return (uint32_t)-1; /* grow-free images never grow */
}

void wasm_rt_free_memory(wasm_rt_memory_t *m) { (void)m; }

void wasm_rt_allocate_funcref_table(wasm_rt_funcref_table_t *t, uint32_t elements, uint32_t max_elements) {
  if (table_used + elements > DISSOLVE_TABLE_SLOTS) {
    DISSOLVE_FAIL("dissolve: function tables exceed DISSOLVE_TABLE_SLOTS", 4);
  }
  t->data = &table_pool[table_used];
  table_used += elements;
  for (uint32_t i = 0; i < elements; i++) t->data[i] = wasm_rt_funcref_null_value;
  t->size = elements;
  t->max_size = max_elements;
}

void wasm_rt_free_funcref_table(wasm_rt_funcref_table_t *t) { (void)t; }

uint32_t wasm_rt_grow_funcref_table(wasm_rt_funcref_table_t *t, uint32_t delta, wasm_rt_funcref_t init) {
  (void)t;
  (void)delta;
  (void)init;
  return (uint32_t)-1;
}

/* synth replaces wasm2c's wasm_rt_register_func_type calls with the type's index
 * (structurally equal types share one), so no registry is needed at run time. */
