// A small RFC 4180 reader: comma-separated, header row, quoted fields with ""
// for a quote inside, CRLF or LF line ends. An empty field (quoted or not)
// reads as null. Written for the reference implementation only; it does not
// use the project's loaders.

export type CsvRow = Record<string, string | null>;

export function parseCsv(text: string): CsvRow[] {
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const records: (string | null)[][] = [];
  const unquoted = /[^",\r\n]*/y;
  let record: (string | null)[] = [];
  let i = 0;
  const n = text.length;
  while (i < n) {
    let value: string;
    if (text[i] === '"') {
      // Quoted field: up to the closing quote that is not doubled.
      value = "";
      let j = i + 1;
      for (;;) {
        const q = text.indexOf('"', j);
        if (q < 0) throw new Error("CSV: unterminated quoted field");
        value += text.slice(j, q);
        if (text[q + 1] === '"') {
          value += '"';
          j = q + 2;
          continue;
        }
        i = q + 1;
        break;
      }
    } else {
      unquoted.lastIndex = i;
      const m = unquoted.exec(text)!;
      value = m[0];
      i += value.length;
      if (text[i] === '"') throw new Error(`CSV: stray quote at offset ${i}`);
    }
    record.push(value === "" ? null : value);
    // After a field: a comma, a line end or the end of the text.
    if (text[i] === ",") {
      i++;
      if (i === n) record.push(null);
      continue;
    }
    if (text[i] === "\r" && text[i + 1] === "\n") i += 2;
    else if (i < n) {
      if (text[i] !== "\n" && text[i] !== "\r") throw new Error(`CSV: unexpected character at offset ${i}`);
      i++;
    }
    records.push(record);
    record = [];
  }
  if (record.length) records.push(record);
  if (records.length === 0) return [];
  const header = records[0].map((h) => h ?? "");
  const rows: CsvRow[] = [];
  for (let r = 1; r < records.length; r++) {
    const rec = records[r];
    if (rec.length === 1 && rec[0] === null && header.length > 1) continue; // a blank line
    if (rec.length !== header.length) throw new Error(`CSV: record ${r + 1} has ${rec.length} fields, the header ${header.length}`);
    const row: CsvRow = {};
    for (let j = 0; j < header.length; j++) row[header[j]] = rec[j];
    rows.push(row);
  }
  return rows;
}
