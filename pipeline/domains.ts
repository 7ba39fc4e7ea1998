/**
 * Isolation domains in the pipeline file (`[[domain]]`).
 *
 * @module
 */
import type { Values } from "../stages/settings.ts";
import { suggest } from "../stages/settings.ts";
import { DOMAIN_SETTINGS } from "./sections.ts";
import { PipelineError } from "./errors.ts";
import { readSection } from "./read_section.ts";

/** One domain, normalized. */
export type DomainSpec = Values<typeof DOMAIN_SETTINGS>;

/**
 * `[[domain]]` tables: each names components of the pipeline, each component
 * in at most one domain, under distinct names; only with `memory = "domains"`
 * (the default when domains are declared).
 *
 * @example
 * ```ts
 * import { checkDomains } from "./domains.ts";
 * const d = checkDomains("f", [{ name: "k", components: ["queue"] }], new Set(["queue", "app"]), undefined);
 * console.log(d); // [{ name: "k", components: ["queue"] }]
 * ```
 */
export function checkDomains(
  file: string,
  raw: unknown,
  components: Set<string>,
  memory: string | undefined,
): DomainSpec[] | undefined {
  if (raw === undefined) return undefined;
  if (!Array.isArray(raw)) {
    throw new PipelineError(file, "domain", "must be an array of tables: write [[domain]]");
  }
  if (memory !== undefined && memory !== "domains") {
    throw new PipelineError(
      file,
      "fuse.memory",
      `is "${memory}", but [[domain]] tables are declared: domains need memory = "domains" ` +
        `(the default when domains are declared); drop fuse.memory or the domains`,
    );
  }
  const names = new Set<string>();
  const holder = new Map<string, string>();
  return raw.map((d, i) => {
    const o = readSection(file, `domain[${i}]`, d, DOMAIN_SETTINGS);
    const name = o.name;
    if (!/^[a-z][a-z0-9_-]*$/.test(name)) {
      throw new PipelineError(
        file,
        `domain[${i}].name`,
        `"${name}" must be lowercase letters, digits, - and _ (starting with a letter)`,
      );
    }
    if (names.has(name)) {
      throw new PipelineError(file, `domain[${i}].name`, `"${name}" is used twice`);
    }
    names.add(name);
    const members = o.components;
    members.forEach((c, j) => {
      if (!components.has(c)) {
        throw new PipelineError(
          file,
          `domain[${i}].components[${j}]`,
          `"${c}" is not a component of this pipeline; ${suggest(c, components)}`,
        );
      }
      const other = holder.get(c);
      if (other !== undefined) {
        throw new PipelineError(
          file,
          `domain[${i}].components[${j}]`,
          `"${c}" is already in domain "${other}": a component belongs to one domain`,
        );
      }
      holder.set(c, name);
    });
    return o;
  });
}
