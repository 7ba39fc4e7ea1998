/**
 * Validation of pipeline files: every table checked against the settings its
 * stage declares (`sections.ts`), with errors that name the file, the key
 * path and what is allowed; TOML syntax errors with line and column.
 *
 * @module
 */
import { parse, TomlError } from "smol-toml";
import { dirname, resolve } from "node:path";
import type { Pipeline, Workspace } from "./format.ts";
import { BOARDS } from "../stages/synth/mod.ts";
import { suggest } from "../stages/settings.ts";
import { PipelineError } from "./errors.ts";
import { declaredBoards } from "./boards.ts";
import { SECTIONS } from "./sections.ts";
import { checkDomains } from "./domains.ts";
import { readSection } from "./read_section.ts";
import type { Roots } from "./paths.ts";

export { PipelineError } from "./errors.ts";

const TOP = new Set([...Object.keys(SECTIONS), "board"]);

/** The `[[component]]` tables, each checked and given its defaults; names are unique. */
function readComponents(file: string, component: unknown, roots: Roots): Pipeline["components"] {
  const comps = component ?? [];
  if (!Array.isArray(comps) || comps.length === 0) {
    throw new PipelineError(file, "component", "at least one [[component]] table is required");
  }
  const names = new Set<string>();
  return comps.map((c, i) => {
    const o = readSection(file, `component[${i}]`, c, SECTIONS.component, roots);
    if (!/^[a-z][a-z0-9-]*$/.test(o.name)) {
      throw new PipelineError(
        file,
        `component[${i}].name`,
        `"${o.name}" must be lowercase kebab-case (a-z, 0-9, -)`,
      );
    }
    if (names.has(o.name)) {
      throw new PipelineError(file, `component[${i}].name`, `"${o.name}" is used twice`);
    }
    if (o.language === "rust" && o.libc === "wasi") {
      throw new PipelineError(
        file,
        `component[${i}].libc`,
        `a Rust component is a no_std crate; libc = "wasi" applies to C components`,
      );
    }
    if (o.compile !== undefined && (c as Record<string, unknown>)["opt-level"] !== undefined) {
      throw new PipelineError(
        file,
        `component[${i}].opt-level`,
        "opt-level sets the default compile command's level; with compile = [...], put the " +
          "level in that command instead",
      );
    }
    names.add(o.name);
    // libc's printf family keeps several hundred bytes of frames (more for floats).
    return { ...o, stackBytes: o.stackBytes ?? (o.libc === "wasi" ? 4096 : 1024) };
  });
}

/**
 * Validates a parsed pipeline object and fills in defaults.
 *
 * @example
 * ```ts
 * import { normalizePipeline } from "./schema.ts";
 * const hello = { name: "hello", sources: ["hello.c"], wit: "hello.wit", world: "hello" };
 * const p = normalizePipeline(
 *   { pipeline: { name: "x" }, component: [hello], synth: { entry: "greet" } },
 *   "inline",
 *   "examples/hello",
 * );
 * console.log(p.fuse.memory); // "auto"
 * ```
 */
