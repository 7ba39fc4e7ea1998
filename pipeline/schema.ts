/**
 * Validation of pipeline files: every key checked against a schema, with
 * errors that name the file, the key path and what is allowed; TOML syntax
 * errors with line and column.
 *
 * @module
 */
import { parse, TomlError } from "smol-toml";
import { dirname, isAbsolute, relative, resolve } from "node:path";
import type { Pipeline, SynthOutputKind, Workspace } from "./format.ts";
import { BOARDS } from "../stages/synth/mod.ts";
import { PipelineError } from "./errors.ts";
import { declaredBoards } from "./boards.ts";

export { PipelineError } from "./errors.ts";

type Kind = "string" | "integer" | "boolean" | "string[]";
interface Field {
  kind: Kind;
  required?: boolean;
  oneOf?: string[];
  min?: number;
  file?: boolean;
}
type Table = Record<string, Field>;

const COMPONENT: Table = {
  name: { kind: "string", required: true },
  language: { kind: "string", oneOf: ["c", "rust"] },
  libc: { kind: "string", oneOf: ["none", "wasi"] },
  sources: { kind: "string[]", required: true, file: true },
  compile: { kind: "string[]" },
  wit: { kind: "string", required: true, file: true },
  world: { kind: "string", required: true },
  "embedder-imports": { kind: "string[]" },
  "stack-bytes": { kind: "integer", min: 64 },
};
const DOMAIN: Table = {
  name: { kind: "string", required: true },
  components: { kind: "string[]", required: true },
  "arena-bytes": { kind: "integer", min: 0 },
  "stack-bytes": { kind: "integer", min: 64 },
};
const SECTIONS: Record<string, Table> = {
  pipeline: {
    name: { kind: "string", required: true },
    "source-roots": { kind: "string[]" },
  },
  fuse: {
    memory: { kind: "string", oneOf: ["shared", "domains", "multi", "auto"] },
    pack: { kind: "boolean" },
    "arena-bytes": { kind: "integer", min: 0 },
    "share-stack": { kind: "boolean" },
    "stack-bytes": { kind: "integer", min: 64 },
    "handle-slots": { kind: "integer", min: 1 },
    "async-tasks": { kind: "integer", min: 1 },
    "async-waitables": { kind: "integer", min: 1 },
    passthrough: { kind: "string[]" },
    "host-imports": { kind: "string[]" },
  },
  loom: {
    tool: { kind: "string", oneOf: ["auto", "loom", "binaryen", "none"] },
    level: { kind: "integer", min: 0 },
    shrink: { kind: "integer", min: 0 },
    passes: { kind: "string[]" },
  },
  synth: {
    backend: { kind: "string", oneOf: ["auto", "builtin", "synth"] },
    // Built-in or declared in the file ([board.NAME]): checked once the boards are known.
    board: { kind: "string" },
    boards: { kind: "string[]" },
    entry: { kind: "string", required: true },
    "entry-result": { kind: "string", oneOf: ["string", "u32", "none"] },
    "opt-level": { kind: "string", oneOf: ["O0", "O1", "O2", "O3", "Os", "Oz"] },
    "stack-bytes": { kind: "integer", min: 256 },
    "measure-stack": { kind: "boolean" },
    output: { kind: "string[]", oneOf: ["elf", "object", "bin", "hex"] },
    command: { kind: "string[]" },
  },
  image: {
    sources: { kind: "string[]", required: true, file: true },
    "linker-script": { kind: "string", required: true, file: true },
    "include-dirs": { kind: "string[]", file: true },
    cflags: { kind: "string[]" },
    ldflags: { kind: "string[]" },
  },
  run: {
    emulator: { kind: "string", oneOf: ["qemu", "none"] },
    "expect-output": { kind: "string" },
    "expect-exit-code": { kind: "integer", min: 0 },
    "timeout-ms": { kind: "integer", min: 1 },
  },
};
const TOP = new Set([...Object.keys(SECTIONS), "component", "domain", "board"]);

function distance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      d[i][j] = Math.min(
        d[i - 1][j] + 1,
        d[i][j - 1] + 1,
        d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    }
  }
  return d[a.length][b.length];
}

