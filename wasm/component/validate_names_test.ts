import { assert, assertEquals } from "../../test/support/assert.ts";
import { externNameError, labelError, uniquenessKey, validateNames } from "./validate_names.ts";
import type { Component } from "./model.ts";

Deno.test("names: labels are kebab case (words or acronyms, the first starting with a letter)", () => {
  for (
    const ok of ["a", "a-b-c", "a1-2-3", "A", "A-B-C", "A1-2-3", "a11-w0rds", "m1x3d-4CR0NYMS"]
  ) {
    assertEquals(labelError(ok), undefined, ok);
  }
  for (const bad of ["", "1-2-3", "aBc", "a--b", "a-", "-a", "a_b", "Ab"]) {
    assert(labelError(bad) !== undefined, bad);
  }
});

Deno.test("names: extern names are labels, annotated labels or interface names with a semver", () => {
  for (
    const ok of [
      "custom-hook",
      "[constructor]a",
      "[method]a.b",
      "[static]a.b",
      "wasi:http/types",
      "wasi:http/types@0.2.0",
      "a:b/c@0.0.0-abcd.1.2+efg.4.ee.5",
    ]
  ) {
    assertEquals(externNameError(ok), undefined, ok);
  }
  for (
    const bad of [
      "[constructor]",
      "[method]a",
      "[method]a.b.c",
      "[foo]a",
      "a:b/c@",
      "a:b/c@1.",
      "a:b/c@2.0x0",
      "a:b/c@2.0.0+",
      "foo:bar:baz/qux",
      "foo:bar/baz/qux",
    ]
  ) {
    assert(externNameError(bad) !== undefined, bad);
  }
});

Deno.test("names: strong uniqueness folds case and [method] / [static] annotations", () => {
  assertEquals(uniquenessKey("FOO"), uniquenessKey("foo"));
  assertEquals(uniquenessKey("[method]foo.foo"), "foo");
  assertEquals(uniquenessKey("[static]foo.bar"), uniquenessKey("[method]foo.bar"));
  assert(uniquenessKey("[constructor]foo") !== uniquenessKey("foo"));
});

Deno.test("names: a component's names are checked in every scope, with where", () => {
  const func = { kind: "func" as const, type: 0 };
  const c = (names: string[]): Component => ({
    kind: "component",
    sections: [{ id: "import", imports: names.map((name) => ({ name: { name }, desc: func })) }],
  });
  assertEquals(validateNames(c(["a", "b-c", "wasi:x/y"]), "app"), undefined);
  const dup = validateNames(c(["foo", "FOO"]), "app");
  assert(dup?.message.includes("conflicts") && dup.where.includes('"FOO"'), JSON.stringify(dup));
  const method = validateNames(c(["[method]r.m"]), "app");
  assert(method?.message.includes("resource"), JSON.stringify(method));
});

Deno.test("names: a core module in a component imports each module / field pair once", () => {
  const imp = (field: string) => ({
    module: "",
    field,
    desc: { kind: "func" as const, type: 0 },
  });
  const c = (fields: string[]): Component => ({
    kind: "component",
    sections: [{
      id: "core module",
      module: { kind: "module", sections: [{ id: "import", imports: fields.map(imp) }] },
    }],
  } as unknown as Component);
  assertEquals(validateNames(c(["a", "b"]), "app"), undefined);
  assert(validateNames(c(["a", "a"]), "app")?.message.includes("duplicate import"));
});
