// Writes tiny extract folders for tests: rows as objects, CSV per the
// contract, and a manifest whose row counts match unless told otherwise.
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { TABLES, type Manifest } from "../../loaders/extract/contract.ts";

export type Row = Record<string, string | number | boolean | null | undefined>;
export type Tables = Record<string, Row[]>;

export function tempDir(prefix = "extract-"): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

function field(v: Row[string]): string {
  if (v === null || v === undefined) return "";
  const s = String(v);
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

export function toCsv(table: string, rows: Row[], columns?: string[]): string {
  const cols = columns ?? TABLES.find((t) => t.name === table)!.columns.map((c) => c.name);
  return [cols.join(","), ...rows.map((r) => cols.map((c) => field(r[c])).join(","))].join("\n") + "\n";
}

export interface WriteOptions {
  manifest?: Partial<Manifest>;
  /** Tables to write with a custom body instead of rows. */
  raw?: Record<string, string>;
}

/** The smallest valid base: one unit, one client. Tests add what they check. */
export const BASE: Tables = {
  units: [{ unit_id: "U1", unit_name_fi: "Yksikkö 1", unit_name_sv: "Enhet 1", operating_model: "THK", service_area: "TERVEYSASEMA", area: "ITA" }],
  clients: [{ client_id: "C1", birth_year: 1980, sex: "2", home_area: "ITA", segment: "PARJAAJA", language: "fi", contact_person_assigned: false }],
  contacts: [],
  visits: [],
};

export function writeExtract(tables: Tables, options: WriteOptions = {}, dir = tempDir()): string {
  mkdirSync(dir, { recursive: true });
  const counts: Manifest["tables"] = {};
  for (const [name, rows] of Object.entries(tables)) {
    writeFileSync(join(dir, `${name}.csv`), toCsv(name, rows));
    counts[name] = { rows: rows.length };
  }
  for (const [file, body] of Object.entries(options.raw ?? {})) {
    writeFileSync(join(dir, file), body);
    const table = file.replace(/\.(csv|parquet)$/, "");
    if (!counts[table]) counts[table] = { rows: Math.max(0, body.split("\n").filter(Boolean).length - 1) };
  }
  const manifest: Manifest = {
    source: "test",
    extracted_at: "2022-01-05T06:00:00",
    period: { from: "2021-01-01", to: "2021-12-31" },
    tables: counts,
    ...options.manifest,
  };
  writeFileSync(join(dir, "manifest.json"), JSON.stringify(manifest, null, 2));
  return dir;
}
