/**
 * Generated programs for the firmware differential: Csmith programs of
 * varied shapes, and the project that builds several of them into one
 * firmware image (a batch).
 *
 * A batch is one pipeline: an `app` component holding K Csmith programs
 * (each in its own translation unit, its `main` renamed) and a driver whose
 * `run: func() -> string` runs them in order and prints each checksum, and a
 * `mixer` component that `run` calls through a WIT interface for every
 * checksum. The mixer keeps a data table and a shadow-stack frame of its own,
 * so fusing the two rebases data and stacks under every memory strategy.
 *
 * @module
 */
import { run } from "../../stages/exec.ts";

/** How big and how deep a program is: the failure this harness was built for needed the variety. */
export const SHAPES = {
  /** One function, tiny blocks: the whole export is inlined into the firmware's entry. */
  tiny: [
    "--max-funcs",
    "1",
    "--max-block-depth",
    "1",
    "--max-block-size",
    "2",
    "--max-expr-complexity",
    "2",
    "--no-structs",
    "--no-unions",
    "--max-array-dim",
    "1",
    "--max-array-len-per-dim",
    "2",
  ],
  small: [
    "--max-funcs",
    "3",
    "--max-block-depth",
    "2",
    "--max-expr-complexity",
    "4",
    "--max-array-dim",
    "1",
    "--max-array-len-per-dim",
    "4",
    "--max-struct-fields",
    "3",
  ],
  /** Many functions, no inline hints: deep call chains. */
  deep: [
    "--max-funcs",
    "12",
    "--max-block-depth",
    "2",
    "--max-expr-complexity",
    "3",
    "--max-array-dim",
    "1",
    "--max-array-len-per-dim",
    "3",
    "--max-struct-fields",
    "3",
    "--no-inline-function",
  ],
  /** Local arrays and structs: big frames on both stacks. */
  frames: [
    "--max-funcs",
    "4",
    "--max-block-depth",
    "2",
    "--max-expr-complexity",
    "4",
    "--max-array-dim",
    "2",
    "--max-array-len-per-dim",
    "6",
    "--max-struct-fields",
    "6",
  ],
  large: [
    "--max-funcs",
    "8",
    "--max-block-depth",
    "3",
    "--max-expr-complexity",
    "6",
    "--max-array-dim",
    "2",
    "--max-array-len-per-dim",
    "4",
    "--max-struct-fields",
    "5",
  ],
} as const;

/** A program shape's name. */
export type Shape = keyof typeof SHAPES;

/** One generated program. */
export interface Program {
  /** Csmith's seed: the same seed and shape give the same program. */
  seed: number;
  shape: Shape;
  source: string;
}

/**
 * Generates one program with Csmith (no argc, no floats: the checksum is
 * integer, the firmware's entry takes no arguments).
 *
 * @example
 * ```ts ignore
 * import { generateProgram } from "./programs.ts";
 * console.log((await generateProgram(1, "tiny")).source.length > 0);
 * ```
 */
export async function generateProgram(seed: number, shape: Shape): Promise<Program> {
  const r = await run(["csmith", "--seed", String(seed), "--no-argc", ...SHAPES[shape]], {
    stage: "fuzz firmware (csmith)",
    timeoutMs: 30_000,
  });
  return { seed, shape, source: r.stdout };
}

/** How the app component is compiled: the settings users vary. */
export interface CompileSettings {
  /** clang's `-O` level through a custom `compile` command, or `default` (gale's own command). */
  opt: "default" | "-O0" | "-O1" | "-O2" | "-Os" | "-Oz";
  /** The component's wasm stack (`stack-bytes`). */
  stackBytes: number;
  memory: "shared" | "auto" | "domains" | "multi";
  /** synth's `opt-level` for the firmware's C (`default`: synth's own, `Os`). */
  synthOpt: "default" | "O2";
}

/** The mixer: data of its own, a frame on its shadow stack, state across calls. */
const MIXER_C = `#include <stdint.h>
static const uint32_t table[16] = {
  0x9e3779b9u, 0x7f4a7c15u, 0xf39cc060u, 0x5cedc834u, 0x2b7e1516u, 0x28aed2a6u, 0xabf71588u,
  0x09cf4f3cu, 0x243f6a88u, 0x85a308d3u, 0x13198a2eu, 0x03707344u, 0xa4093822u, 0x299f31d0u,
  0x082efa98u, 0xec4e6c89u};
static uint32_t calls = 7;
__attribute__((export_name("dissolve:fuzz/mixer#mix"))) uint32_t mix(uint32_t acc, uint32_t v) {
  volatile uint32_t frame[8];
  for (int i = 0; i < 8; i++) frame[i] = v ^ table[(v >> (4 * i)) & 15] ^ (uint32_t)i;
  uint32_t h = acc ^ ++calls;
  for (int i = 0; i < 8; i++) h = (h ^ frame[i]) * 16777619u;
  return h;
}
`;

function wit(count: number): string {
  const checks = Array.from({ length: count }, (_, i) => `  export check${i}: func() -> u32;`);
  return `package dissolve:fuzz;
interface mixer { mix: func(acc: u32, value: u32) -> u32; }
world app {
  import mixer;
  export run: func() -> string;
${checks.join("\n")}
}
world mix { export mixer; }
`;
}

