// The publishing gate: a strict build never publishes what strict validation
// refuses, nor the output of older code. The page data (and Framework's loader
// cache, whose keys start from it: scripts/loader-cache.ts) is reused only
// while the fingerprint of the extract, the mode and the code that shapes the
// output matches — without a full site build here.
import assert from "node:assert/strict";
import { appendFileSync, cpSync, existsSync, readFileSync, writeFileSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { test } from "node:test";
import { PROJECT_ROOT } from "../loaders/indicators/catalogue.ts";
import { codeFiles, fingerprint } from "../loaders/extract/fingerprint.ts";
import { ensurePageData, type PageMeta } from "../loaders/publish/page-data.ts";
import { BASE, tempDir, writeExtract } from "./helpers/extract.ts";
import { contact } from "./helpers/rows.ts";

// One broken row (an unknown channel code): refused strictly, quarantined tolerantly.
const brokenExtract = () => writeExtract({ ...BASE, contacts: [contact("K1", "2021-01-05T10:00:00", { channel: "FAX" }), contact("K2", "2021-01-05T10:00:00")] });
const readMeta = (dir: string) => JSON.parse(readFileSync(join(dir, "meta.json"), "utf8")) as PageMeta;

/** A copy of what the fingerprint reads, so that no file of the project is touched (and edits elsewhere meanwhile do not matter). */
function copyOfProject(): string {
  const root = tempDir("fingerprint-root-");
  const keep = (src: string) => {
    const rel = relative(PROJECT_ROOT, src).split(sep).join("/");
    return !(rel === "data/sample" || rel.startsWith("data/sample/") || rel.split("/").includes("node_modules") || rel.split("/").includes(".observablehq"));
  };
  for (const part of ["loaders", "data", "src", "scripts", "package-lock.json", "observablehq.config.ts"]) {
    cpSync(join(PROJECT_ROOT, part), join(root, part), { recursive: true, filter: keep });
  }
  return root;
}

test("a tolerant run's output is never reused by a strict one: the strict run refuses the extract", async () => {
  const extract = brokenExtract();
  const out = join(tempDir("page-data-"), "page-data");
  const codeRoot = copyOfProject();
  assert.equal(await ensurePageData(extract, { tolerant: true, outDir: out, codeRoot }), out);
  const tolerant = readMeta(out);
  assert.equal(tolerant.mode, "tolerant");
  assert.equal(tolerant.tables.find((t) => t.table === "contacts")?.quarantined, 1);
  const stamp = readFileSync(join(out, "fingerprint"), "utf8");
  assert.equal(stamp, fingerprint(extract, { tolerant: true, root: codeRoot }));
  // Framework's loaders leave the mode out: inside a tolerant build they reuse the tolerant output.
  await ensurePageData(extract, { outDir: out, codeRoot });
  assert.equal(readFileSync(join(out, "fingerprint"), "utf8"), stamp);

  await assert.rejects(ensurePageData(extract, { tolerant: false, outDir: out, codeRoot }), /contacts\.csv, row 1, column channel: unknown code/);
  assert.ok(!existsSync(join(out, "meta.json")), "the tolerant output is gone, so nothing can publish it");
  // And a loader that leaves the mode out now runs strictly, and refuses too.
  await assert.rejects(ensurePageData(extract, { outDir: out, codeRoot }), /unknown code/);
});

test("output of older code is not reused: an edit under src/lib reruns the pipeline", async () => {
  const extract = writeExtract({ ...BASE, contacts: [contact("K1", "2021-01-05T10:00:00")] });
  const out = join(tempDir("page-data-"), "page-data");
  const codeRoot = copyOfProject();
  await ensurePageData(extract, { tolerant: false, outDir: out, codeRoot });
  const first = readFileSync(join(out, "fingerprint"), "utf8");
  await ensurePageData(extract, { tolerant: false, outDir: out, codeRoot });
  assert.equal(readFileSync(join(out, "fingerprint"), "utf8"), first, "reused while nothing changed");
  appendFileSync(join(codeRoot, "src", "lib", "format.ts"), "\n// edited\n");
  await ensurePageData(extract, { tolerant: false, outDir: out, codeRoot });
  assert.notEqual(readFileSync(join(out, "fingerprint"), "utf8"), first);
  const second = readMeta(out);
  assert.equal(second.mode, "strict");
  assert.equal("fingerprint" in second, false, "the cache key is not published: it hashes where the extract lies");
});

test("the page metadata has no exact row counts: rounded to the hundred, months with rows without counts, loss per period type", async () => {
  const extract = brokenExtract();
  const out = join(tempDir("page-data-"), "page-data");
  await ensurePageData(extract, { tolerant: true, outDir: out, codeRoot: copyOfProject() });
  const meta = readMeta(out);
  const contacts = meta.tables.find((t) => t.table === "contacts")!;
  // 1 row loaded + 1 quarantined = the manifest's 2: matches, decided before rounding.
  assert.deepEqual(contacts, { table: "contacts", file: "contacts.csv", rowsApprox: 0, manifestRowsApprox: 0, precision: 100, matchesManifest: true, quarantined: 1 });
  for (const t of meta.tables) {
    assert.deepEqual(Object.keys(t).sort(), ["file", "manifestRowsApprox", "matchesManifest", "precision", "quarantined", "rowsApprox", "table"], t.table);
    assert.equal(t.rowsApprox % 100, 0);
  }
  assert.deepEqual(meta.months, [{ table: "contacts", month: "2021-01" }]);
  assert.deepEqual(meta.quarantine.map((q) => [q.file, q.column, q.count]), [["contacts.csv", "channel", 1]]);
  assert.ok(meta.withheld.length > 0);
  for (const w of meta.withheld) {
    assert.ok(["month", "quarter", "half", "year"].includes(w.period_type));
    assert.ok(w.threshold + w.complementary <= w.cells && w.cells > 0, JSON.stringify(w));
  }
  assert.ok(!/"rows":|"manifestRows":/.test(readFileSync(join(out, "meta.json"), "utf8")), "no exact counts anywhere in meta.json");
});

test("the fingerprint changes with the mode and with code that shapes the output (src/lib), not with a page, a narrative or a build script", () => {
  const extract = brokenExtract();
  const root = copyOfProject();
  const print = (tolerant = false) => fingerprint(extract, { tolerant, root });
  const strict = print();
  assert.equal(print(), strict, "deterministic");
  assert.notEqual(print(true), strict, "the mode is part of the key");

  // Pages and browser-only components do not rerun the loaders.
  appendFileSync(join(root, "src", "quality.md"), "\n<!-- edited -->\n");
  appendFileSync(join(root, "src", "components", "tables", "cell-value.ts"), "\n// edited\n");
  assert.equal(print(), strict, "a page or component edit keeps the key");
  appendFileSync(join(root, "data", "narratives", "2021H2", "HT1.fi.md"), "\nedited\n");
  appendFileSync(join(root, "scripts", "build.ts"), "\n// edited\n");
  appendFileSync(join(root, "observablehq.config.ts"), "\n// edited\n");
  assert.equal(print(), strict, "a narrative, the build script or the config keeps the key: they make no page data");
  assert.ok(!codeFiles(root).some((f) => f.endsWith(".md") && f.startsWith("src/")));

  // Code the loaders import or run does.
  const changed = new Set([strict]);
  const edit = (path: string) => {
    appendFileSync(join(root, path), "\n// edited\n");
    const next = print();
    assert.ok(!changed.has(next), `editing ${path} changes the key`);
    changed.add(next);
  };
  edit("src/lib/format.ts");
  edit("loaders/privacy/suppress.ts");
  edit("loaders/privacy/audit/worker.ts");
  edit("data/programme.json");
  edit("package-lock.json");
  writeFileSync(join(root, "data", "indicators", "NEW.sql"), "SELECT 1\n");
  assert.ok(!changed.has(print()), "a new file under data/ changes the key");
  // The sample extract is data, not code.
  cpSync(join(root, "package-lock.json"), join(root, "data", "sample", "x.csv"), { recursive: true });
  const before = print();
  appendFileSync(join(root, "data", "sample", "x.csv"), "more\n");
  assert.equal(print(), before, "data/sample is not code");
});

test("inside a build (NELIMAALI_PAGE_DATA set for Framework's loaders), a loader reads the build's data as it is: no pipeline of its own, even when the code's key no longer matches", async () => {
  const { spawnSync } = await import("node:child_process");
  const data = join(tempDir("build-data-"), "page-data");
  const { mkdirSync } = await import("node:fs");
  mkdirSync(data, { recursive: true });
  for (const f of ["indicators.arrow", "indicators.csv", "meta.json"]) writeFileSync(join(data, f), `the build's ${f}`);
  writeFileSync(join(data, "fingerprint"), "a key from before an edit");
  const script = `import { ensurePageData } from ${JSON.stringify(join(PROJECT_ROOT, "loaders", "publish", "page-data.ts"))}; console.log(await ensurePageData(${JSON.stringify(join(data, "no-such-extract"))}));`;
  const run = (pageData: string | null) => {
    const env = { ...process.env };
    delete env.NELIMAALI_PAGE_DATA;
    if (pageData !== null) env.NELIMAALI_PAGE_DATA = pageData;
    return spawnSync(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], { cwd: PROJECT_ROOT, env, encoding: "utf8" });
  };
  const inside = run(data);
  assert.equal(inside.status, 0, inside.stderr);
  assert.equal(inside.stdout.trim(), data);
  assert.equal(readFileSync(join(data, "meta.json"), "utf8"), "the build's meta.json", "left as it was");
  assert.ok(!existsSync(`${data}.next`), "no pipeline started beside it");
  // Outside a build the key is checked: the same call runs the pipeline, which finds no extract.
  const outside = run(null);
  assert.notEqual(outside.status, 0);
  assert.match(outside.stderr, /manifest.json is missing/);
});
