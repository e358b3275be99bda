// A corpus of broken and hostile extracts. Each is refused with the exact
// message a data engineer needs; none crashes with a stack trace.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { openDb } from "../loaders/db.ts";
import { validateExtract } from "../loaders/validate/validate.ts";
import { BASE, tempDir, toCsv, writeExtract } from "./helpers/extract.ts";
import { client, contact, unit, visit } from "./helpers/rows.ts";

type Case = { name: string; make: () => string; expect: string[] };
const unitsHeader = toCsv("units", []);
const unitRow = "U1,Yksikkö 1,,THK,TERVEYSASEMA,ITA\n";
const withUnits = (body: string | Buffer) => () => {
  const dir = writeExtract(BASE);
  writeFileSync(join(dir, "units.csv"), body);
  return dir;
};
const base = (tables: Parameters<typeof writeExtract>[0], options: Parameters<typeof writeExtract>[1] = {}) => () => writeExtract({ ...BASE, ...tables }, options);
const manifestText = (text: string) => () => {
  const dir = writeExtract(BASE);
  writeFileSync(join(dir, "manifest.json"), text);
  return dir;
};

const corpus: Case[] = [
  { name: "truncated CSV", make: withUnits(unitsHeader + 'U1,"Yksikkö 1'), expect: ["units.csv: not a readable CSV file per RFC 4180 (line 2: a quoted field is never closed (is the file truncated?))"] },
  { name: "ragged CSV", make: withUnits(unitsHeader + "U1,Yksikkö 1,THK\n"), expect: ['units.csv: not a readable CSV file per RFC 4180 (line 2: expected 6 fields as in the header, found 3 in "U1,Yksikkö 1,THK")'] },
  { name: "semicolon delimiter", make: withUnits(unitsHeader.replaceAll(",", ";") + unitRow.replaceAll(",", ";")), expect: ['this file seems to use ";"'] },
  { name: "tab delimiter", make: withUnits(unitsHeader.replaceAll(",", "\t") + unitRow.replaceAll(",", "\t")), expect: ['this file seems to use "\\t"'] },
  { name: "Latin-1 text", make: withUnits(Buffer.concat([Buffer.from(unitsHeader), Buffer.from("U1,Yksikk\xf6 1,,THK,TERVEYSASEMA,ITA\n", "latin1")])), expect: ["units.csv: not a readable CSV file per RFC 4180 (line 2: not valid UTF-8 (is the file Latin-1 or Windows-1252?); save it as UTF-8)"] },
  { name: "Latin-1 header", make: withUnits(Buffer.from("unit_id,unit_name_fi,yksikk\xf6,operating_model,service_area,area\n", "latin1")), expect: ["units.csv: header is not valid UTF-8 (is the file Latin-1 or Windows-1252?); save it as UTF-8"] },
  { name: "empty file", make: withUnits(""), expect: ["units.csv: empty file: a CSV table needs at least a header row"] },
  { name: "missing column", make: withUnits("unit_id,unit_name_fi,operating_model,service_area\n"), expect: ["units.csv, column area: required column is missing from the header"] },
  { name: "column name in another case", make: withUnits(unitsHeader.replace("unit_id", "Unit_ID")), expect: ["units.csv, column unit_id: required column is missing from the header"] },
  { name: "duplicated column", make: withUnits("unit_id,unit_id,unit_name_fi,operating_model,service_area,area\n"), expect: ["units.csv, column unit_id: column appears more than once in the header"] },
  { name: "duplicate keys", make: base({ clients: [client("C1"), client("C2"), client("C1")] }), expect: ['clients.csv, row 3, column client_id: duplicate key: the same client_id as row 1 (value "C1")'] },
  { name: "dangling client", make: base({ contacts: [contact("K1", "2021-01-05T10:00:00", { client_id: "C404" })] }), expect: ['contacts.csv, row 1, column client_id: unknown client_id: no row in clients has this client_id (value "C404")'] },
  { name: "dangling unit", make: base({ visits: [visit("V1", "2021-01-05T10:00:00", { unit_id: "U404" })] }), expect: ['visits.csv, row 1, column unit_id: unknown unit_id: no row in units has this unit_id (value "U404")'] },
  { name: "visit before its contact", make: base({ contacts: [contact("K1", "2021-01-05T10:00:00")], visits: [visit("V1", "2021-01-04T10:00:00", { contact_id: "K1" })] }), expect: ['visits.csv, row 1, column visit_start_ts: visit starts before its contact (contact_ts 2021-01-05T10:00:00) (value "2021-01-04T10:00:00")'] },
  { name: "assessment before contact", make: base({ contacts: [contact("K1", "2021-01-05T10:00:00", { need_assessment_ts: "2021-01-05T09:00:00" })] }), expect: ['contacts.csv, row 1, column need_assessment_ts: earlier than contact_ts of the same row (value "2021-01-05T09:00:00")'] },
  { name: "unparsable timestamp", make: base({ contacts: [contact("K1", "5.1.2021 10:00")] }), expect: ['contacts.csv, row 1, column contact_ts: not an ISO 8601 timestamp (YYYY-MM-DDTHH:MM:SS, Finnish local time or with an offset) (value "5.1.2021 10:00")'] },
  { name: "impossible timestamp", make: base({ contacts: [contact("K1", "2021-02-29T10:00:00")] }), expect: ['contacts.csv, row 1, column contact_ts: not an ISO 8601 timestamp'] },
  { name: "anchor outside the period", make: base({ contacts: [contact("K1", "2022-01-01T00:00:00")] }), expect: ["contacts.csv, row 1, column contact_ts: outside the manifest's period 2021-01-01..2021-12-31 (value \"2022-01-01T00:00:00\")"] },
  { name: "out-of-range value", make: base({ clients: [client("C1", { birth_year: 1899 })] }), expect: ['clients.csv, row 1, column birth_year: below the minimum 1900 (value "1899")'] },
  { name: "unknown code", make: base({ contacts: [contact("K1", "2021-01-05T10:00:00", { urgency: "KIIREETÖN" })] }), expect: ['contacts.csv, row 1, column urgency: unknown code (allowed: KIIREELLINEN, KIIREETON) (value "KIIREETÖN")'] },
  { name: "code with padding", make: base({ contacts: [contact("K1", "2021-01-05T10:00:00", { channel: " CHAT" })] }), expect: ['contacts.csv, row 1, column channel: unknown code (allowed: PHONE, CHAT, MAISA, OMAOLO, WALK_IN, OTHER) (value " CHAT")'] },
  { name: "integer overflow", make: base({ clients: [client("C1", { birth_year: "99999999999999999999" })] }), expect: ['clients.csv, row 1, column birth_year: not a whole number (value "99999999999999999999")'] },
  { name: "NaN as a number", make: base({ staffing: [{ unit_id: "U1", month: "2021-01", profession: "LAAKARI", fte: "NaN", headcount: 1, sick_leave_days: 0, voluntary_exits: 0, agency_hours: 0 }] }), expect: ['staffing.csv, row 1, column fte: not a number (value "NaN")'] },
  { name: "NUL byte in text", make: withUnits(unitsHeader + "U1,Yks\0ikkö,,THK,TERVEYSASEMA,ITA\n"), expect: ["units.csv, row 1, column unit_name_fi: contains control characters (such as NUL): is the file binary or corrupted?"] },
  { name: "table as CSV and Parquet", make: () => { const d = writeExtract(BASE); writeFileSync(join(d, "clients.parquet"), "x"); return d; }, expect: ["clients.csv + clients.parquet: table clients is given more than once; keep exactly one of CSV, Parquet or a folder of Parquet parts"] },
  { name: "table as CSV and a folder", make: () => { const d = writeExtract(BASE); mkdirSync(join(d, "visits")); writeFileSync(join(d, "visits", "p.parquet"), "x"); return d; }, expect: ["visits/ + visits.csv: table visits is given more than once"] },
  { name: "not Parquet", make: () => { const d = writeExtract(BASE); rmSync(join(d, "units.csv")); writeFileSync(join(d, "units.parquet"), "PAR1 not really"); return d; }, expect: ["units.parquet: not a readable Parquet file"] },
  { name: "folder without parts", make: () => { const d = writeExtract(BASE); rmSync(join(d, "visits.csv")); mkdirSync(join(d, "visits")); return d; }, expect: ["visits/: folder holds no *.parquet parts"] },
  { name: "missing manifest", make: () => { const d = writeExtract(BASE); rmSync(join(d, "manifest.json")); return d; }, expect: ["manifest.json: manifest.json is missing: every extract must describe itself"] },
  { name: "manifest not JSON", make: manifestText("{\"source\": \"Apotti\","), expect: ["manifest.json: not valid JSON"] },
  { name: "manifest as an array", make: manifestText("[]"), expect: ["manifest.json: must be a JSON object"] },
  { name: "manifest without period", make: manifestText(JSON.stringify({ source: "x", extracted_at: "2022-01-01T00:00:00", tables: {} })), expect: ["manifest.json, column period: must be an object {from, to}"] },
  { name: "manifest period reversed", make: base({}, { manifest: { period: { from: "2021-12-31", to: "2021-01-01" } } }), expect: ['manifest.json, column period: period.from is after period.to (value "2021-12-31..2021-01-01")'] },
  { name: "manifest with fractional rows", make: base({}, { manifest: { tables: { units: { rows: 1.5 }, clients: { rows: 1 }, contacts: { rows: 0 }, visits: { rows: 0 } } } }), expect: ['manifest.json, column tables.units.rows: must be a non-negative whole number (value "1.5")'] },
  { name: "lying manifest", make: base({}, { manifest: { tables: { units: { rows: 3 }, clients: { rows: 1 }, contacts: { rows: 0 }, visits: { rows: 0 } } } }), expect: ["units.csv: has 1 data rows but manifest.json says 3"] },
  { name: "manifest lists an unknown table", make: base({}, { manifest: { tables: { units: { rows: 1 }, clients: { rows: 1 }, contacts: { rows: 0 }, visits: { rows: 0 }, patients: { rows: 0 } } } }), expect: ["manifest.json, column tables.patients: manifest lists a table the extract contract does not know"] },
  { name: "unknown table file", make: () => { const d = writeExtract(BASE); writeFileSync(join(d, "henkilot.csv"), "hetu\n010101-123X\n"); return d; }, expect: ["henkilot.csv: not a table of the extract contract"] },
  { name: "a 10 MB line", make: withUnits(unitsHeader + "U1," + "x".repeat(10_000_000) + ",,THK,TERVEYSASEMA,ITA\n"), expect: ["units.csv: not a readable CSV file per RFC 4180 (line 2: longer than the 2 MiB a row may have)"] },
];

