/* Dissolve's memory-access prelude for wasm2c output on bare metal.
 *
 * synth replaces wasm2c's own prelude (TRAP ... DEFINE_STORE) with this file.
 * The differences, each measured on Cortex-M (see bench/firmware):
 *  - each linear memory is one array at a link-time address
 *    (`dissolve_linear_memory`, then `dissolve_memory_1`, … when a module has
 *    several, one per isolation domain), so an access is `base + addr`, with
 *    the base folded or hoisted by the compiler instead of reloaded from the
 *    instance;
 *  - its size is a compile-time constant (DISSOLVE_MEMORY_BYTES), so the
 *    bounds check is one compare against an immediate and a branch to a trap,
 *    not a 64-bit add and compare against `mem->size`. Out-of-bounds accesses
 *    still trap: the check covers the full 33-bit wasm effective address
 *    (address plus the instruction's offset), exactly;
 *  - no call-depth counter: the native stack sits at the bottom of RAM (see
 *    the linker script), so an overflow faults in hardware instead of
 *    corrupting data, and calls cost what a C call costs.
 * Everything else (traps, call_indirect, bulk memory) keeps wasm2c's meaning. */
#ifndef DISSOLVE_WASM_PRELUDE_H
#define DISSOLVE_WASM_PRELUDE_H

#ifndef DISSOLVE_MEMORY_BYTES
#error "DISSOLVE_MEMORY_BYTES must be defined (the linear memory's used extent)"
#endif

extern u8 dissolve_linear_memory[DISSOLVE_MEMORY_BYTES];

#define TRAP(x) (wasm_rt_trap(WASM_RT_TRAP_##x), 0)
#define FUNC_PROLOGUE
#define FUNC_EPILOGUE
#define UNREACHABLE TRAP(UNREACHABLE)

/* The allocation of a memory descriptor (data, pages, size) in the instance that nothing reads.
 * The accessors use the array and DISSOLVE_MEMORY_BYTES, and so does synth's glue; synth's tune
 * marks the allocation so when the module has one memory and no memory.size, memory.grow or bulk
 * memory. The firmware skips it (five stores at startup, 12-28 B of flash on the bench); an
 * object for someone else's image keeps it, for the runtime's check against a second
 * instantiation. */
#if DISSOLVE_TRAP_HOOK
#define DISSOLVE_UNREAD_MEMORY(m, initial, max) wasm_rt_allocate_memory(m, initial, max)
#else
#define DISSOLVE_UNREAD_MEMORY(m, initial, max) ((void)(m))
#endif

#define CALL_INDIRECT(table, t, ft, x, ...)             \
  (LIKELY((x) < table.size && table.data[x].func &&     \
          table.data[x].func_type == func_types[ft]) || \
       TRAP(CALL_INDIRECT),                             \
   ((t)table.data[x].func)(__VA_ARGS__))

#ifndef DISSOLVE_MEMORIES
#define DISSOLVE_MEMORIES 1
#endif

#if DISSOLVE_MEMORIES > 1
/* Several memories (one per isolation domain): an access out of its memory's
 * bounds stops the firmware naming the memory's components and the address
 * (wasm_rt_baremetal.c); bulk operations check against the memory's own size. */
void dissolve_oob(u32 memory, u32 store, u64 addr) __attribute__((noreturn));
#define DISSOLVE_OOB(memory, store, addr) dissolve_oob(memory, store, addr)
#define RANGE_CHECK(mem, offset, len)                              \
  if (UNLIKELY((u64)(offset) + (u64)(len) > (u64)(mem)->size)) \
    TRAP(OOB);
#define LOAD_DATA(m, o, i, s)          \
  do {                                 \
    RANGE_CHECK((&m), o, s);           \
    memcpy(&((m).data[o]), i, s);      \
  } while (0)
#else
#define DISSOLVE_OOB(memory, store, addr) TRAP(OOB)
/* [offset, offset + len) must lie inside the one linear memory. */
#define RANGE_CHECK(mem, offset, len)                                     \
  if (UNLIKELY((u64)(offset) + (u64)(len) > (u64)DISSOLVE_MEMORY_BYTES)) \
    TRAP(OOB);

static inline void load_data(void* dest, const void* src, size_t n) {
  memcpy(dest, src, n);
}
#define LOAD_DATA(m, o, i, s)                       \
  do {                                              \
    RANGE_CHECK((&m), o, s);                        \
    load_data(&dissolve_linear_memory[o], i, s);    \
  } while (0)
#endif

/* One access's bytes between linear memory (at `at`) and a local. Cores that
 * load and store unaligned words (Cortex-M3 and up) take wasm's any-alignment
 * access as one instruction. Strict-alignment cores (ARMv6-M, RV32) would
 * otherwise assemble every access from bytes (four loads and three shifts for
 * a word, 7.8x the native instructions on a pointer-chasing program); there a
 * naturally aligned address, which is what clang's code almost always has,
 * takes one aligned access, and only a misaligned one goes byte by byte.
 * The test reads the wasm address (`wasm`, address plus offset), not the
 * native pointer: every memory's array is 16-byte aligned
 * (wasm_rt_baremetal.c, memories.ts), so the two agree, and the compiler can
 * see through the wasm address: `(t + 8) & 3` is `t & 3`, which the access
 * of `t` has just tested. */
