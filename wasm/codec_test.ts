import { assert, assertEquals, assertThrows } from "../test/support/assert.ts";
import { BinaryWriter, decodeWasm, encodeWasm, WasmDecodeError } from "./mod.ts";
import type { CoreModule, ModuleSection } from "./module/model.ts";
import type { Component } from "./component/model.ts";
import { forEachOperator } from "./module/operators.ts";
import { reencodeFunctionBody } from "./module/reencode.ts";
import {
  decodeLinkingSection,
  decodeNameSection,
  decodeProducersSection,
  decodeRelocSection,
  decodeTargetFeatures,
  encodeLinkingSection,
  encodeNameSection,
  encodeProducersSection,
  encodeRelocSection,
  encodeTargetFeatures,
} from "./module/custom.ts";
import { corpusFiles } from "../test/support/corpus.ts";
import { ARENA_DECL, ARENA_WIT, buildComponent, compileC } from "../test/support/components.ts";

function strip<T extends { sections: { raw?: Uint8Array }[] }>(m: T): T {
  return {
    ...m,
    sections: m.sections.map((s) => {
      const copy = { ...s } as ModuleSection & { module?: CoreModule; component?: Component };
      delete copy.raw;
      if (copy.module) copy.module = strip(copy.module);
      if (copy.component) copy.component = strip(copy.component);
      return copy;
    }),
  } as T;
}

function walkBodies(
  m: CoreModule | Component,
  visit: (b: { bytes: Uint8Array; offset: number }) => void,
) {
  for (const s of m.sections) {
    if (s.id === "code") s.bodies.forEach(visit);
    if (s.id === "core module") walkBodies(s.module, visit);
    if (s.id === "component") walkBodies(s.component, visit);
  }
}

const corpus = await corpusFiles();

Deno.test(`codec: every corpus file (${corpus.length}) round-trips byte-exact`, async (t) => {
  assert(
    corpus.length >= 10,
    `expected a corpus of npm-shipped .wasm files, found ${corpus.length}`,
  );
  for (const path of corpus) {
    await t.step(path.replace(/.*node_modules\//, ""), async () => {
      const bytes = await Deno.readFile(path);
      assertEquals(encodeWasm(decodeWasm(bytes)), bytes);
    });
  }
});

Deno.test("codec: re-encoding from fields (no raw bytes) validates and decodes to the same fields", async () => {
  for (const path of corpus.filter((p) => Deno.statSync(p).size < 3_000_000)) {
    const bytes = await Deno.readFile(path);
    const model = decodeWasm(bytes);
    const fresh = encodeWasm(strip(model));
    if (model.kind === "module") {
      assert(WebAssembly.validate(fresh as BufferSource), `${path} re-encoded validates`);
    }
    const again = decodeWasm(fresh);
    assertEquals(encodeWasm(strip(again)), fresh, path);
  }
});

Deno.test("codec: every instruction of every corpus body decodes; identity re-encode is exact", async () => {
  let ops = 0;
  for (const path of corpus) {
    const model = decodeWasm(await Deno.readFile(path));
    walkBodies(model, (b) => {
      forEachOperator(b.bytes, { op: () => ops++ }, b.offset);
      const same = reencodeFunctionBody(b.bytes, {
        func: (i) => i,
        global: (i) => i,
        type: (i) => i,
        memory: (i) => i,
      });
      if (same.length !== b.bytes.length || same.some((x, i) => x !== b.bytes[i])) {
        throw new Error(`${path}: identity re-encode changed the body at ${b.offset}`);
      }
    });
  }
  assert(ops > 1_000_000, `walked ${ops} operators`);
});

