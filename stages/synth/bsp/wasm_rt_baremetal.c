/* A bare-metal wasm2c runtime: linear memory in a static buffer sized to
 * the module's used extent (not whole 64 KiB pages), bounds checks kept
 * (WASM_RT_MEMCHECK_SIGNAL_HANDLER=0), tables from a static pool, traps
 * reported through semihosting. */
#include <stdarg.h>
#include "wasm-rt.h"
#include "semihost.h"

#ifndef DISSOLVE_MEMORY_BYTES
#error "DISSOLVE_MEMORY_BYTES must be defined (the linear memory's used extent)"
#endif
#ifndef DISSOLVE_TABLE_SLOTS
#define DISSOLVE_TABLE_SLOTS 64
#endif
#ifndef DISSOLVE_MAX_FUNC_TYPES
#define DISSOLVE_MAX_FUNC_TYPES 64
#endif

static uint8_t linear_memory[DISSOLVE_MEMORY_BYTES] __attribute__((aligned(16)));
static int memory_taken;
static wasm_rt_funcref_t table_pool[DISSOLVE_TABLE_SLOTS];
static uint32_t table_used;
uint32_t wasm_rt_call_stack_depth;
static int initialized;

void wasm_rt_init(void) { initialized = 1; }
bool wasm_rt_is_initialized(void) { return initialized; }
void wasm_rt_free(void) {}

static const char *trap_reason(wasm_rt_trap_t t) {
  switch (t) {
    case WASM_RT_TRAP_OOB: return "out of bounds memory access";
    case WASM_RT_TRAP_INT_OVERFLOW: return "integer overflow";
    case WASM_RT_TRAP_DIV_BY_ZERO: return "integer divide by zero";
    case WASM_RT_TRAP_INVALID_CONVERSION: return "invalid conversion to integer";
    case WASM_RT_TRAP_UNREACHABLE: return "unreachable executed";
    case WASM_RT_TRAP_CALL_INDIRECT: return "indirect call type mismatch";
    case WASM_RT_TRAP_EXHAUSTION: return "call stack exhausted";
    default: return "trap";
  }
}

const char *wasm_rt_strerror(wasm_rt_trap_t trap) { return trap_reason(trap); }

void wasm_rt_trap(wasm_rt_trap_t trap) {
  semihost_puts("wasm trap: ");
  semihost_puts(trap_reason(trap));
  semihost_puts("\n");
  semihost_exit(2);
}

void wasm_rt_allocate_memory(wasm_rt_memory_t *m, uint32_t initial_pages, uint32_t max_pages) {
  if (memory_taken) {
    semihost_puts("dissolve: the firmware supports one linear memory\n");
    semihost_exit(4);
  }
  memory_taken = 1;
  m->data = linear_memory;
  m->pages = initial_pages;
  m->max_pages = max_pages;
  /* Bounds checks use `size`: accesses past the used extent trap. */
  m->size = DISSOLVE_MEMORY_BYTES;
}

uint32_t wasm_rt_grow_memory(wasm_rt_memory_t *m, uint32_t pages) {
  (void)m;
  (void)pages;
  return (uint32_t)-1; /* grow-free images never grow */
}

void wasm_rt_free_memory(wasm_rt_memory_t *m) { (void)m; }

void wasm_rt_allocate_funcref_table(wasm_rt_funcref_table_t *t, uint32_t elements, uint32_t max_elements) {
  if (table_used + elements > DISSOLVE_TABLE_SLOTS) {
    semihost_puts("dissolve: function tables exceed DISSOLVE_TABLE_SLOTS\n");
    semihost_exit(4);
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

/* Function types are interned by their signature so call_indirect can compare indices. */
static uint8_t sig_params[DISSOLVE_MAX_FUNC_TYPES], sig_results[DISSOLVE_MAX_FUNC_TYPES];
static uint8_t sig_types[DISSOLVE_MAX_FUNC_TYPES][16];
static uint32_t sig_count;

uint32_t wasm_rt_register_func_type(uint32_t params, uint32_t results, ...) {
  uint8_t types[16] = {0};
  va_list ap;
  va_start(ap, results);
  for (uint32_t i = 0; i < params + results; i++) {
    int t = va_arg(ap, int);
    if (i < 16) types[i] = (uint8_t)t;
  }
  va_end(ap);
  for (uint32_t k = 0; k < sig_count; k++) {
    if (sig_params[k] != params || sig_results[k] != results) continue;
    int same = 1;
    for (int i = 0; i < 16; i++) same &= sig_types[k][i] == types[i];
    if (same) return k;
  }
  if (sig_count >= DISSOLVE_MAX_FUNC_TYPES) {
    semihost_puts("dissolve: too many function types\n");
    semihost_exit(4);
  }
  sig_params[sig_count] = (uint8_t)params;
  sig_results[sig_count] = (uint8_t)results;
  for (int i = 0; i < 16; i++) sig_types[sig_count][i] = types[i];
  return sig_count++;
}