function suggest(key: string, allowed: Iterable<string>): string {
  const list = [...allowed];
  const near = list.filter((k) => distance(k, key) <= 2).sort((x, y) =>
    distance(x, key) - distance(y, key)
  );
  return `${near.length ? `did you mean "${near[0]}"? ` : ""}allowed: ${list.join(", ")}`;
}

function typeName(v: unknown): string {
  if (Array.isArray(v)) return "an array";
  if (typeof v === "number") return Number.isInteger(v) ? "an integer" : "a float";
  return `a ${typeof v}`;
}

/** Where a pipeline's files may live: its own directory, and the roots it names. */
interface Roots {
  base: string;
  extra: string[];
}

function checkPath(file: string, at: string, x: string, roots: Roots): void {
  if (isAbsolute(x)) {
    throw new PipelineError(
      file,
      at,
      `"${x}" is an absolute path; paths are relative to the pipeline file's directory\n` +
        `  remedy: give a relative path, and name any other directory in [pipeline] source-roots`,
    );
  }
  const full = resolve(roots.base, x);
  const inside = (root: string) => {
    const r = relative(root, full);
    return r === "" || (!r.startsWith("..") && !isAbsolute(r));
  };
  if (!inside(roots.base) && !roots.extra.some(inside)) {
    throw new PipelineError(
      file,
      at,
      `"${x}" is outside the pipeline's directory (${roots.base})\n` +
        `  remedy: move it into the project, or allow its directory explicitly: ` +
        `[pipeline] source-roots = ["${relative(roots.base, dirname(full))}"]`,
    );
  }
  try {
    Deno.statSync(full);
  } catch (e) {
    if (e instanceof Deno.errors.NotCapable) {
      throw new PipelineError(
        file,
        at,
        `"${x}" cannot be read: the task's --allow-read does not include ${dirname(full)}\n` +
          `  remedy: keep sources inside the project, or add the directory to --allow-read`,
      );
    }
    throw new PipelineError(file, at, `file "${x}" does not exist (looked in ${roots.base})`);
  }
}

function checkTable(
  file: string,
  roots: Roots,
  path: string,
  value: unknown,
  table: Table,
): Record<string, unknown> {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new PipelineError(file, path, `must be a table, found ${typeTypeOf(value)}`);
  }
  const obj = value as Record<string, unknown>;
  for (const key of Object.keys(obj)) {
    if (!(key in table)) {
      throw new PipelineError(
        file,
        `${path}.${key}`,
        `unknown key; ${suggest(key, Object.keys(table))}`,
      );
    }
  }
  for (const [key, f] of Object.entries(table)) {
    const v = obj[key];
    const at = `${path}.${key}`;
    if (v === undefined) {
      if (f.required) throw new PipelineError(file, at, `is required (${f.kind})`);
      continue;
    }
    const bad = (want: string) =>
      new PipelineError(file, at, `must be ${want}, found ${typeName(v)}`);
    if (f.kind === "string" && typeof v !== "string") throw bad("a string");
    if (f.kind === "boolean" && typeof v !== "boolean") throw bad("a boolean");
    if (f.kind === "integer") {
      if (typeof v !== "number" || !Number.isInteger(v)) throw bad("an integer");
      if (f.min !== undefined && v < f.min) {
        throw new PipelineError(file, at, `must be at least ${f.min}, found ${v}`);
      }
    }
    if (f.kind === "string[]" && (!Array.isArray(v) || v.some((x) => typeof x !== "string"))) {
      throw bad("an array of strings");
    }
    const values = Array.isArray(v) ? v as string[] : [v];
    if (f.oneOf) {
      for (const x of values) {
        if (!f.oneOf.includes(x as string)) {
          throw new PipelineError(
            file,
            at,
            `"${x}" is not allowed; allowed: ${f.oneOf.join(", ")}`,
          );
        }
      }
    }
    if (f.file) {
      for (const x of values as string[]) checkPath(file, at, x, roots);
    }
  }
  return obj;
}

