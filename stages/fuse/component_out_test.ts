import { assertEquals } from "../../test/support/assert.ts";
import { fuse } from "./fuse.ts";
import { buildComponent, externNames } from "../../test/support/components.ts";
import { instantiateWithJco } from "../../test/support/jco_host.ts";
import { decodeWasm } from "../../wasm/mod.ts";
import type { Component } from "../../wasm/component/mod.ts";

/**
 * An app that prints through WASI (`wasi:cli/stdout`, `wasi:io/streams`: a
 * resource, a borrow, a `list<u8>` and a result passed by pointer) what a
 * second component's `greet(string) -> string` returns.
 */
const APP_WIT = `package demo:app;
world app {
  import wasi:cli/stdout@0.2.3;
  import greet: func(name: string) -> string;
  export run: func();
}
package wasi:io@0.2.3 {
  interface error { resource error; }
  interface streams {
    use error.{error};
    variant stream-error { last-operation-failed(error), closed }
    resource output-stream {
      blocking-write-and-flush: func(contents: list<u8>) -> result<_, stream-error>;
    }
  }
}
package wasi:cli@0.2.3 {
  interface stdout {
    use wasi:io/streams@0.2.3.{output-stream};
    get-stdout: func() -> output-stream;
  }
}
`;

const BUMP_REALLOC = `#include <stdint.h>
static char pool[256]; static uint32_t used;
__attribute__((export_name("cabi_realloc")))
void *cabi_realloc(void *p, uint32_t o, uint32_t a, uint32_t n) {
  used = (used + a - 1) & ~(a - 1); void *r = pool + used; used += n; return r;
}
`;

const APP_C = `${BUMP_REALLOC}
__attribute__((import_module("wasi:cli/stdout@0.2.3"), import_name("get-stdout")))
int get_stdout(void);
__attribute__((import_module("wasi:io/streams@0.2.3"),
  import_name("[method]output-stream.blocking-write-and-flush")))
void write_flush(int self, const char *p, uint32_t n, void *ret);
__attribute__((import_module("wasi:io/streams@0.2.3"), import_name("[resource-drop]output-stream")))
void drop_stream(int);
__attribute__((import_module("$root"), import_name("greet")))
void greet(const char *p, uint32_t n, void *ret);
__attribute__((export_name("run"))) void run(void) {
  uint32_t text[2]; uint32_t result[4];
  greet("fused world", 11, text);
  int out = get_stdout();
  write_flush(out, (const char *)text[0], text[1], result);
  if (((uint8_t *)result)[0] != 0) __builtin_trap();
  write_flush(out, "\\n", 1, result);
  drop_stream(out);
}`;

const GREETER_C = `${BUMP_REALLOC}
static char out[64]; static uint32_t ret[2];
__attribute__((export_name("greet"))) uint32_t *greet(const char *p, uint32_t n) {
  const char *h = "Hello, "; uint32_t k = 0;
  while (h[k]) { out[k] = h[k]; k++; }
  for (uint32_t i = 0; i < n && k < 62; i++) out[k++] = p[i];
  out[k++] = '!'; ret[0] = (uint32_t)out; ret[1] = k; return ret;
}`;

const GREETER_WIT =
  "package demo:greeter; world greeter { export greet: func(name: string) -> string; }";

/** Runs `args` through `test/support/run_wasi_component.ts` in its own process; its stdout. */
async function runUnderJco(args: string[]): Promise<string> {
  const root = new URL("../../", import.meta.url).pathname;
  const { code, stdout, stderr } = await new Deno.Command("deno", {
    args: [
      "run",
      "--no-prompt",
      "--allow-read",
      "--allow-write=/tmp",
      "--allow-env",
      "--allow-sys",
      "--allow-ffi=node_modules",
      "test/support/run_wasi_component.ts",
      ...args,
    ],
    cwd: root,
    stdout: "piped",
    stderr: "piped",
  }).output();
  const text = new TextDecoder();
  if (code !== 0) throw new Error(`jco run failed:\n${text.decode(stderr)}`);
  return text.decode(stdout);
}

