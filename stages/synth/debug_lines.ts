/**
 * A debug build's line information, from the fused module's
 * `dissolve.debug` into the C that gcc compiles. wasm2c keeps no trace of
 * where its C came from, so the module it reads is instrumented first: a
 * call `dissolve_line(K)` (an empty function of its own) before each
 * instruction where the source line changes. wasm2c turns each call into one
 * C statement, in the place of the instruction; that statement is then
 * replaced by a `#line` directive naming the component's file and line, so
 * gcc's DWARF points at the component's sources. The markers never reach
 * the compiled code.
 *
 * @module
 */
import { BinaryWriter } from "../../wasm/mod.ts";
import {
  type CoreModule,
  type DebugInfo,
  decodeNameSection,
  edited,
  encodeNameSection,
  insertBeforeInstructions,
  type ModuleSection,
} from "../../wasm/module/mod.ts";
import type { DwarfType } from "../../wasm/dwarf/mod.ts";

/** The name the marker function gets (wasm2c's C name follows from it). */
export const LINE_MARKER = "dissolve_line";

/** The instrumented module and what each marker number stands for. */
export interface LineMarkers {
  module: CoreModule;
  /** Marker `k` → the source file and line. */
  marks: { file: string; line: number }[];
}

const I32 = 0x7f;

/** The section `id` of `m`, or undefined. */
function section<I extends ModuleSection["id"]>(m: CoreModule, id: I) {
  return m.sections.find((s) => s.id === id) as (ModuleSection & { id: I }) | undefined;
}

/** The number of functions `m` imports. */
function importedFunctions(m: CoreModule): number {
  return section(m, "import")?.imports.filter((i) => i.desc.kind === "func").length ?? 0;
}

/**
 * `m` with a marker call before each instruction where a line starts, and the
 * marker function itself (named {@linkcode LINE_MARKER}), appended after
 * every other type and function so no index moves.
 *
 * @example
 * ```ts ignore
 * import { instrumentLines } from "./debug_lines.ts";
 * const { module, marks } = instrumentLines(fused, debugInfoOf(fused)!);
 * console.log(marks[0]); // { file: "./app.c", line: 12 }
 * ```
 */
export function instrumentLines(m: CoreModule, debug: DebugInfo): LineMarkers {
  const types = section(m, "type")!;
  const funcs = section(m, "function")!;
  const code = section(m, "code")!;
  const imported = importedFunctions(m);
  const markerType = types.types.length;
  const marker = imported + funcs.types.length;
  const marks: LineMarkers["marks"] = [];
  const markIds = new Map<string, number>();
  const markOf = (file: number, line: number) => {
    const key = `${file}:${line}`;
    let k = markIds.get(key);
    if (k === undefined) {
      markIds.set(key, k = marks.length);
      marks.push({ file: debug.files[file], line });
    }
    return k;
  };
  const bodies = code.bodies.slice();
  for (const f of debug.functions) {
    const body = bodies[f.func - imported];
    if (!body) continue;
    const inserts = new Map<number, Uint8Array>();
    for (const [ordinal, file, line] of f.lines) {
      const call = new BinaryWriter(12).u8(0x41).s32(markOf(file, line)).u8(0x10).u32(marker);
      inserts.set(ordinal, call.finish());
    }
    bodies[f.func - imported] = { bytes: insertBeforeInstructions(body.bytes, inserts), offset: 0 };
  }
  bodies.push({ bytes: new Uint8Array([0, 0x0b]), offset: 0 });
  const sections = m.sections.map((s): ModuleSection => {
    if (s === types) {
      return edited(types, { types: [...types.types, { params: [I32], results: [] }] });
    }
    if (s === funcs) return edited(funcs, { types: [...funcs.types, markerType] });
    if (s === code) return { id: "code", bodies };
    if (s.id === "custom" && s.name === "name") {
      const names = decodeNameSection(s.data);
      names.functions.set(marker, LINE_MARKER);
      return { id: "custom", name: "name", data: encodeNameSection(names) };
    }
    return s;
  });
  return { module: { kind: "module", sections }, marks };
}

