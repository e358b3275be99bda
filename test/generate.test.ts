// The synthetic extract generator: deterministic, complete, true to the contract, and shaped
// like Helsinki (the trends the indicators are meant to show are there).

import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DuckDBInstance, type DuckDBConnection } from "@duckdb/node-api";
import { generateExtract, type GenerateOptions } from "../loaders/generate/index.ts";
import { readCsvSql } from "../loaders/generate/parquet.ts";
import { TABLES, TABLE_NAMES, type TableSpec } from "../loaders/extract/contract.ts";

const tempDirs: string[] = [];
async function generated(options: Omit<GenerateOptions, "outDir">): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "generate-test-"));
  tempDirs.push(dir);
  await generateExtract({ ...options, outDir: dir });
  return dir;
}
test.after(async () => {
  await Promise.all(tempDirs.map((d) => rm(d, { recursive: true, force: true })));
});

async function withDuckDb<T>(fn: (db: DuckDBConnection) => Promise<T>): Promise<T> {
  const instance = await DuckDBInstance.create(":memory:");
  const db = await instance.connect();
  try {
    return await fn(db);
  } finally {
    db.closeSync();
    instance.closeSync();
  }
}

/** Creates one typed view per contract table over a generated CSV folder. */
async function viewsOver(db: DuckDBConnection, dir: string): Promise<void> {
  for (const spec of TABLES as readonly TableSpec[]) {
    await db.run(`CREATE VIEW ${spec.name} AS SELECT * FROM ${readCsvSql(join(dir, `${spec.name}.csv`), spec)}`);
  }
}

async function scalar(db: DuckDBConnection, sql: string): Promise<number> {
  const rows = (await db.runAndReadAll(sql)).getRows();
  return Number(rows[0][0]);
}

async function filesOf(dir: string): Promise<Map<string, Buffer>> {
  const names = (await readdir(dir)).sort();
  return new Map(await Promise.all(names.map(async (n) => [n, await readFile(join(dir, n))] as const)));
}

const tiny = generated({ scale: "tiny", seed: 7 });

test("the same seed gives byte-identical files; another seed gives different data", async () => {
  const [a, b, c] = await Promise.all([tiny, generated({ scale: "tiny", seed: 7 }), generated({ scale: "tiny", seed: 8 })]);
  const [filesA, filesB, filesC] = await Promise.all([filesOf(a), filesOf(b), filesOf(c)]);
  assert.deepEqual([...filesA.keys()], [...filesB.keys()]);
  for (const [name, bytes] of filesA) assert.ok(bytes.equals(filesB.get(name)!), `${name} differs between runs`);
  assert.ok(!filesA.get("contacts.csv")!.equals(filesC.get("contacts.csv")!), "seed 8 gave the same contacts as seed 7");
  assert.ok(!filesA.get("visits.csv")!.equals(filesC.get("visits.csv")!));
});

test("every contract table is written with the contract's header, and manifest.json describes them", async () => {
  const dir = await tiny;
  const manifest = JSON.parse(await readFile(join(dir, "manifest.json"), "utf8"));
  assert.equal(manifest.source, "Apotti (synteettinen)");
  assert.deepEqual(manifest.period, { from: "2020-01-01", to: "2023-12-31" });
  assert.match(manifest.extracted_at, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/);
  assert.deepEqual(Object.keys(manifest.tables), [...TABLE_NAMES]);
  for (const spec of TABLES) {
    const text = await readFile(join(dir, `${spec.name}.csv`), "utf8");
    assert.equal(text.slice(0, text.indexOf("\n")), spec.columns.map((c) => c.name).join(","), `${spec.name} header`);
    assert.ok(manifest.tables[spec.name].rows > 0, `${spec.name} is empty`);
  }
});

test("manifest row counts equal the rows DuckDB reads with the contract's types", async () => {
  const dir = await tiny;
  const manifest = JSON.parse(await readFile(join(dir, "manifest.json"), "utf8"));
  await withDuckDb(async (db) => {
    await viewsOver(db, dir);
    for (const name of TABLE_NAMES) {
      assert.equal(await scalar(db, `SELECT count(*) FROM ${name}`), manifest.tables[name].rows, name);
      const text = await readFile(join(dir, `${name}.csv`), "utf8");
      assert.equal(text.trimEnd().split("\n").length - 1, manifest.tables[name].rows, `${name} data lines`);
    }
  });
});

