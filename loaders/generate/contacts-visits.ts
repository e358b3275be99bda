// Contacts and visits, client by client: each client's contacts over the period, the visits
// that unresolved contacts lead to, scheduled visits without a contact (home care, neuvola,
// check-ups, diabetes follow-ups), and what realised visits record. Rows stream out as they
// are made; only per-unit monthly totals are kept.

import {
  FIRST_DAY, isWorkingDay, LAST_DAY, MINUTES_PER_DAY, monthIndex, nextWorkingDay, PERIOD_END_MINUTE,
  PERIOD_MONTHS, progress, timestampString, year,
} from "./calendar.ts";
import {
  assessmentMedian, contactMode, isUrgent, pickChannel, pickProfession, resolveChance, visitMinutes, visitNature, waitDays,
  type Channel,
} from "./care-rules.ts";
import { ClinicalRecorder, type ClinicalClient, type InterventionRow, type MeasurementRow } from "./clinical.ts";
import { ageGroup, NO_DAY, type Population } from "./clients.ts";
import { drainAll, type CsvTableWriter } from "./csv-writer.ts";
import { FeedbackGenerator, type FeedbackRow } from "./feedback.ts";
import type { Rng } from "./random.ts";
import {
  appointmentSlot, contactDays, contactMinuteOfDay, everyDay, homeCareSlot, scheduledVisitDays, type HourProfile,
} from "./seasonality.ts";
import {
  type Area, type Profession, SERVICE_KEYS, SERVICE_PROFILES, type ServiceKey, SHORTAGE_AREA, TRADE_OFF_UNIT,
  type Unit, UnitDirectory,
} from "./units.ts";
import { VoucherIssuer, type VoucherRow } from "./vouchers.ts";
import { CORE_PROCESSES } from "../extract/contract.ts";

export interface ContactRow extends Record<string, string | boolean | null> {
  contact_id: string;
  client_id: string;
  unit_id: string;
  contact_ts: string;
  channel: string;
  urgency: string;
  need_assessment_ts: string | null;
  assessor_profession: string | null;
  resolved_at_first_contact: boolean;
  core_process: string | null;
}

export interface VisitRow extends Record<string, string | boolean | null> {
  visit_id: string;
  client_id: string;
  unit_id: string;
  contact_id: string | null;
  visit_start_ts: string;
  visit_end_ts: string | null;
  profession: string;
  contact_mode: string;
  urgency: string;
  visit_nature: string | null;
  cancelled: boolean;
}

export interface ActivityWriters {
  contacts: CsvTableWriter<ContactRow>;
  visits: CsvTableWriter<VisitRow>;
  measurements: CsvTableWriter<MeasurementRow>;
  interventions: CsvTableWriter<InterventionRow>;
  customer_feedback: CsvTableWriter<FeedbackRow>;
  service_vouchers: CsvTableWriter<VoucherRow>;
}

export interface ActivityTotals {
  /** Realised visits per unit × month (index unit * PERIOD_MONTHS + month). */
  realisedVisits: Int32Array;
  /** Used voucher euros per unit × month. */
  voucherEuros: Float64Array;
}

// Where contacts go, by age group (0–6, 7–17, 18–29, 30–44, 45–64, 65–74, 75+), in SERVICE_KEYS order:
// TA, SUUN, PSYK, AIKUISSOS, NUORET, FYSIO, VAMMAIS, NEUVOLA, PERHETYO, KOTIHOITO, PALVELUKESKUS.
const SERVICE_BY_AGE: readonly (readonly number[])[] = [
  [25, 15, 0, 0, 0, 2, 2, 45, 8, 0, 0],
  [40, 30, 4, 0, 8, 4, 3, 0, 8, 0, 0],
  [50, 15, 10, 8, 10, 4, 2, 3, 0, 0, 0],
  [55, 15, 8, 6, 0, 7, 2, 4, 3, 0, 0],
  [57, 16, 8, 6, 0, 9, 2, 0, 0, 0.5, 1],
  [60, 15, 3, 2, 0, 10, 2, 0, 0, 4, 6],
  [45, 10, 2, 1, 0, 8, 3, 0, 0, 20, 12],
];
// Clients who need support or care use mental-health, social and home services more.
const SEGMENT_SERVICE_BOOST: Readonly<Record<number, Partial<Record<ServiceKey, number>>>> = {
  2: { PSYKIATRIA_PAIHDE: 2, AIKUISSOSIAALITYO: 2.5, VAMMAISPALVELUT: 1.8, KOTIHOITO: 1.5 },
  3: { PSYKIATRIA_PAIHDE: 2.2, AIKUISSOSIAALITYO: 3, VAMMAISPALVELUT: 2.5, KOTIHOITO: 2.5, PALVELUKESKUS: 1.5 },
};
// Scheduled care (no contact) leans on home care, neuvola check-ups and oral recalls.
const SCHEDULED_BOOST: Partial<Record<ServiceKey, number>> = {
  KOTIHOITO: 5, NEUVOLA: 2, SUUN_TERVEYDENHUOLTO: 1.3, PALVELUKESKUS: 1.5,
};
/** Scheduled visits without a contact, per expected contact. */
const SCHEDULED_PER_CONTACT = 0.5;

