/**
 * The built-in toolchain: every program Dissolve itself runs, the Debian
 * package that provides it and why. `tools/setup.ts` installs from this
 * table, and a missing program's error message quotes it, so the two never
 * disagree.
 *
 * @module
 */

/** A program (or a library) and the Debian package that provides it. */
export interface ToolchainEntry {
  /** The program as it is run (a path when PATH could hold a different one); none for a library. */
  command?: string;
  /** Files that must exist for it to work (libraries, headers, targets). */
  files?: string[];
  debianPackage: string;
  /** Extra packages needed alongside (headers, libraries). */
  alsoInstall?: string[];
  /** Which stage runs it (or "tests"). */
  usedBy: string;
}

/** Rust's core and compiler-builtins for `wasm32-unknown-unknown` (Debian's libstd-rust-dev-wasm32). */
export const RUST_WASM32_STD = "/usr/lib/rustlib/wasm32-unknown-unknown/lib";
/** The wasi-libc sysroot's C library (Debian's wasi-libc: headers in /usr/include/wasm32-wasi). */
export const WASI_LIBC = "/usr/lib/wasm32-wasi/libc.a";
/** compiler-rt builtins for wasm32 (Debian's libclang-rt-14-dev-wasm32). */
export const WASM32_BUILTINS =
  "/usr/lib/llvm-14/lib/clang/14.0.6/lib/wasi/libclang_rt.builtins-wasm32.a";

/** The programs the built-in stages run (and the tests' cache server). */
export const TOOLCHAIN: readonly ToolchainEntry[] = [
  { command: "clang", debianPackage: "clang", usedBy: "gale" },
  {
    // Debian's rustc, by path: a rustup toolchain earlier on PATH may lack the wasm32 target.
    command: "/usr/bin/rustc",
    files: [RUST_WASM32_STD],
    debianPackage: "rustc",
    alsoInstall: ["libstd-rust-dev-wasm32"],
    usedBy: "gale (Rust components)",
  },
  {
    files: [WASI_LIBC, WASM32_BUILTINS],
    debianPackage: "wasi-libc",
    alsoInstall: ["libclang-rt-14-dev-wasm32"],
    usedBy: 'gale (C components with libc = "wasi")',
  },
  { command: "wasm-ld", debianPackage: "lld", usedBy: "gale (clang's linker)" },
  { command: "wasm2c", debianPackage: "wabt", usedBy: "synth" },
  {
    command: "arm-none-eabi-gcc",
    files: ["/usr/lib/arm-none-eabi/include/stdlib.h"],
    debianPackage: "gcc-arm-none-eabi",
    alsoInstall: ["libnewlib-arm-none-eabi"],
    usedBy: "synth",
  },
  {
    command: "riscv64-unknown-elf-gcc",
    files: ["/usr/lib/picolibc/riscv64-unknown-elf/picolibc.specs"],
    debianPackage: "gcc-riscv64-unknown-elf",
    alsoInstall: ["picolibc-riscv64-unknown-elf"],
    usedBy: "synth (RV32 boards)",
  },
  { command: "qemu-system-arm", debianPackage: "qemu-system-arm", usedBy: "run" },
  {
    command: "qemu-system-riscv32",
    debianPackage: "qemu-system-misc",
    usedBy: "run (RV32 boards)",
  },
  {
    command: "gdb-multiarch",
    debianPackage: "gdb-multiarch",
    usedBy: "debug (gdb on the firmware in QEMU)",
  },
  { command: "nginx", debianPackage: "nginx", usedBy: "tests (the remote cache server)" },
  { command: "llvm-dwarfdump", debianPackage: "llvm", usedBy: "tests (the DWARF reader's oracle)" },
  {
    command: "csmith",
    files: ["/usr/include/csmith/random_inc.h"],
    debianPackage: "csmith",
    alsoInstall: ["libcsmith-dev"],
    usedBy: "tests (the firmware differential's generated programs)",
  },
  { command: "cvise", debianPackage: "cvise", usedBy: "tests (reducing a firmware difference)" },
];

/** Programs a pipeline may run without declaring them: the built-in toolchain. */
export const BUILTIN_PROGRAMS: ReadonlySet<string> = new Set(
  TOOLCHAIN.filter((t) => t.command && !t.usedBy.startsWith("tests")).map((t) => t.command!),
);

/**
 * How to get `command`, as a sentence for an error message.
 *
 * @example
 * ```ts
 * import { installHint } from "./toolchain.ts";
 * console.log(installHint("qemu-system-arm"));
 * // it comes from the Debian package qemu-system-arm: sudo apt-get install qemu-system-arm (…)
 * ```
 */
export function installHint(command: string): string {
  const entry = TOOLCHAIN.find((t) => t.command === command || t.files?.includes(command));
  if (!entry) return `install it, or fix the command in the pipeline file`;
  const pkgs = [entry.debianPackage, ...(entry.alsoInstall ?? [])].join(" ");
  return `it comes from the Debian package ${entry.debianPackage}: ` +
    `sudo apt-get install ${pkgs} (or run \`npx -y deno@2.9.6 task setup\` as root)`;
}

/**
 * The sentence for a program that is not installed, with how to get it.
 *
 * @example
 * ```ts
 * import { missingProgram } from "./toolchain.ts";
 * console.log(missingProgram("wasm2c"));
 * ```
 */
export function missingProgram(program: string): string {
  return `\`${program}\` is not installed (or not on PATH)\n  remedy: ${installHint(program)}`;
}

/**
 * The sentence for a program Deno's `--allow-run` does not list, with how to allow it.
 *
 * @example
 * ```ts
 * import { deniedProgram } from "./toolchain.ts";
 * console.log(deniedProgram("sh"));
 * ```
 */
export function deniedProgram(program: string): string {
  return `Deno is not allowed to run \`${program}\` (it is not in the task's --allow-run)\n` +
    `  remedy: if the pipeline file should run it, add it to --allow-run in deno.json and pass ` +
    `\`--allow-command ${program}\` to dissolve build`;
}
