/**
 * Names the generators give WIT items, after wit-bindgen's conventions so a
 * user can move between the two: `ns:pkg/iface` → `ns_pkg_iface` (imports)
 * and `exports_ns_pkg_iface` (exports); kebab-case → snake_case.
 *
 * @module
 */
import type { WitDirection, WitItem, WitWorld } from "../../../wasm/wit/mod.ts";

/**
 * `kebab-case` → `snake_case`.
 *
 * @example
 * ```ts
 * import { snake } from "./names.ts";
 * console.log(snake("queue-provider")); // queue_provider
 * ```
 */
export function snake(name: string): string {
  return name.replace(/-/g, "_").toLowerCase();
}

/** `kebab-case` → `UpperCamelCase` (Rust type names). */
export function camel(name: string): string {
  return name.split("-").map((p) => p.charAt(0).toUpperCase() + p.slice(1)).join("");
}

/** An interface's path without its version: `ns:pkg/iface@1.0` → `ns_pkg_iface`. */
function interfacePath(name: string): string {
  return snake(name.replace(/@.*$/, "").replace(/[:/.]/g, "_"));
}

/**
 * The C prefix of an interface's functions and types, as wit-bindgen spells
 * it: imports by path, exports with `exports_`; an inline interface (no
 * package) under the world's name.
 *
 * @example
 * ```ts
 * import { interfacePrefix } from "./names.ts";
 * console.log(interfacePrefix("app", "pulseengine:kernel/queue", "export")); // exports_pulseengine_kernel_queue
 * ```
 */
export function interfacePrefix(world: string, iface: string, direction: WitDirection): string {
  const path = iface.includes(":") ? interfacePath(iface) : `${snake(world)}_${snake(iface)}`;
  return direction === "export" ? `exports_${path}` : path;
}

/** The prefix of an owner (`""` is the world) in the C bindings. */
export function ownerPrefix(world: WitWorld, owner: string): string {
  if (owner === "") return snake(world.name);
  const item = world.items.find((i) => i.kind === "interface" && i.name === owner);
  return interfacePrefix(world.name, owner, item?.direction ?? "import");
}

/** The direction of an owner: the world's own items count as imports for types. */
export function ownerDirection(world: WitWorld, owner: string): WitDirection {
  const item = world.items.find((i): i is WitItem & { kind: "interface" } =>
    i.kind === "interface" && i.name === owner
  );
  return item?.direction ?? "import";
}

/** The core module name of an imported interface (legacy naming `component new` accepts). */
export function importModule(item: WitItem): string {
  return item.kind === "interface" ? item.name : "$root";
}

/** The core export name of an exported function. */
export function exportName(item: WitItem, func: string): string {
  return item.kind === "interface" ? `${item.name}#${func}` : func;
}
