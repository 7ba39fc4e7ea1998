/* App side of the records differential: calls every catalog function and
 * reports the results as one string. Discriminants are single bytes (the
 * canonical ABI stores a 2- or 3-case variant's tag as a u8). */
#include <stdint.h>

static uint8_t pool[4096];
static uint32_t pool_used;
__attribute__((export_name("cabi_realloc")))
void *cabi_realloc(void *old, uint32_t old_size, uint32_t align, uint32_t size) {
  (void)old;
  (void)old_size;
  pool_used = (pool_used + align - 1) & ~(align - 1);
  void *p = pool + pool_used;
  pool_used += size;
  return p;
}

typedef struct { const char *name; uint32_t name_len; uint32_t score; } entry_t;
#define IMPORT(name) __attribute__((import_module("dissolve:records/catalog"), import_name(name)))
IMPORT("sum-scores") uint32_t sum_scores(const entry_t *, uint32_t);
IMPORT("longest") void longest(const entry_t *, uint32_t, uint32_t *ret);
IMPORT("lookup") void lookup(uint32_t, uint32_t *ret);
IMPORT("classify") void classify(int32_t, uint32_t *ret);
IMPORT("maybe") void maybe(uint32_t, uint32_t *ret);
IMPORT("greet") void greet(uint32_t is_some, const char *name, uint32_t len, uint32_t *ret);

static char out[512];
static uint32_t len;
static void put(const char *s, uint32_t n) { for (uint32_t i = 0; i < n && len < sizeof out; i++) out[len++] = s[i]; }
static void puts_(const char *s) { while (*s && len < sizeof out) out[len++] = *s++; }
static void putu(uint64_t v) {
  char b[24];
  int n = 0;
  do { b[n++] = (char)('0' + v % 10); v /= 10; } while (v);
  while (n) { char c = b[--n]; put(&c, 1); }
}
static uint32_t ret_area[2];

__attribute__((export_name("run"))) uint32_t *run(void) {
  len = 0;
  entry_t items[3] = {{"ada", 3, 10}, {"grace", 5, 20}, {"linus", 5, 5}};
  puts_("sum=");
  putu(sum_scores(items, 3));
  uint32_t r[4] __attribute__((aligned(8)));
  longest(items, 3, r);
  puts_(" longest=");
  put((const char *)r[0], r[1]);
  puts_("/");
  putu(r[2]);
  for (uint32_t k = 2; k <= 5; k += 3) {
    lookup(k, r);
    puts_(" lookup");
    putu(k);
    if (*(uint8_t *)r == 0) { puts_("=ok:"); put((const char *)r[1], r[2]); }
    else { puts_("=err:"); putu(r[1]); }
  }
  int32_t xs[3] = {0, 42, -3};
  for (int i = 0; i < 3; i++) {
    classify(xs[i], r);
    puts_(" shape=");
    uint8_t tag = *(uint8_t *)r;
    if (tag == 0) puts_("none");
    else if (tag == 1) { puts_("small:"); putu(*(uint8_t *)&r[2]); }
    else { puts_("big:"); putu(*(uint64_t *)&r[2]); }
  }
  for (uint32_t x = 2; x <= 3; x++) {
    maybe(x, r);
    puts_(" maybe=");
    if (*(uint8_t *)r) put((const char *)r[1], r[2]); else puts_("none");
  }
  greet(1, "ada", 3, r);
  puts_(" ");
  put((const char *)r[0], r[1]);
  greet(0, 0, 0, r);
  puts_(" ");
  put((const char *)r[0], r[1]);
  ret_area[0] = (uint32_t)out;
  ret_area[1] = len;
  return ret_area;
}
