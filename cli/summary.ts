/**
 * A structured summary of a module or component: what `dissolve inspect`
 * prints (and `--json` emits).
 *
 * @module
 */
import type { CoreModule, ImportDesc, MemoryType } from "../wasm/module/mod.ts";
import type { Component, ComponentSection } from "../wasm/component/mod.ts";
import { findMemoryGrow } from "../wasm/module/mod.ts";
import { type WasmModel } from "../wasm/mod.ts";
import { Evaluator, type Item, resolveFuncSig, showFuncSig } from "../stages/fuse/mod.ts";

/** A section and its size in bytes (header included). */
export interface SectionSummary {
  id: string;
  name?: string;
  size: number;
}

/** Summary of a core module. */
export interface ModuleSummary {
  kind: "module";
  sections: SectionSummary[];
  imports: { module: string; field: string; kind: string }[];
  exports: { name: string; kind: string; index: number }[];
  functions: { imported: number; defined: number };
  memories: {
    index: number;
    min: number;
    max?: number;
    imported: boolean;
    shared: boolean;
    memory64: boolean;
  }[];
  /** Functions (absolute indices) that contain `memory.grow`. */
  memoryGrow: number[];
}

/** Summary of a component. */
export interface ComponentSummary {
  kind: "component";
  sections: SectionSummary[];
  imports: { name: string; kind: string }[];
  exports: { name: string; sort: string }[];
  modules: ModuleSummary[];
  components: ComponentSummary[];
  coreInstances: string[];
  canons: string[];
  /** WIT-like rendering of the component's world. */
  world: string[];
}

function sectionSize(s: { raw?: Uint8Array }): number {
  return s.raw?.length ?? 0;
}

function kindOf(d: ImportDesc): string {
  return d.kind;
}

function addMemory(out: ModuleSummary, mt: MemoryType, imported: boolean): void {
  out.memories.push({
    index: out.memories.length,
    min: mt.limits.min,
    max: mt.limits.max,
    imported,
    shared: !!mt.shared,
    memory64: !!mt.memory64,
  });
}

/** Summarizes a core module. */
export function summarizeModule(m: CoreModule): ModuleSummary {
  const out: ModuleSummary = {
    kind: "module",
    sections: [],
    imports: [],
    exports: [],
    functions: { imported: 0, defined: 0 },
    memories: [],
    memoryGrow: findMemoryGrow(m),
  };
  for (const s of m.sections) {
    out.sections.push(
      s.id === "custom"
        ? { id: s.id, name: s.name, size: sectionSize(s) }
        : { id: s.id, size: sectionSize(s) },
    );
    switch (s.id) {
      case "import":
        for (const i of s.imports) {
          out.imports.push({ module: i.module, field: i.field, kind: kindOf(i.desc) });
          if (i.desc.kind === "func") out.functions.imported++;
          if (i.desc.kind === "memory") addMemory(out, i.desc.memory, true);
        }
        break;
      case "function":
        out.functions.defined += s.types.length;
        break;
      case "memory":
        for (const mt of s.memories) addMemory(out, mt, false);
        break;
      case "export":
        for (const e of s.exports) out.exports.push({ name: e.name, kind: e.kind, index: e.index });
        break;
    }
  }
  return out;
}

function canonText(c: Extract<ComponentSection, { id: "canon" }>["canons"][number]): string {
  const opts = (o: { kind: string; index?: number; encoding?: string }[]) =>
    o.map((x) =>
      x.kind === "string-encoding"
        ? `string-encoding=${x.encoding}`
        : x.index === undefined
        ? x.kind
        : `(${x.kind} ${x.index})`
    ).join(" ");
  switch (c.kind) {
    case "lift":
      return [`lift (core func ${c.coreFunc})`, opts(c.options), `(type ${c.type})`].filter(Boolean)
        .join(" ");
    case "lower":
      return [`lower (func ${c.func})`, opts(c.options)].filter(Boolean).join(" ");
    case "builtin":
      return c.name;
    default:
      return `${c.kind} (type ${c.resource})`;
  }
}

function worldOf(c: Component): string[] {
  const lines: string[] = [];
  const ev = new Evaluator();
  const imported: [string, Item][] = [];
  try {
    const exports = ev.instantiate({ component: c, name: "root" }, (name, desc, scope) => {
      const item = ev.hostItem(scope, desc.kind === "instance" ? name : "$root", name, desc);
      imported.push([name, item]);
      return item;
    });
    const show = (verb: string, name: string, item: Item) => {
      if (item.sort === "func") {
        lines.push(`  ${verb} ${name}: ${showFuncSig(resolveFuncSig(item.func.type))};`);
      } else if (item.sort === "instance") {
        lines.push(`  ${verb} ${name} {`);
        for (const [f, it] of item.instance.exports) {
          if (it.sort === "func") {
            lines.push(`    ${f}: ${showFuncSig(resolveFuncSig(it.func.type))};`);
          } else lines.push(`    ${it.sort} ${f};`);
        }
        lines.push(`  }`);
      } else lines.push(`  ${verb} ${name}: ${item.sort};`);
    };
    for (const [n, i] of imported) show("import", n, i);
    for (const [n, i] of exports) show("export", n, i);
  } catch (e) {
    lines.push(`  (world not resolved: ${(e as Error).message.split("\n")[0]})`);
  }
  return ["world root {", ...lines, "}"];
}

/** Summarizes a component, nested modules and components included. */
export function summarizeComponent(c: Component, withWorld = true): ComponentSummary {
  const out: ComponentSummary = {
    kind: "component",
    sections: [],
    imports: [],
    exports: [],
    modules: [],
    components: [],
    coreInstances: [],
    canons: [],
    world: withWorld ? worldOf(c) : [],
  };
  for (const s of c.sections) {
    out.sections.push(
      s.id === "custom"
        ? { id: s.id, name: s.name, size: sectionSize(s) }
        : { id: s.id, size: sectionSize(s) },
    );
    switch (s.id) {
      case "core module":
        out.modules.push(summarizeModule(s.module));
        break;
      case "component":
        out.components.push(summarizeComponent(s.component, false));
        break;
      case "core instance":
        for (const i of s.instances) {
          out.coreInstances.push(
            i.kind === "instantiate"
              ? `instantiate module ${i.module}${
                i.args.map((a) => ` (with "${a.name}" instance ${a.instance})`).join("")
              }`
              : `exports {${i.exports.map((e) => ` ${e.name}: ${e.sort} ${e.index}`).join(",")} }`,
          );
        }
        break;
      case "canon":
        out.canons.push(...s.canons.map(canonText));
        break;
      case "import":
        for (const i of s.imports) out.imports.push({ name: i.name.name, kind: i.desc.kind });
        break;
      case "export":
        for (const e of s.exports) out.exports.push({ name: e.name.name, sort: e.sort });
        break;
    }
  }
  return out;
}

/**
 * Summarizes a decoded binary.
 *
 * @example
 * ```ts
 * import { decodeWasm } from "../wasm/wasm.ts";
 * import { summarize } from "./summary.ts";
 * const s = summarize(decodeWasm(await Deno.readFile("build/hello/fused.wasm")));
 * console.log(s.kind, s.sections.length);
 * ```
 */
export function summarize(model: WasmModel): ModuleSummary | ComponentSummary {
  return model.kind === "module" ? summarizeModule(model) : summarizeComponent(model);
}
