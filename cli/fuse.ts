/**
 * `dissolve fuse <component.wasm>... -o fused.wasm [options]`.
 *
 * @module
 */
import { describeError } from "../stages/errors.ts";
import { parseArgs } from "node:util";
import { basename } from "node:path";
import { writeAtomic } from "../pipeline/atomic.ts";
import {
  type DomainSpec,
  explainReport,
  fuse,
  importMap,
  type MemoryStrategy,
} from "../stages/fuse/mod.ts";
import { FUSE_DEFAULTS } from "../stages/fuse/settings.ts";

/** Help text for `dissolve fuse`. */
export const FUSE_HELP = `dissolve fuse <component.wasm>... -o <fused.wasm> [options]

Fuses components into one grow-free core module. The defaults are [fuse]'s in a pipeline file.

Options:
  -o, --output FILE          where to write the fused module (required)
  --memory shared|domains|multi|auto
                             memory strategy (default ${FUSE_DEFAULTS.memory}: shared when provably sound;
                             domains when --domain is given): shared is one memory, domains
                             one memory per isolation domain, multi each module's own
  --domain NAME=A,B,...      components A, B, ... share domain NAME's memory (repeatable;
                             a component not named is a domain of its own)
  --pack / --no-pack         pack regions by used extent (default) or page-granular
  --arena-bytes N            embedder arena size above the regions (default ${FUSE_DEFAULTS.arenaBytes})
  --share-stack / --no-share-stack
                             one shadow stack for all modules (default; shared memory,
                             stack-first inputs) or each module's own
  --stack-bytes N            size of the shared stack (default: the largest module's stack)
  --handle-slots N           slots of each component's handle table (default ${FUSE_DEFAULTS.handleSlots})
  --async-tasks N            task records of the async scheduler (default ${FUSE_DEFAULTS.asyncTasks}; async only)
  --async-waitables N        waitable records of the async scheduler (default ${FUSE_DEFAULTS.asyncWaitables}; async only)
  --async-threads N          threads suspended at once, each with its saved stack (default ${FUSE_DEFAULTS.asyncThreads};
                             only when an async call starts a task lifted without a callback)
  --async-thread-bytes N     bytes of each thread's saved stack (default ${FUSE_DEFAULTS.asyncThreadBytes})
  --passthrough NAME[=module::field]
                             treat NAME as an embedder import (repeatable)
  --host NAME                an import the host provides (repeatable; "*" for any)
  --emit-import-map FILE     write the remaining imports as JSON (embedder / host / wasi)
  --explain                  print the strategy, regions and every cross-component boundary
  --component                emit a component instead of a core module
  --verbose                  with a failure, also print its stack trace (for a bug report)
`;

/**
 * Runs `dissolve fuse`; returns the exit code.
 *
 * @example
 * ```ts
 * import { fuseCommand } from "./fuse.ts";
 * Deno.exit(await fuseCommand(["a.wasm", "b.wasm", "-o", "fused.wasm", "--explain"]));
 * ```
 */
