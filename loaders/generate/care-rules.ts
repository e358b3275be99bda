// How care flows: channel mix, urgency, first-contact resolution, waiting times, visit modes.
// Each rule is a small function of the day, the unit and the client, so trends are explicit.

import { dayOf, isWorkingDay, progress, ramp } from "./calendar.ts";
import type { Rng } from "./random.ts";
import { GUIDANCE_START, VOUCHER_START } from "./scenario.ts";
import { isCovidSpring } from "./seasonality.ts";
import {
  type Profession, type ServiceKey, type Unit, SERVICE_PROFILES, SHORTAGE_AREA, TRADE_OFF_UNIT,
} from "./units.ts";
import { CONTACT_CHANNELS } from "../extract/contract.ts";

export type Channel = (typeof CONTACT_CHANNELS)[number];

// Channel shares at the start (2020-01) and end (2023-12): phone gives way to chat, Maisa, Omaolo.
const CHANNEL_START = [0.72, 0.03, 0.1, 0.03, 0.09, 0.03];
const CHANNEL_END = [0.48, 0.12, 0.2, 0.1, 0.06, 0.04];
const DIGITAL = new Set<Channel>(["CHAT", "MAISA", "OMAOLO"]);

export function isDigital(channel: Channel): boolean {
  return DIGITAL.has(channel);
}

export function pickChannel(rng: Rng, day: number, age: number): Channel {
  if (!isWorkingDay(day)) return rng.chance(0.3) ? "PHONE" : rng.pick(["MAISA", "OMAOLO", "MAISA", "CHAT"] as const);
  const t = progress(day);
  const w = CHANNEL_START.map((s, i) => s + (CHANNEL_END[i] - s) * t);
  if (isCovidSpring(day)) w[4] *= 0.3; // walk-ins stopped in spring 2020
  if (age >= 75) for (const i of [1, 2, 3]) w[i] *= 0.35; // the oldest phone or walk in
  return CONTACT_CHANNELS[rng.weighted(w)];
}

export function isUrgent(rng: Rng, service: ServiceKey, age: number): boolean {
  const share = SERVICE_PROFILES[service].urgentShare * (age < 7 || age >= 75 ? 1.25 : 1);
  return rng.chance(Math.min(0.6, share * 1.1));
}

/** Chance that a contact is handled in full at first contact. */
export function resolveChance(day: number, unit: Unit, urgent: boolean): number {
  const guidance = ramp(day, GUIDANCE_START, 180);
  let p = 0.55 + 0.17 * guidance;
  if (unit.unit_id === TRADE_OFF_UNIT) p += 0.1 * guidance;
  if (unit.area === SHORTAGE_AREA) p -= 0.03;
  p *= SERVICE_PROFILES[unit.service_area as ServiceKey].resolveFactor;
  if (urgent) p *= 0.35;
  return Math.min(0.92, Math.max(0.02, p));
}

export function pickProfession(rng: Rng, service: ServiceKey, urgent: boolean): Profession {
  const profile = SERVICE_PROFILES[service];
  if (service === "TERVEYSASEMA" && urgent) return rng.chance(0.5) ? "LAAKARI" : rng.chance(0.96) ? "HOITAJA" : "MUU";
  return profile.visitProfessions[rng.weighted(profile.visitProfessions.map((p) => p[1]))][0];
}

// Median calendar days from contact to a non-urgent visit, by profession.
const NON_URGENT_MEDIAN: Record<Profession, number> = {
  LAAKARI: 10, HOITAJA: 3.5, FYSIOTERAPEUTTI: 5.5, TOIMINTATERAPEUTTI: 7, HAMMASLAAKARI: 30, SUUHYGIENISTI: 24,
  HAMMASHOITAJA: 12, PSYKOLOGI: 14, SOSIAALITYONTEKIJA: 7, SOSIAALIOHJAAJA: 5, MUU: 3,
};
const ORAL = new Set<Profession>(["HAMMASLAAKARI", "SUUHYGIENISTI", "HAMMASHOITAJA"]);

// The care guarantee's steps (terveydenhuoltolaki 51 a §; docs/indicators.md#acc_care_guarantee):
// 14 days in primary care, 4 months in oral care and the same-day assessment from 1.9.2023, 3 months
// in oral care from 1.11.2024, and from 1.1.2025 back to 3 and 6 months for clients aged 23 and over.
export const GUARANTEE_14D = dayOf(2023, 9, 1);
export const ORAL_3_MONTHS = dayOf(2024, 11, 1);
export const AGE_BANDS_FROM = dayOf(2025, 1, 1);

