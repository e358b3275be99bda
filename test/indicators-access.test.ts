// Access indicators against hand computation on tiny extracts.
import assert from "node:assert/strict";
import { test } from "node:test";
import { computeCells, figures } from "./helpers/compute.ts";
import { client, contact, unit, visit } from "./helpers/rows.ts";

const units = [unit("U1"), unit("U2")];

test("ACC_FIRST_CONTACT: resolved non-urgent contacts ÷ non-urgent contacts, per unit and ALL", async () => {
  const cells = await computeCells({
    units,
    contacts: [
      contact("K1", "2021-03-01T09:00:00", { resolved_at_first_contact: true }),
      contact("K2", "2021-03-02T09:00:00", { resolved_at_first_contact: true, unit_id: "U2" }),
      contact("K3", "2021-03-03T09:00:00", { resolved_at_first_contact: false }),
      contact("K4", "2021-03-04T09:00:00", { resolved_at_first_contact: true, urgency: "KIIREELLINEN" }),
      contact("K5", "2021-07-04T09:00:00", { resolved_at_first_contact: false }),
    ],
  });
  assert.deepEqual(figures(cells, "ACC_FIRST_CONTACT", "2021-03"), [2, 3, 2 / 3]);
  assert.deepEqual(figures(cells, "ACC_FIRST_CONTACT", "2021-03", "U1"), [1, 2, 0.5]);
  assert.deepEqual(figures(cells, "ACC_FIRST_CONTACT", "2021-03", "U2"), [1, 1, 1]);
  assert.deepEqual(figures(cells, "ACC_FIRST_CONTACT", "2021Q1"), [2, 3, 2 / 3]);
  assert.deepEqual(figures(cells, "ACC_FIRST_CONTACT", "2021H1"), [2, 3, 2 / 3]);
  assert.deepEqual(figures(cells, "ACC_FIRST_CONTACT", "2021H2"), [0, 1, 0]);
  assert.deepEqual(figures(cells, "ACC_FIRST_CONTACT", "2021"), [2, 4, 0.5]);
  assert.equal(figures(cells, "ACC_FIRST_CONTACT", "2021-04"), undefined, "a month without anchor rows is not written");
  assert.equal(figures(cells, "ACC_FIRST_CONTACT", "2021Q3", "U2"), undefined);
});

test("ACC_URGENT_0_1D: calendar days across midnight, cancelled first visit, consultations, ties, other units", async () => {
  const cells = await computeCells({
    units,
    clients: [client("C1")],
    contacts: [
      // 23:50 → 00:10 two dates later is 2 days: a miss.
      contact("K1", "2021-03-01T23:50:00", { urgency: "KIIREELLINEN" }),
      // The first visit was cancelled; the realised one next day (a nurse) counts: a hit.
      contact("K2", "2021-03-05T10:00:00", { urgency: "KIIREELLINEN" }),
      // Only a professional consultation (R60): no realised visit, not in the denominator.
      contact("K3", "2021-03-06T10:00:00", { urgency: "KIIREELLINEN" }),
      // Same-day visit in another unit: followed, counted in the contact's unit U2.
      contact("K4", "2021-03-07T10:00:00", { urgency: "KIIREELLINEN", unit_id: "U2" }),
      // Two visits at the same time: the smaller visit_id ("V50" < "V6") decides the profession.
      contact("K5", "2021-03-08T10:00:00", { urgency: "KIIREELLINEN" }),
    ],
    visits: [
      visit("V1", "2021-03-03T00:10:00", { contact_id: "K1" }),
      visit("V2", "2021-03-05T12:00:00", { contact_id: "K2", cancelled: true }),
      visit("V3", "2021-03-06T08:00:00", { contact_id: "K2", profession: "HOITAJA" }),
      visit("V4", "2021-03-06T11:00:00", { contact_id: "K3", contact_mode: "R60" }),
      visit("V5", "2021-03-07T11:00:00", { contact_id: "K4", unit_id: "U1", profession: "HOITAJA" }),
      visit("V6", "2021-03-08T11:00:00", { contact_id: "K5", profession: "LAAKARI" }),
      visit("V50", "2021-03-08T11:00:00", { contact_id: "K5", profession: "HOITAJA" }),
    ],
  });
  assert.deepEqual(figures(cells, "ACC_URGENT_0_1D", "2021-03"), [3, 4, 0.75]);
  assert.deepEqual(figures(cells, "ACC_URGENT_0_1D", "2021-03", "ALL", "LAAKARI"), [0, 1, 0]);
  assert.deepEqual(figures(cells, "ACC_URGENT_0_1D", "2021-03", "ALL", "HOITAJA"), [3, 3, 1]);
  assert.deepEqual(figures(cells, "ACC_URGENT_0_1D", "2021-03", "U1"), [2, 3, 2 / 3]);
  assert.deepEqual(figures(cells, "ACC_URGENT_0_1D", "2021-03", "U2", "HOITAJA"), [1, 1, 1]);
  assert.equal(figures(cells, "ACC_URGENT_0_1D", "2021-03", "U2", "LAAKARI"), undefined);
});

