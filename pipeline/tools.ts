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
import { onPath, toolVersion } from "../stages/exec.ts";

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
export async function resolveTools(p: Pipeline, memoDir?: string): Promise<ResolvedTools> {
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

  const programs = new Set<string>();
  for (const c of p.components) programs.add(c.compile ? c.compile[0] : "clang");
  if (loom === "loom") programs.add("loom");
  if (synth === "synth") programs.add(p.synth.command?.[0] ?? "synth");
  else programs.add("wasm2c").add("arm-none-eabi-gcc");
  if (p.run.emulator === "qemu") programs.add("qemu-system-arm");
  const names = [...programs].sort();
  const versions = await identify(names, memoDir);
  const identities: Record<string, string> = { deno: Deno.version.deno };
  names.forEach((t, i) => identities[t] = versions[i]);
  return { loom, synth, identities, notes };
}

/** Where a program is on PATH, with its size and mtime (undefined when not found or not readable). */
async function locate(program: string): Promise<string | undefined> {
  const candidates = program.includes("/")
    ? [program]
    : (Deno.env.get("PATH") ?? "").split(":").filter((d) => d && !d.includes("node_modules"))
      .map((d) => `${d}/${program}`);
  for (const path of candidates) {
    try {
      const info = await Deno.stat(path);
      if (info.isFile) return `${path}:${info.size}:${info.mtime?.getTime() ?? 0}`;
    } catch {
      // not here, or not ours to read
    }
  }
  return undefined;
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
  const versions = await Promise.all(names.map(async (name) => {
    const where = await locate(name);
    if (where && memo[where]) return memo[where];
    const version = await toolVersion(name);
    if (where) {
      memo[where] = version;
      changed = true;
    }
    return version;
  }));
  if (memoFile && changed) await writeAtomic(memoFile, JSON.stringify(memo, null, 2));
  return versions;
}
