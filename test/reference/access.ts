// Access indicators (ACC_*), straight from their definitions in docs/indicators.md.
import { Acc, cell, median, slotOfKey, slotsFor, type RefCell } from "./cells.ts";
import type { Contact, Extract, Visit } from "./extract.ts";
import { dateOf, daysBetween } from "./time.ts";

/** Realised visit: not cancelled and not a professional consultation (R60). */
export const isRealised = (v: Visit): boolean => !v.cancelled && v.contact_mode !== "R60";

/** A contact's first realised linked visit: earliest visit_start_ts, then smallest visit_id. */
export function firstRealisedVisits(visits: Visit[]): Map<string, Visit> {
  const first = new Map<string, Visit>();
  for (const v of visits) {
    if (v.contact_id === null || !isRealised(v)) continue;
    const cur = first.get(v.contact_id);
    if (!cur || v.visit_start_ts < cur.visit_start_ts || (v.visit_start_ts === cur.visit_start_ts && v.visit_id < cur.visit_id)) {
      first.set(v.contact_id, v);
    }
  }
  return first;
}

interface Ratio { num: number; den: number }
const ratio = (): Ratio => ({ num: 0, den: 0 });

/** Cells of a share whose n is its denominator; a zero denominator is not written. */
function shareCells(id: string, breakdown: string | null, acc: Acc<Ratio>): RefCell[] {
  const out: RefCell[] = [];
  for (const [k, r] of acc) {
    if (r.den === 0) continue;
    out.push(cell(id, breakdown, slotOfKey(k), { numerator: r.num, denominator: r.den, value: r.num / r.den, n: r.den }));
  }
  return out;
}

function firstVisitShare(id: string, x: Extract, urgency: string, maxDays: number): RefCell[] {
  const first = firstRealisedVisits(x.visits);
  const acc = new Acc(ratio);
  for (const c of x.contacts) {
    if (c.urgency !== urgency) continue;
    const v = first.get(c.contact_id);
    if (!v) continue; // no realised linked visit: not in the denominator
    const d = daysBetween(c.contact_ts, v.visit_start_ts);
    const hit = d >= 0 && d <= maxDays;
    for (const s of slotsFor(dateOf(c.contact_ts), c.unit_id, v.profession)) {
      const r = acc.at(s);
      r.den++;
      if (hit) r.num++;
    }
  }
  return shareCells(id, "profession", acc);
}

function assessmentToVisitShare(id: string, x: Extract, groups: Record<string, string>, maxDays: number): RefCell[] {
  const contacts = new Map<string, Contact>(x.contacts.map((c) => [c.contact_id, c]));
  const acc = new Acc(ratio);
  for (const v of x.visits) {
    if (!isRealised(v) || v.urgency !== "KIIREETON") continue;
    const group = groups[v.profession];
    if (!group || v.contact_id === null) continue;
    const c = contacts.get(v.contact_id);
    if (!c || c.need_assessment_ts === null) continue;
    const hit = daysBetween(c.need_assessment_ts, v.visit_start_ts) <= maxDays;
    for (const s of slotsFor(dateOf(v.visit_start_ts), v.unit_id, group)) {
      const r = acc.at(s);
      r.den++;
      if (hit) r.num++;
    }
  }
  return shareCells(id, "profession", acc);
}

