/**
 * What a merge takes and gives: the module instances of a flattened
 * component graph with the plans for them, and the fused module with what
 * the report and a wrapping component need about it.
 *
 * @module
 */
import type { CoreItem } from "./scope.ts";
import type { CoreModule } from "../../wasm/module/mod.ts";
import type { ComponentFunc, ModuleInstance } from "./graph.ts";
import type { ModuleInfo } from "./module_info.ts";
import type { EmbedderRules } from "./options.ts";
import type { MemoryPlan } from "./layout.ts";
import type { FusedImport } from "./imports.ts";
import type { ExportAbi, ImportAbi } from "./merge_output.ts";

/** A root export to emit: its name and the component function behind it. */
export interface RootExport {
  name: string;
  func: ComponentFunc;
  component: string;
}

/** What the merge needs. */
export interface MergeInput {
  instances: ModuleInstance[];
  infos: ModuleInfo[];
  exports: RootExport[];
  embedder: EmbedderRules;
  memory: MemoryPlan;
  /** Every resource type of the fusion, by id (with its destructor, a core function). */
  resources: { owner?: string; dtor?: CoreItem }[];
  /** Component instances that lift an `async`-typed function (their tasks may block). */
  asyncLifters?: ReadonlySet<string>;
  /** Component instances that use the `thread.*` switching built-ins: host calls run as threads. */
  threadUsers?: ReadonlySet<string>;
  /**
   * `--component`: resources the output defines and exports itself. Their handles live in the
   * output component's own table: the built-ins become imports it provides, and each
   * destructor an export of the fused module (`[dtor]<iface>#<name>`).
   */
  exportedResources?: ReadonlyMap<number, { iface: string; name: string }>;
}

/** One cross-component boundary, for `--explain`. */
export interface Boundary {
  caller: string;
  callee: string;
  func: string;
  adapter: "direct" | "adapter";
}

/** The merged module and what the report needs about it. */
export interface MergeOutput {
  module: CoreModule;
  imports: FusedImport[];
  boundaries: Boundary[];
  /** Which memory / realloc each root export uses (export names in the fused module). */
  exportAbi: ExportAbi[];
  /** How each import was lowered: the fused module's exports a wrapping component lowers it with. */
  importAbi: ImportAbi[];
  /** Imports that two components lowered with different options (one lowering cannot serve both). */
  mixedLowerings: Set<number>;
  /** Each instance's first defined function in the fused module, by instance id. */
  funcBases: number[];
  /** `--component`: the exports that are destructors of resources the output defines. */
  dtorExports: string[];
}
