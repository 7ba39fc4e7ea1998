/**
 * The sections of a component being written, with a counter per index
 * space, and the helpers that add an alias or a core instance and return
 * the index it took.
 *
 * @module
 */
import type { Alias, Component, ComponentSection, CoreInstance } from "../../wasm/component/mod.ts";
import { encodeComponent } from "../../wasm/component/mod.ts";

/** Index counters of the component's index spaces. */
export class Spaces {
  types = 0;
  funcs = 0;
  instances = 0;
  coreFuncs = 0;
  coreInstances = 0;
  coreMemories = 0;
  coreTables = 0;
  coreModules = 0;
  components = 0;
}

/**
 * A component's sections in the making.
 *
 * @example
 * ```ts
 * import { ComponentSections } from "./component_sections.ts";
 * const c = new ComponentSections();
 * console.log(c.coreInstanceOf({ kind: "exports", exports: [] }), c.finish().length > 8);
 * ```
 */
export class ComponentSections {
  readonly sections: ComponentSection[] = [];
  readonly n = new Spaces();

  protected readonly memories = new Map<string, number>();

  protected memory(main: number, name: string): number {
    let i = this.memories.get(name);
    if (i === undefined) {
      this.alias({ kind: "core export", sort: "core memory", instance: main, name });
      this.memories.set(name, i = this.n.coreMemories++);
    }
    return i;
  }

  protected coreAlias(instance: number, sort: "core func" | "core table", name: string): number {
    this.alias({ kind: "core export", sort, instance, name });
    return sort === "core func" ? this.n.coreFuncs++ : this.n.coreTables++;
  }

  protected alias(alias: Alias): void {
    this.sections.push({ id: "alias", aliases: [alias] });
  }

  protected coreInstance(instance: CoreInstance): number {
    this.sections.push({ id: "core instance", instances: [instance] });
    return this.n.coreInstances++;
  }

  /** Adds a core instance; returns its index (for a caller outside the class). */
  coreInstanceOf(instance: CoreInstance): number {
    return this.coreInstance(instance);
  }

  /** The component's bytes. */
  finish(): Uint8Array {
    return encodeComponent({ kind: "component", sections: this.sections } as Component);
  }
}
