/* The native baseline's main: the program's checksum in decimal, through the
 * same semihosting console as the Dissolve build's generated main. */
#include "bench.h"
#include "semihost.h"

int main(void) {
  uint32_t v = bench_run();
  char buf[12];
  int n = 11;
  buf[n] = 0;
  do buf[--n] = (char)('0' + v % 10), v /= 10;
  while (v);
  semihost_puts(buf + n);
  semihost_puts("\n");
  return 0;
}
