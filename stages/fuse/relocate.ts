/**
 * Rebasing a module into its region of the shared memory.
 *
 * `wasm-ld --emit-relocs` keeps the relocations of the final link: each
 * `reloc.CODE` / `reloc.DATA` entry of a memory-address type marks a
 * padded LEB (or a fixed-width word) holding a resolved address. Adding the
 * region base at each such place, to each active data segment's offset, to
 * `__stack_pointer`'s initial value and to exported address globals moves
 * the module without changing what it computes.
 *
 * @module
 */
import { BinaryReader, BinaryWriter } from "../../wasm/mod.ts";
import {
  constI32,
  decodeLinkingSection,
  decodeModule,
  decodeNameSection,
  decodeRelocSection,
  encodeModule,
  i32ConstExpr,
  type LinkingSymbol,
  type Relocation,
  WASM_SYM_UNDEFINED,
} from "../../wasm/module/mod.ts";
import type { FunctionBody, Global } from "../../wasm/module/mod.ts";
import { type ModuleInfo, moduleInfo } from "./module_info.ts";
import { FuseError } from "./errors.ts";
import { anchorCodeRelocations, codeAnchors } from "./reloc_anchor.ts";

/** The symbol index wasm-ld writes into a debug section's relocation whose symbol it dropped. */
const DISCARDED_SYMBOL = 0xffffffff;
/** What fuse knows about how a module addresses its memory. */
export interface ModuleAddressing {
  /** The module has data, a stack pointer, or address globals: it occupies memory. */
  usesMemory: boolean;
  hasRelocations: boolean;
  /** Bytes from 0 the module uses: `__heap_base`, else end of data / stack. */
  usedExtent: number;
  /**
   * The lowest address it uses: 0 with a stack at the bottom (or when
   * unknown), else its lowest data segment (a data-first stack lies above
   * its data). With `usedExtent`, the range a module without relocations
   * keeps to itself.
   */
  usedLow: number;
  /** Defined-global indices (absolute) whose initial value is an address. */
  addressGlobals: number[];
  /** Function names from the `name` section, by absolute function index. */
  /** Function names from the name section, by absolute index (read on the first call). */
  functionNames(): Map<number, string>;
  /**
   * The module's own shadow stack, when it has a `__stack_pointer` global and
   * a stack-first layout (wasm-ld `--stack-first`: the stack is [0, init),
   * data and bss lie in [dataStart, dataEnd) above it) — the layout whose
   * stack fuse can replace with one shared stack.
   */
  stack?: StackLayout;
}

/** Where a stack-first module keeps its stack and its data. */
export interface StackLayout {
  /** Absolute index of the `__stack_pointer` global. */
  global: number;
  /** Its initial value: the top of the module's stack. */
  top: number;
  /** First byte of data (the stack top, or the lowest data segment). */
  dataStart: number;
  /** End of data and bss (`__data_end`, else `__heap_base`). */
  dataEnd: number;
}

/** Relocation types holding a memory address: type → [width in bytes, encoding]. */
const ADDRESS_RELOCS: Record<number, [number, "uleb" | "sleb" | "le"]> = {
  3: [5, "uleb"], // R_WASM_MEMORY_ADDR_LEB
  4: [5, "sleb"], // R_WASM_MEMORY_ADDR_SLEB
  5: [4, "le"], // R_WASM_MEMORY_ADDR_I32
  14: [10, "uleb"], // R_WASM_MEMORY_ADDR_LEB64
  15: [10, "sleb"], // R_WASM_MEMORY_ADDR_SLEB64
  16: [8, "le"], // R_WASM_MEMORY_ADDR_I64
};

/**
 * Works out how a module addresses memory.
 *
 * @example
 * ```ts
 * import { analyzeAddressing } from "./relocate.ts";
 * import { moduleInfo } from "./module_info.ts";
 * const m = { kind: "module" as const, sections: [] };
 * console.log(analyzeAddressing(moduleInfo(m)).usesMemory); // false
 * ```
 */
