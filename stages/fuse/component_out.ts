/**
 * `--component`: wraps the fused core module in a component again, so the
 * output can be composed or run by a component runtime. Root exports are
 * lifted with their original types; embedder and host imports stay
 * component imports under their original extern names.
 *
 * Imports whose lowering needs the module's own memory (strings, lists)
 * would need the shim / fixup indirection wit-component generates; those
 * are rejected with a clear error instead.
 *
 * @module
 */
import type {
  Component,
  ComponentSection,
  DefValType,
  TypeDef,
  ValType,
} from "../../wasm/component/model.ts";
import type { CType, FuncSig } from "./abi/types.ts";
import type { MergeOutput, RootExport } from "./merge.ts";
import { resolveFuncSig } from "./ctypes.ts";
import { FuseError } from "./errors.ts";
import { encodeComponent } from "../../wasm/component/encode.ts";
import { decodeModule } from "../../wasm/module/decode.ts";

const PRIMS = new Set([
  "bool",
  "s8",
  "u8",
  "s16",
  "u16",
  "s32",
  "u32",
  "s64",
  "u64",
  "f32",
  "f64",
  "char",
  "string",
]);

/** Emits component type definitions for CType trees, deduplicated. */
class TypeEmitter {
  readonly types: TypeDef[] = [];
  private readonly seen = new Map<string, number>();

  private add(key: string, def: TypeDef): number {
    let i = this.seen.get(key);
    if (i === undefined) {
      i = this.types.length;
      this.types.push(def);
      this.seen.set(key, i);
    }
    return i;
  }

  val(t: CType): ValType {
    if (PRIMS.has(t.kind)) return t.kind as ValType;
    const d = this.defined(t);
    return this.add(JSON.stringify(d), { kind: "defined", type: d });
  }

  private defined(t: CType): DefValType {
    switch (t.kind) {
      case "record":
        return {
          kind: "record",
          fields: t.fields.map((f) => ({ name: f.name, type: this.val(f.type) })),
        };
      case "variant":
        return {
          kind: "variant",
          cases: t.cases.map((c) =>
            c.type ? { name: c.name, type: this.val(c.type) } : { name: c.name }
          ),
        };
      case "list":
        return t.length === undefined
          ? { kind: "list", element: this.val(t.element) }
          : { kind: "list", element: this.val(t.element), length: t.length };
      case "tuple":
        return { kind: "tuple", types: t.types.map((x) => this.val(x)) };
      case "flags":
        return { kind: "flags", names: t.names };
      case "enum":
        return { kind: "enum", names: t.names };
      case "option":
        return { kind: "option", type: this.val(t.type) };
      case "result": {
        const out: DefValType = { kind: "result" };
        if (t.ok) out.ok = this.val(t.ok);
        if (t.err) out.err = this.val(t.err);
        return out;
      }
      default:
        throw new FuseError(
          "unsupported-component-output",
          "fuse --component",
          `values of type ${t.kind} (resources) cannot be re-exported from a fused component yet`,
          "emit a core module (without --component)",
        );
    }
  }

  func(sig: FuncSig): number {
    const def: TypeDef = {
      kind: "func",
      async: false,
      params: sig.params.map((p) => ({ name: p.name, type: this.val(p.type) })),
      ...(sig.result ? { result: this.val(sig.result) } : {}),
    };
    return this.add(JSON.stringify(def), def);
  }
}

function needsMemory(t: CType): boolean {
  return !PRIMS.has(t.kind) || t.kind === "string";
}

/**
 * Builds the component around `coreBytes`.
 *
 * @example
 * ```ts
 * import { emitComponent } from "./component_out.ts";
 * // const component = emitComponent(merged, rootExports, encodeModule(merged.module));
 * ```
 */
