/* The native baseline's main: the program's checksum in decimal, through the
 * same semihosting console as the Dissolve build's generated main. */
#include "bench.h"
#include "semihost.h"

int main(void) {
  semihost_put_u32(bench_run());
  semihost_puts("\n");
  return 0;
}
