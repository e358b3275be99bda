// The care guarantee by law and age band (ACC_CARE_GUARANTEE) and the same-working-day care-need
// assessment (ACC_SAME_DAY_ASSESSMENT), against hand computation on a crafted extract with rows
// just inside and just outside each limit around 1.9.2023, 1.11.2024 and 1.1.2025.
import assert from "node:assert/strict";
import { test } from "node:test";
import { join } from "node:path";
import { loadCatalogue } from "../loaders/indicators/catalogue.ts";
import { computeIndicators } from "../loaders/indicators/compute-indicators.ts";
import { generateExtract } from "../loaders/generate/index.ts";
import { ingestExtract } from "../loaders/validate/ingest.ts";
import { targetForPeriod, targetSteps } from "../src/lib/analysis/targets.ts";
import { computeCells, figures } from "./helpers/compute.ts";
import { tempDir } from "./helpers/extract.ts";
import { client, contact, unit, visit } from "./helpers/rows.ts";
import { referenceCells } from "./reference/index.ts";

const manifest = { extracted_at: "2026-01-05T06:00:00", period: { from: "2023-01-01", to: "2025-12-31" } };

/** A non-urgent contact assessed at 09:00 on `assessed` and its visit on `visited` (12:00). */
function assessedVisit(id: string, clientId: string, assessed: string, visited: string, extra: Record<string, unknown> = {}) {
  return {
    contact: contact(`K${id}`, `${assessed}T08:00:00`, { client_id: clientId, need_assessment_ts: `${assessed}T09:00:00` }),
    visit: visit(`V${id}`, `${visited}T12:00:00`, { client_id: clientId, contact_id: `K${id}`, ...extra }),
  };
}

test("ACC_CARE_GUARANTEE: the limit in force on the assessment date for the age band then", async () => {
  // A is 23 or over throughout (born 1990); Y under 23 (born 2010); T turns 23 in 2025 (born 2002).
  const rows = [
    // Primary care, 3 months before 1.9.2023 and 14 days from it (all ages).
    assessedVisit("01", "A", "2023-08-31", "2023-11-30"), // 31.8. + 3 months = 30.11.: in time
    assessedVisit("02", "A", "2023-08-31", "2023-12-01"), // a day late
    assessedVisit("03", "A", "2023-09-01", "2023-09-15"), // 14 days: in time
    assessedVisit("04", "A", "2023-09-01", "2023-09-16"), // 15 days: late
    // Oral care, 6 months before 1.9.2023 and 4 months from it.
    assessedVisit("05", "Y", "2023-08-15", "2024-02-15", { profession: "HAMMASLAAKARI" }), // 6 months: in time
    assessedVisit("06", "Y", "2023-09-04", "2024-01-05", { profession: "SUUHYGIENISTI" }), // 4 months + 1 day: late
    assessedVisit("07", "Y", "2023-09-04", "2024-01-04", { profession: "HAMMASHOITAJA" }), // 4 months: in time
    // Oral care, 4 months to 31.10.2024 and 3 months from 1.11.2024.
    assessedVisit("08", "A", "2024-10-31", "2025-02-28", { profession: "HAMMASLAAKARI" }), // 31.10. + 4 months = 28.2.: in time
    assessedVisit("09", "A", "2024-11-01", "2025-02-03", { profession: "HAMMASLAAKARI" }), // 3 months + 2 days: late
    // From 1.1.2025 the age band decides.
    assessedVisit("10", "T", "2024-12-20", "2025-01-03"), // T is 22 at the assessment: 14 days, in time
    assessedVisit("11", "T", "2025-01-02", "2025-03-20"), // T is 23 at the assessment: 3 months, in time
    assessedVisit("12", "Y", "2025-01-02", "2025-01-17"), // under 23: 15 days is late
    assessedVisit("13", "A", "2024-12-31", "2025-01-15"), // assessed while 14 days held for all: late
    assessedVisit("14", "A", "2025-01-02", "2025-04-02", { profession: "HOITAJA" }), // 23+: 3 months, in time
    assessedVisit("15", "A", "2025-01-02", "2025-06-30", { profession: "HAMMASLAAKARI" }), // 23+ oral: 6 months, in time
    assessedVisit("16", "Y", "2025-01-02", "2025-04-03", { profession: "HAMMASLAAKARI" }), // under-23 oral: 3 months + 1 day, late
    // Not counted: urgent, a psychologist, cancelled, a consultation, no assessment.
    assessedVisit("17", "A", "2025-05-05", "2025-05-06", { urgency: "KIIREELLINEN" }),
    assessedVisit("18", "A", "2025-05-05", "2025-09-06", { profession: "PSYKOLOGI" }),
    assessedVisit("19", "A", "2025-05-05", "2025-09-06", { cancelled: true }),
    assessedVisit("20", "A", "2025-05-05", "2025-09-06", { contact_mode: "R60" }),
    // Only a contact's first qualifying visit counts: the follow-up after 3 months is not a late visit.
    assessedVisit("22", "A", "2025-07-01", "2025-07-10"),
  ];
  const unassessed = contact("K21", "2025-05-05T08:00:00", { client_id: "A" });
  const cells = await computeCells({
    clients: [client("A", { birth_year: 1990 }), client("Y", { birth_year: 2010 }), client("T", { birth_year: 2002 })],
    contacts: [...rows.map((r) => r.contact), unassessed],
    visits: [
      ...rows.map((r) => r.visit),
      visit("V21", "2025-09-06T12:00:00", { client_id: "A", contact_id: "K21" }),
      visit("V23", "2025-11-03T12:00:00", { client_id: "A", contact_id: "K22" }),
    ],
  }, { manifest });
  const id = "ACC_CARE_GUARANTEE";

  assert.deepEqual(figures(cells, id, "2023-09"), [1, 2, 0.5]);
  assert.deepEqual(figures(cells, id, "2023-09", "ALL", "23plus"), [1, 2, 0.5]);
  assert.equal(figures(cells, id, "2023-09", "ALL", "under23"), undefined);
  assert.deepEqual(figures(cells, id, "2023-11"), [1, 1, 1]);
  assert.deepEqual(figures(cells, id, "2023-12"), [0, 1, 0]);
  assert.deepEqual(figures(cells, id, "2023"), [2, 4, 0.5]);
  assert.deepEqual(figures(cells, id, "2024-01", "ALL", "under23"), [1, 2, 0.5]);
  assert.deepEqual(figures(cells, id, "2024-02", "ALL", "under23"), [1, 1, 1]);
  assert.deepEqual(figures(cells, id, "2024"), [2, 3, 2 / 3]);
  assert.deepEqual(figures(cells, id, "2025-02", "ALL", "23plus"), [1, 2, 0.5]);

  assert.deepEqual(figures(cells, id, "2025-01"), [1, 3, 1 / 3]);
  assert.deepEqual(figures(cells, id, "2025-01", "ALL", "under23"), [1, 2, 0.5]);
  assert.deepEqual(figures(cells, id, "2025-01", "ALL", "23plus"), [0, 1, 0]);
  assert.deepEqual(figures(cells, id, "2025-03", "ALL", "23plus"), [1, 1, 1]);
  assert.deepEqual(figures(cells, id, "2025-04", "ALL", "23plus"), [1, 1, 1]);
  assert.deepEqual(figures(cells, id, "2025-04", "ALL", "under23"), [0, 1, 0]);
  assert.deepEqual(figures(cells, id, "2025-06", "U1", "23plus"), [1, 1, 1]);
  assert.deepEqual(figures(cells, id, "2025-07"), [1, 1, 1]);
  assert.equal(figures(cells, id, "2025-11"), undefined, "a follow-up visit is not counted");
  assert.deepEqual(figures(cells, id, "2025"), [6, 10, 0.6]);
  assert.deepEqual(figures(cells, id, "2025", "ALL", "23plus"), [5, 7, 5 / 7]);
  assert.deepEqual(figures(cells, id, "2025", "ALL", "under23"), [1, 3, 1 / 3]);
  assert.equal(figures(cells, id, "2025-05"), undefined, "urgent, psychologist, cancelled, R60 and unassessed rows are not counted");
  assert.equal(figures(cells, id, "2025-09"), undefined);
});

