// The published indicator table of a generated extract, as the build writes
// it (loaders/publish/page-data.ts: the export CSV and the pages' Arrow table), held
// against a committed snapshot cell by cell: a refactor must leave every
// figure as it was. The snapshot keeps the cells of 2021 (every indicator,
// period type, unit, area, operating model and breakdown value of that year:
// about 29 000 of the 115 000, 130 kB gzipped), so that the file stays small.
// UPDATE_SNAPSHOTS=1 rewrites it: do so only for a change that is meant to
// move figures, and say which in the commit.
import assert from "node:assert/strict";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { gunzipSync, gzipSync } from "node:zlib";
import { before, test } from "node:test";
import { tableFromIPC } from "apache-arrow";
import { csvParse } from "d3-dsv";
import { generateExtract } from "../loaders/generate/index.ts";
import { ensurePageData } from "../loaders/publish/page-data.ts";
import { diffExports } from "./helpers/export-diff.ts";
import { tempDir } from "./helpers/extract.ts";

const SNAPSHOT = join(dirname(fileURLToPath(import.meta.url)), "snapshots", "export-tiny-seed1-2021.csv.gz");
const YEAR = "2021";

/** The header and the rows of the snapshot's year, in the export's order. */
function snapshotPart(csv: string): string {
  const lines = csv.split("\n");
  const periodIndex = lines[0].split(",").indexOf("period");
  // No field before `period` holds a comma or a quote (ids and period types), so a split finds it.
  return [lines[0], ...lines.slice(1).filter((l) => l.split(",", periodIndex + 1)[periodIndex]?.startsWith(YEAR))].join("\n") + "\n";
}

let dir: string;
before(async () => {
  const extract = join(tempDir("snapshot-"), "extract");
  await generateExtract({ outDir: extract, scale: "tiny", seed: 1 });
  dir = await ensurePageData(extract, { outDir: join(tempDir("snapshot-page-data-"), "page-data"), tolerant: false });
});

test("the export of the tiny generated extract (seed 1) has every figure of the snapshot, cell by cell", () => {
  const actual = snapshotPart(readFileSync(join(dir, "indicators.csv"), "utf8"));
  if (process.env.UPDATE_SNAPSHOTS === "1") {
    mkdirSync(dirname(SNAPSHOT), { recursive: true });
    writeFileSync(SNAPSHOT, gzipSync(actual, { level: 9 }));
    return;
  }
  assert.ok(existsSync(SNAPSHOT), `no snapshot at ${SNAPSHOT}: run with UPDATE_SNAPSHOTS=1 to write it`);
  const expected = gunzipSync(readFileSync(SNAPSHOT)).toString("utf8");
  assert.ok(csvParse(expected).length > 10_000, "the snapshot holds the year's cells");
  const diff = diffExports(expected, actual);
  assert.ok(
    diff.lines.length === 0,
    `the export differs from the snapshot (${diff.changed} cells changed, ${diff.missing} missing, ${diff.added} new${diff.reordered ? ", rows reordered" : ""}):\n  ${diff.lines.join("\n  ")}\n` +
      "If the change is meant, rewrite the snapshot with UPDATE_SNAPSHOTS=1.",
  );
  assert.equal(actual, expected, "same cells and order, yet other bytes");
});

test("the pages' Arrow table holds the export's cells: a withheld figure is null (not NaN), a published one the CSV's number", () => {
  const csv = csvParse(readFileSync(join(dir, "indicators.csv"), "utf8"));
  const table = tableFromIPC(readFileSync(join(dir, "indicators.arrow")));
  assert.equal(table.numRows, csv.length);
  const columns = Object.fromEntries(csv.columns.map((c) => [c, table.getChild(c)!]));
  let withheld = 0;
  for (let i = 0; i < csv.length; i++) {
    const row = csv[i];
    for (const c of ["indicator_id", "period_type", "period", "unit_id", "breakdown", "breakdown_value"]) assert.equal(columns[c].get(i), row[c]);
    assert.equal(columns.suppressed.get(i), row.suppressed === "true", `row ${i + 1}: suppressed`);
    if (row.suppressed === "true") withheld++;
    for (const c of ["numerator", "denominator", "value"]) {
      const cell = columns[c].get(i) as number | null;
      // An empty field is a figure the export does not publish: null in Arrow.
      assert.equal(cell, row[c] === "" ? null : Number(row[c]), `row ${i + 1} (${row.indicator_id} ${row.period} ${row.unit_id}): ${c}`);
    }
  }
  assert.ok(withheld > 100 && withheld < csv.length, "the extract has withheld and published cells");
  for (const c of ["numerator", "denominator", "value"]) assert.ok(columns[c].nullCount >= withheld, `${c}: null for each withheld cell`);
});

test("diffExports names the cells that changed, went missing or appeared, and a reordering", () => {
  const header = "indicator_id,period_type,period,unit_id,breakdown,breakdown_value,numerator,denominator,value,suppressed";
  const a = "A,year,2021,ALL,ALL,ALL,3,4,0.75,false";
  const b = "A,year,2021,U1,ALL,ALL,,,,true";
  const c = "B,month,2021-01,ALL,sex,2,1,2,0.5,false";
  const csv = (...rows: string[]) => [header, ...rows].join("\n") + "\n";
  assert.deepEqual(diffExports(csv(a, b, c), csv(a, b, c)).lines, []);
  const moved = diffExports(csv(a, b, c), csv("A,year,2021,ALL,ALL,ALL,3,5,0.6,false", b));
  assert.deepEqual(moved.lines, [
    'A / year / 2021 / ALL / ALL / ALL: denominator "4" → "5", value "0.75" → "0.6"',
    "missing cell B / month / 2021-01 / ALL / sex / 2",
  ]);
  assert.deepEqual([moved.changed, moved.missing, moved.added], [1, 1, 0]);
  const added = diffExports(csv(a), csv(a, "A,year,2021,U1,ALL,ALL,1,2,0.5,false"));
  assert.deepEqual(added.lines, ["new cell A / year / 2021 / U1 / ALL / ALL"]);
  const reordered = diffExports(csv(a, b), csv(b, a));
  assert.ok(reordered.reordered);
  assert.deepEqual(reordered.lines, ["same cells in another order: row 1 was A / year / 2021 / ALL / ALL / ALL, is A / year / 2021 / U1 / ALL / ALL"]);
});