function typeTypeOf(v: unknown): string {
  return typeName(v);
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
 * console.log(p.fuse.memory); // "shared"
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
  const noRoots: Roots = { base: baseDir, extra: [] };
  const pipeline = checkTable(file, noRoots, "pipeline", raw.pipeline ?? {}, SECTIONS.pipeline);
  const pipelineName = pipeline.name as string;
  if (!/^[a-z][a-z0-9_-]*$/.test(pipelineName)) {
    throw new PipelineError(
      file,
      "pipeline.name",
      `"${pipelineName}" is not a name: it becomes build/<name>/, so it must be lowercase ` +
        `letters, digits, - and _ (starting with a letter), with no path in it`,
    );
  }
  const roots: Roots = {
    base: baseDir,
    extra: ((pipeline["source-roots"] as string[] | undefined) ?? []).map((r) =>
      resolve(baseDir, r)
    ),
  };
  const section = (name: string) => checkTable(file, roots, name, raw[name] ?? {}, SECTIONS[name]);
  const comps = raw.component ?? [];
  if (!Array.isArray(comps) || comps.length === 0) {
    throw new PipelineError(file, "component", "at least one [[component]] table is required");
  }
  const names = new Set<string>();
  const components = comps.map((c, i) => {
    const o = checkTable(file, roots, `component[${i}]`, c, COMPONENT);
    const name = o.name as string;
    if (!/^[a-z][a-z0-9-]*$/.test(name)) {
      throw new PipelineError(
        file,
        `component[${i}].name`,
        `"${name}" must be lowercase kebab-case (a-z, 0-9, -)`,
      );
    }
    if (names.has(name)) {
      throw new PipelineError(file, `component[${i}].name`, `"${name}" is used twice`);
    }
    if (o.language === "rust" && o.libc === "wasi") {
      throw new PipelineError(
        file,
        `component[${i}].libc`,
        `a Rust component is a no_std crate; libc = "wasi" applies to C components`,
      );
    }
    names.add(name);
    return {
      name,
      sources: o.sources as string[],
      compile: o.compile as string[] | undefined,
      language: (o.language as "c" | "rust" | undefined) ?? "c",
      libc: (o.libc as "none" | "wasi" | undefined) ?? "none",
      wit: o.wit as string,
      world: o.world as string,
      embedderImports: (o["embedder-imports"] as string[] | undefined) ??
        ["env::__cabi_arena_realloc"],
      // libc's printf family keeps several hundred bytes of frames (more for floats).
      stackBytes: (o["stack-bytes"] as number | undefined) ?? (o.libc === "wasi" ? 4096 : 1024),
    };
  });
  const image = raw.image === undefined ? undefined : section("image");
  const fuse = section("fuse"),
    loom = section("loom"),
    synth = section("synth"),
    run = section("run");
  if (synth.board !== undefined && synth.boards !== undefined) {
    throw new PipelineError(file, "synth.board", "give either board or boards, not both");
  }
  const declared = declaredBoards(file, raw.board, text);
  const known = [...Object.keys(BOARDS), ...Object.keys(declared)];
  const boards = (synth.boards as string[]) ?? [(synth.board as string) ?? "lm3s6965evb"];
  boards.forEach((b, i) => {
    if (!known.includes(b)) {
      throw new PipelineError(
        file,
        synth.boards ? `synth.boards[${i}]` : "synth.board",
        `"${b}" is not a board; ${suggest(b, known)} (or declare it: [board.${b}])`,
      );
    }
  });
  const domains = checkDomains(file, raw.domain, names, fuse.memory as string | undefined);
  const output = [
    ...new Set((synth.output as SynthOutputKind[] | undefined) ?? ["elf" as const]),
  ];
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
    name: pipelineName,
    baseDir,
    file,
    components,
    ...(Object.keys(declared).length > 0 ? { boards: declared } : {}),
    fuse: {
      memory: (fuse.memory as Pipeline["fuse"]["memory"]) ?? (domains ? "domains" : "shared"),
      ...(domains ? { domains } : {}),
      pack: (fuse.pack as boolean) ?? true,
      arenaBytes: (fuse["arena-bytes"] as number) ?? 4096,
      shareStack: (fuse["share-stack"] as boolean) ?? true,
      stackBytes: fuse["stack-bytes"] as number | undefined,
      ...(fuse["handle-slots"] !== undefined
        ? { handleSlots: fuse["handle-slots"] as number }
        : {}),
      ...(fuse["async-tasks"] !== undefined ? { asyncTasks: fuse["async-tasks"] as number } : {}),
      ...(fuse["async-waitables"] !== undefined
        ? { asyncWaitables: fuse["async-waitables"] as number }
        : {}),
      passthrough: (fuse.passthrough as string[]) ?? [],
      hostImports: (fuse["host-imports"] as string[]) ?? [],
    },
    loom: {
      tool: (loom.tool as Pipeline["loom"]["tool"]) ?? "binaryen",
      level: (loom.level as number) ?? 2,
      shrink: (loom.shrink as number) ?? 1,
      passes: loom.passes as string[] | undefined,
    },
    synth: {
      backend: (synth.backend as Pipeline["synth"]["backend"]) ?? "builtin",
      boards,
      entry: synth.entry as string,
      entryResult: (synth["entry-result"] as Pipeline["synth"]["entryResult"]) ?? "string",
      optLevel: (synth["opt-level"] as string) ?? "Os",
      // Unset: synth sizes the native stack from its proven bound.
      stackBytes: synth["stack-bytes"] as number | undefined,
      measureStack: (synth["measure-stack"] as boolean) ?? true,
      output,
      command: synth.command as string[] | undefined,
    },
    ...(image
      ? {
        image: {
          sources: image.sources as string[],
          linkerScript: image["linker-script"] as string,
          includeDirs: (image["include-dirs"] as string[] | undefined) ?? [],
          cflags: (image.cflags as string[] | undefined) ?? [],
          ldflags: (image.ldflags as string[] | undefined) ?? [],
        },
      }
      : {}),
    run: {
      emulator: (run.emulator as Pipeline["run"]["emulator"]) ?? "qemu",
      expectOutput: run["expect-output"] as string | undefined,
      expectExitCode: (run["expect-exit-code"] as number) ?? 0,
      timeoutMs: (run["timeout-ms"] as number) ?? 10000,
    },
  };
}

