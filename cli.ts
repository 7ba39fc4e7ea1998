/**
 * The `dissolve` command line.
 *
 * ```sh
 * deno task dissolve                    # build the default pipeline (dissolve.toml)
 * deno task dissolve build <file>       # build another pipeline
 * deno task dissolve fuse a.wasm -o f.wasm
 * deno task dissolve inspect x.wasm [--json]
 * ```
 *
 * Every failure is printed as a sentence (what, where, what to do), never a
 * stack trace; `--verbose` adds the trace for bug reports.
 *
 * @module
 */
import { FUSE_HELP, fuseCommand } from "./cli/fuse.ts";
import { INSPECT_HELP, inspectCommand } from "./cli/inspect.ts";
import { describeError, isInternalFault } from "./stages/errors.ts";
import { sha256 } from "./pipeline/hash.ts";
import config from "./deno.json" with { type: "json" };

/** Dissolve's version (deno.json). */
export const VERSION: string = config.version;

/**
 * The message for a fault in Dissolve itself: what broke, and what to put in
 * a bug report (version, command, the hashes of the inputs).
 *
 * @example
 * ```ts
 * import { internalFaultReport } from "./cli.ts";
 * console.log(await internalFaultReport("inspect", ["inspect", "x.wasm"], new TypeError("oops")));
 * ```
 */
export async function internalFaultReport(
  command: string,
  args: string[],
  e: unknown,
): Promise<string> {
  const inputs: string[] = [];
  for (const a of args.filter((a) => !a.startsWith("-"))) {
    try {
      inputs.push(`${a}: sha256 ${sha256(await Deno.readFile(a))}`);
    } catch {
      // not a file (a subcommand or an option's value)
    }
  }
  for (const i of (e as { inputs?: { name: string; sha256: string }[] }).inputs ?? []) {
    inputs.push(`${i.name}: sha256 ${i.sha256}`);
  }
  return `dissolve ${command}: internal error: ${describeError(e)}\n` +
    `  This is a bug in Dissolve, not a problem with your input. Please report it with:\n` +
    `    Dissolve ${VERSION}, Deno ${Deno.version.deno}, \`dissolve ${args.join(" ")}\`\n` +
    inputs.map((i) => `    ${i}\n`).join("") +
    `  and the output of the same command with --verbose.`;
}

/** Top-level help. */
export const HELP = `dissolve — WebAssembly components to Cortex-M firmware

Usage:
  dissolve [build] [dissolve.toml] [--debug] [--json] [--verbose] [--no-cache] [--remote-cache URL]
      Build a pipeline (default: ./dissolve.toml, the examples): gale → fuse → loom → synth → run.
      --debug builds with debug info into build/<name>-debug/ (see \`dissolve debug\`).
      Artifacts go to build/<pipeline>/ (replaced only by a build that succeeds); unchanged
      stages are reused from the verified cache (build/.cache), or from a Bazel HTTP remote
      cache (--remote-cache or DISSOLVE_REMOTE_CACHE). synth compiles once per CPU and links
      once per board; --compile-per-board compiles for each board (to measure what that saves).
  dissolve debug [dissolve.toml] --board B [--ex CMD]... [--batch]
      Build with debug info, boot in QEMU halted, and open gdb at the components' sources.
  dissolve cache verify | gc --max-size N
      Check every cache entry; bound the cache's size.
  dissolve fuse <component.wasm>... -o <fused.wasm> [options]
      Fuse components into one grow-free core module (see \`dissolve fuse --help\`).
  dissolve inspect <file.wasm> [--json]
      Sections, imports, exports, component structure, memories, memory.grow.
  dissolve help [command]
      This text, or a command's own help.
`;

/**
 * Runs the CLI with `args`; returns the exit code.
 *
 * @example
 * ```ts
 * import { main } from "./cli.ts";
 * console.log(await main(["inspect", "build/hello/fused.wasm"])); // 0
 * ```
 */
export async function main(args: string[]): Promise<number> {
  const verbose = args.includes("--verbose");
  const [command, ...rest] = args;
  try {
    switch (command) {
      case "fuse":
        return await fuseCommand(rest);
      case "inspect":
        return await inspectCommand(rest);
      case "help":
      case "--help":
      case "-h":
        console.log(rest[0] === "fuse" ? FUSE_HELP : rest[0] === "inspect" ? INSPECT_HELP : HELP);
        return 0;
      case "debug": {
        const { debugCommand, DEBUG_HELP } = await import("./cli/debug.ts");
        if (rest.includes("--help")) {
          console.log(DEBUG_HELP);
          return 0;
        }
        return await debugCommand(rest);
      }
      case "cache": {
        const { cacheCommand } = await import("./cli/cache.ts");
        return await cacheCommand(rest);
      }
      case "build": {
        const { buildCommand } = await import("./cli/build.ts");
        return await buildCommand(rest);
      }
      default: {
        const { buildCommand } = await import("./cli/build.ts");
        return await buildCommand(args);
      }
    }
  } catch (e) {
    console.error(
      isInternalFault(e)
        ? await internalFaultReport(command ?? "build", args, e)
        : `dissolve ${command ?? "build"}: ${describeError(e)}`,
    );
    if (verbose && e instanceof Error) console.error(e.stack);
    return 1;
  }
}

if (import.meta.main) Deno.exit(await main(Deno.args));
