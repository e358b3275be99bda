// The client population: attributes are drawn once into typed arrays (≈25 bytes a client), so
// the activity pass can look them up without keeping any rows in memory.

import { dateString, dayOf, FIRST_DAY, FIRST_YEAR, LAST_DAY, LAST_YEAR } from "./calendar.ts";
import type { CsvTableWriter } from "./csv-writer.ts";
import { permute32, type Rng } from "./random.ts";
import type { Area } from "./units.ts";
import { AREA_POPULATION } from "./units.ts";
import { SEGMENTS } from "../extract/contract.ts";

export type Segment = (typeof SEGMENTS)[number];
/** Age groups: 0–6, 7–17, 18–29, 30–44, 45–64, 65–74, 75+. */
export const AGE_GROUP_LIMITS = [7, 18, 30, 45, 65, 75] as const;
export const NO_DAY = 0x7fffffff;

export function ageGroup(age: number): number {
  let g = 0;
  while (g < AGE_GROUP_LIMITS.length && age >= AGE_GROUP_LIMITS[g]) g++;
  return g;
}

// Helsinki's age structure in 2020 (share, min age, max age).
const AGE_BANDS: readonly (readonly [number, number, number])[] = [
  [0.065, 0, 6], [0.1, 7, 17], [0.19, 18, 29], [0.24, 30, 44], [0.22, 45, 64], [0.1, 65, 74], [0.06, 75, 84],
  [0.022, 85, 98], [0.003, 99, 104],
];
/** Share of clients born during the period (babies of the period's second year to its last). */
const BORN_IN_PERIOD = 0.025;

// Segment mix per age group: PARJAAJA, YHTEISTYO, TUKI, HUOLENPITO, null.
const SEGMENT_MIX: readonly (readonly number[])[] = [
  [0.62, 0.22, 0.1, 0.02, 0.04], [0.62, 0.22, 0.1, 0.02, 0.04], [0.58, 0.2, 0.13, 0.04, 0.05],
  [0.58, 0.2, 0.13, 0.04, 0.05], [0.56, 0.21, 0.13, 0.05, 0.05], [0.45, 0.25, 0.17, 0.08, 0.05],
  [0.22, 0.22, 0.22, 0.28, 0.06],
];
/** How much more often a group makes contact than an adult of 45–64 (children: neuvola; elderly). */
const AGE_ACTIVITY = [1.5, 0.6, 0.75, 0.8, 1, 1.4, 2.2];
/** Index by segment (PARJAAJA … HUOLENPITO, then null). */
const SEGMENT_ACTIVITY = [0.7, 1.4, 2.2, 3.2, 1];
const CONTACT_PERSON_SHARE = [0.03, 0.15, 0.55, 0.8, 0.1];

export interface Population {
  size: number;
  ids: (i: number) => string;
  birthYear: Int16Array;
  sex: Uint8Array;
  /** Index into the scale's areas, or -1 for null. */
  homeArea: Int8Array;
  /** Index into SEGMENTS, or -1 for null. */
  segment: Int8Array;
  /** Relative contact activity (age × segment × individual heterogeneity). */
  activity: Float32Array;
  /** Which of the area's units of a service the client uses, in [0,1). */
  affinity: Float32Array;
  /** First day the client can appear (birth during the period). */
  activeFrom: Int16Array;
  /** Day type 2 diabetes was recorded, or NO_DAY. */
  diabetesDay: Int32Array;
  /** Latent drinking level (standardised); drives AUDIT-C. */
  alcohol: Float32Array;
}

export interface ClientRow extends Record<string, string | number | boolean | null> {
  client_id: string;
  birth_year: number;
  sex: string;
  home_area: string | null;
  segment: string | null;
  language: string | null;
  contact_person_assigned: boolean | null;
}

export interface ConditionRow extends Record<string, string> {
  client_id: string;
  condition_code: string;
  recorded_on: string;
}

const E11_CODES = ["E11", "E11", "E11.9", "E11.9", "E11.9", "E11.6", "E11.5", "E11.2"];
const BEFORE_PERIOD_FROM = dayOf(2005, 1, 1);

/** A pre-period or in-period record date: chronic conditions are mostly known before 2020. */
function recordedDay(rng: Rng, shareBefore: number, activeFrom: number, earliest: number): number {
  if (activeFrom <= FIRST_DAY && rng.chance(shareBefore)) return Math.max(earliest, rng.between(BEFORE_PERIOD_FROM, FIRST_DAY - 1));
  // Found during the period, more often later (case finding improves).
  const t = Math.sqrt(rng.next());
  return Math.max(activeFrom, FIRST_DAY + Math.floor(t * (LAST_DAY - FIRST_DAY)));
}

