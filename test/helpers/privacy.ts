// The privacy guarantee checked on any indicator table the way a reader would
// try it: the audit (loaders/privacy/audit), an attacker over the published
// table that shares no code with the suppression, must recover nothing.
import assert from "node:assert/strict";
import { loadCatalogue } from "../../loaders/indicators/catalogue.ts";
import { toExportCsv } from "../../loaders/publish/emit.ts";
import type { PublishedCell } from "../../src/lib/cell.ts";
import { auditPublished, type UnitMembership } from "../../loaders/privacy/audit/index.ts";

/** `units`: the published units list, which places the cells of areas and operating models. */
export async function assertNothingRecoverable(cells: readonly PublishedCell[], units?: readonly UnitMembership[]): Promise<void> {
  const { violations, contradictions } = await auditPublished({ indicatorsCsv: toExportCsv(cells), units, catalogue: loadCatalogue() });
  assert.equal(contradictions, 0, "the audit finds the published figures consistent");
  // A numerator that can only be 0 is reported apart, not a recovered figure (README, "Privacy").
  assert.deepEqual(violations.filter((v) => v.rule !== "zero").map((v) => v.message), [], "the audit recovers withheld figures");
}
