// A thin wrapper over @duckdb/node-api: one place that opens DuckDB with the
// project's settings and turns result rows into plain JS values.
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DuckDBInstance, type DuckDBConnection } from "@duckdb/node-api";

export interface Db {
  run(sql: string): Promise<void>;
  all<T = Record<string, unknown>>(sql: string): Promise<T[]>;
  close(): void;
}

export interface DbOptions {
  /** DuckDB memory_limit, e.g. "4GB" (default: $DUCKDB_MEMORY_LIMIT or 8GB); DuckDB spills to temp_directory beyond it. */
  memoryLimit?: string;
  threads?: number;
  tempDirectory?: string;
}

export async function openDb(options: DbOptions = {}): Promise<Db> {
  const config: Record<string, string> = {
    // Never reach for the network: extensions we need (parquet, icu, json) are built in.
    autoinstall_known_extensions: "false",
    autoload_known_extensions: "false",
    preserve_insertion_order: "true",
  };
  // Bounded memory: beyond the limit DuckDB spills to disk instead of failing (Helsinki scale on 24 GiB).
  config.memory_limit = options.memoryLimit ?? process.env.DUCKDB_MEMORY_LIMIT ?? "8GB";
  config.temp_directory = options.tempDirectory ?? join(tmpdir(), "nelimaali-duckdb");
  if (options.threads) config.threads = String(options.threads);
  const instance = await DuckDBInstance.create(":memory:", config);
  const connection: DuckDBConnection = await instance.connect();
  return {
    async run(sql) {
      await connection.run(sql);
    },
    async all<T>(sql: string) {
      const reader = await connection.runAndReadAll(sql);
      return reader.getRowObjectsJS().map((row) => toPlain(row)) as T[];
    },
    close() {
      connection.closeSync();
      instance.closeSync();
    },
  };
}

function toPlain(row: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(row)) out[k] = typeof v === "bigint" ? Number(v) : v;
  return out;
}
