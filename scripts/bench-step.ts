// One measured step of the benchmark, run in its own process so that its peak
// memory (max RSS, DuckDB's native memory included) is its own.
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { loadCatalogue } from "../loaders/indicators/catalogue.ts";
import { computeIndicators } from "../loaders/indicators/compute-indicators.ts";
import { openDb } from "../loaders/db.ts";
import { ingestExtract } from "../loaders/validate/ingest.ts";
import { publish, toExportCsv, unwithheldCsv } from "../loaders/publish/emit.ts";
import { auditPublished } from "../loaders/privacy/audit/index.ts";
import { suppressOnCores } from "../loaders/privacy/suppress-on-cores.ts";

const [step, dir, scale] = process.argv.slice(2);
const started = performance.now();
const marks: Record<string, number> = {};
const memoryLimit = process.env.BENCH_MEMORY_LIMIT;

if (step === "generate") {
  const { generateExtract } = await import("../loaders/generate/index.ts");
  const contacts = process.env.BENCH_CONTACTS ? Number(process.env.BENCH_CONTACTS) : undefined;
  await generateExtract({ outDir: dir, scale: scale as "small" | "helsinki", contacts });
} else if (step === "bare-load") {
  // What DuckDB alone takes to load the same files, typed by its own sniffer.
  const db = await openDb({ memoryLimit });
  for (const file of readdirSync(dir).filter((f) => f.endsWith(".csv")).sort()) {
    await db.run(`CREATE TABLE "${file.replace(/\.csv$/, "")}" AS SELECT * FROM read_csv_auto('${join(dir, file)}')`);
  }
  db.close();
} else if (step === "pipeline") {
  const ingested = await ingestExtract(dir, { memoryLimit, onProgress: (m) => console.error(`  ${m}`) });
  marks.validate_ingest_s = (performance.now() - started) / 1000;
  const catalogue = loadCatalogue();
  const t = performance.now();
  const cells = await computeIndicators(ingested.db, catalogue, { present: ingested.present, period: ingested.manifest.period, onProgress: (m) => console.error(`  ${m}`) });
  const units = await ingested.db.all<{ unit_id: string; area: string; operating_model: string }>(`SELECT unit_id, area, operating_model FROM units`);
  ingested.db.close();
  marks.indicators_s = (performance.now() - t) / 1000;
  const s = performance.now();
  const suppressed = await suppressOnCores(cells, catalogue, { unitGroups: new Map(units.map((u) => [u.unit_id, { area: u.area, model: u.operating_model }])) });
  marks.suppression_s = (performance.now() - s) / 1000;
  const a = performance.now();
  const audit = await auditPublished({ indicatorsCsv: toExportCsv(publish(suppressed.cells)), sumsFromCsv: unwithheldCsv(cells), units, catalogue });
  marks.audit_s = (performance.now() - a) / 1000;
  // As the build's gate counts them: zeros are reported, not refused (loaders/privacy/gate.ts).
  marks.audit_recovered = audit.violations.filter((v) => v.rule !== "zero").length;
  marks.audit_zeros = audit.violations.length - marks.audit_recovered;
  marks.audit_contradictions = audit.contradictions;
  marks.cells = cells.length;
  marks.suppressed = suppressed.log.length;
  marks.threshold = suppressed.log.filter((l) => l.reason === "threshold").length;
} else {
  throw new Error(`unknown step ${step}`);
}
const usage = process.resourceUsage();
process.stdout.write(JSON.stringify({ step, seconds: (performance.now() - started) / 1000, peak_rss_mb: Math.round(usage.maxRSS / 1024), ...marks }) + "\n");
