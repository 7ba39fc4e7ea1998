/**
 * Flashable outputs: the `.bin` and `.hex` synth makes beside the ELF hold
 * exactly the ELF's loadable sections at their load addresses (read back and
 * compared, on a board whose flash starts at 0, one at 0x08000000 and one
 * RV32 board at 0x20400000), and the `.bin` written at the flash origin
 * boots on its own.
 */
import { assert, assertEquals, assertThrows } from "../../test/support/assert.ts";
import { synth } from "./mod.ts";
import { boardNamed } from "./boards.ts";
import { parseElf } from "./elf.ts";
import { GateError } from "../gates/gate_error.ts";
import { loadableBytes, readIntelHex } from "./flashable.ts";
import { isaOf } from "./isa.ts";
import { compileC } from "../../test/support/components.ts";
import { qemuCommand } from "../run/mod.ts";

const SOURCE = `#include <stdint.h>
static const uint32_t table[8] = {3, 1, 4, 1, 5, 9, 2, 6};
__attribute__((export_name("run"))) uint32_t run(void) {
  uint32_t h = 0;
  for (int i = 0; i < 8; i++) h = h * 31 + table[i];
  return h;
}`;

for (const board of ["lm3s6965evb", "stm32vldiscovery", "sifive_e"]) {
  Deno.test(`flashable: ${board}'s .bin and .hex hold the ELF's loadable bytes at their addresses, and the .bin boots`, async () => {
    const scratchDir = await Deno.makeTempDir();
    try {
      const out = await synth(
        await compileC(SOURCE),
        {
          backend: "builtin",
          board,
          entry: "run",
          entryResult: "u32",
          output: ["elf", "bin", "hex"],
        },
        { scratchDir, baseDir: ".", log: () => {} },
      );
      const segments = loadableBytes(out.elf!, parseElf(out.elf!));
      const origin = boardNamed(board).flash.origin;
      assertEquals(segments[0].addr, origin, "the image starts at the flash origin");
      const bin = out.flashable!.bin!,
        hex = readIntelHex(new TextDecoder().decode(out.flashable!.hex!));
      const last = segments[segments.length - 1];
      assertEquals(bin.length, last.addr + last.data.length - origin);
      let loadable = 0;
      const covered = new Uint8Array(bin.length);
      for (const s of segments) {
        covered.fill(1, s.addr - origin, s.addr - origin + s.data.length);
        assertEquals(bin.subarray(s.addr - origin, s.addr - origin + s.data.length), s.data);
        s.data.forEach((b, i) =>
          assert(hex.get(s.addr + i) === b, `${board}: hex byte at 0x${(s.addr + i).toString(16)}`)
        );
        loadable += s.data.length;
      }
      assertEquals(hex.size, loadable, "the .hex holds nothing but the loadable bytes");
      assert(
        bin.every((b, i) => covered[i] || b === 0),
        "the .bin's padding between sections is zero",
      );
      assertEquals(out.sizeReport.flashable?.map((f) => [f.file, f.bytes, f.origin]), [
        ["firmware.bin", bin.length, origin],
        ["firmware.hex", out.flashable!.hex!.length, origin],
      ]);
      // The .bin alone, written at the flash origin as a programmer would, boots and answers.
      const expected = (await WebAssembly.instantiate(await compileC(SOURCE) as BufferSource))
        .instance
        .exports.run as () => number;
      await Deno.writeFile(`${scratchDir}/image.bin`, bin);
      const isa = isaOf(boardNamed(board));
      const [qemu, ...args] = qemuCommand(isa, boardNamed(board).qemuMachine!, {
        image: `${scratchDir}/image.bin`,
        address: origin,
      });
      const r = await new Deno.Command(qemu, { args, stdout: "piped", stderr: "piped" }).output();
      assertEquals(new TextDecoder().decode(r.stdout), `${expected() >>> 0}\n`);
      assertEquals(r.code, 0);
    } finally {
      await Deno.remove(scratchDir, { recursive: true });
    }
  });
}

Deno.test("flashable: a damaged Intel HEX record is refused, naming its line", () => {
  const e = assertThrows(
    () => readIntelHex(":020000040800F2\n:0400000001020304F3\n:00000001FF\n"),
    GateError,
  );
  assert(e.message.includes("line 2: checksum mismatch"), e.message);
});
