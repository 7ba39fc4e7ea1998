/* Cortex-M startup: vector table, reset handler (copy .data, zero .bss,
 * run main, report its status through semihosting), fault handlers.
 *
 * The stack sits at the bottom of RAM (see the linker script): an overflow
 * runs off the start of RAM and faults instead of overwriting .data / .bss
 * (an MPU region below it on ARMv7-M, whose memory maps may ignore accesses
 * there; the stack limit register on ARMv8-M).
 * The fault handler therefore first moves the stack pointer back to the
 * top of the stack, so it can run even when the fault was the overflow. */
#include <stdint.h>
#include "semihost.h"

extern uint32_t _sidata, _sdata, _edata, _sbss, _ebss, _sstack, _estack;
int main(void);
void dissolve_exit(int status);

#if defined(__ARM_ARCH_7M__) || defined(__ARM_ARCH_7EM__)
/* Some parts (and QEMU's Stellaris and MPS2 models) map nothing right below RAM and ignore
 * accesses there instead of faulting: a small overflow would then read zeros and go on. Where
 * the core has an MPU, a no-access region of up to 64 KiB just below the stack (which is at
 * the bottom of RAM) turns that into a MemManage fault, escalated to the hard fault handler;
 * everything else keeps the default memory map (PRIVDEFENA). */
static void guard_below_stack(void) {
  volatile uint32_t *const type = (uint32_t *)0xE000ED90, *const ctrl = (uint32_t *)0xE000ED94;
  volatile uint32_t *const rnr = (uint32_t *)0xE000ED98, *const rbar = (uint32_t *)0xE000ED9C;
  volatile uint32_t *const rasr = (uint32_t *)0xE000EDA0;
  if (((*type >> 8) & 0xFF) == 0) return; /* no MPU regions */
  uint32_t bottom = (uint32_t)&_sstack, size = 0x10000;
  while (size > 32 && (bottom & (size - 1))) size >>= 1; /* a region is aligned to its size */
  if (bottom < size) return;
  *rnr = 0;
  *rbar = bottom - size;
  /* XN, AP = no access, SIZE = log2(size) - 1, enabled. */
  *rasr = (1u << 28) | ((31u - (uint32_t)__builtin_clz(size) - 1u) << 1) | 1u;
  *ctrl = (1u << 2) | 1u;
  __asm__ volatile("dsb\n\tisb" ::: "memory");
}
#endif

/* Zeroes the words [dst, end): 32 bytes an iteration in two store-multiples (four instructions:
 * the loop tests its end once, at the bottom), then the last 0-7 words. A word loop (or
 * newlib-nano's memset, which gcc makes of it) spends two instructions on every word, and .bss
 * holds the linear memory, the largest thing a firmware zeroes: the bench's `hello` took 573
 * instructions with memset, against 448 natively. r0-r4 are low registers, as ARMv6-M's
 * store-multiple needs, in ascending order. */
static __attribute__((noinline)) void zero_words(uint32_t *dst, uint32_t *end) {
  register uint32_t *at __asm__("r0") = dst;
  register uint32_t z1 __asm__("r1") = 0, z2 __asm__("r2") = 0, z3 __asm__("r3") = 0;
  register uint32_t z4 __asm__("r4") = 0;
  if ((uint32_t)((char *)end - (char *)at) >= 32) {
    uint32_t *last = end - 8;
    do {
      __asm__ volatile("stmia %0!, {%1, %2, %3, %4}\n\tstmia %0!, {%1, %2, %3, %4}"
                       : "+l"(at)
                       : "l"(z1), "l"(z2), "l"(z3), "l"(z4)
                       : "memory");
    } while (at <= last);
  }
  /* The last 0-7 words without a loop, which gcc would make a call to memset (and link it). */
  uint32_t left = (uint32_t)((char *)end - (char *)at);
  if (left & 16) {
    __asm__ volatile("stmia %0!, {%1, %2, %3, %4}"
                     : "+l"(at)
                     : "l"(z1), "l"(z2), "l"(z3), "l"(z4)
                     : "memory");
  }
  if (left & 8) __asm__ volatile("stmia %0!, {%1, %2}" : "+l"(at) : "l"(z1), "l"(z2) : "memory");
  if (left & 4) *at = 0;
}