export function emitComponent(
  merged: MergeOutput,
  exports: RootExport[],
  coreBytes: Uint8Array,
): Uint8Array {
  const te = new TypeEmitter();
  const sections: ComponentSection[] = [];
  // Imports: one component import per extern name.
  const importTypes: { name: string; field: string; module: string; type: number }[] = [];
  for (const imp of merged.imports) {
    const sig = imp.sig;
    if (!sig) {
      throw new FuseError(
        "unsupported-component-output",
        imp.externName,
        "import type unknown",
        "",
      );
    }
    if (sig.params.some((p) => needsMemory(p.type)) || (sig.result && needsMemory(sig.result))) {
      throw new FuseError(
        "unsupported-component-output",
        imp.externName,
        "this import passes strings or lists; re-lowering it into a fused component needs a shim module",
        "emit a core module (without --component)",
      );
    }
    importTypes.push({
      name: imp.externName,
      field: imp.field,
      module: imp.module,
      type: te.func(sig),
    });
  }
  const exportTypes = exports.map((e) => {
    if (e.func.kind !== "lifted") {
      throw new FuseError("unsupported-component-output", e.component, "re-exported import", "");
    }
    return te.func(resolveFuncSig(e.func.type));
  });
  sections.push({ id: "type", types: te.types });
  // Component imports: world-root functions directly; interface functions grouped per instance
  // would need instance types — keep them as root functions named "iface#func" is not valid
  // WIT, so only world-root and embedder imports are supported here.
  let funcCount = 0;
  const importFuncIndex: number[] = [];
  for (const it of importTypes) {
    if (it.name.includes("/")) {
      throw new FuseError(
        "unsupported-component-output",
        it.name,
        "interface imports cannot be re-exported as component imports yet",
        "emit a core module (without --component)",
      );
    }
    importFuncIndex.push(funcCount++);
    sections.push({
      id: "import",
      imports: [{ name: { name: it.name }, desc: { kind: "func", type: it.type } }],
    });
  }
  sections.push({ id: "core module", module: decodeModule(coreBytes) });
  // Lower the imports and group them into core instances per core module name.
  let coreFuncs = 0;
  const byModule = new Map<string, { name: string; index: number }[]>();
  importTypes.forEach((it, i) => {
    sections.push({
      id: "canon",
      canons: [{ kind: "lower", func: importFuncIndex[i], options: [] }],
    });
    const list = byModule.get(it.module) ?? [];
    list.push({ name: it.field, index: coreFuncs++ });
    byModule.set(it.module, list);
  });
  let coreInstances = 0;
  const args: { name: string; instance: number }[] = [];
  for (const [module, funcs] of byModule) {
    sections.push({
      id: "core instance",
      instances: [{
        kind: "exports",
        exports: funcs.map((f) => ({ name: f.name, sort: "core func", index: f.index })),
      }],
    });
    args.push({ name: module, instance: coreInstances++ });
  }
  sections.push({ id: "core instance", instances: [{ kind: "instantiate", module: 0, args }] });
  const main = coreInstances++;
  let coreMemories = 0;
  const memIndex = new Map<string, number>();
  const coreFuncOf = (name: string) => {
    sections.push({
      id: "alias",
      aliases: [{ kind: "core export", sort: "core func", instance: main, name }],
    });
    return coreFuncs++;
  };
  const memOf = (name: string) => {
    let i = memIndex.get(name);
    if (i === undefined) {
      sections.push({
        id: "alias",
        aliases: [{ kind: "core export", sort: "core memory", instance: main, name }],
      });
      i = coreMemories++;
      memIndex.set(name, i);
    }
    return i;
  };
  const instanceExports = new Map<string, { name: string; func: number }[]>();
  exports.forEach((e, i) => {
    const abi = merged.exportAbi.find((a) => a.name === e.name)!;
    const core = coreFuncOf(e.name);
    const options = [];
    if (abi.memory) options.push({ kind: "memory" as const, index: memOf(abi.memory) });
    if (abi.realloc) options.push({ kind: "realloc" as const, index: coreFuncOf(abi.realloc) });
    if (abi.postReturn) {
      options.push({ kind: "post-return" as const, index: coreFuncOf(abi.postReturn) });
    }
    sections.push({
      id: "canon",
      canons: [{ kind: "lift", coreFunc: core, options, type: exportTypes[i] }],
    });
    const func = funcCount++;
    const hash = e.name.indexOf("#");
    if (hash < 0) {
      sections.push({
        id: "export",
        exports: [{ name: { name: e.name }, sort: "func", index: func }],
      });
      funcCount++; // the export introduces a new func index
    } else {
      const list = instanceExports.get(e.name.slice(0, hash)) ?? [];
      list.push({ name: e.name.slice(hash + 1), func });
      instanceExports.set(e.name.slice(0, hash), list);
    }
  });
  let instances = 0;
  for (const [iface, funcs] of instanceExports) {
    sections.push({
      id: "instance",
      instances: [{
        kind: "exports",
        exports: funcs.map((f) => ({ name: { name: f.name }, sort: "func", index: f.func })),
      }],
    });
    sections.push({
      id: "export",
      exports: [{ name: { name: iface }, sort: "instance", index: instances++ }],
    });
    instances++;
  }
  const component: Component = { kind: "component", sections };
  return encodeComponent(component);
}
