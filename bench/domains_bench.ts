/**
 * What isolation costs (`deno task bench domains [board]`): every example
 * with more than one component, built twice for one board, in one shared
 * memory (`memory = "shared"`) and with every component its own domain
 * (`memory = "domains"`, no `[[domain]]` tables), everything else as the
 * example sets it. Both are booted in QEMU (they must print the same) and
 * reported side by side: instructions executed from reset to exit, flash
 * and RAM, with domains / shared ratios.
 *
 * @module
 */
import { loadPipelineFile } from "../pipeline/schema.ts";
import { runPipeline } from "../pipeline/runner.ts";
import type { Pipeline } from "../pipeline/format.ts";
import type { Reporter } from "../pipeline/report.ts";
import { boardNamed } from "../stages/synth/boards.ts";
import type { SizeReport } from "../stages/types.ts";
import { countInstructions } from "./firmware_bench.ts";

const EXAMPLES = ["kernel", "async-kernel", "isolation"];
const quiet: Reporter = { stage() {}, info() {}, finish() {} };
const ram = (s: SizeReport) => s.data + s.bss + s.stack;

/** One build's figures. */
export interface DomainFigures {
  output: string;
  instructions: number;
  flash: number;
  ram: number;
}

/** One example, both ways. */
export interface DomainRow {
  example: string;
  shared: DomainFigures;
  domains: DomainFigures;
}

async function build(
  p: Pipeline,
  memory: "shared" | "domains",
  board: string,
  buildRoot: string,
): Promise<DomainFigures> {
  const { domains: _declared, ...fuse } = p.fuse;
  const result = await runPipeline({
    ...p,
    name: `${p.name}-${memory}`,
    fuse: { ...fuse, memory },
    synth: { ...p.synth, boards: [board] },
    run: { ...p.run, emulator: "none" },
  }, { buildRoot, reporter: quiet });
  const size = result.sizes[board];
  const counted = await countInstructions(
    `${result.outDir}/${board}/firmware.elf`,
    boardNamed(board),
  );
  return {
    output: counted.output,
    instructions: counted.instructions,
    flash: size.flashUsed,
    ram: ram(size),
  };
}

/**
 * Runs the comparison on `board` and prints the table.
 *
 * @example
 * ```ts
 * import { benchDomains } from "./domains_bench.ts";
 * const rows = await benchDomains("lm3s6965evb");
 * console.log(rows.length);
 * ```
 */
export async function benchDomains(board = "lm3s6965evb"): Promise<DomainRow[]> {
  const dir = await Deno.makeTempDir({ prefix: "dissolve-bench-domains-" });
  const rows: DomainRow[] = [];
  try {
    console.log(`domains: one shared memory vs every component its own domain, on ${board}`);
    console.log(
      `  ${"example".padEnd(13)} ${"instructions shared / domains".padStart(32)}  ${
        "flash B".padStart(20)
      }  ${"RAM B".padStart(22)}`,
    );
    for (const example of EXAMPLES) {
      const p = await loadPipelineFile(`examples/${example}/dissolve.toml`) as Pipeline;
      const shared = await build(p, "shared", board, dir);
      const domains = await build(p, "domains", board, dir);
      // The isolation example is meant to differ: the attack succeeds only in shared memory.
      if (example !== "isolation" && shared.output !== domains.output) {
        throw new Error(
          `bench domains: ${example} printed "${shared.output}" shared, "${domains.output}" with domains`,
        );
      }
      rows.push({ example, shared, domains });
      const pct = (d: number, s: number) =>
        `${d >= s ? "+" : ""}${((d / s - 1) * 100).toFixed(1)}%`;
      console.log(
        `  ${example.padEnd(13)} ${
          `${shared.instructions} / ${domains.instructions}`.padStart(22)
        } ${pct(domains.instructions, shared.instructions).padStart(9)}  ${
          `${shared.flash} / ${domains.flash}`.padStart(12)
        } ${pct(domains.flash, shared.flash).padStart(7)}  ${
          `${shared.ram} / ${domains.ram}`.padStart(12)
        } ${pct(domains.ram, shared.ram).padStart(8)}`,
      );
    }
    return rows;
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
}

if (import.meta.main) await benchDomains(Deno.args[0]);
