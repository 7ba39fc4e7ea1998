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
import type { Pipeline } from "./format.ts";
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
 * if ("name" in p) console.log((await resolveTools(p)).identities);
 * ```
 */
export async function resolveTools(p: Pipeline): Promise<ResolvedTools> {
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
  const versions = await Promise.all(names.map((t) => toolVersion(t)));
  const identities: Record<string, string> = { deno: Deno.version.deno };
  names.forEach((t, i) => identities[t] = versions[i]);
  return { loom, synth, identities, notes };
}