/** A C string literal for a file name. */
const cString = (s: string) => JSON.stringify(s);

/**
 * wasm2c's C with each marker statement replaced: every C line after a
 * marker (up to the end of its function) is attributed to the marker's
 * source line; every other line keeps its own place in the file written
 * (`generatedFile`).
 *
 * @example
 * ```ts
 * import { applyLineDirectives } from "./debug_lines.ts";
 * const c = "static void w2c_firmware_f(w2c_firmware* instance) {\n" +
 *   "  w2c_i0 = 0u;\n  w2c_dissolve_line(instance, w2c_i0);\n  w2c_i0 = 1u;\n}\n";
 * console.log(applyLineDirectives(c, "firmware.c", [{ file: "./app.c", line: 7 }]));
 * ```
 */
export function applyLineDirectives(
  source: string,
  generatedFile: string,
  marks: LineMarkers["marks"],
): string {
  const lines = source.split("\n");
  // wasm2c writes the marker's argument to a temporary first (`w2c_i2 = 7u;`), or passes it
  // inline: either way the marker's statements go, and the mark they carry stays.
  const call = new RegExp(`^\\s*w2c_(?:\\w+_)?${LINE_MARKER}\\([^,]+, (\\w+)\\);$`);
  const markAt = new Map<number, number>();
  const dropped = new Set<number>();
  lines.forEach((text, i) => {
    const m = call.exec(text);
    if (!m) return;
    const literal = /^(\d+)u?$/.exec(m[1]);
    const temp = literal ? undefined : new RegExp(`^\\s*${m[1]} = (\\d+)u;$`).exec(lines[i - 1]);
    const k = literal ? literal[1] : temp?.[1];
    if (k === undefined) return;
    markAt.set(i, Number(k));
    if (temp) dropped.add(i - 1);
  });
  const out: string[] = [];
  let current: { file: string; line: number } | undefined;
  // Where gcc believes the next line is: a directive is written only where that is wrong.
  let next = { file: generatedFile, line: 1 };
  lines.forEach((text, i) => {
    if (dropped.has(i)) return;
    const k = markAt.get(i);
    if (k !== undefined) {
      current = marks[k];
      return;
    }
    // Component code: its source line. Generated code: its own line in the file written (after
    // a directive when one is needed, which takes a line itself).
    let want = current ?? { file: generatedFile, line: out.length + 1 };
    if (want.file !== next.file || want.line !== next.line) {
      if (!current) want = { file: generatedFile, line: out.length + 2 };
      out.push(`#line ${want.line} ${cString(want.file)}`);
    }
    out.push(text);
    next = { file: want.file, line: want.line + 1 };
    if (text === "}") current = undefined;
  });
  return out.join("\n");
}

/**
 * What a debug build adds to gcc's flags: DWARF, and memories that stay
 * global symbols through LTO (the linker places the variables in them).
 */
export const DEBUG_CFLAGS: readonly string[] = [
  "-g",
  "-DDISSOLVE_VISIBLE=__attribute__((externally_visible))",
];

/** A C identifier that cannot clash with the firmware's own names. */
const C_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const RESERVED = /^(__|w2c_|wasm_|wasm2c_|dissolve_|Z_)/;

/** The C declarator of a variable of DWARF type `t` named `name`, or undefined. */
function declarator(t: DwarfType, name: string): string | undefined {
  switch (t.kind) {
    case "base": {
      if (t.encoding === 0x02) return `_Bool ${name}`;
      if (t.encoding === 0x04) {
        return t.size === 4 ? `float ${name}` : t.size === 8 ? `double ${name}` : undefined;
      }
      if (![1, 2, 4, 8].includes(t.size)) return undefined;
      const signed = t.encoding === 0x05 || t.encoding === 0x06;
      return `${signed ? "" : "u"}int${t.size * 8}_t ${name}`;
    }
    case "pointer":
      // A wasm pointer is an offset into the component's linear memory.
      return `uint32_t ${name}`;
    case "array":
      return declarator(t.element, `${name}[${t.count}]`);
    case "aggregate":
      return t.size > 0 ? `uint8_t ${name}[${t.size}]` : undefined;
    default:
      return undefined;
  }
}

