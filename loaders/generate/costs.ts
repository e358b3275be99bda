// Monthly costs per unit and category. They follow the unit's realised visits, so cost per visit
// stays plausible at every scale; used service vouchers become the PALVELUSETELIT line.

import { FIRST_MONTH, monthString, PERIOD_MONTHS } from "./calendar.ts";
import { fixed, type CsvTableWriter } from "./csv-writer.ts";
import type { Rng } from "./random.ts";
import type { ServiceKey, Unit } from "./units.ts";

export interface CostRow extends Record<string, string> {
  unit_id: string;
  month: string;
  cost_category: string;
  cost_eur: string;
}

const COST_PER_VISIT: Record<ServiceKey, number> = {
  TERVEYSASEMA: 140, SUUN_TERVEYDENHUOLTO: 160, PSYKIATRIA_PAIHDE: 180, AIKUISSOSIAALITYO: 220, NUORTEN_PALVELUT: 170,
  FYSIOTERAPIA: 110, VAMMAISPALVELUT: 260, NEUVOLA: 120, PERHETYO: 240, KOTIHOITO: 70, PALVELUKESKUS: 90,
};
const SPLIT: readonly (readonly [string, number])[] = [["HENKILOSTO", 0.68], ["PALVELUOSTOT", 0.14], ["TILAT", 0.11], ["MUU", 0.07]];

export function generateCosts(
  rng: Rng,
  units: readonly Unit[],
  realisedVisits: Int32Array,
  voucherEuros: Float64Array,
  out: CsvTableWriter<CostRow>,
): void {
  for (const unit of units) {
    const base = unit.index * PERIOD_MONTHS;
    let total = 0;
    for (let m = FIRST_MONTH; m < PERIOD_MONTHS; m++) total += realisedVisits[base + m];
    if (total === 0) continue; // a unit no one visited in this sample has no cost lines
    const average = total / (PERIOD_MONTHS - FIRST_MONTH);
    for (let m = FIRST_MONTH; m < PERIOD_MONTHS; m++) {
      // Half of the cost is fixed (staff, premises), half follows the month's volume.
      const volume = 0.5 * average + 0.5 * realisedVisits[base + m];
      const inflation = 1 + 0.01 * (m / 12) + (m >= 24 ? 0.04 : 0); // 2022 wage and price rises
      const month = monthString(m);
      for (const [category, share] of SPLIT) {
        const eur = volume * COST_PER_VISIT[unit.service_area as ServiceKey] * inflation * share * rng.lognormal(1, 0.05);
        out.add({ unit_id: unit.unit_id, month, cost_category: category, cost_eur: fixed(eur, 2) });
        if (rng.chance(0.01)) {
          // A correction booked afterwards.
          out.add({ unit_id: unit.unit_id, month, cost_category: category, cost_eur: fixed(-eur * rng.between(1, 5) / 100, 2) });
        }
      }
      const vouchers = voucherEuros[base + m];
      if (vouchers > 0) out.add({ unit_id: unit.unit_id, month, cost_category: "PALVELUSETELIT", cost_eur: fixed(vouchers, 2) });
    }
  }
}
