/**
 * The gale stage: a component's sources → core module → component.
 *
 * The pipeline's compile command (clang by default: grow-free, relocatable
 * so fuse can rebase it), then embedder-import passthrough, then
 * wasm-tools `component embed` + `component new` through jco's JS API.
 *
 * @module
 */
import { componentEmbed, componentNew } from "@bytecodealliance/jco-transpile/wasm-tools";
import { resolve } from "node:path";
import type { GaleOutput, StageContext } from "../types.ts";
import { run, ToolError, toolVersion } from "../exec.ts";
import { WASM32_BUILTINS } from "../toolchain.ts";
import type { OptLevel } from "../settings.ts";
import type { ComponentOptLevel } from "./settings.ts";
import { checkGrowFree } from "../gates/grow_free.ts";
import { addWorldImports, applyPassthrough } from "./passthrough.ts";
import { writeBindings } from "./bindings.ts";
import { BindgenError } from "./bindgen/mod.ts";

/** One component's build, as the pipeline declares it. */
export interface GaleSpec {
  name: string;
  /** Source files, relative to the pipeline's directory. */
  sources: string[];
  /** A custom compile command (argv) with `{out}` and `{sources}` placeholders; default clang. */
  compile?: string[];
  /** `c` (default) or `rust`: a `no_std` crate whose root is `sources[0]`. */
  language?: "c" | "rust";
  /** `wasi`: compile C against wasi-libc with compiler-rt builtins (default `none`). */
  libc?: "none" | "wasi";
  /** The WIT file. */
  wit: string;
  world: string;
  /** Core imports to pass through as embedder imports (`module::field`). */
  embedderImports?: string[];
  /** Shadow stack of the component's core module (default 1024 bytes). */
  stackBytes?: number;
  /** The compiler's optimization level (default `firmware`). */
  optLevel?: ComponentOptLevel;
  /** Compile with DWARF line tables and variables (the pipeline's `debug`). */
  debug?: boolean;
  /** The generated `cabi_realloc` allocates from a static pool of this many bytes, not the arena. */
  reallocPool?: number;
}

/** rustc's `-Copt-level` for each compiler level. */
const RUST_OPT_LEVEL: Record<OptLevel, string> = {
  O0: "0",
  O1: "1",
  O2: "2",
  O3: "3",
  Os: "s",
  Oz: "z",
};

/**
 * LLVM's options that make `Os` the `firmware` level. Every access the firmware makes is
 * bounds-checked; a loop of a constant trip count, fully unrolled, has constant addresses,
 * and gcc folds their checks (bench/firmware: `matmul` 1.22× → 0.54× native gcc -Os, `fir-q15`
 * 1.17× → 0.46×). `Os` unrolls nothing, `O2` also unrolls partially and inlines at 225, which
 * bloats flash by a third; the unroll threshold bounds the unrolled body instead, and `Oz`'s
 * inlining (25) pays for it: `kernel` 1.41× → 1.20× flash.
 */
const FIRMWARE_LLVM_ARGS = ["-inline-threshold=25", "-unroll-threshold=200"];

/** clang's flags for a level (the compile; with `lto`, the link's optimization too). */
function clangLevel(level: ComponentOptLevel, lto: boolean): string[] {
  if (level !== "firmware") return [`-${level}`];
  return [
    "-Os",
    ...FIRMWARE_LLVM_ARGS.flatMap((a) => ["-mllvm", a, ...(lto ? [`-Wl,-mllvm,${a}`] : [])]),
  ];
}

/** rustc's flags for a level. */
function rustcLevel(level: ComponentOptLevel): string[] {
  if (level !== "firmware") return [`-Copt-level=${RUST_OPT_LEVEL[level]}`];
  return ["-Copt-level=s", ...FIRMWARE_LLVM_ARGS.map((a) => `-Cllvm-args=${a}`)];
}

