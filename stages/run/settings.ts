/**
 * The run stage's settings (`[run]` in the pipeline file), declared once:
 * validation, types, defaults and the README's table derive from here.
 *
 * @example
 * ```ts
 * import { RUN_SETTINGS } from "./settings.ts";
 * console.log(RUN_SETTINGS["timeout-ms"].default); // 10000
 * ```
 *
 * @module
 */
import { integer, oneOf, string } from "../settings.ts";

/** `[run]`: boot the firmware and check what it printed. */
export const RUN_SETTINGS = {
  emulator: oneOf(["qemu", "none"], "qemu", "boot in QEMU, or only build"),
  "expect-output": string("what the firmware must print", { defaultDoc: "anything" }),
  "expect-exit-code": integer("the exit status it must end with", { min: 0, default: 0 }),
  "timeout-ms": integer("how long it may run", { min: 1, default: 10000 }),
} as const;
