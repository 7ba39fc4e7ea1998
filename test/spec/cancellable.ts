/**
 * The `cancellable` immediate of `waitable-set.wait`, `waitable-set.poll`
 * and the thread built-ins. The reference tests (and the spec snapshot in
 * `../shared`) still have it; the wasm-tools that jco ships no longer reads
 * it ("no longer supported after component-model#716"). Its binary encoding
 * is the flag byte each of these built-ins already carries, so a test's text
 * is parsed without the word and the flag is set in the binary, on the same
 * built-ins in the same order, through our own codec.
 *
 * @module
 */
import type { Component } from "../../wasm/component/mod.ts";
import { decodeComponent, encodeComponent } from "../../wasm/component/mod.ts";

const CANCELLABLE =
  /\(canon\s+(waitable-set\.wait|waitable-set\.poll|thread\.[a-z-]+)(\s+cancellable)?/g;

/**
 * Parses `wat` with `parse`, giving the `cancellable` immediates it has to
 * the binary itself.
 *
 * @example
 * ```ts ignore
 * import { parseCancellable } from "./cancellable.ts";
 * const bytes = await parseCancellable(text, parseWat);
 * ```
 */
export async function parseCancellable(
  wat: string,
  parse: (wat: string) => Promise<Uint8Array>,
): Promise<Uint8Array> {
  const flags: boolean[] = [];
  const stripped = wat.replace(CANCELLABLE, (_m, name: string, word?: string) => {
    flags.push(!!word);
    return `(canon ${name}`;
  });
  const binary = await parse(stripped);
  if (!flags.some((f) => f)) return binary;
  const component = decodeComponent(binary);
  let next = 0;
  const mark = (c: Component): boolean => {
    let changed = false;
    for (const s of c.sections) {
      if (s.id === "component" && mark(s.component)) {
        delete s.raw;
        changed = true;
      }
      if (s.id !== "canon") continue;
      for (const canon of s.canons) {
        if (canon.kind !== "builtin" || !/^(waitable-set\.(wait|poll)|thread\.)/.test(canon.name)) {
          continue;
        }
        if (flags[next++] && canon.immediates.length > 0) {
          canon.immediates[0] = 1;
          delete s.raw;
          changed = true;
        }
      }
    }
    return changed;
  };
  mark(component);
  return encodeComponent(component);
}
