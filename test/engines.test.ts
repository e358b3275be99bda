// package.json's `engines` is true of what `npm ci` installs: the oldest Node
// it admits satisfies the `engines.node` of every package in the lock file, so
// `npm ci` on that Node installs without an EBADENGINE warning. (docx@9.15
// pulls nanoid@6, which wants Node >= 22; package.json overrides it to nanoid
// 5, which docx only bundles into its dist at its own build time.)
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { test } from "node:test";
import { fileURLToPath } from "node:url";
import semver from "semver";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const readJson = (file: string) => JSON.parse(readFileSync(path.join(root, file), "utf8"));

test("the oldest Node package.json admits satisfies every locked package's engines", () => {
  const range = readJson("package.json").engines?.node;
  assert.ok(range, "package.json declares engines.node");
  const oldest = semver.minVersion(range);
  assert.ok(oldest, `engines.node ${range} admits some version`);
  const lock = readJson("package-lock.json");
  const refusing: string[] = [];
  let checked = 0;
  for (const [where, pkg] of Object.entries<any>(lock.packages)) {
    const wants = pkg?.engines?.node;
    if (where === "" || typeof wants !== "string") continue;
    checked++;
    if (!semver.satisfies(oldest, wants)) refusing.push(`${where.replace(/^.*node_modules\//, "")}@${pkg.version} wants node ${wants}`);
  }
  assert.ok(checked > 100, `the lock file lists packages with engines (${checked})`);
  assert.deepEqual(refusing, [], `package.json says node ${range}, but:\n${refusing.join("\n")}`);
});

test("the Node running the tests is one package.json admits", () => {
  const range = readJson("package.json").engines.node;
  assert.ok(semver.satisfies(process.version, range), `${process.version} is outside engines.node ${range}`);
});
