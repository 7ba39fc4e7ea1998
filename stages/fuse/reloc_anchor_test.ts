import { assert, assertEquals, assertThrows } from "../../test/support/assert.ts";
import {
  ARENA_DECL,
  ARENA_WIT,
  compileC,
  componentize,
  instantiateFused,
  readStringAt,
} from "../../test/support/components.ts";
import { decodeWasm, encodeWasm } from "../../wasm/mod.ts";
import { decodeRelocSection, edited, minimizeFunctionBody } from "../../wasm/module/mod.ts";
import { fuse } from "./mod.ts";
import { FuseError } from "./errors.ts";
import { anchorCodeRelocations, codeAnchors } from "./reloc_anchor.ts";

/** Data everywhere: statics read and written at offsets, a table of strings, a function pointer. */
const TABLES_C = `${ARENA_DECL}
static uint32_t counts[16] = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16};
static const char *const words[] = {"alpha", "beta", "gamma", "delta"};
static uint32_t ret[2];
static uint32_t twice(uint32_t x) { return 2 * x; }
static uint32_t (*volatile op)(uint32_t) = twice;
__attribute__((export_name("sum"))) uint32_t sum(uint32_t n) {
  uint32_t s = 0;
  for (uint32_t i = 0; i < n && i < 16; i++) s += op(counts[i]++);
  return s;
}
__attribute__((export_name("word"))) uint32_t *word(uint32_t i) {
  const char *w = words[i % 4];
  uint32_t n = 0;
  while (w[n]) n++;
  char *p = arena_realloc(0, 0, 1, n);
  for (uint32_t k = 0; k < n; k++) p[k] = w[k];
  ret[0] = (uint32_t)p; ret[1] = n; return ret;
}`;
const TABLES_WIT = `package test:tables; world tables { ${ARENA_WIT}
  export sum: func(n: u32) -> u32; export word: func(i: u32) -> string; }`;
const FIRST_C = `${ARENA_DECL}
static uint32_t state[64] = {7};
__attribute__((export_name("first"))) uint32_t first(void) { return ++state[0]; }`;
const FIRST_WIT = `package test:first; world first { ${ARENA_WIT} export first: func() -> u32; }`;

/** The module with every LEB immediate of its code minimal, its relocation sections kept (stale). */
function relaxed(core: Uint8Array): Uint8Array {
  const m = decodeWasm(core);
  if (m.kind !== "module") throw new Error("expected a core module");
  return encodeWasm({
    kind: "module",
    sections: m.sections.map((s) =>
      s.id === "code"
        ? edited(s, {
          bodies: s.bodies.map((b) => ({
            bytes: minimizeFunctionBody(b.bytes, b.offset),
            offset: 0,
          })),
        })
        : s
    ),
  });
}

async function run(tables: Uint8Array) {
  const first = await componentize(await compileC(FIRST_C), FIRST_WIT, "first");
  // `first` takes the low region: `tables` must move, so every address in it is rebased.
  const { module, report } = await fuse(
    [{ name: "first", bytes: first }, { name: "tables", bytes: tables }],
    { memory: "shared", shareStack: true },
  );
  const { exports, memory } = instantiateFused(module);
  const sum = exports.sum as (n: number) => number;
  const word = exports.word as (i: number) => number;
  return {
    report,
    results: [
      sum(16),
      sum(4),
      readStringAt(memory, word(2)),
      readStringAt(memory, word(3)),
      (exports.first as () => number)(),
    ],
  };
}

Deno.test("relocations: code whose LEBs were minimized after linking is re-anchored and fuses under shared memory", async () => {
  const core = await compileC(TABLES_C);
  const small = relaxed(core);
  assert(small.length < core.length, "the minimized code is smaller");
  // Its reloc.CODE offsets are stale now: they no longer all point at immediates.
  const m = decodeWasm(small);
  assert(m.kind === "module");
  const reloc = m.sections.find((s) => s.id === "custom" && s.name === "reloc.CODE");
  assert(reloc?.id === "custom");
  const { entries } = decodeRelocSection(reloc.data);
  const codeIndex = m.sections.findIndex((s) => s.id === "code");
  const bytes = encodeWasm(m);
  let pos = 8, span: [number, number] = [0, 0];
  for (let k = 0; k <= codeIndex; k++) {
    let size = 0, shift = 0, b = 0x80, at = pos + 1;
    while (b & 0x80) {
      b = bytes[at++];
      size += (b & 0x7f) * 2 ** shift;
      shift += 7;
    }
    span = [at, at + size];
    pos = at + size;
  }
  const placed = anchorCodeRelocations(
    entries,
    codeAnchors(bytes, span[0], span[1]),
    () => undefined,
    { where: "tables", functionName: (i) => `#${i}` },
  );
  assert(placed.reanchored, "the entries had to be re-anchored");

  const expected = await run(await componentize(core, TABLES_WIT, "tables"));
  const actual = await run(await componentize(small, TABLES_WIT, "tables"));
  assertEquals(actual.report.strategy, "shared");
  assert(actual.report.reanchored?.some((m) => m.startsWith("tables")), "fuse re-anchored it");
  assertEquals(expected.report.reanchored, undefined, "padded code needs no re-anchoring");
  assertEquals(actual.results, expected.results);
  assertEquals(expected.results.slice(2, 4), ["gamma", "delta"]);
});

Deno.test("relocations: an entry that matches no immediate is refused, naming the function and the cause", () => {
  // One body: no locals; i32.const 5; drop; end — and an entry 40 bytes past anything.
  const code = new Uint8Array([1, 5, 0, 0x41, 5, 0x1a, 0x0b]);
  const e = assertThrows(
    () =>
      anchorCodeRelocations(
        [{ type: 4, offset: 40, index: 0 }],
        codeAnchors(code, 0, code.length),
        () => undefined,
        { where: "app/module0", functionName: () => "compute" },
      ),
    FuseError,
  );
  for (
    const part of [
      "app/module0, function compute",
      "R_WASM_MEMORY_ADDR_SLEB at offset 40",
      "matches no i32.const",
      "wit-component",
      "remedy:",
    ]
  ) assert(e.message.includes(part), `${part} in:\n${e.message}`);
});