test("the tiny extract keeps every rule of the contract", async () => {
  const dir = await tiny;
  await withDuckDb(async (db) => {
    await viewsOver(db, dir);
    const violations: string[] = [];
    const expectNone = async (rule: string, sql: string) => {
      const n = await scalar(db, sql);
      if (n !== 0) violations.push(`${rule}: ${n} rows`);
    };
    for (const spec of TABLES as readonly TableSpec[]) {
      const t = spec.name;
      if (spec.key) {
        const key = spec.key.join(", ");
        await expectNone(`${t} key unique`, `SELECT count(*) - count(DISTINCT (${key})) FROM ${t}`);
      }
      for (const c of spec.columns) {
        const where = (cond: string) => `SELECT count(*) FROM ${t} WHERE ${cond}`;
        if (!c.nullable) await expectNone(`${t}.${c.name} not null`, where(`${c.name} IS NULL`));
        if (c.codes) {
          const list = c.codes.map((code) => `'${code}'`).join(", ");
          await expectNone(`${t}.${c.name} codes`, where(`${c.name} NOT IN (${list})`));
        }
        if (c.min !== undefined) await expectNone(`${t}.${c.name} >= ${c.min}`, where(`${c.name} < ${c.min}`));
        if (c.max !== undefined) await expectNone(`${t}.${c.name} <= ${c.max}`, where(`${c.name} > ${c.max}`));
        if (c.maxIs === "extract-year") await expectNone(`${t}.${c.name} <= 2024`, where(`${c.name} > 2024`));
        if (c.references) {
          const r = c.references;
          await expectNone(`${t}.${c.name} → ${r.table}`, `SELECT count(*) FROM ${t} x LEFT JOIN ${r.table} y ON x.${c.name} = y.${r.column} WHERE x.${c.name} IS NOT NULL AND y.${r.column} IS NULL`);
        }
        if (c.anchor) {
          const day = c.type === "month" ? `strptime(${c.name}, '%Y-%m')::date` : `${c.name}::date`;
          await expectNone(`${t}.${c.name} in period`, where(`${day} NOT BETWEEN DATE '2020-01-01' AND DATE '2023-12-31'`));
        }
        if (c.type === "month") await expectNone(`${t}.${c.name} YYYY-MM`, where(`NOT regexp_full_match(${c.name}, '\\d{4}-\\d{2}')`));
        if (c.notBefore) await expectNone(`${t}.${c.name} not before ${c.notBefore}`, where(`${c.name} < ${c.notBefore}`));
      }
      if (spec.rangeBy) {
        const { column, by, ranges } = spec.rangeBy;
        const outside = Object.entries(ranges).map(([code, [lo, hi]]) => `(${by} = '${code}' AND ${column} NOT BETWEEN ${lo} AND ${hi})`);
        await expectNone(`${t}.${column} in range`, `SELECT count(*) FROM ${t} WHERE ${outside.join(" OR ")}`);
      }
    }
    await expectNone("visit before its contact", "SELECT count(*) FROM visits v JOIN contacts c USING (contact_id) WHERE v.visit_start_ts < c.contact_ts");
    await expectNone("staff respondent unique within survey", "SELECT count(*) FROM (SELECT survey_id, respondent_id, question_code FROM staff_survey GROUP BY ALL HAVING count(*) > 1)");
    await expectNone("feedback answers per response 1..8", "SELECT count(*) FROM (SELECT response_id FROM customer_feedback GROUP BY 1 HAVING count(*) > 8)");
    await expectNone("voucher used before issue", "SELECT count(*) FROM service_vouchers WHERE used_on < issued_on");
    await expectNone("visit longer than an hour", "SELECT count(*) FROM visits WHERE visit_end_ts > visit_start_ts + INTERVAL 60 MINUTE");
    assert.deepEqual(violations, []);
  });
});

