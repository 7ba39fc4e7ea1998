/* wasi-libc's stdio back end, replaced for bare metal.
 *
 * snprintf and friends pull in musl's stdio machinery, and with it the FILE
 * callbacks for stdout / stderr, which import WASI fd_write, fd_seek and
 * fd_close. A firmware has no file descriptors: these definitions come first
 * in the link, so libc's versions (and their WASI imports) never load. They
 * are never called by formatting into a buffer; printf to stdout traps
 * instead of silently printing nothing. */
#include <stddef.h>

struct _IO_FILE;

size_t __stdio_write(struct _IO_FILE *f, const unsigned char *buf, size_t len) {
  (void)f;
  (void)buf;
  (void)len;
  __builtin_trap();
}

long long __stdio_seek(struct _IO_FILE *f, long long off, int whence) {
  (void)f;
  (void)off;
  (void)whence;
  __builtin_trap();
}

int __stdio_close(struct _IO_FILE *f) {
  (void)f;
  __builtin_trap();
}
