/**
 * `deno task dissolve`: the set-up check, then the command line, in one
 * process. A warm no-op build is mostly process start-up, so the check runs
 * here instead of in a `deno task setup` of its own (which costs a second
 * Deno process every time). The CLI is imported only after the check.
 *
 * When the check had to run `npm install` (a fresh clone), this process
 * cannot load the packages: Deno read `node_modules` when it started. The
 * command then runs again in a new process with the same flags (the task's,
 * from deno.json), which sees them.
 *
 * @module
 */
import { npmInstallNeeded, setUp } from "./setup.ts";

const freshPackages = npmInstallNeeded();
const code = await setUp();
if (code !== 0) Deno.exit(code);
if (freshPackages) {
  const config = JSON.parse(await Deno.readTextFile(new URL("../deno.json", import.meta.url)));
  const flags = /deno run (.*) tools\/dissolve\.ts/.exec(config.tasks.dissolve)![1].split(" ");
  // By name: `deno task` (and npx) put this Deno on PATH, and the task may run `deno`.
  const { code } = await new Deno.Command("deno", {
    args: ["run", ...flags, new URL(import.meta.url).pathname, ...Deno.args],
    stdin: "inherit",
    stdout: "inherit",
    stderr: "inherit",
  }).output();
  Deno.exit(code);
}
const { main } = await import("../cli.ts");
Deno.exit(await main(Deno.args));
