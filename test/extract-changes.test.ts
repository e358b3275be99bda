// What changed since the previous extract (loaders/publish/extract-changes.ts): the
// comparison of two hand-made exports, worked out by hand, and which previous
// export a build compares with (PREVIOUS_EXPORT, the recorded published one,
// the one before it on a rebuild); the overview's section (JSDOM).
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, writeFileSync, existsSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { JSDOM } from "jsdom";
import "../src/lib/i18n/all.ts";
import { toExportCsv } from "../loaders/publish/emit.ts";
import { computeChanges, ensureChanges, parseExportCsv, recordPublished } from "../loaders/publish/extract-changes.ts";
import { extractChanges } from "../src/components/site/extract-changes.ts";
import type { PublishedCell } from "../src/lib/cell.ts";
import type { ExtractChanges } from "../src/lib/page-data/extract-changes.ts";

const catalogue = {
  indicators: [
    { id: "A", unit: "share", headline: true, targets: [{ op: ">=" as const, value: 0.5, from: null, to: null, source: { fi: "", sv: "", en: "" } }] },
    { id: "B", unit: "days", headline: false, targets: [] },
  ],
} as unknown as Parameters<typeof computeChanges>[3];

const c = (indicator: string, periodType: PublishedCell["period_type"], period: string, unit: string, value: number | null, suppressed = false): PublishedCell => ({
  indicator_id: indicator, period_type: periodType, period, unit_id: unit, breakdown: "ALL", breakdown_value: "ALL",
  numerator: suppressed ? null : 1, denominator: suppressed ? null : 2, value: suppressed ? null : value, suppressed,
});

const previous = [
  c("A", "quarter", "2021Q1", "ALL", 0.4943), // 49,4 % → 49,4 %: not a revision
  c("A", "quarter", "2021Q2", "ALL", 0.4943), // 49,4 % → 50,1 %: revised, target (≥ 50 %) now met
  c("A", "quarter", "2021Q2", "U1", 0.3), //      30,0 % → 45,0 %
  c("A", "quarter", "2021Q2", "U2", 0.2), //      published → withheld: counted, never valued
  c("A", "quarter", "2021Q2", "U3", null, true), // withheld → published
  c("A", "year", "2021", "ALL", 0.52), //          52,0 % → 48,0 %: revised, target no longer met
  c("B", "month", "2021-06", "ALL", 4.04), //      4,0 → 4,1 vrk
  c("B", "month", "2021-06", "U1", 0), //          0,0 → 1,0 vrk: from 0, the largest of the units
  c("A", "quarter", "2021Q1", "U9", 0.7), //       gone from the current extract: ignored
  c("Z", "quarter", "2021Q1", "ALL", 0.1), //      not in the catalogue: ignored
];
const current = [
  c("A", "quarter", "2021Q1", "ALL", 0.4944),
  c("A", "quarter", "2021Q2", "ALL", 0.5012),
  c("A", "quarter", "2021Q2", "U1", 0.45),
  c("A", "quarter", "2021Q2", "U2", null, true),
  c("A", "quarter", "2021Q2", "U3", 0.6),
  c("A", "year", "2021", "ALL", 0.48),
  c("B", "month", "2021-06", "ALL", 4.06),
  c("B", "month", "2021-06", "U1", 1),
  c("Z", "quarter", "2021Q1", "ALL", 0.9),
  c("A", "quarter", "2021Q3", "ALL", 0.55), // new periods
  c("B", "month", "2021-07", "ALL", 3),
];
const refs = {
  current: { source: "Apotti", extracted_at: "2026-11-30T06:00:00" },
  previous: { source: "Apotti", extracted_at: "2026-05-31T06:00:00", origin: "given" as const },
};
const short = (r: { indicator_id: string; period: string; unit_id: string; old: number; new: number }) => `${r.indicator_id} ${r.period} ${r.unit_id}: ${r.old} → ${r.new}`;

