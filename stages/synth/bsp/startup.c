/* Cortex-M startup: vector table, reset handler (copy .data, zero .bss,
 * run main, report its status through semihosting), fault handlers.
 *
 * The stack sits at the bottom of RAM (see the linker script): an overflow
 * runs off the start of RAM and faults instead of overwriting .data / .bss.
 * The fault handler therefore first moves the stack pointer back to the
 * top of the stack, so it can run even when the fault was the overflow. */
#include <stdint.h>
#include "semihost.h"

extern uint32_t _sidata, _sdata, _edata, _sbss, _ebss, _sstack, _estack;
int main(void);
void dissolve_exit(int status);

void Reset_Handler(void) {
#if defined(__ARM_FP)
  /* Hard-float builds: enable the FPU (CP10 / CP11 full access) before any float instruction. */
  *(volatile uint32_t *)0xE000ED88 |= 0xFu << 20;
  __asm__ volatile("dsb\n\tisb");
#endif
  uint32_t *src = &_sidata, *dst = &_sdata;
  while (dst < &_edata) *dst++ = *src++;
  for (dst = &_sbss; dst < &_ebss;) *dst++ = 0;
#if DISSOLVE_STACK_REPORT
  uint32_t here;
  dissolve_paint(&_sstack, &here - 16); /* keep clear of this frame */
#endif
  dissolve_exit(main());
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
