/**
 * Debug info through fusion: each input module's DWARF line table, remapped
 * to the fused module's functions, and its fixed-address variables, moved
 * with its data. Code moves as functions are merged and their index
 * immediates renumbered (a body's bytes change length), but its
 * instructions keep their order: a line is attached to a function and an
 * instruction's ordinal, which the merge does not change. The result is the
 * fused module's `dissolve.debug` section, which synth turns into line
 * information and symbols in the ELF (`wasm/module/debug_section.ts`).
 *
 * @module
 */
import { BinaryWriter, decodeWasm, WasmDecodeError } from "../../wasm/mod.ts";
import {
  type CoreModule,
  type DebugInfo,
  forEachOperator,
  type FunctionBody,
} from "../../wasm/module/mod.ts";
import {
  decodeLineTable,
  decodeVariables,
  type DwarfSections,
  encodeLineTable,
  type LineSequence,
} from "../../wasm/dwarf/mod.ts";
import type { ModuleInstance } from "./graph.ts";
import type { ModuleInfo } from "./module_info.ts";

/** What collecting needs from the merge and the memory plan. */
export interface DebugSources {
  instances: ModuleInstance[];
  infos: ModuleInfo[];
  /** The fused index of instance `inst`'s first defined function. */
  funcBase(inst: number): number;
  /** The fused index of the memory instance `inst` defines (undefined: it defines none). */
  memory(inst: number): number | undefined;
  /** How far the instance's data moved. */
  dataMove(inst: number): number;
}

const sectionData = (info: ModuleInfo, name: string) =>
  info.customs.find((c) => c.name === name)?.data;

/** Bytes a u32 takes as LEB128 (measured by the codec's writer, the one LEB encoder). */
const lebSize = (n: number) => new BinaryWriter(8).u32(n).length;

/** Where one defined function's code is, in DWARF's addresses. */
interface FunctionCode {
  /** Its first byte (its locals). */
  start: number;
  /** Just after its last byte. */
  end: number;
  /** Each instruction's address, in order. */
  instructions: number[];
}

/**
 * Each defined function's code in DWARF's addresses: offsets from the start
 * of the code section's contents.
 */
function codeLayout(bodies: FunctionBody[]): FunctionCode[] {
  if (bodies.length === 0) return [];
  const payload = bodies[0].offset - lebSize(bodies[0].bytes.length) - lebSize(bodies.length);
  return bodies.map((b) => {
    const start = b.offset - payload;
    const instructions: number[] = [];
    forEachOperator(b.bytes, { op: (_op, _sub, at) => instructions.push(start + at) });
    return { start, end: start + b.bytes.length, instructions };
  });
}

