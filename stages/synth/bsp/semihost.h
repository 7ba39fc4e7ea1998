/* ARM semihosting: console output and exit status through the debugger / QEMU. */
#ifndef DISSOLVE_SEMIHOST_H
#define DISSOLVE_SEMIHOST_H
#include <stdint.h>

void semihost_write(const char *s, uint32_t len);
void semihost_puts(const char *s);
void semihost_exit(int status) __attribute__((noreturn));

#endif
