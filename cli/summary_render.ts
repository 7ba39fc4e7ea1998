/**
 * Text rendering of an inspect summary.
 *
 * @module
 */
import type { ComponentSummary, ModuleSummary } from "./summary.ts";

function pad(s: string, n: number): string {
  return s.length >= n ? s : s + " ".repeat(n - s.length);
}

function renderModule(m: ModuleSummary, indent: string): string[] {
  const out: string[] = [];
  out.push(
    `${indent}core module: ${m.functions.imported} imported + ${m.functions.defined} defined functions`,
  );
  out.push(`${indent}  sections:`);
  for (const s of m.sections) {
    out.push(`${indent}    ${pad(s.name ? `custom "${s.name}"` : s.id, 28)} ${s.size} bytes`);
  }
  if (m.imports.length) out.push(`${indent}  imports:`);
  for (const i of m.imports) out.push(`${indent}    ${i.module}::${i.field} (${i.kind})`);
  if (m.exports.length) out.push(`${indent}  exports:`);
  for (const e of m.exports) out.push(`${indent}    ${e.name} (${e.kind} ${e.index})`);
  for (const mem of m.memories) {
    out.push(
      `${indent}  memory ${mem.index}: ${mem.min} page(s) initial, ${
        mem.max === undefined ? "no maximum" : `${mem.max} maximum`
      }${mem.imported ? " (imported)" : ""}${mem.shared ? " shared" : ""}${
        mem.memory64 ? " memory64" : ""
      }`,
    );
  }
  out.push(
    `${indent}  memory.grow: ${
      m.memoryGrow.length === 0 ? "none" : `in function(s) ${m.memoryGrow.join(", ")}`
    }`,
  );
  return out;
}

function renderComponent(c: ComponentSummary, indent: string): string[] {
  const out: string[] = [];
  out.push(
    `${indent}component: ${c.modules.length} core module(s), ${c.components.length} nested component(s)`,
  );
  out.push(`${indent}  sections:`);
  for (const s of c.sections) {
    out.push(`${indent}    ${pad(s.name ? `custom "${s.name}"` : s.id, 28)} ${s.size} bytes`);
  }
  if (c.imports.length) out.push(`${indent}  imports:`);
  for (const i of c.imports) out.push(`${indent}    ${i.name} (${i.kind})`);
  if (c.exports.length) out.push(`${indent}  exports:`);
  for (const e of c.exports) out.push(`${indent}    ${e.name} (${e.sort})`);
  if (c.coreInstances.length) out.push(`${indent}  core instances:`);
  c.coreInstances.forEach((i, n) => out.push(`${indent}    ${n}: ${i}`));
  if (c.canons.length) out.push(`${indent}  canon:`);
  for (const k of c.canons) out.push(`${indent}    ${k}`);
  if (c.world.length) out.push(...c.world.map((l) => `${indent}  ${l}`));
  c.modules.forEach((m, n) => {
    out.push(`${indent}  [module ${n}]`);
    out.push(...renderModule(m, indent + "    "));
  });
  c.components.forEach((sub, n) => {
    out.push(`${indent}  [component ${n}]`);
    out.push(...renderComponent(sub, indent + "    "));
  });
  return out;
}

/**
 * Renders a summary as indented text.
 *
 * @example
 * ```ts
 * import { renderSummary } from "./render.ts";
 * console.log(renderSummary({ kind: "module", sections: [], imports: [], exports: [], functions: { imported: 0, defined: 0 }, memories: [], memoryGrow: [] }));
 * ```
 */
export function renderSummary(s: ModuleSummary | ComponentSummary): string {
  return (s.kind === "module" ? renderModule(s, "") : renderComponent(s, "")).join("\n");
}
