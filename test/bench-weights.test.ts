// The page weights `npm run bench` prints (scripts/bench-weights.ts), on a
// small built site made by hand: what a page loads is its HTML's stylesheets,
// module scripts and modulepreloads, its inline scripts' imports and their
// static imports, transitively — not the dynamic imports inside modules, but
// the one of the Finnish UI strings, which every page loads (its language's).
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { test } from "node:test";
import { gzipSync } from "node:zlib";
import { pageWeights } from "../scripts/bench-weights.ts";

test("page weights: the HTML and every module it loads, gzip, beside the overview's and the other pages' targets", () => {
  const dist = mkdtempSync(join(tmpdir(), "weights-"));
  try {
    const files: Record<string, string> = {
      "_observablehq/client.js": `import{a}from"./runtime.js";export*from"./stdlib.js";const lazy=()=>import("../_npm/duckdb/_esm.js");`,
      "_observablehq/runtime.js": "export const a = 1;",
      "_observablehq/stdlib.js": "export const b = 2;",
      "_npm/duckdb/_esm.js": "x".repeat(5000),
      "_import/style.css": "body { color: black }",
      "_import/components/chart.js": `import { c } from "../../_node/d3-scale/index.js";\nimport "./side.js";\nexport const chart = c;`,
      "_import/components/side.js": "globalThis.side = 1;",
      "_import/components/units.js": `import { t } from "../lib/i18n.js";\nexport const units = t;`,
      "_import/lib/i18n.js": `export const t = (lang) => lang === "sv" ? import("./i18n/sv.0badc0de.js") : import("./i18n/fi.1234abcd.js");`,
      "_import/lib/i18n/fi.1234abcd.js": "export const fi = {};",
      "_import/lib/i18n/sv.0badc0de.js": "export const sv = {};",
      "_node/d3-scale/index.js": `import{t}from"../d3-array/index.js";export const c=t;`,
      "_node/d3-array/index.js": "export const t = 3;",
      "index.html": `<!doctype html><link rel="stylesheet" type="text/css" href="./_import/style.css"><link rel="modulepreload" href="./_observablehq/client.js">
<script type="module">import {define} from "./_observablehq/client.js";
define({body: async () => { const {chart} = await import("./_import/components/chart.js"); return chart; }});</script>`,
      "units/U1.html": `<!doctype html><link rel="stylesheet" href="../_import/style.css"><link rel="modulepreload" href="../_observablehq/client.js">
<script type="module">import {define} from "../_observablehq/client.js"; define({body: async () => (await import("../_import/components/units.js")).units});</script>
<script type="module" src="https://example.org/other.js"></script>`,
      "_file/data/big.json": "{}",
    };
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(dirname(join(dist, path)), { recursive: true });
      writeFileSync(join(dist, path), text);
    }
    const gz = (f: string) => gzipSync(readFileSync(join(dist, f))).length;
    const weights = pageWeights(dist);
    assert.deepEqual(weights.map((w) => w.page), ["", "units/U1"], "the overview first; Framework's folders are no pages");
    const [overview, unit] = weights;
    assert.deepEqual(overview.files.sort(), [
      "_import/components/chart.js", "_import/components/side.js", "_import/style.css", "_node/d3-array/index.js", "_node/d3-scale/index.js",
      "_observablehq/client.js", "_observablehq/runtime.js", "_observablehq/stdlib.js",
    ], "static imports and re-exports followed; a module's dynamic import (loaded on use) and data files not");
    assert.equal(overview.html, gz("index.html"));
    assert.equal(overview.total, overview.html + overview.files.reduce((n, f) => n + gz(f), 0));
    assert.equal(overview.target, 250 * 1024);
    assert.equal(unit.target, 150 * 1024);
    assert.ok(unit.files.includes("_import/components/units.js") && !unit.files.includes("_import/components/chart.js"), "relative to the page's own folder");
    assert.ok(unit.files.includes("_import/lib/i18n/fi.1234abcd.js") && !unit.files.includes("_import/lib/i18n/sv.0badc0de.js"), "the Finnish strings counted, not the other languages'");
    const unitOwn = ["_import/components/units.js", "_import/lib/i18n.js", "_import/lib/i18n/fi.1234abcd.js"];
    assert.equal(unit.afterOverview, unit.html + unitOwn.reduce((n, f) => n + gz(f), 0), "after the overview, only what the overview did not load");
  } finally {
    rmSync(dist, { recursive: true, force: true });
  }
});