/** `date` (YYYY-MM-DD) plus whole calendar months; a day the month lacks becomes its last (31.10. + 4 = 28./29.2.). */
function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split("-").map(Number);
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, "0")}-${String(Math.min(d, last)).padStart(2, "0")}`;
}

const ORAL = new Set(["HAMMASLAAKARI", "SUUHYGIENISTI", "HAMMASHOITAJA"]);
const PRIMARY = new Set(["LAAKARI", "HOITAJA", "FYSIOTERAPEUTTI", "TOIMINTATERAPEUTTI"]);

/** The last day to be seen under the care guarantee, as docs/indicators.md lists the limits. */
function guaranteeDeadline(assessed: string, oral: boolean, age: number): string {
  const adult2025 = assessed >= "2025-01-01" && age >= 23;
  if (oral) {
    if (assessed < "2023-09-01" || adult2025) return addMonths(assessed, 6);
    return addMonths(assessed, assessed < "2024-11-01" ? 4 : 3);
  }
  if (assessed < "2023-09-01" || adult2025) return addMonths(assessed, 3);
  return dateOf(new Date(Date.parse(`${assessed}T00:00:00Z`) + 14 * 86_400_000).toISOString());
}

export function accessCells(x: Extract): RefCell[] {
  const out: RefCell[] = [];

  // ACC_FIRST_CONTACT
  {
    const acc = new Acc(ratio);
    for (const c of x.contacts) {
      if (c.urgency !== "KIIREETON") continue;
      for (const s of slotsFor(dateOf(c.contact_ts), c.unit_id, null)) {
        const r = acc.at(s);
        r.den++;
        if (c.resolved_at_first_contact) r.num++;
      }
    }
    out.push(...shareCells("ACC_FIRST_CONTACT", null, acc));
  }

  out.push(...firstVisitShare("ACC_URGENT_0_1D", x, "KIIREELLINEN", 1));
  out.push(...firstVisitShare("ACC_NONURGENT_0_10D", x, "KIIREETON", 10));

  out.push(...assessmentToVisitShare("ACC_VISIT_0_7D", x, {
    LAAKARI: "LAAKARI", HOITAJA: "HOITAJA", FYSIOTERAPEUTTI: "FYSIO_TOIMINTA", TOIMINTATERAPEUTTI: "FYSIO_TOIMINTA",
  }, 7));
  out.push(...assessmentToVisitShare("ACC_ORAL_0_90D", x, {
    HAMMASLAAKARI: "HAMMASLAAKARI", SUUHYGIENISTI: "SUUHYGIENISTI", HAMMASHOITAJA: "HAMMASHOITAJA",
  }, 90));

  // ACC_CARE_GUARANTEE: an assessed contact's first realised non-urgent primary- or oral-care visit, by the
  // limit in force on the assessment date for the age band (year − birth year).
  {
    const contacts = new Map<string, Contact>(x.contacts.map((c) => [c.contact_id, c]));
    const birthYear = new Map(x.clients.map((c) => [c.client_id, c.birth_year]));
    const qualifying = x.visits.filter((v) => isRealised(v) && v.urgency === "KIIREETON" && (ORAL.has(v.profession) || PRIMARY.has(v.profession)));
    const acc = new Acc(ratio);
    for (const v of firstRealisedVisits(qualifying).values()) {
      const oral = ORAL.has(v.profession);
      const c = contacts.get(v.contact_id!);
      if (!c || c.need_assessment_ts === null) continue;
      const assessed = dateOf(c.need_assessment_ts);
      const age = Number(assessed.slice(0, 4)) - birthYear.get(c.client_id)!;
      const hit = dateOf(v.visit_start_ts) <= guaranteeDeadline(assessed, oral, age);
      for (const s of slotsFor(dateOf(v.visit_start_ts), v.unit_id, age >= 23 ? "23plus" : "under23")) {
        const r = acc.at(s);
        r.den++;
        if (hit) r.num++;
      }
    }
    out.push(...shareCells("ACC_CARE_GUARANTEE", "age_band", acc));
  }

  // ACC_SAME_DAY_ASSESSMENT: health-station and oral-care contacts assessed on their date if it came on a
  // weekday before 16:00, else by the next weekday.
  {
    const primaryCare = new Set(x.units.filter((u) => u.service_area === "TERVEYSASEMA" || u.service_area === "SUUN_TERVEYDENHUOLTO").map((u) => u.unit_id));
    const acc = new Acc(ratio);
    for (const c of x.contacts) {
      if (c.need_assessment_ts === null || !primaryCare.has(c.unit_id)) continue;
      const weekday = new Date(`${dateOf(c.contact_ts)}T00:00:00Z`).getUTCDay(); // 0 Sunday, 6 Saturday
      const officeHours = weekday >= 1 && weekday <= 5 && Number(c.contact_ts.slice(11, 13)) < 16;
      const grace = officeHours ? 0 : weekday === 6 ? 2 : weekday === 0 ? 1 : weekday === 5 ? 3 : 1;
      const hit = daysBetween(c.contact_ts, c.need_assessment_ts) <= grace;
      for (const s of slotsFor(dateOf(c.contact_ts), c.unit_id, null)) {
        const r = acc.at(s);
        r.den++;
        if (hit) r.num++;
      }
    }
    out.push(...shareCells("ACC_SAME_DAY_ASSESSMENT", null, acc));
  }

  // ACC_T3_MEDIAN: median of third_available_days (182 = only a waiting list counts as 182); not suppressed.
  {
    const acc = new Acc<number[]>(() => []);
    for (const m of x.appointment_supply) {
      for (const s of slotsFor(m.measured_on, m.unit_id, m.profession)) acc.at(s).push(m.third_available_days);
    }
    for (const [k, values] of acc) {
      out.push(cell("ACC_T3_MEDIAN", "profession", slotOfKey(k), { numerator: null, denominator: values.length, value: median(values), n: null }));
    }
  }

  // ACC_DIGITAL_CONTACTS
  {
    const acc = new Acc(ratio);
    for (const c of x.contacts) {
      for (const s of slotsFor(dateOf(c.contact_ts), c.unit_id, null)) {
        const r = acc.at(s);
        r.den++;
        if (c.channel === "CHAT" || c.channel === "MAISA" || c.channel === "OMAOLO") r.num++;
      }
    }
    out.push(...shareCells("ACC_DIGITAL_CONTACTS", null, acc));
  }

  // ACC_VOUCHER_USE: used at any date, even after the period.
  {
    const acc = new Acc(ratio);
    for (const v of x.service_vouchers) {
      for (const s of slotsFor(v.issued_on, v.unit_id, null)) {
        const r = acc.at(s);
        r.den++;
        if (v.used_on !== null) r.num++;
      }
    }
    out.push(...shareCells("ACC_VOUCHER_USE", null, acc));
  }
  return out;
}
