/**
 * What fuse checks around the merge, and the errors it gives: domains that
 * name the set's components, core modules and a fused module that validate,
 * and a fuser bug reported as one, with the inputs' hashes.
 *
 * @module
 */
import { createHash } from "node:crypto";
import { encodeModule } from "../../wasm/module/mod.ts";
import type { NamedComponent } from "../types.ts";
import { FuseError } from "./errors.ts";
import type { ModuleInstance } from "./graph.ts";
import type { DomainSpec } from "./options.ts";

/**
 * The hex SHA-256 of `bytes` (attestations and bug reports).
 *
 * @example
 * ```ts
 * import { sha256 } from "./checks.ts";
 * console.log(sha256(new Uint8Array()).slice(0, 8)); // e3b0c442
 * ```
 */
export function sha256(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

/**
 * A fuser bug as a typed error: what broke, and the inputs' hashes for the report.
 *
 * @example
 * ```ts
 * import { internalFault } from "./checks.ts";
 * const e = internalFault([{ name: "app", bytes: new Uint8Array() }], new TypeError("x"));
 * console.log(e.code); // "internal"
 * ```
 */
export function internalFault(components: NamedComponent[], e: unknown): FuseError {
  const what = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
  return new FuseError(
    "internal",
    components.map((c) => c.name).join(", "),
    `internal error (a Dissolve bug, not a problem with your input): ${what}`,
    `report it with the inputs' sha256: ${
      components.map((c) => `${c.name} ${sha256(c.bytes)}`).join(", ")
    }`,
    { cause: e },
  );
}

/**
 * V8's reason a module does not validate, or undefined when it does.
 *
 * @example
 * ```ts
 * import { validationError } from "./checks.ts";
 * console.log(validationError(new Uint8Array([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0]))); // undefined
 * ```
 */
export function validationError(bytes: Uint8Array): string | undefined {
  if (WebAssembly.validate(bytes as BufferSource)) return undefined;
  try {
    new WebAssembly.Module(bytes as BufferSource);
  } catch (e) {
    return (e as Error).message.replace(/^WebAssembly\.Module\(\): /, "");
  }
  return "does not validate";
}

/**
 * A core module inside a component that no runtime would accept, named, with why.
 *
 * @example
 * ```ts
 * import { invalidCoreModule } from "./checks.ts";
 * console.log(invalidCoreModule("app", "type mismatch").code); // "invalid-core-module"
 * ```
 */
export function invalidCoreModule(name: string, problem: string): FuseError {
  return new FuseError(
    "invalid-core-module",
    name,
    `this core module does not validate: ${problem}`,
    "the component carries a core module no runtime would accept: rebuild it, and check " +
      "it with `wasm-tools validate`",
  );
}

/**
 * The fused module does not validate: either an input's core module did not
 * (the input's fault, named), or the merge broke it (a fuser bug).
 *
 * @example
 * ```ts
 * import { invalidOutput } from "./checks.ts";
 * console.log(invalidOutput([], "type mismatch").code); // "internal": no input is at fault
 * ```
 */
export function invalidOutput(instances: ModuleInstance[], reason: string): FuseError {
  const seen = new Set<ModuleInstance["def"]>();
  for (const inst of instances) {
    if (seen.has(inst.def)) continue;
    seen.add(inst.def);
    let problem: string | undefined;
    try {
      problem = validationError(encodeModule(inst.def.module));
    } catch (e) {
      problem = (e as Error).message;
    }
    if (problem) return invalidCoreModule(inst.def.name, problem);
  }
  return new FuseError(
    "internal",
    instances.map((i) => i.def.name).join(", "),
    `internal error (a Dissolve bug): the fused module does not validate (${reason})`,
    "report it with the inputs (fuse never writes a module that does not validate)",
  );
}

/**
 * Domains must name components of the set, each at most once, under distinct
 * names, and only with the domains strategy.
 *
 * @example
 * ```ts
 * import { checkDomains } from "./checks.ts";
 * const set = [{ name: "app", bytes: new Uint8Array() }];
 * checkDomains([{ name: "a", components: ["app"] }], set, "domains"); // passes
 * ```
 */
export function checkDomains(
  domains: DomainSpec[],
  components: NamedComponent[],
  strategy: string,
): void {
  if (strategy !== "domains") {
    throw new FuseError(
      "bad-domains",
      "fuse",
      `domains are given, but the memory strategy is "${strategy}"`,
      'use memory "domains" (the default when domains are given), or drop the domains',
    );
  }
  const names = new Set(components.map((c) => c.name));
  const seen = new Map<string, string>();
  const domainNames = new Set<string>();
  for (const d of domains) {
    if (domainNames.has(d.name)) {
      throw new FuseError("bad-domains", `domain ${d.name}`, "is declared twice", "merge the two");
    }
    domainNames.add(d.name);
    for (const c of d.components) {
      if (!names.has(c)) {
        throw new FuseError(
          "bad-domains",
          `domain ${d.name}`,
          `names component "${c}", which is not in the set (${[...names].join(", ")})`,
          "name a component that is fused, or drop it from the domain",
        );
      }
      const other = seen.get(c);
      if (other !== undefined) {
        throw new FuseError(
          "bad-domains",
          `domain ${d.name}`,
          `names component "${c}", which domain ${other} already holds`,
          "put each component in one domain",
        );
      }
      seen.set(c, d.name);
    }
  }
}
