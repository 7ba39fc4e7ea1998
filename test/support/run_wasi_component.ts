/**
 * Runs a component that uses WASI under `jco transpile` with
 * `@bytecodealliance/preview2-shim`, as a separate process so its stdout is
 * the component's: `deno run … run_wasi_component.ts app.wasm [greet=greeter.wasm]`
 * calls the app's `run` export; each `name=file` provides world-root function
 * `name` from another component's export of that name (the unfused composition).
 *
 * @module
 */
import * as cli from "@bytecodealliance/preview2-shim/cli";
import * as io from "@bytecodealliance/preview2-shim/io";
import { instantiateWithJco } from "./jco_host.ts";

const WASI = {
  "wasi:cli/stdout": cli.stdout,
  "wasi:io/streams": io.streams,
  "wasi:io/error": io.error,
};

if (import.meta.main) {
  const [app, ...provides] = Deno.args;
  const imports: Record<string, unknown> = { ...WASI };
  for (const p of provides) {
    const [name, file] = p.split("=");
    const provider = await instantiateWithJco(name, await Deno.readFile(file), WASI);
    imports[name] = { default: provider[name] };
  }
  const exports = await instantiateWithJco("app", await Deno.readFile(app), imports);
  (exports.run as () => void)();
}
