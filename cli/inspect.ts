/**
 * `dissolve inspect <file.wasm> [--json]`.
 *
 * @module
 */
import { parseArgs } from "node:util";
import { decodeWasm } from "../wasm/mod.ts";
import { summarize } from "./summary.ts";
import { renderSummary } from "./summary_render.ts";

/** Help text for `dissolve inspect`. */
export const INSPECT_HELP = `dissolve inspect <file.wasm> [--json]

Prints a module's or component's sections with sizes, imports and exports,
for components the nested structure (core modules, instances, canon lift /
lower) and a WIT-like summary of the world, memories with their page limits,
and whether any function contains memory.grow.
`;

/**
 * Runs `dissolve inspect`; returns the exit code.
 *
 * @example
 * ```ts
 * import { inspectCommand } from "./inspect.ts";
 * await inspectCommand(["app.wasm", "--json"]);
 * ```
 */
export async function inspectCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      json: { type: "boolean" },
      help: { type: "boolean", short: "h" },
      verbose: { type: "boolean" },
    },
  });
  if (values.help || positionals.length !== 1) {
    console.log(INSPECT_HELP);
    return values.help ? 0 : 2;
  }
  const path = positionals[0];
  const bytes = await Deno.readFile(path);
  let model;
  try {
    model = decodeWasm(bytes);
  } catch (e) {
    throw new Error(`${path}: ${(e as Error).message}`);
  }
  const summary = { file: path, size: bytes.length, ...summarize(model) };
  console.log(
    values.json
      ? JSON.stringify(summary, null, 2)
      : `${path} (${bytes.length} bytes)\n${renderSummary(summary)}`,
  );
  return 0;
}