function serviceWeights(boost: Partial<Record<ServiceKey, number>>): number[][][] {
  return SERVICE_BY_AGE.map((row) =>
    [0, 1, 2, 3, 4].map((seg) =>
      row.map((w, s) => w * (SEGMENT_SERVICE_BOOST[seg]?.[SERVICE_KEYS[s]] ?? 1) * (boost[SERVICE_KEYS[s]] ?? 1)),
    ),
  );
}
const CONTACT_SERVICE_WEIGHTS = serviceWeights({});
const SCHEDULED_SERVICE_WEIGHTS = serviceWeights(SCHEDULED_BOOST);

const HOUR_PROFILE: Record<Channel, HourProfile> = {
  PHONE: "phone", WALK_IN: "walk_in", CHAT: "chat", MAISA: "any", OMAOLO: "any", OTHER: "any",
};

/** Shifts times in 03:00–03:59 by an hour: that hour is missing or doubled on DST-change nights. */
function avoidDstHour(minute: number): number {
  const m = ((minute % MINUTES_PER_DAY) + MINUTES_PER_DAY) % MINUTES_PER_DAY;
  return m >= 180 && m < 240 ? minute + 60 : minute;
}

interface ClientContext extends ClinicalClient {
  index: number;
  segmentIndex: number; // 0..3, 4 = null
  homeArea: Area;
  affinity: number;
  contactsSoFar: number;
  newClient: boolean;
}

interface VisitSpec {
  client: ClientContext;
  unit: Unit;
  service: ServiceKey;
  contactId: string | null;
  start: number;
  profession: Profession;
  urgent: boolean;
  scheduled: boolean;
  cancelled: boolean;
  mode?: string;
  /** Days from contact to visit (for feedback), null when there is no contact. */
  waitDays: number | null;
}

export class ActivityGenerator {
  private contactCount = 0;
  private visitCount = 0;
  private readonly clinical: ClinicalRecorder;
  private readonly feedback: FeedbackGenerator;
  private readonly vouchers: VoucherIssuer;
  readonly totals: ActivityTotals;
  /** Per-unit customer-experience offset: the shortage area's clients are a little less satisfied. */
  private readonly unitMood: Float64Array;

  constructor(
    private readonly rng: Rng,
    private readonly pop: Population,
    private readonly directory: UnitDirectory,
    private readonly writers: ActivityWriters,
    private readonly contactsPerActivity: number,
    sideRng: { clinical: Rng; feedback: Rng; vouchers: Rng },
  ) {
    this.clinical = new ClinicalRecorder(sideRng.clinical, writers.measurements, writers.interventions);
    this.feedback = new FeedbackGenerator(sideRng.feedback, writers.customer_feedback);
    this.vouchers = new VoucherIssuer(sideRng.vouchers, writers.service_vouchers, directory.units.length);
    this.totals = {
      realisedVisits: new Int32Array(directory.units.length * PERIOD_MONTHS),
      voucherEuros: this.vouchers.usedEuros,
    };
    this.unitMood = Float64Array.from(directory.units, (u) =>
      (u.area === SHORTAGE_AREA ? -0.35 : 0) + (u.unit_id === TRADE_OFF_UNIT ? 0.2 : 0) + 0.3 * (sideRng.feedback.next() - 0.5));
  }