Deno.test("fuse --component: a fused WASI component prints under jco + preview2-shim what the unfused composition prints", async () => {
  const app = await buildComponent(APP_C, APP_WIT, "app");
  const greeter = await buildComponent(GREETER_C, GREETER_WIT, "greeter");
  const { module } = await fuse(
    [{ name: "app", bytes: app }, { name: "greeter", bytes: greeter }],
    {
      memory: "shared",
      component: true,
      hostImports: "*",
    },
  );
  const component = decodeWasm(module) as Component;
  assertEquals(externNames(component), [
    "export run",
    "import wasi:cli/stdout@0.2.3",
    "import wasi:io/error@0.2.3",
    "import wasi:io/streams@0.2.3",
  ]);
  const dir = await Deno.makeTempDir({ prefix: "dissolve-wasi-" });
  try {
    await Deno.writeFile(`${dir}/app.wasm`, app);
    await Deno.writeFile(`${dir}/greeter.wasm`, greeter);
    await Deno.writeFile(`${dir}/fused.wasm`, module);
    const unfused = await runUnderJco([`${dir}/app.wasm`, `greet=${dir}/greeter.wasm`]);
    assertEquals(unfused, "Hello, fused world!\n");
    assertEquals(await runUnderJco([`${dir}/fused.wasm`]), unfused);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

/**
 * An interface whose functions take and return records, variants, enums and
 * flags (nested, and inside lists, options, results and tuples), and a
 * world-level import: the fused component must export the types with their
 * instance (a runtime refuses the instance otherwise).
 */
const SHAPES_WIT = `package demo:shapes;
interface shapes {
  record point { x: u32, y: u32 }
  flags perms { read, write }
  enum color { red, green }
  variant shape { circle(u32), square(point) }
  area: func(s: shape) -> u32;
  mirror: func(p: point) -> point;
  allowed: func(p: perms) -> bool;
  first: func(ps: list<point>) -> option<point>;
  pick: func(c: color) -> result<tuple<point, color>, color>;
}
world shapes-world {
  import log: func(n: u32);
  export shapes;
}`;

const SHAPES_C = `${BUMP_REALLOC}
__attribute__((import_module("$root"), import_name("log"))) void log_(uint32_t n);
static uint32_t ret[4];
__attribute__((export_name("demo:shapes/shapes#area")))
uint32_t area(uint32_t tag, uint32_t a, uint32_t b) { log_(tag); return tag == 0 ? 3 * a * a : a * b; }
__attribute__((export_name("demo:shapes/shapes#mirror")))
uint32_t *mirror(uint32_t x, uint32_t y) { ret[0] = y; ret[1] = x; return ret; }
__attribute__((export_name("demo:shapes/shapes#allowed")))
uint32_t allowed(uint32_t p) { return (p & 2) != 0; }
__attribute__((export_name("demo:shapes/shapes#first")))
uint32_t *first(const uint32_t *ps, uint32_t n) {
  ret[0] = n > 0; if (n > 0) { ret[1] = ps[0]; ret[2] = ps[1]; } return ret;
}
__attribute__((export_name("demo:shapes/shapes#pick")))
uint32_t *pick(uint32_t c) {
  ret[0] = c; ret[1] = 7; ret[2] = 9; ret[3] = c; if (c == 1) ret[1] = 0; return ret;
}`;

Deno.test("fuse --component: an exported interface's records, variants, enums and flags are exported with it, and it runs under jco as the original does", async () => {
  const original = await buildComponent(SHAPES_C, SHAPES_WIT, "shapes-world");
  const { module } = await fuse([{ name: "shapes", bytes: original }], {
    memory: "shared",
    component: true,
    hostImports: "*",
  });
  assertEquals(externNames(decodeWasm(module) as Component), [
    "export demo:shapes/shapes",
    "import log",
  ]);
  const run = async (name: string, bytes: Uint8Array) => {
    const logged: number[] = [];
    const ex = await instantiateWithJco(name, bytes, {
      log: { default: (n: number) => logged.push(n) },
    });
    // deno-lint-ignore no-explicit-any
    const s = ex.shapes as any;
    const calls = [
      s.area({ tag: "square", val: { x: 2, y: 5 } }),
      s.area({ tag: "circle", val: 3 }),
      s.mirror({ x: 1, y: 2 }),
      s.allowed({ read: false, write: true }),
      s.first([{ x: 4, y: 5 }, { x: 6, y: 7 }]),
      s.first([]),
    ];
    let picked: unknown;
    try {
      picked = s.pick("red");
    } catch (e) {
      picked = { err: (e as { payload?: unknown }).payload };
    }
    return JSON.stringify({ calls, picked, logged });
  };
  const expected = await run("shapes", original);
  assertEquals(await run("fused", module), expected);
});

/** A world that declares a resource at its root, and imports a free function there too. */
const BLOBS_WIT = `package demo:blobs;
world blobs {
  resource blob { constructor(n: u32); size: func() -> u32; }
  import twice: func(n: u32) -> u32;
  export run: func(n: u32) -> u32;
}`;

const BLOBS_C = `${BUMP_REALLOC}
__attribute__((import_module("$root"), import_name("[constructor]blob"))) int32_t blob_new(uint32_t n);
__attribute__((import_module("$root"), import_name("[method]blob.size"))) uint32_t blob_size(int32_t b);
__attribute__((import_module("$root"), import_name("[resource-drop]blob"))) void blob_drop(int32_t b);
__attribute__((import_module("$root"), import_name("twice"))) uint32_t twice(uint32_t n);
__attribute__((export_name("run"))) uint32_t run(uint32_t n) {
  int32_t b = blob_new(n); uint32_t s = blob_size(b); blob_drop(b); return twice(s);
}`;

Deno.test("fuse --component: a world-level resource and function are imported at the component's root (no `$root` instance), and it runs under jco as the original does", async () => {
  const original = await buildComponent(BLOBS_C, BLOBS_WIT, "blobs");
  const { module } = await fuse([{ name: "app", bytes: original }], {
    memory: "shared",
    component: true,
    hostImports: "*",
  });
  const names = externNames(decodeWasm(module) as Component);
  assertEquals(names, externNames(decodeWasm(original) as Component));
  const run = async (name: string, bytes: Uint8Array) => {
    class Blob {
      constructor(readonly n: number) {}
      size() {
        return this.n * 10;
      }
    }
    const ex = await instantiateWithJco(name, bytes, {
      blob: { default: Blob },
      twice: { default: (n: number) => 2 * n },
    });
    const run = ex.run as (n: number) => number;
    return [run(4), run(7)];
  };
  assertEquals(await run("fused", module), await run("app", original));
  assertEquals(await run("fused", module), [80, 140]);
});

Deno.test("fuse --component: an import lowered async is lowered async again (its core function returns the subtask's status), and runs under jco as the original does", async () => {
  const wit = `package demo:clock;
world clock {
  import wait-for: async func(ns: u64);
  export run: func() -> u32;
}`;
  const c = `${BUMP_REALLOC}
__attribute__((import_module("$root"), import_name("[async-lower]wait-for")))
uint32_t wait_for(uint64_t ns);
__attribute__((export_name("run"))) uint32_t run(void) { return wait_for(5); }`;
  const original = await buildComponent(c, wit, "clock");
  const { module } = await fuse([{ name: "app", bytes: original }], {
    memory: "shared",
    component: true,
    hostImports: "*",
  });
  const lowers = (decodeWasm(module) as Component).sections.flatMap((s) =>
    s.id === "canon" ? s.canons.filter((x) => x.kind === "lower") : []
  );
  assertEquals(lowers.map((l) => l.kind === "lower" && l.options), [[{ kind: "async" }]]);
  const run = async (name: string, bytes: Uint8Array) => {
    const waited: bigint[] = [];
    const ex = await instantiateWithJco(name, bytes, {
      "wait-for": { default: (ns: bigint) => void waited.push(ns) },
    });
    return [await (ex.run as () => Promise<number>)(), waited];
  };
  // 2: the subtask returned (the host's function completed at once).
  assertEquals(await run("fused", module), [2, [5n]]);
  assertEquals(await run("fused", module), await run("app", original));
});
