/* The few newlib system calls the runtime can reach (abort, stdio), routed
 * to semihosting. There is no heap: the embedder arena lives in the wasm
 * linear memory, so _sbrk always fails. */
#include <errno.h>
#include <stdint.h>
#include <sys/stat.h>
#include "semihost.h"

void _exit(int status) { semihost_exit(status); }
void *_sbrk(intptr_t increment) {
  (void)increment;
  errno = ENOMEM;
  return (void *)-1;
}
int _kill(int pid, int sig) {
  (void)pid;
  (void)sig;
  errno = EINVAL;
  return -1;
}
int _getpid(void) { return 1; }
int _write(int fd, const char *buf, int len) {
  (void)fd;
  semihost_write(buf, (uint32_t)len);
  return len;
}
int _read(int fd, char *buf, int len) {
  (void)fd;
  (void)buf;
  (void)len;
  return 0;
}
int _close(int fd) {
  (void)fd;
  return -1;
}
int _fstat(int fd, struct stat *st) {
  (void)fd;
  st->st_mode = S_IFCHR;
  return 0;
}
int _isatty(int fd) {
  (void)fd;
  return 1;
}
int _lseek(int fd, int off, int whence) {
  (void)fd;
  (void)off;
  (void)whence;
  return 0;
}
