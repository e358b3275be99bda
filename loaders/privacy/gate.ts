// The publishing gate: the audit (./audit, an attacker that shares no code
// with the suppression) reads the files exactly as they are about to be
// published; if it recovers any withheld figure, nothing is written and the
// build or export stops, naming every such cell.
//
// A verdict is remembered (.build/audit-passed), keyed by the exact bytes
// audited and by the audit's own code and the catalogue: the audit is
// deterministic, so the same files pass again. A table that passed together
// with its data-quality figures also passes alone (fewer published figures
// only weaken the attacker), so the self-assessment after a build of the same
// extract does not wait for a second audit. Every build also hands the audit
// the table before anything was withheld, from which it reads only which sums
// hold (audit/relations.ts); the verdict records which sums it read.
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { PROJECT_ROOT, type Catalogue } from "../indicators/catalogue.ts";
import { auditPublished, type QualityFigures, type UnitMembership } from "./audit/index.ts";

const PASSED_DIR = join(PROJECT_ROOT, ".build", "audit-passed");
const AUDIT_CODE = join(PROJECT_ROOT, "loaders", "privacy", "audit");

const sha = (...parts: string[]) => {
  const h = createHash("sha256");
  for (const p of parts) h.update(`${p.length}:`).update(p);
  return h.digest("hex");
};

/** The table's key: its bytes, the units' areas and models, the audit's code and the catalogue it reads thresholds from. */
function tableKey(csv: string, units: readonly UnitMembership[] | undefined, catalogue: Catalogue): string {
  const code = readdirSync(AUDIT_CODE).sort().map((f) => `${f}\n${readFileSync(join(AUDIT_CODE, f), "utf8")}`);
  const membership = JSON.stringify((units ?? []).map((u) => [u.unit_id, u.area, u.operating_model]));
  return sha(csv, membership, JSON.stringify(catalogue), ...code).slice(0, 32);
}

export async function assertPublishable(
  files: { indicatorsCsv: string; sumsFromCsv?: string; quality?: QualityFigures; units?: readonly UnitMembership[] },
  catalogue: Catalogue,
  onProgress?: (message: string) => void,
): Promise<void> {
  const key = join(PASSED_DIR, tableKey(files.indicatorsCsv, files.units, catalogue));
  // A verdict line is "<sums>/<quality>": the sums the audit read (the whole
  // table's hash, or "inferred" from the published figures alone) and the
  // quality figures beside the table ("none").
  const sums = files.sumsFromCsv === undefined ? "inferred" : sha(files.sumsFromCsv).slice(0, 32);
  const quality = files.quality ? sha(JSON.stringify(files.quality)).slice(0, 32) : "none";
  const passed = existsSync(key) ? readFileSync(key, "utf8").split("\n").filter(Boolean) : [];
  // A pass with the whole table's sums (what every build passes) stands for the
  // audit that infers them too; one that inferred them does not stand for it.
  const covers = (line: string) => {
    const [s, q] = line.split("/");
    return (s === sums || sums === "inferred") && (q === quality || quality === "none");
  };
  if (passed.some(covers)) {
    onProgress?.("privacy audit: these exact files passed it before (same audit code)");
    return;
  }
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
  mkdirSync(PASSED_DIR, { recursive: true });
  writeFileSync(key, [...passed, `${sums}/${quality}`].join("\n") + "\n");
}
