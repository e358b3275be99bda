// Reads and checks manifest.json, the extract's own description of itself.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Manifest } from "./contract.ts";
import type { Violation } from "../validate/violations.ts";

const FILE = "manifest.json";
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}(:?\d{2})?)?$/;

export function readManifest(dir: string): { manifest: Manifest | null; violations: Violation[] } {
  const path = join(dir, FILE);
  const problem = (column: string | null, value: string | null, rule: string): Violation => ({
    file: FILE,
    row: null,
    column,
    value,
    rule,
  });
  if (!existsSync(path)) return { manifest: null, violations: [problem(null, null, "manifest.json is missing: every extract must describe itself")] };
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, "utf8").replace(/^\uFEFF/, ""));
  } catch (e) {
    return { manifest: null, violations: [problem(null, null, `not valid JSON: ${(e as Error).message}`)] };
  }
  const violations: Violation[] = [];
  const m = parsed as Partial<Manifest> & Record<string, unknown>;
  if (typeof m !== "object" || m === null || Array.isArray(m)) {
    return { manifest: null, violations: [problem(null, null, "must be a JSON object")] };
  }
  if (typeof m.source !== "string" || m.source === "") violations.push(problem("source", str(m.source), "required text field missing"));
  if (typeof m.extracted_at !== "string" || !isTimestampOrDate(m.extracted_at))
    violations.push(problem("extracted_at", str(m.extracted_at), "must be an ISO 8601 timestamp"));
  const period = m.period as Manifest["period"] | undefined;
  if (typeof period !== "object" || period === null) violations.push(problem("period", str(period), "must be an object {from, to}"));
  else {
    for (const key of ["from", "to"] as const) {
      if (typeof period[key] !== "string" || !isDate(period[key])) violations.push(problem(`period.${key}`, str(period[key]), "must be a date YYYY-MM-DD"));
    }
    if (isDate(period.from) && isDate(period.to) && period.from > period.to)
      violations.push(problem("period", `${period.from}..${period.to}`, "period.from is after period.to"));
  }
  const tables = m.tables as Manifest["tables"] | undefined;
  if (typeof tables !== "object" || tables === null || Array.isArray(tables)) violations.push(problem("tables", str(tables), "must be an object of {table: {rows}}"));
  else {
    for (const [name, entry] of Object.entries(tables)) {
      const rows = (entry as { rows?: unknown } | null)?.rows;
      if (typeof rows !== "number" || !Number.isInteger(rows) || rows < 0)
        violations.push(problem(`tables.${name}.rows`, str(rows), "must be a non-negative whole number"));
    }
  }
  return { manifest: violations.length ? null : (m as Manifest), violations };
}

function isDate(s: unknown): s is string {
  if (typeof s !== "string" || !DATE.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

function isTimestampOrDate(s: string): boolean {
  // The timestamp test first: after a failed isDate(s) guard, TypeScript takes s for never.
  return (TIMESTAMP.test(s) && isDate(s.slice(0, 10))) || isDate(s);
}

function str(v: unknown): string | null {
  return v === undefined ? null : typeof v === "string" ? v : JSON.stringify(v);
}
