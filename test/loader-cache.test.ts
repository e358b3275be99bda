// Framework's loader cache, output by output (scripts/loader-cache.ts), and
// the rebuild plan (scripts/site-plan.ts), on a made-up project: which cached
// outputs a change drops, and when a rebuild renders only some pages.
import assert from "node:assert/strict";
import { appendFileSync, existsSync, mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { test } from "node:test";
import { hashTree } from "../loaders/extract/fingerprint.ts";
import { refreshLoaderCache, type RuntimeInputs } from "../scripts/loader-cache.ts";
import { loaderRuntimeInputs } from "../scripts/loader-inputs.ts";
import { planPages, siteState } from "../scripts/site-plan.ts";
import { tempDir } from "./helpers/extract.ts";

function project(): string {
  const root = tempDir("loader-cache-");
  const put = (path: string, text: string) => {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  };
  put("loaders/shared.ts", "export const x = 1;\n");
  put("loaders/texts.ts", "export const y = 2;\n");
  put("src/data/table.csv.ts", 'import { x } from "../../loaders/shared.ts";\n');
  put("src/data/slices.tar.ts", 'import { x } from "../../loaders/shared.ts";\n');
  put("src/report/[period].md.ts", 'import { y } from "../../loaders/texts.ts";\n');
  put("src/report/index.md.ts", 'import { x } from "../../loaders/shared.ts";\n');
  put("src/index.md", "# Overview\n");
  put("src/units/[unit].md", "# Unit\n");
  put("src/components/chart.ts", "export {};\n");
  put("texts/2021H1/a.md", "first\n");
  put("texts/2021H2/a.md", "second\n");
  // What Framework would have cached: the outputs and the files unpacked from the archive.
  for (const out of ["data/table.csv", "data/slices.tar", "data/slices/a.json", "report/2021H1.md", "report/2021H2.md", "report/index.md", "_node/d3@1/index.js"]) {
    put(`src/.observablehq/cache/${out}`, "cached\n");
  }
  return root;
}

const cached = (root: string, out: string) => existsSync(join(root, "src", ".observablehq", "cache", out));
/** Framework running a loader again: its output back in the cache. */
function recache(root: string, ...outs: string[]): void {
  for (const out of outs) {
    const file = join(root, "src", ".observablehq", "cache", out);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, "cached\n");
  }
}

test("a changed input drops only the outputs that read it; a half-year's texts only that half-year's", () => {
  const root = project();
  // The report loaders read the texts of their period (as scripts/build.ts declares the narratives).
  const runtimeInputs: RuntimeInputs = (loader, closure, params) => (closure.includes("loaders/texts.ts") ? hashTree(join(root, "texts", params.period ?? "")) : "");
  const ALL = ["data/table.csv", "data/slices.tar", "data/slices/a.json", "report/2021H1.md", "report/2021H2.md", "report/index.md"];
  // A build: the stale outputs dropped, Framework writes what is missing, the keys are recorded.
  const build = (pageData = "P1") => {
    const r = refreshLoaderCache({ root, cacheDir: join(root, "src", ".observablehq", "cache"), keysFile: join(root, ".build", "keys.json"), pageData, runtimeInputs });
    const dropped = r.dropped.map((e) => e.path).sort();
    recache(root, ...ALL.filter((out) => !cached(root, out)));
    r.record();
    return dropped;
  };
  assert.deepEqual(build(), ["data/slices", "data/slices.tar", "data/table.csv", "report/2021H1.md", "report/2021H2.md", "report/index.md"], "nothing recorded yet: all dropped, never Framework's own _node");
  assert.ok(cached(root, "_node/d3@1/index.js"));
  assert.deepEqual(build(), [], "unchanged: all reused");

  appendFileSync(join(root, "texts", "2021H2", "a.md"), "edited\n");
  assert.deepEqual(build(), ["report/2021H2.md"], "a half-year's text: its output only");

  appendFileSync(join(root, "loaders", "shared.ts"), "// edited\n");
  assert.deepEqual(build(), ["data/slices", "data/slices.tar", "data/table.csv", "report/index.md"], "code a loader imports: its outputs, with the unpacked files");

  assert.deepEqual(build("P2"), ["data/slices", "data/slices.tar", "data/table.csv", "report/2021H1.md", "report/2021H2.md", "report/index.md"], "other page data: all");
});

test("a rebuild renders only the half-years whose self-assessment outputs were dropped, and all pages otherwise", () => {
  const root = project();
  const before = siteState(root, "P1");
  const entry = (loader: string, path: string, params: Record<string, string> = {}) => ({ loader, path, params });
  assert.equal(planPages(null, before, []), null, "no previous site: all");
  assert.deepEqual(planPages(before, siteState(root, "P1"), []), [], "nothing changed: the non-parameterized pages only");
  const sa = [entry("self-assessment/[period].md.ts", "self-assessment/2021H2.md", { period: "2021H2" }), entry("self-assessment/exports/[period].zip.ts", "self-assessment/exports/2021H2", { period: "2021H2" }), entry("self-assessment/index.md.ts", "self-assessment/index.md")];
  assert.deepEqual(planPages(before, before, sa), ["/self-assessment/2021H2"]);
  assert.equal(planPages(before, before, [entry("data/slices.tar.ts", "data/slices.tar")]), null, "other data: all");
  assert.equal(planPages(before, siteState(root, "P2"), []), null, "other page data: all");

  appendFileSync(join(root, "src", "index.md"), "edited\n");
  assert.deepEqual(planPages(before, siteState(root, "P1"), []), [], "a non-parameterized page: rendered anyway");
  appendFileSync(join(root, "src", "units", "[unit].md"), "edited\n");
  assert.equal(planPages(before, siteState(root, "P1"), []), null, "a parameterized page: all");
  const edited = siteState(root, "P1");
  appendFileSync(join(root, "src", "components", "chart.ts"), "// edited\n");
  assert.equal(planPages(edited, siteState(root, "P1"), []), null, "a component: all");
});

test("the self-assessment loaders' inputs are the half-year's texts and their folder's place; other loaders' are neither", () => {
  const root = tempDir("loader-inputs-");
  for (const dir of ["a", "b"]) {
    mkdirSync(join(root, dir, "2021H2"), { recursive: true });
    writeFileSync(join(root, dir, "2021H2", "HT1.fi.md"), "Sama teksti.\n");
  }
  const sa = (dir: string) => loaderRuntimeInputs("self-assessment/[period].md", [], { period: "2021H2" }, root, join(root, dir));
  assert.equal(sa("a"), sa("a"), "the same folder and texts: the same inputs");
  // Pages and documents name a missing text by its path, and .build/self-assessment keys its outputs by it.
  assert.notEqual(sa("a"), sa("b"), "the same texts in another folder: other inputs");
  const before = sa("a");
  appendFileSync(join(root, "a", "2021H2", "HT1.fi.md"), "Lisätty.\n");
  assert.notEqual(sa("a"), before, "an edited text: other inputs");
  const other = (dir: string) => loaderRuntimeInputs("data/slices.tar", ["loaders/publish/page-slices.ts"], {}, root, join(root, dir));
  assert.equal(other("a"), "");
  assert.equal(other("b"), "", "a loader that reads no narratives does not depend on their folder");
});
