/**
 * The Component Model's binary-format reference tests
 * (../shared/component-model/test/binary/binary.wast), where they apply to
 * a decoder: every `(component binary ...)` must decode and re-encode
 * byte-exact; every `(assert_malformed (component binary ...))` must be
 * rejected with a typed error. Malformations that only a validator catches
 * would be counted separately, but today every one is a decode-level error.
 */
import { assert, assertEquals } from "../support/assert.ts";
import { decodeWasm, encodeWasm, WasmDecodeError } from "../../wasm/mod.ts";

const FILE = new URL("../../../shared/component-model/test/binary/binary.wast", import.meta.url);

/** Decodes a wast string literal's escapes into bytes. */
function stringBytes(lit: string): number[] {
  const out: number[] = [];
  const enc = new TextEncoder();
  for (let i = 0; i < lit.length; i++) {
    const c = lit[i];
    if (c !== "\\") {
      out.push(...enc.encode(c));
      continue;
    }
    const n = lit[++i];
    if (/[0-9a-fA-F]/.test(n) && /[0-9a-fA-F]/.test(lit[i + 1])) {
      out.push(parseInt(lit.slice(i, i + 2), 16));
      i++;
    } else if (n === "n") out.push(10);
    else if (n === "t") out.push(9);
    else if (n === "u") {
      const end = lit.indexOf("}", i);
      out.push(...enc.encode(String.fromCodePoint(parseInt(lit.slice(i + 2, end), 16))));
      i = end;
    } else out.push(n.charCodeAt(0));
  }
  return out;
}

/** Every `(component [$id] binary "..."...)` form with whether it sits in an assert_malformed. */
function binaryForms(text: string): { bytes: Uint8Array; malformed: boolean; line: number }[] {
  const noComments = text.replace(/;;[^\n]*/g, (m) => " ".repeat(m.length));
  const out: { bytes: Uint8Array; malformed: boolean; line: number }[] = [];
  const re = /\(component(?:\s+\$\S+)?\s+binary/g;
  for (let m = re.exec(noComments); m; m = re.exec(noComments)) {
    let i = m.index + m[0].length;
    const bytes: number[] = [];
    for (;;) {
      while (/\s/.test(noComments[i])) i++;
      if (noComments[i] !== '"') break;
      let j = i + 1;
      while (noComments[j] !== '"') j += noComments[j] === "\\" ? 2 : 1;
      bytes.push(...stringBytes(noComments.slice(i + 1, j)));
      i = j + 1;
    }
    const before = noComments.slice(0, m.index).trimEnd();
    out.push({
      bytes: new Uint8Array(bytes),
      malformed: /\(assert_malformed$/.test(before),
      line: noComments.slice(0, m.index).split("\n").length,
    });
  }
  return out;
}

Deno.test("binary.wast: valid binaries decode and round-trip; malformed ones are rejected", async () => {
  const forms = binaryForms(await Deno.readTextFile(FILE));
  assert(forms.length > 50, `found ${forms.length} binary forms`);
  let valid = 0, rejected = 0;
  const lenient: number[] = [];
  for (const f of forms) {
    if (!f.malformed) {
      const model = decodeWasm(f.bytes);
      assertEquals(encodeWasm(model), f.bytes, `line ${f.line}`);
      valid++;
      continue;
    }
    try {
      decodeWasm(f.bytes);
      lenient.push(f.line);
    } catch (e) {
      if (!(e instanceof WasmDecodeError)) throw new Error(`line ${f.line}: untyped error ${e}`);
      rejected++;
    }
  }
  console.log(
    `binary.wast: ${valid} valid decoded, ${rejected} malformed rejected, ${lenient.length} accepted by the decoder (validation-level) at lines ${
      lenient.join(", ")
    }`,
  );
  assertEquals(lenient, [], "every assert_malformed binary is rejected");
  assert(rejected > 60 && valid > 40);
});
