/**
 * run as a pipeline stage: boot the ELF in QEMU and check what the guest
 * printed and its exit code (the check is the gate: a mismatch throws).
 *
 * Input `firmware.elf`; output `record` (run.json: stdout, exit code, stack
 * high-water marks).
 *
 * @module
 */
import type { StageProduct, StageRun } from "../types.ts";
import { runQemu, type RunSpec, type StackUse } from "./qemu.ts";

/** What a boot hands the build result: the guest's output, exit code and stack use. */
export interface RunMeta {
  run: { stdout: string; exitCode: number; stack?: StackUse };
}

/**
 * Boots the firmware.
 *
 * @example
 * ```ts
 * import { produce } from "./stage.ts";
 * const out = await produce({
 *   settings: { board: "lm3s6965evb", expectOutput: "Hello from a fused component!\n" },
 *   inputs: { "firmware.elf": await Deno.readFile("build/hello/lm3s6965evb/firmware.elf") },
 *   ctx: { scratchDir: await Deno.makeTempDir(), baseDir: ".", log: console.log },
 * });
 * console.log(out.detail);
 * ```
 */
export async function produce(run: StageRun<RunSpec>): Promise<StageProduct<RunMeta>> {
  const elfPath = `${run.ctx.scratchDir}/firmware.elf`;
  await Deno.writeFile(elfPath, run.inputs["firmware.elf"]);
  const r = await runQemu(elfPath, run.settings);
  const record = { stdout: r.stdout, exitCode: r.exitCode, ...(r.stack ? { stack: r.stack } : {}) };
  const stack = r.stack
    ? `; stack high-water: native ${r.stack.native} B${
      r.stack.wasm === undefined ? "" : `, wasm ${r.stack.wasm} B`
    }`
    : "";
  return {
    outputs: { record: new TextEncoder().encode(JSON.stringify(record, null, 2)) },
    meta: { run: record },
    detail: `exit ${r.exitCode}: ${JSON.stringify(r.stdout.trim())}${stack}`,
  };
}

/**
 * Nothing left to check: `runQemu` already compared the output and exit
 * code with the pipeline's expectations.
 *
 * @example
 * ```ts
 * import { gate } from "./stage.ts";
 * gate();
 * ```
 */
export function gate(): void {}