/** One variable as the firmware's symbols show it. */
export interface DebugSymbol {
  /** The symbol's name: the variable's, or `<component>_<name>` where two components share it. */
  symbol: string;
  /** `extern volatile …;` for gcc's DWARF. */
  declaration: string;
  memory: number;
  address: number;
}

/**
 * The symbols to give the component's variables: those a C declaration can
 * type, named as in their sources (qualified by component where two clash).
 *
 * @example
 * ```ts
 * import { debugSymbols } from "./debug_lines.ts";
 * const v = { name: "hits", component: "app", memory: 0, address: 1056,
 *   type: { kind: "base" as const, name: "unsigned int", size: 4, encoding: 7 } };
 * console.log(debugSymbols([v])[0].declaration); // extern volatile uint32_t hits;
 * ```
 */
export function debugSymbols(variables: DebugInfo["variables"]): DebugSymbol[] {
  const count = new Map<string, number>();
  for (const v of variables) count.set(v.name, (count.get(v.name) ?? 0) + 1);
  const taken = new Set<string>();
  const out: DebugSymbol[] = [];
  for (const v of variables) {
    let symbol = count.get(v.name)! > 1 ? `${v.component.replace(/\W/g, "_")}_${v.name}` : v.name;
    if (!C_NAME.test(symbol) || RESERVED.test(symbol)) continue;
    for (let n = 2; taken.has(symbol); n++) symbol = `${symbol}_${n}`;
    const decl = declarator(v.type, symbol);
    if (!decl) continue;
    taken.add(symbol);
    out.push({
      symbol,
      declaration: `extern volatile ${decl};`,
      memory: v.memory,
      address: v.address,
    });
  }
  return out;
}

/**
 * The C file that gives gcc the variables' types: their declarations, and a
 * table that uses each one (so its DWARF is kept). The linker defines each
 * symbol at its place in linear memory ({@linkcode debugDefsyms}); the
 * memories stay global symbols through LTO for that ({@linkcode DEBUG_CFLAGS}).
 *
 * @example
 * ```ts
 * import { debugVariablesSource } from "./debug_lines.ts";
 * console.log(debugVariablesSource([]).includes("dissolve_debug_variables")); // true
 * ```
 */
export function debugVariablesSource(symbols: DebugSymbol[]): string {
  const refs = symbols.map((s) => `  (const volatile void *)&${s.symbol},`);
  return [
    "/* The components' variables, typed for the debugger (a debug build's; synth writes it). */",
    "#include <stdint.h>",
    ...symbols.map((s) => s.declaration),
    "__attribute__((used)) const volatile void *const dissolve_debug_variables[] = {",
    ...refs,
    "  0,",
    "};",
    "",
  ].join("\n");
}

/**
 * The linker options that place each symbol in its memory's array, and keep
 * the table that uses them (its file's DWARF goes if the table is collected).
 *
 * @example
 * ```ts
 * import { debugDefsyms } from "./debug_lines.ts";
 * console.log(debugDefsyms([{ symbol: "hits", declaration: "", memory: 1, address: 16 }]));
 * // [ "-Wl,--undefined=dissolve_debug_variables", "-Wl,--defsym=hits=dissolve_memory_1+16" ]
 * ```
 */
export function debugDefsyms(symbols: DebugSymbol[]): string[] {
  const keep = symbols.length > 0 ? ["-Wl,--undefined=dissolve_debug_variables"] : [];
  return [
    ...keep,
    ...symbols.map((s) =>
      `-Wl,--defsym=${s.symbol}=${
        s.memory === 0 ? "dissolve_linear_memory" : `dissolve_memory_${s.memory}`
      }+${s.address}`
    ),
  ];
}
