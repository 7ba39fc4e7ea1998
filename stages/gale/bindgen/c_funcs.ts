/**
 * The C side of each WIT function: the prototype the user calls (an
 * import) or implements (an export), and the wrapper between it and the
 * core function the canonical ABI defines. The conventions are
 * wit-bindgen's: scalars by value, other parameters by pointer; a scalar
 * result returned; an `option` or `result` returned as a `bool` with out
 * parameters `ret` / `err`; any other result through `ret`.
 *
 * @module
 */
import { type CType, flattenFuncType, type FuncSig } from "../../../wasm/abi/mod.ts";
import { byValue, type CTypes } from "./c_types.ts";
import { coreCType, FlatLowering, liftFlat } from "./c_abi.ts";
import { snake } from "./names.ts";
import type { ValType } from "../../../wasm/module/mod.ts";

/** How a function's result reaches its C caller. */
type ResultShape =
  | { kind: "none" }
  | { kind: "value"; type: CType }
  | { kind: "option"; type: CType; some: CType }
  | { kind: "result"; type: CType; ok?: CType; err?: CType }
  | { kind: "out"; type: CType };

function resultShape(sig: FuncSig): ResultShape {
  const r = sig.result;
  if (!r) return { kind: "none" };
  if (byValue(r)) return { kind: "value", type: r };
  if (r.kind === "option") return { kind: "option", type: r, some: r.type };
  if (r.kind === "result") return { kind: "result", type: r, ok: r.ok, err: r.err };
  return { kind: "out", type: r };
}

/** The C prototype of a WIT function named `cname`. */
export function prototype(types: CTypes, cname: string, sig: FuncSig): string {
  const params = sig.params.map((p) =>
    byValue(p.type)
      ? `${types.name(p.type)} ${snake(p.name)}`
      : `${types.name(p.type)} *${snake(p.name)}`
  );
  const shape = resultShape(sig);
  let ret = "void";
  if (shape.kind === "value") ret = types.name(shape.type);
  else if (shape.kind === "option") {
    ret = "bool";
    params.push(`${types.name(shape.some)} *ret`);
  } else if (shape.kind === "result") {
    ret = "bool";
    if (shape.ok) params.push(`${types.name(shape.ok)} *ret`);
    if (shape.err) params.push(`${types.name(shape.err)} *err`);
  } else if (shape.kind === "out") params.push(`${types.name(shape.type)} *ret`);
  return `${ret} ${cname}(${params.length ? params.join(", ") : "void"})`;
}

function coreSignature(params: ValType[], results: ValType[], name: string): string {
  const ps = params.map((t, i) => `${coreCType(t)} p${i}`).join(", ") || "void";
  return `${results.length ? coreCType(results[0]) : "void"} ${name}(${ps})`;
}

/** The struct that holds a signature's parameters when they travel by pointer. */
function paramsStruct(types: CTypes, sig: FuncSig): string {
  return `struct { ${sig.params.map((p, i) => `${types.name(p.type)} f${i};`).join(" ")} }`;
}

/**
 * The wrapper of an imported function: lowers the C arguments, calls the
 * core import, lifts its result.
 */
export function importWrapper(
  types: CTypes,
  cname: string,
  sig: FuncSig,
  module: string,
  field: string,
): string[] {
  const flat = flattenFuncType(sig, "lower");
  const core = `__wasm_import_${cname}`;
  const out = [
    `__attribute__((import_module("${module}"), import_name("${field}")))`,
    `extern ${coreSignature(flat.params, flat.results, core)};`,
    // In the header and inline, as a hand-written call to the import would be.
    `DISSOLVE_GLUE ${prototype(types, cname, sig)} {`,
  ];
  const lowering = new FlatLowering(types);
  const arg = (p: { name: string; type: CType }) =>
    byValue(p.type) ? snake(p.name) : `(*${snake(p.name)})`;
  let args: string[];
  if (flat.paramsIndirect) {
    out.push(`  ${paramsStruct(types, sig)} args;`);
    sig.params.forEach((p, i) => out.push(`  args.f${i} = ${arg(p)};`));
    args = ["(int32_t)&args"];
  } else {
    args = sig.params.flatMap((p) => lowering.lower(p.type, arg(p)));
    out.push(...lowering.code);
  }
  const shape = resultShape(sig);
  if (shape.kind === "none") {
    out.push(`  ${core}(${args.join(", ")});`, `}`);
    return out;
  }
  const rtype = types.name(sig.result!);
  out.push(`  ${rtype} result;`);
  if (flat.resultsIndirect) out.push(`  ${core}(${[...args, "(int32_t)&result"].join(", ")});`);
  else {
    out.push(`  ${coreCType(flat.results[0])} r0 = ${core}(${args.join(", ")});`);
    liftFlat(types, sig.result!, "result", ["r0"], out);
  }
  out.push(...deliver(shape), `}`);
  return out;
}

