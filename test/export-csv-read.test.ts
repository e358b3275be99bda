// The export CSV read back for the site's loaders (loaders/self-assessment/cells.ts):
// its fast reader gives exactly what arquero's fromCSV gives — the same
// values (an empty field null, numbers by Number, `suppressed` true only for
// "true"), the same keys in the same order — and any text it does not take
// (quotes, "\r", a line of another length, an empty line) is read by arquero.
import assert from "node:assert/strict";
import { test } from "node:test";
import { fromCSV } from "arquero";
import { EXPORT_COLUMNS, toExportCsv } from "../loaders/publish/emit.ts";
import { parseExportCsv } from "../loaders/self-assessment/cells.ts";
import type { PublishedCell } from "../src/lib/cell.ts";

const num = (s: string): number | null => (s === "" ? null : Number(s));
const arquero = (text: string) => fromCSV(text, { autoType: false, parse: { numerator: num, denominator: num, value: num, suppressed: (s: string) => s === "true" } }).objects();
const H = EXPORT_COLUMNS.join(",");

/** Row by row, key by key, with Object.is (-0 and NaN told apart). */
function assertSame(actual: readonly object[], expected: readonly object[], what: string) {
  assert.equal(actual.length, expected.length, what);
  actual.forEach((row, i) => {
    const want = expected[i] as Record<string, unknown>;
    assert.deepEqual(Object.keys(row), Object.keys(want), `${what}: row ${i}'s keys`);
    for (const k of Object.keys(want)) assert.ok(Object.is((row as Record<string, unknown>)[k], want[k]), `${what}: row ${i} ${k}: ${(row as Record<string, unknown>)[k]} ≠ ${want[k]}`);
  });
}

test("the export CSV reads as arquero reads it, in the plain dialect and out of it", () => {
  const texts = {
    "no rows": `${H}\n`,
    "one row": `${H}\nA,month,2020-01,ALL,ALL,ALL,1,2,0.5,false\n`,
    "no last newline": `${H}\nA,month,2020-01,ALL,ALL,ALL,1,2,0.5,false`,
    "empty fields, spaces, odd numbers": `${H}\nA,month,2020-01,,, ,,,,\nB,half,2020H1,U, x ,y,NaN,-0,1e21,true\nC,year,2020,U,b,v, 1 ,0x10,.5,TRUE\n`,
    "an empty line inside": `${H}\n\nA,month,2020-01,ALL,ALL,ALL,1,2,0.5,false\n`,
    "an empty line at the end": `${H}\nA,month,2020-01,ALL,ALL,ALL,1,2,0.5,false\n\n`,
    "a short line": `${H}\nA,month\n`,
    "a long line": `${H}\nA,month,2020-01,ALL,ALL,ALL,1,2,0.5,false,extra\n`,
    "a quoted field": `${H}\n"A,1",month,2020-01,ALL,ALL,"A""LL",1,2,0.5,false\n`,
    "CRLF rows": `${H}\nA,month,2020-01,ALL,ALL,ALL,1,2,0.5,false\r\nB,month,2020-02,ALL,ALL,ALL,1,2,0.5,true\r\n`,
  };
  for (const [what, text] of Object.entries(texts)) assertSame(parseExportCsv(text), arquero(text), what);
});

test("toExportCsv's cells read back as they were, withheld figures null", () => {
  const cells: PublishedCell[] = [
    { indicator_id: "ACC_FIRST_CONTACT", period_type: "month", period: "2021-07", unit_id: "ALL", breakdown: "ALL", breakdown_value: "ALL", numerator: 639, denominator: 1304, value: 639 / 1304, suppressed: false },
    { indicator_id: "ACC_FIRST_CONTACT", period_type: "half", period: "2021H2", unit_id: "U1", breakdown: "ALL", breakdown_value: "ALL", numerator: null, denominator: null, value: null, suppressed: true },
    { indicator_id: "COST_PER_CLIENT", period_type: "year", period: "2021", unit_id: "area:ITA", breakdown: "sex", breakdown_value: "2", numerator: null, denominator: null, value: 1234.5678901234567, suppressed: false },
  ];
  const text = toExportCsv(cells);
  assert.deepEqual(parseExportCsv(text), cells);
  assertSame(parseExportCsv(text), arquero(text), "toExportCsv");
});
