/**
 * Progress reporting: a live list of stages on a terminal, plain lines
 * when not on a TTY (CI), JSON events for machines.
 *
 * @module
 */

/** A stage's state as the reporter shows it. */
export interface StageEvent {
  pipeline: string;
  stage: string;
  status: "running" | "done" | "cached" | "failed";
  /** For a reused stage: which cache it came from. */
  origin?: "built" | "local" | "remote";
  durationMs?: number;
  detail?: string;
}

/** Receives progress. */
export interface Reporter {
  stage(e: StageEvent): void;
  info(pipeline: string, line: string): void;
  finish(): void;
}

const enc = new TextEncoder();

function statusText(e: StageEvent): string {
  return e.status === "cached" ? `reused (${e.origin ?? "local"} cache)` : e.status;
}

/** Plain lines: one per finished stage (what CI logs want). */
export class PlainReporter implements Reporter {
  stage(e: StageEvent): void {
    if (e.status === "running") return;
    const time = e.durationMs === undefined ? "" : ` (${(e.durationMs / 1000).toFixed(2)} s)`;
    console.log(
      `[${e.pipeline}] ${e.stage}: ${statusText(e)}${time}${e.detail ? ` — ${e.detail}` : ""}`,
    );
  }
  info(pipeline: string, line: string): void {
    console.log(`[${pipeline}] ${line}`);
  }
  finish(): void {}
}

/** JSON events, one object per line. */
export class JsonReporter implements Reporter {
  stage(e: StageEvent): void {
    console.log(JSON.stringify({ event: "stage", ...e }));
  }
  info(pipeline: string, line: string): void {
    console.log(JSON.stringify({ event: "info", pipeline, message: line }));
  }
  finish(): void {}
}

/** Where a live view draws, and how big the terminal is. */
export interface TerminalSink {
  write(text: string): void;
  size(): { columns: number; rows: number };
}

const stdoutSink: TerminalSink = {
  write: (text) => {
    Deno.stdout.writeSync(enc.encode(text));
  },
  size: () => {
    try {
      return Deno.consoleSize();
    } catch {
      return { columns: 80, rows: 24 };
    }
  },
};

/** `text` cut to `width` terminal columns (an ellipsis marks the cut). */
function fit(text: string, width: number): string {
  const chars = [...text];
  return chars.length <= width ? text : chars.slice(0, Math.max(0, width - 1)).join("") + "…";
}

/**
 * A live view for a terminal. Finished stages are printed once (cut to the
 * width; warnings in full) above a small live area that is redrawn in place; it holds one row per
 * running stage, each cut to the terminal's width. The live area is never
 * taller than the terminal (extra running stages fold into "+N more"), so
 * the cursor always lands where the redraw expects it and no row is
 * printed twice, whatever the width.
 */
export class TtyReporter implements Reporter {
  private readonly running = new Map<string, number>();
  private drawn = 0;
  private timer: ReturnType<typeof setInterval> | undefined;

  constructor(private readonly sink: TerminalSink = stdoutSink) {}

  stage(e: StageEvent): void {
    const key = `[${e.pipeline}] ${e.stage}`;
    if (e.status === "running") {
      if (!this.running.has(key)) this.running.set(key, performance.now());
      this.timer ??= setInterval(() => this.redraw(), 100);
      this.redraw();
      return;
    }
    this.running.delete(key);
    const mark = { done: "✓", cached: "↺", failed: "✗" }[e.status];
    const time = e.durationMs === undefined ? "" : ` (${(e.durationMs / 1000).toFixed(2)} s)`;
    // Cut to the width: the full detail is in the summary after the build and in --json.
    const { columns } = this.sink.size();
    this.above(
      fit(
        `${mark} ${key}: ${statusText(e)}${time}${e.detail ? ` — ${e.detail}` : ""}`,
        Math.max(10, columns - 1),
      ),
    );
  }

  info(pipeline: string, line: string): void {
    this.above(`[${pipeline}] ${line}`);
  }

  /** Prints a permanent line above the live area. */
  private above(line: string): void {
    this.sink.write(this.clear() + line + "\n");
    this.drawn = 0;
    this.redraw();
  }

  private clear(): string {
    return this.drawn > 0 ? `\x1b[${this.drawn}A\r\x1b[J` : "";
  }

  private redraw(): void {
    const { columns, rows } = this.sink.size();
    const width = Math.max(10, columns - 1);
    const room = Math.max(1, rows - 2);
    const now = performance.now();
    const live = [...this.running].map(([key, t0]) =>
      fit(`… ${key} ${((now - t0) / 1000).toFixed(1).padStart(5)} s`, width)
    );
    if (live.length > room) {
      const more = live.length - (room - 1);
      live.splice(room - 1, live.length, fit(`  +${more} more running`, width));
    }
    this.sink.write(this.clear() + live.map((l) => l + "\n").join(""));
    this.drawn = live.length;
  }

  finish(): void {
    if (this.timer !== undefined) clearInterval(this.timer);
    this.timer = undefined;
    this.running.clear();
    this.sink.write(this.clear());
    this.drawn = 0;
  }
}

/** The reporter for this terminal and flags. */
export function chooseReporter(json: boolean): Reporter {
  if (json) return new JsonReporter();
  return Deno.stdout.isTerminal() ? new TtyReporter() : new PlainReporter();
}
