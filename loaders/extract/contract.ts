// The extract contract (docs/extract-contract.md) as data: validation,
// ingestion and the generator all read these definitions, so a rule lives once.

export type ColumnType =
  | "string"
  | "code"
  | "integer"
  | "decimal"
  | "boolean"
  | "timestamp"
  | "date"
  | "month";

export interface ColumnSpec {
  name: string;
  type: ColumnType;
  nullable?: boolean;
  /** Allowed codes, for type "code". */
  codes?: readonly string[];
  /** Inclusive numeric range. */
  min?: number;
  max?: number;
  /** "extract-year" = the year of the manifest's extracted_at. */
  maxIs?: "extract-year";
  /** Another table's key this column must name. */
  references?: {
    table: TableName;
    column: string;
    /** This row's `column` may not be earlier than the referenced row's `than` (checked in the same join). */
    notBefore?: { column: string; than: string; rule: string };
  };
  /** The anchor date of the row: must lie inside the manifest's period. */
  anchor?: boolean;
  /** This column may not be earlier than another column of the same row. */
  notBefore?: string;
}

export interface TableSpec {
  name: TableName;
  required: boolean;
  /** Column(s) that must be unique. */
  key?: readonly string[];
  columns: readonly ColumnSpec[];
  /** A score/value whose range depends on a code in the same row. */
  rangeBy?: { column: string; by: string; ranges: Readonly<Record<string, readonly [number, number]>> };
}

export const AREAS = ["ITA", "POHJOINEN", "ETELA", "LANSI", "KESKI", "KOILLINEN"] as const;
export const OPERATING_MODELS = ["THK", "PERHEKESKUS", "SENIORIKESKUS"] as const;
export const SERVICE_AREAS = [
  "TERVEYSASEMA", "SUUN_TERVEYDENHUOLTO", "PSYKIATRIA_PAIHDE", "AIKUISSOSIAALITYO", "NUORTEN_PALVELUT",
  "FYSIOTERAPIA", "VAMMAISPALVELUT", "NEUVOLA", "PERHETYO", "KOTIHOITO", "PALVELUKESKUS", "MUU",
] as const;
export const PROFESSIONS = [
  "LAAKARI", "HOITAJA", "FYSIOTERAPEUTTI", "TOIMINTATERAPEUTTI", "HAMMASLAAKARI", "SUUHYGIENISTI",
  "HAMMASHOITAJA", "PSYKOLOGI", "SOSIAALITYONTEKIJA", "SOSIAALIOHJAAJA", "MUU",
] as const;
export const CONTACT_CHANNELS = ["PHONE", "CHAT", "MAISA", "OMAOLO", "WALK_IN", "OTHER"] as const;
export const URGENCIES = ["KIIREELLINEN", "KIIREETON"] as const;
export const CORE_PROCESSES = ["ASIAKKAAKSI_TULO", "PALJON_PALVELUJA", "SATUNNAISESTI", "RISKIRYHMAT"] as const;
export const SEGMENTS = ["PARJAAJA", "YHTEISTYO", "TUKI", "HUOLENPITO"] as const;
export const CONTACT_MODES = [
  "R10", "R20", "R30", "R40", "R41", "R50", "R52", "R56", "R60", "R71", "R72", "R80", "R90",
] as const;
export const FEEDBACK_CHANNELS = ["PIKAPALAUTE", "KYSELY", "SMS", "MAISA"] as const;
export const CX_STATEMENTS = [
  "SUJUVA_PALVELU", "SELKEAT_OHJEET", "SUJUVA_ILMOITTAUTUMINEN", "SAIN_TARVITSEMANI", "TULIN_KUULLUKSI",
  "ELAMANTILANNE", "TIEDAN_ETENEMISEN",
] as const;
export const STAFF_STATEMENTS = [
  "TYON_MERKITYS", "VAIKUTUSMAHDOLLISUUDET", "ESIHENKILOTYO", "KUORMITUS_HALLINNASSA", "YHTEISTYO_YLI_RAJOJEN",
] as const;
export const COST_CATEGORIES = ["HENKILOSTO", "PALVELUOSTOT", "PALVELUSETELIT", "TILAT", "MUU"] as const;
export const MEASURE_CODES = ["HBA1C", "AUDIT_C", "PHQ9", "EQ5D_INDEX"] as const;