export function generatePopulation(
  rng: Rng,
  size: number,
  areas: readonly Area[],
  idKey: number,
  clients: CsvTableWriter<ClientRow>,
  conditions: CsvTableWriter<ConditionRow>,
): Population {
  const pop: Population = {
    size,
    ids: (i) => `A${permute32(i, idKey).toString(16).padStart(8, "0")}`,
    birthYear: new Int16Array(size),
    sex: new Uint8Array(size),
    homeArea: new Int8Array(size),
    segment: new Int8Array(size),
    activity: new Float32Array(size),
    affinity: new Float32Array(size),
    activeFrom: new Int16Array(size),
    diabetesDay: new Int32Array(size),
    alcohol: new Float32Array(size),
  };
  const areaWeights = areas.map((a) => AREA_POPULATION[a]);
  const bandWeights = AGE_BANDS.map((b) => b[0]);

  for (let i = 0; i < size; i++) {
    // Age and birth.
    let birthYear: number;
    let activeFrom = FIRST_DAY;
    if (rng.chance(BORN_IN_PERIOD)) {
      birthYear = rng.between(Math.min(FIRST_YEAR + 1, LAST_YEAR), LAST_YEAR);
      activeFrom = Math.max(FIRST_DAY, Math.min(LAST_DAY - 30, dayOf(birthYear, 1, 1) + rng.int(365)));
    } else {
      const band = AGE_BANDS[rng.weighted(bandWeights)];
      birthYear = 2020 - rng.between(band[1], band[2]);
    }
    const age = 2020 - birthYear;
    const group = ageGroup(Math.max(0, age));
    const sexDraw = rng.next();
    const femaleShare = age >= 75 ? 0.62 : 0.51;
    const sex = sexDraw < 0.005 ? 9 : sexDraw < 0.005 + femaleShare ? 2 : 1;
    const homeArea = rng.chance(0.01) ? -1 : rng.weighted(areaWeights);
    const segDraw = rng.weighted(SEGMENT_MIX[group]);
    const segment = segDraw === 4 ? -1 : segDraw;
    const area = homeArea < 0 ? null : areas[homeArea];

    // Language: Swedish speakers cluster south and west, other languages east and north-east.
    const svShare = area === "ETELA" || area === "LANSI" ? 0.085 : area === "ITA" || area === "KOILLINEN" ? 0.04 : 0.06;
    const otherShare = age >= 65 ? 0.05 : area === "ITA" || area === "KOILLINEN" ? 0.22 : area === "ETELA" ? 0.11 : 0.15;
    const langDraw = rng.next();
    const language = langDraw < 0.005 ? null : langDraw < 0.005 + svShare ? "sv" : langDraw < 0.005 + svShare + otherShare ? "other" : "fi";

    const segIdx = segment < 0 ? 4 : segment;
    const contactPerson = rng.chance(0.08) ? null : rng.chance(CONTACT_PERSON_SHARE[segIdx]);

    // Conditions (adults), written as they are drawn.
    const id = pop.ids(i);
    let diabetesDay = NO_DAY;
    let activityBoost = 1;
    let alcohol = rng.normal() + (sex === 1 ? 0.5 : 0) + (age < 30 ? 0.3 : age >= 65 ? -0.4 : 0);
    if (age >= 18) {
      const e11 = age < 45 ? 0.02 : age < 65 ? 0.085 : age < 75 ? 0.16 : 0.18;
      if (rng.chance(e11)) {
        diabetesDay = recordedDay(rng, 0.8, activeFrom, BEFORE_PERIOD_FROM);
        activityBoost *= 1.3;
        conditions.add({ client_id: id, condition_code: rng.pick(E11_CODES), recorded_on: dateString(diabetesDay) });
        if (rng.chance(0.04)) {
          const again = Math.min(LAST_DAY, Math.max(diabetesDay, FIRST_DAY) + rng.int(900));
          conditions.add({ client_id: id, condition_code: "E11.9", recorded_on: dateString(again) });
        }
      }
      const i10 = age < 45 ? 0.04 : age < 65 ? 0.2 : 0.4;
      if (rng.chance(i10)) conditions.add({ client_id: id, condition_code: "I10", recorded_on: dateString(recordedDay(rng, 0.8, activeFrom, BEFORE_PERIOD_FROM)) });
      if (age >= 45 && rng.chance(0.12)) conditions.add({ client_id: id, condition_code: "E78", recorded_on: dateString(recordedDay(rng, 0.75, activeFrom, BEFORE_PERIOD_FROM)) });
      if (rng.chance(age < 45 ? 0.08 : 0.05)) {
        activityBoost *= 1.25;
        conditions.add({ client_id: id, condition_code: rng.chance(0.7) ? "F32" : "F32.1", recorded_on: dateString(recordedDay(rng, 0.6, activeFrom, BEFORE_PERIOD_FROM)) });
      }
      if (rng.chance(sex === 1 ? 0.025 : 0.01)) {
        alcohol += 2;
        conditions.add({ client_id: id, condition_code: "F10.2", recorded_on: dateString(recordedDay(rng, 0.6, activeFrom, BEFORE_PERIOD_FROM)) });
      }
    }
    if (age >= 5 && rng.chance(0.05)) {
      const earliest = dayOf(birthYear + 3, 1, 1);
      conditions.add({ client_id: id, condition_code: "J45", recorded_on: dateString(recordedDay(rng, 0.8, activeFrom, earliest)) });
    }

    pop.birthYear[i] = birthYear;
    pop.sex[i] = sex;
    pop.homeArea[i] = homeArea;
    pop.segment[i] = segment;
    // Gamma(1.3) heterogeneity: a few clients make many contacts, as in real primary care.
    pop.activity[i] = AGE_ACTIVITY[group] * SEGMENT_ACTIVITY[segIdx] * activityBoost * (rng.gamma(1.3) / 1.3);
    pop.affinity[i] = rng.next();
    pop.activeFrom[i] = activeFrom;
    pop.diabetesDay[i] = diabetesDay;
    pop.alcohol[i] = alcohol;

    clients.add({
      client_id: id,
      birth_year: birthYear,
      sex: String(sex),
      home_area: area,
      segment: segment < 0 ? null : SEGMENTS[segment],
      language,
      contact_person_assigned: contactPerson,
    });
  }
  return pop;
}
