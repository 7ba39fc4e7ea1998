/* The application: an async `run` that starts a producer task and awaits
 * three receives from the kernel's channel, reporting the order in which
 * things happened. Runs as one task of the fused module's scheduler. */
#include "common.h"

#define CHANNEL "pulseengine:kernel/channel"
__attribute__((import_module(CHANNEL), import_name("[async-lower]recv")))
uint32_t recv_start(uint32_t *result);
__attribute__((import_module(CHANNEL), import_name("[async-lower]produce")))
uint32_t produce_start(uint32_t first, uint32_t count);
__attribute__((import_module("$root"), import_name("[waitable-set-new]")))
uint32_t waitable_set_new(void);
__attribute__((import_module("$root"), import_name("[waitable-join]")))
void waitable_join(uint32_t waitable, uint32_t set);
__attribute__((import_module("$root"), import_name("[subtask-drop]")))
void subtask_drop(uint32_t subtask);
__attribute__((import_module("[export]$root"), import_name("[task-return]run")))
void run_return(const char *text, uint32_t len);

static char out[96];
static uint32_t out_len;
static void put(const char *s) { while (*s && out_len < sizeof out) out[out_len++] = *s++; }
static void put_u(uint32_t v) {
  char buf[10];
  int n = 0;
  do { buf[n++] = (char)('0' + v % 10); v /= 10; } while (v);
  while (n && out_len < sizeof out) out[out_len++] = buf[--n];
}

static uint32_t set, producer, receiver, received, value;

/* Starts a receive: it returns at once (a value was queued) or later (an event).
 * Which one depends on the scheduler's interleaving (any order is valid), so
 * only the first — started before the producer exists — says whether it waited. */
static void got(uint32_t v) {
  put(" ");
  put_u(v);
  received++;
  receiver = 0;
}

static void start_recv(void) {
  uint32_t status = recv_start(&value);
  if ((status & 0xf) == SUBTASK_RETURNED) {
    got(value);
    return;
  }
  receiver = status >> 4;
  waitable_join(receiver, set);
}

static uint32_t step(void) {
  while (received < 3 && receiver == 0) start_recv();
  if (received == 3 && producer == 0) {
    put("; producer done");
    run_return(out, out_len);
    return CB_EXIT;
  }
  return CB_WAIT(set);
}

__attribute__((export_name("[async-lift]run")))
uint32_t run(void) {
  out_len = 0;
  received = 0;
  set = waitable_set_new();
  put("async: recv");
  /* Nothing was sent yet: this receive must wait (STARTED, a subtask). */
  start_recv();
  put(receiver ? " waits;" : " did not wait;");
  uint32_t status = produce_start(10, 3);
  producer = (status & 0xf) == SUBTASK_RETURNED ? 0 : status >> 4;
  if (producer) waitable_join(producer, set);
  return step();
}

__attribute__((export_name("[callback][async-lift]run")))
uint32_t run_cb(uint32_t event, uint32_t subtask, uint32_t state) {
  if (event == EVENT_SUBTASK && state == SUBTASK_RETURNED) {
    subtask_drop(subtask);
    if (subtask == receiver) {
      got(value);
    } else if (subtask == producer) {
      producer = 0;
    }
  }
  return step();
}
