/* ARM semihosting calls (bkpt 0xAB on Cortex-M): SYS_WRITE0 prints a
 * NUL-terminated string, SYS_EXIT_EXTENDED reports the exit status. */
#include "semihost.h"

#define SYS_WRITE0 0x04
#define SYS_EXIT 0x18
#define SYS_EXIT_EXTENDED 0x20
#define ADP_Stopped_ApplicationExit 0x20026

static inline int semihost_call(int op, const void *arg) {
  register int r0 __asm__("r0") = op;
  register const void *r1 __asm__("r1") = arg;
  __asm__ volatile("bkpt 0xAB" : "+r"(r0) : "r"(r1) : "memory");
  return r0;
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
/* Stack high-water marks: the reset handler paints the native stack, and
 * main paints the wasm shadow stack (when fuse exported its bounds); at exit,
 * the deepest word no longer holding the paint shows how much each used.
 * Reported on one line the run stage takes off the guest's output. */
#define PAINT 0xA5A5A5A5u
extern uint32_t _sstack, _estack;
const uint32_t *dissolve_shadow_low, *dissolve_shadow_high;

void dissolve_paint(uint32_t *from, const uint32_t *to) {
  while (from < to) *from++ = PAINT;
}

static uint32_t used(const uint32_t *low, const uint32_t *high) {
  const uint32_t *p = low;
  while (p < high && *p == PAINT) p++;
  return (uint32_t)((const char *)high - (const char *)p);
}


static void report_stacks(void) {
  semihost_puts("\001dissolve-stack native=");
  semihost_put_u32(used(&_sstack, &_estack));
  if (dissolve_shadow_low) {
    semihost_puts(" wasm=");
    semihost_put_u32(used(dissolve_shadow_low, dissolve_shadow_high));
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
