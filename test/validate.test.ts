// One broken extract per contract rule, each refused with a message that names
// file, row, column, value and rule.
import assert from "node:assert/strict";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { openDb } from "../loaders/db.ts";
import { ingestExtract } from "../loaders/validate/ingest.ts";
import { assertKeepsFileOrder } from "../loaders/validate/typed-table.ts";
import { validateExtract } from "../loaders/validate/validate.ts";
import { ExtractError } from "../loaders/validate/violations.ts";
import { BASE, tempDir, toCsv, writeExtract, type Tables, type WriteOptions } from "./helpers/extract.ts";
import { generateExtract } from "../loaders/generate/index.ts";
import { client, contact, unit, visit } from "./helpers/rows.ts";

async function rejection(dir: string): Promise<ExtractError> {
  const db = await openDb();
  try {
    await validateExtract(db, dir);
  } catch (e) {
    if (e instanceof ExtractError) return e;
    throw e;
  } finally {
    db.close();
  }
  assert.fail("the extract was accepted");
}

async function refuses(tables: Tables, expected: string[], options: WriteOptions = {}) {
  const dir = writeExtract({ ...BASE, ...tables }, options);
  const error = await rejection(dir);
  for (const text of expected) assert.ok(error.message.includes(text), `expected ${JSON.stringify(text)} in:\n${error.message}`);
  return error;
}

const okContact = contact("K1", "2021-03-01T10:00:00");

test("manifest.json: missing, not JSON, bad period", async () => {
  const dir = writeExtract(BASE);
  rmSync(join(dir, "manifest.json"));
  assert.match((await rejection(dir)).message, /manifest\.json: manifest\.json is missing/);
  writeFileSync(join(dir, "manifest.json"), "{ not json");
  assert.match((await rejection(dir)).message, /manifest\.json: not valid JSON/);
  await refuses({}, ["manifest.json, column period.from: must be a date YYYY-MM-DD (value \"2021-13-01\")"], { manifest: { period: { from: "2021-13-01", to: "2021-12-31" } } });
});

