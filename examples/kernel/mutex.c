/* Kernel primitive: non-recursive mutexes. */
#include "common.h"

#define MUTEXES 4
static uint8_t held[MUTEXES];

__attribute__((export_name("pulseengine:kernel/mutex#lock")))
uint32_t mutex_lock(uint32_t id) {
  uint8_t *h = &held[id % MUTEXES];
  if (*h) return 0;
  *h = 1;
  return 1;
}

__attribute__((export_name("pulseengine:kernel/mutex#unlock")))
void mutex_unlock(uint32_t id) { held[id % MUTEXES] = 0; }
