import { assert, assertEquals } from "../test/support/assert.ts";
import { loadPipelineFile } from "./schema.ts";
import { resolveTools } from "./tools.ts";
import { planStages } from "./stage_table.ts";
import type { Pipeline } from "./format.ts";

const kernel = await loadPipelineFile("examples/kernel/dissolve.toml") as Pipeline;

Deno.test("stage table: a release build's rows carry no debug setting (their keys are unchanged)", async () => {
  const rows = await planStages(kernel, await resolveTools(kernel, "build/.cache"));
  for (const r of rows) {
    assert(!("debug" in (r.settings as object)), `${r.id}: ${JSON.stringify(r.settings)}`);
  }
  assertEquals(rows.find((r) => r.id === "loom")!.settings, {
    ...kernel.loom,
    tool: (rows.find((r) => r.id === "loom")!.settings as { tool: string }).tool,
    entry: kernel.synth.entry,
  });
});

Deno.test("stage table: a debug build asks gale, fuse, the compiles and synth for debug info, and skips loom", async () => {
  const p = { ...kernel, debug: true };
  const rows = await planStages(p, await resolveTools(p, "build/.cache"));
  const debugOf = (id: string) => (rows.find((r) => r.id === id)!.settings as { debug?: boolean });
  for (const r of rows) {
    const kind = r.id.split(":")[0];
    if (["gale", "fuse", "compile", "synth"].includes(kind)) {
      assertEquals(debugOf(r.id).debug, true);
    }
  }
  assertEquals((rows.find((r) => r.id === "loom")!.settings as { tool: string }).tool, "none");
  assert(rows.some((r) => r.id.startsWith("compile:")), "compiles are planned");
});
