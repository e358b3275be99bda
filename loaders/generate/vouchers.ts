// Oral-care service vouchers (palvelusetelit) for queue clearing from mid-2021; about 60 % get used.

import { dateString, LAST_DAY, monthIndex, PERIOD_MONTHS } from "./calendar.ts";
import { fixed, type CsvTableWriter } from "./csv-writer.ts";
import type { Rng } from "./random.ts";
import { VOUCHER_START } from "./scenario.ts";
import { dayOf } from "./calendar.ts";
import type { Unit } from "./units.ts";

export interface VoucherRow extends Record<string, string | null> {
  voucher_id: string;
  client_id: string;
  unit_id: string;
  issued_on: string;
  used_on: string | null;
  value_eur: string;
}

const QUEUE_CLEARING_END = dayOf(2021, 12, 31);
const VALUES = [86, 120, 155, 210, 260, 340];

export class VoucherIssuer {
  private issued = 0;

  /** Euros of used vouchers per unit × month, for the PALVELUSETELIT cost line. */
  readonly usedEuros: Float64Array;

  constructor(private readonly rng: Rng, private readonly out: CsvTableWriter<VoucherRow>, unitCount: number) {
    this.usedEuros = new Float64Array(unitCount * PERIOD_MONTHS);
  }

  /** Maybe issues a voucher for an unresolved non-urgent oral-care contact; true if issued. */
  maybeIssue(clientId: string, unit: Unit, contactDay: number): boolean {
    const rng = this.rng;
    if (contactDay < VOUCHER_START) return false;
    if (!rng.chance(contactDay <= QUEUE_CLEARING_END ? 0.1 : 0.05)) return false;
    const issuedDay = Math.min(LAST_DAY, contactDay + rng.int(6));
    const value = rng.pick(VALUES);
    let usedDay: number | null = null;
    if (rng.chance(0.6)) {
      usedDay = issuedDay + Math.max(3, Math.round(rng.lognormal(30, 0.7))); // may fall after the period
      if (usedDay <= LAST_DAY) this.usedEuros[unit.index * PERIOD_MONTHS + monthIndex(usedDay)] += value;
    }
    this.out.add({
      voucher_id: `S${String(++this.issued).padStart(7, "0")}`,
      client_id: clientId,
      unit_id: unit.unit_id,
      issued_on: dateString(issuedDay),
      used_on: usedDay === null ? null : dateString(usedDay),
      value_eur: fixed(value, 2),
    });
    return true;
  }
}
