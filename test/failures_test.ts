/**
 * The failure catalogue: every failure a user can cause, run through the
 * real CLI under the `dissolve` task's own Deno flags (read from deno.json),
 * must end as one message naming the stage, the file (and key path or byte
 * offset) and the remedy — exit code 1, no stack trace, no raw JavaScript
 * error, and nothing half-written.
 */
import { assert, assertEquals } from "./support/assert.ts";
import { APP_C, LIB_C } from "./support/tiny_pipeline.ts";

const ROOT = new URL("..", import.meta.url).pathname;
const config = JSON.parse(await Deno.readTextFile(`${ROOT}/deno.json`));
/** The flags of `deno task dissolve`: `deno run <flags> tools/dissolve.ts` (which runs cli.ts). */
const TASK_FLAGS: string[] = /deno run (.*) tools\/dissolve\.ts/.exec(config.tasks.dissolve)![1]
  .split(" ");

const WIT = `package t:p;
interface lib { twice: func(x: u32) -> u32; }
world app { export run: func() -> string; }
world lib-provider { export lib; }`;

interface Case {
  name: string;
  /** Files of the project (pipeline file is `dissolve.toml`). */
  files?: Record<string, string | Uint8Array>;
  /** CLI arguments (default: build the project). */
  args?: (dir: string) => string[];
  env?: Record<string, string>;
  /** Every one of these must appear in the message. */
  expect: (string | RegExp)[];
}

function pipelineToml(
  extra: { app?: string; component?: string; fuse?: string; synth?: string; run?: string } = {},
) {
  return `[pipeline]
name = "cat"

[[component]]
name = "lib"
sources = ["lib.c"]
wit = "p.wit"
world = "lib-provider"

[[component]]
name = "app"
sources = ["app.c"]
wit = "p.wit"
world = "app"
${extra.component ?? ""}

[fuse]
arena-bytes = 256
${extra.fuse ?? ""}

[synth]
entry = "run"
boards = ["${extra.synth ?? "lm3s6965evb"}"]

[run]
expect-output = "ok\\n"
${extra.run ?? ""}
`;
}

const project = (toml = pipelineToml(), app = APP_C) => ({
  "dissolve.toml": toml,
  "app.c": app,
  "lib.c": LIB_C,
  "p.wit": WIT,
});

/** A component whose core module's last function body no longer ends with `end`. */
async function componentWithBrokenCore(): Promise<Uint8Array> {
  return breakLastFunctionEnd(await buildHelloComponent());
}

async function buildHelloComponent(): Promise<Uint8Array> {
  const { gale } = await import("../stages/gale/mod.ts");
  const scratchDir = await Deno.makeTempDir();
  try {
    const out = await gale(
      { name: "hello", sources: ["hello.c"], wit: "hello.wit", world: "hello" },
      { scratchDir, baseDir: `${ROOT}/examples/hello`, log: () => {} },
    );
    return out.component;
  } finally {
    await Deno.remove(scratchDir, { recursive: true });
  }
}

function leb(bytes: Uint8Array, at: number): [number, number] {
  let v = 0, shift = 0, i = at;
  for (;;) {
    const b = bytes[i++];
    v += (b & 0x7f) * 2 ** shift;
    shift += 7;
    if (b < 0x80) return [v, i];
  }
}

/** Finds the embedded core module, walks its sections to the code section, breaks its last byte. */
function breakLastFunctionEnd(component: Uint8Array): Uint8Array {
  const out = component.slice();
  let start = -1;
  for (let i = 8; i < out.length - 8; i++) {
    if (out[i] === 0 && out[i + 1] === 0x61 && out[i + 2] === 0x73 && out[i + 3] === 0x6d) {
      start = i;
      break;
    }
  }
  assert(start > 0, "an embedded core module");
  let at = start + 8;
  for (;;) {
    const id = out[at];
    const [size, body] = leb(out, at + 1);
    if (id === 10) {
      assertEquals(out[body + size - 1], 0x0b, "code ends with end");
      out[body + size - 1] = 0x01; // nop
      return out;
    }
    at = body + size;
  }
}

