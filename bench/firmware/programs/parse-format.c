/* String parsing and formatting: format 200 signed numbers as comma-separated decimal text,
 * parse the text back, and checksum both the text and the parsed values. */
#include "../bench.h"

static char text[2600];

static int format_i32(char *out, int32_t v) {
  char tmp[12];
  int n = 0, len = 0;
  uint32_t u = v < 0 ? 0u - (uint32_t)v : (uint32_t)v;
  do tmp[n++] = (char)('0' + u % 10), u /= 10;
  while (u);
  if (v < 0) out[len++] = '-';
  while (n) out[len++] = tmp[--n];
  return len;
}

BENCH_ENTRY uint32_t bench_run(void) {
  uint32_t seed = 9;
  int len = 0;
  int32_t expect = 0;
  for (int i = 0; i < 200; i++) {
    int32_t v = (int32_t)bench_next(&seed) >> 11;
    expect += v;
    len += format_i32(text + len, v);
    text[len++] = ',';
  }
  text[len] = 0;
  uint32_t check = 0;
  int32_t total = 0, value = 0, negative = 0, digits = 0;
  for (int i = 0; i <= len; i++) {
    char ch = text[i];
    check = check * 31 + (uint8_t)ch;
    if (ch == '-') {
      negative = 1;
    } else if (ch >= '0' && ch <= '9') {
      value = value * 10 + (ch - '0');
      digits++;
    } else if (digits) {
      total += negative ? -value : value;
      value = 0, negative = 0, digits = 0;
    }
  }
  return check ^ (uint32_t)total ^ (total == expect ? 0x80000000u : 0u);
}
