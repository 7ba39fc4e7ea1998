/* The application: uses the kernel primitives through their component
 * interfaces (the bindings gale generates from kernel.wit) and reports
 * what happened as a string. */
#include "app.h"

static char out[160];
static size_t out_len;

static void put(const char *s) { while (*s && out_len < sizeof out) out[out_len++] = *s++; }
static void put_n(const uint8_t *s, size_t n) { for (size_t i = 0; i < n && out_len < sizeof out; i++) out[out_len++] = (char)s[i]; }
static void put_u(uint32_t v) {
  char buf[10];
  int n = 0;
  do { buf[n++] = (char)('0' + v % 10); v /= 10; } while (v);
  while (n) { char c[2] = {buf[--n], 0}; put(c); }
}

void exports_app_run(app_string_t *ret) {
  out_len = 0;
  /* Semaphore: two gives, three takes. */
  pulseengine_kernel_semaphore_give(1);
  pulseengine_kernel_semaphore_give(1);
  put("sem ");
  for (int i = 0; i < 3; i++) put(pulseengine_kernel_semaphore_take(1) ? "1" : "0");
  put(" left=");
  put_u(pulseengine_kernel_semaphore_count(1));
  /* Queue: FIFO order, capacity 4. */
  put("; queue ");
  for (uint32_t v = 10; v <= 50; v += 10) put(pulseengine_kernel_queue_send(v) ? "+" : "!");
  put(" ");
  while (pulseengine_kernel_queue_len() > 0) {
    put_u(pulseengine_kernel_queue_recv());
    if (pulseengine_kernel_queue_len() > 0) put(",");
  }
  /* Mutex: a second lock fails until unlock. */
  put("; mutex ");
  put(pulseengine_kernel_mutex_lock(0) ? "locked" : "busy");
  put(pulseengine_kernel_mutex_lock(0) ? " locked" : " busy");
  pulseengine_kernel_mutex_unlock(0);
  put(pulseengine_kernel_mutex_lock(0) ? " locked" : " busy");
  /* A string across the boundary and back. */
  static const char greeting[] = "hello from app";
  app_string_t label = {(uint8_t *)greeting, sizeof greeting - 1}, described;
  pulseengine_kernel_queue_describe(&label, &described);
  put("; ");
  put_n(described.ptr, described.len);
  ret->ptr = app_alloc(out_len, 1);
  for (size_t i = 0; i < out_len; i++) ret->ptr[i] = (uint8_t)out[i];
  ret->len = out_len;
}
