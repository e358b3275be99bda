// Finds each contract table in an extract folder: <table>.csv, <table>.parquet
// or a folder <table>/ of *.parquet parts. Reports tables given twice, tables
// the contract does not know, and disagreements with the manifest's table list.
import { readdirSync, statSync } from "node:fs";
import { basename, join } from "node:path";
import { TABLES, TABLE_NAMES, type Manifest, type TableName } from "./contract.ts";
import type { Violation } from "../validate/violations.ts";

export type TableSource =
  | { table: TableName; format: "csv"; path: string; label: string }
  | { table: TableName; format: "parquet"; paths: string[]; label: string };

export function locateTables(dir: string, manifest: Manifest): { sources: TableSource[]; violations: Violation[] } {
  const found = new Map<string, TableSource[]>();
  const violations: Violation[] = [];
  const add = (name: string, source: TableSource) => found.set(name, [...(found.get(name) ?? []), source]);
  const unknown: string[] = [];
  for (const entry of readdirSync(dir).sort()) {
    const path = join(dir, entry);
    const isDir = statSync(path).isDirectory();
    const match = /^(.+)\.(csv|parquet)$/i.exec(entry);
    if (isDir) {
      const parts = readdirSync(path).filter((f) => f.toLowerCase().endsWith(".parquet")).sort();
      if (!(TABLE_NAMES as string[]).includes(entry)) {
        if (parts.length) unknown.push(`${entry}/`);
        continue;
      }
      if (!parts.length) {
        violations.push({ file: `${entry}/`, row: null, column: null, value: null, rule: "folder holds no *.parquet parts" });
        continue;
      }
      add(entry, { table: entry as TableName, format: "parquet", paths: parts.map((p) => join(path, p)), label: `${entry}/` });
    } else if (match) {
      const name = match[1];
      const format = match[2].toLowerCase() as "csv" | "parquet";
      if (!(TABLE_NAMES as string[]).includes(name)) {
        unknown.push(entry);
        continue;
      }
      add(
        name,
        format === "csv"
          ? { table: name as TableName, format, path, label: entry }
          : { table: name as TableName, format, paths: [path], label: entry },
      );
    }
  }
  for (const file of unknown) {
    violations.push({ file, row: null, column: null, value: null, rule: `not a table of the extract contract (known tables: ${TABLE_NAMES.join(", ")})` });
  }
  const sources: TableSource[] = [];
  for (const [name, list] of found) {
    if (list.length > 1) {
      violations.push({
        file: list.map((s) => s.label).join(" + "),
        row: null,
        column: null,
        value: null,
        rule: `table ${name} is given more than once; keep exactly one of CSV, Parquet or a folder of Parquet parts`,
      });
      continue;
    }
    sources.push(list[0]);
  }
  const listed = new Set(Object.keys(manifest.tables));
  for (const s of sources) {
    if (!listed.has(s.table)) violations.push({ file: s.label, row: null, column: null, value: null, rule: "table is not listed in manifest.json's tables" });
  }
  for (const name of listed) {
    if (!(TABLE_NAMES as string[]).includes(name)) {
      violations.push({ file: "manifest.json", row: null, column: `tables.${name}`, value: null, rule: "manifest lists a table the extract contract does not know" });
    } else if (!found.has(name)) {
      violations.push({ file: "manifest.json", row: null, column: `tables.${name}`, value: null, rule: `manifest lists table ${name} but the folder has no ${name}.csv, ${name}.parquet or ${name}/` });
    }
  }
  for (const t of TABLES) {
    if (t.required && !found.has(t.name) && !listed.has(t.name)) {
      violations.push({ file: `${t.name}.csv`, row: null, column: null, value: null, rule: `required table ${t.name} is missing` });
    }
  }
  return { sources: sources.sort((a, b) => TABLE_NAMES.indexOf(a.table) - TABLE_NAMES.indexOf(b.table)), violations };
}

export const sourceFileName = (s: TableSource): string => (s.format === "csv" ? basename(s.path) : s.label);
