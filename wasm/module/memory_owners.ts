/**
 * The `dissolve.memories` custom section: who owns each linear memory of a
 * fused module with several (one per isolation domain), and how many bytes
 * of it are used. fuse writes it; synth reads it to give each memory a
 * static array of its used size and to name the offender of an
 * out-of-bounds access; the run stage reads it to name the component whose
 * code trapped under V8.
 *
 * The payload is UTF-8 JSON, one entry per memory in index order:
 * `[{"domain":"app","components":["app"],"bytes":1232}, …]`.
 *
 * @module
 */
import type { CoreModule } from "./model.ts";

/** The section's name. */
export const MEMORY_OWNERS_SECTION = "dissolve.memories";

/** One memory's owners and used extent. */
export interface MemoryOwner {
  /** The isolation domain the memory belongs to. */
  domain: string;
  /** The components whose data the memory holds. */
  components: string[];
  /** Bytes from 0 that the module can use (data, stacks, heap, arena); accesses above trap. */
  bytes: number;
}

/**
 * Encodes the section's payload.
 *
 * @example
 * ```ts
 * import { decodeMemoryOwners, encodeMemoryOwners } from "./memory_owners.ts";
 * const data = encodeMemoryOwners([{ domain: "app", components: ["app"], bytes: 1024 }]);
 * console.log(decodeMemoryOwners(data)[0].bytes); // 1024
 * ```
 */
export function encodeMemoryOwners(owners: readonly MemoryOwner[]): Uint8Array {
  return new TextEncoder().encode(JSON.stringify(owners));
}

/**
 * Decodes the section's payload; throws an Error saying what is malformed.
 *
 * @example
 * ```ts
 * import { decodeMemoryOwners } from "./memory_owners.ts";
 * try {
 *   decodeMemoryOwners(new TextEncoder().encode("[{}]"));
 * } catch (e) {
 *   console.log((e as Error).message); // dissolve.memories: entry 0 …
 * }
 * ```
 */
export function decodeMemoryOwners(data: Uint8Array): MemoryOwner[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(data));
  } catch (e) {
    throw new Error(`${MEMORY_OWNERS_SECTION}: not UTF-8 JSON (${(e as Error).message})`);
  }
  if (!Array.isArray(parsed)) throw new Error(`${MEMORY_OWNERS_SECTION}: not a JSON array`);
  return parsed.map((e, i) => {
    const ok = typeof e === "object" && e !== null && typeof e.domain === "string" &&
      Array.isArray(e.components) && e.components.every((c: unknown) => typeof c === "string") &&
      Number.isInteger(e.bytes) && e.bytes >= 0;
    if (!ok) {
      throw new Error(
        `${MEMORY_OWNERS_SECTION}: entry ${i} is not {domain: string, components: string[], bytes: integer ≥ 0}`,
      );
    }
    return { domain: e.domain, components: [...e.components], bytes: e.bytes };
  });
}

/**
 * The module's memory owners, or undefined when it has no such section.
 *
 * @example
 * ```ts
 * import { memoryOwners } from "./memory_owners.ts";
 * console.log(memoryOwners({ kind: "module", sections: [] })); // undefined
 * ```
 */
export function memoryOwners(m: CoreModule): MemoryOwner[] | undefined {
  for (const s of m.sections) {
    if (s.id === "custom" && s.name === MEMORY_OWNERS_SECTION) return decodeMemoryOwners(s.data);
  }
  return undefined;
}

/**
 * How a trap message names a memory's owner: `component "app" (domain app)`,
 * or `components "sem", "queue" (domain kernel)`.
 *
 * @example
 * ```ts
 * import { describeOwner } from "./memory_owners.ts";
 * console.log(describeOwner({ domain: "app", components: ["app"], bytes: 0 }));
 * ```
 */
export function describeOwner(o: MemoryOwner): string {
  const names = o.components.map((c) => JSON.stringify(c)).join(", ");
  return `${o.components.length === 1 ? "component" : "components"} ${names} (domain ${o.domain})`;
}
