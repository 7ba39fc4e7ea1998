/**
 * C bindings for `async` functions (the canonical ABI's callback form):
 * an async import starts a subtask and returns its status; an async export
 * is a function and a callback the user implements, which finish with the
 * generated `…_return`. The task built-ins (waitable sets, subtasks,
 * context) come with them.
 *
 * @module
 */
import { flattenFuncType, type FuncSig, taskReturnParams } from "../../../wasm/abi/mod.ts";
import { byValue, type CTypes } from "./c_types.ts";
import { coreCType, FlatLowering, liftFlat } from "./c_abi.ts";
import { snake } from "./names.ts";

/** The header's async codes and built-in declarations, and their glue. */
export function asyncRuntime(w: string): { h: string[]; c: string[] } {
  const W = w.toUpperCase();
  // Each built-in is a core import and an inline C function over it, in the header.
  const builtin = (ret: string, name: string, params: string, field: string, args: string) => [
    `__attribute__((import_module("$root"), import_name("${field}")))`,
    `extern ${ret} __wasm_import_${w}_${name}(${params});`,
    `DISSOLVE_GLUE ${ret} ${w}_${name}(${params}) { ${
      ret === "void" ? "" : "return "
    }__wasm_import_${w}_${name}(${args}); }`,
  ];
  const builtins = [
    builtin("uint32_t", "waitable_set_new", "void", "[waitable-set-new]", ""),
    builtin("void", "waitable_set_drop", "uint32_t set", "[waitable-set-drop]", "set"),
    builtin(
      "void",
      "waitable_join",
      "uint32_t waitable, uint32_t set",
      "[waitable-join]",
      "waitable, set",
    ),
    builtin("void", "subtask_drop", "uint32_t subtask", "[subtask-drop]", "subtask"),
    builtin("uint32_t", "context_get", "void", "[context-get-0]", ""),
    builtin("void", "context_set", "uint32_t value", "[context-set-0]", "value"),
  ];
  return {
    h: [
      ``,
      `/* Async: what a callback returns, the events it receives, a subtask's status. */`,
      `typedef uint32_t ${w}_callback_code_t;`,
      `#define ${W}_CALLBACK_CODE_EXIT 0u`,
      `#define ${W}_CALLBACK_CODE_YIELD 1u`,
      `#define ${W}_CALLBACK_CODE_WAIT(set) (2u | ((set) << 4))`,
      `typedef struct ${w}_event_t { uint32_t event; uint32_t waitable; uint32_t code; } ${w}_event_t;`,
      `#define ${W}_EVENT_NONE 0u`,
      `#define ${W}_EVENT_SUBTASK 1u`,
      `typedef uint32_t ${w}_subtask_status_t;`,
      `#define ${W}_SUBTASK_STARTING 0u`,
      `#define ${W}_SUBTASK_STARTED 1u`,
      `#define ${W}_SUBTASK_RETURNED 2u`,
      `DISSOLVE_GLUE uint32_t ${w}_subtask_state(${w}_subtask_status_t s) { return s & 0xf; }`,
      `DISSOLVE_GLUE uint32_t ${w}_subtask_handle(${w}_subtask_status_t s) { return s >> 4; }`,
      ...builtins.flat(),
    ],
    c: [],
  };
}

/**
 * An async import: lowers the arguments (by pointer past four flat values),
 * passes where the result goes, and returns the subtask's status.
 */
export function asyncImport(
  types: CTypes,
  w: string,
  cname: string,
  sig: FuncSig,
  module: string,
  field: string,
): string[] {
  const flat = flattenFuncType(sig, "async lower");
  const params = sig.params.map((p) =>
    byValue(p.type)
      ? `${types.name(p.type)} ${snake(p.name)}`
      : `${types.name(p.type)} *${snake(p.name)}`
  );
  if (sig.result) params.push(`${types.name(sig.result)} *result`);
  const proto = `${w}_subtask_status_t ${cname}(${params.join(", ") || "void"})`;
  const core = `__wasm_import_${cname}`;
  const lowering = new FlatLowering(types);
  const body: string[] = [];
  let args: string[];
  if (flat.paramsIndirect) {
    body.push(
      `  struct { ${sig.params.map((p, i) => `${types.name(p.type)} f${i};`).join(" ")} } args;`,
    );
    sig.params.forEach((p, i) =>
      body.push(`  args.f${i} = ${byValue(p.type) ? snake(p.name) : `*${snake(p.name)}`};`)
    );
    args = ["(int32_t)&args"];
  } else {
    args = sig.params.flatMap((p) =>
      lowering.lower(p.type, byValue(p.type) ? snake(p.name) : `(*${snake(p.name)})`)
    );
    body.push(...lowering.code);
  }
  if (sig.result) args.push("(int32_t)result");
  const coreParams = flat.params.map((t, i) => `${coreCType(t)} p${i}`).join(", ") || "void";
  return [
    `__attribute__((import_module("${module}"), import_name("[async-lower]${field}")))`,
    `extern int32_t ${core}(${coreParams});`,
    `DISSOLVE_GLUE ${proto} {`,
    ...body,
    `  return (${w}_subtask_status_t)${core}(${args.join(", ")});`,
    `}`,
  ];
}

