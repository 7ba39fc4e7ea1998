/* Kernel primitive: a channel whose `recv` waits for a sender. Both `recv`
 * and `produce` are async (stackless: a start function plus a callback the
 * scheduler resumes); `send` is an ordinary synchronous function. Written
 * against the bindings gale generates from async.wit. */
#include "channel_provider.h"

#define CAPACITY 4
static uint32_t ring[CAPACITY];
static uint32_t head, used;

void exports_pulseengine_kernel_channel_send(uint32_t value) {
  if (used == CAPACITY) return; /* full: dropped */
  ring[(head + used) % CAPACITY] = value;
  used++;
}

/* recv: completes at once when a value is queued, else yields until one is. */
static channel_provider_callback_code_t try_recv(void) {
  if (used == 0) return CHANNEL_PROVIDER_CALLBACK_CODE_YIELD;
  uint32_t v = ring[head];
  head = (head + 1) % CAPACITY;
  used--;
  exports_pulseengine_kernel_channel_recv_return(v);
  return CHANNEL_PROVIDER_CALLBACK_CODE_EXIT;
}

channel_provider_callback_code_t exports_pulseengine_kernel_channel_recv(void) { return try_recv(); }

channel_provider_callback_code_t exports_pulseengine_kernel_channel_recv_callback(channel_provider_event_t *event) {
  (void)event;
  return try_recv();
}

/* produce: one value per scheduling round; the task's state (next, left) is in its context. */
static uint32_t producer_state[2 * 4];

channel_provider_callback_code_t exports_pulseengine_kernel_channel_produce(uint32_t first, uint32_t count) {
  static uint32_t slot;
  uint32_t *s = &producer_state[2 * (slot++ % 4)];
  s[0] = first;
  s[1] = count;
  channel_provider_context_set((uint32_t)s);
  return CHANNEL_PROVIDER_CALLBACK_CODE_YIELD;
}

channel_provider_callback_code_t exports_pulseengine_kernel_channel_produce_callback(channel_provider_event_t *event) {
  (void)event;
  uint32_t *s = (uint32_t *)channel_provider_context_get();
  exports_pulseengine_kernel_channel_send(s[0]);
  s[0] += 10;
  if (--s[1] > 0) return CHANNEL_PROVIDER_CALLBACK_CODE_YIELD;
  exports_pulseengine_kernel_channel_produce_return();
  return CHANNEL_PROVIDER_CALLBACK_CODE_EXIT;
}
