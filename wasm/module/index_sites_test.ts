import { assert, assertEquals, assertThrows } from "../../test/support/assert.ts";
import { corpusFiles } from "../../test/support/corpus.ts";
import { decodeWasm } from "../wasm.ts";
import { BinaryWriter } from "../writer.ts";
import { WasmDecodeError } from "../errors.ts";
import type { Component } from "../component/model.ts";
import type { CoreModule, FunctionBody } from "./model.ts";
import { forEachOperator, type OperatorSink, readOperator, skipLocals } from "./operators.ts";
import { BinaryReader } from "../reader.ts";
import {
  findMemoryGrow,
  type IndexHooks,
  IndexSites,
  reencodeConstExpr,
  RenumberedBodies,
} from "./index_sites.ts";
import { encodeModule } from "./encode.ts";
import { decodeModule } from "./decode.ts";

/** Every index immediate and memarg memory of a body, in order, as the instruction reader reports them. */
function immediates(body: Uint8Array): string[] {
  const out: string[] = [];
  forEachOperator(body, {
    index: (kind, value) => void out.push(`${kind} ${value}`),
    memarg: (_align, memory) => void out.push(`memory ${memory}`),
  });
  return out;
}

/** Hooks that move every index space by a different amount. */
const SHIFT: IndexHooks = {
  func: (i) => i + 1000,
  global: (i) => i + 3,
  memory: (i) => i + 1,
  table: (i) => i + 2,
  type: (i) => i + 70,
  data: (i) => i + 5,
  elem: (i) => i + 6,
  tag: (i) => i + 7,
};

/** Hooks that move functions and globals a little: most immediates keep their width. */
const NUDGE: IndexHooks = { func: (i) => i + 1, global: (i) => (i === 0 ? 0 : i + 1) };

/** What the re-encoded body must hold: the original's immediates, each through its hook. */
function shifted(before: string[], hooks: IndexHooks): string[] {
  return before.map((s) => {
    const [kind, value] = s.split(" ");
    const hook = hooks[kind as keyof IndexHooks] ?? ((i: number) => i);
    return `${kind} ${hook(Number(value))}`;
  });
}

function bodiesOf(m: CoreModule | Component): FunctionBody[][] {
  const out: FunctionBody[][] = [];
  for (const s of m.sections) {
    if (s.id === "code") out.push(s.bodies);
    if (s.id === "core module") out.push(...bodiesOf(s.module));
    if (s.id === "component") out.push(...bodiesOf(s.component));
  }
  return out;
}

Deno.test("index sites: re-encoding every corpus body renumbers exactly the reader's immediates", async () => {
  let checked = 0;
  for (const path of await corpusFiles()) {
    for (const bodies of bodiesOf(decodeWasm(await Deno.readFile(path)))) {
      // Loads and stores recorded (memory count unknown) and not (one memory).
      const all = [new IndexSites(bodies), new IndexSites(bodies, { memories: 1 })];
      // Ask the call graph's questions first for some bodies: the record must not depend on order.
      for (let i = 0; i < bodies.length; i += 3) all[0].forEachCall(i, () => {});
      for (let i = 0; i < bodies.length; i += 97) {
        const before = immediates(bodies[i].bytes);
        for (const sites of all) {
          for (const hooks of [SHIFT, NUDGE]) {
            const out = sites.reencode(i, hooks, new BinaryWriter(), bodies[i].bytes);
            assertEquals(immediates(out), shifted(before, hooks), `${path} body ${i}`);
          }
          // Identity hooks hand back the very bytes.
          assert(sites.reencode(i, { func: (f) => f }) === bodies[i].bytes);
        }
        checked++;
      }
    }
  }
  assert(checked > 500, `only ${checked} bodies checked`);
});

Deno.test("index sites: calls, indirect call types, and memory.grow come from the one walk", () => {
  // call 3; i32.const 0; call_indirect type 2 table 0; drop; memory.init data 64 mem 0; end
  const body = new Uint8Array([
    0,
    0x10,
    3,
    0x41,
    0,
    0x11,
    2,
    0,
    0x1a,
    0x41,
    0,
    0x41,
    0,
    0x41,
    0,
    0xfc,
    8,
    0x40,
    0,
    0x0b,
  ]);
  // i32.const 1; memory.grow 0; drop; end
  const grows = new Uint8Array([0, 0x41, 1, 0x40, 0, 0x1a, 0x0b]);
  const sites = new IndexSites([{ bytes: body, offset: 0 }, { bytes: grows, offset: 100 }]);
  const calls: number[] = [], types: number[] = [];
  sites.forEachCall(0, (f) => calls.push(f), (t) => types.push(t));
  assertEquals(calls, [3]);
  assertEquals(types, [2]);
  // The data index 64 (0x40) before a memory index looks like memory.grow: it is not.
  assertEquals(sites.growsMemory(0), false);
  assertEquals(sites.growsMemory(1), true);
  const m: CoreModule = {
    kind: "module",
    sections: [{ id: "code", bodies: [{ bytes: body, offset: 0 }, { bytes: grows, offset: 9 }] }],
  };
  assertEquals(findMemoryGrow(m), [1]);
  assertEquals(
    findMemoryGrow(m, new IndexSites([{ bytes: body, offset: 0 }, { bytes: grows, offset: 9 }])),
    [1],
  );
});