/**
 * An async export: the user's start function and callback (wrapped as the
 * `[async-lift]` and `[callback][async-lift]` exports), and `…_return`,
 * which hands the result over (`task.return`).
 */
export function asyncExport(
  types: CTypes,
  w: string,
  cname: string,
  sig: FuncSig,
  exportName: string,
  returnModule: string,
  field: string,
): { h: string[]; c: string[] } {
  const params = sig.params.map((p) =>
    byValue(p.type)
      ? `${types.name(p.type)} ${snake(p.name)}`
      : `${types.name(p.type)} *${snake(p.name)}`
  );
  const ret = taskReturnParams(sig.result);
  const retParam = sig.result
    ? (byValue(sig.result) ? `${types.name(sig.result)} ret` : `${types.name(sig.result)} *ret`)
    : "void";
  const core = flattenFuncType(sig, "async lift");
  const args = sig.params.map((p, i) => byValue(p.type) ? `a${i}` : `&a${i}`);
  const lowering = new FlatLowering(types);
  const retArgs = sig.result
    ? ret.indirect
      ? [`(int32_t)${byValue(sig.result) ? "&ret" : "ret"}`]
      : lowering.lower(sig.result, byValue(sig.result) ? "ret" : "(*ret)")
    : [];
  const retCore = ret.params.map((t, i) => `${coreCType(t)} p${i}`).join(", ") || "void";
  const coreParams = core.params.map((t, i) => `${coreCType(t)} p${i}`).join(", ") || "void";
  return {
    h: [
      `/* You implement: */ ${w}_callback_code_t ${cname}(${params.join(", ") || "void"});`,
      `/* You implement: */ ${w}_callback_code_t ${cname}_callback(${w}_event_t *event);`,
      `/* Hands ${exportName}'s result to its caller (task.return). */`,
      `__attribute__((import_module("${returnModule}"), import_name("[task-return]${field}")))`,
      `extern void __wasm_import_${cname}_return(${retCore});`,
      `DISSOLVE_GLUE void ${cname}_return(${retParam}) {`,
      ...lowering.code,
      `  __wasm_import_${cname}_return(${retArgs.join(", ")});`,
      `}`,
    ],
    c: [
      `__attribute__((export_name("[async-lift]${exportName}")))`,
      `uint32_t __wasm_export_${cname}(${coreParams}) {`,
      ...liftParams(types, sig),
      `  return ${cname}(${args.join(", ")});`,
      `}`,
      `__attribute__((export_name("[callback][async-lift]${exportName}")))`,
      `uint32_t __wasm_export_${cname}_callback(uint32_t event, uint32_t waitable, uint32_t code) {`,
      `  ${w}_event_t e = { event, waitable, code };`,
      `  return ${cname}_callback(&e);`,
      `}`,
    ],
  };
}

/** Lifts an async export's flat parameters into locals `a0`, `a1`, …. */
function liftParams(types: CTypes, sig: FuncSig): string[] {
  const out: string[] = [];
  const flat = flattenFuncType(sig, "async lift");
  if (flat.paramsIndirect) {
    out.push(
      `  struct { ${
        sig.params.map((p, i) => `${types.name(p.type)} f${i};`).join(" ")
      } } *args = (void *)(uintptr_t)(uint32_t)p0;`,
    );
    sig.params.forEach((p, i) => out.push(`  ${types.name(p.type)} a${i} = args->f${i};`));
    return out;
  }
  const slots = flat.params.map((_, j) => `p${j}`);
  let used = 0;
  sig.params.forEach((p, i) => {
    out.push(`  ${types.name(p.type)} a${i};`);
    used += liftFlat(types, p.type, `a${i}`, slots.slice(used), out);
  });
  return out;
}
