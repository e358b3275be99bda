// Property: for any small extract, no published cell is under its threshold
// and the audit (an attacker over the published table, sharing no code with
// the suppression) recovers no withheld figure.
import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import { loadCatalogue, thresholdOf } from "../loaders/indicators/catalogue.ts";
import { runPipeline } from "../loaders/pipeline.ts";
import { writeExtract, type Row } from "./helpers/extract.ts";
import { publish } from "../loaders/publish/emit.ts";
import { assertNothingRecoverable } from "./helpers/privacy.ts";
import { client, contact, unit, visit } from "./helpers/rows.ts";

const UNITS = ["U1", "U2", "U3", "U4"];
const PROFESSIONS = ["LAAKARI", "HOITAJA", "FYSIOTERAPEUTTI"];
const CHANNELS = ["PHONE", "CHAT", "MAISA"];

const day = (d: number) => {
  const date = new Date(Date.UTC(2021, 0, 1) + d * 86_400_000);
  return date.toISOString().slice(0, 10);
};

const contactArb = fc.record({
  unit: fc.constantFrom(...UNITS),
  client: fc.integer({ min: 0, max: 11 }),
  day: fc.integer({ min: 0, max: 150 }),
  urgent: fc.boolean(),
  resolved: fc.boolean(),
  channel: fc.constantFrom(...CHANNELS),
  wait: fc.option(fc.integer({ min: 0, max: 14 }), { nil: null }),
  profession: fc.constantFrom(...PROFESSIONS),
  visitUnit: fc.constantFrom(...UNITS),
});
const answerArb = fc.record({ unit: fc.constantFrom(...UNITS), respondent: fc.integer({ min: 0, max: 30 }), day: fc.integer({ min: 0, max: 150 }), score: fc.integer({ min: 0, max: 10 }) });

test("suppression holds on random small extracts", async () => {
  const catalogue = loadCatalogue();
  const thresholds = new Map(catalogue.indicators.map((i) => [i.id, thresholdOf(i)]));
  await fc.assert(
    fc.asyncProperty(fc.array(contactArb, { minLength: 1, maxLength: 120 }), fc.array(answerArb, { maxLength: 80 }), async (contacts, answers) => {
      const contactRows: Row[] = [];
      const visitRows: Row[] = [];
      contacts.forEach((c, i) => {
        const ts = `${day(c.day)}T10:00:00`;
        contactRows.push(contact(`K${i}`, ts, { unit_id: c.unit, client_id: `C${c.client}`, urgency: c.urgent ? "KIIREELLINEN" : "KIIREETON", resolved_at_first_contact: c.resolved, channel: c.channel, need_assessment_ts: ts }));
        if (c.wait !== null) visitRows.push(visit(`V${i}`, `${day(c.day + c.wait)}T12:00:00`, { contact_id: `K${i}`, unit_id: c.visitUnit, client_id: `C${c.client}`, profession: c.profession }));
      });
      const staff = answers.map((a) => ({ survey_id: "2021-KEVAT", unit_id: a.unit, respondent_id: `P${a.respondent}`, answered_on: day(a.day), question_code: "ENPS", score: a.score }));
      const dir = writeExtract({
        // Two areas crossed with two operating models: every unit is in three sums (area, model, ALL).
        units: UNITS.map((u, i) => unit(u, { area: i < 2 ? "ITA" : "KESKI", operating_model: i % 2 ? "PERHEKESKUS" : "THK" })),
        clients: Array.from({ length: 12 }, (_, i) => client(`C${i}`)),
        contacts: contactRows,
        visits: visitRows,
        staff_survey: staff,
      }, { manifest: { period: { from: "2021-01-01", to: "2021-12-31" } } });
      const { cells, units } = await runPipeline(dir);
      for (const c of cells) {
        const t = thresholds.get(c.indicator_id);
        if (!c.suppressed && t != null) assert.ok(c.n !== null && c.n >= t);
      }
      await assertNothingRecoverable(publish(cells), units);
    }),
    { numRuns: 25, seed: 42 },
  );
});
