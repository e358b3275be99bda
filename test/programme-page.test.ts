// The goal and area pages' body (src/components/programme/programme-page.ts), rendered
// in jsdom from a small synthetic goal: it opens with what is known (the goals
// met, each indicator's value, goal and verdict), then the measures — those
// with nothing reported named in one line — then the indicators' charts; a
// goal and its area make the same structure.
import assert from "node:assert/strict";
import { test } from "node:test";
import { JSDOM } from "jsdom";
import "../src/lib/i18n/all.ts"; // every language registered, as the browser registers its one
import { programmeIntro, programmePage, programmeSubject, type ProgrammeKind } from "../src/components/programme/programme-page.ts";
import type { PublishedCell } from "../src/lib/cell.ts";
import type { Lang } from "../src/lib/format.ts";
import { t } from "../src/lib/i18n.ts";
import type { CatalogueIndicator, Measure, Programme } from "../src/lib/page-data/model.ts";
import { CellIndex } from "../src/lib/page-data/slices.ts";
import { NOT_COMPARED, type CellStatus, type Verdict } from "../src/lib/analysis/statuses.ts";

const { document } = new JSDOM("<!doctype html><body></body>").window;

const measure = (id: string, extra: Partial<Measure> = {}): Measure => ({
  id, name: { fi: `Toimenpide ${id}`, sv: `Åtgärd ${id}`, en: `Measure ${id}` }, primaryGoal: "HT9", secondaryGoals: [], developmentArea: "KA9", spearhead: null,
  startDate: null, startDatePrecision: null, startDateNote: null, milestones: [], progress: [], ...extra,
} as Measure);
// Three with something reported (a status, a start date, both), five with nothing.
const reported = [measure("R1", { progress: [{ report: "2023H1", status: "STARTED" }] }), measure("R2", { startDate: "2023-01", startDatePrecision: "month" }), measure("R3", { startDate: "2022-09", startDatePrecision: "month", progress: [{ report: "2023H1", status: "PLANNING" }] })];
const unreported = ["U1", "U2", "U3", "U4", "U5"].map((id) => measure(id));

const indicator = (id: string, unit: string, targets: CatalogueIndicator["targets"]): CatalogueIndicator => ({
  id, name: { fi: `Mittari ${id}`, sv: `Mätare ${id}`, en: `Indicator ${id}` }, dimension: "SAATAVUUS_VAIKUTTAVUUS", benefitGoals: ["HT9"], developmentArea: "KA9",
  headline: true, unit, direction: "higher", breakdown: null, breakdownValues: null, anchor: "", sourceTables: [], privacy: { suppress: false }, targets, definition: { fi: "" }, showCounts: false,
});
const source = { fi: "", sv: "", en: "" };
// A: share with a target ≥ 75 %; B: no target (the rule: no significant worsening); C: withheld in the period.
const indicators = [indicator("A", "share", [{ op: ">=", value: 0.75, from: null, to: null, source }]), indicator("B", "days", []), indicator("C", "count", [])];

const programme = {
  programme: { id: "P", name: { fi: "Ohjelma" }, milestones: [] },
  dimensions: [{ id: "SAATAVUUS_VAIKUTTAVUUS", name: { fi: "Saatavuus ja vaikuttavuus" }, description: { fi: "" } }],
  benefitGoals: [{ id: "HT9", number: 9, name: { fi: "Testitavoite" }, shortName: { fi: "Testi" }, description: { fi: "Tavoitteen kuvaus." }, developmentArea: "KA9" }],
  developmentAreas: [{ id: "KA9", benefitGoal: "HT9", name: { fi: "Testialue" } }],
  spearheads: [],
  measures: [reported[0], unreported[0], unreported[1], reported[1], unreported[2], unreported[3], reported[2], unreported[4]],
} as unknown as Programme;

