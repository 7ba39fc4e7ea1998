/**
 * Where the Component Model's reference tests are: `../shared/component-model/test`
 * beside the checkout (they are not copied into this repository). On a
 * plain clone they are absent, and the suites that need them are reported
 * as ignored, with the reason, instead of failing.
 *
 * @module
 */

/** The reference tests' directory (with a trailing slash). */
export const REFERENCE_TESTS: string =
  new URL("../../../shared/component-model/test/", import.meta.url).pathname;

function present(): boolean {
  try {
    return Deno.statSync(REFERENCE_TESTS).isDirectory;
  } catch {
    return false;
  }
}

/** Whether the reference tests are beside the checkout. */
export const HAVE_REFERENCE_TESTS: boolean = present();

/**
 * Registers `fn` as a test, or as an ignored one (saying why) when the
 * reference tests are absent.
 *
 * @example In a test file (it registers a test, so it is not run as an example):
 * ```ts ignore
 * import { referenceTest } from "./reference_tests.ts";
 * referenceTest("values/strings.wast through fuse", async () => {});
 * ```
 */
export function referenceTest(name: string, fn: (t: Deno.TestContext) => Promise<void>): void {
  if (HAVE_REFERENCE_TESTS) {
    Deno.test(name, fn);
    return;
  }
  console.log(
    `skipped: ${name} — ${REFERENCE_TESTS} is not there (clone the component-model ` +
      `repository beside this checkout as ../shared/component-model to run it)`,
  );
  Deno.test({ name: `${name} (skipped: no ../shared/component-model/test)`, ignore: true, fn });
}
