/**
 * `dissolve debug`: builds a pipeline with debug info for one board, boots
 * it in QEMU halted at reset, and opens gdb on it at the component's
 * sources.
 *
 * @module
 */
import { parseArgs } from "node:util";
import { loadPipelineFile } from "../pipeline/schema.ts";
import { runPipeline } from "../pipeline/runner.ts";
import { boardProfile } from "../pipeline/boards.ts";
import { chooseReporter } from "../pipeline/report.ts";
import type { Pipeline } from "../pipeline/format.ts";
import { debugFirmware } from "../stages/run/mod.ts";

/** `dissolve debug --help`. */
export const DEBUG_HELP = `dissolve debug [dissolve.toml] --board B [options]
  Builds the pipeline with debug info ([pipeline] debug = true: DWARF from the components'
  sources through fusion into the ELF; loom is skipped) for board B, boots it in QEMU halted at
  reset and opens gdb-multiarch on it, at the components' sources.

  --board B          the board (default: the pipeline's first)
  --pipeline NAME    which pipeline of a workspace file
  --ex CMD           a gdb command to run after connecting (repeatable)
  --batch            run the --ex commands and exit (no terminal), printing gdb's output

  A pipeline that is not a debug pipeline is built into build/<name>-debug/.
  The firmware's console goes to build/<name>[-debug]/<board>/console.txt.
`;

/** The pipeline `file` names, chosen from a workspace by `name`. */
async function choosePipeline(file: string, name: string | undefined): Promise<Pipeline> {
  const loaded = await loadPipelineFile(file);
  if (!("members" in loaded)) return loaded;
  const members: Pipeline[] = [];
  for (const m of loaded.members) {
    const p = await loadPipelineFile(m);
    if (!("members" in p)) members.push(p);
  }
  const found = members.find((p) => p.name === name);
  if (!found) {
    throw new Error(
      `${file} is a workspace: choose one of its pipelines with --pipeline ` +
        `(${members.map((p) => p.name).join(", ")})`,
    );
  }
  return found;
}

/**
 * Writes the generated C the firmware was compiled from (the debug build's
 * compile output keeps it) to `<outDir>/<board>/src/`, for gdb's source path;
 * returns that directory.
 */
async function writeGeneratedSources(outDir: string, board: string): Promise<string> {
  const dir = `${outDir}/${board}/src`;
  await Deno.mkdir(dir, { recursive: true });
  // An object for your image is compiled by synth itself: no compile output, no generated C kept.
  const compiled = await Deno.stat(`${outDir}/compile`).then(() => true, () => false);
  if (!compiled) return dir;
  for await (const e of Deno.readDir(`${outDir}/compile`)) {
    const compiled = JSON.parse(await Deno.readTextFile(`${outDir}/compile/${e.name}`));
    for (const f of compiled.sources ?? []) await Deno.writeTextFile(`${dir}/${f.name}`, f.text);
  }
  return dir;
}

/**
 * Runs `dissolve debug`.
 *
 * @example
 * ```ts ignore
 * import { debugCommand } from "./debug.ts";
 * await debugCommand(["examples/kernel/dissolve.toml", "--board", "microbit"]);
 * ```
 */
export async function debugCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      board: { type: "string" },
      pipeline: { type: "string" },
      ex: { type: "string", multiple: true },
      batch: { type: "boolean" },
      "build-dir": { type: "string" },
    },
  });
  const file = positionals[0] ?? "dissolve.toml";
  const chosen = await choosePipeline(file, values.pipeline);
  const board = values.board ?? chosen.synth.boards[0];
  if (!chosen.synth.boards.includes(board)) {
    throw new Error(
      `board ${board} is not one of ${chosen.name}'s boards (${chosen.synth.boards.join(", ")})`,
    );
  }
  if (!chosen.synth.output.includes("elf") && !chosen.image) {
    throw new Error(
      `${chosen.name} makes no ELF ([synth] output, and no [image]): there is no firmware to debug`,
    );
  }
  const p: Pipeline = {
    ...chosen,
    name: chosen.debug ? chosen.name : `${chosen.name}-debug`,
    debug: true,
    synth: { ...chosen.synth, boards: [board] },
  };
  const reporter = chooseReporter(false);
  let result;
  try {
    result = await runPipeline(p, { reporter, buildRoot: values["build-dir"] });
  } finally {
    reporter.finish();
  }
  const elf = `${result.outDir}/${board}/${p.image ? "image.elf" : "firmware.elf"}`;
  const consoleFile = `${result.outDir}/${board}/console.txt`;
  const generated = await writeGeneratedSources(result.outDir, board);
  if (!values.batch) {
    console.log(`\ndebugging ${elf} on ${board}; the firmware's console: ${consoleFile}`);
  }
  const r = await debugFirmware({
    elf,
    board: boardProfile(p, board),
    sourceDirs: [p.baseDir, generated],
    commands: values.ex ?? [],
    batch: !!values.batch,
    consoleFile,
  });
  if (values.batch) console.log(r.output);
  return r.code;
}
