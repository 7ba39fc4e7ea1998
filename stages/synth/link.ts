/**
 * Linking the firmware, and explaining an image that does not fit.
 *
 * The linker script gives the stack a real section, so GNU ld itself refuses
 * an image whose stack, data and bss exceed the board's RAM (or whose code
 * exceeds its flash). ld's message names only the overflow; synth then links
 * the same inputs once more against a memory map large enough to hold them,
 * reads every part's size from that ELF and fails at the gate with the parts,
 * the board's capacity and what to change.
 *
 * @module
 */
import type { Board } from "../types.ts";
import { run, ToolError } from "../exec.ts";
import { linkerScript } from "./linker.ts";
import { parseElf } from "./elf.ts";
import { GateError } from "../gates/gate_error.ts";

/** RAM / flash length used to measure an image that does not fit the board. */
const MEASURE_BYTES = 64 * 1024 * 1024;

/** What the link needs to know to explain an overflow. */
export interface LinkPlan {
  dir: string;
  board: Board;
  stackBytes: number;
  /** Bytes of the wasm linear memory (inside .bss). */
  memoryBytes: number;
  /** Bytes of the embedder arena (inside the linear memory). */
  arenaBytes: number;
  /** The output file, relative to `dir`. */
  output: string;
}

/**
 * Links with `command(ldScript)`; on a RAM or flash overflow throws a
 * {@linkcode GateError} naming each part's size and the remedy.
 *
 * @example
 * ```ts
 * import { linkOrExplain } from "./link.ts";
 * import { boardNamed } from "./boards.ts";
 * const dir = await Deno.makeTempDir();
 * await Deno.writeTextFile(`${dir}/main.c`, "int main(void) { for (;;) {} }\n");
 * const gcc = ["arm-none-eabi-gcc", "-mcpu=cortex-m3", "-mthumb", "-nostartfiles"];
 * await linkOrExplain((ld) => [...gcc, `-T${ld}`, "-o", "firmware.elf", "main.c"], {
 *   dir, board: boardNamed("lm3s811evb"), stackBytes: 1024, memoryBytes: 4096,
 *   arenaBytes: 1024, output: "firmware.elf" });
 * ```
 */
export async function linkOrExplain(
  command: (ldScript: string) => string[],
  plan: LinkPlan,
): Promise<void> {
  const { dir, board, stackBytes } = plan;
  await Deno.writeTextFile(`${dir}/board.ld`, linkerScript(board, stackBytes));
  let overflow: string;
  try {
    await run(command("board.ld"), { stage: "synth", cwd: dir });
    return;
  } catch (e) {
    const m = e instanceof ToolError ? /region `(RAM|FLASH)' overflowed/.exec(e.stderrTail) : null;
    if (!m) throw e;
    overflow = m[1];
  }
  const roomy = { ...board, flash: { ...board.flash, size: MEASURE_BYTES } };
  await Deno.writeTextFile(`${dir}/measure.ld`, linkerScript(roomy, stackBytes, MEASURE_BYTES));
  await run(command("measure.ld"), { stage: "synth", cwd: dir });
  const elf = parseElf(await Deno.readFile(`${dir}/${plan.output}`));
  await Deno.remove(`${dir}/${plan.output}`);
  const size = (name: string) => elf.sections.find((s) => s.name === name)?.size ?? 0;
  if (overflow === "FLASH") {
    const code = size(".isr_vector") + size(".text") + size(".ARM.exidx");
    const total = code + size(".data");
    throw new GateError(
      "synth",
      plan.output,
      `at most ${board.flash.size} B of flash on ${board.name}`,
      `${total} B: code ${code} + initialised data ${size(".data")} (${
        total - board.flash.size
      } B over)`,
      'build with [synth] opt-level = "Os", drop unused exports, or pick a board with more flash',
    );
  }
  const data = size(".data"), bss = size(".bss");
  const total = stackBytes + data + bss;
  const runtime = bss - plan.memoryBytes;
  throw new GateError(
    "synth",
    plan.output,
    `at most ${board.ram.size} B of RAM on ${board.name}`,
    `${total} B (${total - board.ram.size} B over): native stack ${stackBytes} + data ${data} + ` +
      `wasm linear memory ${plan.memoryBytes} (of which embedder arena ${plan.arenaBytes}) + ` +
      `runtime bss ${runtime}`,
    "lower [synth] stack-bytes, [fuse] arena-bytes or the wasm stack ([fuse] stack-bytes, or a " +
      "component's stack-bytes), fuse with share-stack = true, or pick a board with more RAM",
  );
}

/**
 * The code LTO generated for each partition of `output`'s link, in link
 * order (`<output>.ltrans0.ltrans.s`, `…1…`), as `-save-temps=obj` keeps it:
 * linking these (with the same libraries) gives the image the LTO link gave,
 * without compiling anything again.
 *
 * @example
 * ```ts
 * import { ltransAssembly } from "./link.ts";
 * const dir = await Deno.makeTempDir();
 * for (const n of [10, 2, 0, 1]) await Deno.writeTextFile(`${dir}/fw.elf.ltrans${n}.ltrans.s`, "");
 * console.log(await ltransAssembly(dir, "fw.elf")); // ["fw.elf.ltrans0.ltrans.s", …1…, …2…, …10…]
 * ```
 */
export async function ltransAssembly(dir: string, output: string): Promise<string[]> {
  const found: { n: number; name: string }[] = [];
  const pattern = new RegExp(`^${output.replaceAll(".", "\\.")}\\.ltrans(\\d+)\\.ltrans\\.s$`);
  for await (const e of Deno.readDir(dir)) {
    const m = pattern.exec(e.name);
    if (m) found.push({ n: Number(m[1]), name: e.name });
  }
  if (found.length === 0) {
    throw new Error(
      `synth: the LTO link of ${output} left no partition code (${output}.ltrans0.ltrans.s) in ${dir}`,
    );
  }
  return found.sort((a, b) => a.n - b.n).map((f) => f.name);
}
