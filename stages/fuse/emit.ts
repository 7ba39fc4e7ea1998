/**
 * Emission: the fused module's sections, once every index is final. The
 * modules' bodies are renumbered as the encoder writes them; their tables,
 * globals, elements and data follow with indices remapped; the generated
 * functions, the task globals and the root exports come after.
 *
 * @module
 */
import type {
  DataSegment,
  ElementSegment,
  FunctionBody,
  Global,
  Import,
  MemoryType,
  Table,
  ValType,
} from "../../wasm/module/mod.ts";
import { FunctionNameWriter, type IndexHooks, RenumberedBodies } from "../../wasm/module/mod.ts";
import { renumberValType, type TypeTable } from "./types_table.ts";
import { expr, remapElement } from "./segments.ts";
import { assembleSections, nameModuleFunctions, rootExports } from "./merge_output.ts";
import { startFunction } from "./generated.ts";
import type { FuncTarget } from "./binding.ts";
import type { IndexSpace, InstanceMaps } from "./index_space.ts";
import type { Resolver } from "./resolve.ts";
import type { MergeInput, MergeOutput, RootExport } from "./merge_types.ts";

/** What emission reads: the merge's input and what binding and layout made of it. */
export interface EmitInput {
  input: MergeInput;
  resolver: Resolver;
  space: IndexSpace;
  types: TypeTable;
  maps: InstanceMaps[];
  /** Host entries of root exports that need one (task context, own checks, async). */
  entryWrappers: Map<RootExport, FuncTarget>;
  /** The reallocs host imports were lowered with. */
  importReallocs: (FuncTarget | undefined)[];
  /** `--component`: destructors of the resources the output exports, by export name. */
  dtors?: { name: string; target: FuncTarget }[];
}

/** The instances' own parts of the fused module. */
interface InstanceParts {
  funcSection: number[];
  tables: Table[];
  globals: Global[];
  tags: number[];
  elements: ElementSegment[];
  data: DataSegment[];
  renumbered: RenumberedBodies;
  names: FunctionNameWriter;
  starts: number[];
}

/** Where each instance's data and element segments start in the fused module. */
function segmentBases(e: EmitInput): { data: number[]; elem: number[] } {
  let data = 0, elem = 0;
  const out = { data: [] as number[], elem: [] as number[] };
  for (const inst of e.input.instances) {
    out.data.push(data);
    out.elem.push(elem);
    data += e.input.infos[inst.id].data.length;
    elem += e.input.infos[inst.id].elements.length;
  }
  return out;
}

/** The instances' functions, tables, globals, tags, elements and data, remapped. */
function emitInstances(e: EmitInput): InstanceParts {
  const { instances, infos, memory: plan } = e.input;
  // About 40 bytes a name: sized so that a large module's names are not regrown.
  let functions = 0;
  for (const inst of instances) functions += infos[inst.id].funcTypes.length;
  const parts: InstanceParts = {
    funcSection: [],
    tables: [],
    globals: [],
    tags: [],
    elements: [],
    data: [],
    renumbered: new RenumberedBodies(),
    names: new FunctionNameWriter(64 + 40 * (functions + e.resolver.generated.list.length)),
    starts: [],
  };
  const bases = segmentBases(e);
  for (const inst of instances) {
    const info = infos[inst.id];
    const m = e.maps[inst.id];
    const hooks: IndexHooks = {
      func: m.func,
      table: (i) => m.tables[i],
      memory: (i) => m.memories[i],
      global: (i) => m.globals[i],
      type: (i) => m.typeMap[i],
      data: (i) => bases.data[inst.id] + i,
      tag: (i) => m.tags[i],
      elem: (i) => bases.elem[inst.id] + i,
    };
    const rebased = plan.rebasedModule(inst.id);
    const src = rebased ?? info;
    for (const t of info.funcTypes) parts.funcSection.push(m.typeMap[t]);
    // The walk that found the bodies' calls found their indices too: only they are rewritten.
    parts.renumbered.add(info.sites, hooks, rebased?.bodies);
    nameModuleFunctions(parts.names, info, inst.def.name, e.space.funcBase(inst.id));
    // Reference types that name a type index follow the type section's renumbering.
    const valType = (v: ValType) => renumberValType(v, (t) => m.typeMap[t]);
    for (const t of info.tables) {
      const type = { ...t.type, element: valType(t.type.element) };
      parts.tables.push(t.init ? { type, init: expr(t.init, hooks) } : { type });
    }
    src.globals.forEach((g, i) => {
      if (e.space.mergedGlobals.has(`${inst.id}:${i}`)) return;
      parts.globals.push({
        type: { ...g.type, valType: valType(g.type.valType) },
        init: expr(g.init, hooks),
      });
    });
    for (const t of info.tags) parts.tags.push(m.typeMap[t]);
    for (const el of info.elements) {
      const out = remapElement(el, hooks);
      parts.elements.push({ ...out, type: valType(out.type) });
    }
    for (const d of src.data) {
      const memory = hooks.memory!(d.memory);
      const offset = d.offset && expr(d.offset, hooks);
      // A large module has thousands of segments, most of which stay as they are.
      if (memory === d.memory && offset === d.offset) parts.data.push(d);
      else parts.data.push({ mode: d.mode, memory, data: d.data, ...(offset ? { offset } : {}) });
    }
    if (info.start !== undefined) parts.starts.push(m.func(info.start));
  }
  return parts;
}

