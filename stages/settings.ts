/**
 * Settings declared once. Each stage describes its pipeline-file table
 * (`[fuse]`, `[synth]`, …) as one object of settings built with the
 * functions here: the key as written in `dissolve.toml`, its kind, what is
 * allowed, its default and one line of documentation. Everything else is
 * derived from that object:
 *
 * - the TOML validation with key paths (`pipeline/schema.ts`, `readTable`);
 * - the normalized TypeScript type (`Values`: camelCase keys, defaults
 *   filled in) and the type `definePipeline` takes (`Input`: the file's
 *   keys, optional where there is a default);
 * - the defaults, which the CLI reads too;
 * - the README's settings table (`settingsTable`, checked by a test).
 *
 * @example
 * ```ts
 * import { integer, oneOf, readTable, type Values } from "./settings.ts";
 * const LOOM = { tool: oneOf(["binaryen", "none"], "binaryen", "the optimizer"),
 *   level: integer("optimization level", { min: 0, default: 2 }) };
 * const loom: Values<typeof LOOM> = readTable("loom", { tool: "none" }, LOOM);
 * console.log(loom); // { tool: "none", level: 2 }
 * ```
 *
 * @module
 */

/** What a setting holds in the file. */
export type Kind = "string" | "integer" | "boolean" | "string[]";

/**
 * One setting. `T` is its value's type; `Filled` says whether a normalized
 * table always has it (required, or with a default). The two type
 * parameters exist for the derived types only.
 */
export interface Setting<
  T = unknown,
  Filled extends boolean = boolean,
  Required extends boolean = boolean,
> {
  kind: Kind;
  /** One line for the README's table. */
  doc: string;
  required?: boolean;
  /** The values a string (or each string of a list) may take. */
  oneOf?: readonly string[];
  /** The smallest integer allowed. */
  min?: number;
  /** A path (or paths) to a file of the project, checked to exist. */
  file?: boolean;
  default?: T;
  /** What the README says of a default the code computes (`1024; 4096 with libc = "wasi"`). */
  defaultDoc?: string;
  /** Type-level only: never set. */
  readonly _value?: T;
  readonly _filled?: Filled;
  readonly _required?: Required;
}

/** A table of settings by their key in the file. */
export type Settings = Record<string, Setting<unknown, boolean, boolean>>;

/** `entry-result` → `entryResult`. */
export type CamelCase<S extends string> = S extends `${infer A}-${infer B}`
  ? `${A}${Capitalize<CamelCase<B>>}`
  : S;

type ValueOf<S> = S extends Setting<infer T, boolean, boolean> ? T : never;

/** A normalized table: camelCase keys, defaults filled in, optional where there is none. */
export type Values<S extends Settings> =
  & {
    -readonly [
      K in keyof S as S[K] extends Setting<unknown, true, boolean> ? CamelCase<K & string> : never
    ]: ValueOf<S[K]>;
  }
  & {
    -readonly [
      K in keyof S as S[K] extends Setting<unknown, true, boolean> ? never : CamelCase<K & string>
    ]?: ValueOf<S[K]>;
  };

/** A table as written (in the file or to `definePipeline`): required keys, the rest optional. */
export type Input<S extends Settings> =
  & {
    -readonly [K in keyof S as S[K] extends Setting<unknown, boolean, true> ? K : never]: ValueOf<
      S[K]
    >;
  }
  & {
    -readonly [K in keyof S as S[K] extends Setting<unknown, boolean, true> ? never : K]?: ValueOf<
      S[K]
    >;
  };

type Common = { required?: boolean; file?: boolean; defaultDoc?: string };

/**
 * A string setting.
 *
 * @example
 * ```ts
 * import { string } from "./settings.ts";
 * console.log(string("the world", { required: true }).kind); // "string"
 * ```
 */
export function string<const O extends Common & { default?: string }>(
  doc: string,
  opts?: O,
): Setting<
  string,
  O extends { required: true } | { default: string } ? true : false,
  O extends { required: true } ? true : false
> {
  return { kind: "string", doc, ...opts };
}

