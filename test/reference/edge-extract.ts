// A small hand-made extract that exercises the corners of the definitions (docs/)
// the generated data rarely reaches: calendar days across midnight, explicit
// UTC offsets, first-visit ties, cancelled / R60 visits, visits in another
// unit than their contact, a visit before its need assessment, latest-
// measurement ties, E11… conditions recorded around the period end, AUDIT-C
// thresholds by age and sex (including sex 9), IHA21 exactly 30 / 31 days
// later, null contact-person flags, 1/0 booleans, quoted CSV fields, zero
// FTE, staffing without visits, costs without visits, negative costs.
// Each row's comment says what it is for.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";

type V = string | number | boolean | null;
const field = (v: V): string => {
  if (v === null) return "";
  const s = String(v);
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
};

const COLUMNS: Record<string, string[]> = {
  units: ["unit_id", "unit_name_fi", "unit_name_sv", "operating_model", "service_area", "area"],
  clients: ["client_id", "birth_year", "sex", "home_area", "segment", "language", "contact_person_assigned"],
  contacts: ["contact_id", "client_id", "unit_id", "contact_ts", "channel", "urgency", "need_assessment_ts", "assessor_profession", "resolved_at_first_contact", "core_process"],
  visits: ["visit_id", "client_id", "unit_id", "contact_id", "visit_start_ts", "visit_end_ts", "profession", "contact_mode", "urgency", "visit_nature", "cancelled"],
  appointment_supply: ["unit_id", "profession", "measured_on", "third_available_days"],
  customer_feedback: ["response_id", "unit_id", "responded_on", "channel", "question_code", "score"],
  staff_survey: ["survey_id", "unit_id", "respondent_id", "answered_on", "question_code", "score"],
  staffing: ["unit_id", "month", "profession", "fte", "headcount", "sick_leave_days", "voluntary_exits", "agency_hours"],
  costs: ["unit_id", "month", "cost_category", "cost_eur"],
  service_vouchers: ["voucher_id", "client_id", "unit_id", "issued_on", "used_on", "value_eur"],
  conditions: ["client_id", "condition_code", "recorded_on"],
  measurements: ["client_id", "unit_id", "measured_on", "measure_code", "value"],
  interventions: ["client_id", "unit_id", "performed_on", "procedure_code"],
};

const U = "KIIREELLINEN";
const N = "KIIREETON";

// contact(id, client, unit, ts, channel, urgency, need_assessment_ts, resolved, core_process)
const contact = (id: string, client: string, unit: string, ts: string, channel: string, urgency: string, na: string | null, resolved: V, core: string | null = null): V[] =>
  [id, client, unit, ts, channel, urgency, na, na ? "HOITAJA" : null, resolved, core];
// visit(id, client, unit, contact, ts, profession, mode, urgency, cancelled)
const visit = (id: string, client: string, unit: string, contactId: string | null, ts: string, profession: string, mode = "R10", urgency = N, cancelled: V = false): V[] =>
  [id, client, unit, contactId, ts, null, profession, mode, urgency, null, cancelled];