/** Link flags every default build shares: grow-free, relocatable, a small stack first. */
function linkFlags(stackBytes: number): string[] {
  return [
    "--no-entry",
    "--emit-relocs",
    `-zstack-size=${stackBytes}`,
    // Stack first ([0, stack top), data above it): an overflow leaves memory and traps, and
    // fuse can replace the stack with one shared by every module (share-stack).
    "--stack-first",
    "--export=__heap_base",
    "--export=__data_end",
  ];
}

/** libc's stdio back end, replaced by functions that trap: firmware has no files. */
const STDIO_TRAPS = new URL("./libc/stdio_traps.c", import.meta.url).pathname;

/**
 * The default compile command for a component: clang (optionally against
 * wasi-libc) or Debian's rustc, grow-free and relocatable, small stack.
 *
 * @example
 * ```ts
 * import { defaultCompile } from "./build.ts";
 * console.log(defaultCompile({ language: "rust", stackBytes: 1024 })[0]); // "/usr/bin/rustc"
 * ```
 */
export function defaultCompile(
  spec: {
    stackBytes?: number;
    language?: "c" | "rust";
    libc?: "none" | "wasi";
    debug?: boolean;
    optLevel?: ComponentOptLevel;
    /** C: link-time optimization (gale sets it for components that use the generated bindings). */
    lto?: boolean;
  },
): string[] {
  const link = linkFlags(spec.stackBytes ?? 1024);
  if (spec.language === "rust") {
    return [
      "/usr/bin/rustc",
      "--target=wasm32-unknown-unknown",
      "--crate-type=cdylib",
      "--edition=2021",
      // Debian's rustc (1.63) needs an allocation-error handler for `alloc` in a no_std crate,
      // which the generated bindings use (String, Vec); the default one is stable from 1.68.
      "-Zcrate-attr=feature(default_alloc_error_handler)",
      ...rustcLevel(spec.optLevel ?? "firmware"),
      "-Cpanic=abort",
      // DWARF 4, which fuse reads (rustc 1.63 writes it for wasm32).
      `-Cdebuginfo=${spec.debug ? 2 : 0}`,
      "--remap-path-prefix={base}=.",
      ...link.map((f) => `-Clink-arg=${f}`),
      // The prebuilt core and alloc carry DWARF (and relocations for it) that a release drops.
      ...(spec.debug ? [] : ["-Clink-arg=--strip-debug"]),
      "-o",
      "{out}",
      "{root}",
    ];
  }
  const libc = spec.libc === "wasi"
    ? [
      "--target=wasm32-wasi",
      "--sysroot=/usr",
      "-nostartfiles",
      ...(spec.debug ? [] : ["-Wl,--strip-debug"]),
    ]
    : ["--target=wasm32", "-nostdlib", "-fno-builtin"];
  return [
    "clang",
    ...libc,
    ...clangLevel(spec.optLevel ?? "firmware", spec.lto ?? false),
    ...(spec.lto ? ["-flto"] : []),
    // DWARF 4 line tables and variables, which fuse carries into the fused module.
    ...(spec.debug ? ["-g", "-gdwarf-4"] : []),
    "-ffile-prefix-map={base}=.",
    // The generated bindings' header (`#include "<world>.h"`).
    "-I{bindings}",
    ...link.map((f) => `-Wl,${f}`),
    "-o",
    "{out}",
    "{sources}",
    ...(spec.libc === "wasi" ? [STDIO_TRAPS, WASM32_BUILTINS] : []),
  ];
}

/**
 * wasm-ld 14 crashes writing `--emit-relocs` output for some libc links
 * (dlmalloc's, for one). Link once more without relocations, only to see
 * why the module pulled that code in: the grow-free gate on that module
 * usually names the real problem (malloc → sbrk → memory.grow).
 */
