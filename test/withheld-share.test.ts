// The loss to privacy, measured: withheldShares counts, per indicator and
// period type, the cells and those withheld under their threshold or as
// complementary cells, from the indicator table and the suppression log.
import assert from "node:assert/strict";
import { test } from "node:test";
import type { SuppressionLogEntry } from "../loaders/privacy/suppress.ts";
import { withheldShares } from "../loaders/privacy/withheld-share.ts";

type PT = "month" | "quarter" | "half" | "year";
const cells = (indicator_id: string, period_type: PT, count: number) =>
  Array.from({ length: count }, (_, i) => ({ indicator_id, period_type, period: `p${i}`, unit_id: `U${i}`, breakdown_value: "ALL" }));
const entry = (indicator_id: string, period_type: PT, i: number, reason: SuppressionLogEntry["reason"]): SuppressionLogEntry =>
  ({ indicator_id, period_type, period: `p${i}`, unit_id: `U${i}`, breakdown_value: "ALL", reason });

test("withheldShares: cells, threshold and complementary per indicator × period type, in catalogue and period-type order", () => {
  const table = [...cells("B", "year", 2), ...cells("A", "quarter", 4), ...cells("A", "month", 10), ...cells("B", "month", 5), ...cells("Z", "half", 1)];
  const log = [
    entry("A", "month", 0, "threshold"), entry("A", "month", 1, "threshold"), entry("A", "month", 2, "complementary"),
    entry("A", "quarter", 0, "complementary"),
    entry("B", "month", 3, "threshold"),
  ];
  assert.deepEqual(withheldShares(table, log, ["B", "A"]), [
    { indicator_id: "B", period_type: "month", cells: 5, threshold: 1, complementary: 0 },
    { indicator_id: "B", period_type: "year", cells: 2, threshold: 0, complementary: 0 },
    { indicator_id: "A", period_type: "month", cells: 10, threshold: 2, complementary: 1 },
    { indicator_id: "A", period_type: "quarter", cells: 4, threshold: 0, complementary: 1 },
    // Not in the given order: after those that are.
    { indicator_id: "Z", period_type: "half", cells: 1, threshold: 0, complementary: 0 },
  ]);
});

test("withheldShares: a cell logged twice counts once (as threshold if either says so); a log entry without a cell is an error", () => {
  const table = cells("A", "month", 3);
  const log = [entry("A", "month", 0, "complementary"), entry("A", "month", 0, "threshold"), entry("A", "month", 1, "complementary"), entry("A", "month", 1, "complementary")];
  assert.deepEqual(withheldShares(table, log), [{ indicator_id: "A", period_type: "month", cells: 3, threshold: 1, complementary: 1 }]);
  assert.deepEqual(withheldShares([], []), []);
  assert.throws(() => withheldShares(table, [entry("A", "year", 0, "threshold")]), /does not have/);
});