export function edgeTables(): Record<string, V[][]> {
  const fillers = Array.from({ length: 12 }, (_, i) => `P${String(i + 1).padStart(2, "0")}`);
  return {
    units: [
      ["U1", "Yksikkö, yksi", null, "THK", "TERVEYSASEMA", "ITA"], // quoted field with a comma
      ["U2", 'Yksikkö "kaksi"', "Enhet 2", "THK", "TERVEYSASEMA", "KESKI"], // quoted field with quotes
      ["U3", "Suun terveys", "Mun", "THK", "SUUN_TERVEYDENHUOLTO", "ITA"],
    ],
    clients: [
      ["A1", 1980, "9", "ITA", null, "fi", null], // sex 9, contact person null = not assigned
      ["A2", 1956, "1", "ITA", "TUKI", "sv", "1"], // 65 in 2021; boolean as 1
      ["A3", 2003, "2", null, null, null, "0"], // 18 in 2021; boolean as 0
      ["A4", 2004, "1", "ITA", null, "fi", true], // 17 in 2021, 18 in 2022
      ["A5", 1957, "1", "ITA", null, "fi", false], // 64 in 2021
      ["A6", 1990, "2", "KESKI", null, "fi", true],
      ["A7", 1985, "1", "KESKI", null, "other", true],
      ["A8", 1970, "9", "ITA", null, "fi", false],
      ...fillers.map((id, i) => [id, 1975, i % 2 ? "1" : "2", "ITA", null, "fi", i % 3 === 0] as V[]),
    ],
    contacts: [
      // Urgent, March 2021
      contact("K01", "A1", "U1", "2021-03-01T23:50:00", "PHONE", U, null, false), // 23:50 → 00:10 two dates later = 2 days: miss
      contact("K02", "A2", "U1", "2021-03-05T10:00:00", "CHAT", U, null, true), // cancelled, R60, then realised in U2 next day: hit, HOITAJA
      contact("K03", "A3", "U1", "2021-03-08T10:00:00", "MAISA", U, null, "1"), // tie at the same minute: V30 < V4 decides (LAAKARI)
      contact("K04", "A4", "U1", "2021-03-09T10:00:00", "OMAOLO", U, null, "0"), // only an R60 visit: not in the denominator
      contact("K05", "A6", "U1", "2021-03-10T23:30:00", "WALK_IN", U, null, false), // visit given in UTC: local date 2 days later
      contact("K06", "A7", "U2", "2021-03-15T08:00:00+02:00", "OTHER", U, null, false), // explicit offset, 1 day: hit, PSYKOLOGI
      contact("K07", "A8", "U1", "2021-03-20T10:00:00", "PHONE", U, null, false), // cancelled, R60, then 5 days: miss
      contact("K08", "A1", "U1", "2021-03-31T23:00:00", "PHONE", U, null, false), // visit next month, 1 day: hit, counted in March
      // Non-urgent, April 2021
      contact("K10", "A1", "U1", "2021-04-01T09:00:00", "PHONE", N, "2021-04-01T09:10:00", false, "PALJON_PALVELUJA"), // 10 days: hit; 0–7: miss
      contact("K11", "A2", "U1", "2021-04-02T09:00:00", "CHAT", N, "2021-04-02T23:50:00", true, "PALJON_PALVELUJA"), // 11 days: miss
      contact("K12", "A3", "U2", "2021-04-05T09:00:00", "PHONE", N, "2021-04-05T23:50:00", false), // 7 calendar days to a U1 physio visit: hit
      contact("K13", "A4", "U1", "2021-04-06T09:00:00", "PHONE", N, "2021-04-06T23:50:00", false), // 8 days to an OT visit: 0–7 miss
      contact("K14", "A5", "U1", "2021-04-07T09:00:00", "PHONE", N, "2021-04-09T10:00:00", false), // visit before the need assessment (−1 day)
      contact("K15", "A6", "U1", "2021-04-10T09:00:00", "PHONE", U, "2021-04-10T09:05:00", false), // urgent contact, non-urgent visit
      contact("K16", "A7", "U1", "2021-04-11T09:00:00", "PHONE", N, "2021-04-11T09:05:00", false), // non-urgent contact, urgent visit
      contact("K17", "A8", "U1", "2021-04-12T09:00:00", "PHONE", N, null, true), // no need assessment
      contact("K18", "A1", "U1", "2021-04-13T09:00:00", "PHONE", N, "2021-04-13T09:05:00", false), // only cancelled / R60 visits
      contact("K19", "A2", "U1", "2021-04-14T09:00:00", "PHONE", N, "2021-04-14T09:05:00", false), // profession MUU
      contact("K22", "A2", "U2", "2021-04-20T09:00:00", "PHONE", N, null, false, "PALJON_PALVELUJA"), // same client in two units
      contact("K23", "A3", "U1", "2021-04-21T09:00:00", "PHONE", N, null, false, "PALJON_PALVELUJA"),
      contact("K24", "A7", "U1", "2021-04-22T09:00:00", "MAISA", U, null, true, "PALJON_PALVELUJA"),
      // Oral care, May 2021
      contact("K20", "A3", "U3", "2021-05-01T09:00:00", "PHONE", N, "2021-05-01T10:00:00", false), // 90 and 91 days
      contact("K21", "A4", "U3", "2021-05-03T09:00:00", "PHONE", N, "2021-05-03T10:00:00", false),
      // Summer time offset
      contact("K25", "A5", "U2", "2021-07-01T00:30:00+03:00", "PHONE", N, null, true), // local 2021-07-01 00:30
      contact("K26", "A6", "U2", "2021-06-30T21:30:00Z", "PHONE", N, null, false), // local 2021-07-01 00:30: July, not June
    ],
    visits: [
      visit("V01", "A1", "U1", "K01", "2021-03-03T00:10:00", "LAAKARI", "R10", U),
      visit("V02a", "A2", "U1", "K02", "2021-03-05T11:00:00", "HOITAJA", "R10", U, true),
      visit("V02b", "A2", "U1", "K02", "2021-03-05T12:00:00", "LAAKARI", "R60", U),
      visit("V02c", "A2", "U2", "K02", "2021-03-06T08:00:00", "HOITAJA", "R10", U),
      visit("V30", "A3", "U1", "K03", "2021-03-08T11:00:00", "LAAKARI", "R10", U),
      visit("V4", "A3", "U1", "K03", "2021-03-08T11:00:00", "HOITAJA", "R10", U),
      visit("V05", "A4", "U1", "K04", "2021-03-09T11:00:00", "LAAKARI", "R60", U),
      visit("V06", "A6", "U1", "K05", "2021-03-11T22:30:00Z", "LAAKARI", "R10", U),
      visit("V07", "A7", "U2", "K06", "2021-03-16T23:59:00", "PSYKOLOGI", "R52", U),
      visit("V08", "A8", "U1", "K07", "2021-03-20T11:00:00", "LAAKARI", "R10", U, "1"),
      visit("V10", "A8", "U1", "K07", "2021-03-20T10:30:00", "LAAKARI", "R60", U),
      visit("V09", "A8", "U1", "K07", "2021-03-25T10:00:00", "LAAKARI", "R10", U, "0"),
      visit("V11", "A1", "U1", "K08", "2021-04-01T01:00:00", "LAAKARI", "R50", U),
      visit("V12", "A1", "U1", "K10", "2021-04-11T08:00:00", "HOITAJA"),
      visit("V13", "A2", "U1", "K11", "2021-04-13T10:00:00", "LAAKARI"),
      visit("V14", "A3", "U1", "K12", "2021-04-12T00:10:00", "FYSIOTERAPEUTTI"),
      visit("V15", "A4", "U1", "K13", "2021-04-14T00:10:00", "TOIMINTATERAPEUTTI"),
      visit("V16", "A5", "U1", "K14", "2021-04-08T10:00:00", "LAAKARI"),
      visit("V17", "A6", "U1", "K15", "2021-04-12T09:00:00", "LAAKARI", "R10", N),
      visit("V18", "A7", "U1", "K16", "2021-04-12T09:00:00", "HOITAJA", "R10", U),
      visit("V19", "A8", "U1", "K17", "2021-04-13T09:00:00", "HOITAJA"),
      visit("V20", "A1", "U1", "K18", "2021-04-14T09:00:00", "LAAKARI", "R10", N, true),
      visit("V21", "A1", "U1", "K18", "2021-04-14T09:30:00", "LAAKARI", "R60"),
      visit("V22", "A2", "U1", "K19", "2021-04-15T09:00:00", "MUU"),
      visit("V23", "A3", "U3", "K20", "2021-07-30T09:00:00", "HAMMASLAAKARI"),
      visit("V24", "A3", "U3", "K20", "2021-07-31T09:00:00", "SUUHYGIENISTI"),
      visit("V25", "A4", "U3", "K21", "2021-05-10T09:00:00", "HAMMASHOITAJA"),
      visit("V26", "A4", "U3", "K21", "2021-05-10T08:00:00", "HAMMASHOITAJA", "R10", N, true),
      visit("V27", "A5", "U2", "K25", "2021-07-02T09:00:00", "HOITAJA", "R56"),
      visit("V28", "A6", "U2", "K26", "2021-07-01T09:00:00", "HOITAJA", "R50"),
      // Visits without a contact: AUDIT-C screening (May 2021, 2022) and productivity (January 2021)
      visit("W01", "A3", "U1", null, "2021-05-05T10:00:00", "HOITAJA"), // 18: counted; AUDIT_C in U2 only
      visit("W02", "A4", "U1", null, "2021-05-05T11:00:00", "HOITAJA"), // 17 in 2021: not counted
      visit("W03", "A4", "U1", null, "2022-02-01T10:00:00", "HOITAJA"), // 18 in 2022; AUDIT_C in March
      visit("W04", "A6", "U1", null, "2021-05-07T10:00:00", "HOITAJA", "R10", N, true), // cancelled
      visit("W05", "A7", "U1", null, "2021-05-08T10:00:00", "HOITAJA", "R60"), // consultation
      visit("W06", "A8", "U1", null, "2021-05-09T10:00:00", "HOITAJA", "R50"), // remote, realised
      visit("X01", "A1", "U1", null, "2021-01-05T10:00:00", "LAAKARI"),
      visit("X02", "A2", "U1", null, "2021-01-06T10:00:00", "LAAKARI", "R50"),
      visit("X03", "A3", "U1", null, "2021-01-07T10:00:00", "PSYKOLOGI", "R52"), // no staffing for PSYKOLOGI
      visit("X04", "A4", "U1", null, "2021-01-08T10:00:00", "LAAKARI", "R56", N, true),
      visit("X05", "A5", "U1", null, "2021-01-09T10:00:00", "LAAKARI", "R60"),
      visit("X06", "A6", "U2", null, "2021-01-10T10:00:00", "HOITAJA", "R20"),
      visit("X07", "A1", "U2", null, "2021-01-11T10:00:00", "HOITAJA"), // A1 in two units
      visit("X08", "A2", "U1", null, "2021-01-31T23:30:00", "LAAKARI", "R10"),
      visit("X09", "A2", "U1", null, "2021-01-31T22:30:00Z", "LAAKARI", "R10"), // local 2021-02-01 00:30
      ...fillers.map((id, i) => visit(`F${i}`, id, i % 2 ? "U1" : "U2", null, `2021-01-${String(12 + i).padStart(2, "0")}T10:00:00`, i % 3 ? "LAAKARI" : "HOITAJA", i % 4 ? "R10" : "R52")),
    ],
    appointment_supply: [
      ["U1", "LAAKARI", "2021-01-04", 10],
      ["U1", "LAAKARI", "2021-01-11", 182], // only a waiting list: counts as 182
      ["U1", "LAAKARI", "2021-01-18", 20],
      ["U1", "LAAKARI", "2021-01-25", 30], // even count: (20 + 30) / 2
      ["U1", "HOITAJA", "2021-01-05", 3],
      ["U2", "LAAKARI", "2021-01-06", 7],
      ["U2", "LAAKARI", "2021-02-06", 0],
    ],
    customer_feedback: [
      ["R1", "U1", "2021-01-10", "PIKAPALAUTE", "NPS", 10],
      ["R1", "U1", "2021-01-10", "PIKAPALAUTE", "SUJUVA_PALVELU", 5],
      ["R2", "U1", "2021-01-11", "SMS", "NPS", 6],
      ["R2", "U1", "2021-01-11", "SMS", "SELKEAT_OHJEET", 3],
      ["R3", "U1", "2021-01-12", "SMS", "NPS", 7],
      ["R4", "U1", "2021-01-13", "KYSELY", "TULIN_KUULLUKSI", 4], // no NPS answer: no CX_NPS cell for KYSELY
      ["R4", "U1", "2021-01-13", "KYSELY", "SUJUVA_PALVELU", 2],
      ["R5", "U2", "2021-01-14", "MAISA", "NPS", 9],
      ["R5", "U2", "2021-01-14", "MAISA", "NPS", 0], // two NPS answers in one response
      ...Array.from({ length: 6 }, (_, i) => [`R${10 + i}`, "U1", "2021-02-0" + (i + 1), "SMS", "NPS", i + 4] as V[]),
      ...Array.from({ length: 6 }, (_, i) => [`R${10 + i}`, "U1", "2021-02-0" + (i + 1), "SMS", "ELAMANTILANNE", (i % 5) + 1] as V[]),
    ],
    staff_survey: [
      ...Array.from({ length: 12 }, (_, i) => [
        ["2021-KEVAT", i < 9 ? "U1" : "U2", `R${i + 1}`, "2021-03-10", "ENPS", i % 11],
        ["2021-KEVAT", i < 9 ? "U1" : "U2", `R${i + 1}`, "2021-03-10", "TYOKYKY", 10 - (i % 11)],
        ["2021-KEVAT", i < 9 ? "U1" : "U2", `R${i + 1}`, "2021-03-10", "TYON_MERKITYS", (i % 5) + 1],
      ] as V[][]).flat(),
      // The same respondent ids in another survey are other respondents (survey_id + respondent_id).
      ...Array.from({ length: 6 }, (_, i) => ["2021-SYKSY", "U1", `R${i + 1}`, "2021-10-05", "ENPS", 10 - i] as V[]),
      ...Array.from({ length: 6 }, (_, i) => ["2021-SYKSY", "U1", `R${i + 1}`, "2021-10-05", "ESIHENKILOTYO", 5 - (i % 5)] as V[]),
    ],
    staffing: [
      ["U1", "2021-01", "LAAKARI", 2.4, 3, 4.5, 1, 120.5],
      ["U1", "2021-02", "LAAKARI", 3.6, 4, 0, 0, 0],
      ["U1", "2021-03", "LAAKARI", 3, 4, 2, 0, 10],
      ["U1", "2021-01", "HOITAJA", 5, 6, 3, 0, 0], // no U1 nurse visits in January: written as 0
      ["U2", "2021-01", "HOITAJA", 0, 1, 0, 0, 0], // zero FTE: person-years 0, not written
      ["U2", "2021-02", "HOITAJA", 1.5, 2, 1, 1, 8],
      ["U2", "2021-01", "LAAKARI", 6, 7, 1.25, 0, 300],
    ],
    costs: [
      ["U1", "2021-01", "HENKILOSTO", 1000.5],
      ["U1", "2021-01", "TILAT", -50.25], // a correction
      ["U2", "2021-01", "MUU", 200],
      ["U3", "2021-01", "MUU", 500], // no U3 visits in January: no cell for U3, but in the ALL sum
      ["U1", "2021-03", "PALVELUSETELIT", 10],
    ],
    service_vouchers: [
      ["S1", "A1", "U3", "2021-02-01", "2023-06-01", 100], // used after the period (and after the extract)
      ["S2", "A2", "U3", "2021-02-03", null, 100],
      ["S3", "A3", "U3", "2021-02-05", "2021-02-20", 100],
      ["S4", "A4", "U1", "2021-03-05", null, 50],
    ],
    conditions: [
      ["A1", "E11.9", "2021-03-15"],
      ["A2", "E11", "2021-04-10"], // recorded after March: not in March or Q1, in H1
      ["A3", "E119", "2010-01-01"],
      ["A5", "E10", "2015-01-01"], // type 1: never counted
      ["A6", "E11", "2020-01-01"],
      ["A7", "E11.2", "2023-02-01"], // after the extract period
      ["A8", "E11", "2021-12-31"], // the period's last day
      ["A8", "E11.5", "2022-06-01"], // a second E11… recording
    ],
    measurements: [
      ["A1", "U1", "2021-03-01", "HBA1C", 60],
      ["A1", "U2", "2021-03-20", "HBA1C", 50], // ALL: latest 50 (hit); U1: 60 (miss); U2: 50 (hit)
      ["A2", "U1", "2021-03-05", "HBA1C", 40],
      ["A3", "U1", "2021-05-05", "HBA1C", 52],
      ["A3", "U1", "2021-05-05", "HBA1C", 55], // tie on the date: the highest value (55, miss)
      ["A3", "U2", "2021-05-05", "HBA1C", 40], // U2 alone: 40 (hit)
      ["A5", "U1", "2021-03-10", "HBA1C", 45],
      ["A6", "U1", "2021-06-01", "HBA1C", 45],
      ["A6", "U1", "2021-06-15", "HBA1C", 53], // latest 53: not < 53
      ["A7", "U1", "2021-06-10", "HBA1C", 48],
      ["A8", "U2", "2021-12-01", "HBA1C", 50.5],
      ["A8", "U2", "2022-01-10", "HBA1C", 52.9],
      // AUDIT-C screening
      ["A3", "U2", "2021-05-06", "AUDIT_C", 3],
      ["A4", "U1", "2021-05-06", "AUDIT_C", 2],
      ["A4", "U1", "2022-03-01", "AUDIT_C", 2],
      ["A6", "U1", "2021-05-07", "AUDIT_C", 1],
      // AUDIT-C risk (July 2021)
      ["A1", "U1", "2021-07-01", "AUDIT_C", 5], // sex 9, 41: risky; IHA21 exactly 30 days later in U2
      ["A5", "U1", "2021-07-02", "AUDIT_C", 5], // man, 64: not risky
      ["A2", "U1", "2021-07-03", "AUDIT_C", 4], // man, 65: risky; IHA21 31 days later
      ["A6", "U2", "2021-07-04", "AUDIT_C", 5], // woman, 31: risky; IHA21 the day before
      ["A6", "U1", "2021-07-20", "AUDIT_C", 7], // risky; IHA21 the same day
      ["A7", "U1", "2021-07-25", "AUDIT_C", 6], // man, 36: risky; IHA21 in August
      ["A8", "U1", "2021-07-05", "AUDIT_C", 4], // sex 9, 51: not risky
      ["A5", "U1", "2021-07-10", "AUDIT_C", 6], // man, 64: risky, no intervention
      ["A4", "U2", "2021-07-11", "AUDIT_C", 5], // man, 17: not risky
      ["A3", "U2", "2021-07-12", "AUDIT_C", 5], // woman, 18: risky; IHA20 is not IHA21
      ["A1", "U1", "2021-07-15", "PHQ9", 12],
      ["A1", "U1", "2021-07-15", "EQ5D_INDEX", -0.2],
    ],
    interventions: [
      ["A1", "U2", "2021-07-31", "IHA21"],
      ["A2", "U1", "2021-08-03", "IHA21"],
      ["A6", "U2", "2021-07-03", "IHA21"],
      ["A6", "U1", "2021-07-20", "IHA21"],
      ["A7", "U1", "2021-08-10", "IHA21"],
      ["A3", "U2", "2021-07-13", "IHA20"],
    ],
  };
}

/** Writes the edge-case extract (CSV + manifest.json) into dir, without the optional tables in `omit`. */
export function writeEdgeExtract(dir: string, omit: string[] = []): string {
  mkdirSync(dir, { recursive: true });
  const tables = Object.fromEntries(Object.entries(edgeTables()).filter(([name]) => !omit.includes(name)));
  const counts: Record<string, { rows: number }> = {};
  for (const [name, rows] of Object.entries(tables)) {
    const cols = COLUMNS[name];
    for (const r of rows) if (r.length !== cols.length) throw new Error(`${name}: row ${JSON.stringify(r)} has ${r.length} fields`);
    writeFileSync(join(dir, `${name}.csv`), [cols.join(","), ...rows.map((r) => r.map(field).join(","))].join("\r\n") + "\r\n");
    counts[name] = { rows: rows.length };
  }
  const manifest = {
    source: "reference edge cases",
    extracted_at: "2023-01-05T06:00:00",
    period: { from: "2021-01-01", to: "2022-12-31" },
    tables: counts,
  };
  writeFileSync(join(dir, "manifest.json"), JSON.stringify(manifest, null, 2));
  return dir;
}