/**
 * `[[domain]]` tables: each names components of the pipeline, each component
 * in at most one domain, under distinct names; only with `memory = "domains"`
 * (the default when domains are declared).
 */
function checkDomains(
  file: string,
  raw: unknown,
  components: Set<string>,
  memory: string | undefined,
): NonNullable<Pipeline["fuse"]["domains"]> | undefined {
  if (raw === undefined) return undefined;
  if (!Array.isArray(raw)) {
    throw new PipelineError(file, "domain", "must be an array of tables: write [[domain]]");
  }
  if (memory !== undefined && memory !== "domains") {
    throw new PipelineError(
      file,
      "fuse.memory",
      `is "${memory}", but [[domain]] tables are declared: domains need memory = "domains" ` +
        `(the default when domains are declared); drop fuse.memory or the domains`,
    );
  }
  const noRoots: Roots = { base: ".", extra: [] };
  const names = new Set<string>();
  const holder = new Map<string, string>();
  return raw.map((d, i) => {
    const o = checkTable(file, noRoots, `domain[${i}]`, d, DOMAIN);
    const name = o.name as string;
    if (!/^[a-z][a-z0-9_-]*$/.test(name)) {
      throw new PipelineError(
        file,
        `domain[${i}].name`,
        `"${name}" must be lowercase letters, digits, - and _ (starting with a letter)`,
      );
    }
    if (names.has(name)) {
      throw new PipelineError(file, `domain[${i}].name`, `"${name}" is used twice`);
    }
    names.add(name);
    const members = o.components as string[];
    members.forEach((c, j) => {
      if (!components.has(c)) {
        throw new PipelineError(
          file,
          `domain[${i}].components[${j}]`,
          `"${c}" is not a component of this pipeline; ${suggest(c, components)}`,
        );
      }
      const other = holder.get(c);
      if (other !== undefined) {
        throw new PipelineError(
          file,
          `domain[${i}].components[${j}]`,
          `"${c}" is already in domain "${other}": a component belongs to one domain`,
        );
      }
      holder.set(c, name);
    });
    return {
      name,
      components: members,
      ...(o["arena-bytes"] !== undefined ? { arenaBytes: o["arena-bytes"] as number } : {}),
      ...(o["stack-bytes"] !== undefined ? { stackBytes: o["stack-bytes"] as number } : {}),
    };
  });
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
