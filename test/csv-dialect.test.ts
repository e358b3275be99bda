// The project writes CSV two ways, in one dialect (loaders/extract/csv.ts): rows by
// d3-dsv (csvText), tables by arquero's toCSV (the export, the statuses).
// Both must give the same text, field by field, for the awkward values.
import assert from "node:assert/strict";
import { test } from "node:test";
import { from, toCSV } from "arquero";
import { csvText } from "../loaders/extract/csv.ts";
import { EXPORT_COLUMNS, toExportCsv } from "../loaders/publish/emit.ts";
import type { PublishedCell } from "../src/lib/cell.ts";

const rows = [
  { a: 'say "hi"', b: "x,y", c: "line\nbreak", d: " padded ", e: null, f: 1.5, g: true },
  { a: "cr\rhere", b: "", c: "semi;colon", d: "ä ö", e: undefined, f: -12, g: false },
];
const expected =
  "a,b,c,d,e,f,g\n" +
  '"say ""hi""","x,y","line\nbreak", padded ,,1.5,true\n' +
  '"cr\rhere",,semi;colon,ä ö,,-12,false\n';

test("arquero's toCSV and csvText write the same dialect", () => {
  const columns = ["a", "b", "c", "d", "e", "f", "g"] as const;
  assert.equal(csvText([columns, ...rows.map((r) => columns.map((c) => r[c]))]), expected);
  assert.equal(toCSV(from(rows, [...columns])), expected);
  assert.equal(toCSV(from([], [...columns])), "a,b,c,d,e,f,g\n", "a table without rows is its header");
});

test("the export writes each figure as the shortest text that reads back to it; a figure not published is empty", () => {
  const cell = (o: Partial<PublishedCell>): PublishedCell => ({
    indicator_id: "X", period_type: "year", period: "2021", unit_id: "U,1", breakdown: "ALL", breakdown_value: "ALL",
    numerator: 1, denominator: 3, value: 1 / 3, suppressed: false, ...o,
  });
  const csv = toExportCsv([
    cell({}),
    cell({ numerator: -0, denominator: 1e21, value: 1e-7 }),
    cell({ numerator: null, denominator: null, value: null, suppressed: true }),
    cell({ numerator: null, denominator: Infinity, value: NaN }),
  ]);
  assert.equal(csv, [
    EXPORT_COLUMNS.join(","),
    'X,year,2021,"U,1",ALL,ALL,1,3,0.3333333333333333,false',
    'X,year,2021,"U,1",ALL,ALL,0,1e+21,1e-7,false',
    'X,year,2021,"U,1",ALL,ALL,,,,true',
    'X,year,2021,"U,1",ALL,ALL,,,,false',
  ].join("\n") + "\n");
});
