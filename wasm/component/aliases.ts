/**
 * Sorts (`sort`, `core:sort`, `sortidx`) and `alias` definitions.
 *
 * @module
 */
import type { BinaryReader } from "../reader.ts";
import type { BinaryWriter } from "../writer.ts";
import type { Alias, CoreSort, Sort, SortIndex } from "./model.ts";

const CORE_SORTS: Record<number, CoreSort> = {
  0x00: "core func",
  0x01: "core table",
  0x02: "core memory",
  0x03: "core global",
  0x04: "core tag",
  0x10: "core type",
  0x11: "core module",
  0x12: "core instance",
};
const CORE_SORT_CODES: Record<string, number> = Object.fromEntries(
  Object.entries(CORE_SORTS).map(([k, v]) => [v, Number(k)]),
);
const SORTS: Record<number, Sort> = {
  0x01: "func",
  0x02: "value",
  0x03: "type",
  0x04: "component",
  0x05: "instance",
};
const SORT_CODES: Record<string, number> = Object.fromEntries(
  Object.entries(SORTS).map(([k, v]) => [v, Number(k)]),
);

/** `outeraliassort`: the sorts an outer alias may name. */
const OUTER_SORTS = new Set<Sort>(["core module", "core type", "type", "component"]);

/** Reads a `core:sort` byte. */
export function readCoreSort(r: BinaryReader): CoreSort {
  const at = r.offset;
  const b = r.u8("a core sort");
  const s = CORE_SORTS[b];
  if (s === undefined) r.fail("bad-value", `unknown core sort 0x${b.toString(16)} at ${at}`);
  return s;
}

/** Writes a `core:sort` byte. */
export function writeCoreSort(w: BinaryWriter, s: Sort): void {
  const code = CORE_SORT_CODES[s];
  if (code === undefined) throw new Error(`not a core sort: ${s}`);
  w.u8(code);
}

/** Reads a `sort` (0x00 followed by a core sort, or a component sort). */
export function readSort(r: BinaryReader): Sort {
  const at = r.offset;
  const b = r.u8("a sort");
  if (b === 0x00) return readCoreSort(r);
  const s = SORTS[b];
  if (s === undefined) r.fail("bad-value", `unknown sort 0x${b.toString(16)} at ${at}`);
  return s;
}

/** Writes a `sort`. */
export function writeSort(w: BinaryWriter, s: Sort): void {
  if (s.startsWith("core ")) writeCoreSort(w.u8(0), s);
  else w.u8(SORT_CODES[s]);
}

/** Whether a sort is one of the core sorts. */
export function isCoreSort(s: Sort): s is CoreSort {
  return s.startsWith("core ");
}

/** Reads a `sortidx`. */
export function readSortIndex(r: BinaryReader): SortIndex {
  const sort = readSort(r);
  return { sort, index: r.u32("a sort index") };
}

/** Reads an `alias`. */
export function readAlias(r: BinaryReader): Alias {
  const sort = readSort(r);
  const at = r.offset;
  const target = r.u8("an alias target");
  switch (target) {
    case 0x00:
      return {
        kind: "export",
        sort,
        instance: r.u32("an instance index"),
        name: r.name("an export name"),
      };
    case 0x01:
      return {
        kind: "core export",
        sort,
        instance: r.u32("a core instance index"),
        name: r.name("an export name"),
      };
    case 0x02:
      if (!OUTER_SORTS.has(sort)) {
        r.fail(
          "bad-value",
          `a ${sort} cannot be an outer alias (only core module, core type, type, component) at ${at}`,
        );
      }
      return {
        kind: "outer",
        sort,
        count: r.u32("an outer count"),
        index: r.u32("an outer index"),
      };
  }
  throw r.fail("bad-value", `unknown alias target 0x${target.toString(16)} at ${at}`);
}

/** Writes an `alias`. */
export function writeAlias(w: BinaryWriter, a: Alias): void {
  writeSort(w, a.sort);
  switch (a.kind) {
    case "export":
      w.u8(0).u32(a.instance).name(a.name);
      return;
    case "core export":
      w.u8(1).u32(a.instance).name(a.name);
      return;
    case "outer":
      w.u8(2).u32(a.count).u32(a.index);
      return;
  }
}