test("tables: required missing, given twice, unknown, not in the manifest, listed but absent", async () => {
  const dir = writeExtract(BASE);
  rmSync(join(dir, "visits.csv"));
  assert.match((await rejection(dir)).message, /manifest lists table visits but the folder has no visits\.csv/);
  const dir2 = writeExtract(BASE);
  writeFileSync(join(dir2, "units.parquet"), "");
  assert.match((await rejection(dir2)).message, /units\.csv \+ units\.parquet: table units is given more than once/);
  const dir3 = writeExtract(BASE);
  writeFileSync(join(dir3, "patients.csv"), "a\n1\n");
  assert.match((await rejection(dir3)).message, /patients\.csv: not a table of the extract contract/);
  const dir4 = writeExtract(BASE, { manifest: { tables: { units: { rows: 1 }, clients: { rows: 1 }, contacts: { rows: 0 } } } });
  assert.match((await rejection(dir4)).message, /visits\.csv: table is not listed in manifest\.json's tables/);
  const dir5 = writeExtract({ units: BASE.units, clients: BASE.clients, contacts: [] });
  assert.match((await rejection(dir5)).message, /visits\.csv: required table visits is missing/);
});

test("manifest row counts must match what was loaded", async () => {
  await refuses({}, ["clients.csv: has 1 data rows but manifest.json says 2"], { manifest: { tables: { units: { rows: 1 }, clients: { rows: 2 }, contacts: { rows: 0 }, visits: { rows: 0 } } } });
});

test("header problems: missing column, duplicated column, wrong delimiter, empty file", async () => {
  await refuses({}, ["contacts.csv, column contact_ts: required column is missing from the header"], { raw: { "contacts.csv": "contact_id,client_id,unit_id,channel,urgency,resolved_at_first_contact\n" } });
  await refuses({}, ["units.csv, column area: column appears more than once in the header"], { raw: { "units.csv": "unit_id,unit_name_fi,operating_model,service_area,area,area\n" } });
  await refuses({}, ["units.csv: header has a single column", "this file seems to use \";\""], { raw: { "units.csv": "unit_id;unit_name_fi;operating_model;service_area;area\nU1;A;THK;MUU;ITA\n" } });
  await refuses({}, ["units.csv: empty file"], { raw: { "units.csv": "" } });
});

test("a ragged CSV row is refused with its line", async () => {
  const body = toCsv("units", BASE.units) + "U2,Yksikkö 2,,THK\n";
  await refuses({}, ["units.csv: not a readable CSV file per RFC 4180 (line 3: expected 6 fields as in the header, found 4"], { raw: { "units.csv": body }, manifest: {} });
});

test("required value missing, unknown code, unparsable numbers, booleans, timestamps, dates and months", async () => {
  const e = await refuses(
    {
      clients: [client("C1", { birth_year: "19x0" }), client("C2", { sex: "3" }), client("C3", { contact_person_assigned: "yes" })],
      contacts: [
        contact("K1", "2021-03-01 25:00"),
        contact("K2", "2021-03-01T10:00:00", { channel: "FAX" }),
        contact("K3", "2021-03-01T10:00:00", { unit_id: null }),
      ],
      staffing: [{ unit_id: "U1", month: "2021-13", profession: "LAAKARI", fte: "1,5", headcount: 2, sick_leave_days: 0, voluntary_exits: 0, agency_hours: 0 }],
      service_vouchers: [{ voucher_id: "S1", client_id: "C1", unit_id: "U1", issued_on: "2021-02-30", used_on: null, value_eur: 10 }],
    },
    [
      'clients.csv, row 1, column birth_year: not a whole number (value "19x0")',
      'clients.csv, row 2, column sex: unknown code (allowed: 1, 2, 9) (value "3")',
      'clients.csv, row 3, column contact_person_assigned: not a boolean (true/false, or 1/0 in CSV) (value "yes")',
      'contacts.csv, row 1, column contact_ts: not an ISO 8601 timestamp',
      'contacts.csv, row 2, column channel: unknown code (allowed: PHONE, CHAT, MAISA, OMAOLO, WALK_IN, OTHER) (value "FAX")',
      "contacts.csv, row 3, column unit_id: required value is missing (empty field)",
      'staffing.csv, row 1, column month: not a month (YYYY-MM) (value "2021-13")',
      'staffing.csv, row 1, column fte: not a number (value "1,5")',
      'service_vouchers.csv, row 1, column issued_on: not a date (YYYY-MM-DD) (value "2021-02-30")',
    ],
  );
  assert.match(e.message, /^The extract breaks the contract: \d+ violations\./);
});

test("ranges: birth year after the extract year, T3 over 182, scores outside their question's scale, measurement ranges", async () => {
  await refuses(
    {
      clients: [client("C1", { birth_year: 2023 })],
      appointment_supply: [{ unit_id: "U1", profession: "LAAKARI", measured_on: "2021-01-04", third_available_days: 183 }],
      customer_feedback: [
        { response_id: "R1", unit_id: "U1", responded_on: "2021-01-04", channel: "SMS", question_code: "NPS", score: 11 },
        { response_id: "R1", unit_id: "U1", responded_on: "2021-01-04", channel: "SMS", question_code: "SUJUVA_PALVELU", score: 0 },
      ],
      measurements: [{ client_id: "C1", unit_id: "U1", measured_on: "2021-01-04", measure_code: "AUDIT_C", value: 13 }],
    },
    [
      'clients.csv, row 1, column birth_year: after the extract year 2022 (value "2023")',
      'appointment_supply.csv, row 1, column third_available_days: above the maximum 182 (value "183")',
      'customer_feedback.csv, row 1, column score: outside 0..10, the range for question_code NPS',
      'customer_feedback.csv, row 2, column score: outside 1..5, the range for question_code SUJUVA_PALVELU',
      'measurements.csv, row 1, column value: outside 0..12, the range for measure_code AUDIT_C (value "13")',
    ],
  );
});

test("anchor dates outside the manifest's period; other dates may lie outside", async () => {
  const e = await refuses(
    {
      contacts: [contact("K1", "2020-12-31T23:59:00"), contact("K2", "2021-03-01T10:00:00")],
      staffing: [{ unit_id: "U1", month: "2022-01", profession: "LAAKARI", fte: 1, headcount: 1, sick_leave_days: 0, voluntary_exits: 0, agency_hours: 0 }],
      service_vouchers: [{ voucher_id: "S1", client_id: "C1", unit_id: "U1", issued_on: "2021-12-31", used_on: "2022-02-01", value_eur: 10 }],
      conditions: [{ client_id: "C1", condition_code: "E11", recorded_on: "2015-01-01" }],
    },
    [
      "contacts.csv, row 1, column contact_ts: outside the manifest's period 2021-01-01..2021-12-31",
      'staffing.csv, row 1, column month: outside the manifest\'s period 2021-01-01..2021-12-31 (value "2022-01")',
    ],
  );
  assert.doesNotMatch(e.message, /service_vouchers|conditions|row 2/);
});

test("order within a row: care-need assessment before the contact, visit ending before it starts", async () => {
  await refuses(
    {
      contacts: [contact("K1", "2021-03-01T10:00:00", { need_assessment_ts: "2021-03-01T09:59:00" })],
      visits: [visit("V1", "2021-03-02T10:00:00", { visit_end_ts: "2021-03-02T09:00:00" })],
    },
    [
      'contacts.csv, row 1, column need_assessment_ts: earlier than contact_ts of the same row (value "2021-03-01T09:59:00")',
      'visits.csv, row 1, column visit_end_ts: earlier than visit_start_ts of the same row',
    ],
  );
});

test("duplicate keys, dangling references and a visit before its contact", async () => {
  await refuses(
    {
      units: [unit("U1"), unit("U1")],
      contacts: [okContact, contact("K2", "2021-03-01T10:00:00", { client_id: "NOBODY" })],
      visits: [visit("V1", "2021-03-01T09:00:00", { contact_id: "K1" }), visit("V2", "2021-03-02T09:00:00", { contact_id: "K404", unit_id: "U7" })],
    },
    [
      'units.csv, row 2, column unit_id: duplicate key: the same unit_id as row 1 (value "U1")',
      'contacts.csv, row 2, column client_id: unknown client_id: no row in clients has this client_id (value "NOBODY")',
      'visits.csv, row 2, column contact_id: unknown contact_id: no row in contacts has this contact_id (value "K404")',
      'visits.csv, row 2, column unit_id: unknown unit_id: no row in units has this unit_id (value "U7")',
      'visits.csv, row 1, column visit_start_ts: visit starts before its contact (contact_ts 2021-03-01T10:00:00)',
    ],
  );
});

test("a duplicate after ascending keys is found by grouping them, and named by its first row", async () => {
  const contacts = ["K1", "K2", "K3", "K2"].map((id) => contact(id, "2021-03-01T10:00:00"));
  await refuses({ contacts, visits: [visit("V1", "2021-03-02T09:00:00", { contact_id: "K1" })] }, [
    'contacts.csv, row 4, column contact_id: duplicate key: the same contact_id as row 2 (value "K2")',
  ]);
});

test("every violation is reported, with a capped list and a count per rule", async () => {
  const contacts = Array.from({ length: 25 }, (_, i) => contact(`K${i}`, "2021-03-01T10:00:00", { channel: "FAX" }));
  const e = await refuses({ contacts }, ["contacts.csv, column channel: unknown code", "— 25 rows", "… and 15 more"]);
  assert.equal(e.counts.find((c) => c.column === "channel")?.count, 25);
});

test("valid variants: offsets converted to Helsinki time, 1/0 booleans, BOM, quoted fields, extra columns, a missing nullable column", async () => {
  const header = "\uFEFFunit_id,unit_name_fi,operating_model,service_area,area,extra\n";
  const dir = writeExtract(
    { ...BASE, contacts: [contact("K1", "2021-07-01T06:30:00Z", { resolved_at_first_contact: 1 })], visits: [visit("V1", "2021-07-01T09:31:00", { contact_id: "K1" })] },
    { raw: { "units.csv": header + 'U1,"Kallio, Helsinki ""A""",THK,TERVEYSASEMA,KESKI,x\n' } },
  );
  const ingested = await ingestExtract(dir);
  try {
    const [row] = await ingested.db.all<{ ts: string; r: boolean }>(`SELECT strftime(contact_ts, '%Y-%m-%dT%H:%M') AS ts, resolved_at_first_contact AS r FROM contacts`);
    assert.deepEqual(row, { ts: "2021-07-01T09:30", r: true }); // UTC 06:30 is 09:30 in Helsinki summer time
    const [u] = await ingested.db.all<{ name: string; sv: string | null }>(`SELECT unit_name_fi AS name, unit_name_sv AS sv FROM units`);
    assert.deepEqual(u, { name: 'Kallio, Helsinki "A"', sv: null });
  } finally {
    ingested.db.close();
  }
});

test("Parquet input, typed and as a folder of parts, is read like CSV", async () => {
  const dir = writeExtract({ ...BASE, contacts: [okContact, contact("K2", "2021-04-01T10:00:00", { channel: "CHAT" })], visits: [visit("V1", "2021-03-02T10:00:00", { contact_id: "K1" })] });
  const db = await openDb();
  // Typed columns: TIMESTAMP, BOOLEAN; the visits table as two parts.
  await db.run(`COPY (SELECT contact_id, client_id, unit_id, CAST(contact_ts AS TIMESTAMP) AS contact_ts, channel, urgency, need_assessment_ts,
    assessor_profession, CAST(resolved_at_first_contact AS BOOLEAN) AS resolved_at_first_contact, core_process
    FROM read_csv('${join(dir, "contacts.csv")}', all_varchar = true)) TO '${join(dir, "contacts.parquet")}' (FORMAT parquet)`);
  mkdirSync(join(dir, "visits"));
  await db.run(`COPY (SELECT * FROM read_csv('${join(dir, "visits.csv")}', all_varchar = true)) TO '${join(dir, "visits", "part-0.parquet")}' (FORMAT parquet)`);
  await db.run(`COPY (SELECT * FROM read_csv('${join(dir, "visits.csv")}', all_varchar = true) LIMIT 0) TO '${join(dir, "visits", "part-1.parquet")}' (FORMAT parquet)`);
  db.close();
  rmSync(join(dir, "contacts.csv"));
  rmSync(join(dir, "visits.csv"));
  const ingested = await ingestExtract(dir);
  try {
    const rows = await ingested.db.all<{ n: number; chats: number }>(`SELECT count(*) AS n, count(*) FILTER (WHERE channel = 'CHAT') AS chats FROM contacts`);
    assert.deepEqual(rows, [{ n: 2, chats: 1 }]);
    assert.deepEqual(ingested.tables.find((t) => t.table === "visits")?.file, "visits/");
  } finally {
    ingested.db.close();
  }
});

test("tolerant mode quarantines broken rows and the rows that referred to them, and counts them", async () => {
  const dir = writeExtract({
    ...BASE,
    clients: [client("C1"), client("C2", { sex: "X" })],
    contacts: [okContact, contact("K2", "2021-03-01T10:00:00", { client_id: "C2" })],
    visits: [visit("V1", "2021-03-02T10:00:00", { contact_id: "K2" })],
  });
  await assert.rejects(ingestExtract(dir), ExtractError);
  const ingested = await ingestExtract(dir, { tolerant: true });
  try {
    const counts = Object.fromEntries(ingested.tables.map((t) => [t.table, t.quarantined]));
    assert.deepEqual(counts, { units: 0, clients: 1, contacts: 1, visits: 1 });
    const [{ n }] = await ingested.db.all<{ n: number }>(`SELECT count(*) AS n FROM contacts`);
    assert.equal(n, 1);
    assert.ok(ingested.quarantine.some((q) => q.file === "contacts.csv" && /unknown client_id/.test(q.rule)));
  } finally {
    ingested.db.close();
  }
});

test("a broken row deep in a large file is named by its own row and value (rows typed across threads keep their line)", async () => {
  // Large enough that DuckDB reads and types it on several threads, where a heavy query need not keep the file's order.
  const dir = tempDir("validate-large-");
  await generateExtract({ outDir: dir, scale: "small", seed: 5 });
  const path = join(dir, "visits.csv");
  const lines = readFileSync(path, "utf8").split("\n");
  const column = lines[0].split(",").indexOf("visit_start_ts");
  const broken = [5, 100_000];
  for (const row of broken) {
    assert.ok(!lines[row].includes('"'), "an unquoted line to edit");
    const fields = lines[row].split(",");
    fields[column] = `5.1.2022 10:${String(row % 60).padStart(2, "0")}`;
    lines[row] = fields.join(",");
  }
  // An unknown code too: a code list checked with IN (...) is planned as a join, which loses the order.
  const mode = lines[0].split(",").indexOf("contact_mode");
  const coded = lines[50_000].split(",");
  coded[mode] = "R99";
  lines[50_000] = coded.join(",");
  writeFileSync(path, lines.join("\n"));
  const error = await rejection(dir);
  for (const row of broken) {
    const expected = `visits.csv, row ${row}, column visit_start_ts: not an ISO 8601 timestamp (YYYY-MM-DDTHH:MM:SS, Finnish local time or with an offset) (value "5.1.2022 10:${String(row % 60).padStart(2, "0")}")`;
    assert.ok(error.message.includes(expected), `expected ${JSON.stringify(expected)} in:\n${error.message}`);
  }
  assert.match(error.message, /visits\.csv, row 50000, column contact_mode: unknown code \(allowed: R10, [^)]*\) \(value "R99"\)/);
  rmSync(dir, { recursive: true, force: true });
});

test("a typed read whose plan could reorder rows is refused before it runs", async () => {
  const db = await openDb();
  try {
    const file = join(tempDir("validate-order-"), "t.csv");
    writeFileSync(file, "x\na\nb\n");
    const read = `read_csv(${JSON.stringify(file).replaceAll('"', "'")}, header = true, auto_detect = false, columns = {'x': 'VARCHAR'})`;
    const codes = "'a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'k', 'l'";
    await assertKeepsFileOrder(db, `CREATE TABLE ok AS SELECT x, list_contains([${codes}], x) AS known FROM ${read}`);
    await assert.rejects(
      assertKeepsFileOrder(db, `CREATE TABLE bad AS SELECT x, x IN (${codes}) AS known FROM ${read}`),
      /internal error: typing a CSV file would not keep its row order \(plan has HASH_JOIN, COLUMN_DATA_SCAN\)/,
    );
  } finally {
    db.close();
  }
});
