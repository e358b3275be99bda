// The overview's "n / m tavoitetta saavutettu": whether a cell meets its goal
// (the numeric target in force, else the programme's rule "no significant
// worsening" read from the cell's verdict), the counts, the movers, and the
// words the overview shows. Expectations worked out by hand on synthetic cells.
import assert from "node:assert/strict";
import { test } from "node:test";
import { JSDOM } from "jsdom";
import "../src/lib/i18n/all.ts"; // every language registered, as the browser registers its one
import { goalCountText, goalSummary } from "../src/components/programme/goal-summary.ts";
import { headlineCard } from "../src/components/programme/headline-card.ts";
import type { PublishedCell } from "../src/lib/cell.ts";
import { countGoals, goalOf } from "../src/lib/analysis/goals.ts";
import { movers } from "../src/lib/analysis/movers.ts";
import { assess, type StatusCell } from "../src/lib/analysis/status.ts";
import { NOT_COMPARED, type Verdict } from "../src/lib/analysis/statuses.ts";

const { document } = new JSDOM("<!doctype html><body></body>").window;
const N = "\u202F";

const cell = (period: string, value: number | null, verdict: Verdict | null = null, suppressed = value === null): StatusCell => ({
  indicator_id: "X", period_type: /Q/.test(period) ? "quarter" : /-/.test(period) ? "month" : "year", period, unit_id: "ALL", breakdown: "ALL", breakdown_value: "ALL",
  numerator: null, denominator: null, value: suppressed ? null : value, suppressed,
  status: { ...NOT_COMPARED, verdict, spc: verdict === null ? null : verdict === "worsening" ? "concern-low" : verdict === "improving" ? "improvement-high" : "common-cause" },
});
const source = { fi: "", sv: "", en: "" };
const atLeast75 = [{ op: ">=" as const, value: 0.75, from: null, to: null, source }];
// The care guarantee: ≤ 7 days until 31 August 2023, ≤ 14 days from 1 September 2023.
const careGuarantee = [{ op: "<=" as const, value: 7, from: null, to: "2023-08-31", source }, { op: "<=" as const, value: 14, from: "2023-09-01", to: null, source }];

test("a numeric target in force: met or missed by the value, whatever the verdict", () => {
  assert.deepEqual(goalOf(atLeast75, cell("2023Q1", 0.8, "worsening"), "2023Q1"), { kind: "target", target: atLeast75[0], met: true });
  assert.equal(goalOf(atLeast75, cell("2023Q1", 0.7, "improving"), "2023Q1").met, false);
  assert.equal(goalOf(atLeast75, cell("2023Q1", 0.75), "2023Q1").met, true, "equality meets ≥");
  // 10 days: within 14 (in force at the end of 2023Q3), not within 7 (in force in August 2023).
  assert.equal(goalOf(careGuarantee, cell("2023Q3", 10), "2023Q3").met, true);
  assert.equal(goalOf(careGuarantee, cell("2023-08", 10), "2023-08").met, false);
});

test("without a numeric target the goal is no significant worsening: a worsening verdict misses it, no significant change meets it", () => {
  assert.deepEqual(goalOf([], cell("2023Q1", 12, "worsening"), "2023Q1"), { kind: "no-worsening", target: null, met: false });
  assert.equal(goalOf([], cell("2023Q1", 12, "stable"), "2023Q1").met, true);
  assert.equal(goalOf([], cell("2023Q1", 12, "improving"), "2023Q1").met, true);
  // A target that ended before the period is no target in force: the rule stands in.
  const ended = [{ op: ">=" as const, value: 0.75, from: null, to: "2022-12-31", source }];
  assert.deepEqual(goalOf(ended, cell("2023Q1", 0.5, "worsening"), "2023Q1"), { kind: "no-worsening", target: null, met: false });
});

test("withheld, missing and unassessed cells are not known — never met, never missed", () => {
  assert.equal(goalOf(atLeast75, cell("2023Q1", 0.9, "stable", true), "2023Q1").met, null, "withheld with a target");
  assert.equal(goalOf([], cell("2023Q1", 12, "stable", true), "2023Q1").met, null, "withheld without a target, even with a verdict");
  assert.equal(goalOf(atLeast75, undefined, "2023Q1").met, null, "never written");
  assert.equal(goalOf([], cell("2023Q1", 12, null), "2023Q1").met, null, "a value without a verdict (too few months)");
});

