/**
 * V8 as the oracle: what the unfused components' core modules compute.
 *
 * @module
 */
import type { OracleAnswer } from "./oracle_worker.ts";

/** What V8 said, or that it did not answer in time. */
export type OracleResult = OracleAnswer | { ok: false; timeout: true };

/**
 * Calls `call` on the app core module, linked to the mixer, in a fresh V8
 * instance on a worker; stops it after `timeoutMs`.
 *
 * @example
 * ```ts ignore
 * import { askV8 } from "./oracle.ts";
 * const app = await Deno.readFile("build/fuzz/components/app.core.wasm");
 * const mixer = await Deno.readFile("build/fuzz/components/mixer.core.wasm");
 * console.log(await askV8(app, mixer, "run", 5000));
 * ```
 */
export function askV8(
  app: Uint8Array<ArrayBuffer>,
  mixer: Uint8Array<ArrayBuffer>,
  call: string,
  timeoutMs: number,
): Promise<OracleResult> {
  const worker = new Worker(new URL("./oracle_worker.ts", import.meta.url), { type: "module" });
  return new Promise<OracleResult>((resolve) => {
    const timer = setTimeout(() => {
      worker.terminate();
      resolve({ ok: false, timeout: true });
    }, timeoutMs);
    worker.onmessage = (e: MessageEvent<OracleAnswer>) => {
      clearTimeout(timer);
      worker.terminate();
      resolve(e.data);
    };
    worker.onerror = (e) => {
      clearTimeout(timer);
      worker.terminate();
      e.preventDefault();
      resolve({ ok: false, trap: e.message });
    };
    worker.postMessage({ app, mixer, call });
  });
}
