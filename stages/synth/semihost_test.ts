/**
 * RV32 semihosting: the host recognises a call only when its three
 * instructions (`slli zero, zero, 0x1f; ebreak; srai zero, zero, 7`) lie in
 * one page. The firmware differential found a build whose stack report
 * straddled a page, so the `ebreak` was a breakpoint trap (`mcause 3` at
 * pc 0x80008000). The BSP aligns each sequence to 16 bytes; this checks the
 * linked image.
 */
import { assert } from "../../test/support/assert.ts";
import { synth } from "./mod.ts";
import { parseElf, SHF_ALLOC, SHT_NOBITS } from "./elf.ts";
import { compileC } from "../../test/support/components.ts";

const SLLI = 0x01f01013, EBREAK = 0x00100073, SRAI = 0x40705013;

Deno.test("semihost (RV32): every call sequence sits inside one 16-byte block, so never across a page", async () => {
  const module = await compileC(`__attribute__((export_name("run"))) int run(void) { return 7; }`);
  for (const board of ["sifive_e", "virt-rv32"]) {
    const scratchDir = await Deno.makeTempDir();
    try {
      const out = await synth(
        module,
        { backend: "builtin", board, entry: "run", entryResult: "u32", measureStack: true },
        { scratchDir, baseDir: ".", log: () => {} },
      );
      const elf = parseElf(out.elf!);
      let sequences = 0;
      for (const s of elf.sections) {
        if (!(s.flags & SHF_ALLOC) || s.type === SHT_NOBITS || !(s.flags & 0x4)) continue; // code
        const view = new DataView(out.elf!.buffer, out.elf!.byteOffset + s.offset, s.size);
        for (let i = 0; i + 12 <= s.size; i += 2) {
          if (view.getUint32(i + 4, true) !== EBREAK) continue;
          assert(
            view.getUint32(i, true) === SLLI,
            `${board}: an ebreak at 0x${(s.addr + i + 4).toString(16)} without its slli`,
          );
          assert(view.getUint32(i + 8, true) === SRAI, `${board}: an ebreak without its srai`);
          assert((s.addr + i) % 16 === 0, `${board}: a sequence at 0x${(s.addr + i).toString(16)}`);
          sequences++;
        }
      }
      assert(sequences >= 1, `${board}: no semihosting call found`);
    } finally {
      await Deno.remove(scratchDir, { recursive: true });
    }
  }
});
