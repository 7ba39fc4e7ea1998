import { assert, assertEquals } from "../test/support/assert.ts";
import { renderTerminal } from "../test/support/terminal.ts";
import { type TerminalSink, TtyReporter } from "./report.ts";

function sink(columns: number, rows: number): TerminalSink & { out: string } {
  return {
    out: "",
    write(text) {
      this.out += text;
    },
    size: () => ({ columns, rows }),
  };
}

Deno.test("live view: rows fit the width, the area fits the height, and no stage row appears twice", () => {
  for (const [columns, rows] of [[80, 24], [40, 8], [60, 4]]) {
    const term = sink(columns, rows);
    const r = new TtyReporter(term);
    const ids = Array.from({ length: 20 }, (_, i) => `synth:board-number-${i}`);
    for (const id of ids) r.stage({ pipeline: "kernel", stage: id, status: "running" });
    r.info("kernel", "warning: a long warning line that is much wider than any small terminal");
    ids.forEach((id, i) =>
      r.stage({
        pipeline: "kernel",
        stage: id,
        status: i % 3 === 0 ? "cached" : "done",
        origin: "remote",
        durationMs: 1234,
        detail: `flash ${i}/262144 B, RAM 3888/65536 B (text 3604, data 0, bss 3376)`,
      })
    );
    r.finish();
    const screen = renderTerminal(term.out, columns, rows);
    const text = screen.join("\n");
    // Finished rows are printed once each, cut to the width; warnings in full.
    for (const id of ids) {
      const count = text.replaceAll("\n", "").split(`] ${id}:`).length - 1;
      assertEquals(count, 1, `${id} at ${columns}×${rows}:\n${text}`);
    }
    assert(!text.includes("… [kernel]"), "no live row is left behind");
    assert(screen.filter((l) => /^[✓↺]/.test(l)).every((l) => [...l].length < columns));
    assert(text.replaceAll("\n", "").includes("much wider than any small terminal"));
  }
});

Deno.test("live view: while running, every live row is cut to the width", () => {
  const term = sink(30, 10);
  const r = new TtyReporter(term);
  r.stage({ pipeline: "hello", stage: "gale:a-very-long-component-name", status: "running" });
  const live = term.out.split("\n").filter((l) => l.includes("gale:"));
  const ESC = String.fromCharCode(27);
  const visible = (l: string) =>
    l.split(ESC).map((p, k) => k === 0 ? p : p.replace(/^\[[^A-Za-z]*[A-Za-z]/, "")).join("");
  assert(live.length > 0 && live.every((l) => [...visible(l)].length < 30), live.join("\n"));
  r.finish();
});
