/**
 * The README's settings tables are the settings the stages declare: each
 * section's table, rendered from its settings, appears in the README (cells
 * compared without the padding `deno fmt` adds).
 */
import { assertEquals } from "../test/support/assert.ts";
import { SECTIONS } from "./sections.ts";
import { settingsTable } from "../stages/settings.ts";

const README = await Deno.readTextFile(new URL("../README.md", import.meta.url));

/** A table row's cells, trimmed (an escaped `\|` stays inside its cell). */
const cells = (row: string) =>
  row.trim().replace(/^\||\|$/g, "").split(/(?<!\\)\|/).map((c) => c.trim());

Deno.test("settings: the README lists every setting of every section, as declared", () => {
  const readmeRows = new Map<string, string[]>();
  for (const line of README.split("\n")) {
    const c = cells(line);
    if (line.startsWith("| `") && c.length === 4) readmeRows.set(c[0], c);
  }
  for (const [name, settings] of Object.entries(SECTIONS)) {
    const rows = settingsTable(name, settings).split("\n").slice(2).map(cells);
    for (const row of rows) assertEquals(readmeRows.get(row[0]), row, `README row ${row[0]}`);
    const documented = [...readmeRows.keys()].filter((k) => k.startsWith(`\`${name}.`));
    assertEquals(documented.length, rows.length, `the README's ${name} table has no extra rows`);
  }
});
