/**
 * The select split: which shapes it rewrites and which it leaves, and a
 * program whose lookups clang folds into `t + (c ? 4 : 8)`, its nodes at every
 * alignment, giving V8's answer in firmware on the strict-alignment cores.
 */
import { assert, assertEquals } from "../../test/support/assert.ts";
import { splitSelectedOffsets } from "./select_split.ts";
import { tuneWasm2c } from "./wasm2c_tune.ts";
import { definePipeline, type PipelineInput } from "../../pipeline/define.ts";
import { runPipeline } from "../../pipeline/runner.ts";
import type { Reporter } from "../../pipeline/report.ts";
import { batchCores, writeBatch } from "../../test/firmware_fuzz/programs.ts";
import { askV8 } from "../../test/firmware_fuzz/oracle.ts";
import { run } from "../exec.ts";

/** wasm2c's shape of `load(x + (c ? a : b))`, the condition lines in between. */
const shape = (between: string[], load = "w2c_i0 = i32_load(&instance->w2c_memory, w2c_i0, 0u);") =>
  [
    "    w2c_i0 = w2c_l1;",
    "    w2c_i1 = 4u;",
    "    w2c_i2 = 8u;",
    ...between,
    "    w2c_i1 = w2c_i3 ? w2c_i1 : w2c_i2;",
    "    w2c_i0 += w2c_i1;",
    `    ${load}`,
    "    w2c_l1 = w2c_i0;",
  ].join("\n");

const CONDITION = [
  "    w2c_i3 = w2c_l6;",
  "    w2c_i4 = w2c_l1;",
  "    w2c_i4 = i32_load(&instance->w2c_memory, w2c_i4, 0u);",
  "    w2c_i3 = (u32)((s32)w2c_i3 < (s32)w2c_i4);",
];

Deno.test("select split: a load at x + (c ? a : b) becomes loads at x + a and x + b, offset kept", () => {
  const out = splitSelectedOffsets(
    shape(CONDITION, "w2c_j0 = i64_load32_s(&instance->w2c_memory, w2c_i0, 12u);"),
  );
  assert(
    out.includes(
      "    if (w2c_i3) w2c_j0 = i64_load32_s(&instance->w2c_memory, w2c_i0 + 4u, 12u); " +
        "else w2c_j0 = i64_load32_s(&instance->w2c_memory, w2c_i0 + 8u, 12u);",
    ),
    out,
  );
  assert(!out.includes("w2c_i0 += w2c_i1;"), out);
  // The condition's own load is untouched, and so is what follows.
  assert(out.includes("w2c_i4 = i32_load(&instance->w2c_memory, w2c_i4, 0u);"), out);
  assert(out.endsWith("    w2c_l1 = w2c_i0;"), out);
});

Deno.test("select split: shapes it cannot prove the same stay as they are", () => {
  const same = (c: string) => assertEquals(splitSelectedOffsets(c), c);
  // A block, a label or a jump in the condition: the slots' values may come from elsewhere.
  same(shape(["    if (w2c_i2) {", "      w2c_i3 = 1u;", "    }"]));
  same(shape(["  w2c_L4: ", "    w2c_i3 = w2c_l6;"]));
  // A slot written again after its constant.
  same(shape(["    w2c_i2 <<= (w2c_i3 & 31);", "    w2c_i3 = w2c_l6;"]));
  same(shape(["    w2c_i1 = w2c_l2;", "    w2c_i3 = w2c_l6;"]));
  // The sum is not what the load reads, or a store instead of a load.
  same(shape(CONDITION, "w2c_i0 = i32_load(&instance->w2c_memory, w2c_i2, 0u);"));
  same(shape(CONDITION, "i32_store(&instance->w2c_memory, w2c_i0, 0u, w2c_i2);"));
});

/**
 * Binary search trees whose nodes sit at each of the four alignments (a packed struct at
 * arena + 0…3): the lookups are `t = key < t->key ? t->left : t->right`, one load at
 * `t + (c ? 4 : 8)`; misaligned, each takes the byte-by-byte path on a strict-alignment core.
 */
const TREES = `#include "csmith.h"
struct __attribute__((packed)) node { int32_t key; struct node *left, *right; };
#define NODES 24
static unsigned char arena[3 + NODES * sizeof(struct node)];
static uint32_t seed = 7;
static int32_t next_key(void) {
  seed = seed * 1664525u + 1013904223u;
  return (int32_t)(seed >> 22) - 512;
}
static int contains(const struct node *t, int32_t key) {
  while (t) {
    if (key == t->key) return 1;
    t = key < t->key ? t->left : t->right;
  }
  return 0;
}
int main(void) {
  for (int shift = 0; shift < 4; shift++) {
    struct node *pool = (struct node *)(arena + shift), *root = 0;
    for (int i = 0; i < NODES; i++) {
      struct node *n = &pool[i], **at = &root;
      n->key = next_key();
      n->left = n->right = 0;
      while (*at) at = n->key < (*at)->key ? &(*at)->left : &(*at)->right;
      *at = n;
    }
    uint32_t found = 0;
    for (int i = 0; i < 64; i++) found = found * 3 + (uint32_t)contains(root, pool[(i * 7) % NODES].key + (i & 1));
    transparent_crc(found, "found", 0);
    /* The tree's shape by node index: pointers themselves are addresses, which fusing moves. */
    for (int i = 0; i < NODES; i++) {
      transparent_crc(pool[i].left ? (uint32_t)(pool[i].left - pool) : 99u, "left", 0);
      transparent_crc(pool[i].right ? (uint32_t)(pool[i].right - pool) : 99u, "right", 0);
    }
  }
  return 0;
}
`;

const quiet: Reporter = { stage() {}, info() {}, finish() {} };

Deno.test("select split: lookups over nodes at every alignment give V8's answer in firmware", async () => {
  await Deno.mkdir("build", { recursive: true }); // a fresh clone has none yet
  const work = await Deno.makeTempDir({ dir: "build", prefix: "select-split-" });
  try {
    const boards = ["microbit", "sifive_e", "lm3s6965evb"];
    const input = await writeBatch(`${work}/src`, [{ seed: 0, shape: "tiny", source: TREES }], {
      opt: "default",
      stackBytes: 1024,
      memory: "shared",
      synthOpt: "default",
    }, boards) as unknown as PipelineInput;
    const built = await runPipeline(definePipeline(input, `${work}/src`), {
      buildRoot: `${work}/build`,
      reporter: quiet,
    });
    // The program has the shape the split is for: wasm2c's output of the optimized module.
    await run(["wasm2c", `${built.outDir}/optimized.wasm`, "-o", `${work}/tree.c`], {
      stage: "test",
    });
    const tuned = tuneWasm2c(await Deno.readTextFile(`${work}/tree.c`)).source;
    assert(/if \(w2c_i\d+\) w2c_i\d+ = i32_load\(/.test(tuned), "no select split in the program");
    const { app, mixer } = await batchCores(built.outDir);
    const v8 = await askV8(app, mixer, "run", 10_000);
    assert(v8.ok, JSON.stringify(v8));
    for (const board of boards) assertEquals(built.runs[board].stdout.trim(), v8.value, board);
  } finally {
    await Deno.remove(work, { recursive: true });
  }
});
