/* ARM semihosting: console output and exit status through the debugger / QEMU. */
#ifndef DISSOLVE_SEMIHOST_H
#define DISSOLVE_SEMIHOST_H
#include <stdint.h>

void semihost_write(const char *s, uint32_t len);
void semihost_puts(const char *s);
/* Prints v in decimal. */
void semihost_put_u32(uint32_t v);
void semihost_exit(int status) __attribute__((noreturn));
/* Exits through semihosting, first reporting stack use when built with DISSOLVE_STACK_REPORT. */
void dissolve_exit(int status) __attribute__((noreturn));
#if DISSOLVE_STACK_REPORT
extern const uint32_t *dissolve_shadow_low, *dissolve_shadow_high;
#endif

#endif