/** How the units answer the law: shorter non-urgent waits while the limits are tight, looser after. */
function lawFactor(day: number, age: number, oral: boolean): number {
  if (day < GUARANTEE_14D) return 1;
  if (day >= AGE_BANDS_FROM && age >= 23) return 1.1; // the limit for 23+ is months again
  if (oral) return day >= ORAL_3_MONTHS ? 0.8 : 0.85;
  return 0.7;
}

/** Minutes from contact to care-need assessment, median: portal messages are read sooner once the same-day rule holds. */
export function assessmentMedian(day: number, urgent: boolean, channel: Channel): number {
  if (urgent) return 8;
  if (channel === "MAISA" || channel === "OMAOLO") return day >= GUARANTEE_14D ? 60 : 150;
  return 25;
}

/** Calendar days from contact date to visit date (`age`: the client's age that year). */
export function waitDays(rng: Rng, day: number, unit: Unit, profession: Profession, urgent: boolean, age: number): number {
  if (urgent) {
    const r = rng.next();
    return r < 0.72 ? 0 : r < 0.93 ? 1 : rng.between(2, 4);
  }
  let median = NON_URGENT_MEDIAN[profession];
  if (unit.area === SHORTAGE_AREA) median *= profession === "LAAKARI" ? 1.7 : 1.2;
  if (unit.unit_id === TRADE_OFF_UNIT) median *= 1 - 0.4 * ramp(day, GUIDANCE_START, 365);
  if (isCovidSpring(day)) median *= 1.3;
  if (ORAL.has(profession)) {
    // Backlog through 2020–21, then vouchers clear the queue.
    median *= (1.3 - 0.5 * ramp(day, VOUCHER_START, 270)) * lawFactor(day, age, true);
    return Math.floor(rng.lognormal(median, 0.6));
  }
  return Math.floor(rng.lognormal(median * lawFactor(day, age, false), 0.8));
}

/** AvoHilmo contact mode, drifting towards remote (R50/R52/R56) over the period. */
export function contactMode(rng: Rng, service: ServiceKey, day: number): string {
  const t = progress(day);
  switch (service) {
    case "KOTIHOITO":
      return rng.chance(0.86) ? "R20" : rng.chance(0.5) ? "R50" : rng.chance(0.3 + 0.5 * t) ? "R52" : "R10";
    case "SUUN_TERVEYDENHUOLTO":
      return rng.chance(0.97) ? "R10" : "R50";
    case "AIKUISSOSIAALITYO":
    case "VAMMAISPALVELUT":
    case "PERHETYO":
      return ["R10", "R50", "R71", "R72", "R20", "R52"][rng.weighted([0.45 - 0.05 * t, 0.2, 0.1, 0.15, 0.05, 0.02 + 0.06 * t])];
  }
  let remote = 0.12 + 0.16 * t + (isCovidSpring(day) ? 0.15 : 0);
  if (service === "FYSIOTERAPIA") remote *= 0.4;
  if (rng.chance(remote)) return ["R50", "R52", "R56"][rng.weighted([0.75 - 0.2 * t, 0.05 + 0.15 * t, 0.2 + 0.05 * t])];
  const r = rng.next();
  return r < 0.97 ? "R10" : r < 0.985 ? "R20" : "R41";
}

const DURATION: Partial<Record<Profession, readonly [number, number]>> = {
  LAAKARI: [15, 30], HOITAJA: [10, 30], HAMMASLAAKARI: [30, 60], SUUHYGIENISTI: [30, 60], HAMMASHOITAJA: [20, 45],
  FYSIOTERAPEUTTI: [30, 60], TOIMINTATERAPEUTTI: [30, 60], PSYKOLOGI: [45, 60], SOSIAALITYONTEKIJA: [30, 60],
  SOSIAALIOHJAAJA: [30, 60],
};

/** Visit length in minutes (10–60). */
export function visitMinutes(rng: Rng, profession: Profession, mode: string): number {
  if (mode === "R50" || mode === "R56") return rng.between(10, 20);
  const [lo, hi] = DURATION[profession] ?? [10, 40];
  return rng.between(lo, hi);
}

const PREVENTIVE_SHARE: Partial<Record<ServiceKey, number>> = {
  NEUVOLA: 0.8, SUUN_TERVEYDENHUOLTO: 0.35, PALVELUKESKUS: 0.5, KOTIHOITO: 0.3, TERVEYSASEMA: 0.08,
};

export function visitNature(rng: Rng, service: ServiceKey, scheduled: boolean): string | null {
  if (rng.chance(0.02)) return null;
  const p = (PREVENTIVE_SHARE[service] ?? 0.1) * (scheduled ? 1.6 : 1);
  return rng.chance(p) ? "TH" : "SH";
}
