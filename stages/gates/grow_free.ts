/**
 * The gate after gale's compile: a component's core module must be
 * grow-free and need no WASI host — no `memory.grow` and no
 * `wasi_snapshot_preview1` import, which a libc brings in through `malloc`
 * (`sbrk`), `printf`, `fopen`, `time`, `getenv`… When one slips in, the
 * message names the call chain from an export down to the offender, so the
 * user sees which of their functions pulled it in.
 *
 * @module
 */
import { decodeWasm } from "../../wasm/mod.ts";
import type { CoreModule } from "../../wasm/module/mod.ts";
import { type CallGraph, callGraph, findMemoryGrow, walkCalls } from "../../wasm/module/mod.ts";
import { GateError } from "./gate_error.ts";

const WASI_MODULE = /^wasi[_:]/;

/** The shortest call chain from an export to `target`, as names. */
function chainTo(g: CallGraph, target: number): string[] | undefined {
  const from = new Map<number, number | undefined>();
  let found = false;
  walkCalls(g, g.exports.map((e) => e.func), (f, caller) => {
    from.set(f, caller);
    if (f !== target) return;
    found = true;
    return "stop";
  });
  if (!found) return undefined;
  const path: number[] = [];
  for (let at: number | undefined = target; at !== undefined; at = from.get(at)) path.unshift(at);
  const exportName = g.exports.find((e) => e.func === path[0])!.name;
  return [
    `export "${exportName}"`,
    ...path.map((p) => g.names.get(p) ?? `function ${p}`).slice(
      g.names.get(path[0]) === exportName ? 1 : 0,
    ),
  ];
}

/**
 * Checks that a compiled core module neither grows memory nor imports WASI.
 *
 * @example
 * ```ts
 * import { checkGrowFree } from "./grow_free.ts";
 * checkGrowFree(await Deno.readFile("build/hello/components/hello.core.wasm"), "hello.core.wasm", "gale (hello)");
 * ```
 */
export function checkGrowFree(bytes: Uint8Array, artifact: string, stage: string): void {
  const m = decodeWasm(bytes);
  if (m.kind !== "module") return;
  const wasi = callGraphIfNeeded(m);
  if (!wasi) return;
  const { graph, imports, grows } = wasi;
  for (const i of imports) {
    const chain = chainTo(graph, i.func);
    throw new GateError(
      stage,
      artifact,
      "a module that needs no WASI host (bare-metal firmware has no files, clock or environment)",
      `an import of ${i.module}::${i.field}${
        chain ? `, reached through ${chain.join(" → ")}` : ""
      }`,
      `remove that call: formatting into a buffer (snprintf), <string.h>, number parsing and ` +
        `<math.h> work; printf to stdout, files, time() and getenv() do not`,
    );
  }
  for (const f of grows) {
    const chain = chainTo(graph, f);
    throw new GateError(
      stage,
      artifact,
      "a grow-free module (no memory.grow)",
      `memory.grow in ${graph.names.get(f) ?? `function ${f}`}${
        chain ? `, reached through ${chain.join(" → ")}` : ""
      }`,
      `allocate from the embedder arena (__cabi_arena_realloc) or from static buffers instead ` +
        `of malloc / calloc / realloc / free (they grow memory through sbrk)`,
    );
  }
}

function callGraphIfNeeded(m: CoreModule) {
  const grows = findMemoryGrow(m);
  const hasWasi = m.sections.some((s) =>
    s.id === "import" && s.imports.some((i) => i.desc.kind === "func" && WASI_MODULE.test(i.module))
  );
  if (grows.length === 0 && !hasWasi) return undefined;
  const graph = callGraph(m);
  return { graph, grows, imports: graph.imports.filter((i) => WASI_MODULE.test(i.module)) };
}
