/* The application: uses the kernel primitives through their component
 * interfaces and reports what happened as a string. */
#include "common.h"

#define IMPORT(iface, name) __attribute__((import_module("pulseengine:kernel/" iface), import_name(name)))
IMPORT("semaphore", "give") void sem_give(uint32_t id);
IMPORT("semaphore", "take") uint32_t sem_take(uint32_t id);
IMPORT("semaphore", "count") uint32_t sem_count(uint32_t id);
IMPORT("queue", "send") uint32_t q_send(uint32_t value);
IMPORT("queue", "recv") uint32_t q_recv(void);
IMPORT("queue", "len") uint32_t q_len(void);
IMPORT("queue", "describe") void q_describe(const char *label, uint32_t len, uint32_t *ret);
IMPORT("mutex", "lock") uint32_t mutex_lock(uint32_t id);
IMPORT("mutex", "unlock") void mutex_unlock(uint32_t id);

static char out[160];
static uint32_t out_len;
static uint32_t ret_area[2];

static void put(const char *s) { while (*s && out_len < sizeof out) out[out_len++] = *s++; }
static void put_n(const char *s, uint32_t n) { for (uint32_t i = 0; i < n && out_len < sizeof out; i++) out[out_len++] = s[i]; }
static void put_u(uint32_t v) {
  char buf[10];
  int n = 0;
  do { buf[n++] = (char)('0' + v % 10); v /= 10; } while (v);
  while (n) { char c[2] = {buf[--n], 0}; put(c); }
}

__attribute__((export_name("run")))
uint32_t *run(void) {
  out_len = 0;
  /* Semaphore: two gives, three takes. */
  sem_give(1);
  sem_give(1);
  put("sem ");
  for (int i = 0; i < 3; i++) put(sem_take(1) ? "1" : "0");
  put(" left=");
  put_u(sem_count(1));
  /* Queue: FIFO order, capacity 4. */
  put("; queue ");
  for (uint32_t v = 10; v <= 50; v += 10) put(q_send(v) ? "+" : "!");
  put(" ");
  while (q_len() > 0) {
    put_u(q_recv());
    if (q_len() > 0) put(",");
  }
  /* Mutex: a second lock fails until unlock. */
  put("; mutex ");
  put(mutex_lock(0) ? "locked" : "busy");
  put(mutex_lock(0) ? " locked" : " busy");
  mutex_unlock(0);
  put(mutex_lock(0) ? " locked" : " busy");
  /* A string across the boundary and back. */
  static const char label[] = "hello from app";
  uint32_t r[2];
  q_describe(label, sizeof label - 1, r);
  put("; ");
  put_n((const char *)r[0], r[1]);
  char *s = __cabi_arena_realloc(0, 0, 1, out_len);
  for (uint32_t i = 0; i < out_len; i++) s[i] = out[i];
  ret_area[0] = (uint32_t)s;
  ret_area[1] = out_len;
  return ret_area;
}
