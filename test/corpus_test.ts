/**
 * The real-toolchain corpus: components made at test time by a toolchain we
 * do not control, from sources written here, run under jco before and after
 * `fuse --component`. componentize-js (npm) builds a JS component whose
 * interface passes records, variants, lists, options and results; C and
 * Rust components come through gale in `test/bindings_test.ts`.
 */
import { assertEquals } from "./support/assert.ts";
import { instantiateWithJco } from "./support/jco_host.ts";
import { fuse } from "../stages/fuse/mod.ts";

const WIT = `package corpus:js;
interface shapes {
  record point { x: s32, y: s32, label: string }
  variant shape { circle(f32), rect(point), empty }
  describe: func(s: shape) -> string;
  scale: func(ps: list<point>, k: s32) -> list<point>;
  find: func(ps: list<point>, label: string) -> option<point>;
  parse: func(s: string) -> result<s32, string>;
}
world app { export shapes; }`;

const SOURCE = `export const shapes = {
  describe(s) {
    switch (s.tag) {
      case "circle": return "circle " + s.val;
      case "rect": return "rect " + s.val.label + " " + (s.val.x * s.val.y);
      default: return "empty";
    }
  },
  scale(ps, k) { return ps.map((p) => ({ x: p.x * k, y: p.y * k, label: p.label + "*" + k })); },
  find(ps, label) { return ps.find((p) => p.label === label); },
  parse(s) { const n = Number(s); if (!Number.isInteger(n)) throw "not a number: " + s; return n; },
};`;

type Shapes = Record<string, (...args: unknown[]) => unknown>;

/** Calls every function of the interface; the answers, as JSON. */
async function exercise(bytes: Uint8Array, name: string): Promise<string> {
  const exports = await instantiateWithJco(name, bytes, {});
  const s = (exports.shapes ?? exports["corpus:js/shapes"]) as Shapes;
  const points = [{ x: 1, y: 2, label: "a" }, { x: -3, y: 4, label: "b" }];
  const out: unknown[] = [
    s.describe({ tag: "circle", val: 1.5 }),
    s.describe({ tag: "rect", val: points[1] }),
    s.describe({ tag: "empty" }),
    s.scale(points, 3),
    s.find(points, "b"),
    s.find(points, "nobody"),
    s.parse("42"),
  ];
  try {
    s.parse("x");
  } catch (e) {
    out.push(String((e as { payload?: unknown }).payload ?? e));
  }
  return JSON.stringify(out);
}

Deno.test("corpus: a componentize-js component, fused as a component, runs under jco as the original does", async () => {
  const { componentize } = await import("@bytecodealliance/componentize-js");
  // The inline-WIT form: componentize-js's splicer cannot open WIT files through WASI here.
  const { component } = await componentize(SOURCE, WIT, {
    disableFeatures: ["stdio", "random", "clocks", "http", "fetch-event"],
  } as never);
  // Its heap grows (StarlingMonkey's allocator), so it keeps its own memory: multi.
  const { module: fused } = await fuse([{ name: "js", bytes: component }], {
    memory: "multi",
    component: true,
  });
  const original = await exercise(component, "original");
  assertEquals(
    original,
    '["circle 1.5","rect b -12","empty",[{"x":3,"y":6,"label":"a*3"},{"x":-9,"y":12,"label":"b*3"}],{"x":-3,"y":4,"label":"b"},null,42,"not a number: x"]',
  );
  assertEquals(await exercise(fused, "fused"), original);
});
