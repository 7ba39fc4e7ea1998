import { assert, assertEquals } from "../../test/support/assert.ts";
import { fuse } from "./mod.ts";
import { compileC, componentize } from "../../test/support/components.ts";
import { decodeModule, encodeModule } from "../../wasm/module/mod.ts";

/** A counter with data of its own: `<name>-bump` counts from `start`, `<name>-check` sums its table. */
function counterSource(name: string, start: number): string {
  return `#include <stdint.h>
static uint32_t counter = ${start};
static const uint8_t table[16] = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16};
__attribute__((export_name("${name}-bump"))) uint32_t bump(void) { return ++counter; }
__attribute__((export_name("${name}-check"))) uint32_t check(void) {
  uint32_t s = 0; for (int i = 0; i < 16; i++) s += table[i]; return s;
}`;
}

/** Builds a counter component; `relocations: false` drops `linking` and `reloc.*` as a plain link would. */
async function counter(
  name: string,
  start: number,
  opts: { relocations: boolean; flags?: string[] },
): Promise<{ name: string; bytes: Uint8Array }> {
  let core = await compileC(counterSource(name, start), opts.flags ?? []);
  if (!opts.relocations) {
    const m = decodeModule(core);
    m.sections = m.sections.filter((s) =>
      s.id !== "custom" || !(s.name === "linking" || s.name.startsWith("reloc."))
    );
    core = encodeModule(m);
  }
  const wit = `package test:${name}; world ${name} {
    export ${name}-bump: func() -> u32; export ${name}-check: func() -> u32; }`;
  return { name, bytes: await componentize(core, wit, name) };
}

Deno.test("memory auto: modules without relocations whose data does not overlap share one memory and stay put", async () => {
  const low = await counter("low", 10, { relocations: false });
  const high = await counter("high", 20, {
    relocations: false,
    flags: ["-Wl,--global-base=32768"],
  });
  const moved = await counter("moved", 30, { relocations: true });
  const { module, report } = await fuse([low, high, moved], { memory: "auto" });
  assertEquals(report.strategy, "shared", report.reason);
  const [a, b, c] = report.regions;
  assert(a.placement?.startsWith("carries no relocations"), a.placement);
  assert(b.placement?.startsWith("carries no relocations"), b.placement);
  assertEquals(b.base, 32768);
  assert(c.placement?.startsWith("moved by"), c.placement);
  // The relocatable module fills the gap between the two that stay, or goes above them.
  for (const [x, y] of [[a, b], [a, c], [b, c]]) {
    assert(x.base + x.size <= y.base || y.base + y.size <= x.base, JSON.stringify(report.regions));
  }
  const { exports } = new WebAssembly.Instance(new WebAssembly.Module(module as BufferSource));
  const call = (n: string) => (exports[n] as () => number)();
  assertEquals([call("low-bump"), call("high-bump"), call("moved-bump")], [11, 21, 31]);
  assertEquals([call("low-check"), call("high-check"), call("moved-check")], [136, 136, 136]);
});

Deno.test("memory auto: two modules without relocations at the same addresses get separate memories, and the report says why", async () => {
  const one = await counter("one", 1, { relocations: false });
  const two = await counter("two", 2, { relocations: false });
  const { report } = await fuse([one, two], { memory: "auto" });
  assertEquals(report.strategy, "multi");
  assert(
    /two\/module0 carries no relocations and its addresses \[1024, \d+\) overlap those of one\/module0/
      .test(
        report.reason,
      ),
    report.reason,
  );
  const err = await fuse([one, two], { memory: "shared" }).catch((e) => e);
  assert(err instanceof Error && err.message.includes("overlap"), String(err));
});
