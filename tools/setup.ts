/**
 * Makes sure the system tools the pipeline and tests need are installed.
 *
 * Run by every `deno task` before the real work: checks for every program
 * and library of the toolchain table (`stages/toolchain.ts`); when any is
 * missing it installs the Debian packages with apt-get if running as root,
 * otherwise it stops and prints the exact command to run. The npm packages
 * pinned in package-lock.json are installed with `npm install` when
 * `node_modules` is missing or older than the lock file (deno.json uses
 * `"nodeModulesDir": "manual"`: Deno's own resolver would also try to fetch
 * every platform's optional binaries, which this registry does not serve).
 *
 * @module
 */
import { TOOLCHAIN, type ToolchainEntry } from "../stages/toolchain.ts";

/** A command the pipeline runs, and the Debian package that provides it. */
export type RequiredTool = ToolchainEntry;

/** Everything `deno task dissolve` and `deno task test` need on the machine. */
export const REQUIRED_TOOLS: readonly RequiredTool[] = TOOLCHAIN;

/**
 * Finds `command` on PATH.
 *
 * @example
 * ```ts
 * import { findOnPath } from "./setup.ts";
 * console.log(findOnPath("sh")); // "/usr/bin/sh"
 * ```
 */
export function findOnPath(command: string): string | undefined {
  // /usr/sbin too: daemons (nginx) live there, and a non-root PATH often lacks it.
  for (const dir of [...(Deno.env.get("PATH") ?? "").split(":"), "/usr/sbin"]) {
    // Only where this task may read: `deno task` puts every parent's node_modules/.bin and the
    // user's own entries on PATH, and asking about those would prompt (or fail under --no-prompt).
    if (!dir || Deno.permissions.querySync({ name: "read", path: dir }).state !== "granted") {
      continue;
    }
    try {
      const path = `${dir}/${command}`;
      const info = Deno.statSync(path);
      if (info.isFile && ((info.mode ?? 0o111) & 0o111)) return path;
    } catch {
      // not in this directory
    }
  }
  return undefined;
}

/** The Debian packages to install for the programs and files that are missing. */
export function missingPackages(tools: readonly RequiredTool[] = REQUIRED_TOOLS): string[] {
  const pkgs: string[] = [];
  const exists = (path: string) => {
    try {
      Deno.statSync(path);
      return true;
    } catch {
      return false;
    }
  };
  for (const t of tools) {
    const program = t.command === undefined ||
      (t.command.startsWith("/") ? exists(t.command) : findOnPath(t.command) !== undefined);
    if (program && (t.files ?? []).every(exists)) continue;
    for (const p of [t.debianPackage, ...(t.alsoInstall ?? [])]) {
      if (!pkgs.includes(p)) pkgs.push(p);
    }
  }
  return pkgs;
}

async function run(cmd: string, args: string[]): Promise<void> {
  const { code } = await new Deno.Command(cmd, {
    args,
    env: { DEBIAN_FRONTEND: "noninteractive" },
    stdout: "inherit",
    stderr: "inherit",
  }).output();
  if (code !== 0) throw new Error(`${cmd} ${args.join(" ")} failed with exit code ${code}`);
}

/** Whether `node_modules` is missing or older than `package-lock.json`. */
export function npmInstallNeeded(root = "."): boolean {
  try {
    const installed = Deno.statSync(`${root}/node_modules/.package-lock.json`).mtime?.getTime() ??
      0;
    const wanted = Deno.statSync(`${root}/package-lock.json`).mtime?.getTime() ?? 0;
    return installed < wanted;
  } catch {
    return true;
  }
}

/**
 * Installs what is missing: npm packages (`npm install`) when `node_modules`
 * is older than the lock file, Debian packages with apt-get when running as
 * root. Returns the exit code: 1 when something is missing and cannot be
 * installed from here (the message says the command to run).
 *
 * @example
 * ```ts ignore
 * import { setUp } from "./setup.ts";
 * if (await setUp() !== 0) Deno.exit(1);
 * ```
 */
export async function setUp(): Promise<number> {
  if (npmInstallNeeded()) {
    console.error("dissolve: installing npm packages (npm install, pinned by package-lock.json)");
    await run("npm", ["install", "--no-audit", "--no-fund", "--loglevel=error"]);
  }
  const pkgs = missingPackages();
  if (pkgs.length === 0) return 0;
  const command = `apt-get update && apt-get install -y --no-install-recommends ${pkgs.join(" ")}`;
  if (Deno.uid() !== 0) {
    console.error(`dissolve: missing system packages: ${pkgs.join(", ")}`);
    console.error(`Install them, then run this again:\n  sudo sh -c '${command}'`);
    return 1;
  }
  console.error(`dissolve: installing ${pkgs.join(" ")} (apt-get, as root)`);
  try {
    await run("apt-get", ["update", "-qq"]);
    await run("apt-get", ["install", "-y", "-qq", "--no-install-recommends", ...pkgs]);
  } catch (e) {
    console.error(`dissolve: ${(e as Error).message}\nRun by hand:\n  ${command}`);
    return 1;
  }
  return 0;
}

if (import.meta.main) Deno.exit(await setUp());
