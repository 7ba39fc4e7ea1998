/**
 * Boards declared in a pipeline file, next to the built-in ones:
 *
 * ```toml
 * [board.my-f4]
 * cpu = "cortex-m4"
 * fpu = "fpv4-sp-d16"
 * float-abi = "hard"
 * flash = { origin = 0x08000000, size = "512K" }
 * ram = { origin = 0x20000000, size = "128K" }
 * qemu-machine = "netduinoplus2"   # optional: without it the firmware is built, not booted
 * ```
 *
 * Every error names the file and line, the key path and what is allowed:
 * an unknown CPU, an FPU the CPU does not have, a size that is not one,
 * flash and RAM that overlap or leave the 32-bit address space.
 *
 * @module
 */
import type { Board } from "../stages/types.ts";
import { boardNamed, BOARDS, CPUS, declaredBoard } from "../stages/synth/mod.ts";
import { PipelineError } from "./errors.ts";

const KEYS = ["cpu", "fpu", "float-abi", "flash", "ram", "qemu-machine"];
const FLOAT_ABIS = ["soft", "softfp", "hard"];
const REGION_KEYS = ["origin", "size"];

/** The line a key path starts on in the TOML text (1-based), or undefined. */
function lineOf(text: string | undefined, board: string, key?: string): number | undefined {
  if (text === undefined) return undefined;
  const lines = text.split("\n");
  const header = new RegExp(
    `^\\s*\\[\\s*board\\s*\\.\\s*"?${board.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}"?\\s*\\]`,
  );
  const start = lines.findIndex((l) => header.test(l));
  if (start < 0) return undefined;
  if (key === undefined) return start + 1;
  for (let i = start + 1; i < lines.length && !/^\s*\[/.test(lines[i]); i++) {
    if (new RegExp(`^\\s*"?${key}"?\\s*=`).test(lines[i])) return i + 1;
  }
  return start + 1;
}

/**
 * A size in bytes: an integer, or a string such as `"512K"`, `"128 KiB"`,
 * `"2M"`; undefined when it is neither.
 *
 * @example
 * ```ts
 * import { parseSize } from "./boards.ts";
 * console.log(parseSize("512K"), parseSize(4096), parseSize("lots")); // 524288 4096 undefined
 * ```
 */
export function parseSize(v: unknown): number | undefined {
  if (typeof v === "number") return Number.isInteger(v) && v >= 0 ? v : undefined;
  if (typeof v !== "string") return undefined;
  const m = /^\s*(\d+)\s*(?:([KkMm])(?:i?B)?|B)?\s*$/.exec(v);
  if (!m) return undefined;
  const unit = m[2]?.toUpperCase();
  return Number(m[1]) * (unit === "K" ? 1024 : unit === "M" ? 1024 * 1024 : 1);
}

/**
 * Validates the `board` table of a pipeline file and returns each declared
 * board's profile. `text`, when given, lets errors name the line.
 *
 * @example
 * ```ts
 * import { declaredBoards } from "./boards.ts";
 * const boards = declaredBoards("dissolve.toml", { "my-f4": { cpu: "cortex-m4", fpu: "fpv4-sp-d16",
 *   flash: { origin: 0x08000000, size: "512K" }, ram: { origin: 0x20000000, size: "128K" } } });
 * console.log(boards["my-f4"].ram.size); // 131072
 * ```
 */
export function declaredBoards(
  file: string,
  raw: unknown,
  text?: string,
): Record<string, Board> {
  const out: Record<string, Board> = {};
  if (raw === undefined) return out;
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) {
    throw new PipelineError(file, "board", "must be tables: write [board.NAME]");
  }
  for (const [name, table] of Object.entries(raw as Record<string, unknown>)) {
    const fail = (key: string | undefined, problem: string): never => {
      const line = lineOf(text, name, key?.split(".")[0]);
      throw new PipelineError(
        line === undefined ? file : `${file}:${line}`,
        `board.${name}${key ? `.${key}` : ""}`,
        problem,
      );
    };
    if (!/^[a-z0-9][a-z0-9._-]*$/.test(name)) {
      fail(undefined, `"${name}" is not a board name: lowercase letters, digits, ., - and _`);
    }
    if (name in BOARDS) {
      fail(undefined, `"${name}" is a built-in board; give yours another name`);
    }
    if (typeof table !== "object" || table === null || Array.isArray(table)) {
      fail(undefined, "must be a table: write [board.NAME] and its keys below it");
    }
    const t = table as Record<string, unknown>;
    for (const key of Object.keys(t)) {
      if (!KEYS.includes(key)) fail(key, `unknown key; allowed: ${KEYS.join(", ")}`);
    }
    const cpu = t.cpu;
    if (typeof cpu !== "string") {
      fail("cpu", `is required: one of ${Object.keys(CPUS).join(", ")}`);
    }
    const core = CPUS[cpu as string];
    if (!core) {
      fail(
        "cpu",
        `"${cpu}" is not a CPU Dissolve builds for; allowed: ${Object.keys(CPUS).join(", ")}`,
      );
    }
    const fpu = t.fpu;
    if (fpu !== undefined && (typeof fpu !== "string" || !core.fpus.includes(fpu))) {
      fail(
        "fpu",
        core.fpus.length === 0
          ? `${cpu} has no FPU; drop fpu (and float-abi)`
          : `"${fpu}" is not an FPU of ${cpu}; allowed: ${core.fpus.join(", ")}`,
      );
    }
    const abi = t["float-abi"];
    if (abi !== undefined && (typeof abi !== "string" || !FLOAT_ABIS.includes(abi))) {
      fail("float-abi", `"${abi}" is not allowed; allowed: ${FLOAT_ABIS.join(", ")}`);
    }
    if (abi !== undefined && abi !== "soft" && fpu === undefined) {
      fail("float-abi", `"${abi}" needs an FPU: name it with fpu, or use "soft"`);
    }
    const region = (key: "flash" | "ram") => {
      const r = t[key];
      if (typeof r !== "object" || r === null || Array.isArray(r)) {
        return fail(key, 'is required: a table such as { origin = 0x20000000, size = "128K" }');
      }
      const o = r as Record<string, unknown>;
      for (const k of Object.keys(o)) {
        if (!REGION_KEYS.includes(k)) fail(`${key}.${k}`, "unknown key; allowed: origin, size");
      }
      const origin = o.origin;
      if (typeof origin !== "number" || !Number.isInteger(origin) || origin < 0) {
        fail(`${key}.origin`, "must be a non-negative integer address (such as 0x20000000)");
      }
      const size = parseSize(o.size);
      if (size === undefined || size === 0) {
        fail(
          `${key}.size`,
          `must be a size in bytes, or a string such as "128K" or "1M" (found ${
            JSON.stringify(o.size)
          })`,
        );
      }
      if ((origin as number) + size! > 2 ** 32) {
        fail(`${key}.size`, "the region ends above the 32-bit address space");
      }
      return { origin: origin as number, size: size! };
    };
    const flash = region("flash"), ram = region("ram");
    if (flash.origin < ram.origin + ram.size && ram.origin < flash.origin + flash.size) {
      fail(
        "ram",
        `[0x${ram.origin.toString(16)}, 0x${(ram.origin + ram.size).toString(16)}) overlaps ` +
          `flash [0x${flash.origin.toString(16)}, 0x${(flash.origin + flash.size).toString(16)})`,
      );
    }
    const machine = t["qemu-machine"];
    if (machine !== undefined && typeof machine !== "string") {
      fail(
        "qemu-machine",
        `must be a string (a machine of \`${
          core.arch === "arm" ? "qemu-system-arm" : "qemu-system-riscv32"
        } -M help\`)`,
      );
    }
    out[name] = declaredBoard(name, {
      cpu: cpu as string,
      ...(fpu ? { fpu: fpu as string } : {}),
      ...(abi ? { floatAbi: abi as "soft" | "softfp" | "hard" } : {}),
      flash,
      ram,
      ...(machine ? { qemuMachine: machine as string } : {}),
    });
  }
  return out;
}

/**
 * The profile of `board` in `p`: declared in the file, or built in.
 *
 * @example
 * ```ts
 * import { boardProfile } from "./boards.ts";
 * console.log(boardProfile({}, "sifive_e").arch); // "riscv32"
 * ```
 */
export function boardProfile(p: { boards?: Record<string, Board> }, board: string): Board {
  return p.boards?.[board] ?? boardNamed(board);
}
