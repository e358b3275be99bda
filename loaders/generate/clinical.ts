// Structured entries and procedures recorded at realised visits: AUDIT-C screening (coverage
// rising), alcohol mini-interventions after risky results, PHQ-9, EQ-5D and diabetics' HbA1c.

import { dateString, LAST_DAY, progress, year } from "./calendar.ts";
import { fixed, type CsvTableWriter } from "./csv-writer.ts";
import { clampRound } from "./feedback.ts";
import type { Rng } from "./random.ts";
import type { ServiceKey, Unit } from "./units.ts";

export interface MeasurementRow extends Record<string, string> {
  client_id: string;
  unit_id: string;
  measured_on: string;
  measure_code: string;
  value: string;
}

export interface InterventionRow extends Record<string, string> {
  client_id: string;
  unit_id: string;
  performed_on: string;
  procedure_code: string;
}

/** What the clinical records need to know about the client being generated. */
export interface ClinicalClient {
  id: string;
  birthYear: number;
  sex: number;
  alcohol: number;
  careNeed: boolean;
  hbBase: number;
  phqBase: number;
  phqCount: number;
}

// AUDIT-C screening chance at a realised adult visit: [at 2020-01, added by 2023-12].
const AUDIT_RATE: Partial<Record<ServiceKey, readonly [number, number]>> = {
  TERVEYSASEMA: [0.03, 0.12], PSYKIATRIA_PAIHDE: [0.15, 0.15], AIKUISSOSIAALITYO: [0.04, 0.06],
  NUORTEN_PALVELUT: [0.05, 0.08],
};
// Other recorded procedures; the codes are illustrative, only IHA21 carries meaning here.
const OTHER_PROCEDURES = ["SPAT1330", "SPAT1390", "TAB00", "WX110"];

/** Risky AUDIT-C: ≥4 aged 65+; under 65 ≥6 for men, ≥5 for women (and unknown sex). */
export function isRiskyAudit(score: number, age: number, sex: number): boolean {
  if (age >= 65) return score >= 4;
  return score >= (sex === 1 ? 6 : 5);
}

export class ClinicalRecorder {
  constructor(
    private readonly rng: Rng,
    private readonly measurements: CsvTableWriter<MeasurementRow>,
    private readonly interventions: CsvTableWriter<InterventionRow>,
  ) {}

  private measure(c: ClinicalClient, unit: Unit, day: number, code: string, value: string): void {
    this.measurements.add({ client_id: c.id, unit_id: unit.unit_id, measured_on: dateString(day), measure_code: code, value });
  }

  /**
   * Records what a realised visit produces. Returns the day of a later mini-intervention visit
   * (the caller writes that visit), or null.
   */
  atVisit(c: ClinicalClient, unit: Unit, service: ServiceKey, day: number): number | null {
    const rng = this.rng;
    const age = year(day) - c.birthYear;
    const t = progress(day);
    let followUp: number | null = null;

    const audit = AUDIT_RATE[service];
    if (age >= 18 && rng.chance(audit ? audit[0] + audit[1] * t : 0.005)) {
      const score = clampRound(2.6 + 1.9 * (c.alcohol + 0.5 * rng.normal()), 0, 12);
      this.measure(c, unit, day, "AUDIT_C", String(score));
      if (isRiskyAudit(score, age, c.sex) && rng.chance(0.15 + 0.45 * t)) {
        const r = rng.next();
        const delay = r < 0.65 ? 0 : r < 0.95 ? rng.between(1, 30) : rng.between(31, 45);
        const performed = day + delay;
        if (performed <= LAST_DAY) {
          this.interventions.add({ client_id: c.id, unit_id: unit.unit_id, performed_on: dateString(performed), procedure_code: "IHA21" });
          if (delay > 0) followUp = performed;
        }
      }
    }
    if (service === "PSYKIATRIA_PAIHDE" && rng.chance(0.2)) {
      // Symptoms ease with treatment.
      const phq = clampRound(c.phqBase - 1.2 * c.phqCount + 2.5 * rng.normal(), 0, 27);
      c.phqCount++;
      this.measure(c, unit, day, "PHQ9", String(phq));
    }
    if (age >= 65 && rng.chance(service === "KOTIHOITO" ? 0.05 : 0.015)) {
      const eq = Math.min(1, Math.max(-0.594, 0.82 - (c.careNeed ? 0.2 : 0) + 0.15 * rng.normal()));
      this.measure(c, unit, day, "EQ5D_INDEX", fixed(eq, 3));
    }
    if (rng.chance(0.025)) {
      this.interventions.add({ client_id: c.id, unit_id: unit.unit_id, performed_on: dateString(day), procedure_code: rng.pick(OTHER_PROCEDURES) });
    }
    return followUp;
  }

  /** HbA1c at a diabetes follow-up; balance improves over the period. */
  hba1c(c: ClinicalClient, unit: Unit, day: number): void {
    const value = Math.min(140, Math.max(30, c.hbBase - 4 * progress(day) + 4 * this.rng.normal()));
    this.measure(c, unit, day, "HBA1C", fixed(value, 0));
  }
}
