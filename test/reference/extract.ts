// Reads a CSV extract folder (per the extract contract) into typed rows.
// Timestamps become Finnish local "YYYY-MM-DDTHH:MM:SS", dates "YYYY-MM-DD",
// booleans true/false (CSV also 1/0), numbers numbers, empty fields null.
// An optional table that is absent gives no rows.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parseCsv, type CsvRow } from "./csv.ts";
import { localTimestamp } from "./time.ts";

export interface Unit { unit_id: string; service_area: string }
export interface Client { client_id: string; birth_year: number; sex: string; contact_person_assigned: boolean | null }
export interface Contact {
  contact_id: string; client_id: string; unit_id: string; contact_ts: string; channel: string; urgency: string;
  need_assessment_ts: string | null; resolved_at_first_contact: boolean; core_process: string | null;
}
export interface Visit {
  visit_id: string; client_id: string; unit_id: string; contact_id: string | null; visit_start_ts: string;
  profession: string; contact_mode: string; urgency: string; cancelled: boolean;
}
export interface Supply { unit_id: string; profession: string; measured_on: string; third_available_days: number }
export interface Feedback { response_id: string; unit_id: string; responded_on: string; channel: string; question_code: string; score: number }
export interface StaffAnswer { survey_id: string; unit_id: string; respondent_id: string; answered_on: string; question_code: string; score: number }
export interface Staffing {
  unit_id: string; month: string; profession: string; fte: number; headcount: number;
  sick_leave_days: number; voluntary_exits: number; agency_hours: number;
}
export interface Cost { unit_id: string; month: string; cost_category: string; cost_eur: number }
export interface Voucher { voucher_id: string; client_id: string; unit_id: string; issued_on: string; used_on: string | null }
export interface Condition { client_id: string; condition_code: string; recorded_on: string }
export interface Measurement { client_id: string; unit_id: string; measured_on: string; measure_code: string; value: number }
export interface Intervention { client_id: string; unit_id: string; performed_on: string; procedure_code: string }

export interface Extract {
  units: Unit[]; clients: Client[]; contacts: Contact[]; visits: Visit[];
  appointment_supply: Supply[]; customer_feedback: Feedback[]; staff_survey: StaffAnswer[];
  staffing: Staffing[]; costs: Cost[]; service_vouchers: Voucher[]; conditions: Condition[];
  measurements: Measurement[]; interventions: Intervention[];
  /** Tables present in the folder. */
  present: Set<string>;
}

const str = (r: CsvRow, c: string): string => {
  const v = r[c];
  if (v === null || v === undefined) throw new Error(`column ${c} is empty`);
  return v;
};
const opt = (r: CsvRow, c: string): string | null => r[c] ?? null;
const num = (r: CsvRow, c: string): number => {
  const v = Number(str(r, c));
  if (!Number.isFinite(v)) throw new Error(`column ${c}: not a number: ${r[c]}`);
  return v;
};
function bool(v: string | null): boolean | null {
  if (v === null) return null;
  const s = v.trim().toLowerCase();
  if (s === "true" || s === "1") return true;
  if (s === "false" || s === "0") return false;
  throw new Error(`not a boolean: ${v}`);
}
const ts = (r: CsvRow, c: string) => localTimestamp(str(r, c));
const optTs = (r: CsvRow, c: string) => (r[c] == null ? null : localTimestamp(r[c]!));
const date = (r: CsvRow, c: string) => str(r, c).slice(0, 10);

function read(dir: string, table: string, present: Set<string>): CsvRow[] {
  const file = join(dir, `${table}.csv`);
  if (!existsSync(file)) return [];
  present.add(table);
  return parseCsv(readFileSync(file, "utf8"));
}

export function readExtract(dir: string): Extract {
  const present = new Set<string>();
  const t = (name: string) => read(dir, name, present);
  return {
    units: t("units").map((r) => ({ unit_id: str(r, "unit_id"), service_area: str(r, "service_area") })),
    clients: t("clients").map((r) => ({
      client_id: str(r, "client_id"), birth_year: num(r, "birth_year"), sex: str(r, "sex"),
      contact_person_assigned: bool(opt(r, "contact_person_assigned")),
    })),
    contacts: t("contacts").map((r) => ({
      contact_id: str(r, "contact_id"), client_id: str(r, "client_id"), unit_id: str(r, "unit_id"),
      contact_ts: ts(r, "contact_ts"), channel: str(r, "channel"), urgency: str(r, "urgency"),
      need_assessment_ts: optTs(r, "need_assessment_ts"),
      resolved_at_first_contact: bool(str(r, "resolved_at_first_contact"))!, core_process: opt(r, "core_process"),
    })),
    visits: t("visits").map((r) => ({
      visit_id: str(r, "visit_id"), client_id: str(r, "client_id"), unit_id: str(r, "unit_id"),
      contact_id: opt(r, "contact_id"), visit_start_ts: ts(r, "visit_start_ts"), profession: str(r, "profession"),
      contact_mode: str(r, "contact_mode"), urgency: str(r, "urgency"), cancelled: bool(str(r, "cancelled"))!,
    })),
    appointment_supply: t("appointment_supply").map((r) => ({
      unit_id: str(r, "unit_id"), profession: str(r, "profession"), measured_on: date(r, "measured_on"),
      third_available_days: num(r, "third_available_days"),
    })),
    customer_feedback: t("customer_feedback").map((r) => ({
      response_id: str(r, "response_id"), unit_id: str(r, "unit_id"), responded_on: date(r, "responded_on"),
      channel: str(r, "channel"), question_code: str(r, "question_code"), score: num(r, "score"),
    })),
    staff_survey: t("staff_survey").map((r) => ({
      survey_id: str(r, "survey_id"), unit_id: str(r, "unit_id"), respondent_id: str(r, "respondent_id"),
      answered_on: date(r, "answered_on"), question_code: str(r, "question_code"), score: num(r, "score"),
    })),
    staffing: t("staffing").map((r) => ({
      unit_id: str(r, "unit_id"), month: str(r, "month").slice(0, 7), profession: str(r, "profession"),
      fte: num(r, "fte"), headcount: num(r, "headcount"), sick_leave_days: num(r, "sick_leave_days"),
      voluntary_exits: num(r, "voluntary_exits"), agency_hours: num(r, "agency_hours"),
    })),
    costs: t("costs").map((r) => ({
      unit_id: str(r, "unit_id"), month: str(r, "month").slice(0, 7), cost_category: str(r, "cost_category"),
      cost_eur: num(r, "cost_eur"),
    })),
    service_vouchers: t("service_vouchers").map((r) => ({
      voucher_id: str(r, "voucher_id"), client_id: str(r, "client_id"), unit_id: str(r, "unit_id"),
      issued_on: date(r, "issued_on"), used_on: r.used_on == null ? null : r.used_on.slice(0, 10),
    })),
    conditions: t("conditions").map((r) => ({
      client_id: str(r, "client_id"), condition_code: str(r, "condition_code"), recorded_on: date(r, "recorded_on"),
    })),
    measurements: t("measurements").map((r) => ({
      client_id: str(r, "client_id"), unit_id: str(r, "unit_id"), measured_on: date(r, "measured_on"),
      measure_code: str(r, "measure_code"), value: num(r, "value"),
    })),
    interventions: t("interventions").map((r) => ({
      client_id: str(r, "client_id"), unit_id: str(r, "unit_id"), performed_on: date(r, "performed_on"),
      procedure_code: str(r, "procedure_code"),
    })),
    present,
  };
}
