// The TypeScript of the project type-checks (tsconfig.json: strict, the
// loaders, scripts, tests and the site's .ts modules). tsx and Framework strip
// types without checking them, so this is where a wrong type is caught.
// About 17 s of CPU; the timeout leaves room for a machine busy with builds.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { test } from "node:test";
import { PROJECT_ROOT } from "../loaders/indicators/catalogue.ts";

test("tsc --noEmit -p . reports no error", { timeout: 300_000 }, () => {
  const tsc = spawnSync(join(PROJECT_ROOT, "node_modules", ".bin", "tsc"), ["--noEmit", "-p", "."], { cwd: PROJECT_ROOT, encoding: "utf8" });
  assert.equal(tsc.error, undefined, `tsc did not run: ${tsc.error}`);
  assert.equal(tsc.status, 0, `tsc found type errors:\n${tsc.stdout}${tsc.stderr}`);
});
