// Reads the header row of a CSV file (RFC 4180) without loading the file, so
// that column problems are reported before DuckDB reads the body.
import { closeSync, openSync, readSync } from "node:fs";

const MAX_HEADER_BYTES = 1 << 20;

export type HeaderResult = { ok: true; columns: string[]; bom: boolean } | { ok: false; rule: string };

export function readCsvHeader(path: string): HeaderResult {
  const fd = openSync(path, "r");
  try {
    const buf = Buffer.alloc(64 * 1024);
    const chunks: Buffer[] = [];
    let total = 0;
    let text = "";
    for (;;) {
      const n = readSync(fd, buf, 0, buf.length, total);
      if (n === 0) break;
      chunks.push(Buffer.from(buf.subarray(0, n)));
      total += n;
      text = Buffer.concat(chunks).toString("utf8");
      const end = headerEnd(text);
      if (end >= 0) return parseHeader(text.slice(0, end));
      if (total > MAX_HEADER_BYTES) return { ok: false, rule: "header row longer than 1 MiB: not a CSV header" };
    }
    if (total === 0) return { ok: false, rule: "empty file: a CSV table needs at least a header row" };
    return parseHeader(text);
  } finally {
    closeSync(fd);
  }
}

/** Index of the first line break outside quotes, or -1. */
function headerEnd(text: string): number {
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') quoted = !quoted;
    else if (!quoted && (c === "\n" || c === "\r")) return i;
  }
  return -1;
}

function parseHeader(line: string): HeaderResult {
  let bom = false;
  if (line.startsWith("\uFEFF")) {
    bom = true;
    line = line.slice(1);
  }
  if (line.includes("\uFFFD")) return { ok: false, rule: "header is not valid UTF-8 (is the file Latin-1 or Windows-1252?); save it as UTF-8" };
  const columns: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") {
      columns.push(field);
      field = "";
    } else field += c;
  }
  if (quoted) return { ok: false, rule: "header row has an unterminated quote" };
  columns.push(field);
  return { ok: true, columns: columns.map((c) => c.trim()), bom };
}
