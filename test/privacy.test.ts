// Privacy by construction: an extract whose every identifier is recognisable
// is built into the site and the export; none of its identifiers, and no
// row-level timestamp, may appear anywhere in the output. Published cells are
// never under their threshold and no additive group leaves a lone hidden cell.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { after, before, test } from "node:test";
import JSZip from "jszip";
import { loadCatalogue, thresholdOf } from "../loaders/catalogue.ts";
import { openDb } from "../loaders/db.ts";
import { publish, toExportCsv } from "../loaders/emit.ts";
import { generateExtract } from "../loaders/generate/index.ts";
import type { IndicatorCell } from "../loaders/indicator-row.ts";
import { runPipeline } from "../loaders/pipeline.ts";
import { tempDir } from "./helpers/extract.ts";
import { assertNoLoneHiddenCell } from "./helpers/privacy.ts";

const MARK = "ZQXSALAINEN";
const ID_COLUMNS: Record<string, string[]> = {
  clients: ["client_id"], contacts: ["contact_id", "client_id"], visits: ["visit_id", "client_id", "contact_id"],
  customer_feedback: ["response_id"], staff_survey: ["respondent_id"], service_vouchers: ["voucher_id", "client_id"],
  conditions: ["client_id"], measurements: ["client_id"], interventions: ["client_id"],
};

let extract: string;
let dist: string;
let cells: IndicatorCell[];
let exportCsv: string;
let rowTimestamps: Set<string>;

before(async () => {
  extract = tempDir("privacy-extract-");
  await generateExtract({ outDir: extract, scale: "tiny", seed: 7 });
  const db = await openDb();
  for (const [table, columns] of Object.entries(ID_COLUMNS)) {
    const file = join(extract, `${table}.csv`);
    const replace = columns.map((c) => `CASE WHEN "${c}" IS NULL THEN NULL ELSE '${MARK}-' || "${c}" END AS "${c}"`).join(", ");
    await db.run(`CREATE TABLE t AS SELECT * REPLACE (${replace}) FROM read_csv('${file}', all_varchar = true, header = true)`);
    await db.run(`COPY t TO '${file}' (HEADER, DELIMITER ',')`);
    await db.run(`DROP TABLE t`);
  }
  // Row-level timestamps of contacts and visits, to look for in the output.
  const rows = await db.all<{ ts: string }>(`SELECT contact_ts AS ts FROM read_csv('${join(extract, "contacts.csv")}', all_varchar = true) LIMIT 200`);
  rowTimestamps = new Set(rows.map((r) => r.ts));
  db.close();
  dist = join(tempDir("privacy-dist-"), "site");
  execFileSync(process.execPath, ["--import", "tsx", "scripts/build.ts", "--out", dist], { env: { ...process.env, EXTRACT_DIR: extract }, stdio: ["ignore", "ignore", "pipe"] });
  const result = await runPipeline(extract);
  cells = result.cells;
  exportCsv = toExportCsv(publish(cells));
});

after(() => {});

function* files(dir: string): Generator<string> {
  for (const entry of readdirSync(dir)) {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) yield* files(path);
    else yield path;
  }
}

async function texts(path: string): Promise<string[]> {
  const bytes = readFileSync(path);
  if (/\.(docx|xlsx|zip)$/.test(path)) {
    const zip = await JSZip.loadAsync(bytes);
    return Promise.all(Object.values(zip.files).filter((f) => !f.dir).map((f) => f.async("string")));
  }
  return [bytes.toString("latin1")];
}

test("no identifier of the extract appears anywhere in the built site or the export", async () => {
  let scanned = 0;
  for (const file of files(dist)) {
    for (const text of await texts(file)) {
      assert.ok(!text.includes(MARK), `an identifier leaked into ${file}`);
      scanned++;
    }
  }
  assert.ok(scanned > 10, "the site was scanned");
  assert.ok(!exportCsv.includes(MARK));
});

test("no row-level timestamp reaches the site", async () => {
  assert.ok(rowTimestamps.size > 0);
  for (const file of files(dist)) {
    for (const text of await texts(file)) {
      for (const ts of rowTimestamps) assert.ok(!text.includes(ts), `row timestamp ${ts} in ${file}`);
    }
  }
});

test("no published cell is under its threshold, and n never leaves the pipeline", () => {
  const thresholds = new Map(loadCatalogue().indicators.map((i) => [i.id, thresholdOf(i)]));
  const published = cells.filter((c) => !c.suppressed);
  assert.ok(published.length > 100 && cells.length > published.length, "some cells are published and some withheld");
  for (const c of published) {
    const t = thresholds.get(c.indicator_id);
    if (t != null) assert.ok(c.n !== null && c.n >= t, `${c.indicator_id} ${c.period} ${c.unit_id} n=${c.n}`);
  }
  for (const c of cells.filter((x) => x.suppressed)) assert.deepEqual([c.value, c.numerator, c.denominator], [null, null, null]);
  assert.ok(!exportCsv.split("\n")[0].split(",").includes("n"));
});

test("no group that adds up to a published total has exactly one suppressed cell", () => {
  assertNoLoneHiddenCell(cells);
});