/**
 * The optimization levels a compiler setting takes (clang's and gcc's spelling), for
 * `[[component]] opt-level` and `[synth] opt-level` alike.
 *
 * @example
 * ```ts
 * import { OPT_LEVELS } from "./settings.ts";
 * console.log(OPT_LEVELS.includes("Os")); // true
 * ```
 */
export const OPT_LEVELS = ["O0", "O1", "O2", "O3", "Os", "Oz"] as const;

/** One of {@linkcode OPT_LEVELS}. */
export type OptLevel = typeof OPT_LEVELS[number];

/**
 * A string that is one of `values`.
 *
 * @example
 * ```ts
 * import { oneOf } from "./settings.ts";
 * console.log(oneOf(["qemu", "none"], "qemu", "the emulator").oneOf); // ["qemu", "none"]
 * ```
 */
export function oneOf<const V extends readonly string[]>(
  values: V,
  defaultValue: V[number],
  doc: string,
  opts?: { defaultDoc?: string },
): Setting<V[number], true, false> {
  return { kind: "string", doc, oneOf: values, default: defaultValue, ...opts };
}

/**
 * An integer setting, at least `min`.
 *
 * @example
 * ```ts
 * import { integer } from "./settings.ts";
 * console.log(integer("bytes", { min: 64 }).min); // 64
 * ```
 */
export function integer<const O extends Common & { min?: number; default?: number }>(
  doc: string,
  opts?: O,
): Setting<
  number,
  O extends { required: true } | { default: number } ? true : false,
  O extends { required: true } ? true : false
> {
  return { kind: "integer", doc, ...opts };
}

/**
 * A boolean setting with its default.
 *
 * @example
 * ```ts
 * import { boolean } from "./settings.ts";
 * console.log(boolean("pack regions", true).default); // true
 * ```
 */
export function boolean(doc: string, defaultValue: boolean): Setting<boolean, true, false> {
  return { kind: "boolean", doc, default: defaultValue };
}

/**
 * A list of strings (each one of `oneOf` when given).
 *
 * @example
 * ```ts
 * import { strings } from "./settings.ts";
 * console.log(strings("passes", { default: [] }).default); // []
 * ```
 */
export function strings<
  const O extends Common & { default?: readonly string[]; oneOf?: readonly string[] },
>(
  doc: string,
  opts?: O,
): Setting<
  O extends { oneOf: readonly (infer E)[] } ? E[] : string[],
  O extends { required: true } | { default: readonly string[] } ? true : false,
  O extends { required: true } ? true : false
> {
  return { kind: "string[]", doc, ...opts } as Setting<never, never, never>;
}

/** A setting's value failed its check: where, and what was wrong. */
export class SettingError extends Error {
  constructor(readonly path: string, readonly problem: string) {
    super(`${path}: ${problem}`);
    this.name = "SettingError";
  }
}

/**
 * What a value is, for a message: `a string`, `an integer`, `an array`.
 *
 * @example
 * ```ts
 * import { describeType } from "./settings.ts";
 * console.log(describeType(1.5)); // "a float"
 * ```
 */
export function describeType(v: unknown): string {
  if (Array.isArray(v)) return "an array";
  if (typeof v === "number") return Number.isInteger(v) ? "an integer" : "a float";
  return `a ${typeof v}`;
}

/**
 * A near miss among `allowed` (edit distance ≤ 2) and the allowed keys, for a message.
 *
 * @example
 * ```ts
 * import { suggest } from "./settings.ts";
 * console.log(suggest("sorces", ["sources", "wit"])); // did you mean "sources"? allowed: sources, wit
 * ```
 */
export function suggest(key: string, allowed: Iterable<string>): string {
  const list = [...allowed];
  const near = list.filter((k) => distance(k, key) <= 2).sort((x, y) =>
    distance(x, key) - distance(y, key)
  );
  return `${near.length ? `did you mean "${near[0]}"? ` : ""}allowed: ${list.join(", ")}`;
}

function distance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      d[i][j] = Math.min(
        d[i - 1][j] + 1,
        d[i][j - 1] + 1,
        d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    }
  }
  return d[a.length][b.length];
}

const camel = (key: string) => key.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());

