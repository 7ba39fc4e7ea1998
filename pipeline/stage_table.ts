/**
 * The pipeline as data: one row per stage run (gale per component, fuse,
 * loom, synth and run per board). A row names its stage (`registry.ts`:
 * the module whose import graph is its code, and a typed loader), its inputs (files of the project or
 * outputs of other rows), its settings, the external tools it runs and where
 * its outputs land. `executor.ts` runs any table; adding a stage is adding
 * a row here.
 *
 * @module
 */
import { dirname } from "node:path";
import type { ImageSpec, Pipeline } from "./format.ts";
import type { ResolvedTools } from "./tools.ts";
import { compileGroup, isaOf } from "../stages/synth/mod.ts";
import { boardProfile } from "./boards.ts";
import { type StageEntry, STAGES } from "./registry.ts";

/** A row's input: a file of the project, or another row's output. */
export type InputRef =
  | { name: string; file: string }
  | { name: string; stage: string; output: string };

/** One stage run. */
export interface StageRow<S = unknown> {
  /** Unique in the table: `gale:app`, `synth:lm3s6965evb`. */
  id: string;
  /** The board a per-board row builds for (synth, image, run). */
  board?: string;
  /** The stage (`STAGES` in `registry.ts`): its module's `produce` and `gate`, and its code. */
  stage: StageEntry<S, object>;
  inputs: InputRef[];
  /** Everything else that determines the outputs (no absolute paths): what `produce` takes. */
  settings: S;
  /** External programs the stage runs (their identities join the key). */
  tools: string[];
  /** Output name → path under `build/<pipeline>/`. */
  outputs: Record<string, string>;
}

/** A row of `stage`, its settings checked against what that stage's `produce` takes. */
function row<S, M extends object>(
  stage: StageEntry<S, M>,
  r: Omit<StageRow<S>, "stage">,
): StageRow {
  return { ...r, stage } as StageRow;
}

/** How to plan. */
export interface PlanOptions {
  /**
   * Compile for every board on its own (a `compile:<board>` row each) instead of once per CPU:
   * what the benchmark compares the shared compile with. The firmware is the same.
   */
  compilePerBoard?: boolean;
}

/** Header files beside the sources: a change to one can change the build. */
async function headersIn(baseDir: string): Promise<string[]> {
  const names: string[] = [];
  for await (const e of Deno.readDir(baseDir)) {
    if (e.isFile && e.name.endsWith(".h")) names.push(e.name);
  }
  return names.sort();
}

/** What a board's synth row writes, by `[synth] output`. */
function synthOutputs(output: Pipeline["synth"]["output"], board: string): Record<string, string> {
  return {
    ...(output.includes("elf") ? { elf: `${board}/firmware.elf` } : {}),
    ...(output.includes("bin") ? { bin: `${board}/firmware.bin` } : {}),
    ...(output.includes("hex") ? { hex: `${board}/firmware.hex` } : {}),
    ...(output.includes("object")
      ? { object: `${board}/firmware.o`, header: `${board}/firmware.h` }
      : {}),
    size: `${board}/size.json`,
  };
}

/**
 * Plans the rows of `p` with its resolved tools.
 *
 * @example
 * ```ts
 * import { planStages } from "./stage_table.ts";
 * import { resolveTools } from "./tools.ts";
 * import { loadPipelineFile } from "./schema.ts";
 * const p = await loadPipelineFile("examples/hello/dissolve.toml");
 * if ("name" in p) console.log((await planStages(p, await resolveTools(p))).map((r) => r.id));
 * ```
 */
