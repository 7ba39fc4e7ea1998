/**
 * fuse's settings (`[fuse]` and `[[domain]]` in the pipeline file, and the
 * `dissolve fuse` options), declared once: validation, types, defaults and
 * the README's table derive from here.
 *
 * @example
 * ```ts
 * import { FUSE_SETTINGS } from "./settings.ts";
 * console.log(FUSE_SETTINGS["arena-bytes"].default); // 4096
 * ```
 *
 * @module
 */
import { boolean, defaultsOf, integer, oneOf, string, strings } from "../settings.ts";

/** `[fuse]`: how the components become one core module. */
export const FUSE_SETTINGS = {
  memory: oneOf(
    ["shared", "domains", "multi", "auto"],
    "auto",
    "one memory, one per isolation domain, each module's own, or `auto`: shared when provably " +
      "sound (relocatable modules, as gale builds), else each module's own",
    { defaultDoc: '`"auto"`; `"domains"` when there are domains (`[[domain]]`, `--domain`)' },
  ),
  pack: boolean("pack regions by used extent (16-byte aligned), not whole pages", true),
  "arena-bytes": integer("bytes of the embedder arena above the regions", {
    min: 0,
    default: 4096,
  }),
  "share-stack": boolean("one wasm shadow stack for every module", true),
  "stack-bytes": integer("bytes of the shared stack", {
    min: 64,
    defaultDoc: "the largest module's own stack",
  }),
  "handle-slots": integer("slots of each component's handle table", { min: 1, default: 64 }),
  "async-tasks": integer("tasks the async scheduler holds (only when a component is async)", {
    min: 1,
    default: 16,
  }),
  "async-waitables": integer("waitables the async scheduler holds (only when async)", {
    min: 1,
    default: 32,
  }),
  "async-threads": integer(
    "threads (tasks blocked with their own stack) that can be suspended at once " +
      "(only when an async call starts a task lifted without a callback, or with `thread.*`)",
    { min: 1, default: 2 },
  ),
  "async-thread-bytes": integer("bytes each suspended thread's saved frames may take", {
    min: 64,
    default: 1024,
  }),
  passthrough: strings("extra embedder imports: `NAME` or `NAME=module::field`", { default: [] }),
  "host-imports": strings("imports the host provides (extern names)", { default: [] }),
} as const;

/** `[[domain]]`: components that share one memory, isolated from the others. */
export const DOMAIN_SETTINGS = {
  name: string("the domain's name", { required: true }),
  components: strings("the components in it", { required: true }),
  "arena-bytes": integer("its embedder arena", { min: 0, defaultDoc: "`[fuse] arena-bytes`" }),
  "stack-bytes": integer("its shadow stack", { min: 64, defaultDoc: "its modules' bound" }),
} as const;

/** The defaults of `[fuse]`: the pipeline's, the `dissolve fuse` command's and `fuse()`'s. */
export const FUSE_DEFAULTS = defaultsOf(FUSE_SETTINGS);
