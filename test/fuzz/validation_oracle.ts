/**
 * fuse's validation against someone else's: `jco transpile` validates a
 * component with wasmparser (the validator of wasm-tools and wasmtime)
 * before it binds it. Mutants of real components go to both; fuse must
 * never refuse one that wasmparser accepts (a refusal of a valid
 * component stops a user's build). wasmparser refusing more is expected:
 * fuse's graph evaluation catches the rest where it fuses.
 *
 * @module
 */
import { transpileBytes } from "@bytecodealliance/jco-transpile";
import { decodeWasm, validateCoreModules, validateNames, validateTypes } from "../../wasm/mod.ts";
import { mutate, Random } from "./mutate.ts";

/** What the comparison found. */
export interface OracleReport {
  compared: number;
  bothAccept: number;
  /** Components fuse refused and wasmparser accepted, with fuse's reason. */
  falseRefusals: { mutator: string; reason: string; bytes: Uint8Array }[];
}

/** fuse's validation verdict: the reason it refuses `bytes`, or undefined. Null: not a component. */
function fuseVerdict(bytes: Uint8Array): string | undefined | null {
  let model;
  try {
    model = decodeWasm(bytes);
  } catch {
    return null; // malformed: the decoder's business, not validation's
  }
  if (model.kind !== "component") return null;
  const e = validateNames(model, "c") ?? validateTypes(model, "c") ??
    validateCoreModules(model, "c");
  return e ? `${e.where}: ${e.message}` : undefined;
}

/**
 * Compares fuse's validation with wasmparser's (through jco) on mutants
 * of `seeds` for `seconds`.
 *
 * @example
 * ```ts ignore
 * import { compareWithJco } from "./validation_oracle.ts";
 * const r = await compareWithJco(seedComponents, 10, 1);
 * console.log(r.falseRefusals.length); // 0
 * ```
 */
export async function compareWithJco(
  seeds: Uint8Array[],
  seconds: number,
  seed: number,
): Promise<OracleReport> {
  const rng = new Random(seed);
  const report: OracleReport = { compared: 0, bothAccept: 0, falseRefusals: [] };
  const deadline = Date.now() + seconds * 1000;
  for (let i = 0; Date.now() < deadline; i++) {
    const input = seeds[rng.below(seeds.length)];
    const { bytes, mutator } = i % 5 === 0
      ? { bytes: input, mutator: "none" }
      : mutate(input, rng, seeds[rng.below(seeds.length)]);
    const ours = fuseVerdict(bytes);
    if (ours === null) continue;
    let theirs: string | undefined;
    try {
      await transpileBytes(bytes, { name: "c", noTypescript: true } as never);
    } catch (e) {
      theirs = String((e as Error)?.message ?? e);
      // A panic inside jco leaves its instance unusable: stop with what was compared.
      if (/unreachable|RuntimeError/.test(theirs)) break;
    }
    report.compared++;
    if (theirs === undefined && ours === undefined) report.bothAccept++;
    if (theirs === undefined && ours !== undefined) {
      report.falseRefusals.push({ mutator, reason: ours, bytes });
    }
  }
  return report;
}