test("the data carries the trends the indicators are meant to show", async () => {
  // A mid-size run: tiny is too small for stable shares, small would slow the suite.
  const dir = await generated({ contacts: 30_000 });
  await withDuckDb(async (db) => {
    await viewsOver(db, dir);
    const digital = (y: number) => scalar(db, `SELECT avg((channel IN ('CHAT', 'MAISA', 'OMAOLO'))::int) FROM contacts WHERE year(contact_ts) = ${y}`);
    assert.ok((await digital(2023)) > (await digital(2020)) + 0.08, "digital channels grow 2020 → 2023");

    const monthly = (m: number) => scalar(db, `SELECT count(*) FROM contacts WHERE month(contact_ts) = ${m}`);
    assert.ok((await monthly(7)) < 0.75 * (await monthly(11)), "July dip");
    const weekend = await scalar(db, "SELECT avg((isodow(contact_ts) >= 6)::int) FROM contacts");
    assert.ok(weekend < 0.08, `few weekend contacts (${weekend})`);

    const urgent = await scalar(db, "SELECT avg((urgency = 'KIIREELLINEN')::int) FROM contacts");
    assert.ok(urgent > 0.18 && urgent < 0.32, `about a quarter urgent (${urgent})`);

    const resolved = (cond: string) => scalar(db, `SELECT avg(resolved_at_first_contact::int) FROM contacts WHERE urgency = 'KIIREETON' AND ${cond}`);
    const before = await resolved("contact_ts < TIMESTAMP '2021-09-01'");
    const after = await resolved("contact_ts >= TIMESTAMP '2022-03-01'");
    assert.ok(before > 0.45 && before < 0.56, `first-contact resolution before guidance ${before}`);
    assert.ok(after > 0.6 && after < 0.72, `first-contact resolution after guidance ${after}`);

    const medianWait = (profession: string) => scalar(db, `
      WITH first_visit AS (
        SELECT c.contact_id, any_value(c.contact_ts) AS contact_ts,
               arg_min(v.profession, (v.visit_start_ts, v.visit_id)) AS profession, min(v.visit_start_ts) AS start
        FROM contacts c JOIN visits v USING (contact_id)
        WHERE c.urgency = 'KIIREETON' AND NOT v.cancelled AND v.contact_mode <> 'R60'
        GROUP BY c.contact_id)
      SELECT median(date_diff('day', contact_ts::date, start::date)) FROM first_visit WHERE profession = '${profession}'`);
    const doctor = await medianWait("LAAKARI");
    const nurse = await medianWait("HOITAJA");
    const dentist = await medianWait("HAMMASLAAKARI");
    assert.ok(doctor > nurse, `doctor median wait ${doctor} > nurse ${nurse}`);
    assert.ok(doctor >= 8 && doctor <= 16, `doctor median ${doctor}`);
    assert.ok(dentist > doctor, `dentist median ${dentist}`);

    const voucherUse = await scalar(db, "SELECT avg((used_on IS NOT NULL)::int) FROM service_vouchers");
    assert.ok(voucherUse >= 0.5 && voucherUse <= 0.7, `voucher use ${voucherUse}`);
    assert.equal(await scalar(db, "SELECT count(*) FROM service_vouchers WHERE issued_on < DATE '2021-06-01'"), 0);

    const cancelled = await scalar(db, "SELECT avg(cancelled::int) FROM visits");
    assert.ok(cancelled > 0.03 && cancelled < 0.08, `about 5 % cancelled (${cancelled})`);
    const remote = (y: number) => scalar(db, `SELECT avg((contact_mode IN ('R50', 'R52', 'R56'))::int) FROM visits WHERE year(visit_start_ts) = ${y}`);
    assert.ok((await remote(2023)) > (await remote(2021)), "remote visits grow");

    const agency = await db.runAndReadAll(`
      SELECT u.area, sum(agency_hours) / (sum(fte) / 12 * 1720) AS share
      FROM staffing s JOIN units u USING (unit_id) WHERE s.profession = 'LAAKARI' GROUP BY 1 ORDER BY 2 DESC`);
    assert.equal(agency.getRows()[0][0], "ITA", "the doctor shortage area buys the most agency hours");

    const screening = (y: number) => scalar(db, `SELECT count(*) FROM measurements WHERE measure_code = 'AUDIT_C' AND year(measured_on) = ${y}`);
    assert.ok((await screening(2023)) > (await screening(2020)), "AUDIT-C screening grows");

    const diabetics = await scalar(db, `
      SELECT count(DISTINCT client_id) FILTER (WHERE condition_code LIKE 'E11%') / (SELECT count(*) FROM clients WHERE birth_year <= 2002)
      FROM conditions`);
    assert.ok(diabetics > 0.04 && diabetics < 0.1, `type 2 diabetes among adults ${diabetics}`);

    const below10 = await scalar(db, "SELECT count(*) FROM (SELECT survey_id, unit_id FROM staff_survey GROUP BY ALL HAVING count(DISTINCT respondent_id) < 10)");
    assert.ok(below10 > 0, "some units fall below the staff-survey privacy threshold");
  });
});

