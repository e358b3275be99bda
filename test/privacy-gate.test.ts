// The publishing gate (--audit): a build whose suppression leaks is refused,
// naming the cells, and nothing is written; the same extract with the full
// suppression is published.
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { ensurePageData } from "../loaders/page-data.ts";
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
    ensurePageData(dir, { outDir: out, codeRoot: process.cwd(), tolerant: false, audit: true, suppression: { relations: { time: false } } }),
    (e: Error) => /refusing to publish/.test(e.message) && /ACC_FIRST_CONTACT 2021-01 unit U1 breakdown ALL: (numerator|denominator) is pinned/.test(e.message),
  );
  assert.equal(existsSync(join(out, "indicators.csv")), false);
});

test("the same extract with the full suppression passes the audit and is written", async () => {
  const out = join(tempDir("gate-"), "page-data");
  await ensurePageData(extract(), { outDir: out, codeRoot: process.cwd(), tolerant: false, audit: true });
  assert.equal(existsSync(join(out, "indicators.csv")), true);
});
