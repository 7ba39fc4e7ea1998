/**
 * V8 as the oracle: what the unfused components' core modules compute.
 *
 * @module
 */
import type { OracleAnswer, OracleRequest } from "./oracle_worker.ts";

/** What V8 said, or that it did not answer in time. */
export type OracleResult = OracleAnswer | { ok: false; timeout: true };

/**
 * One V8 worker, kept across questions (a new worker is type-checked and
 * started each time, which costs more than most programs run); a worker
 * that does not answer in time is stopped and the next question starts a
 * new one.
 *
 * @example
 * ```ts ignore
 * import { V8Oracle } from "./oracle.ts";
 * const app = await Deno.readFile("build/fuzz/components/app.core.wasm");
 * const mixer = await Deno.readFile("build/fuzz/components/mixer.core.wasm");
 * const v8 = new V8Oracle();
 * console.log(await v8.ask(app, mixer, "run", 5000));
 * v8.close();
 * ```
 */
export class V8Oracle {
  #worker: Worker | undefined;
  #ready: Promise<void> | undefined;

  /** The worker, started and loaded (its first message says so). */
  async #loaded(): Promise<Worker> {
    if (!this.#worker) {
      const worker = new Worker(new URL("./oracle_worker.ts", import.meta.url), {
        type: "module",
      });
      this.#worker = worker;
      this.#ready = new Promise<void>((resolve) => {
        worker.onmessage = () => resolve();
        // A worker that fails to load answers nothing: the question then times out.
        worker.onerror = (e) => {
          e.preventDefault();
          resolve();
        };
      });
    }
    await this.#ready;
    return this.#worker;
  }

  /**
   * Calls `call` on the app core module, linked to the mixer, in a fresh instance; `timeoutMs`
   * counts from when the loaded worker is asked.
   */
  async ask(
    app: Uint8Array<ArrayBuffer>,
    mixer: Uint8Array<ArrayBuffer>,
    call: string,
    timeoutMs: number,
  ): Promise<OracleResult> {
    const worker = await this.#loaded();
    return await new Promise<OracleResult>((resolve) => {
      const timer = setTimeout(() => {
        this.close();
        resolve({ ok: false, timeout: true });
      }, timeoutMs);
      worker.onmessage = (e: MessageEvent<OracleAnswer>) => {
        clearTimeout(timer);
        resolve(e.data);
      };
      worker.onerror = (e) => {
        clearTimeout(timer);
        e.preventDefault();
        this.close();
        resolve({ ok: false, trap: e.message });
      };
      worker.postMessage({ app, mixer, call } satisfies OracleRequest);
    });
  }

  /** Stops the worker (the next question starts a new one). */
  close(): void {
    this.#worker?.terminate();
    this.#worker = undefined;
    this.#ready = undefined;
  }
}

/**
 * One question in a worker of its own, stopped after `timeoutMs`.
 *
 * @example
 * ```ts ignore
 * import { askV8 } from "./oracle.ts";
 * const app = await Deno.readFile("build/fuzz/components/app.core.wasm");
 * const mixer = await Deno.readFile("build/fuzz/components/mixer.core.wasm");
 * console.log(await askV8(app, mixer, "run", 5000));
 * ```
 */
export async function askV8(
  app: Uint8Array<ArrayBuffer>,
  mixer: Uint8Array<ArrayBuffer>,
  call: string,
  timeoutMs: number,
): Promise<OracleResult> {
  const v8 = new V8Oracle();
  try {
    return await v8.ask(app, mixer, call, timeoutMs);
  } finally {
    v8.close();
  }
}