test("ACC_SAME_DAY_ASSESSMENT: the same day in office hours, else the next weekday; primary and oral care only", async () => {
  // 1.9.2023 was a Friday: 2.9. Saturday, 3.9. Sunday, 4.9. Monday.
  const assessed = (id: string, at: string, by: string, unit_id = "U1") =>
    contact(id, at, { unit_id, need_assessment_ts: by });
  const cells = await computeCells({
    units: [unit("U1"), unit("U2", { service_area: "SUUN_TERVEYDENHUOLTO" }), unit("U3", { service_area: "KOTIHOITO" })],
    clients: [client("C1")],
    contacts: [
      assessed("S1", "2023-09-04T15:59:00", "2023-09-04T23:00:00"), // Monday in office hours, same day
      assessed("S2", "2023-09-04T15:00:00", "2023-09-05T08:00:00"), // Monday in office hours, Tuesday: late
      assessed("S3", "2023-09-02T10:00:00", "2023-09-04T09:00:00"), // Saturday, Monday: in time
      assessed("S4", "2023-09-03T10:00:00", "2023-09-05T09:00:00"), // Sunday, Tuesday: late
      assessed("S5", "2023-09-01T15:30:00", "2023-09-04T08:00:00"), // Friday in office hours, Monday: late
      assessed("S10", "2023-09-01T16:00:00", "2023-09-04T16:00:00"), // Friday after 16:00, Monday: in time
      assessed("S11", "2023-09-05T16:30:00", "2023-09-07T08:00:00"), // Tuesday after 16:00, Thursday: late
      assessed("S6", "2023-09-05T10:00:00", "2023-09-05T11:00:00", "U2"), // oral care, same day
      assessed("S7", "2023-09-05T10:00:00", "2023-09-08T11:00:00", "U3"), // home care: not counted
      contact("S8", "2023-09-05T10:00:00"), // no assessment recorded: not counted
      assessed("S9", "2023-08-31T10:00:00", "2023-09-01T10:00:00"), // before the law too: late
    ],
  }, { manifest });
  const id = "ACC_SAME_DAY_ASSESSMENT";
  assert.deepEqual(figures(cells, id, "2023-09"), [4, 8, 0.5]);
  assert.deepEqual(figures(cells, id, "2023-09", "U1"), [3, 7, 3 / 7]);
  assert.deepEqual(figures(cells, id, "2023-09", "U2"), [1, 1, 1]);
  assert.equal(figures(cells, id, "2023-09", "U3"), undefined);
  assert.deepEqual(figures(cells, id, "2023-08"), [0, 1, 0]);
  assert.deepEqual(figures(cells, id, "2023Q3"), [4, 9, 4 / 9]);
});

