/* RV32 startup: the reset entry at the start of flash (where the machine's
 * reset jumps), copy .data and .tdata, zero .bss and .tbss, run main,
 * report its status through semihosting; a machine-mode trap handler.
 *
 * As on Cortex-M, the native stack sits at the bottom of RAM (see the
 * linker script) and an overflow runs below it. On sifive_e nothing is
 * mapped below RAM; on virt the code is. So the reset entry also makes all
 * of [0, _sstack) read / execute only with a locked PMP entry (a locked
 * entry binds machine mode too): an overflow faults with a store access
 * fault instead of overwriting code or anything else. The trap handler then
 * moves sp back to the top of the stack, so it can run even when the fault
 * was the overflow.
 *
 * picolibc keeps errno (and a few others) in thread-local storage: tp points
 * at the one TLS block, .tdata followed by .tbss, in RAM. */
#include <stdint.h>
#include "semihost.h"

extern uint32_t _sidata, _sdata, _edata, _sitdata, _stdata, _etdata, _sbss, _ebss, _stbss, _etbss;
int main(void);
void dissolve_exit(int status);

/* Zeroes the words [dst, end): eight an iteration while they last (ten instructions per 32 B;
 * the loop tests its end once, at the bottom), then the last 0-7 words without a loop. */
__attribute__((noinline, optimize("no-tree-loop-distribute-patterns")))
static void zero_words(uint32_t *dst, uint32_t *end) {
  if ((uint32_t)((char *)end - (char *)dst) >= 32) {
    uint32_t *last = end - 8;
    do {
      dst[0] = dst[1] = dst[2] = dst[3] = dst[4] = dst[5] = dst[6] = dst[7] = 0;
      dst += 8;
    } while (dst <= last);
  }
  uint32_t left = (uint32_t)((char *)end - (char *)dst);
  if (left & 16) dst[0] = dst[1] = dst[2] = dst[3] = 0, dst += 4;
  if (left & 8) dst[0] = dst[1] = 0, dst += 2;
  if (left & 4) dst[0] = 0;
}

/* Runs on the stack the reset entry left untouched: copies .data and .tdata, zeroes .bss and
 * .tbss, runs main. The loops stay word loops: gcc would make them calls to picolibc's memcpy /
 * memset, which on RV32 go byte by byte (3.9 instructions a byte, 1558 to zero the 400 B of a
 * small firmware's .bss, against 300 for a word loop). Zeroing goes four words an iteration: .bss
 * holds the linear memory, the largest thing a firmware zeroes. */
__attribute__((used, noreturn, optimize("no-tree-loop-distribute-patterns")))
void dissolve_reset(void) {
  uint32_t *src = &_sidata, *dst = &_sdata;
  while (dst < &_edata) *dst++ = *src++;
  for (src = &_sitdata, dst = &_stdata; dst < &_etdata;) *dst++ = *src++;
  zero_words(&_sbss, &_ebss);
  zero_words(&_stbss, &_etbss);
  dissolve_exit(main());
}

void dissolve_trap_entry(void);

/* The reset entry is naked and in .isr_vector, which the linker script puts
 * first in flash: the machine's reset jumps to the flash origin. No C frame
 * exists while it runs; with DISSOLVE_STACK_REPORT it paints every word of
 * the native stack below sp, [_sstack, _estack), keeping its state in
 * registers only (startup_cortex_m.c says why that matters). */
__attribute__((naked, noreturn, section(".isr_vector"))) void Reset_Handler(void) {
  __asm__ volatile(
      ".option push\n"
      ".option norelax\n"
      ".option arch, +zicsr\n"
      "la sp, _estack\n"
      "la tp, _stdata\n"
      "la t0, dissolve_trap_entry\n"
      "csrw mtvec, t0\n"
      /* pmpaddr0 = _sstack >> 2, pmpcfg0 = L | TOR | X | R: [0, _sstack) is not writable. */
      "la t0, _sstack\n"
      "srli t0, t0, 2\n"
      "csrw pmpaddr0, t0\n"
      "li t0, 0x8d\n"
      "csrw pmpcfg0, t0\n"
#if DISSOLVE_STACK_REPORT
      "la t0, _sstack\n"
      "li t1, 0xA5A5A5A5\n"
      "1:\n"
      "bgeu t0, sp, 2f\n"
      "sw t1, 0(t0)\n"
      "addi t0, t0, 4\n"
      "j 1b\n"
      "2:\n"
#endif
      "j dissolve_reset\n"
      ".option pop\n");
}

static void put_hex(uint32_t v) {
  char buf[11] = "0x";
  for (int i = 0; i < 8; i++) buf[2 + i] = "0123456789abcdef"[(v >> (28 - 4 * i)) & 0xf];
  buf[10] = 0;
  semihost_puts(buf);
}

__attribute__((used, noreturn)) void dissolve_fault(void) {
  uint32_t cause, epc, tval;
  __asm__ volatile(
      ".option push\n.option arch, +zicsr\n"
      "csrr %0, mcause\ncsrr %1, mepc\ncsrr %2, mtval\n"
      ".option pop"
      : "=r"(cause), "=r"(epc), "=r"(tval));
  semihost_puts("dissolve: hard fault (a stack overflow, or a bad access outside wasm): mcause ");
  semihost_put_u32(cause);
  semihost_puts(" at pc ");
  put_hex(epc);
  semihost_puts(", address ");
  put_hex(tval);
  semihost_puts("\n");
  semihost_exit(3);
}

/* mtvec's target (direct mode: 4-byte aligned): a fresh stack, then the report. */
__attribute__((naked, aligned(4))) void dissolve_trap_entry(void) {
  __asm__ volatile(
      ".option push\n"
      ".option norelax\n"
      "la sp, _estack\n"
      "j dissolve_fault\n"
      ".option pop\n");
}
