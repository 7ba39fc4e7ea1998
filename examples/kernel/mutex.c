/* Kernel primitive: non-recursive mutexes. */
#include "mutex_provider.h"

#define MUTEXES 4
static bool held[MUTEXES];

bool exports_pulseengine_kernel_mutex_lock(uint32_t id) {
  bool *h = &held[id % MUTEXES];
  if (*h) return false;
  *h = true;
  return true;
}

void exports_pulseengine_kernel_mutex_unlock(uint32_t id) { held[id % MUTEXES] = false; }
