/**
 * The oracle's worker: instantiates the unfused core modules in V8 (the app
 * linked to the mixer by hand) and calls one export. It runs in a worker so
 * that a program that loops can be stopped.
 *
 * @module
 */
/// <reference lib="deno.worker" />

/** What the main thread asks. */
export interface OracleRequest {
  app: Uint8Array<ArrayBuffer>;
  mixer: Uint8Array<ArrayBuffer>;
  /** `run` (the driver: a string) or `checkN` (one program: a u32). */
  call: string;
}

/** What the worker answers (it first says `ready`, once loaded). */
export type OracleAnswer =
  | { ok: true; value: string; ms: number }
  | { ok: false; trap: string };

self.onmessage = (e: MessageEvent<OracleRequest>) => {
  const { app, mixer, call } = e.data;
  try {
    const mix = new WebAssembly.Instance(new WebAssembly.Module(mixer), {});
    const inst = new WebAssembly.Instance(new WebAssembly.Module(app), {
      "dissolve:fuzz/mixer": { mix: mix.exports["dissolve:fuzz/mixer#mix"] },
    });
    const t0 = performance.now();
    const result = (inst.exports[call] as () => number)();
    const ms = performance.now() - t0;
    let value: string;
    if (call === "run") {
      const mem = new DataView((inst.exports.memory as WebAssembly.Memory).buffer);
      const ptr = mem.getUint32(result, true), len = mem.getUint32(result + 4, true);
      value = new TextDecoder().decode(new Uint8Array(mem.buffer, ptr, len));
    } else {
      value = (result >>> 0).toString(16).padStart(8, "0");
    }
    self.postMessage({ ok: true, value, ms } satisfies OracleAnswer);
  } catch (err) {
    self.postMessage({ ok: false, trap: String(err) } satisfies OracleAnswer);
  }
};

// Loaded: the oracle's timeouts count from here, not from the worker's start (which a busy
// machine, and deno test's type-check of this module, can make slow).
self.postMessage({ ready: true });
