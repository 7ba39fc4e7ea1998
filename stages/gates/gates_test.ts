import { assert, assertEquals, assertThrows } from "../../test/support/assert.ts";
import { worldNames } from "./wit_world.ts";
import { checkComponent } from "./component.ts";
import { checkCoreModule } from "./core.ts";
import { GateError } from "./gate_error.ts";
import { ARENA_DECL, ARENA_WIT, buildComponent, compileC } from "../../test/support/components.ts";

Deno.test("gates: WIT worlds name their imports and exports as extern names", async () => {
  const wit = await Deno.readTextFile("examples/kernel/kernel.wit");
  assertEquals(worldNames(wit, "app"), {
    imports: [
      "pulseengine:kernel/semaphore",
      "pulseengine:kernel/queue",
      "pulseengine:kernel/mutex",
    ],
    exports: ["run"],
  });
  assertEquals(worldNames(wit, "queue-provider").exports, ["pulseengine:kernel/queue"]);
});

Deno.test("gates: a component must match its declared world", async () => {
  const c = await buildComponent(
    `${ARENA_DECL} __attribute__((export_name("f"))) int f(void) { return (int)arena_realloc(0, 0, 1, 1); }`,
    `package t:g; world w { ${ARENA_WIT} export f: func() -> s32; }`,
    "w",
  );
  checkComponent(c, "c.wasm", {
    exports: ["f"],
    imports: ["cabi-arena-realloc"],
    exactExports: true,
  });
  const e = assertThrows(() => checkComponent(c, "c.wasm", { exports: ["g"] }), GateError);
  assert(e.message.includes("exports g") && e.message.includes("f"), e.message);
  const e2 = assertThrows(() => checkComponent(c, "c.wasm", { imports: [] }), GateError);
  assert(e2.message.includes("cabi-arena-realloc"), e2.message);
});

Deno.test("gates: core modules with memory.grow, extra imports or missing exports are rejected", async () => {
  const grows = await compileC(
    `${ARENA_DECL} __attribute__((export_name("run"))) int run(void) { return __builtin_wasm_memory_grow(0, 1); }`,
  );
  const spec = {
    stage: "fuse",
    artifact: "m.wasm",
    allowedImports: ["$root::cabi-arena-realloc"],
    requiredExports: ["run"],
  };
  const e = assertThrows(() => checkCoreModule(grows, spec), GateError);
  assert(e.message.includes("memory.grow"), e.message);
  const plain = await compileC(
    `__attribute__((import_module("env"), import_name("x"))) int x(void);
__attribute__((export_name("run"))) int run(void) { return x(); }`,
  );
  const e2 = assertThrows(() => checkCoreModule(plain, spec), GateError);
  assert(e2.message.includes("env::x"), e2.message);
  const e3 = assertThrows(
    () =>
      checkCoreModule(plain, {
        ...spec,
        allowedImports: ["env::x"],
        requiredExports: ["run", "greet"],
      }),
    GateError,
  );
  assert(e3.message.includes("greet missing"), e3.message);
});