test("the care-guarantee targets step on 1.9.2023, 1.11.2024 and 1.1.2025; same-day assessment has one from 1.9.2023", () => {
  const byId = Object.fromEntries(loadCatalogue().indicators.map((i) => [i.id, i]));
  const guarantee = byId.ACC_CARE_GUARANTEE.targets;
  const ref = (period: string) => targetForPeriod(guarantee, period)?.ref;
  assert.equal(ref("2023-08"), "TGT-CG-LAW-TO-2023-08");
  assert.equal(ref("2023Q3"), "TGT-CG-LAW-2023-09", "a period is judged by its last day");
  assert.equal(ref("2024-10"), "TGT-CG-LAW-2023-09");
  assert.equal(ref("2024-11"), "TGT-CG-LAW-2024-11");
  assert.equal(ref("2024"), "TGT-CG-LAW-2024-11");
  assert.equal(ref("2025-01"), "TGT-CG-LAW-2025");
  assert.deepEqual(
    targetSteps(guarantee, "2023-01-01", "2025-12-31").map((s) => [s.from, s.to, s.value]),
    [["2023-01-01", "2023-08-31", 1], ["2023-09-01", "2024-10-31", 1], ["2024-11-01", "2024-12-31", 1], ["2025-01-01", "2025-12-31", 1]],
  );
  const sameDay = byId.ACC_SAME_DAY_ASSESSMENT.targets;
  assert.equal(targetForPeriod(sameDay, "2023-08"), null, "no target before the law");
  assert.equal(targetForPeriod(sameDay, "2023Q3")?.value, 1);
  // The programme's own binding targets are untouched.
  assert.equal(targetForPeriod(byId.ACC_NONURGENT_0_10D.targets, "2025-06")?.value, 0.7);
  assert.equal(targetForPeriod(byId.ACC_ORAL_0_90D.targets, "2025-06")?.value, 0.95);
});

test("the SQL agrees with the reference implementation on a generated extract across 2022–2025", async () => {
  const dir = join(tempDir("care-guarantee-"), "extract");
  await generateExtract({ outDir: dir, scale: "tiny", seed: 11, from: "2022-01", to: "2025-12", contacts: 8000 });
  const ids = new Set(["ACC_CARE_GUARANTEE", "ACC_SAME_DAY_ASSESSMENT"]);
  const catalogue = loadCatalogue();
  const ingested = await ingestExtract(dir);
  let cells;
  try {
    cells = await computeIndicators(ingested.db, { ...catalogue, indicators: catalogue.indicators.filter((i) => ids.has(i.id)) }, { present: ingested.present, period: ingested.manifest.period });
  } finally {
    ingested.db.close();
  }
  // Units and the whole city: the cells the reference writes.
  const key = (c: { indicator_id: string; period: string; unit_id: string; breakdown_value: string }) => `${c.indicator_id} ${c.period} ${c.unit_id} ${c.breakdown_value}`;
  const sql = new Map(cells.filter((c) => !c.unit_id.includes(":")).map((c) => [key(c), [c.numerator, c.denominator]]));
  const reference = new Map(referenceCells(dir).filter((c) => ids.has(c.indicator_id)).map((c) => [key(c), [c.numerator, c.denominator]]));
  assert.ok(reference.size > 1000, `the reference writes cells (${reference.size})`);
  assert.deepEqual([...sql.keys()].sort(), [...reference.keys()].sort(), "the same cells");
  for (const [k, figures] of reference) assert.deepEqual(sql.get(k), figures, k);
  // The sample's story: 23+ within the limit less often after 1.9.2023, more often again in 2025.
  const share = (period: string, band: string) => { const [n, d] = sql.get(`ACC_CARE_GUARANTEE ${period} ALL ${band}`)!; return n! / d!; };
  assert.ok(share("2024", "23plus") < share("2022", "23plus") - 0.05, "the 14-day limit bites in 2024");
  assert.ok(share("2025", "23plus") > share("2024", "23plus") + 0.05, "3 months again for 23+ in 2025");
});