test("counts: met and missed of those known, the not known apart", () => {
  const goals = [
    goalOf(atLeast75, cell("2023Q1", 0.8), "2023Q1"), // met
    goalOf(atLeast75, cell("2023Q1", 0.6), "2023Q1"), // missed
    goalOf([], cell("2023Q1", 3, "worsening"), "2023Q1"), // missed
    goalOf([], cell("2023Q1", 3, "stable"), "2023Q1"), // met
    goalOf(atLeast75, cell("2023Q1", null), "2023Q1"), // withheld: not known
  ];
  assert.deepEqual(countGoals(goals), { met: 2, missed: 2, unknown: 1 });
  assert.equal(goalCountText(countGoals(goals), "fi"), "2 / 4 tavoitetta saavutettu · 1 ei tiedossa");
  assert.equal(goalCountText({ met: 3, missed: 0, unknown: 0 }, "sv"), "3 / 3 mål uppnådda");
  assert.equal(goalCountText({ met: 0, missed: 1, unknown: 2 }, "en"), "0 / 1 targets met · 2 not known");
});

test("movers: significant changes only, largest relative change first", () => {
  const items = [
    { id: "A", vsPrevious: "better" as const, changePrevious: 0.1, previousValue: 0.5 }, // 0.2
    { id: "B", vsPrevious: "better" as const, changePrevious: -2, previousValue: 4 }, // 0.5 (lower is better)
    { id: "C", vsPrevious: "worse" as const, changePrevious: -10, previousValue: 20 }, // 0.5
    { id: "D", vsPrevious: "similar" as const, changePrevious: 5, previousValue: 1 }, // not significant
    { id: "E", vsPrevious: "worse" as const, changePrevious: 1, previousValue: 0 }, // from zero: largest
    { id: "F", vsPrevious: "not-compared" as const, changePrevious: null, previousValue: null },
  ];
  const m = movers(items);
  assert.deepEqual(m.best.map((x) => [x.id, x.relative]), [["B", 0.5], ["A", 0.2]]);
  assert.deepEqual(m.worst.map((x) => [x.id, x.relative]), [["E", Infinity], ["C", 0.5]]);
  assert.deepEqual(movers(items, 1).best.map((x) => x.id), ["B"]);
  assert.deepEqual(movers([]), { best: [], worst: [] });
});

test("the summary and the card say the goal in words", () => {
  const box = goalSummary({
    count: { met: 1, missed: 1, unknown: 1 }, period: "2023Q1",
    movers: { best: [{ id: "A", change: 0.021, relative: 0.1 }], worst: [] },
    indicatorName: (id) => `Mittari ${id}`, measureOf: () => "share", unitsHref: "./units/index.html?pt=quarter&p=2023Q1", lang: "fi", document,
  });
  const count = box.querySelector<HTMLElement>(".goal-count")!;
  assert.deepEqual([count.dataset.goalsMet, count.dataset.goalsKnown, count.dataset.goalsUnknown], ["1", "2", "1"]);
  assert.equal(count.textContent, "Pääindikaattorien tavoitteet, Q1/2023: 1 / 2 tavoitetta saavutettu · 1 ei tiedossa");
  assert.equal(box.querySelector(".movers")!.textContent, `Eniten parantunut edellisestä jaksosta: Mittari A (▲ +2,1${N}%-yks.).`);
  assert.equal(box.querySelector<HTMLAnchorElement>("a[data-units-table-link]")!.getAttribute("href"), "./units/index.html?pt=quarter&p=2023Q1");

  // A card without a numeric target: "Tavoite: ei merkitsevää heikkenemistä", missed when the verdict is worsening.
  const indicator = { id: "CX_NPS", direction: "higher" as const, targets: [] };
  const series = [cell("2023Q1", 20, "stable"), cell("2023Q2", 5, "worsening")];
  const card = headlineCard({ indicator: indicator.id, name: "NPS", measure: "nps", direction: "higher", targets: [], series, assessment: assess(indicator, series, "2023Q2", "2023Q1"), scope: "Koko kaupunki", document });
  const dd = card.querySelector<HTMLElement>("[data-target-kind]")!;
  assert.equal(dd.dataset.targetKind, "no-worsening");
  assert.equal(dd.dataset.targetMet, "false");
  assert.equal(dd.textContent, "ei merkitsevää heikkenemistä ei saavutettu");
  assert.equal(dd.previousElementSibling!.textContent, "Tavoite");
  // Withheld: not known.
  const hidden = [cell("2023Q1", 20, "stable"), cell("2023Q2", null)];
  const card2 = headlineCard({ indicator: indicator.id, name: "NPS", measure: "nps", direction: "higher", targets: [], series: hidden, assessment: assess(indicator, hidden, "2023Q2", "2023Q1"), scope: "Koko kaupunki", document });
  assert.equal(card2.querySelector<HTMLElement>("[data-target-kind]")!.dataset.targetMet, "unknown");
});