export async function fuseCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      output: { type: "string", short: "o" },
      memory: { type: "string" },
      domain: { type: "string", multiple: true },
      pack: { type: "boolean" },
      "no-pack": { type: "boolean" },
      "arena-bytes": { type: "string" },
      "share-stack": { type: "boolean" },
      "no-share-stack": { type: "boolean" },
      "stack-bytes": { type: "string" },
      "handle-slots": { type: "string" },
      "async-tasks": { type: "string" },
      "async-waitables": { type: "string" },
      "async-threads": { type: "string" },
      "async-thread-bytes": { type: "string" },
      passthrough: { type: "string", multiple: true },
      host: { type: "string", multiple: true },
      "emit-import-map": { type: "string" },
      explain: { type: "boolean" },
      component: { type: "boolean" },
      help: { type: "boolean", short: "h" },
      // Read by cli.ts (a stack trace with a failure); accepted here so it is not an error.
      verbose: { type: "boolean" },
    },
  });
  if (values.help) {
    console.log(FUSE_HELP);
    return 0;
  }
  if (positionals.length === 0 || !values.output) {
    console.error(
      `dissolve fuse: ${positionals.length === 0 ? "no input components" : "missing -o <file>"}\n`,
    );
    console.error(FUSE_HELP);
    return 2;
  }
  const memory =
    (values.memory ?? (values.domain ? "domains" : FUSE_DEFAULTS.memory)) as MemoryStrategy;
  if (!["shared", "domains", "multi", "auto"].includes(memory)) {
    console.error(
      `dissolve fuse: --memory must be shared, domains, multi or auto, not "${values.memory}"`,
    );
    return 2;
  }
  const domains: DomainSpec[] = [];
  for (const d of values.domain ?? []) {
    const m = /^([^=\s]+)=([^=\s]+)$/.exec(d);
    if (!m) {
      console.error(`dissolve fuse: --domain must be NAME=COMPONENT,COMPONENT,… not "${d}"`);
      return 2;
    }
    domains.push({ name: m[1], components: m[2].split(",").filter((c) => c !== "") });
  }
  const sizes = sizeOptions(values);
  if (typeof sizes === "string") {
    console.error(`dissolve fuse: ${sizes}`);
    return 2;
  }
  const inputs = [];
  for (const path of positionals) {
    try {
      inputs.push({
        name: basename(path).replace(/\.wasm$/, ""),
        bytes: await Deno.readFile(path),
      });
    } catch (e) {
      console.error(
        `dissolve fuse: ${
          e instanceof Deno.errors.NotFound ? `cannot read ${path}: no such file` : describeError(e)
        }`,
      );
      return 1;
    }
  }
  // A domain may name a component by its file's name with or without `.component`.
  const names = new Set(inputs.map((i) => i.name));
  for (const d of domains) {
    d.components = d.components.map((c) =>
      names.has(c) || !names.has(`${c}.component`) ? c : `${c}.component`
    );
  }
  const { module, report } = await fuse(inputs, {
    memory,
    ...(domains.length > 0 ? { domains } : {}),
    pack: values["no-pack"] ? false : FUSE_DEFAULTS.pack,
    arenaBytes: sizes["arena-bytes"],
    shareStack: values["no-share-stack"] ? false : FUSE_DEFAULTS.shareStack,
    stackBytes: sizes["stack-bytes"],
    handleSlots: sizes["handle-slots"],
    asyncTasks: sizes["async-tasks"],
    asyncWaitables: sizes["async-waitables"],
    asyncThreads: sizes["async-threads"],
    asyncThreadBytes: sizes["async-thread-bytes"],
    passthrough: values.passthrough,
    hostImports: values.host?.includes("*") ? "*" : values.host,
    component: values.component,
  });
  await writeAtomic(values.output, module);
  if (values["emit-import-map"]) {
    await writeAtomic(values["emit-import-map"], JSON.stringify(importMap(report), null, 2) + "\n");
  }
  if (values.explain) console.log(explainReport(report));
  console.error(
    `dissolve fuse: wrote ${values.output} (${module.length} bytes, ${report.strategy} memory)`,
  );
  return 0;
}

const SIZE_FLAGS = [
  "arena-bytes",
  "stack-bytes",
  "handle-slots",
  "async-tasks",
  "async-waitables",
  "async-threads",
  "async-thread-bytes",
] as const;

/** The numeric flags, each a non-negative integer when given; else what is wrong. */
function sizeOptions(
  values: Partial<Record<(typeof SIZE_FLAGS)[number], string>>,
): Record<(typeof SIZE_FLAGS)[number], number | undefined> | string {
  const sizes = {} as Record<(typeof SIZE_FLAGS)[number], number | undefined>;
  for (const flag of SIZE_FLAGS) {
    const v = values[flag] === undefined ? undefined : Number(values[flag]);
    if (v !== undefined && !(Number.isInteger(v) && v >= 0)) {
      return `--${flag} must be a non-negative integer, not "${values[flag]}"`;
    }
    sizes[flag] = v;
  }
  return sizes;
}