test(`the corpus has at least 30 broken extracts (${corpus.length})`, () => assert.ok(corpus.length >= 30));

for (const c of corpus) {
  test(`refused: ${c.name}`, async () => {
    const db = await openDb();
    try {
      await assert.rejects(validateExtract(db, c.make()), (e: Error) => {
        for (const text of c.expect) assert.ok(e.message.includes(text), `expected ${JSON.stringify(text)} in:\n${e.message}`);
        return true;
      });
    } finally {
      db.close();
    }
  });
}

test("hostile but valid: HTML in a unit name, CRLF line ends, quoted newlines are data, not errors", async () => {
  const dir = writeExtract({
    ...BASE,
    units: [unit("U1", { unit_name_fi: '<script>alert("x")</script> & <b>Kallio</b>', unit_name_sv: "Rad ett\nrad två" })],
  });
  writeFileSync(join(dir, "clients.csv"), toCsv("clients", BASE.clients).replaceAll("\n", "\r\n"));
  const db = await openDb();
  try {
    const result = await validateExtract(db, dir);
    assert.equal(result.tables.find((t) => t.table === "units")?.rows, 1);
  } finally {
    db.close();
  }
});

test("the command line reports a broken extract without a stack trace and with exit code 1", () => {
  const dir = writeExtract({ ...BASE, contacts: [contact("K1", "2021-01-05T10:00:00", { channel: "FAX" })] });
  const run = spawnSync(process.execPath, ["--import", "tsx", "loaders/cli/indicators.ts", "--extracts", dir, "--out", join(tempDir(), "x.csv")], { encoding: "utf8" });
  assert.equal(run.status, 1);
  assert.match(run.stderr, /contacts\.csv, row 1, column channel: unknown code/);
  assert.doesNotMatch(run.stderr, /\n\s+at /);
  const usage = spawnSync(process.execPath, ["--import", "tsx", "loaders/cli/indicators.ts", "--bogus"], { encoding: "utf8" });
  assert.equal(usage.status, 1);
  assert.match(usage.stderr, /^error: Unknown option '--bogus'/);
});