const CASES: Case[] = [
  {
    name: "bad TOML",
    files: { "dissolve.toml": `[pipeline\nname = "x"\n` },
    expect: ["dissolve.toml:1:", "TOML syntax error"],
  },
  {
    name: "bad key",
    files: project(pipelineToml({ fuse: "arena-byte = 3" })),
    expect: ["dissolve.toml: fuse.arena-byte", 'did you mean "arena-bytes"'],
  },
  {
    name: "escaping path",
    files: project(
      pipelineToml({ component: `compile = ["clang"]` }).replace(
        `sources = ["app.c"]`,
        `sources = ["../../etc/hostname"]`,
      ),
    ),
    expect: ["component[1].sources", "outside the pipeline's directory", "remedy:", "source-roots"],
  },
  {
    name: "escaping pipeline name",
    files: project(pipelineToml().replace(`name = "cat"`, `name = "../examples"`)),
    expect: ["pipeline.name", "no path in it"],
  },
  {
    name: "denied program",
    files: project(pipelineToml({ component: `compile = ["sh", "-c", "id > {out}"]` })),
    expect: ["component[1].compile", "runs `sh`", "a pipeline file is code", "--allow-command sh"],
  },
  {
    name: "missing tool",
    files: project(),
    env: { DISSOLVE_TOOL_PATH: "/nonexistent" },
    expect: ["synth: `arm-none-eabi-gcc` is not installed", "apt-get install gcc-arm-none-eabi"],
  },
  {
    name: "compile error",
    files: project(pipelineToml(), "this is not C"),
    expect: ["[cat] gale:app", "clang", "app.c:1:1: error"],
  },
  {
    name: "bad WIT",
    files: {
      ...project(),
      "p.wit": WIT.replace("twice: func(x: u32) -> u32;", "twice: func(x: u32) -> u32"),
    },
    expect: ["[cat] gale:", "p.wit:2:44: expected ';', found '}'"],
  },
  {
    name: "WIT the binding generators cannot bind, in a component that uses them",
    files: {
      ...project(),
      "p.wit": WIT.replace("-> u32; }", "-> stream<u32>; }"),
      "lib.c": `#include "lib_provider.h"\n${LIB_C}`,
    },
    expect: ["p.wit:2:40", "stream types are not supported by the binding generators"],
  },
  {
    name: "Rust compile error",
    files: {
      ...project(
        pipelineToml().replace(
          `sources = ["lib.c"]`,
          `language = "rust"\nsources = ["lib.rs"]`,
        ),
      ),
      "lib.rs": '#![no_std]\npub fn broken() -> u32 { "not a number" }\n',
    },
    expect: ["[cat] gale:lib", "/usr/bin/rustc", "error[E0308]: mismatched types", "lib.rs:2"],
  },
  {
    name: "malformed component",
    files: { "bad.wasm": new Uint8Array([0, 0x61, 0x73, 0x6d, 0x0d, 0, 1, 0, 1, 5, 0, 0]) },
    args: (dir) => ["fuse", `${dir}/bad.wasm`, "-o", `${dir}/out.wasm`],
    expect: ["malformed WebAssembly", "byte offset 10", "remedy:"],
  },
  {
    name: "invalid core module inside a component",
    args: (dir) => ["fuse", `${dir}/broken.wasm`, "-o", `${dir}/out.wasm`],
    expect: ["broken/module0", "does not validate (V8)", "end", "at byte offset", "remedy:"],
  },
  {
    name: "RAM overflow",
    files: project(
      pipelineToml({ fuse: "", synth: "lm3s811evb" }).replace(
        "arena-bytes = 256",
        "arena-bytes = 65536",
      ),
    ),
    expect: ["[cat] synth:lm3s811evb", "RAM", "arena", "remedy:"],
  },
  {
    name: "guest trap",
    files: project(
      pipelineToml(),
      APP_C.replace("char *s =", "volatile int no = 0; if (!no) __builtin_trap(); char *s ="),
    ),
    expect: ["[cat] run:lm3s6965evb", "exit code 0", "found exit code 2", "wasm trap: unreachable"],
  },
  {
    name: "guest timeout",
    files: project(
      pipelineToml({ run: "timeout-ms = 1500" }),
      APP_C.replace("char *s =", "for (volatile int spin = 1; spin;) {} char *s ="),
    ),
    expect: ["[cat] run:lm3s6965evb", "within 1500 ms", "timeout"],
  },
];

/** Every file under `dir`, relative. */
async function listFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  const walk = async (d: string, rel: string) => {
    for await (const e of Deno.readDir(d)) {
      if (e.isDirectory) await walk(`${d}/${e.name}`, `${rel}${e.name}/`);
      else out.push(`${rel}${e.name}`);
    }
  };
  await walk(dir, "").catch(() => {});
  return out;
}

Deno.test("failure catalogue: one plain message, exit code 1, nothing half-written", async (t) => {
  const broken = await componentWithBrokenCore();
  for (const c of CASES) {
    await t.step(c.name, async () => {
      const dir = await Deno.makeTempDir({ prefix: "dissolve-failure-" });
      try {
        for (const [name, content] of Object.entries(c.files ?? {})) {
          if (typeof content === "string") await Deno.writeTextFile(`${dir}/${name}`, content);
          else await Deno.writeFile(`${dir}/${name}`, content);
        }
        await Deno.writeFile(`${dir}/broken.wasm`, broken);
        const args = c.args?.(dir) ??
          ["build", `${dir}/dissolve.toml`, "--build-dir", `${dir}/build`];
        const { code, stderr, stdout } = await new Deno.Command("deno", {
          args: ["run", ...TASK_FLAGS, `${ROOT}/cli.ts`, ...args],
          cwd: ROOT,
          env: { NO_COLOR: "1", ...c.env },
          stdout: "piped",
          stderr: "piped",
        }).output();
        const err = new TextDecoder().decode(stderr);
        const all = `${new TextDecoder().decode(stdout)}${err}`;
        assertEquals(code, 1, all);
        for (const e of c.expect) {
          assert(typeof e === "string" ? err.includes(e) : e.test(err), `${e} in:\n${err}`);
        }
        assert(!/^\s+at /m.test(err), `no stack trace:\n${err}`);
        assert(
          !/\[object Object\]|Cannot read properties|is not a function|Maximum call stack|Uncaught/
            .test(err),
          `no raw JavaScript error:\n${err}`,
        );
        assertEquals(err.trim().split("\n")[0].startsWith("dissolve "), true, err);
        // Nothing half-written: no pipeline directory, no staging, no temp files, no -o file.
        const left = await listFiles(`${dir}/build`);
        assertEquals(left.filter((f) => !f.startsWith(".cache/")), [], "only the cache");
        assert(!(await listFiles(dir)).some((f) => f === "out.wasm" || f.endsWith(".tmp")));
      } finally {
        await Deno.remove(dir, { recursive: true });
      }
    });
  }
});
