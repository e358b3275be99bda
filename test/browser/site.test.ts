// The built site in a real browser (Debian's Chromium via playwright-core):
// the site is built from a generated tiny extract, served under a base path by
// a plain file server (a path names a file; no ".html" guessed), and every
// page — the parameterized ones included — is opened. No console
// error, no failed request, nothing from another origin, a text alternative
// on every chart, the page weight within budget, and every figure a page
// shows (its data-* attributes and its text) equal to the export's cell.
// A crawl follows every link of every page and asserts that it resolves.
import assert from "node:assert/strict";
import { execSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join, relative } from "node:path";
import { after, before, test } from "node:test";
import { chromium, type Browser, type Page } from "playwright-core";
import { loadCatalogue, PROJECT_ROOT } from "../../loaders/indicators/catalogue.ts";
import { cellsFromArrow, unitSlug } from "../../loaders/publish/page-slices.ts";
import { statusesCsv } from "../../loaders/publish/statuses-csv.ts";
import { loadProgramme } from "../../loaders/indicators/programme.ts";
import { parseExportCsv } from "../../loaders/self-assessment/cells.ts";
import { programmeWithOffice } from "../../loaders/self-assessment/office.ts";
import { isGroupUnitId } from "../../loaders/indicators/indicator-row.ts";
import { startServer } from "../../scripts/serve.ts";
import { tinySite } from "../helpers/tiny-site.ts";
import { formatCell, formatValue } from "../../src/lib/format.ts";
import { csvParse, dsvFormat } from "d3-dsv";
import { formatDateTime } from "../../src/lib/format.ts";
import { EXPLORE_TABLES } from "../../src/lib/explore/explore-schema.ts";
import "../../src/lib/i18n/all.ts";
import { t, type Lang } from "../../src/lib/i18n.ts";

/** SITE_TEST_DIST=DIR: the site already built there from this same fixture (tiny, seed 11); otherwise the suite's shared build of it (helpers/tiny-site.ts). */
let DIST = process.env.SITE_TEST_DIST ?? "";
const BASE = "/nelimaali/";
/** Gzip bytes a page may transfer on first load (explore and the lead's export pages are exempt). */
const PAGE_BUDGET = 250 * 1024;
const EXEMPT_FROM_BUDGET = /^(explore|self-assessment\/)/;

interface ExportRow {
  numerator: string;
  denominator: string;
  value: string;
  suppressed: boolean;
}
interface Indicator {
  id: string;
  unit: string;
  privacy: { threshold: number } | { suppress: false };
}

let server: Server;
let origin: string;
let browser: Browser;
let exportRows: Map<string, ExportRow>;
let indicators: Map<string, Indicator>;
let pages: string[];

const key = (indicator: string, period: string, unit: string, breakdownValue: string) => `${indicator}|${period}|${unit}|${breakdownValue}`;

function periodType(period: string): string {
  return /^\d{4}-\d{2}$/.test(period) ? "month" : /Q/.test(period) ? "quarter" : /H/.test(period) ? "half" : "year";
}

function readExport(): Map<string, ExportRow> {
  const dir = join(DIST, "_file", "data");
  const file = readdirSync(dir).find((f) => /^indicators\.[0-9a-f]+\.csv$/.test(f));
  assert.ok(file, "the export CSV is in the built site");
  const lines = readFileSync(join(dir, file), "utf8").trim().split("\n");
  assert.equal(lines[0], "indicator_id,period_type,period,unit_id,breakdown,breakdown_value,numerator,denominator,value,suppressed");
  const rows = new Map<string, ExportRow>();
  for (const line of lines.slice(1)) {
    // Codes and numbers only: no quoted fields in this export.
    const [id, pt, period, unit, , bv, numerator, denominator, value, suppressed] = line.split(",");
    assert.equal(pt, periodType(period));
    rows.set(key(id, period, unit, bv), { numerator, denominator, value, suppressed: suppressed === "true" });
  }
  return rows;
}

function htmlPages(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const path = join(d, entry.name);
      if (entry.isDirectory() && !entry.name.startsWith("_")) walk(path);
      else if (entry.name.endsWith(".html")) out.push(relative(DIST, path).replace(/\.html$/, "").replace(/(^|\/)index$/, "$1"));
    }
  };
  walk(dir);
  return out.sort();
}

before(async () => {
  if (!DIST) DIST = (await tinySite(11)).dist;
  exportRows = readExport();
  const catalogue = JSON.parse(readFileSync(join(PROJECT_ROOT, "data", "indicators.json"), "utf8")) as { indicators: Indicator[] };
  indicators = new Map(catalogue.indicators.map((i) => [i.id, i]));
  pages = htmlPages(DIST);
  // As any static host would serve it: files only (scripts/serve.ts, plain mode).
  server = await startServer(DIST, 0, BASE, { plain: true });
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const executablePath = execSync("command -v chromium", { encoding: "utf8" }).trim();
  browser = await chromium.launch({
    executablePath,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
  });
});

after(async () => {
  await browser?.close();
  await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
});

interface Visit {
  errors: string[];
  failed: string[];
  foreign: string[];
  bytes: number;
  page: Page;
}

