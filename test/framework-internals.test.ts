// scripts/framework-build.ts reaches into Framework's internal modules
// (dist/build.js, dist/config.js: setCurrentDate, dist/loader.js:
// LoaderResolver, whose lookups it memoizes per path), because its public CLI has
// no way to keep the loader cache's file times out of the module hashes
// (reproducible builds, README). An internal can change in any release, so
// this fails loudly on any other Framework version than the one checked: on
// an upgrade, check that setCurrentDate still makes every file's time the
// given date (the test below) and that build({config}) still builds, then
// update CHECKED.
import assert from "node:assert/strict";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { createRequire } from "node:module";
import { tempDir } from "./helpers/extract.ts";

const CHECKED = "1.13.4";
const require = createRequire(import.meta.url);

test(`Observable Framework is the version whose internals scripts/framework-build.ts was checked against (${CHECKED})`, () => {
  const { version } = require("@observablehq/framework/package.json") as { version: string };
  assert.equal(version, CHECKED, `Framework ${version} is installed; scripts/framework-build.ts uses internals checked on ${CHECKED} only: re-check them (this file says how) and update CHECKED`);
});

test("the internals it uses exist, and setCurrentDate makes every file's time that date", async () => {
  const config = await import("@observablehq/framework/dist/config.js");
  const build = await import("@observablehq/framework/dist/build.js");
  // Only read here, to see the date at work: no declaration in types/.
  const internal = "@observablehq/framework/dist/javascript/module.js";
  const module = (await import(internal)) as { getFileInfo(root: string, path: string): { mtimeMs: number } | undefined };
  assert.equal(typeof build.build, "function");
  assert.equal(typeof config.readConfig, "function");
  assert.equal(typeof config.setCurrentDate, "function");
  const root = tempDir("framework-date-");
  writeFileSync(join(root, "a.json"), "{}");
  const day = new Date("2022-06-30T00:00:00Z");
  config.setCurrentDate(day);
  try {
    assert.equal(module.getFileInfo(root, "a.json")?.mtimeMs, day.getTime(), "a file's time, as Framework hashes it, is the date set");
  } finally {
    config.setCurrentDate(null);
  }
});

test("LoaderResolver's find and getSourceFileHash, memoized per path by the build, take a path and answer from the source tree", async () => {
  const { LoaderResolver } = await import("@observablehq/framework/dist/loader.js");
  const root = tempDir("framework-find-");
  writeFileSync(join(root, "a.json.ts"), "process.stdout.write('{}');");
  mkdirSync(join(root, "units"));
  writeFileSync(join(root, "units", "[unit].md"), "# Yksikkö");
  const resolver = new LoaderResolver({ root, interpreters: {} });
  assert.equal(resolver.find("a.json")?.path, "a.json.ts");
  assert.deepEqual({ ...resolver.find("units/U1.md")?.params }, { unit: "U1" });
  assert.equal(resolver.find("b.json"), undefined);
  assert.match(resolver.getSourceFileHash("a.json"), /^[0-9a-f]{64}$/);
});
