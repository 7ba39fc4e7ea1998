/**
 * Runs the Component Model's reference tests against fusion: each
 * `(component ...)` is turned into a binary by wasm-tools (through jco),
 * fused into one core module, instantiated in Deno's WebAssembly, and every
 * assertion is checked by calling the fused exports with the host-side
 * canonical ABI of `canon_host.ts`.
 *
 * @module
 */
import { _setEnv } from "@bytecodealliance/preview2-shim/cli";
import { type Command, parseWast, type Value } from "./wast.ts";
import { parseCancellable } from "./cancellable.ts";
import { callExport, type ExportAbi } from "./canon_host.ts";
import { fuse, FuseError } from "../../stages/fuse/mod.ts";
import { decodeWasm } from "../../wasm/mod.ts";
import type { Component } from "../../wasm/component/mod.ts";
import { Evaluator, type Item } from "../../stages/fuse/graph.ts";
import { resolveFuncSig } from "../../stages/fuse/ctypes.ts";
import type { FuncSig } from "../../wasm/abi/mod.ts";

/** The outcome of one assertion. */
export interface AssertionResult {
  line: number;
  kind: string;
  status: "passed" | "failed" | "skipped";
  reason?: string;
}

type Parse = (wat: string) => Promise<Uint8Array>;
let parseCopy = 0;
let parser: Parse | undefined;

/** wasm-tools `parse`, reloaded fresh after a panic (a panicked copy stays broken). */
export async function parseWat(wat: string): Promise<Uint8Array> {
  if (!parser) {
    // The reference tests use the older index syntax.
    _setEnv({ ...Deno.env.toObject(), WAST_STRICT_COMPONENT_INDICES: "0" });
    const url = import.meta.resolve("@bytecodealliance/jco-transpile/wasm-tools");
    const mod = await import(`${url}?copy=${parseCopy++}`);
    parser = mod.parse as Parse;
  }
  try {
    return await parser(wat);
  } catch (e) {
    if (String((e as Error)?.message ?? e).includes("unreachable")) parser = undefined;
    throw e;
  }
}

export interface Instance {
  exports: Map<string, { sig: FuncSig; abi: ExportAbi }>;
}

export function valueEquals(a: Value | undefined, b: Value | undefined): boolean {
  return JSON.stringify(
    a,
    (_k, v) =>
      typeof v === "bigint" ? v.toString() : typeof v === "number" && Number.isNaN(v) ? "NaN" : v,
  ) === JSON.stringify(b, (_k, v) =>
    typeof v === "bigint" ? v.toString() : typeof v === "number" && Number.isNaN(v) ? "NaN" : v);
}

/** Normalizes an expected value to the lifted value's shape (int widths, char/str). */
export function normalize(v: Value): Value {
  switch (v.t) {
    case "int":
      return { t: "int", type: v.type, v: v.v };
    case "list":
    case "tuple":
      return { ...v, v: v.v.map(normalize) };
    case "record":
      return { t: "record", v: v.v.map((f) => ({ name: f.name, value: normalize(f.value) })) };
    case "variant":
      return v.v ? { t: "variant", tag: v.tag, v: normalize(v.v) } : { t: "variant", tag: v.tag };
    case "option":
      return v.v ? { t: "option", v: normalize(v.v) } : { t: "option" };
    case "result":
      return v.v ? { t: "result", ok: v.ok, v: normalize(v.v) } : { t: "result", ok: v.ok };
    case "flags":
      return { t: "flags", v: [...v.v] };
    default:
      return v;
  }
}

export async function instantiate(binary: Uint8Array): Promise<Instance> {
  const component = decodeWasm(binary) as Component;
  const ev = new Evaluator();
  const exportsMap = ev.instantiate(
    { component, name: "root" },
    (name, desc, scope) =>
      ev.hostItem(scope, desc.kind === "instance" ? name : "$root", name, desc),
  );
  const { module, report } = await fuse([{ name: "test", bytes: binary }], {
    memory: "auto",
    hostImports: "*",
    // A desktop-sized scheduler: the tests check semantics, not an MCU's RAM budget (the
    // reference's tables are unbounded; some tests keep dozens of stream ends alive).
    handleSlots: 256,
    asyncTasks: 64,
    asyncWaitables: 256,
    asyncThreads: 16,
  });
  const wasm = new WebAssembly.Module(module as BufferSource);
  const imports: WebAssembly.Imports = {};
  for (const i of WebAssembly.Module.imports(wasm)) {
    imports[i.module] ??= {};
    (imports[i.module] as Record<string, unknown>)[i.name] = () => {
      throw new Error(`host import ${i.module}::${i.name} is not provided by the test runner`);
    };
  }
  const inst = new WebAssembly.Instance(wasm, imports);
  const out: Instance = { exports: new Map() };
  const add = (name: string, item: Item) => {
    if (item.sort !== "func" || item.func.kind !== "lifted") return;
    const abiInfo = report.exports.find((e) => e.name === name);
    const ex = inst.exports;
    out.exports.set(name, {
      sig: resolveFuncSig(item.func.type),
      abi: {
        func: ex[name] as (...a: unknown[]) => unknown,
        memory: abiInfo?.memory ? ex[abiInfo.memory] as WebAssembly.Memory : undefined,
        realloc: abiInfo?.realloc ? ex[abiInfo.realloc] as ExportAbi["realloc"] : undefined,
        postReturn: abiInfo?.postReturn
          ? ex[abiInfo.postReturn] as ExportAbi["postReturn"]
          : undefined,
        encoding: item.func.options.encoding,
      },
    });
  };
  for (const [name, item] of exportsMap) {
    if (item.sort === "func") add(name, item);
    else if (item.sort === "instance") {
      for (const [f, it] of item.instance.exports) add(`${name}#${f}`, it);
    }
  }
  return out;
}

