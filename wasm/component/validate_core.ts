/**
 * Validation of the core modules a component holds, with the engine's own
 * validator as the oracle (`WebAssembly.validate`, V8 in Deno): a nested
 * module whose code does not type-check is refused before fusing, with
 * V8's message and byte offset (within that module).
 *
 * @module
 */
import { BinaryReader } from "../reader.ts";
import { encodeModule } from "../module/encode.ts";
import type { Component, ComponentSection } from "./model.ts";
import type { ValidationError } from "./validate_types.ts";

/** The module's own bytes: a section's raw bytes without its id and size, else re-encoded. */
function moduleBytes(s: ComponentSection & { id: "core module" }): Uint8Array {
  if (!s.raw) return encodeModule(s.module);
  const r = new BinaryReader(s.raw);
  r.u8("the section id");
  r.u32("the section size");
  return s.raw.subarray(r.pos);
}

/** Why `bytes` is not a valid core module, in the engine's words, or undefined. */
function engineError(bytes: Uint8Array): string | undefined {
  if (WebAssembly.validate(bytes as BufferSource)) return undefined;
  try {
    new WebAssembly.Module(bytes as BufferSource);
    return "the engine's validator refused it";
  } catch (e) {
    // V8 writes offsets as `@+N`; say what they are.
    const message = e instanceof Error ? e.message : String(e);
    return message.replace(/^WebAssembly\.Module\(\): /, "")
      .replace(/@\+(\d+)/g, "at byte offset $1 of the module");
  }
}

/**
 * The first core module of `component` (nested components included) that
 * the engine's validator refuses, or undefined. `where` names the
 * component.
 *
 * @example
 * ```ts
 * import { validateCoreModules } from "./validate_core.ts";
 * console.log(validateCoreModules({ kind: "component", sections: [] }, "app")); // undefined
 * ```
 */
export function validateCoreModules(
  component: Component,
  where: string,
): ValidationError | undefined {
  let modules = 0, components = 0;
  for (const s of component.sections) {
    if (s.id === "core module") {
      const why = engineError(moduleBytes(s));
      if (why) {
        return {
          message: `core module does not validate (V8): ${why}`,
          where: `${where}/module${modules}`,
        };
      }
      modules++;
    } else if (s.id === "component") {
      const err = validateCoreModules(s.component, `${where} → component ${components++}`);
      if (err) return err;
    }
  }
  return undefined;
}
