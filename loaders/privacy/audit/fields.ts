// Which unknowns a withheld cell has, and which of them the privacy threshold
// counts. Read from the catalogue (unit, privacy) and from what the published
// rows of the indicator actually carry.
import type { IndicatorTable } from "./published.ts";

/** num/den are the export's columns; net = promoters − detractors = value × den / 100 for NPS-type indicators. */
export type Field = "num" | "den" | "net";

export interface CatalogueEntry {
  id: string;
  unit: string;
  privacy: { n: string; threshold: number } | { suppress: false };
}

export interface IndicatorFields {
  fields: Field[];
  nps: boolean;
  /** The field whose range must stay at least `threshold` wide, or null when rule (b) does not apply. */
  countField: Field | null;
  threshold: number | null;
}

// n kinds whose count is a published column, so a narrowed range reveals a small cell.
const COUNTED: Record<string, "num" | "den"> = {
  denominator: "den",
  "distinct response_id": "den",
  "distinct respondents": "den",
  count: "num",
};

export function fieldsOf(table: IndicatorTable, entry: CatalogueEntry | undefined): IndicatorFields {
  const nps = entry?.unit === "nps";
  let fields: Field[];
  const published = table.rows.filter((r) => !r.suppressed);
  if (nps) fields = ["net", "den"];
  else if (published.length) {
    fields = [];
    if (published.some((r) => r.numerator !== null)) fields.push("num");
    if (published.some((r) => r.denominator !== null)) fields.push("den");
  } else fields = entry?.unit === "count" ? ["num"] : entry?.unit === "days" ? ["den"] : ["num", "den"];
  let countField: Field | null = null;
  let threshold: number | null = null;
  if (entry && !("suppress" in entry.privacy)) {
    threshold = entry.privacy.threshold;
    // "average headcount" indicators publish person-years, which never bound a
    // headcount from above (part-time staff can make many heads one person-year),
    // so no published range can narrow their n: rule (b) is skipped for them.
    const f = COUNTED[entry.privacy.n];
    if (f && fields.includes(f)) countField = f;
  }
  return { fields, nps, countField, threshold };
}

/** The published number of `field` in a published row, or null when the row leaves it empty. */
export function publishedField(r: { numerator: number | null; denominator: number | null; value: number | null }, field: Field): number | null {
  if (field === "num") return r.numerator;
  if (field === "den") return r.denominator;
  return r.value === null || r.denominator === null ? null : (r.value * r.denominator) / 100;
}
