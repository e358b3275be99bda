// Customer and staff experience, staffing and productivity indicators by hand.
import assert from "node:assert/strict";
import { test } from "node:test";
import { cellOf, computeCells, figures } from "./helpers/compute.ts";
import { client, unit, visit } from "./helpers/rows.ts";

test("CX_NPS, CX_STATEMENT_MEAN, CX_RESPONSES: answers and distinct responses", async () => {
  const fb = (response_id: string, question_code: string, score: number, channel = "PIKAPALAUTE", responded_on = "2021-10-05") => ({ response_id, unit_id: "U1", responded_on, channel, question_code, score });
  const cells = await computeCells({
    customer_feedback: [
      fb("R1", "NPS", 10), fb("R1", "SUJUVA_PALVELU", 5), fb("R1", "TULIN_KUULLUKSI", 4),
      fb("R2", "NPS", 9), fb("R2", "SUJUVA_PALVELU", 3),
      fb("R3", "NPS", 8),
      fb("R4", "NPS", 6, "SMS"),
      fb("R5", "NPS", 10, "SMS"), fb("R5", "SUJUVA_PALVELU", 1, "SMS"),
    ],
  });
  // (3 promoters − 1 detractor) ÷ 5 answers × 100 = 40
  assert.deepEqual(figures(cells, "CX_NPS", "2021-10"), [null, 5, 40]);
  assert.deepEqual(figures(cells, "CX_NPS", "2021-10", "U1", "SMS"), [null, 2, 0]);
  assert.equal(cellOf(cells, "CX_NPS", "2021-10")?.n, 5);
  assert.deepEqual(figures(cells, "CX_STATEMENT_MEAN", "2021-10"), [13, 4, 3.25]);
  assert.deepEqual(figures(cells, "CX_STATEMENT_MEAN", "2021-10", "ALL", "SUJUVA_PALVELU"), [9, 3, 3]);
  assert.equal(cellOf(cells, "CX_STATEMENT_MEAN", "2021-10")?.n, 3);
  assert.deepEqual(figures(cells, "CX_RESPONSES", "2021-10"), [5, null, 5]);
  assert.deepEqual(figures(cells, "CX_RESPONSES", "2021-10", "ALL", "PIKAPALAUTE"), [3, null, 3]);
});

test("STAFF_ENPS and STAFF_WORKABILITY: respondents are survey_id + respondent_id", async () => {
  const ans = (survey_id: string, respondent_id: string, question_code: string, score: number, answered_on: string) => ({ survey_id, unit_id: "U1", respondent_id, answered_on, question_code, score });
  const cells = await computeCells({
    staff_survey: [
      ans("2021-KEVAT", "P1", "ENPS", 10, "2021-03-10"), ans("2021-KEVAT", "P1", "TYOKYKY", 8, "2021-03-10"),
      ans("2021-KEVAT", "P2", "ENPS", 3, "2021-03-11"), ans("2021-KEVAT", "P2", "TYOKYKY", 5, "2021-03-11"),
      ans("2021-KEVAT", "P3", "ENPS", 7, "2021-03-12"), ans("2021-KEVAT", "P3", "ESIHENKILOTYO", 4, "2021-03-12"),
      ans("2021-SYKSY", "P1", "ENPS", 9, "2021-10-10"), ans("2021-SYKSY", "P1", "ESIHENKILOTYO", 2, "2021-10-10"),
    ],
  });
  assert.deepEqual(figures(cells, "STAFF_ENPS", "2021-03"), [null, 3, 0]);
  assert.deepEqual(figures(cells, "STAFF_ENPS", "2021"), [null, 4, 25]);
  assert.equal(cellOf(cells, "STAFF_ENPS", "2021")?.n, 4, "P1 of spring and P1 of autumn are two respondents");
  assert.deepEqual(figures(cells, "STAFF_WORKABILITY", "2021Q1"), [13, 2, 6.5]);
  assert.deepEqual(figures(cells, "STAFF_STATEMENT_MEAN", "2021", "U1", "ESIHENKILOTYO"), [6, 2, 3]);
});

const staffing = (unit_id: string, month: string, profession: string, fte: number, headcount: number, sick_leave_days: number, voluntary_exits: number, agency_hours: number) => ({ unit_id, month, profession, fte, headcount, sick_leave_days, voluntary_exits, agency_hours });

