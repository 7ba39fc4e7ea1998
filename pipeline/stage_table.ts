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
import { isaOf } from "../stages/synth/mod.ts";
// Each stage's plan, from its own light module: planning must not load a stage's code (loom's
// binaryen, gale's jco) on a build that reuses every row.
import { planGale } from "../stages/gale/plan.ts";
import { planFuse } from "../stages/fuse/plan.ts";
import { planLoom } from "../stages/loom/plan.ts";
import { planSynth } from "../stages/synth/plan.ts";
import { planImage } from "../stages/image/plan.ts";
import { planRun } from "../stages/run/plan.ts";
import type { PlannedRow } from "../stages/types.ts";
import { boardProfile } from "./boards.ts";
import { type StageEntry, STAGES } from "./registry.ts";

export type { InputRef } from "../stages/types.ts";

/** One stage run: a stage's planned row with the stage that runs it. */
export interface StageRow<S = unknown> extends PlannedRow<S> {
  /** The stage (`STAGES` in `registry.ts`): its module's `produce` and `gate`, and its code. */
  stage: StageEntry<S, object>;
}

/** Rows of `stage`, their settings checked against what that stage's `produce` takes. */
function rowsOf<S, M extends object>(stage: StageEntry<S, M>, rows: PlannedRow<S>[]): StageRow[] {
  return rows.map((r) => ({ ...r, stage }) as StageRow);
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
  // A debug build carries DWARF from gale to the ELF and skips loom (binaryen drops it); a
  // release build's settings have no `debug` key at all, so its keys are what they were.
  const debug = p.debug ? { debug: true } : {};
  const components = p.components.map((c) => ({ ...c, ...debug }));
  rows.push(...rowsOf(STAGES.gale, planGale(components, await headersIn(p.baseDir))));
  const entry = p.synth.entry;
  const fuse = planFuse(p.components.map((c) => c.name), { ...p.fuse, entry, ...debug });
  rows.push(...rowsOf(STAGES.fuse, [fuse]));
  const loomTool = p.debug ? "none" : tools.loom;
  rows.push(...rowsOf(STAGES.loom, [planLoom({ ...p.loom, tool: loomTool, entry })]));
  const { boards: _, ...synthSettings } = p.synth;
  const boards = p.synth.boards.map((board) => ({
    name: board,
    profile: boardProfile(p, board),
    settings: {
      ...synthSettings,
      backend: tools.synth,
      board,
      // A declared board's whole profile: changing its memory map or flags rebuilds.
      ...(p.boards?.[board] ? { boardSpec: p.boards[board] } : {}),
      pipeline: p.name,
      ...debug,
    },
  }));
  const synth = planSynth({
    boards,
    output: p.synth.output,
    compile: {
      entry,
      entryResult: p.synth.entryResult,
      optLevel: p.synth.optLevel,
      measureStack: p.synth.measureStack,
      ...debug,
    },
    compilePerBoard: options.compilePerBoard,
  });
  // Compiles first (each is read by the links of its CPU), then each board's rows in board order.
  rows.push(...rowsOf(STAGES.compile, synth.compile));
  for (const [i, b] of boards.entries()) {
    rows.push(...rowsOf(STAGES.synth, [synth.synth[i]]));
    if (p.image) rows.push(await imageRow(p, b.name, p.image));
    // A standalone image boots on its own, an object inside your image ([image]); a declared
    // board without a QEMU machine is built, not booted (the runner says so).
    const boots = p.image ? "image" : p.synth.output.includes("elf") ? "firmware" : undefined;
    const declared = p.boards?.[b.name];
    if (p.run.emulator === "none" || !boots || (declared && !declared.qemuMachine)) continue;
    const run = planRun(
      {
        board: b.name,
        ...(declared?.qemuMachine
          ? { qemuMachine: declared.qemuMachine, arch: declared.arch }
          : {}),
        expectOutput: p.run.expectOutput,
        expectExitCode: p.run.expectExitCode,
        timeoutMs: p.run.timeoutMs,
      },
      boots,
      isaOf(b.profile).qemu,
    );
    rows.push(...rowsOf(STAGES.run, [run]));
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
  const settings = {
    board,
    ...(p.boards?.[board] ? { boardSpec: p.boards[board] } : {}),
    ...image,
  };
  const gcc = isaOf(boardProfile(p, board)).gcc;
  return rowsOf(STAGES.image, [planImage(settings, files, gcc)])[0];
}
