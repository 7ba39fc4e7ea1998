/**
 * The shadow stack's bound on clang's own output: frames at -O0 (moved through locals) and
 * -O2, frames in exclusive branches not summed, nested calls summed, recursion unbounded; and
 * the bound covers what V8 measures when the deepest path runs.
 */
import { assert, assertEquals } from "../../test/support/assert.ts";
import { compileC } from "../../test/support/components.ts";
import { decodeWasm } from "../mod.ts";
import type { CoreModule } from "./model.ts";
import { shadowStackBound } from "./shadow_stack.ts";

const SOURCE = `
__attribute__((noinline)) static unsigned a(unsigned x) { volatile unsigned b[32]; b[x & 31] = x; return b[(x + 1) & 31]; }
__attribute__((noinline)) static unsigned c(unsigned x) { volatile unsigned b[8]; b[x & 7] = x; return b[0] + a(x); }
__attribute__((export_name("run"))) unsigned run(unsigned x) {
  if (x & 1) { volatile unsigned big[64]; big[x & 63] = x; return big[0] + c(x); }
  else { volatile unsigned small[4]; small[x & 3] = x; return small[0]; }
}`;

/** The lowest stack pointer V8 sees: the stack is zero until written, so the deepest non-zero word. */
async function measured(module: Uint8Array, x: number): Promise<number> {
  const { instance } = await WebAssembly.instantiate(module as BufferSource);
  (instance.exports.run as (x: number) => number)(x);
  const top = 4096; // -Wl,-z,stack-size=4096, stack first
  const words = new Uint32Array((instance.exports.memory as WebAssembly.Memory).buffer, 0, top / 4);
  const first = words.findIndex((w) => w !== 0);
  return first < 0 ? 0 : top - first * 4;
}

for (const opt of ["-O0", "-O2"]) {
  Deno.test(`shadow stack bound (${opt}): nested frames summed, exclusive branches not, and ≥ V8`, async () => {
    const module = await compileC(SOURCE, [opt]);
    const b = shadowStackBound(decodeWasm(module) as CoreModule);
    assert(!b.unbounded, b.unbounded);
    assertEquals(b.chain[0], "run");
    // The deepest path: run's big frame (256 B of array), then c (32 B), then a (128 B).
    assert(b.bytes >= 256 + 32 + 128, `bound ${b.bytes}`);
    assert(b.bytes < 2 * (256 + 32 + 128 + 64), `bound ${b.bytes} sums exclusive paths`);
    assert(b.bytes >= await measured(module, 1), `bound ${b.bytes} < measured`);
  });
}

Deno.test("shadow stack bound: recursion is unbounded, naming the cycle", async () => {
  const module = await compileC(
    `__attribute__((noinline)) static unsigned f(unsigned n) { volatile unsigned b[4]; b[n & 3] = n; return n ? f(n - 1) + b[n & 3] : 0; }
     __attribute__((export_name("run"))) unsigned run(unsigned n) { return f(n); }`,
  );
  const b = shadowStackBound(decodeWasm(module) as CoreModule);
  assert(/^recursion f → f/.test(b.unbounded ?? ""), b.unbounded);
});

Deno.test("shadow stack bound: a frame read into a local and written to the pointer later is a lowering", () => {
  // What binaryen's inlining leaves (found by the firmware differential, seed 20261211): run reads
  // its frame into a local (`global.get $sp; i32.const 32; i32.sub; local.tee 0`), writes it to
  // the pointer later (`local.get 0; global.set $sp`), then calls a leaf with a 16-byte frame.
  // That write was taken for a restore, so the call counted at depth 0: a bound of 32, not 48.
  // deno-fmt-ignore
  const module = new Uint8Array([
    0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
    0x01, 0x04, 0x01, 0x60, 0x00, 0x00, // type 0: () -> ()
    0x03, 0x03, 0x02, 0x00, 0x00, // two functions of type 0
    0x05, 0x03, 0x01, 0x00, 0x01, // one page of memory
    0x06, 0x07, 0x01, 0x7f, 0x01, 0x41, 0x80, 0x08, 0x0b, // $sp: mut i32 = 1024
    0x07, 0x07, 0x01, 0x03, 0x72, 0x75, 0x6e, 0x00, 0x00, // export "run" = func 0
    0x0a, 0x2c, 0x02,
    0x19, 0x01, 0x01, 0x7f, // run: one i32 local
    0x23, 0x00, 0x41, 0x20, 0x6b, 0x22, 0x00, 0x1a, // global.get 0; i32.const 32; i32.sub; local.tee 0; drop
    0x20, 0x00, 0x24, 0x00, // local.get 0; global.set 0
    0x10, 0x01, // call 1
    0x20, 0x00, 0x41, 0x20, 0x6a, 0x24, 0x00, 0x0b, // local.get 0; i32.const 32; i32.add; global.set 0
    0x10, 0x00, // the leaf: no locals
    0x23, 0x00, 0x41, 0x10, 0x6b, 0x24, 0x00, // global.get 0; i32.const 16; i32.sub; global.set 0
    0x23, 0x00, 0x41, 0x10, 0x6a, 0x24, 0x00, 0x0b, // global.get 0; i32.const 16; i32.add; global.set 0
  ]);
  assert(WebAssembly.validate(module as BufferSource), "the fixture is a valid module");
  const b = shadowStackBound(decodeWasm(module) as CoreModule);
  assertEquals(b.bytes, 48);
  assertEquals(b.chain, ["run", "func 1"]);
});

Deno.test("shadow stack bound: an address inside an open frame is no deeper than the frame", () => {
  // Found by the typed-bindings check (test/bindings): a function lowers the pointer by 64 into a
  // local, writes it, then takes the address of a field inside its own frame (`local.get 0;
  // i32.const 40; i32.add`). That address was counted from the frame's bottom again, so the
  // bound said 88 (and in a bigger program, 1008 where 576 was the truth): fuse and synth, on
  // modules binaryen had inlined differently, then disagreed and the default build failed.
  // deno-fmt-ignore
  const module = new Uint8Array([
    0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
    0x01, 0x04, 0x01, 0x60, 0x00, 0x00, // type 0: () -> ()
    0x03, 0x02, 0x01, 0x00, // one function of type 0
    0x05, 0x03, 0x01, 0x00, 0x01, // one page of memory
    0x06, 0x07, 0x01, 0x7f, 0x01, 0x41, 0x80, 0x08, 0x0b, // $sp: mut i32 = 1024
    0x07, 0x07, 0x01, 0x03, 0x72, 0x75, 0x6e, 0x00, 0x00, // export "run" = func 0
    0x0a, 0x1f, 0x01, 0x1d,
    0x01, 0x02, 0x7f, // two i32 locals
    0x23, 0x00, 0x41, 0xc0, 0x00, 0x6b, 0x22, 0x00, 0x24, 0x00, // sp -= 64 (via local 0)
    0x20, 0x00, 0x41, 0x28, 0x6a, 0x21, 0x01, // local 1 = local 0 + 40: inside the frame
    0x20, 0x00, 0x41, 0xc0, 0x00, 0x6a, 0x24, 0x00, 0x0b, // sp = local 0 + 64
  ]);
  assert(WebAssembly.validate(module as BufferSource), "the fixture is a valid module");
  assertEquals(shadowStackBound(decodeWasm(module) as CoreModule).bytes, 64);
});
