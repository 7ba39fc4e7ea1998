/**
 * examples/byo-os: the application fused and compiled to an object, linked
 * into a kernel that is not Dissolve's (its own vector table, main and
 * arena), booted in QEMU — and the seam gate's positive and negative
 * controls on real objects.
 */
import { assert, assertEquals, assertRejects, assertThrows } from "./support/assert.ts";
import { QuietReporter } from "./support/tiny_pipeline.ts";
import { loadPipelineFile } from "../pipeline/schema.ts";
import type { Pipeline } from "../pipeline/format.ts";
import { runPipeline, StageError } from "../pipeline/runner.ts";
import { definePipeline } from "../pipeline/define.ts";
import { run } from "../stages/exec.ts";
import { IMAGE_DUTY } from "../stages/synth/object.ts";
import { checkSeam } from "../stages/gates/seam.ts";
import { GateError } from "../stages/gates/gate_error.ts";
import { instantiateFused, readStringAt } from "./support/components.ts";

const SEAM = ["__cabi_arena_realloc", ...IMAGE_DUTY];

Deno.test("byo-os: firmware.o + firmware.h link into the user's kernel, which boots and prints what the component computed", async (t) => {
  const p = await loadPipelineFile("examples/byo-os/dissolve.toml") as Pipeline;
  const buildRoot = await Deno.makeTempDir({ prefix: "dissolve-byo-os-" });
  try {
    const r = await runPipeline(p, { buildRoot, reporter: new QuietReporter() });
    const out = `${r.outDir}/lm3s6965evb`;
    const header = await Deno.readTextFile(`${out}/firmware.h`);
    for (
      const decl of [
        "void dissolve_init(void);",
        "uint32_t dissolve_add(uint32_t a0, uint32_t a1);",
        "uint32_t dissolve_report(uint32_t a0);",
        "uint32_t __cabi_arena_realloc(uint32_t old_ptr, uint32_t old_size, uint32_t align, uint32_t new_size);",
        "void dissolve_trap(const char *reason)",
      ]
    ) assert(header.includes(decl), `${decl} in firmware.h:\n${header}`);

    // What the fused module computes in Deno is the oracle for the kernel's output.
    const { exports, memory } = instantiateFused(await Deno.readFile(`${r.outDir}/fused.wasm`));
    const sum = (exports.add as (a: number, b: number) => number)(2, 3);
    const report = readStringAt(memory, (exports.report as (t: number) => number)(42));
    assertEquals(report, "uptime 42 ticks, 700 ms");

    await t.step("the image stage links the object into the user's kernel, which boots", () => {
      assertEquals(r.runs.lm3s6965evb.stdout, `byo-os: add(2, 3) = ${sum}; report: ${report}\n`);
      assert(r.imageSizes?.lm3s6965evb.flashUsed, "the image's size is reported");
    });

    await t.step(
      "seam gate: the real object passes; one extra undefined symbol fails, named with its user",
      async () => {
        const object = await Deno.readFile(`${out}/firmware.o`);
        checkSeam(object, "firmware.o", SEAM);
        // Negative control: the same object plus code that calls an undeclared import.
        await Deno.writeTextFile(
          `${buildRoot}/sneaky.c`,
          `unsigned undeclared_service(unsigned);\nunsigned sneaky(unsigned x) { return undeclared_service(x) + 1; }\n`,
        );
        await run([
          "arm-none-eabi-gcc",
          "-mcpu=cortex-m3",
          "-mthumb",
          "-Os",
          "-ffunction-sections",
          "-c",
          "-o",
          `${buildRoot}/sneaky.o`,
          `${buildRoot}/sneaky.c`,
        ], { stage: "byo-os test" });
        await run([
          "arm-none-eabi-gcc",
          "-nostdlib",
          "-r",
          "-o",
          `${buildRoot}/combined.o`,
          `${out}/firmware.o`,
          `${buildRoot}/sneaky.o`,
        ], { stage: "byo-os test" });
        const combined = await Deno.readFile(`${buildRoot}/combined.o`);
        const e = assertThrows(() => checkSeam(combined, "firmware.o", SEAM), GateError);
        assert(e.message.includes("undeclared_service (referenced by sneaky)"), e.message);
        assert(e.message.includes("remedy:"), e.message);
      },
    );
  } finally {
    await Deno.remove(buildRoot, { recursive: true });
  }
});

Deno.test("image gate: a missing import, a reach into the object's internals and a compile error are each named", async () => {
  const dir = await Deno.makeTempDir({ prefix: "dissolve-image-" });
  try {
    await Deno.mkdir(`${dir}/kernel`);
    for (const f of ["app.c", "app.wit", "kernel/kernel.c", "kernel/link.ld"]) {
      await Deno.copyFile(`examples/byo-os/${f}`, `${dir}/${f}`);
    }
    const kernel = await Deno.readTextFile(`${dir}/kernel/kernel.c`);
    const build = async (source: string) => {
      await Deno.writeTextFile(`${dir}/kernel/kernel.c`, source);
      const p = definePipeline({
        pipeline: { name: "image" },
        component: [{ name: "app", sources: ["app.c"], wit: "app.wit", world: "app" }],
        fuse: { "arena-bytes": 128 },
        synth: { boards: ["lm3s6965evb"], entry: "report", output: ["object"] },
        image: { sources: ["kernel/kernel.c"], "linker-script": "kernel/link.ld" },
      }, dir);
      return await runPipeline(p, { buildRoot: `${dir}/build`, reporter: new QuietReporter() });
    };
    // The seam holds for the real kernel.
    await build(kernel);
    // No __cabi_arena_realloc in the image: the link says which symbol and what to do.
    const missing = await assertRejects(
      () => build(kernel.replace("uint32_t __cabi_arena_realloc(", "uint32_t my_arena_realloc(")),
      StageError,
    );
    assert(
      missing.message.includes("symbols no input defines: __cabi_arena_realloc"),
      missing.message,
    );
    // The image calls into the wasm2c module behind firmware.h: the seam gate names it and who.
    const reach = await assertRejects(
      () =>
        build(
          kernel.replace(
            "int main(void) {",
            "void wasm_rt_init(void);\nint main(void) {\n  wasm_rt_init();",
          ),
        ),
      StageError,
    );
    assert(
      reach.message.includes("your sources to use only what firmware.h declares") &&
        reach.message.includes("wasm_rt_init (used by kernel/kernel.c)"),
      reach.message,
    );
    // A compile error: file and line.
    const broken = await assertRejects(
      () => build(kernel.replace("int main(void) {", "int main(void) {\n  this is not C;")),
      StageError,
    );
    assert(/kernel\/kernel\.c:\d+:\d+: error/.test(broken.message), broken.message);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});