const status = (verdict: Verdict | null): CellStatus => ({ ...NOT_COMPARED, verdict, spc: null });
const cell = (id: string, period: string, value: number | null, verdict: Verdict | null, suppressed = false): PublishedCell => ({
  indicator_id: id, period_type: "quarter", period, unit_id: "ALL", breakdown: "ALL", breakdown_value: "ALL", numerator: null, denominator: null,
  value: suppressed ? null : value, suppressed, status: status(verdict),
} as PublishedCell);
// At 2023Q2: A 0,8 ≥ 0,75 met; B worsening, missed; C withheld, not known.
const cells = new CellIndex([
  cell("A", "2023Q1", 0.7, "stable"), cell("A", "2023Q2", 0.8, "stable"),
  cell("B", "2023Q1", 5, "stable"), cell("B", "2023Q2", 9, "worsening"),
  cell("C", "2023Q1", 12, null), cell("C", "2023Q2", null, null, true),
]);
const manifest = { source: "testi", extracted_at: "2023-07-01T00:00:00Z" };

const render = (kind: ProgrammeKind, lang: Lang = "fi", measures?: Measure[]) => {
  const model = measures ? { ...programme, measures } : programme;
  const subject = programmeSubject(kind, kind === "goal" ? "HT9" : "KA9", model, { indicators });
  return programmePage({ subject, programme: model, cells, periodType: "quarter", period: "2023Q2", manifest, lang, document });
};

test("the page opens with what is known: the goals met, then each indicator's value, goal and verdict", () => {
  const page = render("goal");
  const first = page.firstElementChild as HTMLElement;
  assert.equal(first.dataset.programmeSection, "known");
  assert.equal(first.querySelector("h2")!.textContent, "Mittarien tilanne");
  const count = first.querySelector<HTMLElement>(".goal-count")!;
  // A met, B missed, C withheld: 1 of 2 known, 1 not known.
  assert.deepEqual([count.dataset.goalsMet, count.dataset.goalsKnown, count.dataset.goalsUnknown], ["1", "2", "1"]);
  assert.equal(count.textContent, "Mittarien tavoitteet, Q2/2023: 1 / 2 tavoitetta saavutettu · 1 ei tiedossa");
  const table = first.querySelector("table")!;
  assert.equal(table.caption!.textContent, "Mittarien arvot ja tavoitteet, Q2/2023");
  const rows = [...table.tBodies[0].rows];
  assert.deepEqual(rows.map((r) => r.querySelector("a")!.getAttribute("href")), ["#A", "#B", "#C"]);
  assert.deepEqual(rows.map((r) => r.querySelector<HTMLElement>("[data-goal-met]")!.dataset.goalMet), ["true", "false", "unknown"]);
  assert.deepEqual(rows.map((r) => r.querySelector<HTMLElement>("[data-goal-kind]")!.dataset.goalKind), ["target", "no-worsening", "no-worsening"]);
  const spaced = (s: string) => s.replace(/\s/g, " ");
  assert.deepEqual(rows.map((r) => spaced(r.cells[2].textContent!)), ["≥ 75,0 %: ✓ saavutettu", "ei merkitsevää heikkenemistä: ✗ ei saavutettu", `ei merkitsevää heikkenemistä: ${t("fi", "targetUnknown")}`]);
  assert.deepEqual(rows.map((r) => r.querySelector<HTMLElement>("[data-state]")!.dataset.state), ["value", "value", "suppressed"]);
  assert.deepEqual(rows.map((r) => r.cells[3].textContent), [t("fi", "stable"), t("fi", "worsening"), t("fi", "noVerdict")]);
  assert.ok(first.querySelector(".downloads button[data-download=csv]"), "the table's CSV");
});

