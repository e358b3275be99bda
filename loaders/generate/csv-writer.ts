// Streams one contract table to a CSV file. Rows are buffered into chunks and written with
// backpressure, so Helsinki-scale tables never sit in memory. Rows are formatted by d3-dsv (../csv.ts).

import { createWriteStream, type WriteStream } from "node:fs";
import type { TableSpec } from "../extract/contract.ts";
import { csvRow, type CsvValue } from "../extract/csv.ts";

const CHUNK_CHARS = 1 << 20;

/** The row's fields in the contract's column order; a non-finite number is a generator bug, never written. */
function fields(row: Record<string, CsvValue>, columns: readonly string[]): CsvValue[] {
  const out = new Array<CsvValue>(columns.length);
  for (let i = 0; i < columns.length; i++) {
    const v = row[columns[i]];
    if (typeof v === "number" && !Number.isFinite(v)) throw new Error(`non-finite number ${v} in column ${columns[i]}`);
    out[i] = v;
  }
  return out;
}

/** Fixed-decimal formatting, so decimals read the same on every run and platform. */
export function fixed(value: number, decimals: number): string {
  const s = value.toFixed(decimals);
  return s === `-${(0).toFixed(decimals)}` ? (0).toFixed(decimals) : s;
}

export class CsvTableWriter<Row extends Record<string, CsvValue>> {
  rows = 0;
  private readonly stream: WriteStream;
  private readonly columns: readonly string[];
  private buffer: string[] = [];
  private bufferedChars = 0;
  private drained: Promise<void> | null = null;
  private failure: Error | null = null;

  constructor(readonly path: string, readonly spec: TableSpec) {
    this.columns = spec.columns.map((c) => c.name);
    this.stream = createWriteStream(path, { encoding: "utf8" });
    this.stream.on("error", (err) => (this.failure = err));
    this.buffer.push(csvRow(this.columns) + "\n");
  }

  /** Adds a row; columns are taken by name in the contract's order, so order mistakes cannot happen. */
  add(row: Row): void {
    const line = csvRow(fields(row, this.columns));
    this.buffer.push(line + "\n");
    this.bufferedChars += line.length + 1;
    this.rows++;
    if (this.bufferedChars >= CHUNK_CHARS) this.flush();
  }

  private flush(): void {
    if (this.buffer.length === 0) return;
    const chunk = this.buffer.join("");
    this.buffer = [];
    this.bufferedChars = 0;
    if (!this.stream.write(chunk) && !this.drained) {
      this.drained = new Promise((resolve) => this.stream.once("drain", () => {
        this.drained = null;
        resolve();
      }));
    }
  }

  /** Resolves when the file stream can take more; callers await this between batches of rows. */
  ready(): Promise<void> | null {
    if (this.failure) throw this.failure;
    return this.drained;
  }

  async close(): Promise<void> {
    this.flush();
    if (this.drained) await this.drained;
    await new Promise<void>((resolve, reject) => {
      this.stream.end((err?: Error | null) => (err ? reject(err) : resolve()));
    });
    if (this.failure) throw this.failure;
  }
}

/** Awaits backpressure of every writer that needs it (cheap when none does). */
export async function drainAll(writers: Iterable<CsvTableWriter<any>>): Promise<void> {
  for (const w of writers) {
    const p = w.ready();
    if (p) await p;
  }
}