export function normalizePipeline(
  raw: Record<string, unknown>,
  file: string,
  baseDir: string,
  /** The file's text, when there is one: errors in [board] tables then name the line. */
  text?: string,
): Pipeline {
  for (const key of Object.keys(raw)) {
    if (!TOP.has(key)) throw new PipelineError(file, key, `unknown section; ${suggest(key, TOP)}`);
  }
  const base: Roots = { base: baseDir, extra: [] };
  const pipeline = readSection(file, "pipeline", raw.pipeline ?? {}, SECTIONS.pipeline, base);
  if (!/^[a-z][a-z0-9_-]*$/.test(pipeline.name)) {
    throw new PipelineError(
      file,
      "pipeline.name",
      `"${pipeline.name}" is not a name: it becomes build/<name>/, so it must be lowercase ` +
        `letters, digits, - and _ (starting with a letter), with no path in it`,
    );
  }
  const roots: Roots = {
    base: baseDir,
    extra: pipeline.sourceRoots.map((r) => resolve(baseDir, r)),
  };
  const components = readComponents(file, raw.component, roots);
  const image = raw.image === undefined
    ? undefined
    : readSection(file, "image", raw.image, SECTIONS.image, roots);
  const fuse = readSection(file, "fuse", raw.fuse ?? {}, SECTIONS.fuse, roots);
  const loom = readSection(file, "loom", raw.loom ?? {}, SECTIONS.loom, roots);
  const { board, boards: listed, ...synth } = readSection(
    file,
    "synth",
    raw.synth ?? {},
    SECTIONS.synth,
    roots,
  );
  const run = readSection(file, "run", raw.run ?? {}, SECTIONS.run, roots);
  if (board !== undefined && listed !== undefined) {
    throw new PipelineError(file, "synth.board", "give either board or boards, not both");
  }
  const declared = declaredBoards(file, raw.board, text);
  const known = [...Object.keys(BOARDS), ...Object.keys(declared)];
  const boards = listed ?? [board ?? "lm3s6965evb"];
  boards.forEach((b, i) => {
    if (!known.includes(b)) {
      throw new PipelineError(
        file,
        listed ? `synth.boards[${i}]` : "synth.board",
        `"${b}" is not a board; ${suggest(b, known)} (or declare it: [board.${b}])`,
      );
    }
  });
  const memorySet = (raw.fuse as Record<string, unknown> | undefined)?.memory as string | undefined;
  const names = new Set(components.map((c) => c.name));
  const domains = checkDomains(file, raw.domain, names, memorySet);
  const output = [...new Set(synth.output)];
  const flashable = output.filter((o) => o === "bin" || o === "hex");
  if (flashable.length > 0 && !output.includes("elf")) {
    throw new PipelineError(
      file,
      "synth.output",
      `${flashable.map((f) => `"${f}"`).join(" and ")} ${
        flashable.length > 1 ? "are" : "is"
      } made from the ELF, which ` +
        `${JSON.stringify(output)} does not ask for: add "elf"`,
    );
  }
  if (image && !output.includes("object")) {
    throw new PipelineError(
      file,
      "image",
      `links firmware.o into your image, but [synth] output is ${JSON.stringify(output)}: ` +
        `set [synth] output = ["object"]`,
    );
  }
  return {
    name: pipeline.name,
    baseDir,
    file,
    debug: pipeline.debug,
    components,
    ...(Object.keys(declared).length > 0 ? { boards: declared } : {}),
    // With [[domain]] tables the memory is "domains" unless the file says otherwise.
    fuse: {
      ...fuse,
      ...(domains ? { memory: memorySet ?? "domains", domains } : {}),
    } as Pipeline["fuse"],
    loom,
    synth: { ...synth, boards, output },
    ...(image ? { image } : {}),
    run,
  };
}

/** Parses TOML text, turning syntax errors into `file:line:column` messages. */
export function parseToml(text: string, file: string): Record<string, unknown> {
  try {
    return parse(text) as Record<string, unknown>;
  } catch (e) {
    if (e instanceof TomlError) {
      throw new PipelineError(
        `${file}:${e.line}:${e.column}`,
        "",
        `TOML syntax error: ${e.message.split("\n")[0]}`,
      );
    }
    throw e;
  }
}

/**
 * Loads a pipeline file, or a workspace file (`[workspace] members = [...]`).
 *
 * @example
 * ```ts
 * import { loadPipelineFile } from "./schema.ts";
 * const loaded = await loadPipelineFile("examples/hello/dissolve.toml");
 * console.log("name" in loaded ? loaded.name : loaded.members);
 * ```
 */
export async function loadPipelineFile(file: string): Promise<Pipeline | Workspace> {
  let text: string;
  try {
    text = await Deno.readTextFile(file);
  } catch {
    throw new PipelineError(file, "", "cannot read the pipeline file (does it exist?)");
  }
  const raw = parseToml(text, file);
  if ("workspace" in raw) {
    const ws = raw.workspace as Record<string, unknown>;
    for (const key of Object.keys(raw)) {
      if (key !== "workspace") {
        throw new PipelineError(file, key, "a workspace file holds only [workspace]");
      }
    }
    const members = ws?.members;
    if (!Array.isArray(members) || members.some((m) => typeof m !== "string")) {
      throw new PipelineError(file, "workspace.members", "must be an array of pipeline file paths");
    }
    for (const key of Object.keys(ws)) {
      if (key !== "members") {
        throw new PipelineError(file, `workspace.${key}`, `unknown key; allowed: members`);
      }
    }
    return { members: members.map((m) => resolve(dirname(file), m)), file };
  }
  return normalizePipeline(raw, file, dirname(resolve(file)), text);
}