/** The root exports, and the memories and reallocs they and the fused imports use. */
function emitExports(e: EmitInput) {
  const { resolver: r, space } = e;
  // No root lift may name a realloc: then the first module's own `cabi_realloc` is
  // exported, so a host can still allocate in the component's memory.
  let fallbackRealloc: number | undefined;
  for (const inst of e.input.instances) {
    const ex = e.input.infos[inst.id].exports.get("cabi_realloc");
    if (ex?.kind === "func") {
      fallbackRealloc = e.maps[inst.id].func(ex.index);
      break;
    }
  }
  const lowerings = r.imports.lowerings.map((o, i) => ({
    encoding: o?.encoding ?? "utf8",
    memory: o?.memory ? r.memoryOf(o.memory, r.imports.imports[i].components[0]) : undefined,
    realloc: e.importReallocs[i] && space.funcIndex(r.optionTarget(e.importReallocs[i])),
    ...(o?.async ? { async: true } : {}),
  }));
  return rootExports(
    e.input.exports,
    lowerings,
    {
      entry: (root) => {
        const w = e.entryWrappers.get(root as RootExport);
        return w === undefined ? undefined : space.funcIndex(w);
      },
      func: (item, user) => space.funcIndex(r.resolveFunc(item, undefined, user)),
      option: (item, user) => space.funcIndex(r.optionTarget(r.resolveFunc(item, undefined, user))),
      memory: (item, user) => r.memoryOf(item, user),
    },
    e.input.memory.memories.length > 0,
    fallbackRealloc,
  );
}

/**
 * The fused module: the instances' parts, the generated functions (built
 * now that every index is final), the task globals and the exports.
 *
 * @example
 * ```ts
 * import { emitMerged } from "./emit.ts";
 * // const out = emitMerged({ input, resolver, space, types, maps, entryWrappers, importReallocs });
 * ```
 */
export function emitMerged(e: EmitInput): MergeOutput {
  const { resolver: r, space, types } = e;
  const plan = e.input.memory;
  const parts = emitInstances(e);
  const generated = r.generated;
  // Building a generated body may register more (an adapter's handle moves): all are built.
  generated.build();
  if (parts.starts.length > 0) generated.push(startFunction(parts.starts));
  const bodies: FunctionBody[] = [];
  generated.list.forEach((g, i) => {
    parts.funcSection.push(types.intern(g.type));
    bodies.push({ bytes: g.body!, offset: 0 });
    parts.names.add(space.generatedBase + i, g.name);
  });
  const globals = [...parts.globals, ...r.taskGlobals.globals()];
  const { exports, exportAbi, importAbi } = emitExports(e);
  // Interning import types may grow the type table: the sections share its array.
  const imports: Import[] = r.imports.imports.map((i) => ({
    module: i.module,
    field: i.field,
    desc: { kind: "func", type: types.intern(i.type) },
  }));
  plan.extraExports(globals.length).forEach((x) => exports.push(x));
  for (const d of e.dtors ?? []) {
    exports.push({ name: d.name, kind: "func", index: space.funcIndex(d.target) });
  }
  const sections = assembleSections({
    types: types.types,
    imports,
    funcSection: parts.funcSection,
    tables: parts.tables,
    memories: plan.memories as MemoryType[],
    tags: parts.tags,
    globals: [...globals, ...plan.extraGlobals],
    exports,
    start: parts.starts.length ? space.generatedBase + generated.list.length - 1 : undefined,
    elements: parts.elements,
    renumbered: parts.renumbered,
    bodies,
    data: parts.data,
    names: parts.names.finish(),
  });
  return {
    module: { kind: "module", sections },
    imports: r.imports.imports,
    boundaries: r.boundaries,
    exportAbi,
    importAbi,
    mixedLowerings: r.imports.mixedLowerings,
    funcBases: e.input.instances.map((i) => space.funcBase(i.id)),
    dtorExports: (e.dtors ?? []).map((d) => d.name),
  };
}