/**
 * Checks `value` (the table at `path`) against `settings` and returns it
 * normalized: camelCase keys, defaults filled in. Throws a
 * {@linkcode SettingError} naming the key path and what is allowed;
 * `checkFile` checks each path of a `file` setting.
 *
 * @example
 * ```ts
 * import { readTable, oneOf } from "./settings.ts";
 * try {
 *   readTable("run", { emulator: "bochs" }, { emulator: oneOf(["qemu", "none"], "qemu", "") });
 * } catch (e) {
 *   console.log((e as Error).message); // run.emulator: "bochs" is not allowed; allowed: qemu, none
 * }
 * ```
 */
export function readTable<S extends Settings>(
  path: string,
  value: unknown,
  settings: S,
  checkFile?: (at: string, path: string) => void,
): Values<S> {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new SettingError(path, `must be a table, found ${describeType(value)}`);
  }
  const obj = value as Record<string, unknown>;
  for (const key of Object.keys(obj)) {
    if (!(key in settings)) {
      throw new SettingError(
        `${path}.${key}`,
        `unknown key; ${suggest(key, Object.keys(settings))}`,
      );
    }
  }
  const out: Record<string, unknown> = {};
  for (const [key, s] of Object.entries(settings)) {
    const v = obj[key];
    const at = `${path}.${key}`;
    if (v === undefined) {
      if (s.required) throw new SettingError(at, `is required (${s.kind})`);
      if (s.default !== undefined) {
        out[camel(key)] = Array.isArray(s.default) ? [...s.default] : s.default;
      }
      continue;
    }
    const bad = (want: string) => new SettingError(at, `must be ${want}, found ${describeType(v)}`);
    if (s.kind === "string" && typeof v !== "string") throw bad("a string");
    if (s.kind === "boolean" && typeof v !== "boolean") throw bad("a boolean");
    if (s.kind === "integer") {
      if (typeof v !== "number" || !Number.isInteger(v)) throw bad("an integer");
      if (s.min !== undefined && v < s.min) {
        throw new SettingError(at, `must be at least ${s.min}, found ${v}`);
      }
    }
    if (s.kind === "string[]" && (!Array.isArray(v) || v.some((x) => typeof x !== "string"))) {
      throw bad("an array of strings");
    }
    const values = Array.isArray(v) ? v as string[] : [v];
    if (s.oneOf) {
      for (const x of values) {
        if (!s.oneOf.includes(x as string)) {
          throw new SettingError(at, `"${x}" is not allowed; allowed: ${s.oneOf.join(", ")}`);
        }
      }
    }
    if (s.file && checkFile) { for (const x of values as string[]) checkFile(at, x); }
    out[camel(key)] = v;
  }
  return out as Values<S>;
}

/**
 * The defaults of a table: what it holds when nothing is set (a table with
 * required settings has no defaults for those).
 *
 * @example
 * ```ts
 * import { boolean, defaultsOf, integer } from "./settings.ts";
 * console.log(defaultsOf({ pack: boolean("", true), arena: integer("", { default: 4096 }) }));
 * // { pack: true, arena: 4096 }
 * ```
 */
export function defaultsOf<S extends Settings>(settings: S): Values<S> {
  const out: Record<string, unknown> = {};
  for (const [key, s] of Object.entries(settings)) {
    if (s.default !== undefined) out[camel(key)] = s.default;
  }
  return out as Values<S>;
}

/**
 * The README's table of one section's settings: key, kind, default, meaning.
 *
 * @example
 * ```ts
 * import { boolean, settingsTable } from "./settings.ts";
 * console.log(settingsTable("fuse", { pack: boolean("pack regions by used extent", true) }));
 * ```
 */
export function settingsTable(section: string, settings: Settings): string {
  const kind = (s: Setting) =>
    s.oneOf
      ? s.oneOf.map((v) => `\`${v}\``).join(" \\| ") + (s.kind === "string[]" ? " (list)" : "")
      : s.kind;
  const dflt = (s: Setting) =>
    s.required
      ? "required"
      : s.defaultDoc ?? (s.default === undefined ? "unset" : `\`${JSON.stringify(s.default)}\``);
  const rows = Object.entries(settings).map(([key, s]) =>
    `| \`${section}.${key}\` | ${kind(s)} | ${dflt(s)} | ${s.doc} |`
  );
  return ["| key | kind | default | meaning |", "| --- | --- | --- | --- |", ...rows].join("\n");
}
