/**
 * The DWARF reader against llvm-dwarfdump (the oracle), on modules clang
 * and rustc compile at test time.
 */
import { assert, assertEquals } from "../../test/support/assert.ts";
import { compileC } from "../../test/support/components.ts";
import { systemPath } from "../../stages/exec.ts";
import { decodeWasm, encodeWasm } from "../mod.ts";
import type { CoreModule } from "../module/mod.ts";
import { decodeLineTable, decodeVariables } from "./mod.ts";

const SOURCE = `#include <stdint.h>
struct point { int32_t x, y; };
static uint8_t pool[64];
uint32_t used;
const char greeting[] = "hello";
struct point origin = { 3, 4 };
double scale = 1.5;
int32_t *cursor;
__attribute__((export_name("sum"))) int32_t sum(int32_t n) {
  int32_t s = 0;
  for (int32_t i = 0; i < n; i++) {
    s += pool[i % 64] + origin.x;
    used++;
  }
  return s;
}
__attribute__((export_name("fill"))) void fill(uint8_t v) {
  static uint32_t calls;
  calls++;
  cursor = (int32_t *)&used;
  if (scale > 2.0 || greeting[calls % 5] == 0) calls++;
  for (int i = 0; i < 64; i++) pool[i] = v;
}
`;

/** llvm-dwarfdump's reading of `bytes` (without relocation sections, which it cannot read). */
async function dwarfdump(bytes: Uint8Array, what: string): Promise<string> {
  const m = decodeWasm(bytes) as CoreModule;
  const sections = m.sections.filter((s) =>
    !(s.id === "custom" && (s.name === "linking" || s.name.startsWith("reloc.")))
  );
  const file = await Deno.makeTempFile({ suffix: ".wasm" });
  try {
    await Deno.writeFile(file, encodeWasm({ kind: "module", sections }));
    const r = await new Deno.Command("llvm-dwarfdump", {
      args: [what, file],
      env: { PATH: systemPath() },
    }).output();
    assertEquals(r.code, 0, new TextDecoder().decode(r.stderr));
    return new TextDecoder().decode(r.stdout);
  } finally {
    await Deno.remove(file);
  }
}

const section = (m: CoreModule, name: string) => {
  const s = m.sections.find((x) => x.id === "custom" && x.name === name);
  return s?.id === "custom" ? s.data : undefined;
};

const FLAGS = ["-g", "-gdwarf-4", "-Os"];

Deno.test("dwarf: every line-table row is the one llvm-dwarfdump reads", async () => {
  const bytes = await compileC(SOURCE, FLAGS);
  const m = decodeWasm(bytes) as CoreModule;
  const rows = decodeLineTable(section(m, ".debug_line")!);
  const text = await dwarfdump(bytes, "--debug-line");
  const expected = [...text.matchAll(/^0x([0-9a-f]+) +(\d+) +(\d+) +\d+ +\d+ +\d+[ \t]*(.*)$/gm)]
    .map((m) => ({
      address: parseInt(m[1], 16),
      line: Number(m[2]),
      column: Number(m[3]),
      isStmt: m[4].includes("is_stmt"),
      endSequence: m[4].includes("end_sequence"),
    }));
  assert(expected.length > 10, text);
  assertEquals(
    rows.map(({ address, line, column, isStmt, endSequence }) => ({
      address,
      line,
      column,
      isStmt,
      endSequence,
    })),
    expected,
  );
  assert(rows.every((r) => r.file.endsWith("m.c")), JSON.stringify(rows.map((r) => r.file)));
});

Deno.test("dwarf: every fixed-address variable llvm-dwarfdump finds, at its address, typed", async () => {
  const bytes = await compileC(SOURCE, FLAGS);
  const m = decodeWasm(bytes) as CoreModule;
  const vars = decodeVariables({
    info: section(m, ".debug_info")!,
    abbrev: section(m, ".debug_abbrev")!,
    str: section(m, ".debug_str"),
  });
  const text = await dwarfdump(bytes, "--debug-info");
  // Each DIE is a block of lines; a variable at a fixed address has `DW_OP_addr` (0xffffffff: the
  // linker dropped it).
  const expected = text.split(/\n\s*\n/).flatMap((die) => {
    const name = /DW_TAG_variable\n\s+DW_AT_name\s+\("(\w+)"\)/.exec(die)?.[1];
    const at = /DW_AT_location\s+\(DW_OP_addr 0x([0-9a-f]+)\)/.exec(die)?.[1];
    if (!name || !at || parseInt(at, 16) === 0xffffffff) return [];
    return [{ name, address: parseInt(at, 16) }];
  });
  assertEquals(vars.map(({ name, address }) => ({ name, address })), expected);
  const type = (n: string) => vars.find((v) => v.name === n)!.type;
  assertEquals(type("used"), { kind: "base", name: "unsigned int", size: 4, encoding: 7 });
  assertEquals(type("pool"), {
    kind: "array",
    element: { kind: "base", name: "unsigned char", size: 1, encoding: 8 },
    count: 64,
  });
  assertEquals(type("origin"), { kind: "aggregate", name: "point", size: 8 });
  assertEquals(type("scale"), { kind: "base", name: "double", size: 8, encoding: 4 });
  assertEquals(type("cursor"), { kind: "pointer" });
  assert(vars.some((v) => v.name === "calls"), "a function's static variable");
});

Deno.test("dwarf: a DWARF 5 line table is refused by name, with what to do", async () => {
  const bytes = await compileC(SOURCE, ["-g", "-gdwarf-5"]);
  const m = decodeWasm(bytes) as CoreModule;
  let message = "";
  try {
    decodeLineTable(section(m, ".debug_line")!);
  } catch (e) {
    message = (e as Error).message;
  }
  assert(/DWARF 5 line tables are not read; build with DWARF 4/.test(message), message);
});