Deno.test("codec: a remapping re-encode produces a module V8 validates", async () => {
  const core = await compileC(`${ARENA_DECL}
int g; int f(int x) { return x * 3; }
__attribute__((export_name("run"))) int run(int x) { g += f(x); return g; }`);
  const m = decodeWasm(core) as CoreModule;
  // Add an unused function type at index 0: every type index shifts by one.
  const sections = m.sections.map((s): ModuleSection => {
    switch (s.id) {
      case "type":
        return { id: "type", types: [{ params: [0x7c], results: [] }, ...s.types] };
      case "import":
        return {
          id: "import",
          imports: s.imports.map((i) =>
            i.desc.kind === "func" ? { ...i, desc: { ...i.desc, type: i.desc.type + 1 } } : i
          ),
        };
      case "function":
        return { id: "function", types: s.types.map((t) => t + 1) };
      case "code":
        return {
          id: "code",
          bodies: s.bodies.map((b) => ({
            bytes: reencodeFunctionBody(b.bytes, { type: (i) => i + 1 }),
            offset: 0,
          })),
        };
      case "custom":
        return s.name.startsWith("reloc.") || s.name === "linking"
          ? { id: "custom", name: "dropped", data: new Uint8Array() }
          : s;
      default:
        return s;
    }
  });
  const out = encodeWasm({ kind: "module", sections });
  assert(WebAssembly.validate(out as BufferSource));
  const inst = new WebAssembly.Instance(new WebAssembly.Module(out as BufferSource), {
    $root: { "cabi-arena-realloc": () => 0 },
  });
  assertEquals((inst.exports.run as (x: number) => number)(2), 6);
});

Deno.test("codec: clang relocatable output (linking, reloc.CODE, name, producers) round-trips", async () => {
  const core = await compileC(`${ARENA_DECL}
static const char *names[] = {"a", "bb", "ccc"};
__attribute__((export_name("pick"))) const char *pick(int i) { return names[i % 3]; }`);
  const m = decodeWasm(core) as CoreModule;
  const customs = m.sections.filter((s) => s.id === "custom").map((s) =>
    (s as { name: string }).name
  );
  for (const name of ["linking", "reloc.CODE", "reloc.DATA", "name", "producers"]) {
    assert(customs.includes(name), `clang output has ${name} (has ${customs})`);
  }
  assertEquals(encodeWasm(m), core);
});

Deno.test("codec: components from wasm-tools component new round-trip, nested modules included", async () => {
  const c = await buildComponent(
    `${ARENA_DECL}
__attribute__((import_module("t:t/log"), import_name("line"))) void line(const char *, unsigned);
__attribute__((export_name("go"))) void go(void) { line("hi", 2); }`,
    `package t:t; interface log { line: func(s: string); } world w { ${ARENA_WIT} import log; export go: func(); }`,
    "w",
  );
  const model = decodeWasm(c) as Component;
  assertEquals(model.kind, "component");
  assert(
    model.sections.filter((s) => s.id === "core module").length >= 2,
    "main + shim + fixup modules",
  );
  assertEquals(encodeWasm(model), c);
  assertEquals(encodeWasm(decodeWasm(encodeWasm(strip(model)))), encodeWasm(strip(model)));
});

/** Every malformed input must be a WasmDecodeError with an offset inside the file. */
function expectTyped(bytes: Uint8Array, what: string): void {
  try {
    const m = decodeWasm(bytes);
    // A mutation may still be well-formed: then walking it must be well-behaved too.
    walkBodies(m, (b) => forEachOperator(b.bytes, {}, b.offset));
  } catch (e) {
    if (!(e instanceof WasmDecodeError)) {
      throw new Error(`${what}: ${e instanceof Error ? `${e.name}: ${e.message}` : e}`);
    }
    assert(
      e.offset >= 0 && e.offset <= bytes.length,
      `${what}: offset ${e.offset} outside the file`,
    );
  }
}

Deno.test("codec: malformed inputs made by mutating real files give typed errors", async () => {
  const small = corpus.filter((p) => Deno.statSync(p).size < 120_000);
  const core = await compileC(
    `${ARENA_DECL} __attribute__((export_name("f"))) int f(int x) { return x + 1; }`,
  );
  const comp = await buildComponent(
    `${ARENA_DECL} __attribute__((export_name("f"))) int f(int x) { return x + 1; }`,
    `package t:m; world w { ${ARENA_WIT} export f: func(x: s32) -> s32; }`,
    "w",
  );
  const inputs = [core, comp, ...await Promise.all(small.slice(0, 4).map((p) => Deno.readFile(p)))];
  let seed = 12345;
  const rand = (n: number) => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed % n;
  };
  let cases = 0;
  for (const bytes of inputs) {
    // Truncations at many points.
    for (let k = 0; k < 60; k++) {
      const at = rand(bytes.length);
      expectTyped(bytes.subarray(0, at), `truncated at ${at}`);
      cases++;
    }
    // Byte flips.
    for (let k = 0; k < 150; k++) {
      const m = bytes.slice();
      m[8 + rand(m.length - 8)] ^= 1 << rand(8);
      expectTyped(m, "flipped");
      cases++;
    }
  }
  assert(cases > 1000);
});