test("STAFF_SICK_LEAVE, STAFF_TURNOVER, STAFF_AGENCY_SHARE: per person-year; n is average headcount", async () => {
  const cells = await computeCells({
    staffing: [
      staffing("U1", "2021-01", "LAAKARI", 12, 13, 10, 1, 172),
      staffing("U1", "2021-02", "LAAKARI", 6, 7, 5, 0, 0),
      staffing("U1", "2021-02", "HOITAJA", 6, 6, 2, 0, 0),
    ],
  });
  // LAAKARI Q1: person-years (12 + 6) ÷ 12 = 1.5
  assert.deepEqual(figures(cells, "STAFF_SICK_LEAVE", "2021Q1", "U1", "LAAKARI"), [15, 1.5, 10]);
  assert.deepEqual(figures(cells, "STAFF_TURNOVER", "2021Q1", "U1", "LAAKARI"), [1, 1.5, 100 / 1.5]);
  assert.deepEqual(figures(cells, "STAFF_AGENCY_SHARE", "2021Q1", "U1", "LAAKARI"), [172, 1.5 * 1720, 172 / (1.5 * 1720)]);
  assert.equal(cellOf(cells, "STAFF_SICK_LEAVE", "2021Q1", "U1", "LAAKARI")?.n, 10); // (13 + 7) ÷ 2 months
  // All professions: (13 + 7 + 6) ÷ 2 months = 13; person-years 24 ÷ 12 = 2
  assert.deepEqual(figures(cells, "STAFF_SICK_LEAVE", "2021Q1", "U1"), [17, 2, 8.5]);
  assert.equal(cellOf(cells, "STAFF_SICK_LEAVE", "2021Q1", "U1")?.n, 13);
  assert.equal(cellOf(cells, "STAFF_SICK_LEAVE", "2021-02", "ALL", "HOITAJA")?.n, 6);
});

test("PROD_VISITS_PER_FTE: realised visits ÷ person-years, written as 0 where staffed without visits", async () => {
  const visits = [
    ...Array.from({ length: 30 }, (_, i) => visit(`V${i}`, "2021-01-15T10:00:00")),
    visit("VC", "2021-01-15T10:00:00", { cancelled: true }),
    visit("VR", "2021-01-15T10:00:00", { contact_mode: "R60" }),
    visit("VH", "2021-01-16T10:00:00", { profession: "HOITAJA" }),
  ];
  const cells = await computeCells({
    visits,
    staffing: [staffing("U1", "2021-01", "LAAKARI", 12, 12, 0, 0, 0), staffing("U1", "2021-02", "LAAKARI", 6, 6, 0, 0, 0)],
  });
  assert.deepEqual(figures(cells, "PROD_VISITS_PER_FTE", "2021-01", "U1", "LAAKARI"), [30, 1, 30]);
  assert.deepEqual(figures(cells, "PROD_VISITS_PER_FTE", "2021-02", "U1", "LAAKARI"), [0, 0.5, 0]);
  // The HOITAJA visit has no staffing: no HOITAJA cell, but it counts in the all-profession total.
  assert.equal(figures(cells, "PROD_VISITS_PER_FTE", "2021-01", "U1", "HOITAJA"), undefined);
  assert.deepEqual(figures(cells, "PROD_VISITS_PER_FTE", "2021-01", "U1"), [31, 1, 31]);
  assert.deepEqual(figures(cells, "PROD_VISITS_PER_FTE", "2021Q1"), [31, 1.5, 31 / 1.5]);
});

test("PROD_COST_PER_VISIT, PROD_COST_PER_CLIENT, PROD_REMOTE_SHARE", async () => {
  const cost = (unit_id: string, month: string, cost_category: string, cost_eur: number) => ({ unit_id, month, cost_category, cost_eur });
  const cells = await computeCells({
    units: [unit("U1"), unit("U2")],
    clients: [client("C1"), client("C2")],
    visits: [
      visit("V1", "2021-01-05T10:00:00", { contact_mode: "R50" }),
      visit("V2", "2021-01-06T10:00:00", { client_id: "C2", contact_mode: "R52" }),
      visit("V3", "2021-01-07T10:00:00", { client_id: "C2" }),
      visit("V4", "2021-01-07T10:00:00", { contact_mode: "R56", cancelled: true }),
      visit("V5", "2021-02-07T10:00:00", { unit_id: "U2", contact_mode: "R56", profession: "HOITAJA" }),
    ],
    costs: [cost("U1", "2021-01", "HENKILOSTO", 900), cost("U1", "2021-01", "MUU", -60), cost("U2", "2021-03", "TILAT", 500)],
  });
  assert.deepEqual(figures(cells, "PROD_COST_PER_VISIT", "2021-01", "U1"), [840, 3, 280]);
  assert.equal(figures(cells, "PROD_COST_PER_VISIT", "2021-02", "U2"), undefined, "visits without cost rows");
  assert.equal(figures(cells, "PROD_COST_PER_VISIT", "2021-03", "U2"), undefined, "cost rows without visits");
  assert.deepEqual(figures(cells, "PROD_COST_PER_VISIT", "2021Q1"), [1340, 4, 335]);
  assert.deepEqual(figures(cells, "PROD_COST_PER_CLIENT", "2021-01", "U1"), [840, 2, 420]);
  assert.deepEqual(figures(cells, "PROD_COST_PER_CLIENT", "2021Q1"), [1340, 2, 670]);
  assert.deepEqual(figures(cells, "PROD_REMOTE_SHARE", "2021-01", "U1"), [2, 3, 2 / 3]);
  assert.deepEqual(figures(cells, "PROD_REMOTE_SHARE", "2021Q1", "ALL", "HOITAJA"), [1, 1, 1]);
});
