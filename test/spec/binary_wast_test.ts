/**
 * The Component Model's binary-format reference tests
 * (../shared/component-model/test/binary/binary.wast), where they apply to
 * a decoder: every `(component binary ...)` must decode and re-encode
 * byte-exact; every `(assert_malformed (component binary ...))` must be
 * rejected with a typed error. Malformations that only a validator catches
 * would be counted separately, but today every one is a decode-level error.
 */
import { REFERENCE_TESTS, referenceTest } from "../support/reference_tests.ts";
import { assert, assertEquals } from "../support/assert.ts";
import { decodeWasm, encodeWasm, WasmDecodeError } from "../../wasm/mod.ts";
import { unescapeBytes } from "./wast.ts";

const FILE = `${REFERENCE_TESTS}binary/binary.wast`;

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
      bytes.push(...unescapeBytes(noComments.slice(i + 1, j)));
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

referenceTest(
  "binary.wast: valid binaries decode and round-trip; malformed ones are rejected",
  async () => {
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
  },
);