Deno.test("codec: specific malformations name what was expected", () => {
  const header = [0, 0x61, 0x73, 0x6d, 1, 0, 0, 0];
  const cases: [number[], string, string][] = [
    [[1, 2, 3, 4, 5, 6, 7, 8], "bad-magic", "magic"],
    [[1, 2, 3], "unexpected-end", "magic"],
    [[0, 0x61, 0x73, 0x6d, 2, 0, 0, 0], "bad-version", "version"],
    [[...header, 1, 5, 0x80, 0x80, 0x80, 0x80, 0x80], "bad-leb", "longer than 5 bytes"],
    [[...header, 1, 5, 0xff, 0xff, 0xff, 0xff, 0x0f], "bad-count", "bytes are left"],
    [[...header, 99, 0], "bad-section", "unknown section id 99"],
    [[...header, 1, 10], "unexpected-end", "payload"],
    [[...header, 3, 1, 0, 1, 1, 0], "bad-section", "duplicated or out of order"],
  ];
  for (const [bytes, kind, text] of cases) {
    const e = assertThrows(() => decodeWasm(new Uint8Array(bytes)), WasmDecodeError);
    assertEquals(e.kind, kind, `${bytes}: ${e.message}`);
    assert(e.message.includes(text), `${e.message} should mention ${text}`);
  }
  // An unknown opcode in a body, found when walking instructions.
  const body = new Uint8Array([0, 0xff, 0x0b]);
  const e = assertThrows(() => forEachOperator(body, {}, 100), WasmDecodeError);
  assertEquals(e.kind, "bad-opcode");
  assertEquals(e.offset, 101);
});

Deno.test("codec: custom sections (name, linking, reloc.*, producers, target_features) decode and re-encode exactly", async () => {
  const core = await compileC(`${ARENA_DECL}
static const char *names[] = {"a", "bb", "ccc"};
__attribute__((export_name("pick"))) const char *pick(int i) { return names[i % 3]; }`);
  const m = decodeWasm(core) as CoreModule;
  const seen = new Set<string>();
  for (const s of m.sections) {
    if (s.id !== "custom") continue;
    const codec: [(d: Uint8Array) => unknown, (x: never) => Uint8Array] | undefined =
      s.name === "name"
        ? [decodeNameSection, encodeNameSection]
        : s.name === "linking"
        ? [decodeLinkingSection, encodeLinkingSection]
        : s.name.startsWith("reloc.")
        ? [decodeRelocSection, encodeRelocSection]
        : s.name === "producers"
        ? [decodeProducersSection, encodeProducersSection]
        : s.name === "target_features"
        ? [decodeTargetFeatures, encodeTargetFeatures]
        : undefined;
    if (!codec) continue;
    seen.add(s.name.startsWith("reloc.") ? "reloc" : s.name);
    assertEquals(codec[1](codec[0](s.data) as never), s.data, s.name);
  }
  for (const n of ["name", "linking", "reloc", "producers"]) {
    assert(seen.has(n), `clang output has ${n}`);
  }
  const section = m.sections.find((s) => s.id === "custom" && s.name === "linking");
  assert(section?.id === "custom");
  const linking = decodeLinkingSection(section.data);
  assert(
    linking.symbols!.some((s) => s.name === "pick"),
    "the symbol table names the exported function",
  );
});

Deno.test("codec: types nested 4,000 deep are a typed error at an offset, not a stack overflow", () => {
  let inner = [0x42, 0x00]; // an empty instance type
  for (let i = 0; i < 4000; i++) inner = [0x42, 0x01, 0x01, ...inner]; // …declaring a type: itself
  const payload = [0x01, ...inner];
  const bytes = new BinaryWriter().bytes(new Uint8Array([0, 0x61, 0x73, 0x6d, 0x0d, 0, 1, 0]))
    .u8(7).u32(payload.length).bytes(new Uint8Array(payload)).finish();
  const e = assertThrows(() => decodeWasm(bytes), WasmDecodeError);
  assert(e.message.includes("nested deeper than 100"), e.message);
  assert(e.offset > 8 && e.offset < bytes.length, `offset ${e.offset}`);
});
