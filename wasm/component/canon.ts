/**
 * `canon` definitions: lift, lower, the resource built-ins, and the async /
 * thread built-ins (decoded generically from a table of immediates so they
 * round-trip; the fuse stage rejects them by name).
 *
 * @module
 */
import type { BinaryReader } from "../reader.ts";
import type { BinaryWriter } from "../writer.ts";
import type { Canon, CanonOpt } from "./model.ts";
import { readResultList, writeResultList } from "./types.ts";

/**
 * Immediates per built-in opcode: `u` = u32 index, `b` = a flag byte
 * (async? / cancel? / shared?), `v` = a core value type byte, `o` = canon
 * options, `r` = a result list.
 */
const BUILTINS: Record<number, [string, string]> = {
  0x05: ["task.cancel", ""],
  0x06: ["subtask.cancel", "b"],
  0x09: ["task.return", "ro"],
  0x0a: ["context.get", "vu"],
  0x0b: ["context.set", "vu"],
  0x0c: ["thread.yield", "b"],
  0x0d: ["subtask.drop", ""],
  0x0e: ["stream.new", "u"],
  0x0f: ["stream.read", "uo"],
  0x10: ["stream.write", "uo"],
  0x11: ["stream.cancel-read", "ub"],
  0x12: ["stream.cancel-write", "ub"],
  0x13: ["stream.drop-readable", "u"],
  0x14: ["stream.drop-writable", "u"],
  0x15: ["future.new", "u"],
  0x16: ["future.read", "uo"],
  0x17: ["future.write", "uo"],
  0x18: ["future.cancel-read", "ub"],
  0x19: ["future.cancel-write", "ub"],
  0x1a: ["future.drop-readable", "u"],
  0x1b: ["future.drop-writable", "u"],
  0x1c: ["error-context.new", "o"],
  0x1d: ["error-context.debug-message", "o"],
  0x1e: ["error-context.drop", ""],
  0x1f: ["waitable-set.new", ""],
  0x20: ["waitable-set.wait", "bu"],
  0x21: ["waitable-set.poll", "bu"],
  0x22: ["waitable-set.drop", ""],
  0x23: ["waitable.join", ""],
  0x24: ["backpressure.inc", ""],
  0x25: ["backpressure.dec", ""],
  0x26: ["thread.index", ""],
  0x27: ["thread.new-indirect", "uu"],
  0x28: ["thread.resume-later", ""],
  0x29: ["thread.suspend", "b"],
  0x2a: ["thread.suspend-then-resume", "b"],
  0x2b: ["thread.yield-then-resume", "b"],
  0x2c: ["thread.suspend-then-promote", "b"],
  0x2d: ["thread.yield-then-promote", "b"],
  0x40: ["thread.spawn-ref", "bu"],
  0x41: ["thread.spawn-indirect", "buu"],
  0x42: ["thread.available-parallelism", "b"],
};
const BUILTIN_OPCODES: Record<string, number> = Object.fromEntries(
  Object.entries(BUILTINS).map(([k, [name]]) => [name, Number(k)]),
);

function readOpts(r: BinaryReader): CanonOpt[] {
  const n = r.count("canon option count");
  const out: CanonOpt[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const at = r.offset;
    const b = r.u8("a canon option");
    switch (b) {
      case 0x00:
        out[i] = { kind: "string-encoding", encoding: "utf8" };
        break;
      case 0x01:
        out[i] = { kind: "string-encoding", encoding: "utf16" };
        break;
      case 0x02:
        out[i] = { kind: "string-encoding", encoding: "latin1+utf16" };
        break;
      case 0x03:
        out[i] = { kind: "memory", index: r.u32("a memory index") };
        break;
      case 0x04:
        out[i] = { kind: "realloc", index: r.u32("a function index") };
        break;
      case 0x05:
        out[i] = { kind: "post-return", index: r.u32("a function index") };
        break;
      case 0x06:
        out[i] = { kind: "async" };
        break;
      case 0x07:
        out[i] = { kind: "callback", index: r.u32("a function index") };
        break;
      case 0x08:
        out[i] = { kind: "core-type", index: r.u32("a core type index") };
        break;
      case 0x09:
        out[i] = { kind: "gc" };
        break;
      default:
        r.fail("bad-value", `unknown canon option 0x${b.toString(16)} at ${at}`);
    }
  }
  return out;
}