/** A page's address on a plain file server: its file, then its query ("units/" → "units/index.html", "methods?pt=year" → "methods.html?pt=year"). */
function pageUrl(path: string): string {
  const [, file, rest] = /^([^?#]*)(.*)$/.exec(path)!;
  return `${file === "" || file.endsWith("/") ? `${file}index.html` : `${file}.html`}${rest}`;
}

async function visit(path: string): Promise<Visit> {
  const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
  const v: Visit = { errors: [], failed: [], foreign: [], bytes: 0, page };
  page.on("console", (m) => {
    if (m.type() === "error") v.errors.push(m.text());
  });
  page.on("pageerror", (e) => v.errors.push(String(e)));
  page.on("requestfailed", (r) => v.failed.push(`${r.url()} ${r.failure()?.errorText ?? ""}`));
  page.on("request", (r) => {
    const url = r.url();
    if (!url.startsWith(origin) && !url.startsWith("data:") && !url.startsWith("blob:")) v.foreign.push(url);
  });
  page.on("requestfinished", async (r) => {
    const sizes = await r.sizes().catch(() => null);
    if (sizes) v.bytes += sizes.responseBodySize;
  });
  page.on("response", (r) => {
    if (r.status() >= 400) v.failed.push(`${r.url()} ${r.status()}`);
  });
  await page.goto(`${origin}${BASE}${pageUrl(path)}`, { waitUntil: "load" });
  await settle(page);
  return v;
}

/** Framework renders cells asynchronously, one after another: wait until nothing is pending and the page stays the same for a moment. */
async function settle(page: Page): Promise<void> {
  let last = "";
  let stable = 0;
  for (const deadline = Date.now() + 20_000; Date.now() < deadline && stable < 3; ) {
    await page.waitForTimeout(150);
    const state = await page.evaluate(() => `${document.querySelectorAll("observablehq-loading").length}|${document.getElementsByTagName("*").length}`);
    stable = state === last && state.startsWith("0|") ? stable + 1 : 0;
    last = state;
  }
}

interface Figure {
  indicator: string;
  period: string;
  unit: string;
  breakdownValue: string;
  state: string;
  value: string;
  text: string;
}

async function figures(page: Page): Promise<Figure[]> {
  return page.$$eval("[data-indicator][data-period][data-state]", (els) =>
    els.map((el) => {
      const d = (el as HTMLElement).dataset;
      // The text on screen: a withheld figure also carries its spoken words ("piilotettu tietosuojan vuoksi") in a visually hidden span.
      const shown = el.cloneNode(true) as HTMLElement;
      shown.querySelectorAll(".visually-hidden").forEach((n) => n.remove());
      return { indicator: d.indicator!, period: d.period!, unit: d.unit!, breakdownValue: d.breakdownValue!, state: d.state!, value: d.value ?? "", text: shown.textContent ?? "" };
    }),
  );
}

function checkFigures(path: string, list: Figure[]): void {
  for (const f of list) {
    const where = `${path}: ${f.indicator} ${f.period} ${f.unit} ${f.breakdownValue}`;
    const indicator = indicators.get(f.indicator);
    assert.ok(indicator, `${where}: a catalogue indicator`);
    const row = exportRows.get(key(f.indicator, f.period, f.unit, f.breakdownValue));
    if (f.state === "missing") {
      assert.ok(!row || (row.value === "" && !row.suppressed), `${where}: shown as no data, but the export has it`);
      assert.equal(f.text, formatCell(undefined, indicator.unit), `${where}: reads "ei tietoa"`);
    } else if (f.state === "suppressed") {
      assert.ok(row?.suppressed, `${where}: shown as withheld, and withheld in the export`);
      assert.equal(f.text, "..", `${where}: reads ".." (never "< 5": a partner cell may be large)`);
    } else {
      assert.ok(row && !row.suppressed, `${where}: the export publishes it`);
      assert.equal(f.value, row.value, `${where}: the published value`);
      assert.equal(f.text, formatCell({ value: Number(row.value), suppressed: false }, indicator.unit), `${where}: formatted`);
    }
  }
}

interface XmrShown {
  indicator: string;
  unit: string;
  limits: string;
  points: [string, string][];
  withheld: string[];
  means: { from: string; to: string; value: string }[];
  tooFew: boolean;
  caption: string;
}

interface FunnelShown {
  indicator: string;
  period: string;
  p: string;
  units: { unit: string; value: string; numerator: string; denominator: string; funnel: string }[];
  suppressed: string[];
}

/** The XmR charts and funnel plots of a page, as their data-* attributes say. */
async function charts(page: Page): Promise<{ xmr: XmrShown[]; funnel: FunnelShown[] }> {
  const xmr = await page.$$eval("figure.xmr-chart", (figs) => figs.map((f) => {
    const d = (f as HTMLElement).dataset;
    return {
      indicator: d.indicatorChart ?? "", unit: d.unitChart ?? "", limits: d.limits ?? "",
      points: [...f.querySelectorAll(".xmr-points [data-period]")].map((p) => [p.getAttribute("data-period")!, p.getAttribute("data-value")!] as [string, string]),
      withheld: [...f.querySelectorAll(".suppressed-marks [data-period]")].map((p) => p.getAttribute("data-period")!),
      means: [...f.querySelectorAll("[data-line=mean]")].map((l) => ({ from: l.getAttribute("data-from")!, to: l.getAttribute("data-to")!, value: l.getAttribute("data-value")! })),
      tooFew: !!f.querySelector(".xmr-too-few"),
      caption: f.querySelector("figcaption")?.textContent ?? "",
    };
  }));
  const funnel = await page.$$eval("figure.funnel-chart", (figs) => figs.map((f) => {
    const d = (f as HTMLElement).dataset;
    return {
      indicator: d.indicatorChart ?? "", period: d.period ?? "", p: d.p ?? "",
      units: [...f.querySelectorAll<HTMLElement>(".funnel-unit")].map((g) => ({ unit: g.dataset.unit!, value: g.dataset.value!, numerator: g.dataset.numerator!, denominator: g.dataset.denominator!, funnel: g.dataset.funnel! })),
      suppressed: (d.suppressedUnits ?? "").split(" ").filter(Boolean),
    };
  }));
  return { xmr, funnel };
}

/** Every point, withheld month and mean of an XmR chart, and every unit and the centre of a funnel, against the export. */
function checkCharts(path: string, shown: { xmr: XmrShown[]; funnel: FunnelShown[] }): void {
  for (const c of shown.xmr) {
    const where = `${path}: XmR ${c.indicator} ${c.unit}`;
    assert.ok(indicators.has(c.indicator), `${where}: a catalogue indicator`);
    for (const [period, value] of c.points) {
      const row = exportRows.get(key(c.indicator, period, c.unit, "ALL"));
      assert.ok(row && !row.suppressed, `${where} ${period}: the export publishes it`);
      assert.equal(value, row.value, `${where} ${period}: the published value`);
    }
    for (const period of c.withheld) assert.ok(exportRows.get(key(c.indicator, period, c.unit, "ALL"))?.suppressed, `${where} ${period}: withheld in the export`);
    const latestFrom = c.means.reduce((x, m) => (m.from > x ? m.from : x), "");
    for (const m of c.means) {
      const values = c.points.filter(([p]) => p >= m.from && p <= m.to).map(([, v]) => Number(v));
      const mean = values.reduce((a, b) => a + b, 0) / values.length;
      // v2.6 draws a partition's limits from however few values it has (a
      // recalculation, withheld months); where the current one has fewer than
      // 12, the chart says so.
      if (values.length < 12 && m.from === latestFrom) assert.match(c.caption, new RegExp(`Nykyiset rajat on laskettu ${values.length} arvosta, vähemmästä kuin 12`), `${where}: the current limits from ${values.length} values, and the chart says so`);
      assert.ok(values.length >= 2, `${where}: limits of ${m.from}–${m.to} from at least two values (one moving range)`);
      assert.ok(Math.abs(mean - Number(m.value)) <= 1e-9 * Math.max(1, Math.abs(mean)), `${where}: the mean ${m.value} of ${m.from}–${m.to} is the export's`);
    }
    if (c.limits === "none") assert.ok(c.tooFew && /Alle 13 kuukausiarvoa/.test(c.caption), `${where}: says why there are no limits`);
  }
  for (const f of shown.funnel) {
    const where = `${path}: funnel ${f.indicator} ${f.period}`;
    const whole = exportRows.get(key(f.indicator, f.period, "ALL", "ALL"));
    assert.ok(whole && !whole.suppressed && whole.value === f.p, `${where}: p is the published whole ${whole?.value}`);
    for (const u of f.units) {
      const row = exportRows.get(key(f.indicator, f.period, u.unit, "ALL"));
      assert.ok(row && !row.suppressed, `${where} ${u.unit}: the export publishes it`);
      assert.deepEqual([u.value, u.numerator, u.denominator], [row.value, row.numerator, row.denominator], `${where} ${u.unit}: value and counts as published`);
    }
    for (const unit of f.suppressed) assert.ok(exportRows.get(key(f.indicator, f.period, unit, "ALL"))?.suppressed, `${where} ${unit}: withheld in the export`);
    assert.ok(!f.units.some((u) => f.suppressed.includes(u.unit)), `${where}: a withheld unit is not plotted`);
  }
}

async function checkPage(path: string, options: { expectFigures?: boolean } = {}): Promise<{ figures: number; units: Set<string>; bytes: number; charts: { xmr: XmrShown[]; funnel: FunnelShown[] } }> {
  const v = await visit(path);
  try {
    assert.deepEqual(v.errors, [], `${path}: console errors`);
    assert.deepEqual(v.failed, [], `${path}: failed requests`);
    assert.deepEqual(v.foreign, [], `${path}: requests to other origins`);
    const list = await figures(v.page);
    if (options.expectFigures) assert.ok(list.length > 0, `${path}: shows figures`);
    checkFigures(path, list);
    const shownCharts = await charts(v.page);
    checkCharts(path, shownCharts);
    // Every chart states its message in words.
    const silent = await v.page.$$eval("figure", (els) =>
      els.filter((f) => !f.parentElement?.closest("figure") && f.querySelector("svg") && !f.querySelector("figcaption")?.textContent?.trim() && !f.getAttribute("aria-label")).length,
    );
    assert.equal(silent, 0, `${path}: charts without a text alternative`);
    if (!EXEMPT_FROM_BUDGET.test(path)) assert.ok(v.bytes <= PAGE_BUDGET, `${path}: ${Math.round(v.bytes / 1024)} kB transferred, budget ${PAGE_BUDGET / 1024} kB`);
    return { figures: list.length, units: new Set(list.map((f) => f.unit)), bytes: v.bytes, charts: shownCharts };
  } finally {
    await v.page.close();
  }
}

test("every page opens cleanly and shows the export's figures", async () => {
  assert.ok(pages.includes(""), "the overview is built");
  for (const required of ["methods", "quality", "units/", "comparison/", "dimensions/HENKILOSTOKOKEMUS", "goals/HT1", "areas/KA1"]) {
    assert.ok(pages.includes(required), `${required} is built`);
  }
  const meta = JSON.parse(readFileSync(join(DIST, "_file", "data", readdirSync(join(DIST, "_file", "data")).find((f) => /^meta\.[0-9a-f]+\.json$/.test(f))!), "utf8"));
  assert.equal(pages.filter((p) => /^units\/./.test(p)).length, meta.units.length, "one page per unit");
  assert.equal(pages.filter((p) => /^comparison\/./.test(p)).length, indicators.size, "one comparison per indicator");
  const queue = [...pages];
  const results: string[] = [];
  const withFigures = /^(|dimensions\/.+|goals\/.+|areas\/.+|units\/.+|comparison\/.+)$/;
  // Two tabs at a time keep the run short on two cores.
  await Promise.all(
    [0, 1, 2].map(async () => {
      for (let path = queue.shift(); path !== undefined; path = queue.shift()) {
        const started = Date.now();
        // A unit page shows figures when the export has any for the unit (a unit may have none at all in a tiny extract).
        const unitId = /^units\/(.+)$/.exec(path)?.[1];
        const unitHasCells = !unitId || [...exportRows.keys()].some((k) => k.includes(`|${unitId}|`));
        const r = await checkPage(path, { expectFigures: withFigures.test(path) && path !== "units/" && path !== "comparison/" && unitHasCells });
        results.push(`${path || "/"}: ${r.figures} figures, ${Math.round(r.bytes / 1024)} kB, ${Date.now() - started} ms`);
      }
    }),
  );
  console.log(results.sort().join("\n"));
});

test("a dimension page shows every unit's figures on request, equal to the export", async () => {
  const r = await checkPage("dimensions/SAATAVUUS_VAIKUTTAVUUS?pt=month&units=1", { expectFigures: true });
  assert.ok(r.figures > 100, `unit figures shown (${r.figures})`);
});

test("the XmR charts (monthly dimension and unit pages) and funnel plots render and equal the export", async () => {
  const meta = JSON.parse(readFileSync(join(DIST, "_file", "data", readdirSync(join(DIST, "_file", "data")).find((f) => /^meta\.[0-9a-f]+\.json$/.test(f))!), "utf8"));
  let xmr = 0;
  let limited = 0;
  for (const path of ["dimensions/SAATAVUUS_VAIKUTTAVUUS?pt=month", "dimensions/HENKILOSTOKOKEMUS?pt=month"]) {
    const r = await checkPage(path, { expectFigures: true });
    assert.ok(r.charts.xmr.length > 0, `${path}: XmR charts`);
    assert.ok(r.charts.xmr.every((c) => c.unit === "ALL"));
    xmr += r.charts.xmr.length;
    limited += r.charts.xmr.filter((c) => c.limits === "yes").length;
  }
  // The unit with the most published monthly cells.
  const counts = new Map<string, number>();
  for (const k of exportRows.keys()) {
    const [, period, unit, bv] = k.split("|");
    // A unit's: not the city's, an area's or an operating model's (area:…, model:…, which have no unit page).
    if (unit !== "ALL" && !isGroupUnitId(unit) && bv === "ALL" && periodType(period) === "month") counts.set(unit, (counts.get(unit) ?? 0) + 1);
  }
  const busiest = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0][0];
  const unit = meta.units.find((u: { unit_id: string }) => u.unit_id === busiest);
  const r = await checkPage(`units/${unitSlug(busiest)}?pt=month`, { expectFigures: true });
  assert.ok(r.charts.xmr.length > 0 && r.charts.xmr.every((c) => c.unit === unit.unit_id), "the unit's own XmR charts");
  xmr += r.charts.xmr.length;
  // The yearly unit page shows the unit's area's own figures beside the city's (checked against the export above).
  const yearly = await checkPage(`units/${unitSlug(busiest)}?pt=year`, { expectFigures: true });
  assert.ok(yearly.units.has(`area:${unit.area}`) && yearly.units.has("ALL"), `the unit page shows its area's figures: ${[...yearly.units].join(", ")}`);
  assert.ok(![...yearly.units].some((u) => u !== unit.unit_id && u !== "ALL" && u !== `area:${unit.area}`), "and no other unit's or area's");
  assert.ok(limited > 0, `some charts have limits (${limited} of ${xmr})`);
  // A share indicator's comparison is a funnel plot.
  const f = await checkPage("comparison/ACC_FIRST_CONTACT?pt=year", { expectFigures: true });
  assert.equal(f.charts.funnel.length, 1, "one funnel plot");
  assert.ok(f.charts.funnel[0].units.length > 0, "units plotted");
  const nps = await checkPage("comparison/CX_NPS?pt=year", { expectFigures: true });
  assert.equal(nps.charts.funnel.length, 0, "an NPS is no share: no funnel");
});

test("the overview lists the units with a significant deterioration by name", async () => {
  const v = await visit("?pt=year");
  try {
    assert.deepEqual(v.errors, []);
    const guard = await v.page.$eval(".guardrail", (e) => ({ month: (e as HTMLElement).dataset.month, flagged: (e as HTMLElement).dataset.flagged, rows: [...e.querySelectorAll<HTMLElement>("tr[data-guardrail-scope]")].map((r) => [r.dataset.guardrailScope, r.querySelector("th")!.textContent, r.dataset.concernDimensions]) }));
    assert.match(guard.month ?? "", /^\d{4}-\d{2}$/, "read up to a month");
    const units = guard.rows.filter((r) => r[0] !== "ALL");
    const names = units.map((r) => r[1]!);
    assert.deepEqual(names, [...names].sort(new Intl.Collator("fi-FI").compare), "by name, not by value");
    if (guard.rows.some((r) => r[0] === "ALL")) assert.equal(guard.rows[0][0], "ALL", "the whole city first");
    for (const r of guard.rows) assert.ok(r[2], `${r[0]}: names the dimension`);
  } finally {
    await v.page.close();
  }
});

test("the overview marks each dimension and tells a trade-off in words", async () => {
  const v = await visit("?pt=half");
  try {
    const panels = await v.page.$$eval("[data-dimension]", (els) => els.map((e) => [(e as HTMLElement).dataset.dimension, (e as HTMLElement).dataset.verdict]));
    assert.deepEqual(panels.map((p) => p[0]), ["HENKILOSTOKOKEMUS", "TUOTTAVUUS", "ASIAKASKOKEMUS", "SAATAVUUS_VAIKUTTAVUUS"]);
    const banner = await v.page.$eval("[data-tradeoff]", (e) => [(e as HTMLElement).dataset.tradeoff, e.textContent]);
    const verdicts = panels.map((p) => p[1]);
    // A trade-off is a worsening dimension while another improves; a mixed one is not counted as worsening.
    const conflict = verdicts.includes("worsening") && verdicts.includes("improving");
    assert.equal(banner[0], String(conflict), `banner agrees with the panels ${verdicts.join(",")}`);
    // Headline cards: the value shown is the export's at the chosen period, and so are the compared ones.
    const cards = await v.page.$$eval(".headline-card", (els) => els.length);
    assert.ok(cards >= 8, "a card per headline indicator");
  } finally {
    await v.page.close();
  }
});

test("the overview counts the goals met ('tavoitetta saavutettu') and the units table has a row per unit", async () => {
  const catalogue = JSON.parse(readFileSync(join(PROJECT_ROOT, "data", "indicators.json"), "utf8")) as { indicators: { id: string; dimension: string; headline: boolean; targets: { op: string; value: number; from: string | null; to: string | null }[] }[] };
  const headline = catalogue.indicators.filter((i) => i.headline);
  const v = await visit("?pt=year");
  try {
    assert.deepEqual(v.errors, []);
    const period = await v.page.evaluate(() => new URLSearchParams(location.search).get("p"));
    const counts = await v.page.$$eval(".goal-count", (els) => els.map((e) => {
      const d = (e as HTMLElement).dataset;
      return { dimension: (e.closest("[data-dimension]") as HTMLElement | null)?.dataset.dimension ?? null, text: e.textContent ?? "", met: Number(d.goalsMet), known: Number(d.goalsKnown), unknown: Number(d.goalsUnknown) };
    }));
    const cards = await v.page.$$eval(".headline-card", (els) => els.map((e) => {
      const dd = e.querySelector<HTMLElement>("[data-target-met]");
      return { indicator: (e as HTMLElement).dataset.indicator!, dimension: (e.closest("[data-dimension]") as HTMLElement).dataset.dimension!, met: dd?.dataset.targetMet, kind: dd?.dataset.targetKind, text: dd?.textContent ?? "" };
    }));
    const overall = counts.filter((c) => c.dimension === null);
    assert.equal(overall.length, 1, "one overall count");
    for (const c of counts) {
      assert.match(c.text, new RegExp(`${c.met} / ${c.known} tavoitetta saavutettu${c.unknown ? ` · ${c.unknown} ei tiedossa` : ""}$`), `${c.dimension ?? "overall"}: says the count`);
      // Each count is the cards' own goals: met, missed and not known (a withheld card is never met nor missed).
      const mine = cards.filter((k) => c.dimension === null || k.dimension === c.dimension);
      assert.equal(mine.length, headline.filter((i) => c.dimension === null || i.dimension === c.dimension).length, "a card per headline indicator");
      assert.deepEqual([c.met, c.known - c.met, c.unknown], [mine.filter((k) => k.met === "true").length, mine.filter((k) => k.met === "false").length, mine.filter((k) => k.met === "unknown").length], `${c.dimension ?? "overall"}: counts the cards`);
    }
    assert.deepEqual(counts.filter((c) => c.dimension).map((c) => c.dimension), ["HENKILOSTOKOKEMUS", "TUOTTAVUUS", "ASIAKASKOKEMUS", "SAATAVUUS_VAIKUTTAVUUS"], "a count per dimension");
    for (const k of cards) {
      const indicator = headline.find((i) => i.id === k.indicator)!;
      const row = exportRows.get(key(k.indicator, period!, "ALL", "ALL"));
      if (!indicator.targets.length) {
        assert.equal(k.kind, "no-worsening", `${k.indicator}: no numeric target, so the programme's rule`);
        assert.match(k.text, /^ei merkitsevää heikkenemistä/);
      } else if (indicator.targets.length === 1 && indicator.targets[0].from === null && indicator.targets[0].to === null) {
        // A target in force always: met exactly when the export's value meets it.
        const t = indicator.targets[0];
        const expected = !row || row.suppressed || row.value === "" ? "unknown" : String(t.op === ">=" ? Number(row.value) >= t.value : Number(row.value) <= t.value);
        assert.equal(k.met, expected, `${k.indicator} ${period}: target met as the export says`);
      }
      if (!row || row.suppressed) assert.equal(k.met, "unknown", `${k.indicator}: withheld or missing is not known`);
    }
    const unitsHref = await v.page.$eval("a[data-units-table-link]", (a) => (a as HTMLAnchorElement).href);
    assert.match(unitsHref, new RegExp(`/units/index\\.html\\?pt=year&p=${period}$`), "the overview links to the units table at its period");
  } finally {
    await v.page.close();
  }

  const meta = JSON.parse(readFileSync(join(DIST, "_file", "data", readdirSync(join(DIST, "_file", "data")).find((f) => /^meta\.[0-9a-f]+\.json$/.test(f))!), "utf8")) as { units: { unit_id: string; area: string; operating_model: string }[] };
  const u = await visit("units/?pt=year");
  try {
    assert.deepEqual(u.errors, []);
    const rows = await u.page.$$eval("table.units-table tr[data-unit]", (trs) => trs.map((tr) => [(tr as HTMLElement).dataset.unit!, tr.querySelectorAll("td").length, tr.querySelector("th a[data-unit-link]")?.getAttribute("href") ?? ""] as const));
    assert.deepEqual(rows.map((r) => r[0]).sort(), meta.units.map((x) => x.unit_id).sort(), "a row per unit");
    assert.ok(rows.every((r) => r[1] === headline.length), "a column per headline indicator");
    assert.ok(rows.every((r) => /\.html\?pt=year&p=\d{4}$/.test(r[2])), "each row links to its unit's page");
    // First the whole city, every area and every operating model (their own figures, checked against the export below with the units').
    const summaryRows = async () => u.page.$$eval("table.units-table tbody[data-group=summaries] tr[data-summary]", (trs) => trs.map((tr) => [(tr as HTMLElement).dataset.summary!, tr.querySelectorAll("td").length] as const));
    const summaries = await summaryRows();
    const distinct = (list: string[]) => [...new Set(list)].sort();
    assert.equal(summaries[0]?.[0], "ALL", "the whole city's row first");
    assert.deepEqual(summaries.filter((r) => r[0].startsWith("area:")).map((r) => r[0]).sort(), distinct(meta.units.map((x) => `area:${x.area}`)), "a row per area");
    assert.deepEqual(summaries.filter((r) => r[0].startsWith("model:")).map((r) => r[0]).sort(), distinct(meta.units.map((x) => `model:${x.operating_model}`)), "a row per operating model");
    assert.ok(summaries.every((r) => r[1] === headline.length), "the summary rows have every headline column");
    assert.equal(await u.page.$eval("table.units-table tbody", (tb) => (tb as HTMLElement).dataset.group), "summaries", "the summaries' row group comes first");
    // The figures are the export's ("..": withheld, never "< 5").
    checkFigures("units/?pt=year", await figures(u.page));
    // Sorting by keyboard: Enter on a header's button sorts that column and says so in aria-sort.
    const column = headline[0].id;
    await u.page.focus(`button[data-sort-column="${column}"]`);
    await u.page.keyboard.press("Enter");
    assert.equal(await u.page.$eval(`button[data-sort-column="${column}"]`, (b) => b.closest("th")!.getAttribute("aria-sort")), "ascending");
    await u.page.keyboard.press("Enter");
    assert.equal(await u.page.$eval(`button[data-sort-column="${column}"]`, (b) => b.closest("th")!.getAttribute("aria-sort")), "descending");
    assert.equal(await u.page.$$eval("table.units-table th[aria-sort]", (ths) => ths.length), 1, "only the sorted column says aria-sort");
    assert.equal(await u.page.evaluate(() => new URLSearchParams(location.search).get("dir")), "descending", "the sort is kept in the address");
    assert.deepEqual(await summaryRows(), summaries, "sorting leaves the summary rows as they were");
  } finally {
    await u.page.close();
  }
  // An area chosen: the city, that area and the operating models of its units.
  const chosen = meta.units[0].area;
  const a = await visit(`units/?pt=year&area=${encodeURIComponent(chosen)}`);
  try {
    assert.deepEqual(a.errors, []);
    const ids = await a.page.$$eval("table.units-table tr[data-summary]", (trs) => trs.map((tr) => (tr as HTMLElement).dataset.summary!));
    const models = [...new Set(meta.units.filter((x) => x.area === chosen).map((x) => `model:${x.operating_model}`))].sort();
    assert.deepEqual([ids[0], ids[1], ...ids.slice(2).sort()], ["ALL", `area:${chosen}`, ...models]);
    checkFigures(`units/?pt=year&area=${chosen}`, await figures(a.page));
  } finally {
    await a.page.close();
  }
});

test("the controls keep their state in the address", async () => {
  const v = await visit("");
  try {
    await v.page.check("fieldset.control-radio input[value=year]");
    await v.page.waitForFunction(() => new URLSearchParams(location.search).get("pt") === "year");
    await settle(v.page);
    const period = await v.page.evaluate(() => new URLSearchParams(location.search).get("p"));
    assert.match(period ?? "", /^\d{4}$/, "the period follows the period type");
    const url = v.page.url();
    await v.page.goto(url, { waitUntil: "load" });
    await settle(v.page);
    assert.equal(await v.page.$eval("fieldset.control-radio input[value=year]", (e) => (e as HTMLInputElement).checked), true);
    const shown = await figures(v.page);
    assert.ok(shown.length > 0 && shown.every((f) => periodType(f.period) === "year"), "the figures are yearly after a reload");
    checkFigures("?pt=year", shown);
  } finally {
    await v.page.close();
  }
});

test("links are relative, so the site works under any base path", () => {
  for (const page of pages) {
    const file = join(DIST, page.endsWith("/") || page === "" ? `${page}index.html` : `${page}.html`);
    if (!existsSync(file)) continue;
    const html = readFileSync(file, "utf8");
    const absolute = [...html.matchAll(/(?:href|src)="(\/[^"]*)"/g)].map((m) => m[1]);
    assert.deepEqual(absolute, [], `${page}: root-relative links`);
  }
});

/** The links (a href) and assets (script src, link href, img src) of a served HTML page, resolved against its address; scripts' code is skipped. */
function references(html: string, pageAddress: string): { links: string[]; assets: string[] } {
  const tags = html.replace(/(<script\b[^>]*>)[\s\S]*?<\/script>/gi, "$1");
  const decode = (s: string) => s.replace(/&(amp|quot|#39|lt|gt);/g, (_, e: string) => ({ amp: "&", quot: '"', "#39": "'", lt: "<", gt: ">" })[e]!);
  const links: string[] = [];
  const assets: string[] = [];
  for (const [, tag, attr, value] of tags.matchAll(/<(a|link|script|img|source)\b[^>]*?\s(href|src)="([^"]*)"/gi)) {
    const raw = decode(value);
    // A link within the page ("#top") asks the host for nothing.
    if (tag.toLowerCase() === "a" && attr === "href") {
      if (!raw.startsWith("#")) links.push(new URL(raw, pageAddress).href);
    } else assets.push(new URL(raw, pageAddress).href);
  }
  return { links, assets };
}

/** The links of a page once its code has run (the links it builds, ?lang= added by the site script), as the browser resolves them. */
async function renderedLinks(path: string): Promise<string[]> {
  const v = await visit(path);
  try {
    assert.deepEqual(v.failed, [], `${path}: failed requests`);
    return await v.page.$$eval("a[href]:not([href^='#'])", (as) => as.map((a) => (a as HTMLAnchorElement).href));
  } finally {
    await v.page.close();
  }
}

test("every link and asset resolves on a plain file server under a base path (a crawl)", async () => {
  const started = Date.now();
  const base = `${origin}${BASE}`;
  // Links a page's code writes exist only once it has run: one page of each
  // kind in the browser (every parameterized page of a kind builds its links
  // alike), and a dimension with its units' figures shown (links to units).
  // Everything else is read from the served HTML, from Node.
  const kinds = new Map<string, string>();
  for (const p of pages) {
    const kind = /^[^/]+\/[^/]+$/.test(p) ? p.replace(/\/.*/, "/*") : p;
    if (!kinds.has(kind)) kinds.set(kind, p);
  }
  const views = [...kinds.values(), `${pages.find((p) => p.startsWith("dimensions/"))}?units=1`, "?pt=month"];
  const found: { href: string; on: string }[] = [];
  const browsed = views.length;
  await Promise.all([0, 1].map(async () => {
    for (let view = views.shift(); view !== undefined; view = views.shift()) {
      for (const href of await renderedLinks(view)) found.push({ href, on: `${view || "/"} (rendered)` });
    }
  }));

  const rendering = Date.now() - started;
  const checked = new Map<string, number>();
  // A file is the same whatever its query: each page is read once, and only checked again.
  const read = new Set<string>();
  const broken: string[] = [];
  const folderLinks: string[] = [];
  const queue: { href: string; on: string; link: boolean }[] = [{ href: base, on: "(start)", link: false }, ...found.map((f) => ({ ...f, link: true }))];
  const take = async (item: { href: string; on: string; link: boolean }) => {
    const url = new URL(item.href);
    if (url.origin !== origin || !/^https?:$/.test(url.protocol)) return;
    url.hash = "";
    // An object store serves a folder's index.html only on a website endpoint, if at all: every link names its file.
    if (item.link && url.pathname.endsWith("/")) folderLinks.push(`${item.on} → ${url.pathname}`);
    if (checked.has(url.href)) return;
    checked.set(url.href, 0);
    const page = (url.pathname.endsWith(".html") || url.pathname.endsWith("/")) && !read.has(url.pathname);
    if (page) read.add(url.pathname);
    const response = await fetch(url, { method: page ? "GET" : "HEAD", redirect: "manual" });
    checked.set(url.href, response.status);
    if (response.status !== 200) {
      broken.push(`${item.on} → ${url.pathname}${url.search} ${response.status}`);
      return;
    }
    if (!page) return;
    const refs = references(await response.text(), url.href);
    const on = `${url.pathname.slice(BASE.length) || "/"}${url.search}`;
    for (const href of refs.links) queue.push({ href, on, link: true });
    for (const href of refs.assets) queue.push({ href, on, link: false });
  };
  while (queue.length) await Promise.all(queue.splice(0, 8).map(take));

  assert.deepEqual(broken, [], "links and assets that do not answer 200");
  assert.deepEqual([...new Set(folderLinks)], [], "links to a folder rather than its index.html");
  // The crawl reached every page of the site and every kind of download.
  const reached = new Set([...checked].filter(([, status]) => status === 200).map(([href]) => new URL(href).pathname));
  for (const p of pages) assert.ok(reached.has(`${BASE}${pageUrl(p)}`), `${pageUrl(p)} is linked from the site`);
  for (const ext of ["csv", "docx", "xlsx", "zip"]) assert.ok([...reached].some((p) => p.endsWith(`.${ext}`)), `a .${ext} download is linked and served`);
  console.log(`crawled ${checked.size} addresses (${pages.length} pages) in ${((Date.now() - started) / 1000).toFixed(1)} s, ${(rendering / 1000).toFixed(1)} s of it rendering ${browsed} pages in the browser`);
});

test("in Swedish (?lang=sv) the sidebar, header and footer links resolve and keep the language", async () => {
  const path = pages.find((p) => p.startsWith("goals/"))!;
  const v = await visit(`${path}?lang=sv`);
  try {
    assert.deepEqual(v.failed, [], "failed requests");
    const links = await v.page.$$eval("#observablehq-sidebar a[href], #observablehq-footer a[href]", (as) => as.map((a) => (a as HTMLAnchorElement).href));
    const languages = await v.page.$$eval("#language-switch a[href]", (as) => as.map((a) => (a as HTMLAnchorElement).href));
    // Overview, 4 dimensions, 5 goals, 5 areas, units and comparison, self-assessment, methods, quality, explore, accessibility; the statement again in the footer.
    assert.ok(links.length >= 22, `sidebar and footer links (${links.length})`);
    assert.equal(languages.length, 3, "three language links");
    for (const href of [...links, ...languages]) {
      const url = new URL(href);
      assert.ok(url.origin === origin && url.pathname.startsWith(BASE) && url.pathname.endsWith(".html"), `${href}: a page of the site, by its file`);
      if (links.includes(href)) assert.equal(url.searchParams.get("lang"), "sv", `${href}: keeps the language`);
      const response = await fetch(href);
      assert.equal(response.status, 200, `${href}: served`);
    }
    // Following one: the next page opens, in Swedish.
    const [response] = await Promise.all([v.page.waitForNavigation({ waitUntil: "load" }), v.page.$eval('#observablehq-sidebar a[href*="methods.html"]', (a) => (a as HTMLAnchorElement).click())]);
    assert.equal(response?.status(), 200);
    await settle(v.page);
    assert.equal(await v.page.evaluate(() => document.documentElement.lang), "sv");
    assert.deepEqual(v.failed, [], "failed requests after following a sidebar link");
  } finally {
    await v.page.close();
  }
});

test("a page fetches only its own language's strings module, and reads in that language", async () => {
  // The overview's heading and the methods page's are made from the strings by the page's cells; the self-assessment page has none, only the chrome.
  const half = pages.find((p) => /^self-assessment\/\d{4}H[12]$/.test(p))!;
  const cases: { path: string; lang: Lang; heading?: string }[] = [
    { path: "?lang=sv", lang: "sv", heading: `${t("sv", "siteTitle")} – ${t("sv", "overview").toLowerCase()}` },
    { path: "methods?lang=en", lang: "en", heading: t("en", "methods") },
    { path: "methods", lang: "fi", heading: t("fi", "methods") },
    { path: `${half}?lang=sv`, lang: "sv" },
  ];
  for (const { path, lang, heading } of cases) {
    const page = await browser.newPage();
    const requested: string[] = [];
    page.on("request", (r) => requested.push(new URL(r.url()).pathname));
    try {
      await page.goto(`${origin}${BASE}${pageUrl(path)}`, { waitUntil: "load" });
      await settle(page);
      const strings = requested.map((p) => /\/_import\/lib\/i18n\/(fi|sv|en)\.[0-9a-f]+\.js$/.exec(p)?.[1]).filter((l) => l);
      assert.deepEqual(strings, [lang], `${path}: the ${lang} strings and no other (requested: ${strings})`);
      assert.equal(await page.evaluate(() => document.documentElement.lang), lang, `${path}: <html lang>`);
      assert.equal(await page.textContent("#skip-to-content"), t(lang, "skipToContent"), `${path}: the chrome in ${lang}`);
      assert.equal(await page.getAttribute("#observablehq-sidebar", "aria-label"), t(lang, "siteMenu"), `${path}: the sidebar in ${lang}`);
      if (heading) assert.equal((await page.textContent("#observablehq-main h1"))?.trim(), heading, `${path}: the page's heading in ${lang}`);
    } finally {
      await page.close();
    }
  }
});

test("a half-year's self-assessment page carries Finnish only; ?lang=sv and en fetch their version in its place, downloads resolving", async () => {
  const half = pages.find((p) => /^self-assessment\/\d{4}H[12]$/.test(p))!;
  const html = readFileSync(join(DIST, pageUrl(half)), "utf8");
  assert.deepEqual([...html.matchAll(/data-sa-lang="(\w+)"/g)].map((m) => m[1]), ["fi"], "the built page holds the Finnish version only");
  for (const [lang, heading] of [["sv", "Sammanfattning"], ["en", "Summary"]] as const) {
    const v = await visit(`${half}?lang=${lang}`);
    try {
      assert.deepEqual([v.errors, v.failed, v.foreign], [[], [], []], `${lang}: no errors, failed or foreign requests`);
      const shown = await v.page.$$eval("[data-sa-lang]", (els) => els.map((e) => `${e.getAttribute("data-sa-lang")}:${(e as HTMLElement).hidden}`));
      assert.deepEqual(shown, [`${lang}:false`], `${lang}: its version shown, the Finnish one gone`);
      assert.equal(await v.page.$eval(".sa-summary h3", (h) => h.textContent), heading);
      // The downloads point where Framework put the files, and each is served.
      const hrefs = await v.page.$$eval("[data-sa-lang] a[download]", (as) => as.map((a) => (a as HTMLAnchorElement).href));
      assert.ok(hrefs.length >= 12, `${lang}: the downloads (${hrefs.length})`);
      for (const href of hrefs) assert.equal((await fetch(href)).status, 200, `${lang}: ${href}`);
      const nav = await v.page.$$eval("a[data-sa-keep-lang]", (as) => as.map((a) => new URL((a as HTMLAnchorElement).href).searchParams.get("lang")));
      assert.ok(nav.length > 0 && nav.every((l) => l === lang), `${lang}: the links to the other half-years keep the language`);
    } finally {
      await v.page.close();
    }
  }
});

test("the quality page's statuses download is every published cell's status, served from the slices' archive", async () => {
  const v = await visit("quality");
  try {
    assert.deepEqual([v.errors, v.failed, v.foreign], [[], [], []], "no errors, failed or foreign requests");
    const href = await v.page.$eval("a[data-statuses-download]", (a) => (a as HTMLAnchorElement).href);
    assert.match(new URL(href).pathname, /\/_file\/data\/slices\/statuses\.[0-9a-f]+\.csv$/);
    const response = await fetch(href);
    assert.equal(response.status, 200);
    // The same text as the statuses worked out here from the site's own export, Arrow table and metadata.
    const dir = join(DIST, "_file", "data");
    const file = (pattern: RegExp) => join(dir, readdirSync(dir).find((f) => pattern.test(f))!);
    const cells = cellsFromArrow(new Uint8Array(readFileSync(file(/^indicators\.[0-9a-f]+\.arrow$/))));
    const catalogue = loadCatalogue();
    const programme = await programmeWithOffice({ cells: parseExportCsv(readFileSync(file(/^indicators\.[0-9a-f]+\.csv$/), "utf8")), catalogue, programme: loadProgramme() });
    const meta = JSON.parse(readFileSync(file(/^meta\.[0-9a-f]+\.json$/), "utf8")) as { manifest: { source: string } };
    const expected = statusesCsv(cells, catalogue, programme, meta.manifest.source);
    assert.ok(csvParse(expected).length > 0, "the fixture has statuses");
    assert.equal(await response.text(), expected);
  } finally {
    await v.page.close();
  }
});

/** Runs what `act` starts on the explore page and waits for its result: the rows' count, or the error. */
async function exploreRun(page: Page, act: () => Promise<unknown>): Promise<{ headers: string[]; rows: string[][]; count: number }> {
  await page.$eval("[data-explore-rows]", (s) => s.removeAttribute("data-explore-rows"));
  await act();
  await page.waitForSelector("[data-explore-rows], .explore-error", { timeout: 30_000 });
  const error = await page.$eval(".explore-output", (o) => o.querySelector(".explore-error")?.textContent ?? "");
  assert.equal(error, "", "the query runs");
  // No named functions inside: the browser has no tsx helpers (__name).
  return page.$eval("[data-explore-rows]", (status) => {
    const table = document.querySelector("table.explore-result");
    // Every row's text on screen (a withheld figure's spoken words left out); the first is the header.
    const rows = table ? [...table.querySelectorAll("tr")].map((tr) => [...tr.children].map((el) => {
      const shown = el.cloneNode(true) as HTMLElement;
      shown.querySelectorAll(".visually-hidden").forEach((n) => n.remove());
      return shown.textContent ?? "";
    })) : [];
    return { count: Number((status as HTMLElement).dataset.exploreRows), headers: rows[0] ?? [], rows: rows.slice(1) };
  });
}

test("explore: the tables listed are DuckDB's; an example shows rows, shares as percentages, withheld marks, and downloads as CSV", async () => {
  const v = await visit("explore");
  try {
    const { page } = v;
    await page.waitForSelector("[data-explore-rows]", { timeout: 60_000 });
    // The Run button reads as one: enabled, filled, the form's submit.
    const run = await page.$eval("button.explore-run", (b) => ({ disabled: (b as HTMLButtonElement).disabled, type: (b as HTMLButtonElement).type, background: getComputedStyle(b).backgroundColor, color: getComputedStyle(b).color }));
    assert.deepEqual([run.disabled, run.type], [false, "submit"]);
    assert.equal(run.background, "rgb(0, 0, 191)", "filled with the site's blue");
    assert.equal(run.color, "rgb(255, 255, 255)");

    // Ctrl+Enter runs the editor's query: DuckDB's own list of columns equals the page's list (src/lib/explore/explore-schema.ts).
    const schema = await exploreRun(page, async () => {
      await page.fill("#explore-sql", "SELECT table_name, column_name, data_type FROM information_schema.columns ORDER BY table_name, ordinal_position");
      await page.focus("#explore-sql");
      await page.keyboard.press("Control+Enter");
    });
    const listed = [...EXPLORE_TABLES].sort((a, b) => (a.name < b.name ? -1 : 1)).flatMap((t) => t.columns.map((c) => [t.name, c.name, c.type]));
    assert.deepEqual(schema.rows, listed, "every table and column DuckDB has, and no other");
    const documented = await page.$$eval("table.explore-schema tbody th", (ths) => ths.map((th) => th.textContent));
    assert.deepEqual(documented, EXPLORE_TABLES.flatMap((t) => t.columns.map((c) => c.name)), "the page lists them");

    // The whole city's yearly values: every row as the export has it, shares as percentages.
    const yearly = await exploreRun(page, () => page.click("[data-example=city-yearly]"));
    assert.deepEqual(yearly.headers, ["indicator_id", "name", "period", "value", "suppressed"]);
    const expected = [...exportRows].filter(([k]) => { const [, period, unit, bv] = k.split("|"); return periodType(period) === "year" && unit === "ALL" && bv === "ALL"; });
    assert.equal(yearly.count, expected.length, "one row per yearly whole-city cell");
    assert.equal(yearly.rows.length, Math.min(yearly.count, 500));
    let percentages = 0;
    for (const [id, , period, value, suppressed] of yearly.rows) {
      const row = exportRows.get(key(id, period, "ALL", "ALL"));
      assert.ok(row, `${id} ${period}: in the export`);
      assert.equal(suppressed, String(row.suppressed), `${id} ${period}: suppressed`);
      const unit = indicators.get(id)!.unit;
      assert.equal(value, row.suppressed ? ".." : formatValue(Number(row.value), { unit }), `${id} ${period}: the value as the site writes it`);
      if (unit === "share" && !row.suppressed) {
        assert.match(value, /^\d+,\d\u202F%$/, `${id} ${period}: a percentage`);
        percentages++;
      }
    }
    assert.ok(percentages > 0, "some shares shown as percentages");

    // The CSV: every row, the export's unrounded numbers, the extract's source and time.
    const [download] = await Promise.all([page.waitForEvent("download"), page.click("button.explore-download")]);
    assert.match(download.suggestedFilename(), /^query-\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = csvParse(readFileSync((await download.path())!, "utf8"));
    assert.deepEqual(csv.columns, ["indicator_id", "name", "period", "value", "suppressed", "extract_source", "extracted_at"]);
    assert.equal(csv.length, yearly.count);
    const meta = JSON.parse(readFileSync(join(DIST, "_file", "data", readdirSync(join(DIST, "_file", "data")).find((f) => /^meta\.[0-9a-f]+\.json$/.test(f))!), "utf8"));
    for (const r of csv) {
      const row = exportRows.get(key(r.indicator_id, r.period, "ALL", "ALL"))!;
      assert.deepEqual([r.value, r.suppressed], [row.value, String(row.suppressed)], `${r.indicator_id} ${r.period}: as the export writes it`);
      assert.deepEqual([r.extract_source, r.extracted_at], [meta.manifest.source, meta.manifest.extracted_at]);
    }

    // Withheld units: the mark "..", never a number.
    const hidden = await exploreRun(page, () => page.click("[data-example=withheld-units]"));
    assert.ok(hidden.count > 0, "the tiny extract withholds some unit in its latest year");
    const at = (name: string) => hidden.headers.indexOf(name);
    for (const r of hidden.rows) {
      assert.ok(exportRows.get(key(r[at("indicator_id")], r[at("period")], r[at("unit_id")], "ALL"))?.suppressed, `${r.join(" ")}: withheld in the export`);
      assert.equal(r[at("value")], "..");
    }
    assert.ok(await page.$(".explore-output .withheld-legend"), "the mark is explained");
    assert.deepEqual(v.errors, [], "console errors");
    assert.deepEqual(v.foreign, [], "requests to other origins");
  } finally {
    await v.page.close();
  }
});

test("downloads: a chart's CSV is its data table with title, source and extract date; its PNG is a PNG at twice the chart's size", async () => {
  // A benefit goal page: its charts show the whole city, and the table below each chart holds the same series.
  const v = await visit("goals/HT1?pt=quarter");
  try {
    const { page } = v;
    const meta = JSON.parse(readFileSync(join(DIST, "_file", "data", readdirSync(join(DIST, "_file", "data")).find((f) => /^meta\.[0-9a-f]+\.json$/.test(f))!), "utf8"));
    // The first indicator's whole-city trend chart and its "Lataa: CSV · SVG · PNG".
    const section = page.locator("[data-indicator-section]").first();
    const group = section.locator("figure.trend-chart .downloads").first();
    assert.equal(await group.getAttribute("role"), "group");
    const label = (await group.getAttribute("aria-label"))!;
    assert.match(label, /^Lataa: .+, Koko kaupunki$/);
    assert.deepEqual(await group.locator("button").allTextContents(), ["CSV", "SVG", "PNG"]);

    // The chart's data table as shown (opened below the chart), withheld figures as "..".
    await section.locator("details.chart-data > summary").first().click();
    // (No named function inside evaluate: tsx would wrap it in a helper the page does not have.)
    const shown = await section.locator("details.chart-data table").first().evaluate((table) =>
      [...table.querySelectorAll("thead tr:last-child, tbody tr")].map((tr) => [...tr.children].map((cell) => {
        const c = cell.cloneNode(true) as Element;
        c.querySelectorAll(".visually-hidden").forEach((n) => n.remove());
        return (c.textContent ?? "").replace(/[ \t\r\n]+/g, " ").trim();
      })));

    const [csvDownload] = await Promise.all([page.waitForEvent("download"), group.locator("button[data-download=csv]").click()]);
    assert.match(csvDownload.suggestedFilename(), /^[\p{L}\p{N}-]+-koko-kaupunki\.csv$/u);
    const csv = readFileSync((await csvDownload.path())!, "utf8");
    assert.ok(csv.startsWith("\uFEFF"), "UTF-8 with a byte-order mark");
    const lines = csv.slice(1).split("\r\n");
    assert.deepEqual(lines.slice(0, 4), [
      label.replace(/^Lataa: /, ""),
      `Lähde: Nelimaali – Tulevaisuuden sote-keskus. Aineisto: ${meta.manifest.source}`,
      `Poimittu: ${formatDateTime(meta.manifest.extracted_at, "fi")}`,
      "",
    ]);
    assert.match(lines[4], /^Jakso;Koko kaupunki/, "the header in Finnish");
    const rows = dsvFormat(";").parseRows(lines.slice(4, 4 + shown.length).join("\n"));
    // What the chart's table shows, its figures as numbers a spreadsheet reads: "57,3 %" → "57,3" (the unit in the header), "1 234" → "1234", "−2" → "-2"; "..", words and labels as shown.
    const asNumber = (text: string) => (/^[−-]?\d/.test(text) ? text.replace(/[\u202F ]/g, "").replace("\u2212", "-").replace(/[^\d,-].*$/, "") : text);
    assert.equal(rows.length, shown.length);
    rows[0].forEach((label, j) => assert.ok(label.startsWith(shown[0][j]), `header ${label}`));
    assert.deepEqual(rows.slice(1).map((r) => r.slice(0, shown[0].length)), shown.slice(1).map((r) => r.map(asNumber)), "the CSV holds what the chart's table shows");
    if (shown.some((r) => r.includes(".."))) assert.match(csv, /\r\n\r\n\.\. Piilotettu tietosuojan vuoksi: /, "the withheld mark explained");

    const [pngDownload] = await Promise.all([page.waitForEvent("download"), group.locator("button[data-download=png]").click()]);
    assert.match(pngDownload.suggestedFilename(), /\.png$/);
    const png = readFileSync((await pngDownload.path())!);
    assert.deepEqual([...png.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], "the PNG signature");
    const chartWidth = Number(await section.locator("figure.trend-chart svg.chart").first().getAttribute("width"));
    assert.equal(png.readUInt32BE(16), 2 * Math.max(chartWidth, 320), "twice the image's width (IHDR)");

    assert.deepEqual(v.errors, [], "console errors");
    assert.deepEqual(v.failed, [], "failed requests");
    assert.deepEqual(v.foreign, [], "requests to other origins");
  } finally {
    await v.page.close();
  }
});
