/**
 * The Rust side of each WIT function: an imported function the crate calls
 * (with the lowering and lifting inside), a trait method the crate
 * implements for an export, and the `extern "C"` wrapper the `export!`
 * macro instantiates for it.
 *
 * @module
 */
import {
  elemSize,
  fieldOffsets,
  flattenFuncType,
  type FuncSig,
  paramsTuple,
} from "../../../wasm/abi/mod.ts";
import { funcNameParts, type WitFunc } from "../../../wasm/wit/mod.ts";
import { coreRustType, RustAbi } from "./rust_abi.ts";
import { rustIdent, type RustTypes } from "./rust_types.ts";
import { camel } from "./names.ts";

/** The Rust type an imported function takes for a parameter of type `t`. */
function importParam(types: RustTypes, t: FuncSig["params"][number]["type"]): string {
  switch (t.kind) {
    case "string":
      return "&str";
    case "list":
      return `&[${types.name(t.element)}]`;
    case "record":
    case "variant":
    case "tuple":
    case "option":
    case "result":
      return `&${types.name(t)}`;
    default:
      return types.name(t);
  }
}

function resultType(types: RustTypes, sig: FuncSig): string {
  return sig.result ? ` -> ${types.name(sig.result)}` : "";
}

/** A `[u64; n]` buffer big enough for `bytes` (8-aligned, as any canonical value needs at most). */
function area(bytes: number): string {
  return `[0u64; ${Math.max(1, Math.ceil(bytes / 8))}]`;
}

/**
 * An imported function: its signature for the crate and the body that
 * lowers, calls the core import and lifts.
 */
export function importFunction(
  types: RustTypes,
  func: WitFunc,
  module: string,
): string[] {
  const parts = funcNameParts(func.name);
  const sig = func.sig;
  const abi = new RustAbi(types);
  const isMethod = parts.kind === "method";
  const names = sig.params.map((p, i) => isMethod && i === 0 ? "self" : rustIdent(p.name));
  const params = sig.params.map((p, i) =>
    isMethod && i === 0 ? "&self" : `${names[i]}: ${importParam(types, p.type)}`
  );
  const fname = parts.kind === "constructor" ? "new" : rustIdent(parts.name);
  const ret = parts.kind === "constructor" ? " -> Self" : resultType(types, sig);
  const flat = flattenFuncType(sig, "lower");
  const body: string[] = [];
  let args: string[];
  if (flat.paramsIndirect) {
    const tuple = paramsTuple(sig);
    const offsets = fieldOffsets(sig.params.map((p) => p.type));
    body.push(`let mut params_area = ${area(elemSize(tuple))};`);
    body.push(`let pbase = params_area.as_mut_ptr() as *mut u8;`);
    sig.params.forEach((p, i) => abi.store(p.type, names[i], "pbase", offsets[i], body));
    args = ["(pbase as i32)"];
  } else args = sig.params.flatMap((p, i) => abi.lower(p.type, names[i], body));
  const core = flat.params.map((t, i) => `p${i}: ${coreRustType(t)}`);
  const coreRet = flat.results.length ? ` -> ${coreRustType(flat.results[0])}` : "";
  const out = [
    `pub fn ${fname}(${params.join(", ")})${ret} {`,
    `  unsafe {`,
    `    #[link(wasm_import_module = "${module}")]`,
    `    extern "C" {`,
    `      #[link_name = "${func.name}"]`,
    `      fn wit_import(${core.join(", ")})${coreRet};`,
    `    }`,
    ...body.map((l) => `    ${l}`),
  ];
  if (flat.resultsIndirect) {
    out.push(
      `    let mut ret_area = ${area(elemSize(sig.result!))};`,
      `    let rbase = ret_area.as_mut_ptr() as *mut u8;`,
      `    wit_import(${[...args, "(rbase as i32)"].join(", ")});`,
    );
  } else out.push(`    ${sig.result ? "let r0 = " : ""}wit_import(${args.join(", ")});`);
  sig.params.forEach((p, i) => {
    if (p.type.kind === "own") out.push(`    core::mem::forget(${names[i]});`);
  });
  if (sig.result) {
    out.push(
      `    ${
        flat.resultsIndirect ? abi.load(sig.result, "rbase", 0) : abi.lift(sig.result, ["r0"])
      }`,
    );
  }
  out.push(`  }`, `}`);
  return out;
}