test("tolerant mode: the export's metadata counts the quarantined rows per rule", async () => {
  const dir = writeExtract({ ...BASE, contacts: [contact("K1", "2021-01-05T10:00:00", { channel: "FAX" }), contact("K2", "2021-01-05T10:00:00")] });
  const out = join(tempDir(), "x.csv");
  const run = spawnSync(process.execPath, ["--import", "tsx", "loaders/cli/indicators.ts", "--extracts", dir, "--out", out, "--tolerant"], { encoding: "utf8" });
  assert.equal(run.status, 0, run.stderr);
  assert.match(run.stderr, /1 rows quarantined/);
  const meta = JSON.parse(readFileSync(`${out}.meta.json`, "utf8"));
  assert.equal(meta.mode, "tolerant");
  assert.equal(meta.quarantinedRows, 1);
  // No exact row counts (they could be withheld denominators): rounded to the hundred, and whether they add up.
  assert.deepEqual(meta.tables.find((t: { table: string }) => t.table === "contacts"), { table: "contacts", file: "contacts.csv", rowsApprox: 0, manifestRowsApprox: 0, precision: 100, matchesManifest: true, quarantined: 1 });
  assert.ok(meta.tables.every((t: object) => !("rows" in t) && !("manifestRows" in t)));
  // The one contact left is under the threshold in every cell of its month.
  const loss = meta.withheld.find((w: { indicator_id: string; period_type: string }) => w.indicator_id === "ACC_FIRST_CONTACT" && w.period_type === "month");
  assert.ok(loss.cells > 0 && loss.threshold === loss.cells && loss.complementary === 0, JSON.stringify(loss));
  assert.deepEqual(meta.quarantine.map((q: { file: string; column: string; count: number }) => [q.file, q.column, q.count]), [["contacts.csv", "channel", 1]]);
  assert.match(readFileSync(out, "utf8"), /^indicator_id,period_type,period,unit_id,breakdown,breakdown_value,numerator,denominator,value,suppressed\nACC_FIRST_CONTACT,month,2021-01,ALL,ALL,ALL,,,,true\n/);
});
