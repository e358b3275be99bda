// The self-assessment loaders' memo (loaders/self-assessment/site-outputs.ts):
// the three outputs of a half-year read back from .build/self-assessment are
// those computed directly (site-render.ts); a memoized output is read, not
// recomputed, while its key holds; and the key moves with what the outputs
// read — the half-year's narratives, any half-year's workbook, the page
// data, the narratives folder — and with nothing else (another half-year's
// texts); the first miss renders every half-year that has no outputs, each
// as its own computation would. A page data folder made by hand: a few
// published cells of the bundled catalogue. The direct computations run in a
// process of their own, as a loader does, so that the memo's documents, all
// rendered in one process, are checked against documents rendered alone.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { before, test } from "node:test";
import { PROJECT_ROOT } from "../loaders/indicators/catalogue.ts";
import { toExportCsv } from "../loaders/publish/emit.ts";
import { PAGE_FILES } from "../loaders/publish/page-data.ts";
import { READY_FILES } from "../loaders/publish/page-data-dir.ts";
import { renderSiteOutputs, type SiteOutputs } from "../loaders/self-assessment/site-render.ts";
import { siteOutput, siteOutputsKey, type SiteOutputKind } from "../loaders/self-assessment/site-outputs.ts";
import type { PublishedCell } from "../src/lib/cell.ts";
import { monthsBetween } from "../src/lib/periods.ts";
import { tempDir } from "./helpers/extract.ts";

const PERIOD = "2021H2";
/** The half-years of the page data's extract period (meta.json below). */
const HALVES = ["2020H2", "2021H1", "2021H2"];
const KINDS: SiteOutputKind[] = ["page", "exports", "lang"];

const cell = (id: string, period: string, unit: string, n: number, d: number): PublishedCell => ({
  indicator_id: id, period_type: /H/.test(period) ? "half" : "month", period, unit_id: unit, breakdown: "ALL", breakdown_value: "ALL",
  numerator: n, denominator: d, value: n / d, suppressed: false,
});

/** ACC_FIRST_CONTACT for the whole city and one unit: 18 months and three half-years. */
function cells(): PublishedCell[] {
  const months = monthsBetween("2020-07", "2021-12").flatMap((m, i) => [cell("ACC_FIRST_CONTACT", m, "ALL", 60 + (i % 3), 100), cell("ACC_FIRST_CONTACT", m, "U1", 20 + (i % 2), 40)]);
  const halves = ["2020H2", "2021H1", "2021H2"].flatMap((h, i) => [cell("ACC_FIRST_CONTACT", h, "ALL", 360 + i, 600), cell("ACC_FIRST_CONTACT", h, "U1", 120 + i, 240)]);
  return [...months, ...halves];
}

let pageData: string;
let narratives: string;
let memo: string;
let direct: SiteOutputs;
let directEarlier: SiteOutputs;
const options = () => ({ narrativesDir: narratives, memoDir: memo });
const asBytes = (o: SiteOutputs, kind: SiteOutputKind) => (kind === "page" ? Buffer.from(o.page, "utf8") : o[kind]);
const memoFiles = () => readdirSync(memo).sort();

before(async () => {
  pageData = tempDir("sa-page-data-");
  writeFileSync(join(pageData, "indicators.csv"), toExportCsv(cells()));
  writeFileSync(join(pageData, "meta.json"), JSON.stringify({
    manifest: { source: "test", extracted_at: "2022-01-05T06:00:00", period: { from: "2020-07-01", to: "2021-12-31" } },
    units: [{ unit_id: "U1", unit_name_fi: "Itäinen terveysasema", unit_name_sv: null, operating_model: "THK", service_area: "TERVEYSASEMA", area: "ITA" }],
  }));
  narratives = tempDir("sa-narratives-");
  mkdirSync(join(narratives, PERIOD));
  writeFileSync(join(narratives, PERIOD, "HT1.fi.md"), "# Tilanne\n\nEnsimmäinen versio.\n");
  memo = tempDir("sa-memo-");
  direct = renderedInOwnProcess(PERIOD);
  directEarlier = renderedInOwnProcess("2021H1");
});

/** renderSiteOutputs of one half-year alone in a fresh process. */
function renderedInOwnProcess(period: string): SiteOutputs {
  const out = tempDir("sa-direct-");
  const script = [
    `import { writeFileSync } from "node:fs";`,
    `import { renderSiteOutputs } from ${JSON.stringify(join(PROJECT_ROOT, "loaders/self-assessment/site-render.ts"))};`,
    `const o = await renderSiteOutputs(${JSON.stringify(pageData)}, ${JSON.stringify(period)}, { narrativesDir: ${JSON.stringify(narratives)} });`,
    `for (const k of ["page", "exports", "lang"]) writeFileSync(${JSON.stringify(out)} + "/" + k, o[k]);`,
  ].join("\n");
  const run = spawnSync(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], { cwd: PROJECT_ROOT, encoding: "utf8" });
  assert.equal(run.status, 0, run.stderr);
  return { page: readFileSync(join(out, "page"), "utf8"), exports: readFileSync(join(out, "exports")), lang: readFileSync(join(out, "lang")) };
}