#if defined(__ARM_FEATURE_UNALIGNED)
#define DISSOLVE_READ(local, at, wasm, n) __builtin_memcpy(local, at, n)
#define DISSOLVE_WRITE(at, wasm, local, n) __builtin_memcpy(at, local, n)
#else
#define DISSOLVE_ALIGNED(wasm, n) LIKELY(((u32)(wasm) & ((n)-1)) == 0)
/* The n little-endian bytes at `at`, one by one (a misaligned access). */
static inline u64 dissolve_bytes_le(const u8* at, unsigned n) {
  u64 v = 0;
  for (unsigned i = 0; i < n; i++) v |= (u64)at[i] << (8 * i);
  return v;
}
/* The aligned read is a plain typed load (through a may_alias type: the byte array may be read
 * as any type), the misaligned one assembles bytes: the local's address is never taken, which
 * would keep it out of a register (a store and a reload around every load). */
#define DISSOLVE_READ(local, at, wasm, n)                                       \
  do {                                                                          \
    typedef __typeof__(*(local)) __attribute__((may_alias)) dissolve_alias_t;  \
    if (DISSOLVE_ALIGNED(wasm, n)) {                                            \
      *(local) = *(const dissolve_alias_t*)(const void*)(at);                   \
    } else {                                                                    \
      union { dissolve_alias_t v; u64 i; } dissolve_le;                         \
      dissolve_le.i = dissolve_bytes_le(at, n);                                 \
      *(local) = dissolve_le.v;                                                 \
    }                                                                           \
  } while (0)
/* The n little-endian bytes of v to `at`, one by one (a misaligned store). Out of line: it is
 * the rare path, and inlined at every store site it was most of a strict-alignment image's
 * extra flash. */
static __attribute__((noinline)) void dissolve_put_le(u8* at, u64 v, unsigned n) {
  for (unsigned i = 0; i < n; i++) at[i] = (u8)(v >> (8 * i));
}
#define DISSOLVE_WRITE(at, wasm, local, n)                                      \
  do {                                                                          \
    typedef __typeof__(*(local)) __attribute__((may_alias)) dissolve_alias_t;  \
    if (DISSOLVE_ALIGNED(wasm, n)) {                                            \
      *(dissolve_alias_t*)(void*)(at) = *(local);                               \
    } else {                                                                    \
      union { dissolve_alias_t v; u64 i; } dissolve_le = {.i = 0};              \
      dissolve_le.v = *(local);                                                 \
      dissolve_put_le(at, dissolve_le.i, n);                                    \
    }                                                                           \
  } while (0)
#endif

/* An access of memory `which`, the array `base` of constant size `bytes`.
 * synth passes the wasm address as its two parts (wasm2c_tune.ts): the
 * dynamic `addr` and the instruction's constant `offset`, so the exact
 * 33-bit check `addr + offset > bytes - size` is done in 32 bits as
 * `offset > bytes - size || addr > bytes - size - offset`. The first half
 * folds at compile time; the second is one compare against an immediate
 * (a 64-bit add and compare would be five instructions on a 32-bit core). */
#define DISSOLVE_IN_BOUNDS(t1, bytes, addr, offset)          \
  LIKELY((offset) <= (u32)((bytes) - sizeof(t1)) &&          \
         (addr) <= (u32)((bytes) - sizeof(t1)) - (offset))

#define DISSOLVE_LOAD(name, t1, t2, t3, base, bytes, which)                \
  static inline __attribute__((always_inline)) t3 name(wasm_rt_memory_t* mem, u32 addr, u32 offset) { \
    (void)mem;                                                           \
    if (!DISSOLVE_IN_BOUNDS(t1, bytes, addr, offset))                    \
      DISSOLVE_OOB(which, 0, (u64)addr + offset);                        \
    t1 result;                                                           \
    DISSOLVE_READ(&result, &base[addr + offset], addr + offset, sizeof(t1)); \
    return (t3)(t2)result;                                               \
  }

#define DISSOLVE_STORE(name, t1, t2, base, bytes, which)                   \
  static inline __attribute__((always_inline)) void name(wasm_rt_memory_t* mem, u32 addr, u32 offset, t2 value) { \
    (void)mem;                                                           \
    if (!DISSOLVE_IN_BOUNDS(t1, bytes, addr, offset))                    \
      DISSOLVE_OOB(which, 1, (u64)addr + offset);                        \
    t1 wrapped = (t1)value;                                              \
    DISSOLVE_WRITE(&base[addr + offset], addr + offset, &wrapped, sizeof(t1)); \
  }

/* Memory 0 keeps wasm2c's accessor names. */
#define DEFINE_LOAD(name, t1, t2, t3) \
  DISSOLVE_LOAD(name, t1, t2, t3, dissolve_linear_memory, DISSOLVE_MEMORY_BYTES, 0)
