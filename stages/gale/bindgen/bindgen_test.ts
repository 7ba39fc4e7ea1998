/**
 * The binding generators' own checks: errors that point into the WIT, the
 * canonical-ABI layout the C types promise (compiled by clang, whose
 * `_Static_assert`s compare each C type with `wasm/abi`), and the names
 * wit-bindgen users expect.
 */
import { assert, assertEquals, assertRejects } from "../../../test/support/assert.ts";
import { BindgenError, generateC, loadWorld } from "./mod.ts";
import { generateRust } from "./rust.ts";

const EVERY = await Deno.readTextFile(new URL("../../../test/bindings/every.wit", import.meta.url));

async function failure(text: string, world = "w"): Promise<string> {
  const e = await assertRejects(() => loadWorld(text, "bad.wit", world), BindgenError);
  return e.message;
}

Deno.test("bindgen: a syntax error in the WIT points at its file, line and column", async () => {
  const text =
    "package a:b;\n\ninterface i {\n  f: func(s: string) -> u32\n}\nworld w { export i; }\n";
  assertEquals(await failure(text), "bad.wit:5:1: expected ';', found '}'");
});

Deno.test("bindgen: an unknown name in the WIT points at its use", async () => {
  const text = "package a:b;\ninterface i {\n  f: func(s: strng);\n}\nworld w { export i; }\n";
  assertEquals(await failure(text), "bad.wit:3:14: name `strng` does not exist");
});

Deno.test("bindgen: an unsupported type names itself, where it is, and what to do", async () => {
  const text =
    "package a:b;\ninterface i {\n  f: func() -> stream<u8>;\n}\nworld w { export i; }\n";
  const message = await failure(text);
  assert(message.startsWith("bad.wit:3:16: a:b/i: stream types are not supported"), message);
  assert(message.includes("hand-written component"), message);
});

Deno.test("bindgen: a world the file does not declare says so, and what to set", async () => {
  const message = await failure("package a:b;\nworld w {}\n", "nope");
  assert(message.includes("World `nope` not found"), message);
  assert(message.includes("set `world`"), message);
});

Deno.test("bindgen: C types lay values out as the canonical ABI does (clang checks every _Static_assert)", async () => {
  const dir = await Deno.makeTempDir({ prefix: "dissolve-bindgen-" });
  try {
    for (const world of ["provider", "user"]) {
      const files = generateC(await loadWorld(EVERY, "every.wit", world), {});
      for (const f of files) await Deno.writeTextFile(`${dir}/${f.name}`, f.text);
      const out = await new Deno.Command("clang", {
        args: [
          "--target=wasm32",
          "-nostdlib",
          "-Os",
          "-Werror",
          "-c",
          `${dir}/${world}.c`,
          "-o",
          `${dir}/${world}.o`,
        ],
      }).output();
      assertEquals(out.code, 0, new TextDecoder().decode(out.stderr));
      const header = files[0].text;
      assert(
        (header.match(/_Static_assert/g) ?? []).length >= 10,
        "a layout check per struct type",
      );
    }
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("bindgen: names follow wit-bindgen's conventions", async () => {
  const user = generateC(await loadWorld(EVERY, "every.wit", "user"), {})[0].text;
  const provider = generateC(await loadWorld(EVERY, "every.wit", "provider"), {})[0].text;
  // Imports by interface path; exports prefixed `exports_`; world-level exports by world name.
  assert(user.includes("void dissolve_every_api_echo(user_string_t *s, user_string_t *ret)"));
  assert(user.includes("void exports_user_run(user_string_t *ret);"));
  assert(
    provider.includes(
      "bool exports_dissolve_every_api_divide(int32_t a, int32_t b, int32_t *ret, provider_string_t *err);",
    ),
  );
  // Anonymous types by structure, named ones by interface; enum, flags and variant constants.
  assert(
    user.includes(
      "typedef struct user_list_point_t { dissolve_every_types_point_t *ptr; size_t len; }",
    ),
  );
  assert(user.includes("#define DISSOLVE_EVERY_TYPES_PERMS_EXEC (1u << 2)"));
  assert(user.includes("#define DISSOLVE_EVERY_TYPES_SHAPE_TAGGED 2"));
  // Resources: own and borrow handles, drop, and the implementer's side.
  assert(
    user.includes(
      "dissolve_every_types_counter_drop_own(dissolve_every_types_own_counter_t handle)",
    ),
  );
  assert(
    provider.includes(
      "exports_dissolve_every_types_own_counter_t exports_dissolve_every_types_counter_new(exports_dissolve_every_types_counter_t *rep);",
    ),
  );
  // Free functions for what owns memory, walking into it.
  assert(
    /user_list_string_free\(user_list_string_t \*ptr\) \{\n {2}for \(size_t i = 0; i < ptr->len; i\+\+\) user_string_free\(&ptr->ptr\[i\]\);/
      .test(user),
    user,
  );
  assert(user.includes("dissolve_every_types_point_free(dissolve_every_types_point_t *ptr)"));
  const rust = generateRust(await loadWorld(EVERY, "every.wit", "provider"), {})[0].text;
  assert(rust.includes("pub trait GuestCounter: 'static {"));
  assert(rust.includes("fn divide(a: i32, b: i32) -> Result<i32, alloc::string::String>;"));
  assert(rust.includes("macro_rules! export {"));
});

Deno.test("bindgen: cabi_realloc is the embedder arena by default, a static pool when asked", async () => {
  const world = await loadWorld(EVERY, "every.wit", "user");
  const arena = generateC(world, {})[1].text;
  assert(/cabi_realloc[\s\S]*return __cabi_arena_realloc\(old_ptr/.test(arena), arena);
  const pool = generateC(world, { reallocPool: 96 })[1].text;
  assert(pool.includes("static uint8_t dissolve_pool[96]"), pool);
  assert(!/cabi_realloc\([^)]*\) \{\n {2}return __cabi_arena_realloc/.test(pool), pool);
});

Deno.test("bindgen: a component with its own glue builds whatever its WIT holds (the bindings only say why they are empty)", async () => {
  const { writeBindings } = await import("../bindings.ts");
  const dir = await Deno.makeTempDir({ prefix: "dissolve-bindgen-" });
  try {
    await Deno.writeTextFile(
      `${dir}/s.wit`,
      "package a:b;\ninterface i {\n  f: func() -> stream<u8>;\n}\nworld w { export i; }\n",
    );
    await Deno.writeTextFile(`${dir}/own.c`, "/* hand-written glue */\n");
    const b = await writeBindings({ wit: "s.wit", world: "w", sources: ["own.c"] }, dir, dir);
    assertEquals(b.cSource, undefined);
    assert(b.files[0].text.includes("No bindings:") && b.files[0].text.includes("stream"));
    // The same WIT, from a source that includes the header: the error, at its place.
    await Deno.writeTextFile(`${dir}/uses.c`, '#include "w.h"\n');
    const e = await assertRejects(
      () => writeBindings({ wit: "s.wit", world: "w", sources: ["uses.c"] }, dir, dir),
      BindgenError,
    );
    assert(/s\.wit:3:\d+: a:b\/i: stream types are not supported/.test(e.message), e.message);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});
