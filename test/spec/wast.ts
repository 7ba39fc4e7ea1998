/**
 * A reader for the Component Model's `.wast` reference tests: an
 * S-expression parser (strings, `;;` and nested `(; ;)` comments) and the
 * commands and values the tests use.
 *
 * @module
 */

/** An S-expression: an atom (with its source span) or a list. */
export type SExpr =
  | { kind: "atom"; text: string; string: boolean; start: number; end: number }
  | { kind: "list"; items: SExpr[]; start: number; end: number };

/** Parses every top-level form of a `.wast` source. */
export function parseSExprs(src: string): SExpr[] {
  let i = 0;
  const skip = () => {
    for (;;) {
      while (i < src.length && /\s/.test(src[i])) i++;
      if (src.startsWith(";;", i)) {
        while (i < src.length && src[i] !== "\n") i++;
      } else if (src.startsWith("(;", i)) {
        let depth = 0;
        do {
          if (src.startsWith("(;", i)) {
            depth++;
            i += 2;
          } else if (src.startsWith(";)", i)) {
            depth--;
            i += 2;
          } else i++;
        } while (depth > 0 && i < src.length);
      } else return;
    }
  };
  const read = (): SExpr => {
    skip();
    const start = i;
    if (src[i] === "(") {
      i++;
      const items: SExpr[] = [];
      for (;;) {
        skip();
        if (i >= src.length) throw new Error(`unterminated list starting at ${start}`);
        if (src[i] === ")") {
          i++;
          return { kind: "list", items, start, end: i };
        }
        items.push(read());
      }
    }
    if (src[i] === '"') {
      i++;
      while (src[i] !== '"') i += src[i] === "\\" ? 2 : 1;
      i++;
      return { kind: "atom", text: src.slice(start + 1, i - 1), string: true, start, end: i };
    }
    while (i < src.length && !/[\s()]/.test(src[i])) i++;
    return { kind: "atom", text: src.slice(start, i), string: false, start, end: i };
  };
  const out: SExpr[] = [];
  for (;;) {
    skip();
    if (i >= src.length) return out;
    out.push(read());
  }
}

/** Decodes a wast string literal's escapes (`\hh`, `\n`, `\u{...}`) into text. */
export function unescape(lit: string): string {
  return new TextDecoder().decode(unescapeBytes(lit));
}

/** Decodes a wast string literal's escapes into raw bytes (binary modules are written this way). */
export function unescapeBytes(lit: string): Uint8Array {
  const bytes: number[] = [];
  const enc = new TextEncoder();
  for (let i = 0; i < lit.length; i++) {
    const c = lit[i];
    if (c !== "\\") {
      // By code point: a character outside the BMP is two UTF-16 units of `lit`.
      const cp = lit.codePointAt(i)!;
      bytes.push(...enc.encode(String.fromCodePoint(cp)));
      if (cp > 0xffff) i++;
      continue;
    }
    const n = lit[++i];
    if (/[0-9a-fA-F]/.test(n) && /[0-9a-fA-F]/.test(lit[i + 1])) {
      bytes.push(parseInt(lit.slice(i, i + 2), 16));
      i++;
    } else if (n === "n") bytes.push(10);
    else if (n === "t") bytes.push(9);
    else if (n === "r") bytes.push(13);
    else if (n === "u") {
      const end = lit.indexOf("}", i);
      bytes.push(...enc.encode(String.fromCodePoint(parseInt(lit.slice(i + 2, end), 16))));
      i = end;
    } else bytes.push(n.charCodeAt(0));
  }
  return new Uint8Array(bytes);
}

/** A component-level value as the tests write it, in JS form. */
export type Value =
  | { t: "int"; type: string; v: bigint }
  | { t: "float"; type: string; v: number }
  | { t: "bool"; v: boolean }
  | { t: "char"; v: string }
  | { t: "string"; v: string }
  | { t: "list"; v: Value[] }
  | { t: "tuple"; v: Value[] }
  | { t: "record"; v: { name: string; value: Value }[] }
  | { t: "variant"; tag: string; v?: Value }
  | { t: "enum"; tag: string }
  | { t: "flags"; v: string[] }
  | { t: "option"; v?: Value }
  | { t: "result"; ok: boolean; v?: Value };

function atom(e: SExpr | undefined): string {
  if (!e || e.kind !== "atom") throw new Error("expected an atom");
  return e.text;
}

function parseNumber(text: string, float: boolean): number | bigint {
  const clean = text.replace(/_/g, "");
  if (float) {
    if (/^[+-]?nan/.test(clean)) return NaN;
    if (/^[+-]?inf/.test(clean)) return clean.startsWith("-") ? -Infinity : Infinity;
    if (/^[+-]?0x/i.test(clean)) {
      const neg = clean.startsWith("-");
      const m = /0x([0-9a-f]*)(?:\.([0-9a-f]*))?(?:p([+-]?\d+))?/i.exec(clean)!;
      const int = parseInt(m[1] || "0", 16);
      const frac = m[2] ? parseInt(m[2], 16) / 16 ** m[2].length : 0;
      const v = (int + frac) * 2 ** Number(m[3] ?? 0);
      return neg ? -v : v;
    }
    return Number(clean);
  }
  const neg = clean.startsWith("-");
  const body = clean.replace(/^[+-]/, "");
  const v = BigInt(body);
  return neg ? -v : v;
}

/** Converts a value form (`(u32.const 1)`, `(str.const "a")`, ...) into a {@linkcode Value}. */
export function parseValue(e: SExpr): Value {
  if (e.kind !== "list" || e.items.length === 0) throw new Error("expected a value form");
  return parseValueItems(e.items);
}