export function analyzeAddressing(info: ModuleInfo): ModuleAddressing {
  const custom = (name: string) => info.customs.find((c) => c.name === name);
  const nameSection = custom("name")?.data;
  // Global names now (they find the stack pointer); function names only when a message needs
  // them (a large module names thousands).
  const globalNames = nameSection
    ? decodeNameSection(nameSection, [7]).globals
    : new Map<number, string>();
  let functionNames: Map<number, string> | undefined;
  const hasRelocations = info.customs.some((c) => c.name.startsWith("reloc.")) &&
    custom("linking") !== undefined;
  const addressGlobals: number[] = [];
  let heapBase: number | undefined, dataEnd: number | undefined;
  let stackPointer: { global: number; top: number } | undefined;
  let extent = 0;
  info.globals.forEach((g, i) => {
    const abs = info.importedGlobals + i;
    const value = constI32(g.init.bytes);
    if (g.type.valType !== 0x7f || value === undefined) return;
    const name = globalNames.get(abs);
    const exported = [...info.exports.values()].find((e) => e.kind === "global" && e.index === abs);
    const isStack = name === "__stack_pointer" || (name === undefined && g.type.mutable && i === 0);
    const isAddress = isStack || (!g.type.mutable && (exported !== undefined ||
      (name !== undefined && /^__(heap_base|heap_end|data_end|global_base)$/.test(name))));
    if (!isAddress) return;
    addressGlobals.push(abs);
    extent = Math.max(extent, value);
    if (name === "__heap_base" || exported?.name === "__heap_base") heapBase = value;
    if (name === "__data_end" || exported?.name === "__data_end") dataEnd = value;
    // Only a mutable i32 can be a stack pointer (and be coalesced with the others).
    if (name === "__stack_pointer" && g.type.mutable) stackPointer = { global: abs, top: value };
  });
  let lowestData = Infinity;
  for (const d of info.data) {
    if (d.mode !== "active" || !d.offset) continue;
    const at = constI32(d.offset.bytes);
    if (at !== undefined) extent = Math.max(extent, at + d.data.length);
    if (at !== undefined) lowestData = Math.min(lowestData, at);
  }
  const end = dataEnd ?? heapBase;
  const stack = stackPointer && end !== undefined && stackPointer.top <= lowestData &&
      stackPointer.top <= end
    ? { ...stackPointer, dataStart: stackPointer.top, dataEnd: end }
    : undefined;
  // Without __heap_base or relocations nothing bounds what the module addresses: it may use
  // every page it declares (and must then keep them to itself).
  const declared = (info.memories[0]?.limits.min ?? 0) * 65536;
  const usedExtent = heapBase ?? (hasRelocations ? extent : Math.max(extent, declared));
  const dataFirst = stackPointer !== undefined && lowestData !== Infinity &&
    stackPointer.top > lowestData;
  const usedLow = stack
    ? 0
    : dataFirst || (!stackPointer && lowestData !== Infinity)
    ? lowestData
    : 0;
  return {
    usedLow,
    // A module that defines a memory uses it, whether or not anything is known about how.
    usesMemory: info.memories.length > 0 || usedExtent > 0 || info.data.length > 0,
    hasRelocations,
    usedExtent,
    addressGlobals,
    functionNames: () =>
      functionNames ??= nameSection
        ? decodeNameSection(nameSection, [1]).functions
        : new Map<number, string>(),
    stack,
  };
}

/** Adds `delta` to a fixed-width little-endian word (data and custom-section relocations). */
function patchWord(
  buf: Uint8Array,
  at: number,
  width: number,
  delta: number,
  limit: number,
  where: string,
): void {
  if (at < 0 || at + width > limit) {
    throw new FuseError(
      "bad-relocation",
      where,
      `a relocation at byte ${at} patches ${width} bytes past the end of its section`,
      "the module's relocation sections are damaged: rebuild it",
    );
  }
  const dv = new DataView(buf.buffer, buf.byteOffset);
  if (width === 4) dv.setUint32(at, (dv.getUint32(at, true) + delta) >>> 0, true);
  else dv.setBigUint64(at, dv.getBigUint64(at, true) + BigInt(delta), true);
}

