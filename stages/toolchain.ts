/**
 * The built-in toolchain: every program Dissolve itself runs, the Debian
 * package that provides it and why. `tools/setup.ts` installs from this
 * table, and a missing program's error message quotes it, so the two never
 * disagree.
 *
 * @module
 */

/** A program and the Debian package that provides it. */
export interface ToolchainEntry {
  command: string;
  debianPackage: string;
  /** Extra packages needed alongside (headers, libraries). */
  alsoInstall?: string[];
  /** Which stage runs it (or "tests"). */
  usedBy: string;
}

/** The programs the built-in stages run (and the tests' cache server). */
export const TOOLCHAIN: readonly ToolchainEntry[] = [
  { command: "clang", debianPackage: "clang", usedBy: "gale" },
  { command: "wasm-ld", debianPackage: "lld", usedBy: "gale (clang's linker)" },
  { command: "wasm2c", debianPackage: "wabt", usedBy: "synth" },
  {
    command: "arm-none-eabi-gcc",
    debianPackage: "gcc-arm-none-eabi",
    alsoInstall: ["libnewlib-arm-none-eabi"],
    usedBy: "synth",
  },
  { command: "qemu-system-arm", debianPackage: "qemu-system-arm", usedBy: "run" },
  { command: "nginx", debianPackage: "nginx", usedBy: "tests (the remote cache server)" },
];

/** Programs a pipeline may run without declaring them: the built-in toolchain. */
export const BUILTIN_PROGRAMS: ReadonlySet<string> = new Set(
  TOOLCHAIN.filter((t) => !t.usedBy.startsWith("tests")).map((t) => t.command),
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
  const entry = TOOLCHAIN.find((t) => t.command === command);
  if (!entry) return `install it, or fix the command in the pipeline file`;
  const pkgs = [entry.debianPackage, ...(entry.alsoInstall ?? [])].join(" ");
  return `it comes from the Debian package ${entry.debianPackage}: ` +
    `sudo apt-get install ${pkgs} (or run \`npx -y deno@2.9.6 task setup\` as root)`;
}
