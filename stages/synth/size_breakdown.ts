/**
 * Where the firmware's bytes go, by origin: read from the linker map (every
 * input section that was kept, with its size and the file it came from) and
 * from the module's own layout (shared stack, data, arena in linear memory).
 *
 * With link-time optimisation the wasm functions are mostly inlined into the
 * entry: their code is then counted under "entry", which is the truth of
 * the image; `wasmCode` gives each component's share of the wasm code
 * section, so the proportions between components stay visible.
 *
 * @module
 */
import type { CoreModule } from "../../wasm/module/mod.ts";
import { decodeNameSection } from "../../wasm/module/mod.ts";

/** Bytes by origin. */
export interface SizeBreakdown {
  /** Flash by origin: vector table, entry, wasm functions, runtime, BSP, libc, wasm data. */
  flash: Record<string, number>;
  /** RAM by origin: native stack, linear memory parts, runtime state. */
  ram: Record<string, number>;
  /** Bytes of wasm code per component (and adapters), from the module's code section. */
  wasmCode: Record<string, number>;
}

/** What the linear memory holds (from the module's exported bounds). */
export interface LinearMemoryParts {
  memoryBytes: number;
  arenaBytes: number;
  sharedStackBytes: number;
  /** The async scheduler's tasks and waitables (0 when no component is async). */
  schedulerBytes?: number;
}

const BSP =
  /^(Reset_Handler|HardFault_Handler|Default_Handler|dissolve_|semihost_|_sbrk|_exit|_kill|_getpid|_write|_read|_close|_fstat|_isatty|_lseek|vector_table)/;
const RUNTIME =
  /^(wasm_rt_|Z_\w+_(instantiate|init_module|free)$|init_|funcref_table|table_pool|instance$|memory_taken|initialized|s_module_initialized|func_types|Z_envZ_)/;

function categorize(section: string, file: string): [string, string] | undefined {
  const [, kind, name = ""] = /^\.(\w+)(?:\.(.*))?$/.exec(section) ?? [];
  if (!kind) return undefined;
  const area = kind === "bss" || kind === "data" ? "ram" : "flash";
  if (section === ".isr_vector") return ["flash", "vector table"];
  if (section === ".stack") return ["ram", "native stack"];
  if (/\.a\(/.test(file)) {
    return [area, /libgcc/.test(file) ? "libgcc" : /libm/.test(file) ? "libm" : "libc"];
  }
  const symbol = name.replace(/\.(str1\.\d+|\d+)$/, "").replace(/\.lto_priv\.\d+$/, "");
  if (symbol.startsWith("data_segment_data_")) return ["flash", "wasm data segments"];
  if (symbol === "dissolve_linear_memory" || /^dissolve_memory_\d+$/.test(symbol)) {
    return ["ram", "wasm linear memory"];
  }
  if (symbol === "main" || symbol.startsWith("Reset_Handler")) {
    return [area, "entry (reset, main and what they inline)"];
  }
  if (BSP.test(symbol)) return [area, "BSP (startup, semihosting, faults)"];
  if (RUNTIME.test(symbol)) return [area, "wasm runtime"];
  if (/^(w2c_|Z_\w+Z_)/.test(symbol)) return [area, "wasm functions (not inlined)"];
  return [area, area === "ram" ? "runtime state" : "other code"];
}

/**
 * Reads a GNU ld map file and the module into a breakdown.
 *
 * @example
 * ```ts
 * import { sizeBreakdown } from "./size_breakdown.ts";
 * const map = " .text.memcpy\n                0x00000100       0xec /usr/lib/libc_nano.a(lib_a-memcpy.o)\n";
 * const b = sizeBreakdown("Linker script and memory map\n" + map, { kind: "module", sections: [] },
 *   { memoryBytes: 0, arenaBytes: 0, sharedStackBytes: 0 });
 * console.log(b.flash.libc); // 236
 * ```
 */
export function sizeBreakdown(
  map: string,
  module: CoreModule,
  memory: LinearMemoryParts,
): SizeBreakdown {
  const flash: Record<string, number> = {}, ram: Record<string, number> = {};
  const start = map.indexOf("Linker script and memory map");
  const lines = map.slice(start < 0 ? 0 : start).split("\n");
  for (let i = 0; i < lines.length; i++) {
    // An input section: " .name [0xaddr 0xsize file]", the numbers on the next line when long.
    const head = /^ (\.[\w.$]+)(?:\s+0x([0-9a-f]+)\s+0x([0-9a-f]+)\s+(.*))?$/.exec(lines[i]);
    if (!head) continue;
    let addr = head[2], size = head[3], file = head[4];
    if (addr === undefined) {
      const next = /^\s+0x([0-9a-f]+)\s+0x([0-9a-f]+)\s+(.*)$/.exec(lines[i + 1] ?? "");
      if (!next) continue;
      [addr, size, file] = [next[1], next[2], next[3]];
      i++;
    }
    const bytes = parseInt(size, 16);
    if (!bytes || /^\.(debug|comment|ARM\.attributes)/.test(head[1])) continue;
    const where = categorize(head[1], file);
    if (!where) continue;
    const table = where[0] === "ram" ? ram : flash;
    table[where[1]] = (table[where[1]] ?? 0) + bytes;
  }
  // The linear memory, split by what fuse put in it.
  if (ram["wasm linear memory"]) {
    const lm = ram["wasm linear memory"];
    delete ram["wasm linear memory"];
    if (memory.sharedStackBytes) ram["wasm shared stack"] = memory.sharedStackBytes;
    if (memory.arenaBytes) ram["embedder arena"] = memory.arenaBytes;
    const scheduler = memory.schedulerBytes ?? 0;
    if (scheduler) ram["async scheduler (tasks, waitables)"] = scheduler;
    ram["wasm data and bss"] = lm - memory.sharedStackBytes - memory.arenaBytes - scheduler;
  }
  return { flash, ram, wasmCode: wasmCodeByComponent(module) };
}

function wasmCodeByComponent(module: CoreModule): Record<string, number> {
  let imported = 0;
  const out: Record<string, number> = {};
  let names = new Map<number, string>();
  for (const s of module.sections) {
    if (s.id === "import") imported += s.imports.filter((i) => i.desc.kind === "func").length;
    if (s.id === "custom" && s.name === "name") {
      try {
        names = decodeNameSection(s.data).functions ?? names;
      } catch {
        // a malformed name section only costs the attribution
      }
    }
  }
  for (const s of module.sections) {
    if (s.id !== "code") continue;
    s.bodies.forEach((b, i) => {
      const name = names.get(imported + i) ?? "";
      const owner = name.startsWith("async:")
        ? "async scheduler"
        : name.includes("::")
        ? name.slice(0, name.indexOf("::")).replace(/\/module\d+$/, "")
        : name.startsWith("adapter:")
        ? "adapters"
        : name
        ? "generated"
        : "unnamed";
      out[owner] = (out[owner] ?? 0) + b.bytes.length;
    });
  }
  // Without a name section (binaryen drops it) there is nothing to attribute.
  return Object.keys(out).length === 1 && out.unnamed !== undefined ? {} : out;
}
