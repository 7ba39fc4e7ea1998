/**
 * Naming the offender of a trap in a fused module run under V8 (Deno,
 * Node, a browser): the function V8's stack names (`wasm-function[N]`),
 * the component fuse's function names give it, and the isolation domain
 * the module's `dissolve.memories` section puts that component in. On the
 * firmware, synth's runtime says the same for an out-of-bounds access.
 *
 * @module
 */
import type { CoreModule } from "../module/model.ts";
import { decodeNameSection } from "../module/custom.ts";
import { memoryOwners } from "../module/memory_owners.ts";

/** Where a trap happened, as far as the module's names tell. */
export interface TrapSite {
  /** V8's message (`memory access out of bounds`). */
  reason: string;
  /** The trapping function's index and its name in the fused module. */
  func: number;
  name?: string;
  /** Byte offset of the trapping instruction in the module. */
  offset: number;
  /** The component whose code trapped (fused functions are named `component/module::name`). */
  component?: string;
  /** The component's isolation domain, when the module has several memories. */
  domain?: string;
}

/** `at NAME (wasm://wasm/…:wasm-function[N]:0xOFF)`; NAME is V8's, from the name section. */
const FRAME = /at (?:(\S+) \()?wasm:\/\/[^\s)]*:wasm-function\[(\d+)\]:0x([0-9a-f]+)/;

/**
 * Finds the innermost wasm frame of a V8 trap and names its component and domain.
 *
 * @example
 * ```ts
 * import { locateTrap } from "./trap.ts";
 * const e = new WebAssembly.RuntimeError("memory access out of bounds");
 * e.stack = "RuntimeError: memory access out of bounds\n    at app/module0::run (wasm://wasm/1:wasm-function[3]:0x2a)";
 * console.log(locateTrap(e, { kind: "module", sections: [] })?.component); // "app"
 * ```
 */
export function locateTrap(error: unknown, module: CoreModule): TrapSite | undefined {
  if (!(error instanceof WebAssembly.RuntimeError)) return undefined;
  const m = FRAME.exec(error.stack ?? "");
  if (!m) return undefined;
  const func = Number(m[2]);
  const site: TrapSite = { reason: error.message, func, offset: parseInt(m[3], 16) };
  // V8 names the frame from the name section; its index is not always the module's.
  const names = module.sections.find((s) => s.id === "custom" && s.name === "name");
  const name = m[1] ??
    (names?.id === "custom" ? decodeNameSection(names.data, [1]).functions.get(func) : undefined);
  if (name === undefined) return site;
  site.name = name;
  // Module code is `component/moduleN::function`; fuse's own code is `kind:component…`.
  const slash = name.indexOf("/");
  const head = name.slice(0, Math.max(slash, 0));
  const component = slash > 0 && !head.includes(":") ? head : undefined;
  if (component === undefined) return site;
  site.component = component;
  const owner = memoryOwners(module)?.find((o) => o.components.includes(component));
  if (owner) site.domain = owner.domain;
  return site;
}

/**
 * A trap as one line, like the firmware's:
 * `dissolve: trap: memory access out of bounds in component "scanner" (domain scanner), in scanner/module0::run at 0x1a4`.
 *
 * @example
 * ```ts
 * import { describeTrap } from "./trap.ts";
 * console.log(describeTrap({ reason: "unreachable", func: 2, offset: 16 }));
 * ```
 */
export function describeTrap(site: TrapSite): string {
  const who = site.component === undefined
    ? ""
    : ` in component ${JSON.stringify(site.component)}${
      site.domain === undefined ? "" : ` (domain ${site.domain})`
    }`;
  const where = site.name ?? `function ${site.func}`;
  return `dissolve: trap: ${site.reason}${who}, in ${where} at 0x${site.offset.toString(16)}`;
}
