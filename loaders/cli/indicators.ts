// npm run indicators -- --out FILE.csv [--extracts DIR] [--tolerant]
// Writes the suppressed indicator table in the export format of the spec, and
// beside it FILE.meta.json: the extract it came from, the rows per table,
// rows quarantined in tolerant mode (per rule) and the cells withheld.
import { writeFileSync } from "node:fs";
import { publish, toExportCsv } from "../emit.ts";
import { runPipeline } from "../pipeline.ts";
import { extractDirFromEnv, parseArgs, runCli } from "./args.ts";

runCli(async () => {
  const args = parseArgs(process.argv.slice(2), { out: "string", extracts: "string", tolerant: "boolean" });
  if (!args.out) throw new Error("usage: npm run indicators -- --out FILE.csv [--extracts DIR] [--tolerant]");
  const dir = (args.extracts as string | undefined) ?? (await extractDirFromEnv());
  const tolerant = Boolean(args.tolerant);
  const result = await runPipeline(dir, { tolerant, onProgress: (m) => console.error(m) });
  const out = args.out as string;
  writeFileSync(out, toExportCsv(publish(result.cells)));
  const { manifest, tables, quarantine } = result.extract;
  const meta = {
    manifest: { source: manifest.source, extracted_at: manifest.extracted_at, period: manifest.period },
    mode: tolerant ? "tolerant" : "strict",
    tables,
    quarantinedRows: tables.reduce((sum, t) => sum + t.quarantined, 0),
    quarantine,
    cells: result.cells.length,
    suppressedCells: result.suppressionLog.length,
  };
  writeFileSync(`${out}.meta.json`, JSON.stringify(meta, null, 2) + "\n");
  const q = meta.quarantinedRows ? `; ${meta.quarantinedRows} rows quarantined (see ${out}.meta.json)` : "";
  console.error(`wrote ${result.cells.length} rows to ${out}${q}`);
});