Deno.test("index sites: memory 0 moving rewrites every load and store; bytes of another length are walked afresh", () => {
  // local.get 0; i32.load offset=4; drop; end
  const body = new Uint8Array([1, 1, 0x7f, 0x20, 0, 0x28, 2, 4, 0x1a, 0x0b]);
  for (const memories of [undefined, 1, 2]) {
    const sites = new IndexSites([{ bytes: body, offset: 0 }], { memories });
    assertEquals(sites.reencode(0, { memory: (m) => m }), body);
    assertEquals(immediates(sites.reencode(0, { memory: (m) => m + 2 })), ["memory 2"]);
  }
  const sites = new IndexSites([{ bytes: body, offset: 0 }]);
  assertEquals(immediates(sites.reencode(0, { memory: (m) => m + 2 })), ["memory 2"]);
  // A relocation widened the offset LEB (4 → 5 bytes long: 0x84 0x80 0x80 0x80 0x00).
  const wider = new Uint8Array([
    1,
    1,
    0x7f,
    0x20,
    0,
    0x28,
    2,
    0x84,
    0x80,
    0x80,
    0x80,
    0,
    0x1a,
    0x0b,
  ]);
  const out = sites.reencode(0, { memory: (m) => m + 1 }, new BinaryWriter(), wider);
  assertEquals(immediates(out), ["memory 1"]);
  assertEquals(out.length, wider.length + 1);
});

Deno.test("index sites: a hook that has no answer is a typed error at the immediate's offset", () => {
  const sites = new IndexSites([{ bytes: new Uint8Array([0, 0x10, 7, 0x0b]), offset: 500 }]);
  const e = assertThrows(
    () => sites.reencode(0, { func: () => undefined as unknown as number }),
    WasmDecodeError,
  );
  assertEquals(e.offset, 502);
  // A body that does not end with `end` is refused where it ends.
  const bad = new IndexSites([{ bytes: new Uint8Array([0, 0x10, 7]), offset: 10 }]);
  assertThrows(() => bad.forEachCall(0, () => {}), WasmDecodeError);
});

Deno.test("index sites: constant expressions: constants come back as they are, indices renumbered", () => {
  const constant = new Uint8Array([0x41, 0x80, 0x01, 0x0b]); // i32.const 128
  assert(reencodeConstExpr(constant, SHIFT) === constant);
  assertEquals(
    reencodeConstExpr(new Uint8Array([0x23, 1, 0x0b]), SHIFT),
    new Uint8Array([0x23, 4, 0x0b]),
  );
  assertEquals(reencodeConstExpr(new Uint8Array([0xd2, 2, 0x0b, 0xff]), SHIFT).length, 4); // ref.func 1002
});

/**
 * The immediates of `body`'s instructions, read to its last byte without asking that the last
 * one be `end` (a mutated body may end in an immediate that happens to be 0x0b, which the
 * re-encoding then renumbers).
 */
function immediatesToLastByte(body: Uint8Array): string[] {
  const out: string[] = [];
  const sink: OperatorSink = {
    index: (kind, value) => void out.push(`${kind} ${value}`),
    memarg: (_align, memory) => void out.push(`memory ${memory}`),
  };
  const r = new BinaryReader(body);
  skipLocals(r, sink);
  while (!r.eof) readOperator(r, sink);
  return out;
}

/** What walking `body` gives: its immediates, or the reader's error (offset and message). */
function outcome(walk: () => string[]): string[] | string {
  try {
    return walk();
  } catch (e) {
    if (!(e instanceof WasmDecodeError)) throw e;
    return `${e.offset}: ${e.message}`;
  }
}

