/**
 * `deno task dissolve`: the set-up check, then the command line, in one
 * process. A warm no-op build is mostly process start-up, so the check runs
 * here instead of in a `deno task setup` of its own (which costs a second
 * Deno process every time). The CLI is imported only after the check: on a
 * fresh machine its npm packages exist only once `npm install` has run.
 *
 * @module
 */
import { setUp } from "./setup.ts";

const code = await setUp();
if (code !== 0) Deno.exit(code);
const { main } = await import("../cli.ts");
Deno.exit(await main(Deno.args));
