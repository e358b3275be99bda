// Privacy by construction: an extract whose every identifier is recognisable
// is built into the site and the export; none of its identifiers, and no
// row-level timestamp, may appear anywhere in the output. Published cells are
// never under their threshold and no additive group leaves a lone hidden cell.
// Two units of the same extract carry hostile names (HTML, an event handler,
// entities, quotes, a spreadsheet formula): the built pages, opened in
// headless Chromium, show them as text and nothing in them runs (issue 7).
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { after, before, test } from "node:test";
import JSZip from "jszip";
import type { Browser } from "playwright-core";
import { loadCatalogue, thresholdOf } from "../loaders/indicators/catalogue.ts";
import { openDb } from "../loaders/db.ts";
import { publish, toExportCsv } from "../loaders/publish/emit.ts";
import { generateExtract } from "../loaders/generate/index.ts";
import type { IndicatorCell } from "../loaders/indicators/indicator-row.ts";
import { unitSlug } from "../loaders/publish/page-slices.ts";
import { runPipeline } from "../loaders/pipeline.ts";
import { startServer } from "../scripts/serve.ts";
import { settle } from "./helpers/a11y.ts";
import { launchBrowser, watchPage } from "./helpers/browser.ts";
import { tempDir, toCsv, type Row } from "./helpers/extract.ts";

const MARK = "ZQXSALAINEN";
const ID_COLUMNS: Record<string, string[]> = {
  clients: ["client_id"], contacts: ["contact_id", "client_id"], visits: ["visit_id", "client_id", "contact_id"],
  customer_feedback: ["response_id"], staff_survey: ["respondent_id"], service_vouchers: ["voucher_id", "client_id"],
  conditions: ["client_id"], measurements: ["client_id"], interventions: ["client_id"],
};
/**
 * Unit names are data, not identifiers: they are published, so they carry no
 * MARK. These two go to the first two health stations (units with figures on
 * every page that lists units); each must reach the page exactly as written.
 * (That a formula-like name stays text in the XLSX and CSV downloads is
 * test/self-assessment.test.ts's.)
 */
const HOSTILE_NAMES = [
  `<script>alert(1)</script><img src=x onerror=alert(2)> Kallio &amp; "Vallila" &lt;b&gt;`,
  `=cmd|' /C calc'!A0 "><svg onload=alert(3)> O'Brienin &#60;i&#62; asema`,
];
const BASE = "/privacy/";
type Hostile = { unit_id: string; name: string };
type Shown = [selector: string, unit: Hostile];

let extract: string;
let dist: string;
let cells: IndicatorCell[];
let exportCsv: string;
let rowTimestamps: Set<string>;
let hostile: Hostile[];
let server: Server | undefined;
let browser: Browser | undefined;

before(async () => {
  extract = tempDir("privacy-extract-");
  await generateExtract({ outDir: extract, scale: "tiny", seed: 7 });
  const db = await openDb();
  for (const [table, columns] of Object.entries(ID_COLUMNS)) {
    const file = join(extract, `${table}.csv`);
    const replace = columns.map((c) => `CASE WHEN "${c}" IS NULL THEN NULL ELSE '${MARK}-' || "${c}" END AS "${c}"`).join(", ");
    await db.run(`CREATE TABLE t AS SELECT * REPLACE (${replace}) FROM read_csv('${file}', all_varchar = true, header = true)`);
    await db.run(`COPY t TO '${file}' (HEADER, DELIMITER ',')`);
    await db.run(`DROP TABLE t`);
  }
  // Row-level timestamps of contacts and visits, to look for in the output.
  const rows = await db.all<{ ts: string }>(`SELECT contact_ts AS ts FROM read_csv('${join(extract, "contacts.csv")}', all_varchar = true) LIMIT 200`);
  rowTimestamps = new Set(rows.map((r) => r.ts));
  const unitsFile = join(extract, "units.csv");
  const units = await db.all<Row>(`SELECT * FROM read_csv('${unitsFile}', all_varchar = true, header = true)`);
  const stations = units.filter((u) => u.service_area === "TERVEYSASEMA").map((u) => String(u.unit_id)).sort();
  assert.ok(stations.length >= HOSTILE_NAMES.length, "health stations to rename");
  hostile = HOSTILE_NAMES.map((name, i) => ({ unit_id: stations[i], name }));
  for (const h of hostile) units.find((u) => u.unit_id === h.unit_id)!.unit_name_fi = h.name;
  writeFileSync(unitsFile, toCsv("units", units));
  db.close();
  dist = join(tempDir("privacy-dist-"), "site");
  execFileSync(process.execPath, ["--import", "tsx", "scripts/build.ts", "--out", dist], { env: { ...process.env, EXTRACT_DIR: extract }, stdio: ["ignore", "ignore", "pipe"] });
  const result = await runPipeline(extract);
  cells = result.cells;
  exportCsv = toExportCsv(publish(cells));
});

