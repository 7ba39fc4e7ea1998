/* Semihosting calls: SYS_WRITE0 prints a NUL-terminated string,
 * SYS_EXIT_EXTENDED reports the exit status. Cortex-M traps to the host with
 * bkpt 0xAB; RISC-V with an ebreak between two marker instructions (the
 * semihosting spec's sequence, uncompressed and inside one page, so the host
 * can recognise it),
 * operation in a0 and argument in a1. RV32 takes the same arguments as
 * 32-bit Arm. */
#include "semihost.h"

#define SYS_WRITE0 0x04
#define SYS_EXIT 0x18
#define SYS_EXIT_EXTENDED 0x20
#define ADP_Stopped_ApplicationExit 0x20026

static inline int semihost_call(int op, const void *arg) {
#if defined(__riscv)
  register int a0 __asm__("a0") = op;
  register const void *a1 __asm__("a1") = arg;
  /* The host recognises the sequence only when all three instructions lie in one page (QEMU
   * checks; the spec requires it): aligned to 16 bytes, the 12 bytes never cross one. The
   * alignment comes before `norvc`: from a 2-byte boundary it takes a compressed nop, and ld's
   * relaxation needs the assembler to have reserved the worst case (14 bytes) for it. */
  __asm__ volatile(
      ".option push\n.balign 16\n.option norvc\n"
      "slli zero, zero, 0x1f\nebreak\nsrai zero, zero, 7\n"
      ".option pop"
      : "+r"(a0)
      : "r"(a1)
      : "memory");
  return a0;
#else
  register int r0 __asm__("r0") = op;
  register const void *r1 __asm__("r1") = arg;
  __asm__ volatile("bkpt 0xAB" : "+r"(r0) : "r"(r1) : "memory");
  return r0;
#endif
}

void semihost_puts(const char *s) { semihost_call(SYS_WRITE0, s); }

void semihost_write(const char *s, uint32_t len) {
  /* SYS_WRITE0 needs a terminator: send the bytes in NUL-terminated chunks. */
  char chunk[65];
  while (len > 0) {
    uint32_t n = len < 64 ? len : 64;
    for (uint32_t i = 0; i < n; i++) chunk[i] = s[i] ? s[i] : '?';
    chunk[n] = 0;
    semihost_call(SYS_WRITE0, chunk);
    s += n;
    len -= n;
  }
}

void semihost_put_u32(uint32_t v) {
  char buf[12];
  int n = 11;
  buf[n] = 0;
  do buf[--n] = (char)('0' + v % 10), v /= 10;
  while (v);
  semihost_puts(buf + n);
}

void semihost_exit(int status) {
  uint32_t block[2] = {ADP_Stopped_ApplicationExit, (uint32_t)status};
  semihost_call(SYS_EXIT_EXTENDED, block);
  /* Fallback for hosts without SYS_EXIT_EXTENDED. */
  semihost_call(SYS_EXIT, (const void *)ADP_Stopped_ApplicationExit);
  for (;;) {
  }
}

#if DISSOLVE_STACK_REPORT
/* Stack high-water marks, reported at exit on one line the run stage takes
 * off the guest's output.
 *
 * Native stack: the reset handler paints it (startup_*.c); the deepest word no
 * longer holding the paint shows how much was used. Nothing the program
 * computes can read that paint: wasm2c's C code never reads a native slot it
 * did not write.
 *
 * Wasm shadow stack (when fuse exported its bounds): it lives in linear
 * memory, which the program can read, and wasm defines it as zero until
 * written. It is therefore never painted; the deepest non-zero word is the
 * mark. Whatever the layout (stack first or not, one shared stack or one per
 * module, one component or many), the measure writes nothing the program can
 * read, so it cannot change what the program computes. That is a lower bound (a frame whose deepest words were only ever
 * written with zeros is not seen); the build-time bound is the proof. */
#define PAINT 0xA5A5A5A5u
extern uint32_t _sstack, _estack;
const uint32_t *dissolve_shadow_low, *dissolve_shadow_high;

static uint32_t used(const uint32_t *low, const uint32_t *high, uint32_t untouched) {
  const uint32_t *p = low;
  while (p < high && *p == untouched) p++;
  return (uint32_t)((const char *)high - (const char *)p);
}

static void report_stacks(void) {
  semihost_puts("\001dissolve-stack native=");
  semihost_put_u32(used(&_sstack, &_estack, PAINT));
  if (dissolve_shadow_low) {
    semihost_puts(" wasm=");
    semihost_put_u32(used(dissolve_shadow_low, dissolve_shadow_high, 0));
  }
  semihost_puts("\n");
}
#endif

void dissolve_exit(int status) {
#if DISSOLVE_STACK_REPORT
  report_stacks();
#endif
  semihost_exit(status);
}
