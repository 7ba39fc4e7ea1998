/**
 * A small terminal emulator for tests: enough of a VT100 to replay what a
 * live view writes (printable text with auto-wrap at the terminal's width,
 * CR, LF, cursor up, erase below, erase line, colours ignored) and read the
 * screen it leaves, scrollback included.
 *
 * @module
 */

/**
 * Replays `output` on a `columns` × `rows` terminal; returns every line, the
 * scrollback first.
 *
 * @example
 * ```ts
 * import { renderTerminal } from "./terminal.ts";
 * console.log(renderTerminal("one\ntwo\x1b[1A\r\x1b[Jthree\n", 80, 24)); // ["one", "three"]
 * ```
 */
export function renderTerminal(output: string, columns: number, rows: number): string[] {
  const lines: string[][] = [[]];
  let row = 0, col = 0;
  let pendingWrap = false;
  const ensure = (r: number) => {
    while (lines.length <= r) lines.push([]);
  };
  let i = 0;
  while (i < output.length) {
    const ch = output[i];
    if (ch === "\x1b" && output[i + 1] === "[") {
      // deno-lint-ignore no-control-regex -- matching terminal escape sequences
      const m = /^\x1b\[([0-9;?]*)([A-Za-z])/.exec(output.slice(i, i + 16));
      if (!m) {
        i++;
        continue;
      }
      const n = Number(m[1] || "1");
      if (m[2] === "A") {
        // The cursor cannot leave the visible screen: the top is `rows` lines above the bottom.
        const top = Math.max(0, lines.length - rows);
        row = Math.max(top, row - n);
        pendingWrap = false;
      } else if (m[2] === "J") {
        lines[row].length = Math.min(lines[row].length, col);
        lines.length = row + 1;
      } else if (m[2] === "K") {
        lines[row].length = Math.min(lines[row].length, col);
      }
      i += m[0].length;
      continue;
    }
    i++;
    if (ch === "\r") {
      col = 0;
      pendingWrap = false;
    } else if (ch === "\n") {
      row++;
      col = 0; // the pty's onlcr turns LF into CR LF
      pendingWrap = false;
      ensure(row);
    } else if (ch >= " " || ch === "\t") {
      if (pendingWrap) {
        row++;
        col = 0;
        pendingWrap = false;
        ensure(row);
      }
      lines[row][col] = ch;
      if (col === columns - 1) pendingWrap = true;
      else col++;
    }
  }
  const text = lines.map((l) => Array.from(l, (c) => c ?? " ").join("").trimEnd());
  while (text.length > 0 && text[text.length - 1] === "") text.pop();
  return text;
}
