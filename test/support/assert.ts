/**
 * The few assertions the tests use (JSR's @std/assert is not reachable
 * here), over `node:assert`'s deep equality.
 *
 * @module
 */
import { deepStrictEqual } from "node:assert";

/** Fails with `msg` unless `cond` holds. */
export function assert(cond: unknown, msg = "assertion failed"): asserts cond {
  if (!cond) throw new Error(msg);
}

/** Deep, strict equality (typed arrays compared element-wise). */
export function assertEquals<T>(actual: T, expected: T, msg?: string): void {
  deepStrictEqual(actual, expected, msg);
}

/** Expects `fn` to reject with an instance of `type`; returns the error. */
export async function assertRejects<E extends Error>(
  fn: () => Promise<unknown>,
  // deno-lint-ignore no-explicit-any
  type: new (...args: any[]) => E,
): Promise<E> {
  try {
    await fn();
  } catch (e) {
    if (e instanceof type) return e;
    throw new Error(
      `expected ${type.name}, got ${e instanceof Error ? `${e.name}: ${e.message}` : e}`,
    );
  }
  throw new Error(`expected ${type.name} to be thrown`);
}

/** Expects `fn` to throw an instance of `type`; returns the error. */
export function assertThrows<E extends Error>(
  fn: () => unknown,
  // deno-lint-ignore no-explicit-any
  type: new (...args: any[]) => E,
): E {
  try {
    fn();
  } catch (e) {
    if (e instanceof type) return e;
    throw new Error(
      `expected ${type.name}, got ${e instanceof Error ? `${e.name}: ${e.message}` : e}`,
    );
  }
  throw new Error(`expected ${type.name} to be thrown`);
}