/* Runs on the stack the reset handler left untouched: copies .data, zeroes .bss, runs main. */
__attribute__((used, noreturn)) void dissolve_reset(void) {
#if defined(__ARM_ARCH_7M__) || defined(__ARM_ARCH_7EM__)
  guard_below_stack();
#endif
#if defined(__ARM_FP)
  /* Hard-float builds: enable the FPU (CP10 / CP11 full access) before any float instruction. */
  *(volatile uint32_t *)0xE000ED88 |= 0xFu << 20;
  __asm__ volatile("dsb\n\tisb");
#endif
  uint32_t *src = &_sidata, *dst = &_sdata;
  while (dst < &_edata) *dst++ = *src++;
  zero_words(&_sbss, &_ebss);
  dissolve_exit(main());
}

/* The reset handler is naked and written in assembly, so no C frame exists
 * while it runs. With DISSOLVE_STACK_REPORT it first paints every word of
 * the native stack below the reset stack pointer, [_sstack, sp), then jumps
 * to dissolve_reset.
 *
 * Why this holds whatever the stack size, the compile flags (LTO inlining
 * main and the whole program into the reset path included) or the layout:
 * at reset the core loads sp from vector 0, and nothing has been pushed yet,
 * so every word below sp is dead; the paint loop keeps its state in r0-r2
 * only and never touches memory at or above sp. Painting from C instead
 * (as before) raced the C frame: gcc may spill into any slot of its own
 * frame before the paint call, and a frame grown by inlining reached below
 * the "keep clear" margin, so the paint overwrote live values and return
 * addresses (a fault at 0xa5a5a5a4, or a wrong answer). The paint is only
 * read back by the exit report; no code the program runs reads it. */
__attribute__((naked, noreturn)) void Reset_Handler(void) {
  __asm__ volatile(
#if defined(__ARM_ARCH_8M_MAIN__)
      /* ARMv8-M: the stack limit register faults any push below the stack (STKOF). */
      "ldr r0, =_sstack\n"
      "msr msplim, r0\n"
#endif
#if DISSOLVE_STACK_REPORT
      "ldr r0, =_sstack\n"
      "mov r1, sp\n"
      "ldr r2, =0xA5A5A5A5\n"
      "1:\n"
      "cmp r0, r1\n"
      "bhs 2f\n"
      "stmia r0!, {r2}\n" /* store and step in one form that ARMv6-M and ARMv7-M share */
      "b 1b\n"
      "2:\n"
#endif
      "ldr r0, =dissolve_reset\n" /* a long branch: ARMv6-M's b reaches only +-2 KiB */
      "bx r0\n");
}

__attribute__((used, noreturn)) void dissolve_fault(void) {
  semihost_puts("dissolve: hard fault (a stack overflow, or a bad access outside wasm)\n");
  semihost_exit(3);
}

__attribute__((naked)) void HardFault_Handler(void) {
  __asm__ volatile(
      "ldr r0, =_estack\n"
      "mov sp, r0\n"
      "ldr r0, =dissolve_fault\n" /* a long branch: ARMv6-M's b reaches only +-2 KiB */
      "bx r0\n");
}

__attribute__((noreturn)) static void unexpected(void) {
  semihost_puts("dissolve: unexpected interrupt\n");
  semihost_exit(3);
}
void Default_Handler(void) { unexpected(); }

__attribute__((section(".isr_vector"), used)) const void *const vector_table[16] = {
    &_estack,          Reset_Handler,   Default_Handler, HardFault_Handler,
    Default_Handler,   Default_Handler, Default_Handler, 0,
    0,                 0,               0,               Default_Handler,
    Default_Handler,   0,               Default_Handler, Default_Handler,
};
