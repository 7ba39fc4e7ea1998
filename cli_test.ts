import { assert } from "./test/support/assert.ts";
import { internalFaultReport, VERSION } from "./cli.ts";
import { StageError } from "./pipeline/executor.ts";
import { isInternalFault } from "./stages/errors.ts";

Deno.test("cli: an internal fault says it is a Dissolve bug, with the version and the inputs' hashes", async () => {
  const fault = new StageError("hello", "fuse", new TypeError("reading 'bytes' of undefined"), [
    { name: "hello.component.wasm", sha256: "ab".repeat(32) },
  ]);
  assert(isInternalFault(fault));
  assert(!isInternalFault(new StageError("hello", "gale:hello", new Error("clang failed"))));
  const text = await internalFaultReport("build", ["build", "dissolve.toml"], fault);
  for (
    const part of [
      "internal error",
      "bug in Dissolve",
      `Dissolve ${VERSION}`,
      `Deno ${Deno.version.deno}`,
      "dissolve.toml: sha256 ",
      `hello.component.wasm: sha256 ${"ab".repeat(32)}`,
      "--verbose",
    ]
  ) assert(text.includes(part), `${part} in:\n${text}`);
});
