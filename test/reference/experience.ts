// Customer and staff experience (CX_*, STAFF_ENPS, STAFF_WORKABILITY,
// STAFF_STATEMENT_MEAN). n = distinct respondents with an answer counted in
// the cell (customer: response_id; staff: survey_id + respondent_id).
import { Acc, cell, slotOfKey, slotsFor, type RefCell } from "./cells.ts";
import type { Extract } from "./extract.ts";

interface Answers { count: number; sum: number; promoters: number; detractors: number; respondents: Set<string> }
const answers = (): Answers => ({ count: 0, sum: 0, promoters: 0, detractors: 0, respondents: new Set() });

function add(a: Answers, score: number, respondent: string): void {
  a.count++;
  a.sum += score;
  if (score >= 9) a.promoters++;
  if (score <= 6) a.detractors++;
  a.respondents.add(respondent);
}

function npsCells(id: string, breakdown: string | null, acc: Acc<Answers>): RefCell[] {
  const out: RefCell[] = [];
  for (const [k, a] of acc) {
    if (a.count === 0) continue;
    out.push(cell(id, breakdown, slotOfKey(k), {
      numerator: null, denominator: a.count, value: (100 * (a.promoters - a.detractors)) / a.count, n: a.respondents.size,
    }));
  }
  return out;
}

function meanCells(id: string, breakdown: string | null, acc: Acc<Answers>): RefCell[] {
  const out: RefCell[] = [];
  for (const [k, a] of acc) {
    if (a.count === 0) continue;
    out.push(cell(id, breakdown, slotOfKey(k), { numerator: a.sum, denominator: a.count, value: a.sum / a.count, n: a.respondents.size }));
  }
  return out;
}

export function experienceCells(x: Extract): RefCell[] {
  const out: RefCell[] = [];

  const nps = new Acc(answers);
  const statements = new Acc(answers);
  const responses = new Acc(answers);
  for (const f of x.customer_feedback) {
    if (f.question_code === "NPS") {
      for (const s of slotsFor(f.responded_on, f.unit_id, f.channel)) add(nps.at(s), f.score, f.response_id);
    } else {
      for (const s of slotsFor(f.responded_on, f.unit_id, f.question_code)) add(statements.at(s), f.score, f.response_id);
    }
    for (const s of slotsFor(f.responded_on, f.unit_id, f.channel)) responses.at(s).respondents.add(f.response_id);
  }
  out.push(...npsCells("CX_NPS", "channel", nps));
  out.push(...meanCells("CX_STATEMENT_MEAN", "question_code", statements));
  for (const [k, a] of responses) {
    const count = a.respondents.size;
    out.push(cell("CX_RESPONSES", "channel", slotOfKey(k), { numerator: count, denominator: null, value: count, n: count }));
  }

  const enps = new Acc(answers);
  const workability = new Acc(answers);
  const staffStatements = new Acc(answers);
  for (const a of x.staff_survey) {
    const respondent = JSON.stringify([a.survey_id, a.respondent_id]);
    if (a.question_code === "ENPS") {
      for (const s of slotsFor(a.answered_on, a.unit_id, null)) add(enps.at(s), a.score, respondent);
    } else if (a.question_code === "TYOKYKY") {
      for (const s of slotsFor(a.answered_on, a.unit_id, null)) add(workability.at(s), a.score, respondent);
    } else {
      for (const s of slotsFor(a.answered_on, a.unit_id, a.question_code)) add(staffStatements.at(s), a.score, respondent);
    }
  }
  out.push(...npsCells("STAFF_ENPS", null, enps));
  out.push(...meanCells("STAFF_WORKABILITY", null, workability));
  out.push(...meanCells("STAFF_STATEMENT_MEAN", "question_code", staffStatements));
  return out;
}
