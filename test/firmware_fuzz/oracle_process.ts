/**
 * The oracle's process: instantiates the unfused core modules in V8 (the
 * app linked to the mixer by hand) and calls one export per request. It
 * runs as a process of its own so that a program that loops can be killed:
 * a worker's `terminate()` does not stop a wasm loop (Deno 2.9.6), and each
 * such worker went on spinning, slowing every later batch.
 *
 * Requests and answers are JSON lines on stdin / stdout; the first line
 * out is `{"ready":true}`.
 *
 * @module
 */

/** What the harness asks (the modules base64-encoded). */
export interface OracleRequest {
  app: string;
  mixer: string;
  /** `run` (the driver: a string) or `checkN` (one program: a u32). */
  call: string;
}

/** What the process answers. */
export type OracleAnswer =
  | { ok: true; value: string; ms: number }
  | { ok: false; trap: string };

const decode = (b64: string) => Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));

function answer({ app, mixer, call }: OracleRequest): OracleAnswer {
  try {
    const mix = new WebAssembly.Instance(new WebAssembly.Module(decode(mixer)), {});
    const inst = new WebAssembly.Instance(new WebAssembly.Module(decode(app)), {
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
    return { ok: true, value, ms };
  } catch (err) {
    return { ok: false, trap: String(err) };
  }
}

if (import.meta.main) {
  const out = new TextEncoder();
  const write = (v: unknown) => Deno.stdout.writeSync(out.encode(JSON.stringify(v) + "\n"));
  // Loaded: the oracle's timeouts count from here, not from the process's start.
  write({ ready: true });
  let buffer = "";
  for await (const chunk of Deno.stdin.readable.pipeThrough(new TextDecoderStream())) {
    buffer += chunk;
    for (let nl = buffer.indexOf("\n"); nl >= 0; nl = buffer.indexOf("\n")) {
      const line = buffer.slice(0, nl);
      buffer = buffer.slice(nl + 1);
      if (line.trim()) write(answer(JSON.parse(line) as OracleRequest));
    }
  }
}
