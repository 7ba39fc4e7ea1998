/**
 * The examples, end to end and three ways: the unfused components under
 * `jco transpile`, the fused core module in Deno's WebAssembly, and the
 * ELF booted in QEMU on both boards must print the same thing.
 */
import { assert, assertEquals } from "./support/assert.ts";
import { loadPipelineFile } from "../pipeline/schema.ts";
import { runPipeline } from "../pipeline/runner.ts";
import type { Pipeline } from "../pipeline/format.ts";
import { PlainReporter } from "../pipeline/report.ts";
import { instantiateFused, readStringAt } from "./support/components.ts";
import { instantiateWithJco, jcoArena } from "./support/jco_host.ts";
import { schedulerBytes } from "../stages/fuse/async/scheduler.ts";
import { fuse } from "../stages/fuse/mod.ts";

const quiet = new (class extends PlainReporter {
  override stage() {}
  override info() {}
})();

async function build(file: string) {
  const p = await loadPipelineFile(file) as Pipeline;
  const buildRoot = await Deno.makeTempDir({ prefix: "dissolve-examples-" });
  return { pipeline: p, result: await runPipeline(p, { buildRoot, reporter: quiet }), buildRoot };
}

async function fusedOutput(outDir: string, entry: string): Promise<string> {
  const { exports, memory } = instantiateFused(await Deno.readFile(`${outDir}/fused.wasm`));
  return readStringAt(memory, (exports[entry] as () => number)());
}

Deno.test("examples/hello: jco (unfused) = fused module in Deno = ELF in QEMU on both boards", async () => {
  const { pipeline, result, buildRoot } = await build("examples/hello/dissolve.toml");
  try {
    const component = await Deno.readFile(`${result.outDir}/components/hello.component.wasm`);
    const jco = await instantiateWithJco("hello", component, {
      "cabi-arena-realloc": { default: jcoArena() },
    });
    const viaJco = (jco.greet as () => string)();
    const viaFused = await fusedOutput(result.outDir, "greet");
    assertEquals(viaJco, "Hello from a fused component!");
    assertEquals(viaFused, viaJco);
    for (const board of pipeline.synth.boards) {
      assertEquals(result.runs[board].stdout, `${viaJco}\n`, `QEMU on ${board}`);
    }
    // The lean part's budget: hello fits in 16 KiB of RAM.
    assert(
      result.sizes.lm3s6965evb.ramUsed <= 16 * 1024,
      `RAM ${result.sizes.lm3s6965evb.ramUsed}`,
    );
  } finally {
    await Deno.remove(buildRoot, { recursive: true });
  }
});

Deno.test("examples/kernel: jco (unfused, wired in JS) = fused module in Deno = ELF in QEMU on both boards", async () => {
  const { pipeline, result, buildRoot } = await build("examples/kernel/dissolve.toml");
  try {
    const read = (n: string) => Deno.readFile(`${result.outDir}/components/${n}.component.wasm`);
    const arena = { "cabi-arena-realloc": { default: jcoArena() } };
    const providers: Record<string, unknown> = {};
    for (const name of ["semaphore", "queue", "mutex"]) {
      const exports = await instantiateWithJco(name, await read(name), arena);
      // jco exposes an exported interface under its short name (and its full name).
      providers[`pulseengine:kernel/${name}`] = exports[name] ??
        exports[`pulseengine:kernel/${name}`];
    }
    const app = await instantiateWithJco("app", await read("app"), { ...arena, ...providers });
    const viaJco = (app.run as () => string)();
    const viaFused = await fusedOutput(result.outDir, "run");
    assertEquals(viaFused, viaJco);
    assertEquals(`${viaJco}\n`, pipeline.run.expectOutput);
    for (const board of pipeline.synth.boards) {
      assertEquals(result.runs[board].stdout, `${viaJco}\n`, `QEMU on ${board}`);
      // No component is async: no scheduler in flash or RAM.
      assertEquals(
        result.sizes[board].breakdown?.ram["async scheduler (tasks, waitables)"],
        undefined,
      );
    }
  } finally {
    await Deno.remove(buildRoot, { recursive: true });
  }
});

Deno.test("examples/async-kernel: jco (unfused, async) = fused module in Deno = ELF in QEMU on all seven boards (two of 8 KiB)", async () => {
  const { pipeline, result, buildRoot } = await build("examples/async-kernel/dissolve.toml");
  try {
    const read = (n: string) => Deno.readFile(`${result.outDir}/components/${n}.component.wasm`);
    const arena = { "cabi-arena-realloc": { default: jcoArena() } };
    // jco runs the callback-lifted exports with its own JS event loop: the reference schedule.
    const channel = await instantiateWithJco("channel", await read("channel"), arena);
    const app = await instantiateWithJco("app", await read("app"), {
      ...arena,
      "pulseengine:kernel/channel": channel.channel,
    });
    const viaJco = await (app.run as () => Promise<string>)();
    const viaFused = await fusedOutput(result.outDir, "run");
    // Fused as a component (the scheduler inside, a sync lift outside), it runs under jco too.
    const { module: fusedComponent } = await fuse(
      [{ name: "channel", bytes: await read("channel") }, {
        name: "app",
        bytes: await read("app"),
      }],
      { memory: "shared", component: true, asyncTasks: 4, asyncWaitables: 8 },
    );
    const wrapped = await instantiateWithJco("fused", fusedComponent, arena);
    assertEquals(await (wrapped.run as () => Promise<string>)(), viaJco);
    // The first recv waited (STARTED, then the SUBTASK event) until the producer task sent.
    // Async fits the 8 KiB part: scheduler, handle tables, stacks and all.
    assert(
      result.sizes.stm32vldiscovery.ramUsed <= 8 * 1024,
      `RAM ${result.sizes.stm32vldiscovery.ramUsed}`,
    );
    assertEquals(`${viaJco}\n`, pipeline.run.expectOutput);
    assertEquals(viaFused, viaJco);
    for (const board of pipeline.synth.boards) {
      assertEquals(result.runs[board].stdout, `${viaJco}\n`, `QEMU on ${board}`);
      // The scheduler's tasks and waitables are in the RAM breakdown, by name, sized as set.
      assertEquals(
        result.sizes[board].breakdown?.ram["async scheduler (tasks, waitables)"],
        schedulerBytes({
          tasks: pipeline.fuse.asyncTasks!,
          waitables: pipeline.fuse.asyncWaitables!,
        }),
      );
    }
  } finally {
    await Deno.remove(buildRoot, { recursive: true });
  }
});
