/* Dissolve's stand-in for Csmith's runtime header (csmith.h), found before
 * /usr/include/csmith on the include path of every generated program.
 *
 * It computes the same CRC-32 of the program's globals as Csmith's own
 * header, bit by bit instead of from a 1 KiB table: several programs share one
 * firmware image, and on an 8 KiB part a table per program would not fit. It
 * never prints (firmware has no stdio), so the checksum is read from
 * crc32_context after main. Csmith's other headers (random_inc.h,
 * safe_math.h, the platform's stdint) come from Debian's libcsmith-dev. */
#ifndef RANDOM_RUNTIME_H
#define RANDOM_RUNTIME_H
#include <string.h>
#include <float.h>
#include <math.h>
#include <stdint.h>
#define __STDC_LIMIT_MACROS
#include <csmith/random_inc.h>

static uint32_t crc32_context = 0xFFFFFFFFUL;

static void crc32_gentab(void) {}

static void crc32_byte(uint8_t b) {
  crc32_context ^= b;
  for (int k = 0; k < 8; k++) crc32_context = (crc32_context >> 1) ^ (0xEDB88320UL & -(crc32_context & 1));
}

static void crc32_8bytes(uint64_t val) {
  for (int k = 0; k < 64; k += 8) crc32_byte((uint8_t)(val >> k));
}

static void transparent_crc(uint64_t val, char *vname, int flag) {
  (void)vname;
  (void)flag;
  crc32_8bytes(val);
}

static void transparent_crc_bytes(char *ptr, int nbytes, char *vname, int flag) {
  (void)vname;
  (void)flag;
  for (int i = 0; i < nbytes; i++) crc32_byte((uint8_t)ptr[i]);
}
#endif