test("--from/--to: whole months, the manifest's period and every anchor inside it, contacts per month kept", async () => {
  const dir = await generated({ scale: "tiny", seed: 3, from: "2024-07", to: "2025-06" });
  const manifest = JSON.parse(await readFile(join(dir, "manifest.json"), "utf8"));
  assert.deepEqual(manifest.period, { from: "2024-07-01", to: "2025-06-30" });
  assert.equal(manifest.extracted_at, "2025-07-15T06:00:00", "the 15th of the month after the period");
  await withDuckDb(async (db) => {
    await viewsOver(db, dir);
    const anchors: [string, string][] = [
      ["contacts", "contact_ts"], ["visits", "visit_start_ts"],
      ["appointment_supply", "measured_on"], ["staff_survey", "answered_on"], ["customer_feedback", "responded_on"],
      ["measurements", "measured_on"], ["interventions", "performed_on"], ["service_vouchers", "issued_on"],
    ];
    for (const [table, column] of anchors) {
      const outside = await scalar(db, `SELECT count(*) FROM ${table} WHERE CAST(${column} AS DATE) NOT BETWEEN DATE '2024-07-01' AND DATE '2025-06-30'`);
      assert.equal(outside, 0, `${table}.${column} outside the period`);
    }
    for (const table of ["staffing", "costs"]) {
      const months = (await db.runAndReadAll(`SELECT min(month), max(month), count(DISTINCT month) FROM ${table}`)).getRows()[0];
      assert.deepEqual(months.map(String), ["2024-07", "2025-06", "12"], `${table}: each of the 12 months`);
    }
    const surveys = (await db.runAndReadAll("SELECT DISTINCT survey_id FROM staff_survey ORDER BY 1")).getRows().map((r) => r[0]);
    assert.deepEqual(surveys, ["2024-SYKSY", "2025-KEVAT"], "only the surveys the period holds whole");
    // tiny is 3 000 contacts in its 48 default months: 12 months get about a quarter.
    const contacts = await scalar(db, "SELECT count(*) FROM contacts");
    assert.ok(contacts > 0.2 * 3000 && contacts < 0.3 * 3000, `contacts in 12 months ${contacts}`);
  });
});

test("runs of different periods in one process wait for each other and give what they give alone", async () => {
  const options = { scale: "tiny", seed: 4, from: "2021-01", to: "2021-06" } as const;
  const [overlapping, short] = await Promise.all([generated({ scale: "tiny", seed: 4 }), generated(options)]);
  const alone = await generated(options);
  assert.equal(JSON.parse(await readFile(join(overlapping, "manifest.json"), "utf8")).period.to, "2023-12-31");
  const [a, b] = await Promise.all([filesOf(short), filesOf(alone)]);
  for (const [name, bytes] of a) assert.ok(bytes.equals(b.get(name)!), `${name} differs from the run alone`);
});

