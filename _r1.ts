import { runWastFile } from "./test/spec/runner.ts";
for (const f of Deno.args) {
  const r = await runWastFile(`../shared/component-model/test/${f}`);
  for (const x of r.filter((x) => x.status !== "passed")) {
    console.log(f, x.line, x.kind, x.reason?.slice(0, 150));
  }
}
