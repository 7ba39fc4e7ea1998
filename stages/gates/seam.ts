/**
 * The seam gate on synth's object (`[synth] output = ["object"]`): its
 * undefined symbols are within what firmware.h declares the image provides.
 *
 * @module
 */
import { parseElf } from "../synth/elf.ts";
import { GateError } from "./gate_error.ts";

/**
 * The seam gate: the object's undefined symbols are exactly `seam` (a
 * subset is fine: an unused duty is not an error). Names the first extra
 * symbol and the functions that reference it.
 *
 * @example
 * ```ts
 * import { checkSeam } from "./seam.ts";
 * checkSeam(await Deno.readFile("build/byo-os/lm3s6965evb/firmware.o"), "firmware.o",
 *   ["__cabi_arena_realloc", "dissolve_trap", "memcpy", "memmove", "memset"]);
 * ```
 */
export function checkSeam(object: Uint8Array, artifact: string, seam: string[]): void {
  let elf;
  try {
    elf = parseElf(object);
  } catch (e) {
    throw new GateError("synth", artifact, "a relocatable ELF32 object", (e as Error).message);
  }
  if (elf.type !== 1) {
    throw new GateError("synth", artifact, "a relocatable object (ET_REL)", `e_type ${elf.type}`);
  }
  const extra = [...new Set(elf.undefinedSymbols)].filter((s) => !seam.includes(s)).sort();
  if (extra.length === 0) return;
  const who = (s: string) => {
    const sections = elf.references.get(s) ?? [];
    return sections.length
      ? `referenced by ${sections.map((n) => n.replace(/^\.text\./, "")).join(", ")}`
      : "referenced by no relocation (declared only)";
  };
  throw new GateError(
    "synth",
    artifact,
    `undefined symbols within the declared seam (${seam.join(", ")})`,
    extra.map((s) => `${s} (${who(s)})`).join("; "),
    `declare the import as an embedder import of the pipeline (it then appears in firmware.h), ` +
      `or remove the code that references it`,
  );
}