function writeOpts(w: BinaryWriter, opts: CanonOpt[]): void {
  w.u32(opts.length);
  for (const o of opts) {
    switch (o.kind) {
      case "string-encoding":
        w.u8(o.encoding === "utf8" ? 0 : o.encoding === "utf16" ? 1 : 2);
        break;
      case "memory":
        w.u8(3).u32(o.index);
        break;
      case "realloc":
        w.u8(4).u32(o.index);
        break;
      case "post-return":
        w.u8(5).u32(o.index);
        break;
      case "async":
        w.u8(6);
        break;
      case "callback":
        w.u8(7).u32(o.index);
        break;
      case "core-type":
        w.u8(8).u32(o.index);
        break;
      case "gc":
        w.u8(9);
        break;
    }
  }
}

function expectByte(r: BinaryReader, want: number, what: string): void {
  const at = r.offset;
  const b = r.u8(what);
  if (b !== want) {
    r.fail(
      "bad-value",
      `expected 0x${want.toString(16)} (${what}) at ${at}, found 0x${b.toString(16)}`,
    );
  }
}

/** Reads one `canon`. */
export function readCanon(r: BinaryReader): Canon {
  const at = r.offset;
  const op = r.u8("a canon opcode");
  switch (op) {
    case 0x00: {
      expectByte(r, 0x00, "the func sort of canon lift");
      const coreFunc = r.u32("a core function index");
      const options = readOpts(r);
      return { kind: "lift", coreFunc, options, type: r.u32("a type index") };
    }
    case 0x01: {
      expectByte(r, 0x00, "the func sort of canon lower");
      const func = r.u32("a function index");
      return { kind: "lower", func, options: readOpts(r) };
    }
    case 0x02:
      return { kind: "resource.new", resource: r.u32("a resource type index") };
    case 0x03:
      return { kind: "resource.drop", resource: r.u32("a resource type index") };
    case 0x07:
      return { kind: "resource.drop", resource: r.u32("a resource type index"), async: true };
    case 0x04:
      return { kind: "resource.rep", resource: r.u32("a resource type index") };
  }
  const spec = BUILTINS[op];
  if (spec === undefined) r.fail("bad-value", `unknown canon opcode 0x${op.toString(16)} at ${at}`);
  const [name, imms] = spec;
  const c: Canon & { kind: "builtin" } = { kind: "builtin", name, opcode: op, immediates: [] };
  for (const k of imms) {
    if (k === "u") c.immediates.push(r.u32("a canon immediate"));
    else if (k === "v") c.immediates.push(r.u8("a core value type"));
    else if (k === "b") {
      const flagAt = r.offset;
      const b = r.u8("a flag byte");
      if (b > 1) r.fail("bad-value", `invalid boolean value 0x${b.toString(16)} at ${flagAt}`);
      c.immediates.push(b);
    } else if (k === "o") c.options = readOpts(r);
    else if (k === "r") Object.assign(c, readResultList(r));
  }
  return c;
}

/** Writes one `canon`. */
export function writeCanon(w: BinaryWriter, c: Canon): void {
  switch (c.kind) {
    case "lift":
      writeOpts(w.u8(0).u8(0).u32(c.coreFunc), c.options);
      w.u32(c.type);
      return;
    case "lower":
      writeOpts(w.u8(1).u8(0).u32(c.func), c.options);
      return;
    case "resource.new":
      w.u8(2).u32(c.resource);
      return;
    case "resource.drop":
      w.u8(c.async ? 7 : 3).u32(c.resource);
      return;
    case "resource.rep":
      w.u8(4).u32(c.resource);
      return;
    case "builtin": {
      const op = BUILTIN_OPCODES[c.name] ?? c.opcode;
      w.u8(op);
      let i = 0;
      for (const k of BUILTINS[op][1]) {
        if (k === "u") w.u32(c.immediates[i++]);
        else if (k === "b" || k === "v") w.u8(c.immediates[i++]);
        else if (k === "o") writeOpts(w, c.options ?? []);
        else if (k === "r") writeResultList(w, c);
      }
      return;
    }
  }
}