/** Hands a lifted `result` to the C caller in the shape its prototype promises. */
function deliver(shape: ResultShape): string[] {
  switch (shape.kind) {
    case "value":
      return [`  return result;`];
    case "option":
      return [`  if (result.is_some) *ret = result.val;`, `  return result.is_some;`];
    case "result":
      return [
        ...(shape.ok ? [`  if (!result.is_err) *ret = result.val.ok;`] : []),
        ...(shape.err ? [`  if (result.is_err) *err = result.val.err;`] : []),
        `  return !result.is_err;`,
      ];
    default:
      return [`  *ret = result;`];
  }
}

/** Calls the user's function and gathers its result into `result`. */
function callUser(types: CTypes, cname: string, sig: FuncSig, args: string[]): string[] {
  const shape = resultShape(sig);
  if (shape.kind === "none") return [`  ${cname}(${args.join(", ")});`];
  const decl = `  ${types.name(sig.result!)} result;`;
  switch (shape.kind) {
    case "value":
      return [`  ${types.name(sig.result!)} result = ${cname}(${args.join(", ")});`];
    case "option":
      return [decl, `  result.is_some = ${cname}(${[...args, "&result.val"].join(", ")});`];
    case "result": {
      const outs = [
        ...(shape.ok ? ["&result.val.ok"] : []),
        ...(shape.err ? ["&result.val.err"] : []),
      ];
      return [decl, `  result.is_err = !${cname}(${[...args, ...outs].join(", ")});`];
    }
    default:
      return [decl, `  ${cname}(${[...args, "&result"].join(", ")});`];
  }
}

/**
 * The wrapper of an exported function: lifts the core parameters, calls
 * the user's implementation, lowers its result (through a static return
 * area when it does not fit one core value).
 */
export function exportWrapper(
  types: CTypes,
  cname: string,
  sig: FuncSig,
  exportName: string,
): string[] {
  const flat = flattenFuncType(sig, "lift");
  const core = `__wasm_export_${cname}`;
  const out = [
    `__attribute__((export_name("${exportName}")))`,
    `${coreSignature(flat.params, flat.results, core)} {`,
  ];
  let args: string[];
  if (flat.paramsIndirect) {
    out.push(`  ${paramsStruct(types, sig)} *args = (void *)(uintptr_t)(uint32_t)p0;`);
    args = sig.params.map((p, i) => byValue(p.type) ? `args->f${i}` : `&args->f${i}`);
  } else {
    let used = 0;
    const flatArgs = flat.params.map((_, i) => `p${i}`);
    args = sig.params.map((p, i) => {
      out.push(`  ${types.name(p.type)} a${i};`);
      used += liftFlat(types, p.type, `a${i}`, flatArgs.slice(used), out);
      return byValue(p.type) ? `a${i}` : `&a${i}`;
    });
  }
  out.push(...callUser(types, cname, sig, args));
  if (!sig.result) out.push(`}`);
  else if (flat.resultsIndirect) {
    out.push(
      `  static ${types.name(sig.result)} ret_area;`,
      `  ret_area = result;`,
      `  return (int32_t)&ret_area;`,
      `}`,
    );
  } else {
    const lowering = new FlatLowering(types);
    const [x] = lowering.lower(sig.result, "result");
    out.push(...lowering.code, `  return ${x};`, `}`);
  }
  return out;
}
