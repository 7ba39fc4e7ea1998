/* A small "user kernel" that is not Dissolve's: its own vector table,
 * reset handler, console and arena allocator. It links the fused
 * application (firmware.o) and calls it through firmware.h. */
#include <stdint.h>
#include "firmware.h"

/* ---- console and exit: ARM semihosting (QEMU -semihosting) ---- */
static int semihost(int op, const void *arg) {
  register int r0 __asm__("r0") = op;
  register const void *r1 __asm__("r1") = arg;
  __asm__ volatile("bkpt 0xab" : "+r"(r0) : "r"(r1) : "memory");
  return r0;
}

static void print(const char *s) { semihost(0x04, s); } /* SYS_WRITE0 */

static void print_n(const char *s, uint32_t n) {
  char line[64];
  uint32_t i = 0;
  for (; i < n && i + 1 < sizeof line; i++) line[i] = s[i];
  line[i] = 0;
  print(line);
}

static void print_u32(uint32_t v) {
  char digits[11];
  int i = 10;
  digits[i] = 0;
  do digits[--i] = (char)('0' + v % 10); while ((v /= 10) != 0);
  print(&digits[i]);
}

/* SYS_EXIT: QEMU exits 0 for ADP_Stopped_ApplicationExit, 1 for any other reason. */
static void __attribute__((noreturn)) halt(int ok) {
  for (;;) semihost(0x18, (const void *)(ok ? 0x20026 : 0x20023 /* RunTimeError */));
}

/* ---- what firmware.h asks of the image ---- */
static uint32_t arena_next, arena_end;

/* This kernel's arena: a bump allocator over the range fuse reserved. */
uint32_t __cabi_arena_realloc(uint32_t old_ptr, uint32_t old_size, uint32_t align,
                              uint32_t new_size) {
  uint32_t at = (arena_next + align - 1) & ~(align - 1);
  if (align == 0 || at + new_size > arena_end) dissolve_trap("kernel arena exhausted");
  arena_next = at + new_size;
  uint8_t *mem = dissolve_memory();
  for (uint32_t i = 0; i < old_size && i < new_size && old_ptr; i++) mem[at + i] = mem[old_ptr + i];
  return at;
}

void dissolve_trap(const char *reason) {
  print("kernel: the application trapped: ");
  print(reason);
  print("\n");
  halt(0);
}

/* ---- the kernel ---- */
int main(void) {
  dissolve_init();
  arena_next = dissolve_arena_base();
  arena_end = dissolve_arena_end();
  print("byo-os: add(2, 3) = ");
  print_u32(dissolve_add(2, 3));
  print("; report: ");
  dissolve_string_t s = dissolve_string_at(dissolve_report(42));
  print_n(s.ptr, s.len);
  print("\n");
  return 0;
}

/* ---- reset and vectors ---- */
extern uint32_t _sidata, _sdata, _edata, _sbss, _ebss, _estack;

void reset(void) {
  uint32_t *src = &_sidata, *dst = &_sdata;
  while (dst < &_edata) *dst++ = *src++;
  for (dst = &_sbss; dst < &_ebss;) *dst++ = 0;
  halt(main() == 0);
}

static void fault(void) {
  print("kernel: fault\n");
  halt(0);
}

__attribute__((section(".vectors"), used)) static const void *const vectors[16] = {
    &_estack, reset, fault, fault, fault, fault, fault, 0, 0, 0, 0, fault, fault, 0, fault, fault,
};
