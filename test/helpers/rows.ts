// Row builders with contract-valid defaults, so each test states only what it checks.
import type { Row } from "./extract.ts";

export const unit = (unit_id: string, extra: Row = {}): Row => ({
  unit_id, unit_name_fi: `Yksikkö ${unit_id}`, unit_name_sv: null, operating_model: "THK", service_area: "TERVEYSASEMA", area: "ITA", ...extra,
});
export const client = (client_id: string, extra: Row = {}): Row => ({
  client_id, birth_year: 1980, sex: "2", home_area: null, segment: null, language: "fi", contact_person_assigned: null, ...extra,
});
export const contact = (contact_id: string, contact_ts: string, extra: Row = {}): Row => ({
  contact_id, client_id: "C1", unit_id: "U1", contact_ts, channel: "PHONE", urgency: "KIIREETON",
  need_assessment_ts: null, assessor_profession: null, resolved_at_first_contact: false, core_process: null, ...extra,
});
export const visit = (visit_id: string, visit_start_ts: string, extra: Row = {}): Row => ({
  visit_id, client_id: "C1", unit_id: "U1", contact_id: null, visit_start_ts, visit_end_ts: null, profession: "LAAKARI",
  contact_mode: "R10", urgency: "KIIREETON", visit_nature: "SH", cancelled: false, ...extra,
});
