// When things happen: day weights (season, weekday, holidays, COVID spring 2020) and times of day.

import { CALENDAR_DAYS, DaySampler, dayOf, isHoliday, month, weekday, year } from "./calendar.ts";
import type { Rng } from "./random.ts";

// Winter peak, summer (July) dip.
const MONTH_SEASON = [1.12, 1.1, 1.06, 1, 0.97, 0.86, 0.62, 0.93, 1.05, 1.07, 1.1, 0.92];
// Monday peak; few contacts on weekends.
const CONTACT_WEEKDAY = [1.35, 1.12, 1.02, 0.97, 0.84, 0.13, 0.11];
const COVID_FROM = dayOf(2020, 3, 16);
const COVID_TO = dayOf(2020, 5, 31);

export function isCovidSpring(day: number): boolean {
  return day >= COVID_FROM && day <= COVID_TO;
}

function growth(day: number): number {
  return 1 + 0.03 * (year(day) - 2020); // the city grows and ages
}

function contactWeight(day: number): number {
  const wd = weekday(day);
  const holiday = wd < 5 && isHoliday(day) ? 0.15 / CONTACT_WEEKDAY[wd] : 1;
  return MONTH_SEASON[month(day) - 1] * CONTACT_WEEKDAY[wd] * holiday * growth(day) * (isCovidSpring(day) ? 0.85 : 1);
}

function scheduledVisitWeight(day: number): number {
  const wd = weekday(day);
  if (wd >= 5 || isHoliday(day)) return 0.01;
  const summer = month(day) === 7 ? 0.8 : 1; // scheduled care pauses harder in July
  return MONTH_SEASON[month(day) - 1] * summer * growth(day) * (isCovidSpring(day) ? 0.6 : 1);
}

function everyDayWeight(day: number): number {
  return (weekday(day) >= 5 || isHoliday(day) ? 0.85 : 1) * growth(day);
}

// Over the whole calendar, so that one sampler serves any period: draws always name their days.
const days = (f: (d: number) => number) => Array.from({ length: CALENDAR_DAYS }, (_, d) => f(d));

export const contactDays = new DaySampler(days(contactWeight));
export const scheduledVisitDays = new DaySampler(days(scheduledVisitWeight));
/** Home care runs every day of the week. */
export const everyDay = new DaySampler(days(everyDayWeight));

// Hour-of-day weights (0..23). Hour 3 is never used: it does not exist (spring) or occurs
// twice (autumn) on DST-change nights in Finnish local time.
const PHONE_HOURS = hours({ 8: 3, 9: 2.6, 10: 2, 11: 1.6, 12: 1.3, 13: 1.3, 14: 1.1, 15: 0.8 });
const WALK_IN_HOURS = hours({ 8: 1.5, 9: 1.5, 10: 1.3, 11: 1.1, 12: 1, 13: 1, 14: 0.9, 15: 0.6 });
const CHAT_HOURS = hours({ 8: 1.2, 9: 1.4, 10: 1.4, 11: 1.3, 12: 1.2, 13: 1.2, 14: 1.1, 15: 1, 16: 0.9, 17: 0.7, 18: 0.5, 19: 0.4 });
const ANY_HOURS = hours({
  0: 0.25, 1: 0.12, 2: 0.06, 4: 0.04, 5: 0.1, 6: 0.35, 7: 0.8, 8: 1.2, 9: 1.3, 10: 1.3, 11: 1.2, 12: 1.2,
  13: 1.2, 14: 1.1, 15: 1.1, 16: 1, 17: 1, 18: 1, 19: 1.05, 20: 1.1, 21: 1.05, 22: 0.85, 23: 0.55,
});
const WEEKEND_PHONE_HOURS = hours({ 9: 1, 10: 1, 11: 1, 12: 1, 13: 1, 14: 1, 15: 1 });

function hours(weights: Record<number, number>): number[] {
  return Array.from({ length: 24 }, (_, h) => weights[h] ?? 0);
}

export type HourProfile = "phone" | "walk_in" | "chat" | "any" | "weekend_phone";
const PROFILES: Record<HourProfile, number[]> = {
  phone: PHONE_HOURS, walk_in: WALK_IN_HOURS, chat: CHAT_HOURS, any: ANY_HOURS, weekend_phone: WEEKEND_PHONE_HOURS,
};

/** Minute of day for a contact. */
export function contactMinuteOfDay(rng: Rng, profile: HourProfile): number {
  return rng.weighted(PROFILES[profile]) * 60 + rng.int(60);
}

/** A booked appointment slot on the quarter hour, 8:00–15:45. */
export function appointmentSlot(rng: Rng): number {
  return 8 * 60 + rng.int(32) * 15;
}

/** Home-care visits run 7:00–20:45. */
export function homeCareSlot(rng: Rng): number {
  return 7 * 60 + rng.int(56) * 15;
}
