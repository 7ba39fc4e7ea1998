/**
 * The codec's limits, in one place: inputs beyond them are a typed decode
 * error, never a stack overflow.
 *
 * @module
 */

/** Components nested in components, and component / instance types nested in types. */
export const MAX_NESTING_DEPTH = 100;
