/**
 * Running external tools: commands that read like the command line they
 * run, with an explicit cwd and env, and failures that carry the stage,
 * the command and the tail of its stderr.
 *
 * @module
 */
import process from "node:process";
import { $ } from "zx";

$.verbose = false;
$.quiet = true;
// zx runs commands through a shell with arguments it has already quoted;
// Node's compat layer warns about that pattern on every call.
process.noDeprecation = true;

/** An external tool failed. */
export class ToolError extends Error {
  readonly stage: string;
  readonly command: string;
  readonly exitCode: number | null;
  readonly stderrTail: string;

  constructor(stage: string, command: string, exitCode: number | null, stderr: string) {
    const tail = stderr.trim().split("\n").slice(-15).join("\n");
    super(
      `${stage}: \`${command}\` failed${exitCode === null ? "" : ` with exit code ${exitCode}`}${
        tail ? `\n${tail.replace(/^/gm, "  | ")}` : ""
      }`,
    );
    this.name = "ToolError";
    this.stage = stage;
    this.command = command;
    this.exitCode = exitCode;
    this.stderrTail = tail;
  }
}

/** Options of {@linkcode run}. */
export interface RunOptions {
  stage: string;
  cwd?: string;
  env?: Record<string, string>;
  /** Milliseconds before the process is killed. */
  timeoutMs?: number;
}

/** What a finished command printed. */
export interface RunResult {
  stdout: string;
  stderr: string;
  exitCode: number;
  timedOut: boolean;
}

/**
 * PATH without `node_modules/.bin` entries. `deno task` prepends those, and
 * one of them matters: clang runs any `wasm-opt` it finds on PATH after
 * linking (binaryen's npm package ships one), which strips the name section
 * and un-pads relocated LEBs, so fuse could no longer rebase the module.
 */
export function systemPath(): string {
  return (Deno.env.get("PATH") ?? "").split(":").filter((d) => d && !d.includes("node_modules"))
    .join(":");
}

function quote(arg: string): string {
  return /^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`;
}

/**
 * Runs `cmd args...`; throws {@linkcode ToolError} on a non-zero exit
 * unless `allowFailure` is set.
 *
 * @example
 * ```ts
 * import { run } from "./exec.ts";
 * const { stdout } = await run(["clang", "--version"], { stage: "gale" });
 * console.log(stdout.split("\n")[0]);
 * ```
 */
export async function run(
  argv: string[],
  opts: RunOptions,
  allowFailure = false,
): Promise<RunResult> {
  const command = argv.map(quote).join(" ");
  // Timeouts go through coreutils `timeout`, which kills the process itself: zx's own
  // timeout walks the process tree with `ps`, and a guest it failed to kill would spin on.
  const full = opts.timeoutMs === undefined
    ? argv
    : ["timeout", "--signal=KILL", `${Math.max(1, Math.ceil(opts.timeoutMs / 1000))}s`, ...argv];
  const p = $({
    cwd: opts.cwd,
    env: { ...Deno.env.toObject(), PATH: systemPath(), ...opts.env },
    nothrow: true,
  })`${full}`;
  let out;
  try {
    out = await p;
  } catch (e) {
    throw new ToolError(opts.stage, command, null, (e as Error).message);
  }
  // `timeout` signals its whole process group, itself included: the shell sees SIGKILL.
  const timedOut = opts.timeoutMs !== undefined &&
    (out.signal === "SIGKILL" || out.exitCode === 137 || out.exitCode === 124);
  const result = { stdout: out.stdout, stderr: out.stderr, exitCode: out.exitCode ?? -1, timedOut };
  if (!allowFailure && (result.exitCode !== 0 || timedOut)) {
    throw new ToolError(opts.stage, command, out.exitCode, out.stderr || out.stdout);
  }
  return result;
}

const versions = new Map<string, string>();

/**
 * The first line a tool prints for `--version` (cached per process).
 *
 * @example
 * ```ts
 * import { toolVersion } from "./exec.ts";
 * console.log(await toolVersion("wasm2c"));
 * ```
 */
export async function toolVersion(cmd: string, flag = "--version"): Promise<string> {
  const key = `${cmd} ${flag}`;
  const known = versions.get(key);
  if (known) return known;
  const r = await run([cmd, flag], { stage: "version" }, true);
  const v = (r.stdout || r.stderr).trim().split("\n")[0] ?? "unknown";
  versions.set(key, v);
  return v;
}

/** Whether `cmd` is on PATH. */
export function onPath(cmd: string): boolean {
  for (const dir of (Deno.env.get("PATH") ?? "").split(":")) {
    try {
      if (dir && Deno.statSync(`${dir}/${cmd}`).isFile) return true;
    } catch {
      // not here
    }
  }
  return false;
}
