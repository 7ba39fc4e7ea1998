/**
 * fuse as a pipeline stage: every component in, one grow-free core module
 * out, gated (validates, no `memory.grow`, only the embedder and declared
 * host imports, the entry and `memory` exported).
 *
 * Inputs are `<component>.component.wasm`, in the pipeline's order.
 *
 * @module
 */
import type { StageProduct, StageRun } from "../types.ts";
import { fuse, type FuseReport } from "./fuse.ts";
import type { FuseOptions } from "./options.ts";
import { checkCoreModule } from "../gates/core.ts";
import { decodeWasm } from "../../wasm/mod.ts";
import type { CoreModule } from "../../wasm/module/mod.ts";
import { shadowStackBound } from "../../wasm/module/mod.ts";

/** Fuse settings: the fuse options and the export the firmware calls. */
export interface FuseStageSettings extends FuseOptions {
  entry: string;
}

/**
 * Fuses the components.
 *
 * @example
 * ```ts
 * import { produce } from "./stage.ts";
 * const inputs = { "hello.component.wasm": await Deno.readFile("build/hello/components/hello.component.wasm") };
 * const out = await produce({ settings: { entry: "greet" }, inputs,
 *   ctx: { scratchDir: "/tmp", baseDir: ".", log: console.log } });
 * console.log(out.detail);
 * ```
 */
export async function produce(run: StageRun<FuseStageSettings>): Promise<StageProduct> {
  const components = Object.entries(run.inputs).map(([name, bytes]) => ({
    name: name.replace(/\.component\.wasm$/, ""),
    bytes,
  }));
  const { entry: _entry, ...options } = run.settings;
  let { module, report } = await fuse(components, { ...options, sourceDateEpoch: 0 });
  // No [fuse] stack-bytes: the shared stack is sized to its proven bound (the code does not
  // depend on the stack's size, only the layout does, so the bound is the same after re-fusing).
  let sized = "";
  if (options.shareStack && options.stackBytes === undefined) {
    const bound = shadowStackBound(decodeWasm(module) as CoreModule);
    if (!bound.unbounded && bound.chain.length > 0) {
      const stackBytes = Math.max(16, Math.ceil(bound.bytes / 16) * 16);
      ({ module, report } = await fuse(components, { ...options, stackBytes, sourceDateEpoch: 0 }));
      sized = `, wasm stack sized to its bound (${stackBytes} B)`;
    }
  }
  for (const m of report.debug?.missing ?? []) {
    run.ctx.log(
      `warning: component "${m.component}" has no debug info we can use (${m.reason}): gdb ` +
        "shows its code as the generated C (firmware.c); build it with DWARF 4 (-g) to see its " +
        "sources",
    );
  }
  return {
    outputs: {
      module,
      report: new TextEncoder().encode(JSON.stringify(report, null, 2)),
    },
    meta: {},
    detail:
      (report.domains
        ? `${report.domains.length} isolation domains (${
          report.domains.map((d) => d.name).join(" | ")
        }), ${report.regions.length} region(s)`
        : `${report.strategy} memory, ${report.regions.length} region(s)`) +
      `, ${module.length} bytes${sized}`,
  };
}

/**
 * The fused module validates, never grows memory, imports only the embedder
 * and declared host functions, and exports the entry and `memory`.
 *
 * @example
 * ```ts
 * import { gate, produce } from "./stage.ts";
 * const run = { settings: { entry: "greet" },
 *   inputs: { "hello.component.wasm": await Deno.readFile("build/hello/components/hello.component.wasm") },
 *   ctx: { scratchDir: "/tmp", baseDir: ".", log: console.log } };
 * gate(await produce(run), run);
 * ```
 */
export function gate(product: StageProduct, run: StageRun<FuseStageSettings>): void {
  const report = JSON.parse(new TextDecoder().decode(product.outputs.report)) as FuseReport;
  const hosts = run.settings.hostImports ?? [];
  const allowed = report.imports
    .filter((i) => i.kind === "embedder" || hosts === "*" || hosts.includes(i.externName))
    .map((i) => `${i.module}::${i.field}`);
  checkCoreModule(product.outputs.module, {
    stage: "fuse",
    artifact: "fused.wasm",
    allowedImports: allowed,
    requiredExports: [run.settings.entry, "memory"],
  });
}