  async run(onProgress?: (done: number) => void): Promise<void> {
    const writers = Object.values(this.writers);
    const step = Math.max(1, Math.floor(this.pop.size / 10)); // progress every 10 % of clients
    for (let i = 0; i < this.pop.size; i++) {
      this.client(i);
      if (i % 256 === 255) await drainAll(writers);
      if (onProgress && (i + 1) % step === 0) onProgress(i + 1);
    }
  }

  get counts(): { contacts: number; visits: number } {
    return { contacts: this.contactCount, visits: this.visitCount };
  }

  private client(i: number): void {
    const rng = this.rng;
    const pop = this.pop;
    const areas = this.directory.areas;
    const affinity = pop.affinity[i];
    const segment = pop.segment[i];
    const c: ClientContext = {
      index: i,
      id: pop.ids(i),
      birthYear: pop.birthYear[i],
      sex: pop.sex[i],
      alcohol: pop.alcohol[i],
      careNeed: segment === 3,
      hbBase: 54 + 10 * rng.normal(),
      phqBase: 13 + 5 * rng.normal(),
      phqCount: 0,
      segmentIndex: segment < 0 ? 4 : segment,
      homeArea: pop.homeArea[i] < 0 ? areas[Math.floor(affinity * areas.length)] : areas[pop.homeArea[i]],
      affinity,
      contactsSoFar: 0,
      newClient: rng.chance(0.3),
    };
    const activeFrom = pop.activeFrom[i];
    const activeShare = contactDays.weight(activeFrom, LAST_DAY) / contactDays.weight(FIRST_DAY, LAST_DAY);
    const expected = this.contactsPerActivity * pop.activity[i] * activeShare;

    const contactDaysOfClient: number[] = [];
    for (let n = rng.poisson(expected); n > 0; n--) contactDaysOfClient.push(contactDays.sample(rng, activeFrom, LAST_DAY));
    contactDaysOfClient.sort((a, b) => a - b);
    for (const day of contactDaysOfClient) this.contact(c, day);

    for (let n = rng.poisson(expected * SCHEDULED_PER_CONTACT); n > 0; n--) this.scheduledVisit(c, activeFrom);

    const diabetesDay = pop.diabetesDay[i];
    if (diabetesDay !== NO_DAY) {
      const from = Math.max(activeFrom, diabetesDay, FIRST_DAY);
      if (from <= LAST_DAY) {
        const years = (LAST_DAY - from + 1) / 365.25;
        for (let n = rng.poisson(2.2 * years); n > 0; n--) this.diabetesFollowUp(c, scheduledVisitDays.sample(rng, from, LAST_DAY));
      }
    }
  }

  private pickUnit(c: ClientContext, service: ServiceKey): Unit {
    const areas = this.directory.areas;
    const area = this.rng.chance(0.93) ? c.homeArea : areas[this.rng.int(areas.length)];
    return this.directory.unitFor(area, service, c.affinity);
  }

