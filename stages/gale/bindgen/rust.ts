/**
 * `no_std` Rust bindings for a WIT world (placeholder until the generator lands).
 *
 * @module
 */
import type { WitWorld } from "../../../wasm/wit/mod.ts";
import type { BindingOptions, GeneratedFile } from "./options.ts";
import { snake } from "./names.ts";

/** Generates the Rust bindings of `world`. */
export function generateRust(world: WitWorld, _options: BindingOptions): GeneratedFile[] {
  return [{ name: `${snake(world.name)}.rs`, text: "" }];
}