after(async () => {
  await browser?.close();
  await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
});

function* files(dir: string): Generator<string> {
  for (const entry of readdirSync(dir)) {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) yield* files(path);
    else yield path;
  }
}

async function texts(path: string): Promise<string[]> {
  const bytes = readFileSync(path);
  if (/\.(docx|xlsx|zip)$/.test(path)) {
    const zip = await JSZip.loadAsync(bytes);
    return Promise.all(Object.values(zip.files).filter((f) => !f.dir).map((f) => f.async("string")));
  }
  return [bytes.toString("latin1")];
}

test("no identifier of the extract appears anywhere in the built site or the export", async () => {
  let scanned = 0;
  for (const file of files(dist)) {
    for (const text of await texts(file)) {
      assert.ok(!text.includes(MARK), `an identifier leaked into ${file}`);
      scanned++;
    }
  }
  assert.ok(scanned > 10, "the site was scanned");
  assert.ok(!exportCsv.includes(MARK));
});

test("no row-level timestamp reaches the site", async () => {
  assert.ok(rowTimestamps.size > 0);
  for (const file of files(dist)) {
    for (const text of await texts(file)) {
      for (const ts of rowTimestamps) assert.ok(!text.includes(ts), `row timestamp ${ts} in ${file}`);
    }
  }
});

test("no published cell is under its threshold, and n never leaves the pipeline", () => {
  const thresholds = new Map(loadCatalogue().indicators.map((i) => [i.id, thresholdOf(i)]));
  const published = cells.filter((c) => !c.suppressed);
  assert.ok(published.length > 100 && cells.length > published.length, "some cells are published and some withheld");
  for (const c of published) {
    const t = thresholds.get(c.indicator_id);
    if (t != null) assert.ok(c.n !== null && c.n >= t, `${c.indicator_id} ${c.period} ${c.unit_id} n=${c.n}`);
  }
  for (const c of cells.filter((x) => x.suppressed)) assert.deepEqual([c.value, c.numerator, c.denominator], [null, null, null]);
  assert.ok(!exportCsv.split("\n")[0].split(",").includes("n"));
});

test("the site serves the export's table and the coarsened data-quality figures, nothing more exact", () => {
  const served = [...files(dist)];
  const table = served.filter((f) => /\/indicators\.[0-9a-f]+\.csv$/.test(f));
  const quality = served.filter((f) => /\/meta\.[0-9a-f]+\.json$/.test(f));
  assert.equal(table.length, 1, "the site serves the indicator table once");
  assert.equal(readFileSync(table[0], "utf8"), exportCsv, "the site's table is the export");
  assert.equal(quality.length, 1, "the site serves the data-quality figures once");
  const meta = JSON.parse(readFileSync(quality[0], "utf8"));
  for (const t of meta.tables) assert.equal(t.rowsApprox % 100, 0, `${t.table}: rows rounded to the nearest hundred`);
  assert.ok(meta.months.every((m: Record<string, unknown>) => !("rows" in m)), "no monthly counts");
});