/** How to read and write a code immediate a memory-address relocation patches. */
const IMMEDIATE: Record<number, "u32" | "s32" | "u64" | "s64"> = {
  3: "u32", // R_WASM_MEMORY_ADDR_LEB: a memarg offset
  4: "s32", // R_WASM_MEMORY_ADDR_SLEB: an i32.const
  14: "u64", // R_WASM_MEMORY_ADDR_LEB64
  15: "s64", // R_WASM_MEMORY_ADDR_SLEB64
};

/**
 * Rebuilds the code section's bodies with `delta` added to each patched
 * immediate: written at its old width when the new value fits (the padded
 * LEBs wasm-ld leaves), minimally wider otherwise (code whose LEBs a later
 * tool minimized).
 */
function patchCode(
  bytes: Uint8Array,
  start: number,
  end: number,
  patches: { pos: number; type: number }[],
  delta: number,
): FunctionBody[] {
  const sorted = [...patches].sort((a, b) => a.pos - b.pos);
  const r = new BinaryReader(bytes, start, end, 0);
  const count = r.u32("function count");
  const bodies: FunctionBody[] = [];
  let k = 0;
  for (let f = 0; f < count; f++) {
    const size = r.u32("function body size");
    const bodyStart = r.pos;
    r.skip(size, "a function body");
    const bodyEnd = r.pos;
    const w = new BinaryWriter(size + 16);
    let copied = bodyStart;
    while (k < sorted.length && start + sorted[k].pos < bodyEnd) {
      const at = start + sorted[k].pos;
      const kind = IMMEDIATE[sorted[k].type];
      const imm = new BinaryReader(bytes, at, bodyEnd, 0);
      const old = kind === "u32"
        ? BigInt(imm.u32())
        : kind === "s32"
        ? BigInt(imm.s32())
        : kind === "u64"
        ? imm.u64()
        : imm.s64();
      const width = imm.pos - at;
      w.bytes(bytes.subarray(copied, at));
      const value = old + BigInt(delta);
      if (kind === "u32") w.u32(Number(BigInt.asUintN(32, value)), width);
      else if (kind === "s32") w.s32(Number(BigInt.asIntN(32, value)), width);
      else if (kind === "u64") w.u64(BigInt.asUintN(64, value), width);
      else w.s64(value, width);
      copied = imm.pos;
      k++;
    }
    w.bytes(bytes.subarray(copied, bodyEnd));
    bodies.push({ bytes: w.finish().slice(), offset: 0 });
  }
  return bodies;
}

/** The memory address a data symbol plus addend stands for (undefined when unknown). */
function symbolAddress(
  symbols: LinkingSymbol[],
  segmentAddresses: (number | undefined)[],
  e: Relocation,
): bigint | undefined {
  const sym = symbols[e.index];
  if (!sym || sym.kind !== 1 || (sym.flags & WASM_SYM_UNDEFINED)) return undefined; // data symbols
  const base = sym.segment === undefined ? undefined : segmentAddresses[sym.segment];
  if (base === undefined) return undefined;
  return BigInt(base + (sym.offset ?? 0) + (e.addend ?? 0));
}

/**
 * Returns the module's bodies, globals and data moved by `base` bytes (negative
 * moves down); globals listed in `globalValues` get that value instead.
 * Every relocation is checked against the bytes it patches first; code
 * relocations that a later re-encoding left stale are re-anchored.
 */
