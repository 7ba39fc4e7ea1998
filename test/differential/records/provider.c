/* Provider side of the records differential: lists of records, results,
 * variants and options crossing a component boundary. */
#include <stdint.h>

static uint8_t pool[2048];
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
static uint32_t area[4] __attribute__((aligned(8)));

#define EXPORT(name) __attribute__((export_name("dissolve:records/catalog#" name)))

EXPORT("sum-scores") uint32_t sum_scores(const entry_t *items, uint32_t n) {
  uint32_t s = 0;
  for (uint32_t i = 0; i < n; i++) s += items[i].score + items[i].name_len;
  return s;
}

EXPORT("longest") uint32_t *longest(const entry_t *items, uint32_t n) {
  uint32_t best = 0;
  for (uint32_t i = 1; i < n; i++) if (items[i].name_len > items[best].name_len) best = i;
  /* Copy the name out: the arguments' memory belongs to this call only. */
  char *copy = cabi_realloc(0, 0, 1, items[best].name_len);
  for (uint32_t i = 0; i < items[best].name_len; i++) copy[i] = items[best].name[i];
  area[0] = (uint32_t)copy;
  area[1] = items[best].name_len;
  area[2] = items[best].score * 2;
  return area;
}

static const char *words[] = {"zero", "one", "two", "three"};
static const uint32_t lens[] = {4, 3, 3, 5};

EXPORT("lookup") uint32_t *lookup(uint32_t key) {
  if (key < 4) {
    *(uint8_t *)area = 0;
    area[1] = (uint32_t)words[key];
    area[2] = lens[key];
  } else {
    area[0] = 1;
    area[1] = key * 10;
  }
  return area;
}

EXPORT("classify") uint32_t *classify(int32_t x) {
  uint64_t *payload = (uint64_t *)&area[2];
  if (x == 0) area[0] = 0;
  else if (x > 0 && x < 256) {
    area[0] = 1;
    *(uint8_t *)payload = (uint8_t)x;
  } else {
    area[0] = 2;
    *payload = (uint64_t)(int64_t)x * 1000000007ull;
  }
  return area;
}

EXPORT("maybe") uint32_t *maybe(uint32_t x) {
  if (x & 1) {
    area[0] = 1;
    area[1] = (uint32_t)words[x & 3];
    area[2] = lens[x & 3];
  } else area[0] = 0;
  return area;
}

EXPORT("greet") uint32_t *greet(uint32_t is_some, const char *name, uint32_t len) {
  static const char hi[] = "hi ";
  static const char anon[] = "anonymous";
  const char *who = is_some ? name : anon;
  uint32_t n = is_some ? len : sizeof anon - 1;
  char *out = cabi_realloc(0, 0, 1, n + 3);
  for (uint32_t i = 0; i < 3; i++) out[i] = hi[i];
  for (uint32_t i = 0; i < n; i++) out[3 + i] = who[i];
  area[0] = (uint32_t)out;
  area[1] = n + 3;
  return area;
}
