// T3 — days to the third free non-urgent appointment, measured weekly at health stations and
// monthly elsewhere. It rose in early 2020; 182 means "only a waiting list".

import { dayOf, FIRST_DAY, FIRST_MONTH, firstDayOfMonth, dateString, LAST_DAY, nextWorkingDay, PERIOD_MONTHS, ramp, weekday } from "./calendar.ts";
import type { CsvTableWriter } from "./csv-writer.ts";
import type { Rng } from "./random.ts";
import { GUIDANCE_START, VOUCHER_START } from "./scenario.ts";
import { type Profession, SHORTAGE_AREA, TRADE_OFF_UNIT, type Unit } from "./units.ts";

export interface SupplyRow extends Record<string, string | number> {
  unit_id: string;
  profession: string;
  measured_on: string;
  third_available_days: number;
}

const MEASURED: Partial<Record<string, readonly (readonly [Profession, number])[]>> = {
  TERVEYSASEMA: [["LAAKARI", 12], ["HOITAJA", 4]],
  SUUN_TERVEYDENHUOLTO: [["HAMMASLAAKARI", 55], ["SUUHYGIENISTI", 35], ["HAMMASHOITAJA", 20]],
  FYSIOTERAPIA: [["FYSIOTERAPEUTTI", 12]],
  PSYKIATRIA_PAIHDE: [["LAAKARI", 20], ["PSYKOLOGI", 30]],
};
const ORAL = new Set<Profession>(["HAMMASLAAKARI", "SUUHYGIENISTI", "HAMMASHOITAJA"]);
const COVID_PEAK = dayOf(2020, 4, 1);

function measurementDays(weekly: boolean): number[] {
  const days: number[] = [];
  if (weekly) {
    for (let d = FIRST_DAY; d <= LAST_DAY; d++) if (weekday(d) === 0) days.push(d);
  } else {
    for (let m = FIRST_MONTH; m < PERIOD_MONTHS; m++) days.push(nextWorkingDay(firstDayOfMonth(m)));
  }
  return days;
}

export function generateSupply(rng: Rng, units: readonly Unit[], out: CsvTableWriter<SupplyRow>): void {
  const weeklyDays = measurementDays(true);
  const monthlyDays = measurementDays(false);
  for (const unit of units) {
    const measured = MEASURED[unit.service_area];
    if (!measured) continue;
    const unitFactor = rng.lognormal(1, 0.15);
    for (const [profession, base] of measured) {
      const days = unit.service_area === "TERVEYSASEMA" ? weeklyDays : monthlyDays;
      for (const day of days) {
        let value = base * unitFactor;
        value *= 1 + 0.5 * Math.max(0, 1 - Math.abs(day - COVID_PEAK) / 200); // early-2020 rise
        if (unit.area === SHORTAGE_AREA && profession === "LAAKARI") value *= 1.8 + 0.3 * ramp(day, dayOf(2021, 6, 1), 365);
        if (unit.unit_id === TRADE_OFF_UNIT) value *= 1 - 0.4 * ramp(day, GUIDANCE_START, 365);
        if (ORAL.has(profession)) value *= 1.3 - 0.5 * ramp(day, VOUCHER_START, 270);
        value *= rng.lognormal(1, 0.22);
        const waitingListOnly = value > 150 || (profession === "HAMMASLAAKARI" && day < VOUCHER_START && rng.chance(0.05));
        out.add({
          unit_id: unit.unit_id,
          profession,
          measured_on: dateString(day),
          third_available_days: waitingListOnly ? 182 : Math.min(182, Math.max(0, Math.round(value))),
        });
      }
    }
  }
}
