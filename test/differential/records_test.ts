/**
 * Differential test on a two-component composition built from C: lists of
 * records, records returned, result<string, u32>, a variant with u8 / u64
 * payloads and option<string> cross the boundary. The unfused components
 * under `jco transpile` (wired together in JS) and the fused core module in
 * Deno must return the same string.
 */
import { assertEquals } from "../support/assert.ts";
import { buildComponent, instantiateFused, readStringAt } from "../support/components.ts";
import { instantiateWithJco } from "../support/jco_host.ts";
import { fuse } from "../../stages/fuse/mod.ts";

const DIR = new URL("./records/", import.meta.url).pathname;

Deno.test("differential: lists of records, results, variants and options — jco = fused", async () => {
  const wit = await Deno.readTextFile(`${DIR}records.wit`);
  const provider = await buildComponent(
    await Deno.readTextFile(`${DIR}provider.c`),
    wit,
    "provider",
  );
  const app = await buildComponent(await Deno.readTextFile(`${DIR}app.c`), wit, "app");
  const p = await instantiateWithJco("provider", provider, {});
  const a = await instantiateWithJco("app", app, { "dissolve:records/catalog": p.catalog });
  const viaJco = (a.run as () => string)();
  for (const memory of ["shared", "multi"] as const) {
    const { module } = await fuse([{ name: "provider", bytes: provider }, {
      name: "app",
      bytes: app,
    }], { memory });
    const { exports, memory: mem } = instantiateFused(module);
    assertEquals(readStringAt(mem, (exports.run as () => number)()), viaJco, `${memory} memory`);
  }
  assertEquals(
    viaJco,
    "sum=48 longest=grace/40 lookup2=ok:two lookup5=err:50 shape=none shape=small:42 shape=big:18446744070709551595 maybe=none maybe=three hi ada hi anonymous",
  );
});