function parseValueItems(items: SExpr[]): Value {
  const head = atom(items[0]);
  const rest = items.slice(1);
  const m = /^([su](8|16|32|64)|f32|f64)\.const$/.exec(head);
  if (m) {
    const float = m[1].startsWith("f");
    const n = parseNumber(atom(rest[0]), float);
    return float
      ? { t: "float", type: m[1], v: n as number }
      : { t: "int", type: m[1], v: n as bigint };
  }
  switch (head) {
    case "bool.const":
      return { t: "bool", v: atom(rest[0]) === "true" };
    case "char.const":
      return { t: "char", v: unescape(atom(rest[0])) };
    case "str.const":
      return { t: "string", v: unescape(atom(rest[0])) };
    case "list.const":
      return { t: "list", v: rest.map(parseValue) };
    case "tuple.const":
      return { t: "tuple", v: rest.map(parseValue) };
    case "record.const":
      return {
        t: "record",
        v: rest.map((f) => {
          if (f.kind !== "list" || atom(f.items[0]) !== "field") {
            throw new Error("expected (field ...)");
          }
          return { name: unescape(atom(f.items[1])), value: parseValueItems(f.items.slice(2)) };
        }),
      };
    case "variant.const":
      return rest.length > 1
        ? { t: "variant", tag: unescape(atom(rest[0])), v: parseValue(rest[1]) }
        : { t: "variant", tag: unescape(atom(rest[0])) };
    case "enum.const":
      return { t: "enum", tag: unescape(atom(rest[0])) };
    case "flags.const":
      return { t: "flags", v: rest.map((x) => unescape(atom(x))) };
    case "option.none":
      return { t: "option" };
    case "option.some":
      return { t: "option", v: parseValue(rest[0]) };
    case "result.ok":
      return rest.length
        ? { t: "result", ok: true, v: parseValue(rest[0]) }
        : { t: "result", ok: true };
    case "result.err":
      return rest.length
        ? { t: "result", ok: false, v: parseValue(rest[0]) }
        : { t: "result", ok: false };
  }
  throw new Error(`unsupported value form ${head}`);
}

/** A command of a `.wast` file. */
export type Command =
  | { kind: "component"; id?: string; text: string; definition: boolean; line: number }
  | { kind: "instance"; id?: string; of: string; line: number }
  | {
    kind: "assert_return";
    instance?: string;
    name: string;
    args: Value[];
    results: Value[];
    line: number;
  }
  | {
    kind: "assert_trap";
    instance?: string;
    name?: string;
    args: Value[];
    component?: string;
    message: string;
    line: number;
  }
  | {
    kind: "assert_invalid" | "assert_malformed" | "assert_unlinkable";
    text: string;
    message: string;
    line: number;
  }
  | { kind: "invoke"; instance?: string; name: string; args: Value[]; line: number }
  | { kind: "other"; head: string; line: number };

function lineOf(src: string, at: number): number {
  let n = 1;
  for (let i = 0; i < at; i++) if (src.charCodeAt(i) === 10) n++;
  return n;
}

function parseInvoke(e: SExpr): { instance?: string; name: string; args: Value[] } {
  if (e.kind !== "list") throw new Error("expected (invoke ...)");
  let k = 1;
  let instance: string | undefined;
  const first = e.items[1];
  if (first?.kind === "atom" && !first.string && first.text.startsWith("$")) {
    instance = first.text;
    k = 2;
  }
  return { instance, name: unescape(atom(e.items[k])), args: e.items.slice(k + 1).map(parseValue) };
}

/** Splits a `.wast` source into commands. */
export function parseWast(src: string): Command[] {
  const out: Command[] = [];
  for (const e of parseSExprs(src)) {
    if (e.kind !== "list" || e.items[0]?.kind !== "atom") continue;
    const head = e.items[0].text;
    const line = lineOf(src, e.start);
    if (head === "component") {
      const second = e.items[1];
      if (second?.kind === "atom" && second.text === "instance") {
        out.push({ kind: "instance", id: atom(e.items[2]), of: atom(e.items[3]), line });
        continue;
      }
      const definition = second?.kind === "atom" && second.text === "definition";
      let text = src.slice(e.start, e.end);
      let id: string | undefined;
      const idAtom = definition ? e.items[2] : e.items[1];
      if (idAtom?.kind === "atom" && idAtom.text.startsWith("$")) id = idAtom.text;
      if (definition) text = text.replace(/^\(component\s+definition/, "(component");
      out.push({ kind: "component", id, text, definition, line });
    } else if (head === "assert_return") {
      const inv = parseInvoke(e.items[1]);
      out.push({ kind: "assert_return", ...inv, results: e.items.slice(2).map(parseValue), line });
    } else if (head === "assert_trap") {
      const target = e.items[1];
      const message = unescape(atom(e.items[2]));
      if (target.kind === "list" && atom(target.items[0]) === "invoke") {
        out.push({ kind: "assert_trap", ...parseInvoke(target), message, line });
      } else {
        out.push({
          kind: "assert_trap",
          args: [],
          component: src.slice(target.start, target.end),
          message,
          line,
        });
      }
    } else if (
      head === "assert_invalid" || head === "assert_malformed" || head === "assert_unlinkable"
    ) {
      const target = e.items[1];
      out.push({
        kind: head,
        text: src.slice(target.start, target.end),
        message: unescape(atom(e.items[2])),
        line,
      });
    } else if (head === "invoke") {
      out.push({ kind: "invoke", ...parseInvoke(e), line });
    } else {
      out.push({ kind: "other", head, line });
    }
  }
  return out;
}