async function explainLinkCrash(
  e: unknown,
  argv: string[],
  out: string,
  spec: GaleSpec,
  base: string,
): Promise<unknown> {
  if (!(e instanceof ToolError) || !/lld::wasm|wasm-ld/.test(e.stderrTail)) return e;
  if (!argv.includes("-Wl,--emit-relocs")) return e;
  const probe = `${out}.probe.wasm`;
  const probeArgv = argv.filter((a) => a !== "-Wl,--emit-relocs").map((a) => a === out ? probe : a);
  const r = await run(probeArgv, { stage: `gale (${spec.name})`, cwd: base }, true);
  if (r.exitCode !== 0) return e;
  try {
    checkGrowFree(await Deno.readFile(probe), `${spec.name}.core.wasm`, `gale (${spec.name})`);
  } catch (gate) {
    return gate;
  }
  return e;
}

/**
 * Builds one component.
 *
 * @example
 * ```ts
 * import { gale } from "./build.ts";
 * const out = await gale({ name: "hello", sources: ["hello.c"], wit: "hello.wit", world: "hello" },
 *   { scratchDir: await Deno.makeTempDir(), baseDir: "examples/hello", log: console.log });
 * console.log(out.component.length);
 * ```
 */
export async function gale(spec: GaleSpec, ctx: StageContext): Promise<GaleOutput> {
  const base = resolve(ctx.baseDir);
  const out = `${ctx.scratchDir}/${spec.name}.core.wasm`;
  const sources = spec.sources.map((s) => resolve(base, s));
  const stage = `gale (${spec.name})`;
  const bindings = await writeBindings(spec, base, ctx.scratchDir).catch((e) => {
    throw e instanceof BindgenError ? new Error(`${stage}: ${e.message}`, { cause: e }) : e;
  });
  const compiled = bindings.cSource ? [...sources, bindings.cSource] : sources;
  // With the generated bindings, link-time optimization makes each export's wrapper and the
  // function the user wrote one function (and an event struct a few registers). Only then: on
  // hand-written single-file code it changed nothing for the better, and cost the firmware
  // bench's kernel 14% more instructions.
  const lto = bindings.cSource !== undefined;
  const argv = (spec.compile ?? defaultCompile({ ...spec, lto })).flatMap((a) =>
    a === "{sources}"
      ? compiled
      : a === "{root}"
      ? sources.slice(0, 1)
      : [a.replace("{out}", out).replace("{base}", base).replace("{bindings}", bindings.dir)]
  );
  try {
    await run(argv, {
      stage,
      cwd: base,
      // RUSTC_BOOTSTRAP: the one unstable flag above, on Debian's stable rustc.
      env: { SOURCE_DATE_EPOCH: "0", DISSOLVE_BINDINGS: bindings.dir, RUSTC_BOOTSTRAP: "1" },
    });
  } catch (e) {
    throw await explainLinkCrash(e, argv, out, spec, base);
  }
  const core = await Deno.readFile(out);
  // Before wit-component sees it: a WASI import or memory.grow gets a message naming its caller.
  checkGrowFree(core, `${spec.name}.core.wasm`, `gale (${spec.name})`);
  const { module, worldImports } = applyPassthrough(
    core,
    spec.embedderImports ?? ["env::__cabi_arena_realloc"],
  );
  const wit = addWorldImports(
    await Deno.readTextFile(resolve(base, spec.wit)),
    spec.world,
    worldImports,
  );
  let component: Uint8Array;
  try {
    const embedded = await componentEmbed(
      { binary: module, witSource: wit, world: spec.world } as never,
    );
    component = await componentNew(embedded, []);
  } catch (e) {
    const msg = e instanceof Error ? e.message : String((e as { payload?: unknown }).payload ?? e);
    throw new Error(`gale (${spec.name}): wasm-tools component new failed: ${msg}`);
  }
  return {
    component,
    coreModule: module,
    bindings: bindings.files,
    tools: [
      { name: argv[0], version: await toolVersion(argv[0]) },
      { name: "wasm-tools (jco-transpile)", version: "0.15.0" },
    ],
  };
}

export { addWorldImports, applyPassthrough, kebabName } from "./passthrough.ts";
