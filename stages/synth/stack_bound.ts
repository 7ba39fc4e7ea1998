/**
 * The native stack's worst case, proven at build time: the deepest call
 * chain from the reset path, each function counted with its frame.
 *
 * Frames and call edges of the code gcc compiled come from gcc itself
 * (`-fcallgraph-info=su`, written per LTO partition beside the ELF): every
 * function's static frame, and whether it is dynamic (`alloca`), and every
 * call it makes. Functions gcc did not compile (newlib's `memcpy`, libgcc's
 * division helpers) appear there as external nodes; their frames and calls
 * are read from the linked ELF's code: on Cortex-M every `push`, `vpush` and
 * `sub sp` counted (a bound, even with several paths), and every `bl` to a
 * function symbol followed; on RV32 every `addi sp` and `jal` (`frame_riscv.ts`).
 *
 * The result is a bound, not a measurement: it holds for any input. A cycle
 * (recursion), a dynamic frame or an indirect call whose targets are not
 * known makes the stack unbounded, and the reason names the chain.
 *
 * @module
 */
import { type ElfFile, EM_RISCV } from "./elf.ts";
import { functionCode, type FunctionIndex, indexFunctions } from "./function_index.ts";
import { riscvFrame } from "./frame_riscv.ts";
import type { StackBound } from "../../wasm/module/mod.ts";

export type { StackBound };

interface Node {
  name: string;
  bytes: number;
  /** `dynamic` frames (alloca, VLAs) have no static size. */
  dynamic: boolean;
  callees: Set<string>;
}

/**
 * The graph gcc wrote: VCG nodes and edges from `-fcallgraph-info=su` files.
 *
 * @example
 * ```ts
 * import { parseCallgraphInfo } from "./stack_bound.ts";
 * const ci = 'node: { title: "f" label: "f\\nf.c:1:5\\n24 bytes (static)" }\n' +
 *   'edge: { sourcename: "f" targetname: "memcpy" }\n';
 * console.log(parseCallgraphInfo([ci]).get("f")); // bytes 24, callees { "memcpy" }
 * ```
 */