#define DEFINE_STORE(name, t1, t2) \
  DISSOLVE_STORE(name, t1, t2, dissolve_linear_memory, DISSOLVE_MEMORY_BYTES, 0)

/* Memory k > 0: the array dissolve_memory_k of `bytes`, accessors suffixed _mk
 * (synth renames each access of that memory to them). */
#define DISSOLVE_MEMORY_ACCESSORS(k, bytes)                                         \
  extern u8 dissolve_memory_##k[bytes];                                             \
  DISSOLVE_LOAD(i32_load_m##k, u32, u32, u32, dissolve_memory_##k, bytes, k)        \
  DISSOLVE_LOAD(i64_load_m##k, u64, u64, u64, dissolve_memory_##k, bytes, k)        \
  DISSOLVE_LOAD(f32_load_m##k, f32, f32, f32, dissolve_memory_##k, bytes, k)        \
  DISSOLVE_LOAD(f64_load_m##k, f64, f64, f64, dissolve_memory_##k, bytes, k)        \
  DISSOLVE_LOAD(i32_load8_s_m##k, s8, s32, u32, dissolve_memory_##k, bytes, k)      \
  DISSOLVE_LOAD(i64_load8_s_m##k, s8, s64, u64, dissolve_memory_##k, bytes, k)      \
  DISSOLVE_LOAD(i32_load8_u_m##k, u8, u32, u32, dissolve_memory_##k, bytes, k)      \
  DISSOLVE_LOAD(i64_load8_u_m##k, u8, u64, u64, dissolve_memory_##k, bytes, k)      \
  DISSOLVE_LOAD(i32_load16_s_m##k, s16, s32, u32, dissolve_memory_##k, bytes, k)    \
  DISSOLVE_LOAD(i64_load16_s_m##k, s16, s64, u64, dissolve_memory_##k, bytes, k)    \
  DISSOLVE_LOAD(i32_load16_u_m##k, u16, u32, u32, dissolve_memory_##k, bytes, k)    \
  DISSOLVE_LOAD(i64_load16_u_m##k, u16, u64, u64, dissolve_memory_##k, bytes, k)    \
  DISSOLVE_LOAD(i64_load32_s_m##k, s32, s64, u64, dissolve_memory_##k, bytes, k)    \
  DISSOLVE_LOAD(i64_load32_u_m##k, u32, u64, u64, dissolve_memory_##k, bytes, k)    \
  DISSOLVE_STORE(i32_store_m##k, u32, u32, dissolve_memory_##k, bytes, k)           \
  DISSOLVE_STORE(i64_store_m##k, u64, u64, dissolve_memory_##k, bytes, k)           \
  DISSOLVE_STORE(f32_store_m##k, f32, f32, dissolve_memory_##k, bytes, k)           \
  DISSOLVE_STORE(f64_store_m##k, f64, f64, dissolve_memory_##k, bytes, k)           \
  DISSOLVE_STORE(i32_store8_m##k, u8, u32, dissolve_memory_##k, bytes, k)           \
  DISSOLVE_STORE(i32_store16_m##k, u16, u32, dissolve_memory_##k, bytes, k)         \
  DISSOLVE_STORE(i64_store8_m##k, u8, u64, dissolve_memory_##k, bytes, k)           \
  DISSOLVE_STORE(i64_store16_m##k, u16, u64, dissolve_memory_##k, bytes, k)         \
  DISSOLVE_STORE(i64_store32_m##k, u32, u64, dissolve_memory_##k, bytes, k)

DEFINE_LOAD(i32_load, u32, u32, u32)
DEFINE_LOAD(i64_load, u64, u64, u64)
DEFINE_LOAD(f32_load, f32, f32, f32)
DEFINE_LOAD(f64_load, f64, f64, f64)
DEFINE_LOAD(i32_load8_s, s8, s32, u32)
DEFINE_LOAD(i64_load8_s, s8, s64, u64)
DEFINE_LOAD(i32_load8_u, u8, u32, u32)
DEFINE_LOAD(i64_load8_u, u8, u64, u64)
DEFINE_LOAD(i32_load16_s, s16, s32, u32)
DEFINE_LOAD(i64_load16_s, s16, s64, u64)
DEFINE_LOAD(i32_load16_u, u16, u32, u32)
DEFINE_LOAD(i64_load16_u, u16, u64, u64)
DEFINE_LOAD(i64_load32_s, s32, s64, u64)
DEFINE_LOAD(i64_load32_u, u32, u64, u64)
DEFINE_STORE(i32_store, u32, u32)
DEFINE_STORE(i64_store, u64, u64)
DEFINE_STORE(f32_store, f32, f32)
DEFINE_STORE(f64_store, f64, f64)
DEFINE_STORE(i32_store8, u8, u32)
DEFINE_STORE(i32_store16, u16, u32)
DEFINE_STORE(i64_store8, u8, u64)
DEFINE_STORE(i64_store16, u16, u64)
DEFINE_STORE(i64_store32, u32, u64)

#endif
