/**
 * Differential test against `jco transpile` (a JS implementation of the
 * Component Model): every self-contained composition in the reference
 * tests that cover lists of records, variants, options, results, strings
 * in both directions and resources is run twice — unfused under jco, and
 * fused into one core module in Deno — and every assert_return must give
 * the same value both ways.
 */
import { REFERENCE_TESTS, referenceTest } from "../support/reference_tests.ts";
import { assert } from "../support/assert.ts";
import { parseWast, type Value } from "./wast.ts";
import { instantiate, normalize, parseWat, valueEquals } from "./runner.ts";
import { callExport } from "./canon_host.ts";
import { instantiateWithJco } from "../support/jco_host.ts";
import { camel, fromJco, toJco } from "./jco_values.ts";
import { decodeWasm } from "../../wasm/mod.ts";
import type { CType } from "../../wasm/abi/mod.ts";

const ROOT = REFERENCE_TESTS;
const FILES = [
  "values/concat.wast",
  "values/strings.wast",
  "values/numerics.wast",
  "values/transcode.wast",
  "linking/unit.wast",
  "resources/handle-table.wast",
  "resources/multiple-resources.wast",
];

function hasImports(binary: Uint8Array): boolean {
  const c = decodeWasm(binary);
  return c.kind === "component" &&
    c.sections.some((s) => s.id === "import" && s.imports.length > 0);
}

function callJco(
  f: (...a: unknown[]) => unknown,
  result: CType | undefined,
  args: unknown[],
): Value | undefined {
  if (result?.kind === "result") {
    try {
      return fromJco(result, { tag: "ok", val: f(...args) });
    } catch (e) {
      const payload = (e as { payload?: unknown }).payload;
      if (payload === undefined && !(e as Error).message?.includes("ComponentError")) throw e;
      return fromJco(result, { tag: "err", val: payload });
    }
  }
  const out = f(...args);
  return result ? fromJco(result, out) : undefined;
}

referenceTest(
  "differential: fused module in Deno = jco transpile of the unfused components",
  async (t) => {
    let agreed = 0, compared = 0;
    const disagreements: string[] = [];
    for (const file of FILES) {
      await t.step(file, async () => {
        const commands = parseWast(await Deno.readTextFile(`${ROOT}${file}`));
        let fused: Awaited<ReturnType<typeof instantiate>> | undefined;
        let jco: Record<string, unknown> | undefined;
        let n = 0;
        const definitions = new Map<string, Uint8Array>();
        const start = async (binary: Uint8Array | undefined) => {
          fused = jco = undefined;
          if (!binary || hasImports(binary)) return;
          try {
            fused = await instantiate(binary);
            jco = await instantiateWithJco(`c${n++}`, binary, {});
          } catch (e) {
            if (Deno.env.get("DEBUG_DIFF")) {
              console.log("instantiate failed", String(e).slice(0, 200));
            }
            fused = jco = undefined;
          }
        };
        for (const c of commands) {
          if (c.kind === "component") {
            let binary: Uint8Array | undefined;
            try {
              binary = await parseWat(c.text);
            } catch {
              binary = undefined;
            }
            if (c.definition) {
              if (c.id && binary) definitions.set(c.id, binary);
              fused = jco = undefined;
            } else await start(binary);
            continue;
          }
          if (c.kind === "instance") {
            await start(definitions.get(c.of));
            continue;
          }
          if (c.kind !== "assert_return" || !fused || !jco || c.instance) continue;
          const ex = fused.exports.get(c.name);
          const hash = c.name.indexOf("#");
          const jf = hash < 0
            ? jco[camel(c.name)] ?? jco[c.name]
            : (jco[camel(c.name.slice(0, hash).replace(/.*\//, "").replace(/@.*/, ""))] as
              | Record<string, unknown>
              | undefined)
              ?.[camel(c.name.slice(hash + 1))];
          if (!ex || typeof jf !== "function") {
            if (Deno.env.get("DEBUG_DIFF")) {
              console.log(file, c.line, "no export", c.name, Object.keys(jco));
            }
            continue;
          }
          let a: Value | undefined, b: Value | undefined;
          try {
            a = callExport(ex.sig, ex.abi, c.args);
            b = callJco(
              jf as (...x: unknown[]) => unknown,
              ex.sig.result,
              c.args.map((v, i) => toJco(ex.sig.params[i].type, v)),
            );
          } catch (e) {
            if (Deno.env.get("DEBUG_DIFF")) {
              console.log(file, c.line, c.name, String(e).slice(0, 160));
            }
            continue; // one side trapped: not a value to compare
          }
          compared++;
          if (valueEquals(a, b)) agreed++;
          else {disagreements.push(
              `${file}:${c.line} ${c.name}: fused ${JSON.stringify(a, big)} vs jco ${
                JSON.stringify(b, big)
              }`,
            );}
          void normalize;
        }
      });
    }
    console.log(
      `differential: ${agreed} of ${compared} results agree between the fused module and jco`,
    );
    for (const d of disagreements) console.log(`  ${d}`);
    assert(disagreements.length === 0, `${disagreements.length} results differ`);
    // jco cannot transpile every reference component (it rejects some exported type forms);
    // the ones it can must agree.
    assert(compared >= 20, `only ${compared} results were compared`);
  },
);

function big(_k: string, v: unknown): unknown {
  return typeof v === "bigint" ? v.toString() : v;
}