export function parseCallgraphInfo(texts: string[]): Map<string, Node & { external: boolean }> {
  const nodes = new Map<string, Node & { external: boolean }>();
  const node = (title: string) => {
    let n = nodes.get(title);
    if (!n) {
      n = { name: title, bytes: 0, dynamic: false, callees: new Set(), external: true };
      nodes.set(title, n);
    }
    return n;
  };
  for (const text of texts) {
    for (const line of text.split("\n")) {
      const n = /^node: \{ title: "([^"]+)" label: "([^"]*)"/.exec(line);
      if (n) {
        const entry = node(n[1]);
        entry.name = n[2].split("\\n")[0];
        const su = /\\n(\d+) bytes \(([^)]*)\)/.exec(n[2]);
        if (su) {
          entry.external = false;
          entry.bytes = Number(su[1]);
          entry.dynamic = su[2].includes("dynamic") && !su[2].includes("bounded");
        }
        continue;
      }
      const e = /^edge: \{ sourcename: "([^"]+)" targetname: "([^"]+)"/.exec(line);
      if (e) node(e[1]).callees.add(e[2]);
    }
  }
  return nodes;
}

/** Halfwords of a 32-bit Thumb-2 instruction start with 0b11101, 0b11110 or 0b11111. */
function wide(h: number): boolean {
  return (h & 0xf800) >= 0xe800;
}

function popcount(x: number): number {
  let n = 0;
  for (; x; x &= x - 1) n++;
  return n;
}

/**
 * A function's frame and calls, read from its Thumb code in the ELF: the
 * sum of every stack push and `sub sp` (an over-approximation when paths
 * differ), and the targets of every `bl`.
 *
 * @example
 * ```ts
 * import { thumbFrame } from "./stack_bound.ts";
 * import { parseElf } from "./elf.ts";
 * const bytes = await Deno.readFile("build/hello/lm3s6965evb/firmware.elf");
 * console.log(thumbFrame(bytes, parseElf(bytes), "dissolve_reset")); // { bytes, callees, indirect }
 * ```
 */
export function thumbFrame(
  bytes: Uint8Array,
  elf: ElfFile,
  name: string,
  index: FunctionIndex = indexFunctions(elf),
): { bytes: number; callees: string[]; indirect: boolean } | undefined {
  const code = functionCode(bytes, elf, name, index);
  if (!code) return undefined;
  const f = { addr: code.addr, size: code.size }, dv = code.view;
  const byAddr = index.byAddr;
  let frame = 0, indirect = false;
  const callees: string[] = [];
  for (let i = 0; i + 2 <= f.size;) {
    const h = dv.getUint16(i, true);
    if (wide(h) && i + 4 <= f.size) {
      const h2 = dv.getUint16(i + 2, true);
      if (h === 0xe92d) frame += 4 * popcount(h2 & 0x5fff); // push.w {…}
      else if (h === 0xf84d && (h2 & 0x0f00) === 0x0d00) frame += h2 & 0xff; // str rX, [sp, #-n]!
      else if (h === 0xe96d) frame += 4 * (h2 & 0xff); // strd rX, rY, [sp, #-n]!
      else if ((h & 0xffbf) === 0xed2d) frame += 4 * (h2 & 0xff); // vpush {…}
      else if ((h & 0xfbef) === 0xf1ad && (h2 & 0x0f00) === 0x0d00) { // sub.w sp, sp, #imm
        frame += thumbExpandImm(((h >> 10) & 1) << 11 | ((h2 >> 12) & 7) << 8 | (h2 & 0xff));
      } else if ((h & 0xfbff) === 0xf2ad && (h2 & 0x0f00) === 0x0d00) { // subw sp, sp, #imm12
        frame += ((h >> 10) & 1) << 11 | ((h2 >> 12) & 7) << 8 | (h2 & 0xff);
      } else if ((h & 0xf800) === 0xf000 && (h2 & 0x9000) === 0x9000) { // bl, b.w (a tail call)
        const s = (h >> 10) & 1, j1 = (h2 >> 13) & 1, j2 = (h2 >> 11) & 1;
        const i1 = 1 - (j1 ^ s), i2 = 1 - (j2 ^ s);
        let off = (s << 24) | (i1 << 23) | (i2 << 22) | ((h & 0x3ff) << 12) | ((h2 & 0x7ff) << 1);
        if (s) off -= 1 << 25;
        const target = byAddr.get(f.addr + i + 4 + off);
        if (target !== undefined && target !== name) callees.push(target);
      }
      i += 4;
      continue;
    }
    if ((h & 0xfe00) === 0xb400) frame += 4 * (popcount(h & 0xff) + ((h >> 8) & 1)); // push
    else if ((h & 0xff80) === 0xb080) frame += 4 * (h & 0x7f); // sub sp, #imm7*4
    else if ((h & 0xff87) === 0x4780) indirect = true; // blx rN
    else if ((h & 0xf800) === 0xe000) { // b (16-bit): a tail call when it lands on a function
      const off = ((h & 0x7ff) << 21) >> 20;
      const target = byAddr.get(f.addr + i + 4 + off);
      if (target !== undefined && target !== name) callees.push(target);
    }
    i += 2;
  }
  return { bytes: frame, callees, indirect };
}

/** ThumbExpandImm for the immediates `sub.w sp` takes. */
function thumbExpandImm(imm12: number): number {
  if ((imm12 >> 10) === 0) {
    const b = imm12 & 0xff;
    switch ((imm12 >> 8) & 3) {
      case 0:
        return b;
      case 1:
        return (b << 16) | b;
      case 2:
        return ((b << 24) | (b << 8)) >>> 0;
      default:
        return ((b << 24) | (b << 16) | (b << 8) | b) >>> 0;
    }
  }
  const unrotated = 0x80 | (imm12 & 0x7f);
  const rot = imm12 >> 7;
  return ((unrotated >>> rot) | (unrotated << (32 - rot))) >>> 0;
}

/** gcc's name for an indirect call's target in `-fcallgraph-info`. */
const INDIRECT = "__indirect_call";

/**
 * The native stack's bound from `root` (the reset path: `dissolve_reset`,
 * which the naked `Reset_Handler` enters with nothing on the stack).
 *
 * @example
 * ```ts
 * import { nativeStackBound } from "./stack_bound.ts";
 * import { parseElf } from "./elf.ts";
 * const ci = 'node: { title: "main" label: "main\\nmain.c:1:5\\n16 bytes (static)" }\n';
 * const elf = parseElf(await Deno.readFile("build/hello/lm3s6965evb/firmware.elf"));
 * console.log(nativeStackBound([ci], new Uint8Array(), elf, "main").bytes); // 16
 * ```
 */
export function nativeStackBound(
  callgraphInfo: string[],
  elfBytes: Uint8Array,
  elf: ElfFile,
  root = "dissolve_reset",
): StackBound {
  const nodes = parseCallgraphInfo(callgraphInfo);
  const index = indexFunctions(elf);
  const frameOf = elf.machine === EM_RISCV ? riscvFrame : thumbFrame;
  // gcc's graph misses calls it emits late (libm and libgcc helpers a builtin expands to), and
  // knows nothing of library code: every function's calls are also read from the linked ELF's
  // branches, and a library function's frame from its pushes.
  const bySymbol = new Map<string, string>();
  for (const title of nodes.keys()) bySymbol.set(title.replace(/^.*:/, ""), title);
  const pending = [...nodes.keys()].filter((title) => title !== INDIRECT);
  const seen = new Set<string>();
  while (pending.length > 0) {
    const title = pending.pop()!;
    if (seen.has(title)) continue;
    seen.add(title);
    const n = nodes.get(title)!;
    // By the node's title: the linked symbol (`memcpy`), where the label says `__builtin_memcpy`.
    const t = frameOf(elfBytes, elf, title.replace(/^.*:/, ""), index) ??
      (n.external ? frameOf(elfBytes, elf, n.name, index) : undefined);
    if (!t) continue; // not linked in: a call gcc dropped or inlined
    if (n.external) n.bytes = t.bytes;
    if (t.indirect) n.callees.add(INDIRECT);
    for (const c of t.callees) {
      let callee = bySymbol.get(c);
      if (callee === undefined) {
        callee = c;
        bySymbol.set(c, c);
        nodes.set(c, { name: c, bytes: 0, dynamic: false, callees: new Set(), external: true });
      }
      n.callees.add(callee);
      pending.push(callee);
    }
  }
  const memo = new Map<string, StackBound>();
  const onPath: string[] = [];
  const walk = (title: string): StackBound => {
    const done = memo.get(title);
    if (done) return done;
    const n = nodes.get(title);
    const name = n?.name ?? title;
    const cycleAt = onPath.indexOf(title);
    if (cycleAt >= 0) {
      const cycle = [...onPath.slice(cycleAt), title].map((t) => nodes.get(t)?.name ?? t);
      return { bytes: 0, chain: [], unbounded: `recursion ${cycle.join(" → ")}` };
    }
    if (title === INDIRECT) {
      return { bytes: 0, chain: [], unbounded: "an indirect call (its targets are not known)" };
    }
    if (!n) return { bytes: 0, chain: [name] };
    onPath.push(title);
    let deepest: StackBound = { bytes: 0, chain: [] };
    let unbounded = n.dynamic ? `a dynamic frame in ${name}` : undefined;
    for (const c of n.callees) {
      const b = walk(c);
      unbounded ??= b.unbounded && `${b.unbounded}, reached from ${name}`;
      if (b.bytes > deepest.bytes || deepest.chain.length === 0) deepest = b;
    }
    onPath.pop();
    const result: StackBound = {
      bytes: n.bytes + deepest.bytes,
      chain: [name, ...deepest.chain],
      ...(unbounded ? { unbounded } : {}),
    };
    if (!unbounded) memo.set(title, result);
    return result;
  };
  return walk(root);
}

/**
 * The bound as the synth stage line and size.json say it: `≤ 312 B`, or
 * `unbounded: recursion f → g → f`.
 *
 * @example
 * ```ts
 * import { describeBound } from "./stack_bound.ts";
 * console.log(describeBound({ bytes: 312, chain: ["dissolve_reset", "w2c_f3"] })); // "≤ 312 B"
 * ```
 */
export function describeBound(b: StackBound): string {
  return b.unbounded ? `unbounded: ${b.unbounded}` : `≤ ${b.bytes} B`;
}
