/**
 * V8 as the oracle: what the unfused components' core modules compute.
 *
 * @module
 */
import { fileURLToPath } from "node:url";
import type { OracleAnswer, OracleRequest } from "./oracle_process.ts";

/** What V8 said, or that it did not answer in time. */
export type OracleResult = OracleAnswer | { ok: false; timeout: true };

const PROCESS = new URL("./oracle_process.ts", import.meta.url);

function base64(bytes: Uint8Array): string {
  let s = "";
  for (let i = 0; i < bytes.length; i += 0x8000) {
    s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(s);
}

/** A child process and its stdout, read a line at a time. */
interface Child {
  process: Deno.ChildProcess;
  stdin: WritableStreamDefaultWriter<Uint8Array>;
  lines: ReadableStreamDefaultReader<string>;
  buffer: string;
}

/**
 * One V8 process, kept across questions (starting one costs more than most
 * programs run); a process that does not answer in time is killed and the
 * next question starts a new one.
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
  #child: Child | undefined;

  /** The next line the process writes, or undefined at its end. */
  async #line(child: Child): Promise<string | undefined> {
    for (;;) {
      const nl = child.buffer.indexOf("\n");
      if (nl >= 0) {
        const line = child.buffer.slice(0, nl);
        child.buffer = child.buffer.slice(nl + 1);
        return line;
      }
      const { value, done } = await child.lines.read();
      if (done) return undefined;
      child.buffer += value;
    }
  }

  /** The process, started and loaded (its first line says so). */
  async #loaded(): Promise<Child> {
    if (!this.#child) {
      const process = new Deno.Command("deno", {
        args: ["run", "--no-prompt", "--quiet", fileURLToPath(PROCESS)],
        stdin: "piped",
        stdout: "piped",
        stderr: "null",
      }).spawn();
      this.#child = {
        process,
        stdin: process.stdin.getWriter(),
        lines: process.stdout.pipeThrough(new TextDecoderStream()).getReader(),
        buffer: "",
      };
      await this.#line(this.#child);
    }
    return this.#child;
  }

  /**
   * Calls `call` on the app core module, linked to the mixer, in a fresh instance; `timeoutMs`
   * counts from when the loaded process is asked.
   */
  async ask(
    app: Uint8Array<ArrayBuffer>,
    mixer: Uint8Array<ArrayBuffer>,
    call: string,
    timeoutMs: number,
  ): Promise<OracleResult> {
    const child = await this.#loaded();
    const request: OracleRequest = { app: base64(app), mixer: base64(mixer), call };
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<OracleResult>((resolve) => {
      timer = setTimeout(() => {
        this.close();
        resolve({ ok: false, timeout: true });
      }, timeoutMs);
    });
    const answered = (async (): Promise<OracleResult> => {
      await child.stdin.write(new TextEncoder().encode(JSON.stringify(request) + "\n"));
      const line = await this.#line(child);
      return line === undefined
        ? { ok: false, trap: "the oracle process ended" }
        : JSON.parse(line) as OracleAnswer;
    })().catch((e): OracleResult => ({ ok: false, trap: String(e) }));
    const result = await Promise.race([answered, timeout]);
    clearTimeout(timer);
    return result;
  }

  /** Kills the process (the next question starts a new one). */
  close(): void {
    const child = this.#child;
    this.#child = undefined;
    if (!child) return;
    try {
      child.process.kill("SIGKILL");
    } catch {
      // already gone
    }
    child.lines.cancel().catch(() => {});
    child.stdin.close().catch(() => {});
    child.process.status.catch(() => {});
  }
}

/**
 * One question in a process of its own, killed after `timeoutMs`.
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