test("hostile unit names are shown as text on the pages, never as markup, and nothing in them runs", async () => {
  server = await startServer(dist, 0, BASE);
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await launchBrowser();
  const [first] = hostile;
  // A comparison drawn as named dots, at a period in which both units have a published figure
  // (a withheld one is listed, not drawn).
  const published = (id: string, period: string, u: Hostile) => cells.some((c) => c.indicator_id === id && c.period === period && c.unit_id === u.unit_id && c.breakdown_value === "ALL" && !c.suppressed);
  const dotIndicators = ["STAFF_SICK_LEAVE", "PROD_COST_PER_VISIT", "PROD_VISITS_PER_FTE", "STAFF_TURNOVER", "CX_STATEMENT_MEAN", "CX_NPS", "PROD_COST_PER_CLIENT"];
  const candidates = ["year", "half", "quarter", "month"].flatMap((pt) =>
    dotIndicators.flatMap((id) => [...new Set(cells.filter((c) => c.indicator_id === id && c.period_type === pt).map((c) => c.period))].sort().reverse().map((period) => ({ id, pt, period }))),
  );
  const shownAsDots = candidates.find(({ id, period }) => hostile.every((u) => published(id, period, u)));
  assert.ok(shownAsDots, "some indicator drawn as dots publishes both units in some period");
  const dotted = `${shownAsDots.id}?pt=${shownAsDots.pt}&p=${encodeURIComponent(shownAsDots.period)}`;
  const slug = (u: Hostile) => unitSlug(u.unit_id);
  const linksTo = (u: Hostile): Shown => [`table a[href^="../units/${slug(u)}.html?"]`, u];
  // Each page, and where on it a unit's name must read exactly as written.
  const pages: [path: string, shown: Shown[]][] = [
    ["units/", hostile.map((u): Shown => [`a[data-unit-link="${u.unit_id}"]`, u])],
    ...hostile.map((u): [string, Shown[]] => [`units/${slug(u)}?pt=year`, [["h1", u]]]),
    // The units' figures shown and the first unit highlighted: the select, the chart's legend, the tables' links.
    [`dimensions/HENKILOSTOKOKEMUS?pt=year&units=1&unit=${encodeURIComponent(first.unit_id)}`, [
      ["select option:checked", first], [".unit-spread .chart-legend-item", first], ...hostile.map(linksTo),
    ]],
    // A comparison as rows of named dots (names as SVG text), and one as a funnel plot.
    [`comparison/${dotted}`, hostile.flatMap((u): Shown[] => [linksTo(u), [".unit-comparison svg .y-axis text", u]])],
    ["comparison/ACC_FIRST_CONTACT?pt=year", hostile.map(linksTo)],
  ];
  for (const [path, expected] of pages) {
    const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
    const problems = watchPage(page, origin);
    const dialogs: string[] = [];
    page.on("dialog", (d) => {
      dialogs.push(`${d.type()} ${d.message()}`);
      void d.dismiss();
    });
    try {
      await page.goto(`${origin}${BASE}${path}`, { waitUntil: "load" });
      await settle(page);
      for (const [selector, u] of expected) {
        const shown = await page.$$eval(selector, (els) => els.map((e) => e.textContent!.trim()));
        assert.ok(shown.includes(u.name), `${path}: ${selector} reads ${JSON.stringify(u.name)}; found ${JSON.stringify(shown.slice(0, 5))}`);
      }
      if (path.startsWith("units/") && path !== "units/") {
        // The table of each indicator names the unit in its column header.
        const u = expected[0][1];
        const headers = await page.$$eval("table thead th", (els) => els.map((e) => e.textContent!));
        assert.ok(headers.some((h) => h.startsWith(`${u.name} `)), `${path}: a table header names the unit`);
      }
      const injected = await page.evaluate(() => ({
        // Markup of the names, had it been parsed: elements the site never writes itself.
        elements: [...document.querySelectorAll("#observablehq-main script, #observablehq-main img, #observablehq-main i, #observablehq-main b, #observablehq-main svg[onload]")].map((e) => e.outerHTML.slice(0, 80)),
        handlers: [...document.querySelectorAll("*")].flatMap((e) => [...e.attributes].filter((a) => /^on/i.test(a.name)).map((a) => `${e.localName}[${a.name}]`)),
        scripts: [...document.scripts].filter((s) => /alert\(/.test(s.text)).length,
      }));
      assert.deepEqual(injected, { elements: [], handlers: [], scripts: 0 }, `${path}: no element made from a unit name`);
      assert.deepEqual(dialogs, [], `${path}: no alert ran`);
      assert.deepEqual(problems, { consoleErrors: [], failedRequests: [], offOrigin: [] }, `${path}: no console error, failed request (img src=x) or foreign request`);
    } finally {
      await page.close();
    }
  }
});