  private contact(c: ClientContext, day: number): void {
    const rng = this.rng;
    const age = Math.max(0, year(day) - c.birthYear);
    const service = SERVICE_KEYS[rng.weighted(CONTACT_SERVICE_WEIGHTS[ageGroup(age)][c.segmentIndex])];
    const unit = this.pickUnit(c, service);
    const channel = pickChannel(rng, day, age);
    const hourProfile = isWorkingDay(day) ? HOUR_PROFILE[channel] : channel === "PHONE" ? "weekend_phone" : "any";
    const contactMinute = day * MINUTES_PER_DAY + contactMinuteOfDay(rng, hourProfile);
    const urgent = isUrgent(rng, service, age);

    // Need assessment: minutes after a call, hours after a portal message; sometimes not recorded.
    let assessedAt: number | null = null;
    if (!rng.chance(0.1)) {
      assessedAt = avoidDstHour(contactMinute + Math.min(1800, Math.round(rng.lognormal(assessmentMedian(day, urgent, channel), 1.2))));
    }
    const profile = SERVICE_PROFILES[service];
    const assessor = assessedAt === null
      ? (rng.chance(0.05) ? profile.assessor : null)
      : rng.chance(0.88) ? profile.assessor : rng.chance(0.6) ? "LAAKARI" : "MUU";
    const resolved = rng.chance(resolveChance(day, unit, urgent));
    const core = this.coreProcess(c, day);
    c.contactsSoFar++;

    const contactId = `C${String(++this.contactCount).padStart(8, "0")}`;
    this.writers.contacts.add({
      contact_id: contactId,
      client_id: c.id,
      unit_id: unit.unit_id,
      contact_ts: timestampString(contactMinute),
      channel,
      urgency: urgent ? "KIIREELLINEN" : "KIIREETON",
      need_assessment_ts: assessedAt === null ? null : timestampString(assessedAt),
      assessor_profession: assessor,
      resolved_at_first_contact: resolved,
      core_process: core,
    });
    if (resolved) return;

    if (service === "SUUN_TERVEYDENHUOLTO" && !urgent && this.vouchers.maybeIssue(c.id, unit, day) && rng.chance(0.7)) return;
    if (!rng.chance(0.92)) return; // the need passed, or care was arranged elsewhere

    const profession = pickProfession(rng, service, urgent);
    const wait = waitDays(rng, day, unit, profession, urgent, age);
    const earliest = Math.max(contactMinute, assessedAt ?? contactMinute) + 20;
    const start = this.book(earliest, day + wait, urgent);
    if (start < 0) return;
    const cancelled = rng.chance(urgent ? 0.04 : wait > 30 ? 0.09 : 0.055);
    const spec: VisitSpec = {
      client: c, unit, service, contactId, start, profession, urgent, scheduled: false, cancelled,
      waitDays: Math.floor(start / MINUTES_PER_DAY) - day,
    };
    this.visit(spec);

    if (cancelled && rng.chance(0.5)) {
      // Rebooked after a cancellation or no-show.
      const rebooked = this.book(start + 60, Math.floor(start / MINUTES_PER_DAY) + rng.between(1, 14), false);
      if (rebooked >= 0) this.visit({ ...spec, start: rebooked, urgent: false, cancelled: rng.chance(0.03), waitDays: Math.floor(rebooked / MINUTES_PER_DAY) - day });
    } else if (!cancelled && profession !== "LAAKARI" && service === "TERVEYSASEMA" && rng.chance(0.04)) {
      // A nurse consults a doctor about the client (professional consultation, R60).
      const consultAt = start + rng.between(10, 60);
      if (consultAt < PERIOD_END_MINUTE) this.visit({ ...spec, start: consultAt, profession: "LAAKARI", mode: "R60", cancelled: false });
    }
    if (!cancelled && rng.chance(0.1)) {
      // A follow-up on the same matter.
      const followUp = this.book(start + 60, Math.floor(start / MINUTES_PER_DAY) + rng.between(3, 30), false);
      if (followUp >= 0) this.visit({ ...spec, start: followUp, urgent: false, cancelled: rng.chance(0.05), waitDays: null });
    }
  }

  private coreProcess(c: ClientContext, day: number): string | null {
    const rng = this.rng;
    if (rng.chance(0.08)) return null;
    if (c.contactsSoFar === 0 && c.newClient) return "ASIAKKAAKSI_TULO";
    // Identifying clients who need many services improves over the period.
    const many = [0.02, 0.2, 0.6, 0.65, 0.1][c.segmentIndex] * (0.6 + 0.6 * progress(day));
    const risk = c.segmentIndex === 0 ? 0.05 : 0.1;
    const r = rng.next();
    return r < many ? "PALJON_PALVELUJA" : r < many + risk ? "RISKIRYHMAT" : r < many + risk + 0.03 ? CORE_PROCESSES[0] : "SATUNNAISESTI";
  }

  /**
   * Books an appointment start (minute) on `day` or later, not before `earliest`; non-urgent care
   * waits for a working day. Returns -1 when it would fall after the period.
   */
  private book(earliest: number, day: number, urgent: boolean): number {
    const rng = this.rng;
    let d = Math.max(day, Math.floor(earliest / MINUTES_PER_DAY));
    if (!urgent) d = nextWorkingDay(d);
    let start = d * MINUTES_PER_DAY + appointmentSlot(rng);
    if (start < earliest) {
      // That slot has passed: the next quarter hour today, if the clinic is still open, else next morning.
      const next = Math.ceil(earliest / 15) * 15 + (urgent ? rng.int(8) * 15 : 0);
      const closes = urgent ? 20 * 60 : 15 * 60 + 45;
      if (Math.floor(next / MINUTES_PER_DAY) === d && next - d * MINUTES_PER_DAY <= closes) start = next;
      else {
        const nextDay = urgent ? d + 1 : nextWorkingDay(d + 1);
        start = nextDay * MINUTES_PER_DAY + 8 * 60 + rng.int(16) * 15;
      }
    }
    return start < PERIOD_END_MINUTE ? start : -1;
  }

