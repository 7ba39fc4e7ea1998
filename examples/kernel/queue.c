/* Kernel primitive: a ring-buffer message queue. */
#include "common.h"

#define CAPACITY 4
static uint32_t ring[CAPACITY];
static uint32_t head, used;
static uint32_t ret_area[2];

__attribute__((export_name("pulseengine:kernel/queue#send")))
uint32_t q_send(uint32_t value) {
  if (used == CAPACITY) return 0;
  ring[(head + used) % CAPACITY] = value;
  used++;
  return 1;
}

__attribute__((export_name("pulseengine:kernel/queue#recv")))
uint32_t q_recv(void) {
  if (used == 0) return 0;
  uint32_t v = ring[head];
  head = (head + 1) % CAPACITY;
  used--;
  return v;
}

__attribute__((export_name("pulseengine:kernel/queue#len")))
uint32_t q_len(void) { return used; }

__attribute__((export_name("pulseengine:kernel/queue#describe")))
uint32_t *q_describe(const char *label, uint32_t len) {
  static const char prefix[] = "queue[";
  char *out = __cabi_arena_realloc(0, 0, 1, len + sizeof prefix + 3);
  uint32_t n = 0;
  for (uint32_t i = 0; i < sizeof prefix - 1; i++) out[n++] = prefix[i];
  out[n++] = (char)('0' + used);
  out[n++] = ']';
  out[n++] = ' ';
  for (uint32_t i = 0; i < len; i++) out[n++] = label[i];
  ret_area[0] = (uint32_t)out;
  ret_area[1] = n;
  return ret_area;
}
