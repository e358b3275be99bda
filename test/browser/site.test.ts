// The built site in a real browser (Debian's Chromium via playwright-core):
// the site is built from a generated tiny extract, served under a base path,
// and every page — the parameterized ones included — is opened. No console
// error, no failed request, nothing from another origin, a text alternative
// on every chart, the page weight within budget, and every figure a page
// shows (its data-* attributes and its text) equal to the export's cell.
import assert from "node:assert/strict";
import { execSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { after, before, test } from "node:test";
import { chromium, type Browser, type Page } from "playwright-core";
import { PROJECT_ROOT } from "../../loaders/catalogue.ts";
import { generateExtract } from "../../loaders/generate/index.ts";
import { unitSlug } from "../../loaders/page-slices.ts";
import { startServer } from "../../scripts/serve.ts";
import { buildSite } from "../helpers/a11y.ts";
import { formatCell } from "../../src/lib/format.ts";

const DIST = join(PROJECT_ROOT, "dist");
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

let extractDir: string;
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
  extractDir = mkdtempSync(join(tmpdir(), "site-extract-"));
  await generateExtract({ outDir: extractDir, scale: "tiny", seed: 11 });
  // SITE_TEST_REUSE_DIST=1 skips the build when dist/ was just built from this same fixture (for iterating on the test).
  if (!process.env.SITE_TEST_REUSE_DIST) await buildSite(extractDir);
  exportRows = readExport();
  const catalogue = JSON.parse(readFileSync(join(PROJECT_ROOT, "data", "indicators.json"), "utf8")) as { indicators: Indicator[] };
  indicators = new Map(catalogue.indicators.map((i) => [i.id, i]));
  pages = htmlPages(DIST);
  server = await startServer(DIST, 0, BASE);
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
  if (extractDir) rmSync(extractDir, { recursive: true, force: true });
});

interface Visit {
  errors: string[];
  failed: string[];
  foreign: string[];
  bytes: number;
  page: Page;
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
  await page.goto(`${origin}${BASE}${path}`, { waitUntil: "load" });
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
    for (const m of c.means) {
      const values = c.points.filter(([p]) => p >= m.from && p <= m.to).map(([, v]) => Number(v));
      const mean = values.reduce((a, b) => a + b, 0) / values.length;
      assert.ok(values.length >= 12, `${where}: limits only from 12 values or more`);
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

async function checkPage(path: string, options: { expectFigures?: boolean } = {}): Promise<{ figures: number; bytes: number; charts: { xmr: XmrShown[]; funnel: FunnelShown[] } }> {
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
    return { figures: list.length, bytes: v.bytes, charts: shownCharts };
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
    if (unit !== "ALL" && bv === "ALL" && periodType(period) === "month") counts.set(unit, (counts.get(unit) ?? 0) + 1);
  }
  const busiest = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0][0];
  const unit = meta.units.find((u: { unit_id: string }) => u.unit_id === busiest);
  const r = await checkPage(`units/${unitSlug(busiest)}?pt=month`, { expectFigures: true });
  assert.ok(r.charts.xmr.length > 0 && r.charts.xmr.every((c) => c.unit === unit.unit_id), "the unit's own XmR charts");
  xmr += r.charts.xmr.length;
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
