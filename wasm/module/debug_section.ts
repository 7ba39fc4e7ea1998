/**
 * `dissolve.debug`: a fused module's debug info, as fuse writes it and
 * synth reads it. Lines are attached to a function and an instruction's
 * ordinal in its body (stable under index renumbering); variables to an
 * address of one of the module's memories.
 *
 * @module
 */
import type { CoreModule } from "./model.ts";
import type { DwarfType } from "../dwarf/mod.ts";

/** The custom section that carries a fused module's debug info (JSON). */
export const DEBUG_SECTION = "dissolve.debug";

/** A fused module's debug info. */
export interface DebugInfo {
  /** Source files, as the compilers named them (relative to each pipeline's directory). */
  files: string[];
  /** Per fused function: where each run of instructions comes from, `[ordinal, file, line]`. */
  functions: { func: number; lines: [ordinal: number, file: number, line: number][] }[];
  /** Variables at fixed addresses of a memory of the fused module. */
  variables: {
    name: string;
    component: string;
    memory: number;
    address: number;
    type: DwarfType;
  }[];
  /**
   * Each component, whether any of its modules carried debug info, and why
   * not when none did (no DWARF, or DWARF the reader does not take).
   */
  components: { name: string; debug: boolean; reason?: string }[];
}

/**
 * The `dissolve.debug` section's payload.
 *
 * @example
 * ```ts
 * import { decodeDebugInfo, encodeDebugInfo } from "./debug_section.ts";
 * const info = { files: ["app.c"], functions: [], variables: [], components: [] };
 * console.log(decodeDebugInfo(encodeDebugInfo(info)).files); // [ "app.c" ]
 * ```
 */
export function encodeDebugInfo(info: DebugInfo): Uint8Array {
  return new TextEncoder().encode(JSON.stringify(info));
}

/**
 * Reads a `dissolve.debug` payload back.
 *
 * @example
 * ```ts
 * import { decodeDebugInfo } from "./debug_section.ts";
 * const bytes = new TextEncoder().encode('{"files":[],"functions":[],"variables":[],"components":[]}');
 * console.log(decodeDebugInfo(bytes).functions.length); // 0
 * ```
 */
export function decodeDebugInfo(data: Uint8Array): DebugInfo {
  return JSON.parse(new TextDecoder().decode(data)) as DebugInfo;
}

/**
 * A fused module's debug info, if it carries any.
 *
 * @example
 * ```ts
 * import { debugInfoOf } from "./debug_section.ts";
 * console.log(debugInfoOf({ kind: "module", sections: [] })); // undefined
 * ```
 */
export function debugInfoOf(m: CoreModule): DebugInfo | undefined {
  const s = m.sections.find((x) => x.id === "custom" && x.name === DEBUG_SECTION);
  return s?.id === "custom" ? decodeDebugInfo(s.data) : undefined;
}
