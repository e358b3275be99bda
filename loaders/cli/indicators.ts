// npm run indicators -- --out FILE.csv [--extracts DIR] [--tolerant] [--previous OLD.csv]
// Writes the suppressed indicator table in the export format of docs/indicators.md, and
// beside it FILE.meta.json: the extract it came from, the rows per table
// (rounded to the nearest hundred, as on the data-quality page, so that they
// cannot be combined with the table to work out a withheld figure; and whether
// they add up to the manifest's counts exactly), rows quarantined in tolerant
// mode (per rule, exactly) and the cells withheld per indicator and period type.
// With --previous or PREVIOUS_EXPORT (an earlier export, its OLD.csv.meta.json beside it), also
// FILE.changes.json: what changed since that extract (loaders/publish/extract-changes.ts).
import { readFileSync, writeFileSync } from "node:fs";
import { loadCatalogue } from "../indicators/catalogue.ts";
import { publish, toExportCsv, unwithheldCsv } from "../publish/emit.ts";
import { publishedTables } from "../publish/page-data.ts";
import { runPipeline } from "../pipeline.ts";
import { assertPublishable } from "../privacy/gate.ts";
import { withheldShares } from "../privacy/withheld-share.ts";
import { computeChanges, parseExportCsv, previousExport } from "../publish/extract-changes.ts";
import { extractDirFromEnv, parseArgs, runCli } from "./args.ts";

runCli(async () => {
  const args = parseArgs(process.argv.slice(2), { out: "string", extracts: "string", tolerant: "boolean", previous: "string" });
  if (!args.out) throw new Error("usage: npm run indicators -- --out FILE.csv [--extracts DIR] [--tolerant] [--previous OLD.csv]");
  const dir = (args.extracts as string | undefined) ?? (await extractDirFromEnv());
  const tolerant = Boolean(args.tolerant);
  const catalogue = loadCatalogue();
  const result = await runPipeline(dir, { tolerant, catalogue, onProgress: (m) => console.error(m) });
  const out = args.out as string;
  const csv = toExportCsv(publish(result.cells));
  const { manifest, tables, quarantine } = result.extract;
  const meta = {
    manifest: { source: manifest.source, extracted_at: manifest.extracted_at, period: manifest.period },
    mode: tolerant ? "tolerant" : "strict",
    tables: publishedTables(tables),
    quarantinedRows: tables.reduce((sum, t) => sum + t.quarantined, 0),
    quarantine,
    cells: result.cells.length,
    suppressedCells: result.suppressionLog.length,
    withheld: withheldShares(result.cells, result.suppressionLog, catalogue.indicators.map((i) => i.id)),
  };
  // The publishing gate: the audit reads both files as they will be written; nothing is written if it recovers anything.
  await assertPublishable({ indicatorsCsv: csv, sumsFromCsv: unwithheldCsv(result.unwithheld), quality: meta, units: result.units }, catalogue, (m) => console.error(m));
  writeFileSync(out, csv);
  writeFileSync(`${out}.meta.json`, JSON.stringify(meta, null, 2) + "\n");
  const previousFile = (args.previous as string | undefined) ?? process.env.PREVIOUS_EXPORT;
  if (previousFile) {
    const current = { source: manifest.source, extracted_at: manifest.extracted_at };
    const previous = previousExport("", current, { PREVIOUS_EXPORT: previousFile })!;
    const cells = parseExportCsv(readFileSync(previous.path, "utf8"));
    const changes = computeChanges(cells, parseExportCsv(csv), { current, previous: { ...previous.ref, origin: "given" } }, catalogue);
    writeFileSync(`${out}.changes.json`, JSON.stringify(changes, null, 2) + "\n");
  }
  const q = meta.quarantinedRows ? `; ${meta.quarantinedRows} rows quarantined (see ${out}.meta.json)` : "";
  console.error(`wrote ${result.cells.length} rows to ${out}${q}`);
});
