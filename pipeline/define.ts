/**
 * `definePipeline`: the TypeScript form of `dissolve.toml`, for scripted
 * builds. It takes the same structure (the same keys) and validates it the
 * same way.
 *
 * @module
 */
import type { Pipeline } from "./format.ts";
import type { Input } from "../stages/settings.ts";
import type {
  COMPONENT_SETTINGS,
  DOMAIN_SETTINGS,
  FUSE_SETTINGS,
  IMAGE_SETTINGS,
  LOOM_SETTINGS,
  PIPELINE_SETTINGS,
  RUN_SETTINGS,
  SYNTH_SETTINGS,
} from "./sections.ts";
import { normalizePipeline } from "./schema.ts";

/** The pipeline structure, as written in `dissolve.toml`: each table's keys as its stage declares them. */
export interface PipelineInput {
  pipeline: Input<typeof PIPELINE_SETTINGS>;
  component: Input<typeof COMPONENT_SETTINGS>[];
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
  domain?: Input<typeof DOMAIN_SETTINGS>[];
  fuse?: Input<typeof FUSE_SETTINGS>;
  loom?: Input<typeof LOOM_SETTINGS>;
  synth: Input<typeof SYNTH_SETTINGS>;
  image?: Input<typeof IMAGE_SETTINGS>;
  run?: Input<typeof RUN_SETTINGS>;
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
 * console.log(p.fuse.memory); // "auto"
 * ```
 */
export function definePipeline(input: PipelineInput, baseDir = Deno.cwd()): Pipeline {
  return normalizePipeline(
    input as unknown as Record<string, unknown>,
    "definePipeline()",
    baseDir,
  );
}
