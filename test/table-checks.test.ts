// Keys proven distinct by ascending row by row skip the grouping duplicate-key
// rule, so the proof must never pass a table that could hold a duplicate.
import assert from "node:assert/strict";
import { test } from "node:test";
import { openDb } from "../loaders/db.ts";
import { ascendingKeysSql } from "../loaders/validate/table-checks.ts";

async function ascends(keys: (string | null)[]): Promise<boolean> {
  const db = await openDb();
  try {
    await db.run(`CREATE TABLE typed_units (unit_id VARCHAR)`);
    for (const k of keys) await db.run(`INSERT INTO typed_units VALUES (${k === null ? "NULL" : `'${k}'`})`);
    const rows = await db.all<{ tbl: string }>(ascendingKeysSql(new Set(["units"]))!);
    return rows.some((r) => r.tbl === "units");
  } finally {
    db.close();
  }
}

test("keys ascending row by row are proven distinct, including the last row", async () => {
  assert.equal(await ascends(["U1", "U2", "U3"]), true);
  assert.equal(await ascends(["A", "B"]), true);
  assert.equal(await ascends(["U1"]), true);
  assert.equal(await ascends([]), true);
});

test("equal neighbours, a step down or a NULL key leave the keys to the grouping rule", async () => {
  assert.equal(await ascends(["U1", "U2", "U2"]), false);
  assert.equal(await ascends(["U1", "U1"]), false);
  assert.equal(await ascends(["U2", "U1"]), false);
  assert.equal(await ascends(["U1", "U3", "U2", "U4"]), false);
  assert.equal(await ascends(["U1", null, "U3"]), false);
});

test("no keyed table loaded: nothing to prove", () => {
  assert.equal(ascendingKeysSql(new Set()), null);
  assert.equal(ascendingKeysSql(new Set(["costs", "staffing"])), null);
});
