/**
 * A minimal ELF32 reader: the header, section headers and (for
 * relocatable objects) the symbol table — what the ELF gate and the size
 * report need.
 *
 * @module
 */

/** One section header. */
export interface ElfSection {
  name: string;
  type: number;
  flags: number;
  addr: number;
  offset: number;
  size: number;
}

/** One program header (segment). */
export interface ElfSegment {
  type: number;
  /** Where its file bytes start in the ELF. */
  offset: number;
  vaddr: number;
  /** The load address: where the bytes are in flash (`.data`'s initial values too). */
  paddr: number;
  fileSize: number;
  memSize: number;
}

/** The parts of an ELF file Dissolve checks. */
export interface ElfFile {
  class: number;
  littleEndian: boolean;
  type: number;
  machine: number;
  entry: number;
  sections: ElfSection[];
  segments: ElfSegment[];
  /** Names of undefined symbols (relocatable objects). */
  undefinedSymbols: string[];
  /** Undefined symbol → names of the sections whose relocations reference it (relocatable objects). */
  references: Map<string, string[]>;
  /** Defined functions (STT_FUNC symbols): name, address (Thumb bit cleared) and size. */
  functions: ElfFunction[];
  /** Names of defined global and weak symbols (what a link can resolve against). */
  definedSymbols: string[];
}

/** A defined function symbol. */
export interface ElfFunction {
  name: string;
  addr: number;
  size: number;
}

/** Section header flag: occupies memory at run time. */
export const SHF_ALLOC = 0x2;
/** Section header flag: thread-local (.tdata, .tbss). */
export const SHF_TLS = 0x400;
/** Section type: occupies no file space (.bss). */
export const SHT_NOBITS = 8;
/** Machine: ARM. */
export const EM_ARM = 40;
/** Machine: RISC-V. */
export const EM_RISCV = 243;

function cstr(bytes: Uint8Array, at: number): string {
  let end = at;
  while (end < bytes.length && bytes[end] !== 0) end++;
  return new TextDecoder().decode(bytes.subarray(at, end));
}

/**
 * Parses an ELF32 little-endian file; throws with a sentence on anything else.
 *
 * @example
 * ```ts
 * import { parseElf } from "./elf.ts";
 * const elf = parseElf(await Deno.readFile("build/hello/lm3s6965evb/firmware.elf"));
 * console.log(elf.machine, elf.entry.toString(16));
 * ```
 */
export function parseElf(bytes: Uint8Array): ElfFile {
  if (
    bytes.length < 52 || bytes[0] !== 0x7f || bytes[1] !== 0x45 || bytes[2] !== 0x4c ||
    bytes[3] !== 0x46
  ) {
    throw new Error("not an ELF file (missing \\x7fELF magic)");
  }
  const cls = bytes[4];
  const le = bytes[5] === 1;
  if (cls !== 1) throw new Error(`expected ELF32 (class 1), found class ${cls}`);
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const u16 = (o: number) => dv.getUint16(o, le);
  const u32 = (o: number) => dv.getUint32(o, le);
  const type = u16(16), machine = u16(18), entry = u32(24);
  const phoff = u32(28), shoff = u32(32), phentsize = u16(42), phnum = u16(44), shentsize = u16(46);
  const shnum = u16(48), shstrndx = u16(50);
  if (shoff + shnum * shentsize > bytes.length || phoff + phnum * phentsize > bytes.length) {
    throw new Error("ELF header tables lie outside the file (truncated?)");
  }
  const raw = Array.from({ length: shnum }, (_, i) => {
    const o = shoff + i * shentsize;
    return {
      nameOff: u32(o),
      type: u32(o + 4),
      flags: u32(o + 8),
      addr: u32(o + 12),
      offset: u32(o + 16),
      size: u32(o + 20),
      link: u32(o + 24),
      info: u32(o + 28),
      entsize: u32(o + 36),
    };
  });
  const strtab = raw[shstrndx];
  const sections = raw.map((s) => ({
    name: strtab ? cstr(bytes, strtab.offset + s.nameOff) : "",
    type: s.type,
    flags: s.flags,
    addr: s.addr,
    offset: s.offset,
    size: s.size,
  }));
  const segments = Array.from({ length: phnum }, (_, i) => {
    const o = phoff + i * phentsize;
    return {
      type: u32(o),
      offset: u32(o + 4),
      vaddr: u32(o + 8),
      paddr: u32(o + 12),
      fileSize: u32(o + 16),
      memSize: u32(o + 20),
    };
  });
  const undefinedSymbols: string[] = [];
  const definedSymbols: string[] = [];
  const functions: ElfFunction[] = [];
  /** Symbol table section index → its symbols (name, and whether undefined). */
  const symbolTables = new Map<number, { name: string; undefined: boolean }[]>();
  raw.forEach((s, index) => {
    if (s.type !== 2) return; // SHT_SYMTAB
    const names = raw[s.link];
    const symbols: { name: string; undefined: boolean }[] = [];
    for (let o = s.offset; o + 16 <= s.offset + s.size; o += 16) {
      const shndx = u16(o + 14);
      const info = bytes[o + 12];
      const name = cstr(bytes, names.offset + u32(o));
      const undef = o > s.offset && shndx === 0 && name !== "" && (info >> 4) !== 0;
      if (undef) undefinedSymbols.push(name);
      else if (shndx !== 0 && name !== "" && (info >> 4) !== 0) definedSymbols.push(name); // not STB_LOCAL
      if ((info & 0xf) === 2 && shndx !== 0) { // STT_FUNC, defined
        functions.push({ name, addr: (u32(o + 4) & ~1) >>> 0, size: u32(o + 8) });
      }
      symbols.push({ name, undefined: undef });
    }
    symbolTables.set(index, symbols);
  });
  const references = new Map<string, string[]>();
  raw.forEach((s) => {
    if (s.type !== 9 && s.type !== 4) return; // SHT_REL, SHT_RELA
    const symbols = symbolTables.get(s.link);
    const target = sections[s.info]?.name ?? "?";
    const step = s.type === 9 ? 8 : 12;
    for (let o = s.offset; o + step <= s.offset + s.size; o += step) {
      const sym = symbols?.[u32(o + 4) >>> 8];
      if (!sym?.undefined) continue;
      const list = references.get(sym.name) ?? [];
      if (!list.includes(target)) list.push(target);
      references.set(sym.name, list);
    }
  });
  return {
    class: cls,
    littleEndian: le,
    type,
    machine,
    entry,
    sections,
    segments,
    undefinedSymbols,
    references,
    functions,
    definedSymbols,
  };
}