test("measures: the three with something reported a row each, the five with nothing in one line naming them", () => {
  const page = render("goal");
  const section = page.querySelector<HTMLElement>("[data-programme-section=measures]")!;
  assert.deepEqual([...section.querySelectorAll<HTMLElement>("tr[data-measure]")].map((r) => r.dataset.measure), ["R1", "R2", "R3"]);
  assert.equal(section.querySelector("table.measures-table caption")!.textContent, "HT9: Toimenpiteet");
  const lines = section.querySelectorAll<HTMLElement>(".measures-unreported");
  assert.equal(lines.length, 1);
  assert.equal(lines[0].dataset.measuresUnreported, "5");
  assert.equal(lines[0].querySelector("summary")!.textContent, "5 toimenpidettä, joiden tilannetta tai aloitusta ei ole raportoitu");
  assert.deepEqual([...lines[0].querySelectorAll<HTMLElement>("[data-measure]")].map((n) => n.dataset.measure), ["U1", "U2", "U3", "U4", "U5"]);
  assert.equal(lines[0].querySelector(".measures-unreported-names")!.textContent, "Toimenpide U1, Toimenpide U2, Toimenpide U3, Toimenpide U4, Toimenpide U5");
  assert.ok(section.querySelector(".downloads button[data-download=csv]"), "all measures as CSV");
  assert.equal(section.querySelector(".muted.small"), null, "start dates exist: no note that there are none");
  // One with nothing reported, in Swedish: singular; no row table when none has anything reported.
  const one = render("goal", "sv", [unreported[0]]).querySelector("[data-programme-section=measures]")!;
  assert.equal(one.querySelector("table"), null);
  assert.equal(one.querySelector(".measures-unreported summary")!.textContent, "1 åtgärd vars läge eller start inte har rapporterats");
  assert.match(one.querySelector("p.muted.small")!.textContent!, /inga startdatum/);
  const en = render("area", "en").querySelector(".measures-unreported summary")!;
  assert.equal(en.textContent, "5 measures with no reported status or start");
});

test("then each indicator: its section (data-indicator-section) with status, chart, chart data and the period's table", () => {
  const page = render("goal");
  const sections = [...page.children].map((s) => (s as HTMLElement).dataset.programmeSection);
  assert.deepEqual(sections, ["known", "measures", "indicators"]);
  const boxes = [...page.querySelectorAll<HTMLElement>("[data-indicator-section]")];
  assert.deepEqual(boxes.map((b) => [b.id, b.dataset.indicatorSection]), [["A", "A"], ["B", "B"], ["C", "C"]]);
  for (const b of boxes) {
    assert.ok(b.querySelector("h3") && b.querySelector(".status-line") && b.querySelector("figure.trend-chart") && b.querySelector("details.chart-data"), b.id);
    assert.equal(b.querySelector("table.figure-table caption")!.textContent, `Mittari ${b.id}, Q2/2023`);
  }
  // The measures' start dates on the charts: rule marks titled with the measure.
  assert.ok(boxes[0].querySelector("figure.trend-chart")!.innerHTML.includes("Toimenpide R2"), "the start of R2 marked on the chart");
  // Headings in order: h2 for each section, h3 only inside the indicators' section.
  const headings = [...page.querySelectorAll("h2, h3")].map((h) => h.tagName);
  assert.deepEqual(headings, ["H2", "H2", "H2", "H3", "H3", "H3"]);
  // Every table has a caption; every link is a fragment or names its .html file.
  for (const t of page.querySelectorAll("table")) assert.ok(t.caption?.textContent?.trim(), "caption");
  for (const a of page.querySelectorAll("a[href]")) assert.match(a.getAttribute("href")!, /^#|\.html(\?|#|$)/);
});

test("a goal and its area make the same structure; the intro links each to the other", () => {
  const shape = (n: Element): unknown => [n.tagName, n.getAttribute("class"), (n as HTMLElement).dataset?.programmeSection ?? null, [...n.children].map(shape)];
  const goal = render("goal");
  const area = render("area");
  assert.equal(goal.dataset.programmeKind, "goal");
  assert.equal(area.dataset.programmeKind, "area");
  assert.deepEqual(shape(area), shape(goal));
  const intro = (kind: ProgrammeKind) => {
    const box = document.createElement("div");
    box.append(programmeIntro(programmeSubject(kind, kind === "goal" ? "HT9" : "KA9", programme, { indicators }), { document }));
    return box;
  };
  const g = intro("goal");
  assert.equal(g.querySelector("p.lede")!.textContent, "Tavoitteen kuvaus.");
  assert.equal(g.querySelector("a")!.getAttribute("href"), "../areas/KA9.html");
  assert.equal(g.querySelector("p:last-child")!.textContent, "Kehitysalue: KA9 Testialue");
  const a = intro("area");
  assert.equal(a.querySelector("a")!.getAttribute("href"), "../goals/HT9.html");
  assert.equal(a.querySelector("p")!.textContent, "Hyötytavoite: HT9 Testitavoite");
});