test("ACC_NONURGENT_0_10D: 10 days is within, 11 is not; only contacts with a realised visit count", async () => {
  const cells = await computeCells({
    contacts: [
      contact("K1", "2021-05-01T09:00:00"),
      contact("K2", "2021-05-01T09:00:00"),
      contact("K3", "2021-05-01T09:00:00"),
      contact("K4", "2021-05-02T09:00:00", { urgency: "KIIREELLINEN" }),
    ],
    visits: [
      visit("V1", "2021-05-11T16:00:00", { contact_id: "K1" }),
      visit("V2", "2021-05-12T08:00:00", { contact_id: "K2", profession: "HOITAJA" }),
      visit("V3", "2021-05-02T10:00:00", { contact_id: "K4" }),
    ],
  });
  assert.deepEqual(figures(cells, "ACC_NONURGENT_0_10D", "2021-05"), [1, 2, 0.5]);
  assert.deepEqual(figures(cells, "ACC_NONURGENT_0_10D", "2021-05", "U1", "LAAKARI"), [1, 1, 1]);
  assert.deepEqual(figures(cells, "ACC_NONURGENT_0_10D", "2021-05", "U1", "HOITAJA"), [0, 1, 0]);
});

test("ACC_VISIT_0_7D and ACC_ORAL_0_90D: every visit counts, from the care-need assessment date", async () => {
  const cells = await computeCells({
    contacts: [
      contact("K1", "2021-06-01T08:00:00", { need_assessment_ts: "2021-06-01T23:30:00" }),
      contact("K2", "2021-06-01T08:00:00"), // no care-need assessment: its visits do not count
      contact("K3", "2021-03-01T08:00:00", { need_assessment_ts: "2021-03-01T09:00:00" }),
    ],
    visits: [
      visit("V1", "2021-06-08T10:00:00", { contact_id: "K1" }), // 7 days: within
      visit("V2", "2021-06-09T10:00:00", { contact_id: "K1", profession: "HOITAJA" }), // 8 days: not
      visit("V3", "2021-06-05T10:00:00", { contact_id: "K1", profession: "FYSIOTERAPEUTTI" }),
      visit("V4", "2021-06-20T10:00:00", { contact_id: "K1", profession: "TOIMINTATERAPEUTTI" }),
      visit("V5", "2021-06-02T10:00:00", { contact_id: "K2" }),
      visit("V6", "2021-06-02T10:00:00", { contact_id: "K1", urgency: "KIIREELLINEN" }),
      visit("V7", "2021-06-03T10:00:00", { contact_id: "K1", cancelled: true }),
      visit("V8", "2021-06-03T10:00:00", { contact_id: "K1", profession: "PSYKOLOGI" }),
      visit("V9", "2021-05-30T10:00:00", { contact_id: "K3", profession: "HAMMASLAAKARI" }), // 90 days
      visit("V10", "2021-05-31T10:00:00", { contact_id: "K3", profession: "HAMMASLAAKARI" }), // 91 days
      visit("V11", "2021-04-01T10:00:00", { contact_id: "K3", profession: "SUUHYGIENISTI" }),
    ],
  });
  assert.deepEqual(figures(cells, "ACC_VISIT_0_7D", "2021-06"), [2, 4, 0.5]);
  assert.deepEqual(figures(cells, "ACC_VISIT_0_7D", "2021-06", "ALL", "LAAKARI"), [1, 1, 1]);
  assert.deepEqual(figures(cells, "ACC_VISIT_0_7D", "2021-06", "ALL", "HOITAJA"), [0, 1, 0]);
  assert.deepEqual(figures(cells, "ACC_VISIT_0_7D", "2021-06", "ALL", "FYSIO_TOIMINTA"), [1, 2, 0.5]);
  assert.deepEqual(figures(cells, "ACC_ORAL_0_90D", "2021Q2"), [2, 3, 2 / 3]);
  assert.deepEqual(figures(cells, "ACC_ORAL_0_90D", "2021Q2", "ALL", "HAMMASLAAKARI"), [1, 2, 0.5]);
});

