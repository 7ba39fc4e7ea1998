/**
 * WIT text → {@linkcode WitWorld}, with wasm-tools (through jco) as the one
 * WIT parser: `component embed --dummy` encodes the world, the codec reads
 * it back. wasm-tools' messages through jco carry no position, so a failure
 * is located here: a name the message quotes is found in the text; a syntax
 * error is found by parsing ever longer prefixes of the text until the
 * same message comes back, which happens first just past the bad token.
 *
 * @module
 */
import { componentEmbed } from "@bytecodealliance/jco-transpile/wasm-tools";
import { decodeModule } from "../../../wasm/module/mod.ts";
import { readWorld, WitUnsupportedError, type WitWorld } from "../../../wasm/wit/mod.ts";
import { BindgenError } from "./errors.ts";

async function embed(source: string, world: string): Promise<Uint8Array> {
  return await componentEmbed({ witSource: source, world, dummy: true } as never);
}

function messageOf(e: unknown): string {
  return e instanceof Error ? e.message : String((e as { payload?: unknown })?.payload ?? e);
}

/** 1-based line and column of a character offset. */
function lineColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split("\n").length;
  return { line, column: offset - before.lastIndexOf("\n") };
}

/** Offsets just past each token (identifiers, numbers, punctuation), comments skipped. */
function tokenEnds(text: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  const re = /\/\/[^\n]*|\/\*[\s\S]*?\*\/|(%?[A-Za-z_][\w-]*|\d+|->|\S)/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m[1] !== undefined) out.push({ start: m.index, end: m.index + m[0].length });
  }
  return out;
}

/** The first place the quoted name appears as a token, outside comments. */
function findName(text: string, name: string): number | undefined {
  return tokenEnds(text).find((t) => {
    const tok = text.slice(t.start, t.end).replace(/^%/, "");
    return tok === name;
  })?.start;
}

/** The token that ends the shortest prefix of `text` failing with `message`. */
async function findSyntaxError(
  text: string,
  world: string,
  message: string,
): Promise<number | undefined> {
  const tokens = tokenEnds(text);
  const failsSame = async (i: number) => {
    try {
      await embed(text.slice(0, tokens[i].end), world);
      return false;
    } catch (e) {
      return messageOf(e) === message;
    }
  };
  let lo = 0, hi = tokens.length - 1;
  if (hi < 0 || !(await failsSame(hi))) return undefined;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (await failsSame(mid)) hi = mid;
    else lo = mid + 1;
  }
  return tokens[lo].start;
}

/**
 * Parses `text` (the WIT file `file`) and resolves `world`.
 *
 * @example
 * ```ts
 * import { loadWorld } from "./wit.ts";
 * const text = await Deno.readTextFile("examples/kernel/kernel.wit");
 * const world = await loadWorld(text, "kernel.wit", "app");
 * console.log(world.items.length); // 4
 * ```
 */
export async function loadWorld(text: string, file: string, world: string): Promise<WitWorld> {
  let dummy: Uint8Array;
  try {
    dummy = await embed(text, world);
  } catch (e) {
    const message = messageOf(e);
    if (/^World `[^`]*` not found/i.test(message)) {
      throw new BindgenError(`${file}: ${message}: set \`world\` to one the file declares`);
    }
    const quoted = /`([^`]+)`/.exec(message)?.[1];
    const at = (quoted !== undefined ? findName(text, quoted) : undefined) ??
      await findSyntaxError(text, world, message);
    if (at === undefined) throw new BindgenError(`${file}: ${message}`);
    throw new BindgenError(message, { file, ...lineColumn(text, at) });
  }
  const section = decodeModule(dummy).sections.find((s) =>
    s.id === "custom" && s.name.startsWith("component-type")
  ) as { data: Uint8Array } | undefined;
  if (!section) throw new BindgenError(`${file}: wasm-tools encoded no world for \`${world}\``);
  try {
    return readWorld(section.data);
  } catch (e) {
    if (!(e instanceof WitUnsupportedError)) throw e;
    const at = findName(text, e.keyword ?? e.where.replace(/^.*[#/]/, ""));
    const where = at === undefined ? undefined : { file, ...lineColumn(text, at) };
    throw new BindgenError(`${e.message}`, where, "unsupported");
  }
}