function why(e: unknown): string {
  if (e instanceof FuseError) return `fuse: ${e.message.split("\n")[0]}`;
  return String((e as Error)?.message ?? e).split("\n")[0].slice(0, 200);
}

/**
 * Runs one `.wast` file; returns a result per assertion.
 *
 * @example
 * ```ts
 * import { runWastFile } from "./runner.ts";
 * const results = await runWastFile("../shared/component-model/test/values/strings.wast");
 * console.log(results.filter((r) => r.status === "passed").length);
 * ```
 */
export async function runWastFile(path: string): Promise<AssertionResult[]> {
  return await runWastText(await Deno.readTextFile(path));
}

/**
 * Runs a script given as text (a test's own), as {@linkcode runWastFile} runs a file.
 *
 * @example
 * ```ts
 * import { runWastText } from "./runner.ts";
 * const results = await runWastText(
 *   '(component (core module $M (func (export "f") (result i32) (i32.const 7))) ' +
 *     '(core instance $m (instantiate $M)) ' +
 *     '(func (export "f") (result u32) (canon lift (core func $m "f"))))\n' +
 *     '(assert_return (invoke "f") (u32.const 7))',
 * );
 * console.log(results[0].status); // passed
 * ```
 */
export async function runWastText(text: string): Promise<AssertionResult[]> {
  const commands: Command[] = parseWast(text);
  const results: AssertionResult[] = [];
  const definitions = new Map<string, Uint8Array | Error>();
  const instances = new Map<string, Instance | Error>();
  let current: Instance | Error | undefined;
  const target = (id?: string) => (id ? instances.get(id) : current);
  for (const c of commands) {
    switch (c.kind) {
      case "component": {
        let binary: Uint8Array | Error;
        try {
          binary = await parseCancellable(c.text, parseWat);
        } catch (e) {
          binary = new Error(`wasm-tools parse: ${why(e)}`);
        }
        if (c.id) definitions.set(c.id, binary);
        if (!c.definition) {
          let inst: Instance | Error;
          try {
            if (binary instanceof Error) throw binary;
            inst = await instantiate(binary);
          } catch (e) {
            if (Deno.env.get("SPEC_DEBUG")) console.error((e as Error).cause ?? e);
            inst = e instanceof Error ? new Error(why(e)) : new Error(String(e));
          }
          current = inst;
          if (c.id) instances.set(c.id, inst);
        }
        break;
      }
      case "instance": {
        const def = definitions.get(c.of);
        let inst: Instance | Error;
        try {
          if (!def) throw new Error(`unknown definition ${c.of}`);
          if (def instanceof Error) throw def;
          inst = await instantiate(def);
        } catch (e) {
          inst = new Error(why(e));
        }
        current = inst;
        if (c.id) instances.set(c.id, inst);
        break;
      }
      case "assert_return":
      case "invoke": {
        const inst = target(c.instance);
        const kind = c.kind;
        if (!inst || inst instanceof Error) {
          results.push({
            line: c.line,
            kind,
            status: "failed",
            reason: inst ? inst.message : "no instance",
          });
          break;
        }
        const ex = inst.exports.get(c.name);
        if (!ex) {
          results.push({ line: c.line, kind, status: "failed", reason: `no export ${c.name}` });
          break;
        }
        try {
          const got = callExport(ex.sig, ex.abi, c.args);
          if (c.kind === "invoke") break;
          const want = c.results[0] ? normalize(c.results[0]) : undefined;
          if (valueEquals(got, want)) results.push({ line: c.line, kind, status: "passed" });
          else {
            results.push({
              line: c.line,
              kind,
              status: "failed",
              reason: `expected ${JSON.stringify(want, big)}, got ${JSON.stringify(got, big)}`,
            });
          }
        } catch (e) {
          if (Deno.env.get("SPEC_DEBUG")) console.error((e as Error).stack);
          results.push({ line: c.line, kind, status: "failed", reason: `trapped: ${why(e)}` });
        }
        break;
      }
      case "assert_trap": {
        if (c.component) {
          try {
            await instantiate(await parseWat(c.component));
            results.push({
              line: c.line,
              kind: c.kind,
              status: "failed",
              reason: "instantiation did not trap",
            });
          } catch {
            results.push({ line: c.line, kind: c.kind, status: "passed" });
          }
          break;
        }
        const inst = target(c.instance);
        if (!inst || inst instanceof Error) {
          results.push({
            line: c.line,
            kind: c.kind,
            status: "failed",
            reason: inst ? inst.message : "no instance",
          });
          break;
        }
        const ex = inst.exports.get(c.name!);
        try {
          if (!ex) throw new Error("no such export");
          callExport(ex.sig, ex.abi, c.args);
          results.push({
            line: c.line,
            kind: c.kind,
            status: "failed",
            reason: `did not trap (${c.message})`,
          });
        } catch {
          results.push({ line: c.line, kind: c.kind, status: "passed" });
        }
        break;
      }
      case "assert_invalid":
      case "assert_malformed":
      case "assert_unlinkable": {
        try {
          const bin = await parseWat(c.text);
          await fuse([{ name: "invalid", bytes: bin }], { hostImports: "*" });
          results.push({
            line: c.line,
            kind: c.kind,
            status: "failed",
            reason: `accepted (${c.message})`,
          });
        } catch {
          results.push({ line: c.line, kind: c.kind, status: "passed" });
        }
        break;
      }
    }
  }
  return results;
}

function big(_k: string, v: unknown): unknown {
  return typeof v === "bigint" ? v.toString() : v;
}
