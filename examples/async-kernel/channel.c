/* Kernel primitive: a channel whose `recv` waits for a sender. Both `recv`
 * and `produce` are async (stackless: a core function plus a callback the
 * scheduler resumes); `send` is an ordinary synchronous function. */
#include "common.h"

#define CAPACITY 4
static uint32_t ring[CAPACITY];
static uint32_t head, used;

#define CHANNEL "[export]pulseengine:kernel/channel"
__attribute__((import_module(CHANNEL), import_name("[task-return]recv")))
void recv_return(uint32_t value);
__attribute__((import_module(CHANNEL), import_name("[task-return]produce")))
void produce_return(void);
/* Each task's own state lives in its context slot 0. */
__attribute__((import_module("$root"), import_name("[context-get-0]")))
uint32_t context_get(void);
__attribute__((import_module("$root"), import_name("[context-set-0]")))
void context_set(uint32_t value);

__attribute__((export_name("pulseengine:kernel/channel#send")))
void ch_send(uint32_t value) {
  if (used == CAPACITY) return; /* full: dropped */
  ring[(head + used) % CAPACITY] = value;
  used++;
}

/* recv: completes at once when a value is queued, else yields until one is. */
static uint32_t try_recv(void) {
  if (used == 0) return CB_YIELD;
  uint32_t v = ring[head];
  head = (head + 1) % CAPACITY;
  used--;
  recv_return(v);
  return CB_EXIT;
}

__attribute__((export_name("[async-lift]pulseengine:kernel/channel#recv")))
uint32_t ch_recv(void) { return try_recv(); }

__attribute__((export_name("[callback][async-lift]pulseengine:kernel/channel#recv")))
uint32_t ch_recv_cb(uint32_t event, uint32_t p1, uint32_t p2) {
  (void)event, (void)p1, (void)p2;
  return try_recv();
}

/* produce: one value per scheduling round; the task's state is (next, left). */
static uint32_t producer_state[2 * 4];

__attribute__((export_name("[async-lift]pulseengine:kernel/channel#produce")))
uint32_t ch_produce(uint32_t first, uint32_t count) {
  static uint32_t slot;
  uint32_t *s = &producer_state[2 * (slot++ % 4)];
  s[0] = first;
  s[1] = count;
  context_set((uint32_t)s);
  return CB_YIELD;
}

__attribute__((export_name("[callback][async-lift]pulseengine:kernel/channel#produce")))
uint32_t ch_produce_cb(uint32_t event, uint32_t p1, uint32_t p2) {
  (void)event, (void)p1, (void)p2;
  uint32_t *s = (uint32_t *)context_get();
  ch_send(s[0]);
  s[0] += 10;
  if (--s[1] > 0) return CB_YIELD;
  produce_return();
  return CB_EXIT;
}