/** One program's translation unit: Csmith's main renamed, its checksum exported. */
function wrapper(i: number): string {
  return `#define NDEBUG
#define NOT_PRINT_CHECKSUM
#include <stdint.h>
#define main csmith_main_${i}
#include "gen${i}.c"
#undef main
__attribute__((export_name("check${i}"))) uint32_t check_${i}(void) {
  csmith_main_${i}();
  return crc32_context ^ 0xFFFFFFFFu;
}
`;
}

/** The driver: runs every program, mixes each checksum through the other component. */
function driver(count: number): string {
  const decls = Array.from({ length: count }, (_, i) => `uint32_t check_${i}(void);`);
  const calls = Array.from(
    { length: count },
    (_, i) => `  v = check_${i}(); acc = mix(acc, v); p = hex(p, v); *p++ = ' ';`,
  );
  return `#include <stdint.h>
/* Csmith's main prints array indices when asked to (never here); this printf keeps libc's stdio,
 * and its WASI imports, out of the module at every -O level. */
int printf(const char *format, ...) {
  (void)format;
  return 0;
}
__attribute__((import_module("dissolve:fuzz/mixer"), import_name("mix")))
uint32_t mix(uint32_t acc, uint32_t value);
${decls.join("\n")}
static char out[${count * 9 + 8}];
static uint32_t ret[2];
static char *hex(char *p, uint32_t v) {
  for (int i = 28; i >= 0; i -= 4) *p++ = "0123456789abcdef"[(v >> i) & 15];
  return p;
}
__attribute__((export_name("run"))) uint32_t *run(void) {
  char *p = out;
  uint32_t acc = 0, v;
${calls.join("\n")}
  p = hex(p, acc);
  ret[0] = (uint32_t)out;
  ret[1] = (uint32_t)(p - out);
  return ret;
}
`;
}

/** The clang command for a custom `-O` level: gale's own flags otherwise. */
function compileCommand(opt: CompileSettings["opt"], stackBytes: number): string[] | undefined {
  if (opt === "default") return undefined;
  return [
    "clang",
    "--target=wasm32-wasi",
    "--sysroot=/usr",
    "-nostartfiles",
    opt,
    "-w",
    "-Wl,--no-entry",
    "-Wl,--emit-relocs",
    `-Wl,-zstack-size=${stackBytes}`,
    "-Wl,--stack-first",
    "-Wl,--export=__heap_base",
    "-Wl,--export=__data_end",
    "-Wl,--strip-debug",
    "-o",
    "{out}",
    "{sources}",
    "/usr/lib/llvm-14/lib/clang/14.0.6/lib/wasi/libclang_rt.builtins-wasm32.a",
  ];
}

/** The header that replaces Csmith's runtime (see `csmith.h` beside this file). */
const CHECKSUM_HEADER = new URL("./csmith.h", import.meta.url);

/**
 * Writes a batch's project into `dir` and returns its pipeline (as
 * `definePipeline` takes it): the app and the mixer, every board, every
 * default on, the expected output left to the caller.
 */
export async function writeBatch(
  dir: string,
  programs: Program[],
  settings: CompileSettings,
  boards: string[],
): Promise<Record<string, unknown>> {
  await Deno.mkdir(dir, { recursive: true });
  await Deno.copyFile(CHECKSUM_HEADER, `${dir}/csmith.h`);
  for (const [i, p] of programs.entries()) {
    await Deno.writeTextFile(`${dir}/gen${i}.c`, p.source);
    await Deno.writeTextFile(`${dir}/prog${i}.c`, wrapper(i));
  }
  await Deno.writeTextFile(`${dir}/driver.c`, driver(programs.length));
  await Deno.writeTextFile(`${dir}/mixer.c`, MIXER_C);
  await Deno.writeTextFile(`${dir}/fuzz.wit`, wit(programs.length));
  const sources = ["driver.c", ...programs.map((_, i) => `prog${i}.c`)];
  const compile = compileCommand(settings.opt, settings.stackBytes);
  return {
    pipeline: { name: "fuzz" },
    component: [
      { name: "mixer", sources: ["mixer.c"], wit: "fuzz.wit", world: "mix" },
      {
        name: "app",
        sources,
        wit: "fuzz.wit",
        world: "app",
        libc: "wasi",
        "stack-bytes": settings.stackBytes,
        ...(compile ? { compile } : {}),
      },
    ],
    fuse: { memory: settings.memory },
    synth: {
      boards,
      entry: "run",
      "entry-result": "string",
      ...(settings.synthOpt === "default" ? {} : { "opt-level": settings.synthOpt }),
    },
  };
}

/**
 * A built batch's two core modules, unfused (what V8 runs): the app's and the mixer's, from
 * the pipeline's output folder.
 *
 * @example
 * ```ts ignore
 * import { batchCores } from "./programs.ts";
 * const { app, mixer } = await batchCores("build/fuzz");
 * console.log(app.length, mixer.length);
 * ```
 */
export async function batchCores(
  outDir: string,
): Promise<{ app: Uint8Array<ArrayBuffer>; mixer: Uint8Array<ArrayBuffer> }> {
  const core = (name: string) => Deno.readFile(`${outDir}/components/${name}.core.wasm`);
  return { app: await core("app"), mixer: await core("mixer") };
}
