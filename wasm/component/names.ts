/**
 * `nameattributes`: an extern name with its form byte and attributes
 * (`implements`, `versionsuffix`, `external-id`).
 *
 * @module
 */
import type { BinaryReader } from "../reader.ts";
import type { BinaryWriter } from "../writer.ts";
import type { ExternName } from "./model.ts";

/** Reads `nameattributes`. */
export function readExternName(r: BinaryReader): ExternName {
  const at = r.offset;
  const form = r.u8("an extern name form");
  if (form > 2) r.fail("bad-value", `unknown extern name form 0x${form.toString(16)} at ${at}`);
  const n: ExternName = { name: r.name("an extern name") };
  if (form !== 0) n.form = form;
  if (form === 2) {
    const count = r.count("attribute count", 2);
    for (let i = 0; i < count; i++) {
      const aat = r.offset;
      const kind = r.u8("an attribute kind");
      if (kind === 0) n.implements = r.name("an interface name");
      else if (kind === 1) n.versionSuffix = r.name("a version suffix");
      else if (kind === 2) n.externalId = r.name("an external id");
      else r.fail("bad-value", `unknown name attribute 0x${kind.toString(16)} at ${aat}`);
    }
  }
  return n;
}

/** Writes `nameattributes`. */
export function writeExternName(w: BinaryWriter, n: ExternName): void {
  const attrs: [number, string][] = [];
  if (n.implements !== undefined) attrs.push([0, n.implements]);
  if (n.versionSuffix !== undefined) attrs.push([1, n.versionSuffix]);
  if (n.externalId !== undefined) attrs.push([2, n.externalId]);
  const form = attrs.length > 0 ? 2 : (n.form ?? 0);
  w.u8(form).name(n.name);
  if (form === 2) {
    w.u32(attrs.length);
    for (const [k, v] of attrs) w.u8(k).name(v);
  }
}
