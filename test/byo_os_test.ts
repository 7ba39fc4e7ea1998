/**
 * examples/byo-os: the application fused and compiled to an object, linked
 * into a kernel that is not Dissolve's (its own vector table, main and
 * arena), booted in QEMU — and the seam gate's positive and negative
 * controls on real objects.
 */
import { assert, assertEquals, assertThrows } from "./support/assert.ts";
import { QuietReporter } from "./support/tiny_pipeline.ts";
import { loadPipelineFile } from "../pipeline/schema.ts";
import type { Pipeline } from "../pipeline/format.ts";
import { runPipeline } from "../pipeline/runner.ts";
import { run } from "../stages/exec.ts";
import { runQemu } from "../stages/run/mod.ts";
import { checkSeam, IMAGE_DUTY } from "../stages/synth/object.ts";
import { GateError } from "../stages/synth/elf_gate.ts";
import { instantiateFused, readStringAt } from "./support/components.ts";

const KERNEL = new URL("../examples/byo-os/kernel/", import.meta.url).pathname;
const SEAM = ["__cabi_arena_realloc", ...IMAGE_DUTY];

Deno.test("byo-os: firmware.o + firmware.h link into the user's kernel, which boots and prints what the component computed", async (t) => {
  const p = await loadPipelineFile("examples/byo-os/dissolve.toml") as Pipeline;
  const buildRoot = await Deno.makeTempDir({ prefix: "dissolve-byo-os-" });
  try {
    const r = await runPipeline(p, { buildRoot, reporter: new QuietReporter() });
    const out = `${r.outDir}/lm3s6965evb`;
    assertEquals(r.runs, {}, "an object does not boot on its own");
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

    await t.step("the user's kernel links the object and boots", async () => {
      await run([
        "arm-none-eabi-gcc",
        "-mcpu=cortex-m3",
        "-mthumb",
        "-Os",
        "-nostartfiles",
        "--specs=nano.specs",
        "-Wl,--gc-sections",
        "-T",
        `${KERNEL}link.ld`,
        "-I",
        out,
        "-o",
        `${buildRoot}/image.elf`,
        `${KERNEL}kernel.c`,
        `${out}/firmware.o`,
      ], { stage: "byo-os link" });
      const boot = await runQemu(`${buildRoot}/image.elf`, { board: "lm3s6965evb" });
      assertEquals(boot.stdout, `byo-os: add(2, 3) = ${sum}; report: ${report}\n`);
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