  private scheduledVisit(c: ClientContext, activeFrom: number): void {
    const rng = this.rng;
    let day = scheduledVisitDays.sample(rng, activeFrom, LAST_DAY);
    const age = Math.max(0, year(day) - c.birthYear);
    const service = SERVICE_KEYS[rng.weighted(SCHEDULED_SERVICE_WEIGHTS[ageGroup(age)][c.segmentIndex])];
    const homeCare = service === "KOTIHOITO";
    if (homeCare) day = everyDay.sample(rng, activeFrom, LAST_DAY);
    const urgent = rng.chance(0.03);
    this.visit({
      client: c,
      unit: this.pickUnit(c, service),
      service,
      contactId: null,
      start: day * MINUTES_PER_DAY + (homeCare ? homeCareSlot(rng) : appointmentSlot(rng)),
      profession: pickProfession(rng, service, urgent),
      urgent,
      scheduled: true,
      cancelled: rng.chance(homeCare ? 0.02 : 0.05),
      waitDays: null,
    });
  }

  private diabetesFollowUp(c: ClientContext, day: number): void {
    const rng = this.rng;
    const unit = this.directory.unitFor(c.homeArea, "TERVEYSASEMA", c.affinity);
    const cancelled = rng.chance(0.05);
    this.visit({
      client: c, unit, service: "TERVEYSASEMA", contactId: null,
      start: day * MINUTES_PER_DAY + appointmentSlot(rng),
      profession: rng.chance(0.75) ? "HOITAJA" : "LAAKARI",
      urgent: false, scheduled: true, cancelled, waitDays: null,
    });
    if (!cancelled && rng.chance(0.85)) this.clinical.hba1c(c, unit, day);
  }

  private visit(v: VisitSpec): void {
    const rng = this.rng;
    const day = Math.floor(v.start / MINUTES_PER_DAY);
    const mode = v.mode ?? contactMode(rng, v.service, day);
    const hasEnd = v.cancelled ? rng.chance(0.1) : !rng.chance(0.03);
    this.writers.visits.add({
      visit_id: `V${String(++this.visitCount).padStart(8, "0")}`,
      client_id: v.client.id,
      unit_id: v.unit.unit_id,
      contact_id: v.contactId,
      visit_start_ts: timestampString(v.start),
      visit_end_ts: hasEnd ? timestampString(v.start + visitMinutes(rng, v.profession, mode)) : null,
      profession: v.profession,
      contact_mode: mode,
      urgency: v.urgent ? "KIIREELLINEN" : "KIIREETON",
      visit_nature: mode === "R60" ? "SH" : visitNature(rng, v.service, v.scheduled),
      cancelled: v.cancelled,
    });
    if (v.cancelled || mode === "R60") return;

    this.totals.realisedVisits[v.unit.index * PERIOD_MONTHS + monthIndex(day)]++;
    this.feedback.afterVisit(v.unit, v.service, day, mode, v.waitDays, this.unitMood[v.unit.index]);
    const miniInterventionDay = this.clinical.atVisit(v.client, v.unit, v.service, day);
    if (miniInterventionDay !== null) {
      // The mini-intervention happens at a short follow-up, in person or by phone.
      const followUpStart = miniInterventionDay * MINUTES_PER_DAY + appointmentSlot(rng);
      this.writers.visits.add({
        visit_id: `V${String(++this.visitCount).padStart(8, "0")}`,
        client_id: v.client.id,
        unit_id: v.unit.unit_id,
        contact_id: null,
        visit_start_ts: timestampString(followUpStart),
        visit_end_ts: timestampString(followUpStart + rng.between(15, 25)),
        profession: v.profession,
        contact_mode: rng.chance(0.6) ? "R10" : "R50",
        urgency: "KIIREETON",
        visit_nature: "TH",
        cancelled: false,
      });
      this.totals.realisedVisits[v.unit.index * PERIOD_MONTHS + monthIndex(miniInterventionDay)]++;
    }
  }
}
