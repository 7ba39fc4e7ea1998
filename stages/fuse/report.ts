/**
 * Human and machine renderings of a fuse report: `--explain` and
 * `--emit-import-map`.
 *
 * @module
 */
import type { FuseReport } from "./fuse.ts";

/** One entry of the import map. */
export interface ImportMapEntry {
  module: string;
  field: string;
  kind: "embedder" | "host" | "wasi";
  externName: string;
  components: string[];
}

/**
 * The remaining imports of a fused module, with their kinds.
 *
 * @example
 * ```ts
 * import { importMap } from "./report.ts";
 * // importMap(report) → [{ module: "env", field: "__cabi_arena_realloc", kind: "embedder", ... }]
 * ```
 */
export function importMap(report: FuseReport): ImportMapEntry[] {
  return report.imports.map((i) => ({
    module: i.module,
    field: i.field,
    kind: i.kind,
    externName: i.externName,
    components: i.components,
  }));
}

/** The `--explain` text: strategy and why, regions, boundaries, exports. */
export function explainReport(report: FuseReport): string {
  const lines: string[] = [];
  lines.push(`memory strategy: ${report.strategy} (${report.reason})`);
  if (report.sharedStack) {
    const s = report.sharedStack;
    lines.push(
      `  shared stack: [${s.base}, ${s.top}) = ${s.top - s.base} bytes for ${s.modules} module(s)`,
    );
  }
  if (report.stackNote) lines.push(`  ${report.stackNote}`);
  for (const m of report.reanchored ?? []) {
    lines.push(
      `  ${m}: its code was re-encoded after linking (minimal LEBs), so its relocations were ` +
        `re-anchored to the instructions they name before rebasing`,
    );
  }
  const region = (r: FuseReport["regions"][number], indent: string) =>
    lines.push(
      `${indent}region ${r.module}: base ${r.base} (0x${r.base.toString(16)}), size ${r.size}${
        r.placement ? ` — ${r.placement}` : ""
      }`,
    );
  if (report.domains) {
    for (const d of report.domains) {
      lines.push(
        `  domain ${d.name} (${
          d.components.join(", ")
        }): memory ${d.memory}, ${d.bytes} bytes used`,
      );
      if (d.sharedStack) {
        lines.push(`    shared stack: [${d.sharedStack.base}, ${d.sharedStack.top})`);
      }
      for (const r of d.regions) region(r, "    ");
      if (d.arena) {
        lines.push(
          `    arena (served in the module): [${d.arena.base}, ${d.arena.end}) = ${
            d.arena.end - d.arena.base
          } bytes`,
        );
      }
    }
  } else {
    for (const r of report.regions) region(r, "  ");
  }
  if (report.arena) {
    lines.push(
      `  embedder arena: [${report.arena.base}, ${report.arena.end}) = ${
        report.arena.end - report.arena.base
      } bytes`,
    );
  }
  lines.push(`modules (instantiation order):`);
  for (const m of report.modules) lines.push(`  ${m.name}`);
  lines.push(`boundaries:`);
  if (report.boundaries.length === 0) lines.push(`  (none)`);
  for (const b of report.boundaries) {
    lines.push(`  ${b.caller} → ${b.callee}: ${b.func} [${b.adapter}]`);
  }
  lines.push(`imports:`);
  for (const i of report.imports) {
    lines.push(`  ${i.module}::${i.field} (${i.kind}, from ${i.externName})`);
  }
  lines.push(`exports:`);
  for (const e of report.exports) {
    const abi = [e.memory, e.realloc, e.postReturn].filter(Boolean).join(", ");
    lines.push(`  ${e.name}${abi ? ` (uses ${abi})` : ""}`);
  }
  return lines.join("\n");
}