test("ACC_T3_MEDIAN: median with 182 as 182, mean of the two middle values; never suppressed", async () => {
  const t3 = (measured_on: string, third_available_days: number, profession = "LAAKARI") => ({ unit_id: "U1", profession, measured_on, third_available_days });
  const cells = await computeCells({
    appointment_supply: [t3("2021-02-01", 3), t3("2021-02-08", 182), t3("2021-02-15", 10), t3("2021-02-22", 20), t3("2021-02-22", 4, "HOITAJA")],
  });
  assert.deepEqual(figures(cells, "ACC_T3_MEDIAN", "2021-02", "U1", "LAAKARI"), [null, 4, 15]);
  assert.deepEqual(figures(cells, "ACC_T3_MEDIAN", "2021-02"), [null, 5, 10]);
  const cell = cells.find((c) => c.indicator_id === "ACC_T3_MEDIAN" && c.period === "2021-02" && c.unit_id === "U1" && c.breakdown_value === "HOITAJA");
  assert.equal(cell?.n, null);
});

test("ACC_DIGITAL_CONTACTS and ACC_VOUCHER_USE", async () => {
  const voucher = (voucher_id: string, issued_on: string, used_on: string | null) => ({ voucher_id, client_id: "C1", unit_id: "U1", issued_on, used_on, value_eur: 120 });
  const cells = await computeCells({
    contacts: ["CHAT", "MAISA", "OMAOLO", "PHONE", "WALK_IN"].map((channel, i) => contact(`K${i}`, "2021-09-01T10:00:00", { channel })),
    service_vouchers: [voucher("S1", "2021-09-01", "2021-09-20"), voucher("S2", "2021-09-02", "2022-03-01"), voucher("S3", "2021-09-03", null)],
  });
  assert.deepEqual(figures(cells, "ACC_DIGITAL_CONTACTS", "2021-09"), [3, 5, 0.6]);
  // Used after the period (and after the extract) still counts as used.
  assert.deepEqual(figures(cells, "ACC_VOUCHER_USE", "2021-09"), [2, 3, 2 / 3]);
});

test("absent optional tables give no rows, never zero", async () => {
  const cells = await computeCells({ contacts: [contact("K1", "2021-03-01T09:00:00")] });
  for (const id of ["ACC_T3_MEDIAN", "ACC_VOUCHER_USE", "EFF_DIABETES_BALANCE", "CX_NPS", "STAFF_ENPS", "PROD_VISITS_PER_FTE", "PROD_COST_PER_VISIT"]) {
    assert.equal(cells.filter((c) => c.indicator_id === id).length, 0, id);
  }
  assert.ok(cells.some((c) => c.indicator_id === "ACC_FIRST_CONTACT"));
});
