/* Kernel primitive: a ring-buffer message queue. */
#include "queue_provider.h"

#define CAPACITY 4
static uint32_t ring[CAPACITY];
static uint32_t head, used;

bool exports_pulseengine_kernel_queue_send(uint32_t value) {
  if (used == CAPACITY) return false;
  ring[(head + used) % CAPACITY] = value;
  used++;
  return true;
}

uint32_t exports_pulseengine_kernel_queue_recv(void) {
  if (used == 0) return 0;
  uint32_t v = ring[head];
  head = (head + 1) % CAPACITY;
  used--;
  return v;
}

uint32_t exports_pulseengine_kernel_queue_len(void) { return used; }

void exports_pulseengine_kernel_queue_describe(queue_provider_string_t *label, queue_provider_string_t *ret) {
  static const char prefix[] = "queue[";
  uint8_t *out = queue_provider_alloc(label->len + sizeof prefix + 3, 1);
  size_t n = 0;
  for (size_t i = 0; i < sizeof prefix - 1; i++) out[n++] = (uint8_t)prefix[i];
  out[n++] = (uint8_t)('0' + used);
  out[n++] = ']';
  out[n++] = ' ';
  for (size_t i = 0; i < label->len; i++) out[n++] = label->ptr[i];
  ret->ptr = out;
  ret->len = n;
}
