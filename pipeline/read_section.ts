/**
 * One table of a pipeline file checked against its settings: a
 * {@linkcode SettingError} from the check becomes a {@linkcode PipelineError}
 * naming the file.
 *
 * @module
 */
import { readTable, SettingError, type Settings, type Values } from "../stages/settings.ts";
import { PipelineError } from "./errors.ts";
import { checkPath, type Roots } from "./paths.ts";

/**
 * Reads the table at `path` of `file` against `settings` (file settings
 * checked inside `roots`, when given).
 *
 * @example
 * ```ts
 * import { readSection } from "./read_section.ts";
 * import { RUN_SETTINGS } from "./sections.ts";
 * console.log(readSection("dissolve.toml", "run", {}, RUN_SETTINGS).timeoutMs); // 10000
 * ```
 */
export function readSection<S extends Settings>(
  file: string,
  path: string,
  value: unknown,
  settings: S,
  roots?: Roots,
): Values<S> {
  try {
    return readTable(
      path,
      value,
      settings,
      roots && ((at, x) => checkPath(file, at, x, roots)),
    );
  } catch (e) {
    if (e instanceof SettingError) throw new PipelineError(file, e.path, e.problem);
    throw e;
  }
}
