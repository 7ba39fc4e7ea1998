import { assert, assertEquals } from "../../test/support/assert.ts";
import { optionsError, requiredOptionError } from "./canon_checks.ts";
import type { FuncSig } from "../../wasm/abi/mod.ts";

const STRING: FuncSig = { params: [{ name: "s", type: { kind: "string" } }] };
const U64S: FuncSig = {
  params: [],
  result: { kind: "tuple", types: Array.from({ length: 8 }, () => ({ kind: "u64" as const })) },
};

Deno.test("canon options: each once, realloc with memory, post-return only on a lift", () => {
  assertEquals(optionsError([{ kind: "memory", index: 0 }], "lift"), undefined);
  assert(optionsError([{ kind: "realloc", index: 0 }], "lift")?.includes("requires `memory`"));
  assert(
    optionsError([{ kind: "memory", index: 0 }, { kind: "memory", index: 0 }], "lower")
      ?.includes("more than once"),
  );
  assert(optionsError([{ kind: "post-return", index: 0 }], "lower")?.includes("lowerings"));
});

Deno.test("canon options: what a function type requires to be lifted or lowered", () => {
  // Lowering a string parameter reads it from memory; lifting one allocates it with realloc.
  assert(requiredOptionError(STRING, "lower", false, new Set())?.includes("`memory`"));
  assertEquals(requiredOptionError(STRING, "lower", false, new Set(["memory"])), undefined);
  assert(requiredOptionError(STRING, "lift", false, new Set(["memory"]))?.includes("`realloc`"));
  // Eight u64 results do not fit one flat value: they go through memory.
  assert(requiredOptionError(U64S, "lower", false, new Set())?.includes("`memory`"));
  assertEquals(requiredOptionError({ params: [] }, "lower", false, new Set()), undefined);
});
