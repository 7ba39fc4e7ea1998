/**
 * The codebase's shape, checked: files readable in one sitting, functions
 * that fit on a screen or two, no import cycles, layers that never import
 * upward, and `mod.ts` files that only re-export.
 */
import { assert } from "./support/assert.ts";

/** Folders whose files the limits apply to (tests aside). */
const CHECKED = ["stages", "wasm", "pipeline", "cli"];
/** Every folder of project code, for the import graph. */
const PROJECT = [...CHECKED, "tools", "bench", "test", "examples"];
const MAX_FILE_LINES = 500;
const MAX_FUNCTION_LINES = 120;
/** Lower layers first: a file may import its own layer and those below it. */
const LAYERS = ["wasm", "stages", "pipeline", "cli"];

async function tsFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  for await (const e of Deno.readDir(dir)) {
    const path = `${dir}/${e.name}`;
    if (e.isDirectory) out.push(...await tsFiles(path));
    else if (e.name.endsWith(".ts")) out.push(path);
  }
  return out.sort();
}

async function projectFiles(): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  for (const dir of PROJECT) {
    for (const f of await tsFiles(dir)) files.set(f, await Deno.readTextFile(f));
  }
  for (const f of ["mod.ts", "cli.ts"]) files.set(f, await Deno.readTextFile(f));
  return files;
}

const isTest = (f: string) => f.endsWith("_test.ts");
const checked = (f: string) => CHECKED.some((d) => f.startsWith(`${d}/`)) && !isTest(f);

/** Relative static imports and re-exports (statements at line start; doc examples are not). */
function importsOf(file: string, source: string, files: Map<string, string>): string[] {
  const out: string[] = [];
  const statement = /^(?:import|export)\s[^;]*?from\s+"(\.[^"]+)"/gms;
  for (const m of source.matchAll(statement)) {
    const parts = [...file.split("/").slice(0, -1), ...m[1].split("/")];
    const path: string[] = [];
    for (const p of parts) {
      if (p === "..") path.pop();
      else if (p !== ".") path.push(p);
    }
    const target = path.join("/");
    if (files.has(target)) out.push(target);
  }
  return out;
}

/**
 * Functions and methods longer than the limit. deno fmt's layout makes this
 * exact enough: a body ends at the first `}` at its declaration's indent.
 */
