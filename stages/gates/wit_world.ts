/**
 * Reads the imports and exports a WIT world declares, by name, so the gate
 * after gale can check a component against the pipeline's declaration.
 * Only what the check needs: `package ns:name@ver;`, `world w { ... }`,
 * `import x: func...;`, `export x: func...;`, `import iface;`,
 * `export iface;`, `include` is not followed.
 *
 * @module
 */

/** The extern names a world declares. */
export interface WorldNames {
  imports: string[];
  exports: string[];
}

/**
 * Lists a world's imports and exports as component extern names
 * (`run`, `ns:pkg/iface@1.0.0`).
 *
 * @example
 * ```ts
 * import { worldNames } from "./wit_world.ts";
 * const w = worldNames("package a:b; interface i {} world w { import i; export run: func(); }", "w");
 * console.log(w); // { imports: ["a:b/i"], exports: ["run"] }
 * ```
 */
export function worldNames(wit: string, world: string): WorldNames {
  const text = wit.replace(/\/\/[^\n]*/g, "").replace(/\/\*[\s\S]*?\*\//g, "");
  const pkg = /package\s+([a-z0-9:-]+)(@[^\s;]+)?\s*;/.exec(text);
  const start = new RegExp(`world\\s+${world.replace(/-/g, "\\-")}\\s*\\{`).exec(text);
  if (!start) throw new Error(`no world "${world}" in the WIT source`);
  let depth = 1, i = start.index + start[0].length;
  const bodyStart = i;
  while (i < text.length && depth > 0) {
    if (text[i] === "{") depth++;
    if (text[i] === "}") depth--;
    i++;
  }
  const body = text.slice(bodyStart, i - 1);
  const out: WorldNames = { imports: [], exports: [] };
  for (const m of body.matchAll(/\b(import|export)\s+([a-z0-9:/@.-]+)\s*(:|;)/g)) {
    const [, dir, name, sep] = m;
    let extern = name;
    if (sep === ";" && !name.includes(":") && pkg) extern = `${pkg[1]}/${name}${pkg[2] ?? ""}`;
    (dir === "import" ? out.imports : out.exports).push(extern);
  }
  return out;
}
