// The publishing gate: the audit (./audit, an attacker that shares no code
// with the suppression) reads the files exactly as they are about to be
// published; if it recovers any withheld figure, nothing is written and the
// build or export stops, naming every such cell.
import type { Catalogue } from "../catalogue.ts";
import { auditPublished, type QualityFigures } from "./audit/index.ts";

export async function assertPublishable(files: { indicatorsCsv: string; quality?: QualityFigures }, catalogue: Catalogue, onProgress?: (message: string) => void): Promise<void> {
  const started = Date.now();
  const found = await auditPublished({ ...files, catalogue });
  const { stats } = found;
  // A numerator that can only be 0 is reported, not refused (README, "Privacy"); anything else is.
  const zeros = found.violations.filter((v) => v.rule === "zero");
  const violations = found.violations.filter((v) => v.rule !== "zero");
  onProgress?.(`privacy audit: ${stats.withheldCells} withheld cells, ${stats.lps} linear programs, ${violations.length} figures recovered, ${zeros.length} withheld zeros visible as zeros, ${Date.now() - started} ms`);
  if (found.contradictions) throw new Error(`refusing to publish: the privacy audit finds ${found.contradictions} published figures that contradict the sums it reads, so it cannot vouch for them`);
  if (violations.length) {
    throw new Error(
      `refusing to publish: the privacy audit works out ${violations.length} withheld figure${violations.length === 1 ? "" : "s"} from the published files:\n` +
        violations.map((v) => `  ${v.message}`).join("\n"),
    );
  }
}
