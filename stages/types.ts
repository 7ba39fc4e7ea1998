/**
 * The contracts between stages: what each stage takes and gives back.
 *
 * Stages are plain async functions; the pipeline runner (pipeline/) plans
 * them, caches their outputs by content and reports progress. A stage never
 * writes into `build/` itself: it returns bytes, and the runner writes them
 * atomically.
 *
 * @module
 */

/** An external tool a stage ran, with the version it reported (for the build manifest). */
export interface ToolVersion {
  name: string;
  version: string;
}

/** What every stage receives from the runner. */
export interface StageContext {
  /** A private scratch directory for this stage run (removed by the runner afterwards). */
  scratchDir: string;
  /** Directory relative paths in the pipeline are resolved against. */
  baseDir: string;
  /** Progress / diagnostic lines for the user (not the stage's result). */
  log(line: string): void;
}

/** A component after gale. */
export interface GaleOutput {
  /** The component binary. */
  component: Uint8Array;
  /** The core module the component was made from (after passthrough renaming). */
  coreModule: Uint8Array;
  /** The bindings generated from its WIT world (file name → text). */
  bindings: { name: string; text: string }[];
  tools: ToolVersion[];
}

/** A named component, as fuse takes it. */
export interface NamedComponent {
  name: string;
  bytes: Uint8Array;
}

/** The instruction sets synth builds for: Cortex-M (Thumb) and RV32. */
export type Arch = "arm" | "riscv32";

/** A board profile: CPU, QEMU machine, memory map. */
export interface Board {
  name: string;
  /** The instruction set: its toolchain, C library, startup and emulator. */
  arch: Arch;
  cpu: string;
  /** Compiler flags selecting the CPU and its float ABI (hard-float where it has an FPU). */
  cflags: string[];
  /** The QEMU machine that models the board; a board declared without one is built, not booted. */
  qemuMachine?: string;
  flash: { origin: number; size: number };
  ram: { origin: number; size: number };
}

/** Sizes of the linked image, and how much of the board they use. */
export interface SizeReport {
  text: number;
  data: number;
  /** Zero-initialised RAM, without the stack. */
  bss: number;
  /** The native stack reserved at the bottom of RAM. */
  stack: number;
  flashUsed: number;
  flashTotal: number;
  ramUsed: number;
  ramTotal: number;
  /** The flashable images made beside the ELF (`[synth] output`): file, size, load address. */
  flashable?: { file: string; bytes: number; origin: number }[];
  /**
   * Each stack's worst case proven at build time (built-in backend): the native stack from the
   * reset path, the wasm shadow stack from the exports. `unbounded` says why there is none.
   */
  stackBounds?: {
    native: { bytes: number; chain: string[]; unbounded?: string };
    wasm?: { bytes: number; chain: string[]; unbounded?: string };
  };
  /** Bytes by origin (flash, RAM, wasm code per component), where the backend knows them. */
  breakdown?: {
    flash: Record<string, number>;
    ram: Record<string, number>;
    wasmCode: Record<string, number>;
  };
}

/**
 * One run of a stage as the pipeline's executor calls it: the stage's
 * settings (its pipeline section, with tools already resolved), the bytes
 * of its inputs by name, and the runner's context.
 */
export interface StageRun<S> {
  settings: S;
  inputs: Record<string, Uint8Array>;
  ctx: StageContext;
}

/**
 * What a stage produced: outputs by logical name, metadata the manifest and
 * later stages read (JSON), and a one-line detail for the progress view.
 */
export interface StageProduct<M extends object = Record<string, unknown>> {
  outputs: Record<string, Uint8Array>;
  /** JSON the manifest and the build result read (the cache keeps it with the outputs). */
  meta: M;
  detail?: string;
}

/**
 * The shape of every `stages/<name>/stage.ts`: `produce` makes the outputs,
 * `gate` checks them before anything downstream may use them.
 */
export interface StageModule<S, M extends object = Record<string, unknown>> {
  produce(run: StageRun<S>): Promise<StageProduct<M>>;
  gate(product: StageProduct<M>, run: StageRun<S>): void | Promise<void>;
}

/** A row's input: a file of the project, or another row's output. */
export type InputRef =
  | { name: string; file: string }
  | { name: string; stage: string; output: string };

/**
 * One run of a stage as its `plan` describes it: the pipeline adds the
 * stage itself and runs the row.
 */
export interface PlannedRow<S> {
  /** Unique in the table: `gale:app`, `synth:lm3s6965evb`. */
  id: string;
  /** The board a per-board row builds for (synth, image, run). */
  board?: string;
  inputs: InputRef[];
  /** Everything else that determines the outputs (no absolute paths): what `produce` takes. */
  settings: S;
  /** External programs the stage runs (their identities join the key). */
  tools: string[];
  /** Output name → path under `build/<pipeline>/`. */
  outputs: Record<string, string>;
}
