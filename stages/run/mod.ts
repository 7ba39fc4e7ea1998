/**
 * The run stage: the firmware booted in QEMU, its output and exit status
 * checked. This module only re-exports; `qemu.ts` boots, `stage.ts` is the
 * pipeline stage, `settings.ts` its settings.
 *
 * @example
 * ```ts
 * import { runQemu } from "./mod.ts";
 * const r = await runQemu("build/hello/lm3s6965evb/firmware.elf", { board: "lm3s6965evb" });
 * console.log(r.stdout);
 * ```
 *
 * @module
 */
export {
  type QemuBoot,
  qemuCommand,
  RunMismatch,
  type RunOutput,
  runQemu,
  type RunSpec,
  splitStackReport,
  type StackUse,
} from "./qemu.ts";
export { RUN_SETTINGS } from "./settings.ts";
export { planRun } from "./plan.ts";
export { debugFirmware, type GdbSession } from "./gdb.ts";
