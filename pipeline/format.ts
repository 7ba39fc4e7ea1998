/**
 * The pipeline's shape: what `dissolve.toml` (and `definePipeline`)
 * describes, after validation and defaults.
 *
 * @module
 */
import type { Board } from "../stages/types.ts";
import type { ImageSpec } from "../stages/image/mod.ts";
import type { SynthOutputKind } from "../stages/synth/mod.ts";

export type { SynthOutputKind };

export type { ImageSpec };

/** One component the pipeline builds. */
export interface ComponentSpec {
  name: string;
  /** Source files, relative to the pipeline file's directory. */
  sources: string[];
  /** A custom compile command (argv, `{out}` / `{sources}` placeholders); default clang. */
  compile?: string[];
  /** `c` (clang, the default) or `rust` (Debian's rustc, a `no_std` crate: sources[0] is its root). */
  language: "c" | "rust";
  /** `none` (the default) or `wasi`: compile C against wasi-libc, with compiler-rt builtins. */
  libc: "none" | "wasi";
  wit: string;
  world: string;
  /** Core imports passed through as embedder imports (`module::field`). */
  embedderImports: string[];
  /** Native stack of the component's core module, in bytes. */
  stackBytes: number;
}

/** Fuse options. */
export interface FuseSpec {
  /** `shared` (one domain), `domains` (one memory per isolation domain), `multi` or `auto`. */
  memory: "shared" | "domains" | "multi" | "auto";
  /**
   * Isolation domains (`[[domain]]`): components that share one memory; a
   * component not named is a domain of its own. Only with `memory = "domains"`.
   */
  domains?: { name: string; components: string[]; arenaBytes?: number; stackBytes?: number }[];
  pack: boolean;
  arenaBytes: number;
  /** One shadow stack for all modules (the MCU default). */
  shareStack: boolean;
  /** Bytes of the shared stack (default: the largest module's). */
  stackBytes?: number;
  /** Slots of each component's handle table (default 64). */
  handleSlots?: number;
  /** The async scheduler's task and waitable records (defaults 16 and 32; only when async). */
  asyncTasks?: number;
  asyncWaitables?: number;
  passthrough: string[];
  hostImports: string[];
}

/** Loom options. */
export interface LoomSpec {
  tool: "auto" | "loom" | "binaryen" | "none";
  level: number;
  shrink: number;
  passes?: string[];
}

/** Synth options. */
export interface SynthSpec {
  backend: "auto" | "builtin" | "synth";
  boards: string[];
  entry: string;
  entryResult: "string" | "u32" | "none";
  optLevel: string;
  /** The native stack; unset: sized from the stack bound synth proves. */
  stackBytes?: number;
  /** Paint the stacks and report their high-water marks from the run (default true). */
  measureStack: boolean;
  /** `elf` (standalone image, the default) and / or `object` (firmware.o + firmware.h for your image). */
  output: SynthOutputKind[];
  command?: string[];
}

/** Run options. */
export interface RunSpec {
  emulator: "qemu" | "none";
  expectOutput?: string;
  expectExitCode: number;
  timeoutMs: number;
}

/** A validated, normalized pipeline. */
export interface Pipeline {
  name: string;
  /** Directory relative paths are resolved against. */
  baseDir: string;
  /** The file it came from, if any (for messages). */
  file?: string;
  components: ComponentSpec[];
  /** Boards the file declares (`[board.NAME]`), by name; the built-in boards are not here. */
  boards?: Record<string, Board>;
  fuse: FuseSpec;
  loom: LoomSpec;
  synth: SynthSpec;
  /** Your own image (`[image]`), linked with synth's firmware.o and booted by the run stage. */
  image?: ImageSpec;
  run: RunSpec;
}

/** A workspace file: several pipelines built together. */
export interface Workspace {
  members: string[];
  file: string;
}