export function rebase(
  info: ModuleInfo,
  addressing: ModuleAddressing,
  base: number,
  where: string,
  globalValues: Map<number, number> = new Map(),
): Pick<ModuleInfo, "bodies" | "globals" | "data"> & { reanchored: boolean } {
  // Work on a copy of the whole module so relocation offsets can be applied in place.
  const module = info.module;
  const bytes = encodeModule(module).slice();
  const spans: [number, number][] = [];
  let pos = 8;
  for (let k = 0; k < module.sections.length; k++) {
    const r = new BinaryReader(bytes, pos + 1);
    const size = r.u32();
    spans.push([r.pos, r.pos + size]);
    pos = r.pos + size;
  }
  const linking = info.customs.find((c) => c.name === "linking");
  const symbols = linking ? decodeLinkingSection(linking.data).symbols ?? [] : [];
  const segmentAddresses = info.data.map((d) =>
    d.mode === "active" && d.offset ? constI32(d.offset.bytes) : undefined
  );
  let codeBodies: FunctionBody[] | undefined;
  let reanchored = false;
  module.sections.forEach((s) => {
    if (s.id !== "custom" || !s.name.startsWith("reloc.")) return;
    const decoded = decodeRelocSection(s.data);
    const section = decoded.section;
    // wasm-ld marks a debug-info relocation whose symbol it discarded (dead code of a prebuilt
    // library, such as Rust's alloc) with index -1: there is nothing to move, so it is skipped.
    const entries = module.sections[section]?.id === "custom"
      ? decoded.entries.filter((e) => e.index !== DISCARDED_SYMBOL)
      : decoded.entries;
    const span = spans[section];
    if (span === undefined) {
      throw new FuseError(
        "bad-relocation",
        where,
        `${s.name} names section ${section}, which the module does not have`,
        "the module's relocation sections are damaged: rebuild it",
      );
    }
    for (const e of entries) {
      if (ADDRESS_RELOCS[e.type] && e.index >= symbols.length) {
        throw new FuseError(
          "bad-relocation",
          where,
          `${s.name} names symbol ${e.index}, but the symbol table has ${symbols.length}`,
          "the module's relocation sections are damaged: rebuild it",
        );
      }
    }
    const isDefined = (e: Relocation) => !((symbols[e.index]?.flags ?? 0) & WASM_SYM_UNDEFINED);
    if (module.sections[section].id === "code") {
      const anchors = codeAnchors(bytes, span[0], span[1]);
      const placed = anchorCodeRelocations(
        entries,
        anchors,
        (e) => ADDRESS_RELOCS[e.type] ? symbolAddress(symbols, segmentAddresses, e) : undefined,
        {
          where,
          functionName: (i) =>
            addressing.functionNames().get(info.importedFuncs + i) ?? `#${info.importedFuncs + i}`,
        },
      );
      reanchored = placed.reanchored;
      const patches = placed.entries
        .filter((e) => IMMEDIATE[e.type] !== undefined && isDefined(e))
        .map((e) => ({ pos: e.offset, type: e.type }));
      codeBodies = patchCode(bytes, span[0], span[1], patches, base);
      return;
    }
    for (const e of entries) {
      const spec = ADDRESS_RELOCS[e.type];
      if (!spec || !isDefined(e)) continue;
      if (spec[1] !== "le") {
        throw new FuseError(
          "bad-relocation",
          where,
          `${s.name} has a LEB relocation (type ${e.type}) outside the code section`,
          "the module's relocation sections are damaged: rebuild it",
        );
      }
      patchWord(bytes, span[0] + e.offset, spec[0], base, span[1], where);
    }
  });
  const moved = moduleInfo(decodeModule(bytes));
  const globals: Global[] = moved.globals.map((g, i) => {
    const fixed = globalValues.get(info.importedGlobals + i);
    if (fixed !== undefined) return { type: g.type, init: i32ConstExpr(fixed) };
    if (!addressing.addressGlobals.includes(info.importedGlobals + i)) return g;
    const v = constI32(g.init.bytes)!;
    return { type: g.type, init: i32ConstExpr(v + base) };
  });
  const data = moved.data.map((d) => {
    if (d.mode !== "active" || !d.offset) return d;
    const at = constI32(d.offset.bytes);
    if (at === undefined) {
      throw new FuseError(
        "bad-data-offset",
        where,
        "an active data segment's offset is not a constant (position-independent code?)",
        "build without -fPIC / shared-library flags",
      );
    }
    return { ...d, offset: i32ConstExpr(at + base) };
  });
  return { bodies: codeBodies ?? moved.bodies, globals, data, reanchored };
}
