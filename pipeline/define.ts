/**
 * `definePipeline`: the TypeScript form of `dissolve.toml`, for scripted
 * builds. It takes the same structure (the same keys) and validates it the
 * same way.
 *
 * @module
 */
import type { Pipeline, SynthOutputKind } from "./format.ts";
import { normalizePipeline } from "./schema.ts";

/** The pipeline structure, as written in `dissolve.toml`. */
export interface PipelineInput {
  pipeline: { name: string; "source-roots"?: string[] };
  component: {
    name: string;
    sources: string[];
    compile?: string[];
    language?: "c" | "rust";
    libc?: "none" | "wasi";
    wit: string;
    world: string;
    "embedder-imports"?: string[];
    "stack-bytes"?: number;
  }[];
  /** Boards declared beside the built-in ones (`[board.NAME]`); sizes in bytes or "512K". */
  board?: Record<string, {
    cpu: string;
    fpu?: string;
    "float-abi"?: "soft" | "softfp" | "hard";
    flash: { origin: number; size: number | string };
    ram: { origin: number; size: number | string };
    "qemu-machine"?: string;
  }>;
  /** Isolation domains (`[[domain]]`), with `fuse.memory = "domains"`. */
  domain?: {
    name: string;
    components: string[];
    "arena-bytes"?: number;
    "stack-bytes"?: number;
  }[];
  fuse?: {
    memory?: "shared" | "domains" | "multi" | "auto";
    pack?: boolean;
    "arena-bytes"?: number;
    "share-stack"?: boolean;
    "stack-bytes"?: number;
    "handle-slots"?: number;
    "async-tasks"?: number;
    "async-waitables"?: number;
    passthrough?: string[];
    "host-imports"?: string[];
  };
  loom?: {
    tool?: "auto" | "loom" | "binaryen" | "none";
    level?: number;
    shrink?: number;
    passes?: string[];
  };
  synth: {
    backend?: "auto" | "builtin" | "synth";
    board?: string;
    boards?: string[];
    entry: string;
    "entry-result"?: "string" | "u32" | "none";
    "opt-level"?: string;
    "stack-bytes"?: number;
    "measure-stack"?: boolean;
    output?: SynthOutputKind[];
    command?: string[];
  };
  image?: {
    sources: string[];
    "linker-script": string;
    "include-dirs"?: string[];
    cflags?: string[];
    ldflags?: string[];
  };
  run?: {
    emulator?: "qemu" | "none";
    "expect-output"?: string;
    "expect-exit-code"?: number;
    "timeout-ms"?: number;
  };
}

/**
 * Validates a pipeline given in TypeScript; relative paths resolve against `baseDir`.
 *
 * @example
 * ```ts
 * import { definePipeline } from "./define.ts";
 * const p = definePipeline({
 *   pipeline: { name: "hello" },
 *   component: [{ name: "hello", sources: ["hello.c"], wit: "hello.wit", world: "hello" }],
 *   synth: { entry: "greet", boards: ["lm3s6965evb"] },
 *   run: { "expect-output": "Hello from a fused component!\n" },
 * }, "examples/hello");
 * console.log(p.fuse.memory); // "shared"
 * ```
 */
export function definePipeline(input: PipelineInput, baseDir = Deno.cwd()): Pipeline {
  return normalizePipeline(
    input as unknown as Record<string, unknown>,
    "definePipeline()",
    baseDir,
  );
}
