/* Cortex-M startup: vector table, reset handler (copy .data, zero .bss,
 * run main, report its status through semihosting), fault handlers. */
#include <stdint.h>
#include "semihost.h"

extern uint32_t _sidata, _sdata, _edata, _sbss, _ebss, _estack;
int main(void);

void Reset_Handler(void) {
  uint32_t *src = &_sidata, *dst = &_sdata;
  while (dst < &_edata) *dst++ = *src++;
  for (dst = &_sbss; dst < &_ebss;) *dst++ = 0;
  semihost_exit(main());
}

static void fault(const char *what) {
  semihost_puts(what);
  semihost_exit(3);
}
void HardFault_Handler(void) { fault("dissolve: hard fault\n"); }
void Default_Handler(void) { fault("dissolve: unexpected interrupt\n"); }

__attribute__((section(".isr_vector"), used)) const void *const vector_table[16] = {
    &_estack,          Reset_Handler,   Default_Handler, HardFault_Handler,
    Default_Handler,   Default_Handler, Default_Handler, 0,
    0,                 0,               0,               Default_Handler,
    Default_Handler,   0,               Default_Handler, Default_Handler,
};
