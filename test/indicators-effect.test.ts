// Effectiveness indicators (diabetes, AUDIT-C, mini-interventions, contact person) by hand.
import assert from "node:assert/strict";
import { test } from "node:test";
import { computeCells, figures } from "./helpers/compute.ts";
import { client, contact, unit, visit } from "./helpers/rows.ts";

const m = (client_id: string, unit_id: string, measured_on: string, measure_code: string, value: number) => ({ client_id, unit_id, measured_on, measure_code, value });

test("EFF_DIABETES_BALANCE: latest HbA1c per client, E11 recorded by the period's end, per unit its own latest", async () => {
  const cells = await computeCells({
    units: [unit("U1"), unit("U2")],
    clients: [client("A"), client("B"), client("C"), client("D")],
    conditions: [
      { client_id: "A", condition_code: "E11.9", recorded_on: "2021-05-01" },
      { client_id: "B", condition_code: "E11", recorded_on: "2019-03-01" },
      { client_id: "C", condition_code: "E10", recorded_on: "2019-03-01" },
      { client_id: "D", condition_code: "E11", recorded_on: "2018-01-01" },
    ],
    measurements: [
      m("A", "U1", "2021-02-01", "HBA1C", 60), // Q1: A not yet diabetic (recorded 2021-05-01)
      m("A", "U1", "2021-05-10", "HBA1C", 50),
      m("A", "U2", "2021-06-01", "HBA1C", 58), // A's latest in Q2 overall: 58, not in balance
      m("B", "U1", "2021-04-10", "HBA1C", 53), // 53 is not < 53
      m("C", "U1", "2021-04-10", "HBA1C", 40), // not type 2
      m("D", "U2", "2021-04-20", "HBA1C", 70),
      m("D", "U2", "2021-04-20", "HBA1C", 45), // same day: the highest value (70) is the latest
      m("B", "U1", "2021-04-11", "AUDIT_C", 2),
    ],
  });
  assert.equal(figures(cells, "EFF_DIABETES_BALANCE", "2021Q1"), undefined);
  assert.deepEqual(figures(cells, "EFF_DIABETES_BALANCE", "2021Q2"), [0, 3, 0]);
  assert.deepEqual(figures(cells, "EFF_DIABETES_BALANCE", "2021Q2", "U1"), [1, 2, 0.5]); // A (50) and B (53)
  assert.deepEqual(figures(cells, "EFF_DIABETES_BALANCE", "2021Q2", "U2"), [0, 2, 0]); // A (58), D (70)
  assert.deepEqual(figures(cells, "EFF_DIABETES_BALANCE", "2021-05", "U1"), [1, 1, 1]);
  // The year: A is diabetic by 2021-12-31; its latest is 58 (U2).
  assert.deepEqual(figures(cells, "EFF_DIABETES_BALANCE", "2021"), [0, 3, 0]);
});

test("EFF_AUDIT_SCREENING: adults with a realised visit; per unit the same unit's AUDIT-C, in ALL any unit's", async () => {
  const cells = await computeCells({
    units: [unit("U1"), unit("U2")],
    clients: [client("A"), client("B", { birth_year: 2004 }), client("C"), client("D", { birth_year: 2003 })],
    visits: [
      visit("V1", "2021-03-01T10:00:00", { client_id: "A" }),
      visit("V2", "2021-03-02T10:00:00", { client_id: "A" }),
      visit("V3", "2021-03-01T10:00:00", { client_id: "B" }), // 2021 − 2004 = 17: not counted
      visit("V4", "2021-03-01T10:00:00", { client_id: "C", cancelled: true }), // not realised
      visit("V5", "2021-03-05T10:00:00", { client_id: "D" }), // exactly 18
    ],
    measurements: [m("A", "U2", "2021-03-20", "AUDIT_C", 3), m("C", "U1", "2021-03-20", "AUDIT_C", 3), m("D", "U1", "2021-03-06", "PHQ9", 3)],
  });
  assert.deepEqual(figures(cells, "EFF_AUDIT_SCREENING", "2021-03"), [1, 2, 0.5]);
  assert.deepEqual(figures(cells, "EFF_AUDIT_SCREENING", "2021-03", "U1"), [0, 2, 0]);
  assert.equal(figures(cells, "EFF_AUDIT_SCREENING", "2021-03", "U2"), undefined);
});

test("EFF_MINI_INTERVENTION: AUDIT-C risk thresholds by sex and age, IHA21 within 0–30 days", async () => {
  const clients = [
    client("M40", { sex: "1", birth_year: 1981 }),
    client("M40b", { sex: "1", birth_year: 1981 }),
    client("F40", { sex: "2", birth_year: 1981 }),
    client("X40", { sex: "9", birth_year: 1981 }),
    client("M65", { sex: "1", birth_year: 1956 }),
    client("M64", { sex: "1", birth_year: 1957 }),
    client("F30", { sex: "2", birth_year: 1991 }),
  ];
  const iha = (client_id: string, performed_on: string, procedure_code = "IHA21") => ({ client_id, unit_id: "U1", performed_on, procedure_code });
  const cells = await computeCells({
    clients,
    measurements: [
      m("M40", "U1", "2021-04-01", "AUDIT_C", 5), // man under 65: 5 is not risky
      m("M40b", "U1", "2021-04-01", "AUDIT_C", 6), // risky; IHA21 30 days later: followed
      m("F40", "U1", "2021-04-01", "AUDIT_C", 5), // risky; IHA21 31 days later: not followed
      m("X40", "U1", "2021-04-01", "AUDIT_C", 5), // risky (sex 9 as women); IHA21 the day before: not followed
      m("M65", "U1", "2021-04-01", "AUDIT_C", 4), // risky at 65; same-day IHA21: followed
      m("M64", "U1", "2021-04-01", "AUDIT_C", 4), // 64: not risky
      m("F30", "U1", "2021-04-01", "AUDIT_C", 7), // risky; another procedure only
    ],
    interventions: [iha("M40b", "2021-05-01"), iha("F40", "2021-05-02"), iha("X40", "2021-03-31"), iha("M65", "2021-04-01"), iha("F30", "2021-04-02", "XYZ10"), iha("M40", "2021-04-02")],
  });
  assert.deepEqual(figures(cells, "EFF_MINI_INTERVENTION", "2021-04"), [2, 5, 0.4]);
  assert.deepEqual(figures(cells, "EFF_MINI_INTERVENTION", "2021", "U1"), [2, 5, 0.4]);
});

test("EFF_CONTACT_PERSON: distinct clients in PALJON_PALVELUJA; a null counts as not assigned", async () => {
  const cells = await computeCells({
    clients: [client("A", { contact_person_assigned: true }), client("B", { contact_person_assigned: null }), client("C", { contact_person_assigned: false }), client("D", { contact_person_assigned: true })],
    contacts: [
      contact("K1", "2021-02-01T10:00:00", { client_id: "A", core_process: "PALJON_PALVELUJA" }),
      contact("K2", "2021-02-02T10:00:00", { client_id: "A", core_process: "PALJON_PALVELUJA" }),
      contact("K3", "2021-02-02T10:00:00", { client_id: "B", core_process: "PALJON_PALVELUJA" }),
      contact("K4", "2021-02-02T10:00:00", { client_id: "C", core_process: "PALJON_PALVELUJA" }),
      contact("K5", "2021-02-02T10:00:00", { client_id: "D", core_process: "SATUNNAISESTI" }),
    ],
  });
  assert.deepEqual(figures(cells, "EFF_CONTACT_PERSON", "2021-02"), [1, 3, 1 / 3]);
});