const filesOf = (period: string) => {
  const key = siteOutputsKey(pageData, period, options());
  return [`${period}-${key}.exports.zip`, `${period}-${key}.lang.zip`, `${period}-${key}.page.md`];
};

test("the memo's three outputs are those computed directly; the first miss renders every half-year's, each as if alone", async () => {
  // The downloads first: whichever loader runs first keeps all three, and those of the other half-years.
  assert.deepEqual(await siteOutput("exports", pageData, PERIOD, options()), direct.exports);
  assert.deepEqual(memoFiles(), HALVES.flatMap(filesOf).sort());
  for (const kind of KINDS) assert.deepEqual(await siteOutput(kind, pageData, PERIOD, options()), asBytes(direct, kind), kind);
  assert.match(direct.page, /Ensimmäinen versio/);
  // 2021H1 was rendered in the same process after 2021H2: the same bytes as rendered alone (its DOCX numbers its own drawings).
  for (const kind of KINDS) assert.deepEqual(await siteOutput(kind, pageData, "2021H1", options()), asBytes(directEarlier, kind), `2021H1 ${kind}`);
});

test("a memoized output is read while its key holds; a changed narrative of the half-year is a new key, computed anew", async () => {
  const key = siteOutputsKey(pageData, PERIOD, options());
  // Tampered on disk, so a read is told from a computation.
  writeFileSync(join(memo, `${PERIOD}-${key}.page.md`), "kept");
  assert.equal((await siteOutput("page", pageData, PERIOD, options())).toString(), "kept");
  writeFileSync(join(memo, filesOf("2021H1")[2]), "other half-year, kept");

  writeFileSync(join(narratives, PERIOD, "HT1.fi.md"), "# Tilanne\n\nToinen versio.\n");
  const edited = siteOutputsKey(pageData, PERIOD, options());
  assert.notEqual(edited, key);
  const page = (await siteOutput("page", pageData, PERIOD, options())).toString();
  assert.match(page, /Toinen versio/);
  // The same bytes from a second computation in this process, documents included.
  const fresh = await renderSiteOutputs(pageData, PERIOD, { narrativesDir: narratives });
  assert.equal(page, fresh.page);
  assert.deepEqual(await siteOutput("lang", pageData, PERIOD, options()), fresh.lang);
  assert.deepEqual(await siteOutput("exports", pageData, PERIOD, options()), fresh.exports);
  // The old key's files are gone with it; the other half-years' are kept, not rendered again.
  assert.deepEqual(memoFiles(), HALVES.flatMap(filesOf).sort());
  assert.ok(memoFiles().some((f) => f.startsWith(`${PERIOD}-${edited}.`)));
  assert.equal((await siteOutput("page", pageData, "2021H1", options())).toString(), "other half-year, kept");
});

test("the key moves with every half-year's workbooks, the page data and the narratives folder, not with another half-year's texts", () => {
  const key = () => siteOutputsKey(pageData, PERIOD, options());
  const start = key();
  mkdirSync(join(narratives, "2021H1"), { recursive: true });
  writeFileSync(join(narratives, "2021H1", "HT1.fi.md"), "Toisen puolivuotisen teksti.\n");
  assert.equal(key(), start, "another half-year's narrative");
  // Statuses and start dates of an earlier half-year's workbook carry over to this one.
  writeFileSync(join(narratives, "2021H1", "oma-arviointi-2021H1-fi-tayttopohja.xlsx"), "not read here, only hashed");
  const withWorkbook = key();
  assert.notEqual(withWorkbook, start, "a workbook of another half-year");
  assert.notEqual(siteOutputsKey(pageData, "2021H1", options()), withWorkbook, "another half-year");
  assert.notEqual(siteOutputsKey(pageData, PERIOD, { ...options(), narrativesDir: tempDir("sa-other-narratives-") }), withWorkbook, "another narratives folder");
  const meta = readFileSync(join(pageData, "meta.json"), "utf8");
  writeFileSync(join(pageData, "meta.json"), meta.replace("Itäinen terveysasema", "Läntinen terveysasema"));
  assert.notEqual(key(), withWorkbook, "the page data");
  writeFileSync(join(pageData, "meta.json"), meta);
  assert.equal(key(), withWorkbook);
});

test("a ready page data folder is told the way ensurePageData tells it", () => {
  assert.deepEqual([...READY_FILES].sort(), [...PAGE_FILES].sort());
});