export async function planStages(
  p: Pipeline,
  tools: ResolvedTools,
  options: PlanOptions = {},
): Promise<StageRow[]> {
  const rows: StageRow[] = [];
  const headers = await headersIn(p.baseDir);
  for (const c of p.components) {
    const files = [...new Set([...c.sources, c.wit, ...headers])].sort();
    rows.push(row(STAGES.gale, {
      id: `gale:${c.name}`,
      inputs: files.map((f) => ({ name: f, file: f })),
      settings: c,
      tools: [c.compile ? c.compile[0] : "clang"],
      outputs: {
        component: `components/${c.name}.component.wasm`,
        core: `components/${c.name}.core.wasm`,
      },
    }));
  }
  rows.push(row(STAGES.fuse, {
    id: "fuse",
    inputs: p.components.map((c) => ({
      name: `${c.name}.component.wasm`,
      stage: `gale:${c.name}`,
      output: "component",
    })),
    settings: { ...p.fuse, entry: p.synth.entry },
    tools: [],
    outputs: { module: "fused.wasm", report: "fuse-report.json" },
  }));
  rows.push(row(STAGES.loom, {
    id: "loom",
    inputs: [{ name: "fused.wasm", stage: "fuse", output: "module" }],
    settings: { ...p.loom, tool: tools.loom, entry: p.synth.entry },
    tools: tools.loom === "loom" ? ["loom"] : [],
    outputs: { module: "optimized.wasm" },
  }));
  // The built-in backend compiles once per CPU (boards with the same flags share the code) and
  // links once per board.
  const compiles = tools.synth !== "synth" && p.synth.output.includes("elf");
  const compileRows = new Map<string, StageRow>();
  const { boards: _, ...synthSettings } = p.synth;
  for (const board of p.synth.boards) {
    const profile = boardProfile(p, board);
    const isa = isaOf(profile);
    const group = options.compilePerBoard ? board : compileGroup(profile);
    if (compiles && !compileRows.has(group)) {
      const compileRow = row(STAGES.compile, {
        id: `compile:${group}`,
        inputs: [{ name: "optimized.wasm", stage: "loom", output: "module" }],
        settings: {
          arch: profile.arch,
          cflags: profile.cflags,
          entry: p.synth.entry,
          entryResult: p.synth.entryResult,
          optLevel: p.synth.optLevel,
          measureStack: p.synth.measureStack,
        },
        tools: ["wasm2c", isa.gcc],
        outputs: { compiled: `compile/${group}.json` },
      });
      compileRows.set(group, compileRow);
      rows.push(compileRow);
    }
    rows.push(row(STAGES.synth, {
      id: `synth:${board}`,
      board,
      inputs: [
        { name: "optimized.wasm", stage: "loom", output: "module" },
        ...(compiles ? [{ name: "compiled", stage: `compile:${group}`, output: "compiled" }] : []),
      ],
      settings: {
        ...synthSettings,
        backend: tools.synth,
        board,
        // A declared board's whole profile: changing its memory map or flags rebuilds.
        ...(p.boards?.[board] ? { boardSpec: p.boards[board] } : {}),
        pipeline: p.name,
      },
      tools: tools.synth === "synth" ? [p.synth.command?.[0] ?? "synth"] : ["wasm2c", isa.gcc],
      outputs: synthOutputs(p.synth.output, board),
    }));
    const declared = p.boards?.[board];
    if (p.image) rows.push(await imageRow(p, board, p.image));
    // A standalone image boots on its own, an object inside your image ([image]); a declared
    // board without a QEMU machine is built, not booted (the runner says so).
    const boots = p.image ? "image" : p.synth.output.includes("elf") ? "firmware" : undefined;
    if (p.run.emulator === "none" || !boots) continue;
    if (declared && !declared.qemuMachine) continue;
    rows.push(row(STAGES.run, {
      id: `run:${board}`,
      board,
      inputs: [
        boots === "image"
          ? { name: "firmware.elf", stage: `image:${board}`, output: "elf" }
          : { name: "firmware.elf", stage: `synth:${board}`, output: "elf" },
      ],
      settings: {
        board,
        ...(declared?.qemuMachine
          ? { qemuMachine: declared.qemuMachine, arch: declared.arch }
          : {}),
        expectOutput: p.run.expectOutput,
        expectExitCode: p.run.expectExitCode,
        timeoutMs: p.run.timeoutMs,
      },
      tools: [isa.qemu],
      outputs: { record: `${board}/run.json` },
    }));
  }
  return rows;
}

/** Files under `dir` (relative to `baseDir`) that a compile may include: its headers. */
async function headersUnder(baseDir: string, dir: string): Promise<string[]> {
  const out: string[] = [];
  for await (const e of Deno.readDir(`${baseDir}/${dir}`)) {
    if (e.isFile && /\.(h|hpp|inc)$/.test(e.name)) out.push(`${dir}/${e.name}`);
  }
  return out;
}

/**
 * The row that links your image for `board`: your sources, the headers
 * beside them and in the include directories, and the linker script are its
 * inputs (a change to any rebuilds it), with synth's object and header.
 */
async function imageRow(p: Pipeline, board: string, image: ImageSpec): Promise<StageRow> {
  const dirs = [...new Set([...image.sources.map((f) => dirname(f)), ...image.includeDirs])];
  const headers = (await Promise.all(dirs.map((d) => headersUnder(p.baseDir, d)))).flat()
    .map((f) => f.replace(/^\.\//, ""));
  const files = [...new Set([...image.sources, image.linkerScript, ...headers])].sort();
  return row(STAGES.image, {
    id: `image:${board}`,
    board,
    inputs: [
      { name: "firmware.o", stage: `synth:${board}`, output: "object" },
      { name: "firmware.h", stage: `synth:${board}`, output: "header" },
      ...files.map((f) => ({ name: f, file: f })),
    ],
    settings: {
      board,
      ...(p.boards?.[board] ? { boardSpec: p.boards[board] } : {}),
      ...image,
    },
    tools: [isaOf(boardProfile(p, board)).gcc],
    outputs: { elf: `${board}/image.elf`, size: `${board}/image-size.json` },
  });
}
