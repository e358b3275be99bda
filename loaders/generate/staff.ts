// Staff-side tables: monthly staffing (FTE, headcount, sick leave, exits, agency hours) and the
// twice-yearly staff survey. Staff sizes are those of the real city at every scale, so that
// per-unit staff figures pass the privacy thresholds even in the small sample.

import { dayOf, FIRST_DAY, FIRST_MONTH, firstDayOfMonth, isWorkingDay, LAST_DAY, PERIOD_MONTHS, monthString, dateString, ramp, LAST_YEAR, FIRST_YEAR } from "./calendar.ts";
import { fixed, type CsvTableWriter } from "./csv-writer.ts";
import { clampRound } from "./feedback.ts";
import type { Rng } from "./random.ts";
import { STAFF_STRAIN_START } from "./scenario.ts";
import { type Profession, SERVICE_PROFILES, type ServiceKey, SHORTAGE_AREA, TRADE_OFF_UNIT, type Unit } from "./units.ts";
import { STAFF_STATEMENTS } from "../extract/contract.ts";

export interface StaffingRow extends Record<string, string | number> {
  unit_id: string;
  month: string;
  profession: string;
  fte: string;
  headcount: number;
  sick_leave_days: string;
  voluntary_exits: number;
  agency_hours: string;
}

export interface StaffSurveyRow extends Record<string, string | number> {
  survey_id: string;
  unit_id: string;
  respondent_id: string;
  answered_on: string;
  question_code: string;
  score: number;
}

const HOURS_PER_FTE_MONTH = 1720 / 12;
// Worked FTE dips in the holiday months.
const MONTH_WORKED = [1, 1, 1, 1, 0.98, 0.88, 0.68, 0.9, 1, 1, 1, 0.95];
// Sick leave peaks in winter.
const MONTH_SICKNESS = [1.25, 1.25, 1.15, 1, 0.9, 0.75, 0.5, 0.8, 1, 1.1, 1.15, 1.1];
const OMICRON_FROM = dayOf(2022, 1, 1);
const OMICRON_TO = dayOf(2022, 3, 31);

/** Average FTE of a profession in a unit (its base for an average unit × the unit's size). */
export function nominalFte(unit: Unit, base: number): number {
  return base * unit.size;
}

function isShortage(unit: Unit, profession: Profession): boolean {
  return unit.area === SHORTAGE_AREA && profession === "LAAKARI" && unit.service_area === "TERVEYSASEMA";
}

export function generateStaffing(rng: Rng, units: readonly Unit[], out: CsvTableWriter<StaffingRow>): void {
  for (const unit of units) {
    for (const [profession, base] of SERVICE_PROFILES[unit.service_area as ServiceKey].staff) {
      const nominal = nominalFte(unit, base);
      let headcount = Math.max(1, Math.round(nominal * 1.1));
      for (let m = FIRST_MONTH; m < PERIOD_MONTHS; m++) {
        const day = firstDayOfMonth(m);
        const calendarMonth = m % 12;
        const growth = 1 + 0.015 * (m / 12);
        // Vacancies in the shortage area are covered with agency doctors, worst in 2022.
        const gapShare = isShortage(unit, profession) ? 0.25 + 0.2 * ramp(day, dayOf(2021, 1, 1), 540) - 0.08 * ramp(day, dayOf(2023, 1, 1), 300) : 0;
        const fte = Math.max(0.1, nominal * growth * (1 - gapShare) * MONTH_WORKED[calendarMonth] * (1 + 0.03 * rng.normal()));
        if (m % 6 === 0) headcount = Math.max(1, Math.round(nominal * growth * (1 - gapShare) * 1.1 + 0.5 * rng.normal()));
        headcount = Math.max(headcount, Math.ceil(fte));

        let sickness = 1.25 * MONTH_SICKNESS[calendarMonth];
        if (day >= OMICRON_FROM && day <= OMICRON_TO) sickness *= 1.6;
        if (unit.unit_id === TRADE_OFF_UNIT) sickness *= 1 + 0.9 * ramp(day, STAFF_STRAIN_START, 365);
        const sickDays = headcount * sickness * rng.lognormal(1, 0.2);

        let exitRate = 0.011;
        if (isShortage(unit, profession)) exitRate *= 2.2;
        if (unit.unit_id === TRADE_OFF_UNIT && day >= STAFF_STRAIN_START) exitRate *= 2;
        const exits = Math.min(headcount, rng.poisson(headcount * exitRate));

        let agencyHours = gapShare * nominal * growth * HOURS_PER_FTE_MONTH * rng.lognormal(1, 0.15);
        if (agencyHours === 0 && profession === "LAAKARI" && rng.chance(0.08)) agencyHours = rng.between(8, 80);
        if (agencyHours === 0 && unit.service_area === "KOTIHOITO" && rng.chance(0.5)) agencyHours = nominal * 0.03 * HOURS_PER_FTE_MONTH * rng.lognormal(1, 0.4);

        out.add({
          unit_id: unit.unit_id,
          month: monthString(m),
          profession,
          fte: fixed(fte, 2),
          headcount,
          sick_leave_days: fixed(sickDays, 1),
          voluntary_exits: exits,
          agency_hours: fixed(agencyHours, 1),
        });
      }
    }
  }
}

function workingDayBetween(rng: Rng, from: number, to: number): number {
  for (;;) {
    const d = rng.between(from, to);
    if (isWorkingDay(d)) return d;
  }
}

export function generateStaffSurvey(rng: Rng, units: readonly Unit[], out: CsvTableWriter<StaffSurveyRow>): void {
  const unitOffset = units.map(() => 0.4 * rng.normal());
  for (let y = FIRST_YEAR; y <= LAST_YEAR; y++) {
    for (const season of ["KEVAT", "SYKSY"] as const) {
      const surveyId = `${y}-${season}`;
      const [from, to] = season === "KEVAT" ? [dayOf(y, 3, 9), dayOf(y, 4, 17)] : [dayOf(y, 10, 1), dayOf(y, 10, 31)];
      if (from < FIRST_DAY || to > LAST_DAY) continue; // a survey the period does not hold whole
      let respondentSeq = 0;
      for (const unit of units) {
        const headcount = SERVICE_PROFILES[unit.service_area as ServiceKey].staff.reduce((s, [, b]) => s + nominalFte(unit, b) * 1.1, 0);
        const respondents = Math.min(40, Math.max(5, Math.round(headcount * 0.45 * rng.lognormal(1, 0.25))));
        let mood = 7.5 + unitOffset[unit.index];
        if (unit.unit_id === TRADE_OFF_UNIT) mood -= 1.8 * ramp(from, STAFF_STRAIN_START, 500);
        if (unit.area === SHORTAGE_AREA) mood -= 0.3;
        if (y === 2020 && season === "SYKSY") mood -= 0.25; // pandemic strain
        for (let r = 0; r < respondents; r++) {
          const respondentId = `R${String(++respondentSeq).padStart(5, "0")}`;
          const answeredOn = dateString(workingDayBetween(rng, from, to));
          const latent = mood + 1.8 * rng.normal();
          const answer = (question_code: string, score: number) =>
            out.add({ survey_id: surveyId, unit_id: unit.unit_id, respondent_id: respondentId, answered_on: answeredOn, question_code, score });
          answer("ENPS", clampRound(latent, 0, 10));
          answer("TYOKYKY", clampRound(4.3 + 0.5 * latent + 1.1 * rng.normal(), 0, 10));
          for (const q of STAFF_STATEMENTS) answer(q, clampRound(1 + 0.37 * latent + 0.6 * rng.normal(), 1, 5));
        }
      }
    }
  }
}