const scale = (codes: readonly string[], lo: number, hi: number) =>
  Object.fromEntries(codes.map((c) => [c, [lo, hi] as const]));

const unitRef = { table: "units", column: "unit_id" } as const;
const clientRef = { table: "clients", column: "client_id" } as const;

export const TABLES = [
  {
    name: "units",
    required: true,
    key: ["unit_id"],
    columns: [
      { name: "unit_id", type: "string" },
      { name: "unit_name_fi", type: "string" },
      { name: "unit_name_sv", type: "string", nullable: true },
      { name: "operating_model", type: "code", codes: OPERATING_MODELS },
      { name: "service_area", type: "code", codes: SERVICE_AREAS },
      { name: "area", type: "code", codes: AREAS },
    ],
  },
  {
    name: "clients",
    required: true,
    key: ["client_id"],
    columns: [
      { name: "client_id", type: "string" },
      { name: "birth_year", type: "integer", min: 1900, maxIs: "extract-year" },
      { name: "sex", type: "code", codes: ["1", "2", "9"] },
      { name: "home_area", type: "code", codes: AREAS, nullable: true },
      { name: "segment", type: "code", codes: SEGMENTS, nullable: true },
      { name: "language", type: "code", codes: ["fi", "sv", "other"], nullable: true },
      { name: "contact_person_assigned", type: "boolean", nullable: true },
    ],
  },
  {
    name: "contacts",
    required: true,
    key: ["contact_id"],
    columns: [
      { name: "contact_id", type: "string" },
      { name: "client_id", type: "string", references: clientRef },
      { name: "unit_id", type: "string", references: unitRef },
      { name: "contact_ts", type: "timestamp", anchor: true },
      { name: "channel", type: "code", codes: CONTACT_CHANNELS },
      { name: "urgency", type: "code", codes: URGENCIES },
      { name: "need_assessment_ts", type: "timestamp", nullable: true, notBefore: "contact_ts" },
      { name: "assessor_profession", type: "code", codes: PROFESSIONS, nullable: true },
      { name: "resolved_at_first_contact", type: "boolean" },
      { name: "core_process", type: "code", codes: CORE_PROCESSES, nullable: true },
    ],
  },
  {
    name: "visits",
    required: true,
    key: ["visit_id"],
    columns: [
      { name: "visit_id", type: "string" },
      { name: "client_id", type: "string", references: clientRef },
      { name: "unit_id", type: "string", references: unitRef },
      {
        name: "contact_id",
        type: "string",
        nullable: true,
        references: { table: "contacts", column: "contact_id", notBefore: { column: "visit_start_ts", than: "contact_ts", rule: "visit starts before its contact" } },
      },
      { name: "visit_start_ts", type: "timestamp", anchor: true },
      { name: "visit_end_ts", type: "timestamp", nullable: true, notBefore: "visit_start_ts" },
      { name: "profession", type: "code", codes: PROFESSIONS },
      { name: "contact_mode", type: "code", codes: CONTACT_MODES },
      { name: "urgency", type: "code", codes: URGENCIES },
      { name: "visit_nature", type: "code", codes: ["SH", "TH"], nullable: true },
      { name: "cancelled", type: "boolean" },
    ],
  },
  {
    name: "appointment_supply",
    required: false,
    columns: [
      { name: "unit_id", type: "string", references: unitRef },
      { name: "profession", type: "code", codes: PROFESSIONS },
      { name: "measured_on", type: "date", anchor: true },
      { name: "third_available_days", type: "integer", min: 0, max: 182 },
    ],
  },
  {
    name: "customer_feedback",
    required: false,
    columns: [
      { name: "response_id", type: "string" },
      { name: "unit_id", type: "string", references: unitRef },
      { name: "responded_on", type: "date", anchor: true },
      { name: "channel", type: "code", codes: FEEDBACK_CHANNELS },
      { name: "question_code", type: "code", codes: ["NPS", ...CX_STATEMENTS] },
      { name: "score", type: "integer" },
    ],
    rangeBy: { column: "score", by: "question_code", ranges: { NPS: [0, 10], ...scale(CX_STATEMENTS, 1, 5) } },
  },
  {
    name: "staff_survey",
    required: false,
    columns: [
      { name: "survey_id", type: "string" },
      { name: "unit_id", type: "string", references: unitRef },
      { name: "respondent_id", type: "string" },
      { name: "answered_on", type: "date", anchor: true },
      { name: "question_code", type: "code", codes: ["ENPS", "TYOKYKY", ...STAFF_STATEMENTS] },
      { name: "score", type: "integer" },
    ],
    rangeBy: {
      column: "score",
      by: "question_code",
      ranges: { ENPS: [0, 10], TYOKYKY: [0, 10], ...scale(STAFF_STATEMENTS, 1, 5) },
    },
  },
  {
    name: "staffing",
    required: false,
    columns: [
      { name: "unit_id", type: "string", references: unitRef },
      { name: "month", type: "month", anchor: true },
      { name: "profession", type: "code", codes: PROFESSIONS },
      { name: "fte", type: "decimal", min: 0 },
      { name: "headcount", type: "integer", min: 0 },
      { name: "sick_leave_days", type: "decimal", min: 0 },
      { name: "voluntary_exits", type: "integer", min: 0 },
      { name: "agency_hours", type: "decimal", min: 0 },
    ],
  },
  {
    name: "costs",
    required: false,
    columns: [
      { name: "unit_id", type: "string", references: unitRef },
      { name: "month", type: "month", anchor: true },
      { name: "cost_category", type: "code", codes: COST_CATEGORIES },
      { name: "cost_eur", type: "decimal" },
    ],
  },
  {
    name: "service_vouchers",
    required: false,
    key: ["voucher_id"],
    columns: [
      { name: "voucher_id", type: "string" },
      { name: "client_id", type: "string", references: clientRef },
      { name: "unit_id", type: "string", references: unitRef },
      { name: "issued_on", type: "date", anchor: true },
      { name: "used_on", type: "date", nullable: true },
      { name: "value_eur", type: "decimal", min: 0 },
    ],
  },
  {
    name: "conditions",
    required: false,
    columns: [
      { name: "client_id", type: "string", references: clientRef },
      { name: "condition_code", type: "string" },
      { name: "recorded_on", type: "date" },
    ],
  },
  {
    name: "measurements",
    required: false,
    columns: [
      { name: "client_id", type: "string", references: clientRef },
      { name: "unit_id", type: "string", references: unitRef },
      { name: "measured_on", type: "date", anchor: true },
      { name: "measure_code", type: "code", codes: MEASURE_CODES },
      { name: "value", type: "decimal" },
    ],
    // HbA1c has no range in the contract; 0..300 mmol/mol rejects only impossible values.
    rangeBy: {
      column: "value",
      by: "measure_code",
      ranges: { HBA1C: [0, 300], AUDIT_C: [0, 12], PHQ9: [0, 27], EQ5D_INDEX: [-0.6, 1] },
    },
  },
  {
    name: "interventions",
    required: false,
    columns: [
      { name: "client_id", type: "string", references: clientRef },
      { name: "unit_id", type: "string", references: unitRef },
      { name: "performed_on", type: "date", anchor: true },
      { name: "procedure_code", type: "string" },
    ],
  },
] as const satisfies readonly TableSpec[];

export type TableName =
  | "units" | "clients" | "contacts" | "visits" | "appointment_supply" | "customer_feedback" | "staff_survey"
  | "staffing" | "costs" | "service_vouchers" | "conditions" | "measurements" | "interventions";

export const TABLE_NAMES: readonly TableName[] = TABLES.map((t) => t.name);

export function tableSpec(name: string): TableSpec | undefined {
  return (TABLES as readonly TableSpec[]).find((t) => t.name === name);
}

/** The manifest.json of an extract folder. */
export interface Manifest {
  source: string;
  extracted_at: string;
  period: { from: string; to: string };
  tables: Record<string, { rows: number }>;
}