test("the waits answer the care guarantee: shorter from 1.9.2023, longer again for 23+ in 2025", async () => {
  const dir = await generated({ contacts: 30_000, from: "2022-09", to: "2025-12" });
  await withDuckDb(async (db) => {
    await viewsOver(db, dir);
    const visits = `
      SELECT CAST(c.need_assessment_ts AS DATE) AS assessed, CAST(v.visit_start_ts AS DATE) AS visited,
             year(c.need_assessment_ts) - cl.birth_year AS age
      FROM visits v JOIN contacts c USING (contact_id) JOIN clients cl ON cl.client_id = c.client_id
      WHERE v.urgency = 'KIIREETON' AND NOT v.cancelled AND v.contact_mode <> 'R60' AND v.profession IN ('LAAKARI', 'HOITAJA')
        AND c.need_assessment_ts IS NOT NULL`;
    const within14 = (from: string, to: string, age: string) => scalar(db, `
      SELECT avg((visited <= assessed + 14)::int) FROM (${visits}) WHERE assessed BETWEEN DATE '${from}' AND DATE '${to}' AND ${age}`);
    const before = await within14("2022-09-01", "2023-08-31", "true");
    const after = await within14("2023-09-01", "2024-08-31", "true");
    assert.ok(after > before + 0.05, `within 14 days: ${before} before 1.9.2023, ${after} after`);
    const adults2024 = await within14("2024-01-01", "2024-12-31", "age >= 23");
    const adults2025 = await within14("2025-01-01", "2025-12-31", "age >= 23");
    const young2025 = await within14("2025-01-01", "2025-12-31", "age < 23");
    assert.ok(adults2025 < adults2024 - 0.05, `23+ within 14 days: ${adults2024} in 2024, ${adults2025} in 2025`);
    assert.ok(young2025 > adults2025 + 0.05, `2025: under 23 ${young2025}, 23+ ${adults2025}`);
  });
});

test("parquet output is typed, complete and deterministic", async () => {
  const [a, b] = await Promise.all([generated({ scale: "tiny", seed: 3, format: "parquet" }), generated({ scale: "tiny", seed: 3, format: "parquet" })]);
  const [filesA, filesB] = await Promise.all([filesOf(a), filesOf(b)]);
  assert.deepEqual([...filesA.keys()], ["manifest.json", ...TABLE_NAMES.map((n) => `${n}.parquet`)].sort());
  for (const [name, bytes] of filesA) assert.ok(bytes.equals(filesB.get(name)!), `${name} differs between runs`);
  const manifest = JSON.parse(filesA.get("manifest.json")!.toString("utf8"));
  await withDuckDb(async (db) => {
    for (const name of TABLE_NAMES) {
      assert.equal(await scalar(db, `SELECT count(*) FROM read_parquet('${join(a, `${name}.parquet`)}')`), manifest.tables[name].rows, name);
    }
    const types = (await db.runAndReadAll(`DESCRIBE SELECT * FROM read_parquet('${join(a, "visits.parquet")}')`)).getRowObjectsJson();
    assert.equal(types.find((t) => t.column_name === "visit_start_ts")?.column_type, "TIMESTAMP");
    assert.equal(types.find((t) => t.column_name === "cancelled")?.column_type, "BOOLEAN");
  });
});

test("options are checked", async () => {
  const dir = await mkdtemp(join(tmpdir(), "generate-test-"));
  tempDirs.push(dir);
  await assert.rejects(generateExtract({ outDir: dir, scale: "huge" as never }), /unknown scale/);
  await assert.rejects(generateExtract({ outDir: dir, seed: 1.5 }), /seed must be an integer/);
  await assert.rejects(generateExtract({ outDir: dir, format: "xlsx" as never }), /format must be csv or parquet/);
  await assert.rejects(generateExtract({ outDir: dir, from: "2019-12" }), /from must be a month YYYY-MM from 2020-01 to 2030-12/);
  await assert.rejects(generateExtract({ outDir: dir, to: "2024-13" }), /to must be a month/);
  await assert.rejects(generateExtract({ outDir: dir, from: "2024-01-01" }), /from must be a month/);
  await assert.rejects(generateExtract({ outDir: dir, from: "2025-01", to: "2024-12" }), /from \(2025-01\) is after to \(2024-12\)/);
});