test("changes: new periods, revisions at the shown precision (largest: city first, then relative size), withheld ↔ published counted, targets turned", () => {
  const changes = computeChanges(previous, current, refs, catalogue);
  assert.deepEqual(changes.current, refs.current);
  assert.deepEqual(changes.previous, refs.previous);
  assert.deepEqual(changes.newPeriods, [{ period_type: "month", period: "2021-07" }, { period_type: "quarter", period: "2021Q3" }]);
  // 0.4943 → 0.4944 reads 49,4 % both: not a revision. City: year 2021 (4,0 of 52,0 = 7.7 %), B 2021-06 (0,1 of 4,0 = 2.5 %),
  // A 2021Q2 (0,7 of 49,4 = 1.4 %); units: B U1 (from 0), A U1 (15 of 30 = 50 %).
  assert.equal(changes.revised.count, 5);
  assert.deepEqual(changes.revised.largest.map(short), [
    "A 2021 ALL: 0.52 → 0.48",
    "B 2021-06 ALL: 4.04 → 4.06",
    "A 2021Q2 ALL: 0.4943 → 0.5012",
    "B 2021-06 U1: 0 → 1",
    "A 2021Q2 U1: 0.3 → 0.45",
  ]);
  assert.equal(changes.revised.largest[1].measure, "days");
  assert.deepEqual(changes.newlyWithheld, { count: 1, indicators: ["A"] });
  assert.deepEqual(changes.newlyPublished, { count: 1, indicators: ["A"] });
  assert.deepEqual(changes.targets.met.map(short), ["A 2021Q2 ALL: 0.4943 → 0.5012"]);
  assert.deepEqual(changes.targets.missed.map(short), ["A 2021 ALL: 0.52 → 0.48"]);
  // The cell withheld now appears only as a count: its old value (0.2) and its unit are nowhere.
  assert.doesNotMatch(JSON.stringify(changes), /U2|0\.2\b/);
});

test("changes: without a previous export, nothing but the current extract", () => {
  const changes = computeChanges(null, current, { current: refs.current, previous: null }, catalogue);
  assert.equal(changes.previous, null);
  assert.deepEqual([changes.newPeriods, changes.revised.count, changes.newlyWithheld.count, changes.targets.met], [[], 0, 0, []]);
});

test("the export CSV reads back as its cells", () => {
  assert.deepEqual(parseExportCsv(toExportCsv(current)), current);
});

/** A page-data folder holding an export and the manifest's source and date. */
function pageData(dir: string, cells: PublishedCell[], extractedAt: string, source = "Apotti"): string {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, "indicators.csv"), toExportCsv(cells));
  writeFileSync(join(dir, "meta.json"), JSON.stringify({ manifest: { source, extracted_at: extractedAt, period: { from: "2021-01-01", to: "2021-12-31" } } }));
  return dir;
}
const read = (file: string) => JSON.parse(readFileSync(file, "utf8")) as ExtractChanges;

