// The fast path for the common timestamp form must type exactly what the
// contract's regular expressions type: every one- and two-character change of
// a timestamp is typed both ways and compared.
import assert from "node:assert/strict";
import { test } from "node:test";
import { openDb } from "../loaders/db.ts";
import { canonicalTimestamp, timestampByRule, typedExpr } from "../loaders/validate/typed-columns.ts";

const BASE = "2021-03-14T15:26:53";
const PRINTABLE = Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i));
const SUSPECT = [" ", "+", "-", ".", ",", ":", "/", "_", "T", "Z", "z", "e", "0", "9"];

function changes(): string[] {
  const values = new Set([BASE]);
  for (let i = 0; i < BASE.length; i++) for (const c of PRINTABLE) values.add(BASE.slice(0, i) + c + BASE.slice(i + 1));
  for (let i = 0; i < BASE.length; i++) {
    for (let j = i + 1; j < BASE.length; j++) {
      for (const a of SUSPECT) for (const b of SUSPECT) values.add(BASE.slice(0, i) + a + BASE.slice(i + 1, j) + b + BASE.slice(j + 1));
    }
  }
  return [...values];
}

test("timestamps in the common form are typed as the contract's regular expressions type them, on every one- and two-character change", async () => {
  const db = await openDb();
  try {
    const values = changes();
    await db.run(`CREATE TABLE s AS SELECT unnest($$${JSON.stringify(values)}$$::VARCHAR[]) AS x`);
    const typed = typedExpr({ name: "x", type: "timestamp" }, "x");
    const [counts] = await db.all<{ n: number; fast: number; byRule: number }>(`
      SELECT count(*) AS n, count(*) FILTER (WHERE ${canonicalTimestamp("x")}) AS fast,
             count(*) FILTER (WHERE NOT ${canonicalTimestamp("x")} AND ${typed} IS NOT NULL) AS byRule FROM s`);
    assert.equal(counts.n, values.length);
    // The fast path is taken, and not only by the unchanged timestamp.
    assert.ok(counts.fast > 100, `fast path taken ${counts.fast} times`);
    assert.ok(counts.byRule > 0, "some changes are still timestamps by the rule (a space for the T)");
    const differ = await db.all<{ x: string; fast: string | null; rule: string | null }>(`
      SELECT x, CAST(${typed} AS VARCHAR) AS fast, CAST(${timestampByRule("x")} AS VARCHAR) AS rule
      FROM s WHERE fast IS DISTINCT FROM rule LIMIT 5`);
    assert.deepEqual(differ, []);
  } finally {
    db.close();
  }
});
