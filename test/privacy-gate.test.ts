// The publishing gate (every build and export runs the audit): a build whose suppression leaks is refused,
// naming the cells, and nothing is written; the same extract with the full
// suppression is published.
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { loadCatalogue } from "../loaders/indicators/catalogue.ts";
import { ensurePageData } from "../loaders/publish/page-data.ts";
import { assertPublishable } from "../loaders/privacy/gate.ts";
import { tempDir, writeExtract, type Row } from "./helpers/extract.ts";
import { client, contact, unit } from "./helpers/rows.ts";

// First contacts in three units over 2021Q1: U1 has 3 in January (under the threshold).
function extract(): string {
  const perMonth: Record<string, number[]> = { U1: [3, 30, 31], U2: [40, 42, 44], U3: [60, 61, 59] };
  const contacts: Row[] = [];
  for (const [u, counts] of Object.entries(perMonth)) {
    counts.forEach((n, m) => {
      for (let i = 0; i < n; i++) contacts.push(contact(`K-${u}-${m}-${i}`, `2021-0${m + 1}-${String(1 + (i % 27)).padStart(2, "0")}T10:00:00`, { unit_id: u, client_id: `C${i % 20}`, resolved_at_first_contact: i % 2 === 0 }));
    });
  }
  return writeExtract(
    { units: Object.keys(perMonth).map((u) => unit(u)), clients: Array.from({ length: 20 }, (_, i) => client(`C${i}`)), contacts, visits: [] },
    { manifest: { period: { from: "2021-01-01", to: "2021-03-31" } } },
  );
}

test("a suppression that ignores the time sums is refused by the audit, every recovered cell named, nothing written", async () => {
  const dir = extract();
  const out = join(tempDir("gate-"), "page-data");
  await assert.rejects(
    ensurePageData(dir, { outDir: out, codeRoot: process.cwd(), tolerant: false, suppression: { relations: { time: false } } }),
    (e: Error) => /refusing to publish/.test(e.message) && /ACC_FIRST_CONTACT 2021-01 unit U1 breakdown ALL: (numerator|denominator) is pinned/.test(e.message),
  );
  assert.equal(existsSync(join(out, "indicators.csv")), false);
});

test("the same extract with the full suppression passes the audit and is written", async () => {
  const out = join(tempDir("gate-"), "page-data");
  await ensurePageData(extract(), { outDir: out, codeRoot: process.cwd(), tolerant: false });
  assert.equal(existsSync(join(out, "indicators.csv")), true);
});

test("a verdict is remembered only for the very files that passed: a pass is not audited twice, a leak is refused every time", async () => {
  const out = join(tempDir("gate-"), "page-data");
  await ensurePageData(extract(), { outDir: out, codeRoot: process.cwd(), tolerant: false });
  const csv = readFileSync(join(out, "indicators.csv"), "utf8");
  const quality = JSON.parse(readFileSync(join(out, "meta.json"), "utf8"));
  // The published units list places the rows of areas and operating models.
  const units = quality.units;
  const said: string[] = [];
  await assertPublishable({ indicatorsCsv: csv, quality, units }, loadCatalogue(), (m) => said.push(m));
  // The table alone (as the self-assessment publishes it) passed with its quality figures, so alone too.
  await assertPublishable({ indicatorsCsv: csv, units }, loadCatalogue(), (m) => said.push(m));
  assert.deepEqual(said, ["privacy audit: these exact files passed it before (same audit code)", "privacy audit: these exact files passed it before (same audit code)"]);
  // Other quality figures beside the same table are audited afresh. (A field of this run's own,
  // which the audit does not read, makes them new to .build/audit-passed on every run of this test.)
  said.length = 0;
  await assertPublishable({ indicatorsCsv: csv, quality: { ...quality, tables: [], run: randomUUID() }, units }, loadCatalogue(), (m) => said.push(m));
  assert.match(said[0], /^privacy audit: \d+ withheld cells/);
  // A table with one withheld cell published again (its January count for U1) is refused, twice.
  const leaky = csv.replace(/^(ACC_FIRST_CONTACT,month,2021-01,U1,ALL,ALL),,,,true$/m, "$1,2,3,0.666667,false");
  assert.notEqual(leaky, csv, "the test found the withheld cell to leak");
  for (let i = 0; i < 2; i++) await assert.rejects(assertPublishable({ indicatorsCsv: leaky, units }, loadCatalogue()), /refusing to publish/);
  // Without the units list the audit cannot place an area's row: refused, not vouched for.
  const withArea = csv.replace(/^(ACC_FIRST_CONTACT,month,2021-01,)U1(,ALL,ALL,,,,true)$/m, "$1U1$2\n$1area:A$2");
  assert.notEqual(withArea, csv, "the test added an area's row");
  await assert.rejects(assertPublishable({ indicatorsCsv: withArea }, loadCatalogue()), /units list/);
});
