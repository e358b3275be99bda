// The project's one CSV dialect: a field is quoted only when it holds the
// delimiter, a double quote, CR or LF (doubling its quotes, RFC 4180); null
// and undefined are empty; numbers and booleans read as String() writes them.
// Leading or trailing spaces are left unquoted, as the writers did before
// d3-dsv. Rows (the generator, the self-assessment) are formatted here by
// d3-dsv; tables (the indicator export, the statuses download) by arquero's
// toCSV, which writes the same text with this module's defaults
// (test/csv-dialect.test.ts holds the two to it).
import { dsvFormat, type DSV } from "d3-dsv";

export type CsvValue = string | number | boolean | null | undefined;

export interface CsvOptions {
  /** "," unless given (the self-assessment uses ";" for Finnish Excel). */
  delimiter?: string;
  /** Ends every row, the last one too. "\n" unless given. */
  eol?: "\n" | "\r\n";
  /** Starts the text with a UTF-8 byte-order mark (for Excel). */
  bom?: boolean;
}

const formats = new Map<string, DSV>();

/** The d3-dsv formatter of a delimiter (made once per delimiter). */
function dsv(delimiter = ","): DSV {
  let f = formats.get(delimiter);
  if (!f) formats.set(delimiter, (f = dsvFormat(delimiter)));
  return f;
}

/** One row as CSV, without a line ending. */
export function csvRow(fields: readonly CsvValue[], delimiter = ","): string {
  // d3-dsv's types say strings; its formatter takes any value (null → "", else String(value)).
  return dsv(delimiter).formatRow(fields as readonly string[]);
}

/** Whole CSV text: one line per row, each ended by `eol`. */
export function csvText(rows: Iterable<readonly CsvValue[]>, o: CsvOptions = {}): string {
  const f = dsv(o.delimiter);
  const eol = o.eol ?? "\n";
  let text = o.bom ? "\uFEFF" : "";
  for (const row of rows) text += f.formatRow(row as readonly string[]) + eol;
  return text;
}
