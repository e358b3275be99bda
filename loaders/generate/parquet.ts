// CSV → Parquet with DuckDB, typed per the contract. One thread keeps row order and bytes stable.

import { DuckDBInstance } from "@duckdb/node-api";
import type { ColumnType, TableSpec } from "../extract/contract.ts";

/** DuckDB type of a contract column type (months stay text: `YYYY-MM`). */
export const DUCKDB_TYPE: Record<ColumnType, string> = {
  string: "VARCHAR", code: "VARCHAR", month: "VARCHAR", integer: "BIGINT", decimal: "DOUBLE", boolean: "BOOLEAN",
  timestamp: "TIMESTAMP", date: "DATE",
};

const quote = (s: string) => `'${s.replaceAll("'", "''")}'`;

/** A read_csv(...) expression that reads one generated table with the contract's types. */
export function readCsvSql(path: string, spec: TableSpec): string {
  const columns = spec.columns.map((c) => `${quote(c.name)}: ${quote(DUCKDB_TYPE[c.type])}`).join(", ");
  return `read_csv(${quote(path)}, header = true, delim = ',', quote = '"', escape = '"', columns = {${columns}}, ` +
    `timestampformat = '%Y-%m-%dT%H:%M:%S', dateformat = '%Y-%m-%d')`;
}

export async function csvToParquet(tables: readonly { spec: TableSpec; csv: string; parquet: string }[]): Promise<void> {
  const instance = await DuckDBInstance.create(":memory:", { threads: "1" });
  const connection = await instance.connect();
  try {
    for (const { spec, csv, parquet } of tables) {
      await connection.run(`COPY (SELECT * FROM ${readCsvSql(csv, spec)}) TO ${quote(parquet)} (FORMAT parquet, COMPRESSION zstd)`);
    }
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}
