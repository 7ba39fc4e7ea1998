/**
 * Flashable images beside the ELF: a raw `.bin` (the loadable bytes from the
 * flash origin up, as a programmer writes them at that address) and an
 * Intel `.hex` (the same bytes with their addresses), both made by the
 * board's objcopy from the load (physical) addresses, so `.data`'s initial
 * values sit in flash where the startup code copies them from.
 *
 * `readIntelHex` reads a `.hex` back; the tests compare both with the ELF's
 * loadable segments.
 *
 * @module
 */
import { run } from "../exec.ts";
import type { Isa } from "./isa.ts";
import { type ElfFile, SHF_ALLOC, SHT_NOBITS } from "./elf.ts";
import { GateError } from "../gates/gate_error.ts";

/** The flashable formats `[synth] output` may ask for. */
export type FlashableFormat = "bin" | "hex";

/**
 * Makes each of `formats` from `dir/elfName` with the ISA's objcopy.
 *
 * @example
 * ```ts ignore
 * import { flashableImages } from "./flashable.ts";
 * import { ISAS } from "./isa.ts";
 * const out = await flashableImages("/tmp/synth", ISAS.arm, "firmware.elf", ["bin", "hex"]);
 * console.log(out.bin?.length, out.hex?.length);
 * ```
 */
export async function flashableImages(
  dir: string,
  isa: Isa,
  elfName: string,
  formats: FlashableFormat[],
): Promise<Partial<Record<FlashableFormat, Uint8Array>>> {
  const out: Partial<Record<FlashableFormat, Uint8Array>> = {};
  const base = elfName.replace(/\.elf$/, "");
  for (const format of formats) {
    const file = `${base}.${format}`;
    // .stack and .bss are NOLOAD: objcopy leaves them out, so nothing of RAM is in the image.
    await run([isa.objcopy, "-O", format === "bin" ? "binary" : "ihex", elfName, file], {
      stage: "synth",
      cwd: dir,
    });
    out[format] = await Deno.readFile(`${dir}/${file}`);
  }
  return out;
}

/**
 * The loadable bytes of an ELF: each allocated section with contents, at its
 * load address (the address in its `PT_LOAD` segment's physical range: for
 * `.data`, where its initial values sit in flash). Padding between sections
 * is not among them (a `.bin` fills it with zeros, a `.hex` leaves it out).
 *
 * @example
 * ```ts
 * import { loadableBytes } from "./flashable.ts";
 * import { parseElf } from "./elf.ts";
 * const bytes = await Deno.readFile("build/hello/lm3s6965evb/firmware.elf");
 * console.log(loadableBytes(bytes, parseElf(bytes))[0].addr); // 0: the vector table
 * ```
 */
export function loadableBytes(
  bytes: Uint8Array,
  elf: ElfFile,
): { addr: number; data: Uint8Array }[] {
  const out: { addr: number; data: Uint8Array }[] = [];
  for (const s of elf.sections) {
    if (!(s.flags & SHF_ALLOC) || s.type === SHT_NOBITS || s.size === 0) continue;
    const seg = elf.segments.find((g) =>
      g.type === 1 && s.offset >= g.offset && s.offset + s.size <= g.offset + g.fileSize
    );
    if (!seg) continue;
    out.push({
      addr: seg.paddr + (s.offset - seg.offset),
      data: bytes.subarray(s.offset, s.offset + s.size),
    });
  }
  return out.sort((a, b) => a.addr - b.addr);
}

/**
 * The bytes of an Intel HEX file by address (data records, with extended
 * segment and linear address records applied). Throws, naming the line, on
 * a record whose checksum or length is wrong.
 *
 * @example
 * ```ts
 * import { readIntelHex } from "./flashable.ts";
 * const image = readIntelHex(":020000040800F2\n:0400000001020304F2\n:00000001FF\n");
 * console.log(image.get(0x08000000), image.get(0x08000003)); // 1 4
 * ```
 */
export function readIntelHex(text: string): Map<number, number> {
  const image = new Map<number, number>();
  let base = 0;
  const lines = text.split(/\r?\n/);
  for (let n = 0; n < lines.length; n++) {
    const line = lines[n].trim();
    if (line === "") continue;
    const bad = (why: string): never => {
      throw new GateError("synth", "firmware.hex", "Intel HEX records", `line ${n + 1}: ${why}`);
    };
    if (!/^:([0-9A-Fa-f]{2})+$/.test(line)) bad("not a record");
    const rec = Array.from(
      { length: (line.length - 1) / 2 },
      (_, i) => parseInt(line.slice(1 + 2 * i, 3 + 2 * i), 16),
    );
    const [count, hi, lo, type] = rec;
    if (rec.length !== count + 5) bad(`length ${count} but ${rec.length - 5} data bytes`);
    if (rec.reduce((a, b) => a + b, 0) % 256 !== 0) bad("checksum mismatch");
    const data = rec.slice(4, 4 + count);
    if (type === 0) data.forEach((b, i) => image.set((base + (hi << 8 | lo) + i) >>> 0, b));
    else if (type === 1) break;
    else if (type === 2) base = (data[0] << 8 | data[1]) * 16;
    else if (type === 4) base = ((data[0] << 8 | data[1]) << 16) >>> 0;
  }
  return image;
}