/** The trait method an export's implementer writes. */
export function traitMethod(types: RustTypes, func: WitFunc): string {
  const parts = funcNameParts(func.name);
  const sig = func.sig;
  const params = sig.params.map((p, i) =>
    parts.kind === "method" && i === 0 ? "&self" : `${rustIdent(p.name)}: ${types.name(p.type)}`
  );
  if (parts.kind === "constructor") return `fn new(${params.join(", ")}) -> Self;`;
  const name = rustIdent(parts.name);
  return `fn ${name}(${params.join(", ")})${resultType(types, sig)};`;
}

/** Where an export's implementation is: the `Guest` trait of its interface, or a resource's. */
export interface ExportTarget {
  /** The interface module (`crate::exports::ns::pkg::iface`, or `crate` for the world). */
  module: string;
  /** The export's core name (`ns:pkg/iface#func`). */
  exportName: string;
}

/** The expression that calls the user's implementation of `func`. */
function callImplementation(target: ExportTarget, func: WitFunc, args: string[]): string {
  const parts = funcNameParts(func.name);
  const guest = `<$ty as ${target.module}::Guest>`;
  if (parts.kind === "freestanding") {
    return `${guest}::${rustIdent(parts.name)}(${args.join(", ")})`;
  }
  const res = camel(parts.resource!);
  const impl = `<${guest}::${res} as ${target.module}::Guest${res}>`;
  if (parts.kind === "constructor") {
    return `${target.module}::${res}::new(${impl}::new(${args.join(", ")}))`;
  }
  if (parts.kind === "method") {
    const [self, ...rest] = args;
    const me = `&*((${self}) as usize as *const ${guest}::${res})`;
    return `${impl}::${rustIdent(parts.name)}(${[me, ...rest].join(", ")})`;
  }
  return `${impl}::${rustIdent(parts.name)}(${args.join(", ")})`;
}

/** The `extern "C"` wrapper of an export (inside the `export!` macro; `$ty` is the implementer). */
export function exportWrapper(
  types: RustTypes,
  target: ExportTarget,
  func: WitFunc,
  n: number,
): string[] {
  const sig = func.sig;
  const abi = new RustAbi(types);
  const flat = flattenFuncType(sig, "lift");
  const parts = funcNameParts(func.name);
  const core = flat.params.map((t, i) => `p${i}: ${coreRustType(t)}`);
  const coreRet = flat.results.length ? ` -> ${coreRustType(flat.results[0])}` : "";
  let args: string[];
  if (flat.paramsIndirect) {
    const offsets = fieldOffsets(sig.params.map((p) => p.type));
    args = sig.params.map((p, i) => abi.load(p.type, "(p0 as usize as *mut u8)", offsets[i]));
  } else {
    let used = 0;
    args = sig.params.map((p, i) => {
      const width = parts.kind === "method" && i === 0 ? 1 : undefined;
      const count = width ?? flattenFuncType({ params: [p] }, "lift").params.length;
      const slots = flat.params.slice(used, used + count).map((_, j) => `p${used + j}`);
      used += count;
      return parts.kind === "method" && i === 0 ? slots[0] : abi.lift(p.type, slots);
    });
  }
  const out = [
    `#[export_name = "${target.exportName}"]`,
    `unsafe extern "C" fn __dissolve_export_${n}(${core.join(", ")})${coreRet} {`,
    `  let result = ${callImplementation(target, func, args)};`,
  ];
  if (!sig.result) return [...out, `  let _ = result;`, `}`];
  const body: string[] = [];
  if (flat.resultsIndirect) {
    out.push(
      `  static mut RET_AREA: ${area(elemSize(sig.result)).replace(/0u64; /, "u64; ")} = ${
        area(elemSize(sig.result))
      };`,
      `  let rbase = core::ptr::addr_of_mut!(RET_AREA) as *mut u8;`,
    );
    abi.store(sig.result, "result", "rbase", 0, body);
    out.push(...body.map((l) => `  ${l}`), `  core::mem::forget(result);`, `  rbase as i32`, `}`);
  } else {
    const [x] = abi.lower(sig.result, "result", body);
    out.push(
      ...body.map((l) => `  ${l}`),
      `  let ret = ${x};`,
      `  core::mem::forget(result);`,
      `  ret`,
      `}`,
    );
  }
  return out;
}