Deno.test("index sites: the inline scan records what the instruction reader reads, on corpus bodies and mutated ones", async () => {
  // A fixed seed: the same mutations on every run.
  let seed = 0x2545f491;
  const random = (n: number) => {
    seed ^= seed << 13, seed ^= seed >>> 17, seed ^= seed << 5;
    return (seed >>> 0) % n;
  };
  // Bytes that change an instruction's shape: an opcode the scan reads inline, one it leaves to
  // the reader, a LEB continuation, the memory-index flag of a memarg, a block type.
  const swaps = [0x10, 0x11, 0x20, 0x28, 0x41, 0x42, 0x44, 0x80, 0xff, 0x40, 0x7f, 0x0b, 0xfc];
  // Every index space moved, without leaving u32 (a mutated immediate may be 0xffffffff):
  // small indices grow wider, the rest keep their width.
  const move = (i: number) => (i < 100 ? i + 200 : (i ^ 1) >>> 0);
  const hooks: IndexHooks = {
    func: move,
    global: move,
    memory: move,
    table: move,
    type: move,
    data: move,
    elem: move,
    tag: move,
  };
  let bodies = 0, mutated = 0, refused = 0;
  for (const path of await corpusFiles()) {
    for (const list of bodiesOf(decodeWasm(await Deno.readFile(path)))) {
      for (let i = 0; i < list.length; i++) {
        // A sample: every 7th body as it is, every 91st mutated three ways.
        if (i % 7 !== 0) continue;
        const { bytes } = list[i];
        const variants = [bytes];
        if (i % 91 === 0 && bytes.length > 2) {
          for (let k = 0; k < 3; k++) {
            const copy = bytes.slice();
            for (let n = 1 + random(3); n > 0; n--) {
              copy[1 + random(copy.length - 1)] = swaps[random(swaps.length)];
            }
            variants.push(copy);
          }
        }
        for (const body of variants) {
          const read = outcome(() => immediates(body));
          for (const memories of [1, undefined]) {
            const scanned = outcome(() => {
              const sites = new IndexSites([{ bytes: body, offset: 0 }], { memories });
              const out = sites.reencode(0, hooks, new BinaryWriter());
              // Measured, and written straight into a writer: the same bytes.
              const length = sites.reencodedLength(0, hooks);
              if (length !== undefined) {
                const into = new BinaryWriter(1);
                sites.reencodeInto(0, hooks, into);
                assertEquals(length, out.length);
                assertEquals(into.finish(), out);
              }
              return immediatesToLastByte(out);
            });
            const expected = typeof read === "string" ? read : shifted(read, hooks);
            assertEquals(scanned, expected, `${path} body ${i}`);
          }
          if (body !== bytes) mutated++, refused += typeof read === "string" ? 1 : 0;
        }
        bodies++;
      }
    }
  }
  assert(bodies > 10000 && mutated > 2000, `${bodies} bodies, ${mutated} mutated`);
  // Mutations that still read, and ones the reader refuses: both kinds were compared.
  assert(refused > 200 && refused < mutated - 200, `${refused} of ${mutated} refused`);
});

Deno.test("index sites: renumbered bodies of several modules are written by the encoder, measured first", () => {
  // call 3; end — and, in a second module, local.get 0; i32.load (memory 0); drop; end.
  const calls = [{ bytes: new Uint8Array([0, 0x10, 3, 0x0b]), offset: 0 }];
  const loads = [{
    bytes: new Uint8Array([1, 1, 0x7f, 0x20, 0, 0x28, 2, 0, 0x1a, 0x0b]),
    offset: 0,
  }];
  const bodies = new RenumberedBodies();
  bodies.add(new IndexSites(calls, { memories: 1 }), { func: (f) => f + 200 });
  // Memory 0 moving: that body is walked afresh and re-encoded when added.
  bodies.add(new IndexSites(loads, { memories: 1 }), { memory: (m) => m + 1 });
  assertEquals(bodies.lengths, [5, 11]);
  const module = encodeModule({
    kind: "module",
    sections: [
      { id: "type", types: [{ params: [], results: [] }] },
      { id: "function", types: [0, 0, 0] },
      { id: "code", written: bodies, bodies: [{ bytes: new Uint8Array([0, 0x0b]), offset: 0 }] },
    ],
  });
  const code = decodeModule(module).sections.find((s) => s.id === "code");
  assert(code?.id === "code");
  assertEquals(code.bodies.map((b) => immediates(b.bytes)), [["func 203"], ["memory 1"], []]);
  // A producer that writes another length than it said is refused, not encoded.
  const liar = { lengths: [3], write: (_i: number, out: BinaryWriter) => void out.u8(0).u8(0x0b) };
  const e = assertThrows(
    () => encodeModule({ kind: "module", sections: [{ id: "code", written: liar, bodies: [] }] }),
    Error,
  );
  assert(e.message.includes("wrote 2 bytes, not 3"), e.message);
});
