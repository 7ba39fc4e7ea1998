/**
 * The README's first command as a person runs it: in a terminal (a real
 * pseudo-terminal from util-linux `script`, 80 columns), where Deno would
 * stop at a permission prompt if the build ever needed a grant it was not
 * given, and where the live view must stay readable.
 */
import { assert, assertEquals } from "./support/assert.ts";
import { renderTerminal } from "./support/terminal.ts";

const README = await Deno.readTextFile(new URL("../README.md", import.meta.url));
const FIRST_COMMAND = /```sh\n(npx [^#\n]*?)\s+#/.exec(README)![1];

Deno.test("README's first command in an 80-column terminal: no prompt, exit 0, each stage row once", async () => {
  assertEquals(FIRST_COMMAND, "npx -y deno@2.9.6 task dissolve");
  const { code, stdout } = await new Deno.Command("script", {
    args: ["-qec", `stty cols 80 rows 30; ${FIRST_COMMAND}`, "/dev/null"],
    cwd: new URL("..", import.meta.url),
    env: { TERM: "xterm", NO_COLOR: "1" },
    stdin: "null",
    stdout: "piped",
    stderr: "piped",
    signal: AbortSignal.timeout(300_000),
  }).output();
  const raw = new TextDecoder().decode(stdout);
  const screen = renderTerminal(raw, 80, 30);
  const text = screen.join("\n");
  assert(!/Deno requests|Allow\?|\[y\/n/.test(raw), `a permission prompt:\n${text}`);
  assertEquals(code, 0, text);
  const rows = screen.filter((l) => /^[✓↺✗] \[(hello|kernel)\] /.test(l))
    .map((l) => /^\S+ (\[\S+\] \S+):/.exec(l)![1]);
  assert(rows.length >= 2 * 5, `stage rows:\n${text}`);
  assertEquals(rows.length, new Set(rows).size, `a stage row appears twice:\n${text}`);
  assert(/\d+ stage\(s\), \d+ reused/.test(text), text);
});