test("which previous export: none at first; the published one once a later extract comes; the same again on a rebuild; PREVIOUS_EXPORT first", () => {
  const root = mkdtempSync(join(tmpdir(), "extract-changes-"));
  try {
    const dir = join(root, "page-data");
    const env = {};
    pageData(dir, previous, "2026-05-31T06:00:00");
    assert.equal(read(ensureChanges(dir, catalogue, env)).previous, null, "nothing published yet");
    recordPublished(dir);
    assert.ok(existsSync(join(root, "published-export.csv")));
    // A rebuild of the same extract: the published export is this one, not a previous one.
    rmSync(join(dir, "changes.json"));
    assert.equal(read(ensureChanges(dir, catalogue, env)).previous, null);

    pageData(dir, current, "2026-11-30T06:00:00");
    const first = read(ensureChanges(dir, catalogue, env));
    assert.deepEqual(first.previous, { source: "Apotti", extracted_at: "2026-05-31T06:00:00", origin: "published" });
    assert.equal(first.revised.count, 5);
    recordPublished(dir);
    assert.equal(JSON.parse(readFileSync(join(root, "previous-export.csv.meta.json"), "utf8")).manifest.extracted_at, "2026-05-31T06:00:00");
    // Rebuilt after publishing: still against May, from the record of the one published before.
    pageData(dir, current, "2026-11-30T06:00:00");
    assert.deepEqual(read(ensureChanges(dir, catalogue, env)), first);

    // Another source is not a previous extract of this one.
    pageData(dir, current, "2026-12-31T06:00:00", "Other");
    assert.equal(read(ensureChanges(dir, catalogue, env)).previous, null);
    // Publishing it keeps the record of May: the November extract, built again, still compares with May.
    recordPublished(dir);
    pageData(dir, current, "2026-11-30T06:00:00");
    assert.deepEqual(read(ensureChanges(dir, catalogue, env)), first);

    // PREVIOUS_EXPORT wins, with its FILE.meta.json's date; the file is rewritten when the given export changes.
    const given = join(root, "given.csv");
    writeFileSync(given, toExportCsv(current));
    writeFileSync(`${given}.meta.json`, JSON.stringify({ manifest: { source: "X", extracted_at: "2025-01-01" } }));
    const same = read(ensureChanges(dir, catalogue, { PREVIOUS_EXPORT: given }));
    assert.deepEqual([same.previous, same.revised.count, same.newPeriods], [{ source: "X", extracted_at: "2025-01-01", origin: "given" }, 0, []]);
    writeFileSync(given, toExportCsv(previous));
    assert.equal(read(ensureChanges(dir, catalogue, { PREVIOUS_EXPORT: given })).revised.count, 5);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test("the overview's section: the dates, new periods, the largest revisions as shown, withheld and published counts, targets; or nothing to compare", () => {
  const { document } = new JSDOM("<!doctype html><body></body>").window;
  const names: Record<string, string> = { A: "Hoitotakuu", B: "Odotusaika" };
  const o = { indicatorName: (id: string) => names[id], scopeName: (u: string) => (u === "ALL" ? "Koko kaupunki" : `Yksikkö ${u}`), lang: "fi" as const, document };
  const section = extractChanges(computeChanges(previous, current, refs, catalogue), o);
  assert.equal(section.querySelector("h2")?.textContent, "Muutokset edellisestä poiminnasta");
  assert.equal(section.dataset.changes, "compared");
  assert.equal(section.querySelector("p")?.textContent, "Verrattu poimintaan 31.5.2026; tämä poiminta 30.11.2026.");
  const line = (key: string) => section.querySelector(`[data-change=${key}]`);
  assert.equal(line("new-periods")?.textContent, "Uudet jaksot: heinä 2021, Q3/2021.");
  const N = "\u202F";
  assert.deepEqual([...line("revised")!.querySelectorAll("li")].map((li) => li.textContent), [
    `Hoitotakuu, Koko kaupunki, 2021: 52,0${N}% → 48,0${N}%`,
    `Odotusaika, Koko kaupunki, kesä 2021: 4,0${N}vrk → 4,1${N}vrk`,
    `Hoitotakuu, Koko kaupunki, Q2/2021: 49,4${N}% → 50,1${N}%`,
    `Odotusaika, Yksikkö U1, kesä 2021: 0,0${N}vrk → 1,0${N}vrk`,
    `Hoitotakuu, Yksikkö U1, Q2/2021: 30,0${N}% → 45,0${N}%`,
  ]);
  assert.match(line("revised")!.textContent!, /^Korjattuja lukuja: 5\. Suurimmat:/);
  assert.equal(line("newly-withheld")?.textContent, "Aiemmin julkaistuja, nyt tietosuojan vuoksi piilotettuja lukuja: 1 (Hoitotakuu).");
  assert.equal(line("newly-published")?.textContent, "Aiemmin piilotettuja, nyt julkaistuja lukuja: 1 (Hoitotakuu).");
  assert.equal(line("targets-met")?.textContent, `Tavoite nyt saavutettu (koko kaupunki): Hoitotakuu, Koko kaupunki, Q2/2021: 49,4${N}% → 50,1${N}%.`);
  assert.equal(line("targets-missed")?.textContent, `Tavoite ei enää saavutettu (koko kaupunki): Hoitotakuu, Koko kaupunki, 2021: 52,0${N}% → 48,0${N}%.`);

  const none = extractChanges(computeChanges(null, current, { current: refs.current, previous: null }, catalogue), { ...o, lang: "sv" });
  assert.equal(none.dataset.changes, "none");
  assert.equal(none.querySelector("h2")?.textContent, "Ändringar sedan föregående uttag");
  assert.equal(none.querySelector("p")?.textContent, "Inget tidigare uttag att jämföra med.");
  const en = extractChanges(computeChanges(null, current, { current: refs.current, previous: null }, catalogue), { ...o, lang: "en" });
  assert.equal(en.querySelector("p")?.textContent, "No previous extract to compare with.");
});
