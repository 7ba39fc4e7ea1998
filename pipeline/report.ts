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

/** A live list redrawn in place on a terminal. */
export class TtyReporter implements Reporter {
  private readonly rows = new Map<string, StageEvent & { started: number }>();
  private readonly infos: string[] = [];
  private drawn = 0;
  private timer: ReturnType<typeof setInterval> | undefined;

  stage(e: StageEvent): void {
    const key = `${e.pipeline}/${e.stage}`;
    const prev = this.rows.get(key);
    this.rows.set(key, { ...e, started: prev?.started ?? performance.now() });
    this.timer ??= setInterval(() => this.draw(), 100);
    this.draw();
  }

  info(pipeline: string, line: string): void {
    this.infos.push(`[${pipeline}] ${line}`);
    this.draw();
  }

  private draw(): void {
    const lines: string[] = [];
    for (const [key, r] of this.rows) {
      const mark = { running: "…", done: "✓", cached: "↺", failed: "✗" }[r.status];
      const ms = r.durationMs ?? performance.now() - r.started;
      lines.push(
        `${mark} ${key.padEnd(40)} ${(ms / 1000).toFixed(2).padStart(6)} s  ${statusText(r)}${
          r.detail ? ` ${r.detail}` : ""
        }`,
      );
    }
    lines.push(...this.infos);
    const clear = this.drawn > 0 ? `\x1b[${this.drawn}A\x1b[J` : "";
    Deno.stdout.writeSync(enc.encode(clear + lines.join("\n") + "\n"));
    this.drawn = lines.length;
  }

  finish(): void {
    if (this.timer !== undefined) clearInterval(this.timer);
    this.timer = undefined;
    if (this.rows.size) this.draw();
  }
}

/** The reporter for this terminal and flags. */
export function chooseReporter(json: boolean): Reporter {
  if (json) return new JsonReporter();
  return Deno.stdout.isTerminal() ? new TtyReporter() : new PlainReporter();
}
