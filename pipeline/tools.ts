/**
 * Hermetic tool choice: every external tool a build uses is decided once,
 * before any stage runs, from the pipeline file alone — never from what
 * happens to be on PATH, unless the file says `auto`. The choice and each
 * tool's identity (the first line of its `--version`) are printed when
 * `auto` picked them, recorded in the manifest and part of every key of a
 * stage that runs the tool.
 *
 * Defaults: loom `tool = "binaryen"` (in process, from npm) and synth
 * `backend = "builtin"` (wasm2c + arm-none-eabi-gcc).
 *
 * @module
 */
import { join } from "node:path";
import type { Pipeline } from "./format.ts";
import { writeAtomic } from "./atomic.ts";
import { PipelineError } from "./schema.ts";
import { findProgram, MissingToolError, onPath, toolVersion } from "../stages/exec.ts";
import { BUILTIN_PROGRAMS } from "../stages/toolchain.ts";
import { boardProfile } from "./boards.ts";
import { isaOf } from "../stages/synth/mod.ts";

/** The tools of one build, resolved. */
export interface ResolvedTools {
  loom: "loom" | "binaryen" | "none";
  synth: "builtin" | "synth";
  /** Tool name → identity (version line). */
  identities: Record<string, string>;
  /** What `auto` resolved to, for the user. */
  notes: string[];
}

/**
 * Resolves the pipeline's tools.
 *
 * @example
 * ```ts
 * import { resolveTools } from "./tools.ts";
 * import { loadPipelineFile } from "./schema.ts";
 * const p = await loadPipelineFile("examples/hello/dissolve.toml");
 * if ("name" in p) console.log((await resolveTools(p, "build/.cache")).identities);
 * ```
 */
export async function resolveTools(
  p: Pipeline,
  memoDir?: string,
  allowCommands: string[] = [],
): Promise<ResolvedTools> {
  const notes: string[] = [];
  let loom: ResolvedTools["loom"];
  if (p.loom.tool === "auto") {
    loom = onPath("loom") ? "loom" : "binaryen";
    notes.push(
      `loom: tool = "auto" resolved to ${loom} (${
        loom === "loom" ? "on PATH" : "no loom on PATH"
      })`,
    );
  } else loom = p.loom.tool;
  let synth: ResolvedTools["synth"];
  if (p.synth.backend === "auto") {
    synth = p.synth.command || onPath("synth") ? "synth" : "builtin";
    notes.push(
      `synth: backend = "auto" resolved to ${synth} (${
        synth === "synth" ? "synth named or on PATH" : "no synth on PATH"
      })`,
    );
  } else synth = p.synth.backend;

  // Every program the build will run: which stage runs it, and which key of the file named it.
  const programs = new Map<string, { stage: string; key: string }>();
  p.components.forEach((c, i) =>
    programs.set(c.compile ? c.compile[0] : "clang", {
      stage: `gale:${c.name}`,
      key: `component[${i}].compile`,
    })
  );
  if (loom === "loom") programs.set("loom", { stage: "loom", key: "loom.tool" });
  if (synth === "synth") {
    programs.set(p.synth.command?.[0] ?? "synth", { stage: "synth", key: "synth.command" });
  } else {
    programs.set("wasm2c", { stage: "synth", key: "synth.backend" });
  }
  // Each board's ISA names its cross compiler and emulator.
  for (const board of p.synth.boards) {
    const isa = isaOf(boardProfile(p, board));
    if (synth !== "synth") programs.set(isa.gcc, { stage: "synth", key: "synth.backend" });
    if (p.run.emulator === "qemu") programs.set(isa.qemu, { stage: "run", key: "run.emulator" });
  }
  checkDeclared(p, programs, allowCommands);
  const names = [...programs.keys()].sort();
  let versions: string[];
  try {
    versions = await identify(names, memoDir);
  } catch (e) {
    // Name the stage that needs the missing program, not the version probe.
    if (e instanceof MissingToolError) {
      throw new MissingToolError(programs.get(e.program)!.stage, e.program, e.command);
    }
    throw e;
  }
  const identities: Record<string, string> = { deno: Deno.version.deno };
  names.forEach((t, i) => identities[t] = versions[i]);
  return { loom, synth, identities, notes };
}

/**
 * A pipeline file is code: the programs it names beyond the built-in
 * toolchain must be declared by whoever runs the build (`--allow-command`),
 * and granted by Deno, before anything runs.
 */
function checkDeclared(
  p: Pipeline,
  programs: Map<string, { stage: string; key: string }>,
  allowCommands: string[],
): void {
  for (const [program, use] of programs) {
    if (BUILTIN_PROGRAMS.has(program)) continue;
    const declared = allowCommands.includes(program);
    const granted = Deno.permissions.querySync({ name: "run", command: program }).state ===
      "granted";
    if (declared && granted) continue;
    const file = p.file ?? "the pipeline";
    const steps = [
      granted ? "" : `add ${program} to --allow-run of the dissolve task in deno.json`,
      declared ? "" : `pass --allow-command ${program} to dissolve build`,
    ].filter(Boolean).join(", and ");
    throw new PipelineError(
      file,
      use.key,
      `runs \`${program}\`, which is not part of the built-in toolchain ` +
        `(${[...BUILTIN_PROGRAMS].join(", ")}); a pipeline file is code, and this build did not ` +
        `allow that program\n  remedy: if you trust ${file}, ${steps}, for example:\n` +
        `    deno run --no-prompt <the dissolve task's flags with --allow-run=…,${program}> cli.ts ` +
        `build ${file} --allow-command ${program}`,
    );
  }
}

/** Where a program is, with its size and mtime: the memo's key (undefined when not found). */
function locate(program: string): string | undefined {
  const found = findProgram(program);
  return found && `${found.path}:${found.info.size}:${found.info.mtime?.getTime() ?? 0}`;
}

/**
 * Each program's version line. Asking a tool costs a process per tool and
 * per build; the answers are kept in `memoDir/tools.json` under the
 * program's resolved path, size and mtime, so a replaced binary is asked
 * again.
 */
async function identify(names: string[], memoDir: string | undefined): Promise<string[]> {
  const memoFile = memoDir ? join(memoDir, "tools.json") : undefined;
  let memo: Record<string, string> = {};
  if (memoFile) {
    try {
      memo = JSON.parse(await Deno.readTextFile(memoFile));
    } catch {
      // no memo yet
    }
  }
  let changed = false;
  // Every probe settles before the first failure (in name order) is thrown: the same message
  // every time, and no probe still running when the build reports it.
  const settled = await Promise.allSettled(names.map(async (name) => {
    const where = locate(name);
    if (where && memo[where]) return memo[where];
    const version = await toolVersion(name);
    if (where) {
      memo[where] = version;
      changed = true;
    }
    return version;
  }));
  if (memoFile && changed) await writeAtomic(memoFile, JSON.stringify(memo, null, 2));
  const failed = settled.find((s) => s.status === "rejected");
  if (failed) throw (failed as PromiseRejectedResult).reason;
  return settled.map((s) => (s as PromiseFulfilledResult<string>).value);
}