function longFunctions(source: string): { name: string; line: number; lines: number }[] {
  const decl =
    /^(\s*)(?:export\s+)?(?:async\s+)?(?:function\*?\s+(\w+)|(?:(?:private|static|async|get|set)\s+)*#?(\w+)\s*(?:<.*>)?\(|(?:const|let)\s+(\w+)\s*=\s*(?:async\s*)?\()/;
  const keywords = new Set(["if", "for", "while", "switch", "catch", "return", "super"]);
  const lines = source.split("\n");
  const out: { name: string; line: number; lines: number }[] = [];
  for (let i = 0; i < lines.length; i++) {
    const m = lines[i].match(decl);
    const name = m?.[2] ?? m?.[3] ?? m?.[4];
    if (!m || !name || keywords.has(name)) continue;
    const indent = m[1];
    // The body opens on the declaration's line, or on the `) {` that closes its parameters.
    const opens = (l: string) => l.trimEnd().endsWith(" {");
    let open = i;
    while (open < lines.length && !opens(lines[open])) {
      if (open > i && !lines[open].startsWith(`${indent} `)) break;
      open++;
    }
    if (open >= lines.length || !opens(lines[open])) continue;
    if (open > i && !lines[open].startsWith(`${indent})`)) continue;
    let end = open + 1;
    while (end < lines.length && !lines[end].startsWith(`${indent}}`)) end++;
    const length = end - i + 1;
    if (length > MAX_FUNCTION_LINES) out.push({ name, line: i + 1, lines: length });
  }
  return out;
}

Deno.test(`no file in ${CHECKED.join(", ")} is over ${MAX_FILE_LINES} lines`, async () => {
  const over = [...await projectFiles()]
    .filter(([f]) => checked(f))
    .map(([f, s]) => ({ f, n: s.split("\n").length - 1 }))
    .filter(({ n }) => n > MAX_FILE_LINES)
    .map(({ f, n }) => `${f}: ${n} lines`);
  assert(over.length === 0, `files over ${MAX_FILE_LINES} lines:\n${over.join("\n")}`);
});

Deno.test(`no function is over ${MAX_FUNCTION_LINES} lines`, async () => {
  const over: string[] = [];
  for (const [f, s] of await projectFiles()) {
    if (!checked(f) && !f.startsWith("tools/")) continue;
    for (const l of longFunctions(s)) over.push(`${f}:${l.line} ${l.name}: ${l.lines} lines`);
  }
  assert(over.length === 0, `functions over ${MAX_FUNCTION_LINES} lines:\n${over.join("\n")}`);
});

Deno.test("the function-length check finds a long function", () => {
  const body = Array.from({ length: MAX_FUNCTION_LINES }, (_, i) => `  const x${i} = ${i};`);
  const source = ["export function long(", "  a: number,", "): void {", ...body, "}"].join("\n");
  assert(longFunctions(source).map((l) => l.name).join() === "long", "not found");
  assert(longFunctions(source.replace(/\n {2}const x[0-9]+ = 1[0-9];/g, "")).length === 0);
});

Deno.test("no import cycles, and no layer imports a layer above it", async () => {
  const files = await projectFiles();
  const graph = new Map([...files].map(([f, s]) => [f, importsOf(f, s, files)]));
  const problems: string[] = [];
  // Layers (wasm < stages < pipeline < cli), for the project's own code.
  for (const [f, deps] of graph) {
    if (isTest(f)) continue;
    const from = LAYERS.indexOf(f.split("/")[0]);
    for (const d of deps) {
      const to = LAYERS.indexOf(d.split("/")[0]);
      if (from >= 0 && to > from) problems.push(`${f} imports ${d}, a layer above it`);
    }
  }
  // Cycles: a depth-first walk that meets a file still on its path.
  const state = new Map<string, "open" | "done">();
  const path: string[] = [];
  const visit = (f: string) => {
    state.set(f, "open");
    path.push(f);
    for (const d of graph.get(f) ?? []) {
      if (state.get(d) === "open") {
        problems.push(`cycle: ${[...path.slice(path.indexOf(d)), d].join(" -> ")}`);
      } else if (!state.has(d)) visit(d);
    }
    path.pop();
    state.set(f, "done");
  };
  for (const f of graph.keys()) if (!state.has(f)) visit(f);
  assert(problems.length === 0, problems.join("\n"));
});

Deno.test("every mod.ts only re-exports", async () => {
  const problems: string[] = [];
  for (const [f, s] of await projectFiles()) {
    if (f !== "mod.ts" && !f.endsWith("/mod.ts")) continue;
    // Strip comments, then every `export … from "…";` statement: nothing may be left.
    const code = s.replace(/\/\*[\s\S]*?\*\//g, "").replace(/^\s*\/\/.*$/gm, "");
    const rest = code.replace(/export\s+(?:type\s+)?(?:\*|\{[^}]*\})\s+from\s+"[^"]+";/g, "");
    if (rest.trim() !== "") problems.push(`${f}: ${rest.trim().split("\n")[0]}`);
  }
  assert(problems.length === 0, `mod.ts files with more than re-exports:\n${problems.join("\n")}`);
});

Deno.test("stages, pipeline and cli reach the codec and the stages through their facades", async () => {
  const files = await projectFiles();
  const problems: string[] = [];
  // A facade is a mod.ts; the stage layer's shared modules are its own public API, and each
  // stage's settings and plan are what the pipeline reads of it without loading its code.
  const shared = /^stages\/(types|errors|exec|toolchain|settings)\.ts$/;
  for (const [f, s] of files) {
    if (isTest(f) || !["stages", "pipeline", "cli"].includes(f.split("/")[0])) continue;
    for (const d of importsOf(f, s, files)) {
      const intoWasm = d.startsWith("wasm/") && !d.endsWith("/mod.ts") && d !== "wasm/limits.ts";
      const intoStage = !f.startsWith("stages/") && d.startsWith("stages/") &&
        !d.endsWith("/mod.ts") && !shared.test(d) && !/^stages\/\w+\/(settings|plan)\.ts$/.test(d);
      if (intoWasm || intoStage) problems.push(`${f} imports ${d}, not its facade`);
    }
  }
  assert(problems.length === 0, problems.join("\n"));
});
