/* The application: an async `run` that starts a producer task and awaits
 * three receives from the kernel's channel, reporting the order in which
 * things happened. Runs as one task of the fused module's scheduler.
 * Written against the bindings gale generates from async.wit. */
#include "app.h"

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
  app_subtask_status_t status = pulseengine_kernel_channel_recv(&value);
  if (app_subtask_state(status) == APP_SUBTASK_RETURNED) {
    got(value);
    return;
  }
  receiver = app_subtask_handle(status);
  app_waitable_join(receiver, set);
}

static app_callback_code_t step(void) {
  while (received < 3 && receiver == 0) start_recv();
  if (received == 3 && producer == 0) {
    put("; producer done");
    app_string_t text = {(uint8_t *)out, out_len};
    exports_app_run_return(&text);
    return APP_CALLBACK_CODE_EXIT;
  }
  return APP_CALLBACK_CODE_WAIT(set);
}

app_callback_code_t exports_app_run(void) {
  out_len = 0;
  received = 0;
  set = app_waitable_set_new();
  put("async: recv");
  /* Nothing was sent yet: this receive must wait (STARTED, a subtask). */
  start_recv();
  put(receiver ? " waits;" : " did not wait;");
  app_subtask_status_t status = pulseengine_kernel_channel_produce(10, 3);
  producer = app_subtask_state(status) == APP_SUBTASK_RETURNED ? 0 : app_subtask_handle(status);
  if (producer) app_waitable_join(producer, set);
  return step();
}

app_callback_code_t exports_app_run_callback(app_event_t *event) {
  if (event->event == APP_EVENT_SUBTASK && event->code == APP_SUBTASK_RETURNED) {
    app_subtask_drop(event->waitable);
    if (event->waitable == receiver) {
      got(value);
    } else if (event->waitable == producer) {
      producer = 0;
    }
  }
  return step();
}
