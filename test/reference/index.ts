// The reference implementation of docs/indicators.md, in plain
// TypeScript: extract folder → unsuppressed cells. Independent of the
// project's SQL. (Suppression has no reference copy: the audit, which shares
// no code with it, judges what the pipeline publishes.)
import { readFileSync } from "node:fs";
import { accessCells } from "./access.ts";
import type { RefCell } from "./cells.ts";
import { effectCells } from "./effect.ts";
import { experienceCells } from "./experience.ts";
import { readExtract } from "./extract.ts";
import { staffingCells } from "./staffing.ts";

export type { RefCell } from "./cells.ts";

/**
 * The optional tables each indicator's definition reads. "An optional table
 * that is absent gives no rows for its indicators" (indicators.md) and "their
 * indicators are shown as 'no data' when absent, never as zero"
 * (extract-contract.md): so e.g. EFF_MINI_INTERVENTION has no rows without
 * `interventions`, and EFF_AUDIT_SCREENING none without `measurements`.
 */
export const OPTIONAL_SOURCES: Record<string, string[]> = {
  ACC_T3_MEDIAN: ["appointment_supply"],
  ACC_VOUCHER_USE: ["service_vouchers"],
  EFF_DIABETES_BALANCE: ["measurements", "conditions"],
  EFF_AUDIT_SCREENING: ["measurements"],
  EFF_MINI_INTERVENTION: ["measurements", "interventions"],
  CX_NPS: ["customer_feedback"],
  CX_STATEMENT_MEAN: ["customer_feedback"],
  CX_RESPONSES: ["customer_feedback"],
  STAFF_ENPS: ["staff_survey"],
  STAFF_WORKABILITY: ["staff_survey"],
  STAFF_STATEMENT_MEAN: ["staff_survey"],
  STAFF_SICK_LEAVE: ["staffing"],
  STAFF_TURNOVER: ["staffing"],
  STAFF_AGENCY_SHARE: ["staffing"],
  PROD_VISITS_PER_FTE: ["staffing"],
  PROD_COST_PER_VISIT: ["costs"],
  PROD_COST_PER_CLIENT: ["costs"],
};

export function referenceCells(dir: string): RefCell[] {
  const x = readExtract(dir);
  const cells = [...accessCells(x), ...effectCells(x), ...experienceCells(x), ...staffingCells(x)];
  return cells.filter((c) => (OPTIONAL_SOURCES[c.indicator_id] ?? []).every((t) => x.present.has(t)));
}

export type Privacy = { n: string; threshold: number } | { suppress: false };

/** Privacy rules per indicator id from data/indicators.json. */
export function privacyRules(cataloguePath: string): Map<string, Privacy> {
  const catalogue = JSON.parse(readFileSync(cataloguePath, "utf8")) as { indicators: { id: string; privacy: Privacy }[] };
  return new Map(catalogue.indicators.map((i) => [i.id, i.privacy]));
}