/** The first index of `xs` (sorted) whose value is ≥ `x`. */
function lowerBound(xs: number[], x: number): number {
  let lo = 0, hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (xs[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * One module's lines by defined function: `[ordinal, file, line]` wherever
 * the line changes. Rows outside every body (code the linker dropped) are
 * left out.
 */
function moduleLines(
  info: ModuleInfo,
  fileId: (name: string) => number,
): Map<number, [number, number, number][]> {
  const table = sectionData(info, ".debug_line");
  const out = new Map<number, [number, number, number][]>();
  if (!table) return out;
  const code = codeLayout(info.bodies);
  const addresses = code.map((c) => c.instructions);
  const starts = code.map((c) => c.instructions[0] ?? c.start);
  const rows = decodeLineTable(table).filter((r) => !r.endSequence && r.line > 0);
  rows.sort((a, b) => a.address - b.address);
  for (const row of rows) {
    // The function holding the address: the last whose first instruction is at or before it
    // (a function's first row points at its locals, just before its first instruction).
    let f = lowerBound(starts, row.address + 1) - 1;
    if (f < 0 && addresses.length > 0 && row.address < starts[0]) f = 0;
    const own = addresses[f];
    if (!own || row.address > own[own.length - 1]) continue;
    const ordinal = Math.max(0, lowerBound(own, row.address));
    const lines = out.get(f) ?? [];
    const last = lines[lines.length - 1];
    const file = fileId(row.file);
    if (last && last[0] === ordinal) lines[lines.length - 1] = [ordinal, file, row.line];
    else if (!last || last[1] !== file || last[2] !== row.line) {
      lines.push([ordinal, file, row.line]);
    }
    out.set(f, lines);
  }
  return out;
}

/** An instance's fixed-address variables, at their addresses in the fused module's memory. */
function instanceVariables(src: DebugSources, inst: ModuleInstance): DebugInfo["variables"] {
  const info = src.infos[inst.id];
  const memory = src.memory(inst.id);
  const debugInfo = sectionData(info, ".debug_info"), abbrev = sectionData(info, ".debug_abbrev");
  if (memory === undefined || !debugInfo || !abbrev) return [];
  const str = sectionData(info, ".debug_str");
  return decodeVariables({ info: debugInfo, abbrev, ...(str ? { str } : {}) }).map((v) => ({
    name: v.name,
    component: inst.component,
    memory,
    address: v.address + src.dataMove(inst.id),
    type: v.type,
  }));
}

/**
 * The fused module's debug info, from the DWARF its input modules carry.
 *
 * @example
 * ```ts ignore
 * import { collectDebugInfo } from "./debug_info.ts";
 * const debug = collectDebugInfo({ instances, infos, funcBase, memory, dataMove });
 * console.log(debug.files, debug.functions.length);
 * ```
 */
export function collectDebugInfo(src: DebugSources): DebugInfo {
  const files: string[] = [];
  const fileIds = new Map<string, number>();
  const fileId = (name: string) => {
    let id = fileIds.get(name);
    if (id === undefined) fileIds.set(name, id = files.push(name) - 1);
    return id;
  };
  const functions: DebugInfo["functions"] = [];
  const variables: DebugInfo["variables"] = [];
  const status = new Map<string, { debug: boolean; reason?: string }>();
  const noted = (component: string, debug: boolean, reason?: string) => {
    const was = status.get(component);
    if (!was?.debug) {
      status.set(component, debug ? { debug } : { debug, reason: was?.reason ?? reason });
    }
  };
  const linesOf = new Map<ModuleInstance["def"], ReturnType<typeof moduleLines>>();
  for (const inst of src.instances) {
    const info = src.infos[inst.id];
    try {
      let lines = linesOf.get(inst.def);
      if (!lines) linesOf.set(inst.def, lines = moduleLines(info, fileId));
      noted(inst.component, lines.size > 0, "no DWARF line table (built elsewhere, or stripped)");
      for (const [f, l] of lines) functions.push({ func: src.funcBase(inst.id) + f, lines: l });
      variables.push(...instanceVariables(src, inst));
    } catch (e) {
      // DWARF the reader does not take costs the component its debug info, not the build.
      if (!(e instanceof WasmDecodeError)) throw e;
      noted(inst.component, false, e.message);
    }
  }
  functions.sort((a, b) => a.func - b.func);
  const components = [...status].map(([name, s]) => ({ name, ...s }));
  return { files, functions, variables, components };
}

/**
 * The fused module's own DWARF line table: the remapped lines at the
 * addresses its encoded code has (`core`, the module as fuse wrote it), as
 * `.debug_line` with the compilation unit that names it.
 *
 * @example
 * ```ts ignore
 * import { fusedDwarf } from "./debug_info.ts";
 * const { line, info, abbrev } = fusedDwarf(core, debug);
 * ```
 */
export function fusedDwarf(core: Uint8Array, debug: DebugInfo): DwarfSections {
  const m = decodeWasm(core) as CoreModule;
  const imported = m.sections.flatMap((x) => x.id === "import" ? x.imports : [])
    .filter((i) => i.desc.kind === "func").length;
  const bodies = m.sections.flatMap((x) => x.id === "code" ? x.bodies : []);
  const code = codeLayout(bodies);
  const sequences: LineSequence[] = debug.functions.map((fn) => {
    const { start, end, instructions } = code[fn.func - imported];
    return {
      start,
      end,
      rows: fn.lines.map((
        [ordinal, file, line],
      ): [number, number, number] => [instructions[ordinal], file, line]),
    };
  });
  return encodeLineTable(
    debug.files,
    sequences,
    "fused",
    code.at(-1)?.end ?? 0,
  );
}
