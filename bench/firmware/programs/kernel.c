/* examples/kernel's core logic in one program: a counting semaphore, a bounded message
 * queue and a mutex exercised as the app component does (gives and takes, FIFO order,
 * lock contention, a labelled string), repeated 50 times; the checksum covers the report. */
#include "../bench.h"

#define CAPACITY 4
static uint32_t sem_counts[4];
static uint32_t ring[CAPACITY], head, used;
static uint32_t locked;
static char out[160];
static uint32_t out_len;

static void sem_give(uint32_t id) { sem_counts[id & 3]++; }
static uint32_t sem_take(uint32_t id) {
  if (sem_counts[id & 3] == 0) return 0;
  sem_counts[id & 3]--;
  return 1;
}
static uint32_t q_send(uint32_t v) {
  if (used == CAPACITY) return 0;
  ring[(head + used) % CAPACITY] = v;
  used++;
  return 1;
}
static uint32_t q_recv(void) {
  if (used == 0) return 0;
  uint32_t v = ring[head];
  head = (head + 1) % CAPACITY;
  used--;
  return v;
}
static uint32_t mutex_lock(uint32_t id) {
  if (locked & (1u << id)) return 0;
  locked |= 1u << id;
  return 1;
}
static void mutex_unlock(uint32_t id) { locked &= ~(1u << id); }

static void put(const char *s) {
  while (*s && out_len < sizeof out) out[out_len++] = *s++;
}
static void put_u(uint32_t v) {
  char buf[10];
  int n = 0;
  do buf[n++] = (char)('0' + v % 10), v /= 10;
  while (v);
  while (n && out_len < sizeof out) out[out_len++] = buf[--n];
}

BENCH_ENTRY uint32_t bench_run(void) {
  uint32_t check = 0;
  for (int round = 0; round < 50; round++) {
    out_len = 0;
    sem_give(1);
    sem_give(1);
    put("sem ");
    for (int i = 0; i < 3; i++) put(sem_take(1) ? "1" : "0");
    put(" left=");
    put_u(sem_counts[1]);
    put("; queue ");
    for (uint32_t v = 10; v <= 50; v += 10) put(q_send(v + (uint32_t)round) ? "+" : "!");
    put(" ");
    while (used > 0) {
      put_u(q_recv());
      if (used > 0) put(",");
    }
    put("; mutex ");
    put(mutex_lock(0) ? "locked" : "busy");
    put(mutex_lock(0) ? " locked" : " busy");
    mutex_unlock(0);
    put(mutex_lock(0) ? " locked" : " busy");
    mutex_unlock(0);
    put("; queue[");
    put_u(used);
    put("] hello from app");
    for (uint32_t i = 0; i < out_len; i++) check = check * 31 + (uint8_t)out[i];
  }
  return check;
}
