/**
 * Running external tools: each program is spawned directly with an
 * argument array, never through a shell, so Deno's `--allow-run` list is
 * exactly the set of programs a build can run. Commands carry an explicit
 * cwd and env, and failures carry the stage, the command line and the tail
 * of its stderr — or, for a program that is missing or not allowed, what to
 * install or grant.
 *
 * @module
 */
import { deniedProgram, missingProgram } from "./toolchain.ts";

/** An external tool failed (or could not be started). */
export class ToolError extends Error {
  readonly stage: string;
  readonly command: string;
  readonly exitCode: number | null;
  readonly stderrTail: string;

  constructor(
    stage: string,
    command: string,
    exitCode: number | null,
    stderr: string,
    summary?: string,
  ) {
    const tail = stderr.trim().split("\n").slice(-15).join("\n");
    super(
      summary ??
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

/** A program the build needs is not installed. */
export class MissingToolError extends ToolError {
  constructor(stage: string, readonly program: string, command: string) {
    super(stage, command, null, "", `${stage}: ${missingProgram(program)}`);
    this.name = "MissingToolError";
  }
}

/** Deno's permissions do not let the build run a program. */
export class DeniedProgramError extends ToolError {
  constructor(stage: string, readonly program: string, command: string) {
    super(stage, command, null, "", `${stage}: ${deniedProgram(program)}`);
    this.name = "DeniedProgramError";
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
 * Where the toolchain is looked up: `DISSOLVE_TOOL_PATH` when set (a
 * colon-separated list, for a toolchain outside PATH; its programs must be
 * in `--allow-run` by path), else PATH without `node_modules/.bin`
 * entries. `deno task` prepends those, and one of them matters: clang runs
 * any `wasm-opt` it finds on PATH after linking (binaryen's npm package
 * ships one), which strips the name section and un-pads relocated LEBs, so
 * fuse could no longer rebase the module.
 *
 * @example
 * ```ts
 * import { systemPath } from "./exec.ts";
 * console.log(systemPath().includes("node_modules")); // false
 * ```
 */
export function systemPath(): string {
  const override = Deno.env.get("DISSOLVE_TOOL_PATH");
  if (override !== undefined) return override;
  return (Deno.env.get("PATH") ?? "").split(":").filter((d) => d && !d.includes("node_modules"))
    .join(":");
}

function quote(arg: string): string {
  return /^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`;
}

const decoder = new TextDecoder();

/**
 * Runs `argv[0]` with the arguments `argv[1..]`; throws {@linkcode ToolError}
 * on a non-zero exit unless `allowFailure` is set, and always when the
 * program is missing ({@linkcode MissingToolError}) or not allowed
 * ({@linkcode DeniedProgramError}).
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
  let child: Deno.ChildProcess;
  try {
    child = new Deno.Command(argv[0], {
      args: argv.slice(1),
      cwd: opts.cwd,
      env: { PATH: systemPath(), ...opts.env },
      stdin: "null",
      stdout: "piped",
      stderr: "piped",
    }).spawn();
  } catch (e) {
    if (e instanceof Deno.errors.NotFound) throw new MissingToolError(opts.stage, argv[0], command);
    if (e instanceof Deno.errors.NotCapable) {
      throw new DeniedProgramError(opts.stage, argv[0], command);
    }
    throw new ToolError(opts.stage, command, null, (e as Error).message);
  }
  let timedOut = false;
  const timer = opts.timeoutMs === undefined ? undefined : setTimeout(() => {
    timedOut = true;
    try {
      child.kill("SIGKILL");
    } catch {
      // it exited just now
    }
  }, opts.timeoutMs);
  const out = await child.output();
  clearTimeout(timer);
  const result = {
    stdout: decoder.decode(out.stdout),
    stderr: decoder.decode(out.stderr),
    exitCode: out.code,
    timedOut,
  };
  if (!allowFailure && (result.exitCode !== 0 || timedOut)) {
    throw new ToolError(opts.stage, command, out.code, result.stderr || result.stdout);
  }
  return result;
}

const versions = new Map<string, Promise<string>>();

/**
 * The first line a tool prints for `--version` (asked once per process).
 *
 * @example
 * ```ts
 * import { toolVersion } from "./exec.ts";
 * console.log(await toolVersion("wasm2c"));
 * ```
 */
export function toolVersion(cmd: string, flag = "--version"): Promise<string> {
  const key = `${cmd} ${flag}`;
  let v = versions.get(key);
  if (!v) {
    v = run([cmd, flag], { stage: "version" }, true).then((r) =>
      (r.stdout || r.stderr).trim().split("\n")[0] ?? "unknown"
    );
    versions.set(key, v);
  }
  return v;
}

/**
 * Where `cmd` is (a path is taken as it is, a name is looked up on
 * {@linkcode systemPath}), with its file info — looking only where Deno may
 * read: a directory outside the granted roots is skipped, never prompted for.
 *
 * @example
 * ```ts
 * import { findProgram } from "./exec.ts";
 * console.log(findProgram("clang")?.path);
 * ```
 */
export function findProgram(cmd: string): { path: string; info: Deno.FileInfo } | undefined {
  const candidates = cmd.includes("/")
    ? [cmd]
    : systemPath().split(":").filter((d) => d).map((d) => `${d}/${cmd}`);
  for (const path of candidates) {
    if (Deno.permissions.querySync({ name: "read", path }).state !== "granted") continue;
    try {
      const info = Deno.statSync(path);
      if (info.isFile) return { path, info };
    } catch {
      // not here
    }
  }
  return undefined;
}

/**
 * Whether `cmd` is on PATH (see {@linkcode findProgram}).
 *
 * @example
 * ```ts
 * import { onPath } from "./exec.ts";
 * console.log(onPath("clang"));
 * ```
 */
export function onPath(cmd: string): boolean {
  return findProgram(cmd) !== undefined;
}
