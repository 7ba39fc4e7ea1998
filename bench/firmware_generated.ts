/**
 * The firmware bench on programs nobody chose (`deno task bench firmware-generated`):
 * Csmith programs from fixed seeds, each built natively with gcc -Os and through
 * Dissolve, in the same table as `bench/firmware/programs`. The hand-written
 * programs are what the defaults were tuned on; these are held out, so a default that
 * only suits those twelve shows here.
 *
 * @module
 */
import { generateProgram, type Shape } from "../test/firmware_fuzz/programs.ts";
import { benchFirmware, type BenchSource, type FirmwareRow } from "./firmware_bench.ts";

const HERE = new URL("./firmware/", import.meta.url);
const CSMITH_HEADER = new URL("../test/firmware_fuzz/csmith.h", import.meta.url);
/** Shapes in turn: inlined whole, a few functions, deep call chains without inlining, big frames. */
const SHAPES: Shape[] = ["small", "tiny", "deep", "frames"];
/** Native instructions beyond which a program is left out (Csmith's loops can run for minutes). */
const LIMIT = 2_000_000;

/** Csmith's `main` renamed, its checksum returned from `bench_run`. */
const WRAPPER = `#define NDEBUG
#define NOT_PRINT_CHECKSUM
#include <stdint.h>
#include "../bench.h"
/* Csmith's main prints only when asked to (never here): no stdio in either build. */
int printf(const char *format, ...) {
  (void)format;
  return 0;
}
#define main csmith_main
#include "gen.c"
#undef main
BENCH_ENTRY uint32_t bench_run(void) {
  csmith_main();
  return crc32_context ^ 0xFFFFFFFFu;
}
`;

/** Writes Csmith's program for `seed` and what both builds need beside it into `dir`. */
async function writeProgram(dir: string, seed: number, shape: Shape): Promise<BenchSource> {
  const name = `csmith-${seed}`;
  const at = `${dir}/${name}`;
  await Deno.mkdir(at, { recursive: true });
  await Deno.writeTextFile(`${at}/gen.c`, (await generateProgram(seed, shape)).source);
  await Deno.copyFile(CSMITH_HEADER, `${at}/csmith.h`);
  await Deno.copyFile(new URL("bench.wit", HERE), `${at}/bench.wit`);
  await Deno.writeTextFile(`${at}/program.c`, WRAPPER);
  return {
    name,
    baseDir: at,
    file: "program.c",
    includes: ["/usr/include"],
    libc: "wasi",
    stackBytes: 1024,
  };
}

/**
 * Runs the firmware bench on `count` Csmith programs (seeds 1, 2, …) on `boardName`.
 *
 * @example
 * ```ts ignore
 * import { benchGeneratedFirmware } from "./firmware_generated.ts";
 * const rows = await benchGeneratedFirmware("lm3s6965evb", 4);
 * console.log(rows.length <= 4);
 * ```
 */
export async function benchGeneratedFirmware(
  boardName = "lm3s6965evb",
  count = 24,
): Promise<FirmwareRow[]> {
  const dir = await Deno.makeTempDir({ prefix: "dissolve-bench-generated-" });
  try {
    // One level up, as for bench/firmware/programs: a "bench.h" beside the source would be taken
    // for the world's generated bindings header.
    await Deno.copyFile(new URL("bench.h", HERE), `${dir}/bench.h`);
    const programs: BenchSource[] = [];
    for (let seed = 1; seed <= count; seed++) {
      programs.push(await writeProgram(dir, seed, SHAPES[seed % SHAPES.length]));
    }
    return await benchFirmware(boardName, {
      programs,
      what: `${count} Csmith programs, seeds 1–${count}`,
      limit: LIMIT,
    });
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
}
