/* Kernel primitive: counting semaphores. */
#include "common.h"

#define SEMAPHORES 8
static uint32_t counts[SEMAPHORES];

__attribute__((export_name("pulseengine:kernel/semaphore#give")))
void sem_give(uint32_t id) { counts[id % SEMAPHORES]++; }

__attribute__((export_name("pulseengine:kernel/semaphore#take")))
uint32_t sem_take(uint32_t id) {
  uint32_t *c = &counts[id % SEMAPHORES];
  if (*c == 0) return 0;
  (*c)--;
  return 1;
}

__attribute__((export_name("pulseengine:kernel/semaphore#count")))
uint32_t sem_count(uint32_t id) { return counts[id % SEMAPHORES]; }
