// npm run self-assessment -- --period 2021H2 --out FILE.docx [--lang fi|sv|en]
//   [--xlsx FILE.xlsx] [--csv DIR] [--extracts DIR] [--baseline 2020H1]
//   [--narratives DIR|FILE.xlsx] [--tolerant] [--no-charts]
// Writes the self-assessment (oma-arviointi) of one half-year: a Word document,
// optionally an Excel workbook and the tables as CSV files — each table twice in
// DIR, for Finnish Excel (HT1-mittarit.csv) and for calculation
// (HT1-mittarit-data.csv). The documents are dated by the extract, never by the
// clock. Reads EXTRACT_DIR
// (or --extracts, or the bundled sample) through the pipeline, so every figure
// is suppressed exactly as on the site, and passes the same privacy audit
// before anything is written. Narratives and measure statuses come from the
// Markdown files and the office's filled-in workbooks of the narratives folder
// (office.ts), or from the one workbook --narratives FILE.xlsx names.
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { loadCatalogue } from "../indicators/catalogue.ts";
import { publish, toExportCsv, unwithheldCsv } from "../publish/emit.ts";
import { runPipeline } from "../pipeline.ts";
import { assertPublishable } from "../privacy/gate.ts";
import { extractDirFromEnv, parseArgs, runCli } from "../cli/args.ts";
import { inputsFromPipeline, LANGS, renderExports, selfAssessmentWithWorkbooks } from "./build.ts";
import { writeCsvDir } from "./csv.ts";
import { isPeriod } from "../../src/lib/periods.ts";
import type { Lang } from "./present.ts";

const USAGE = "usage: npm run self-assessment -- --period 2021H2 --out FILE.docx [--lang fi|sv|en] [--xlsx FILE.xlsx] [--csv DIR] [--extracts DIR] [--baseline 2020H1] [--narratives DIR|FILE.xlsx] [--tolerant] [--no-charts]";

function write(path: string, data: Buffer | string): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, data);
}

runCli(async () => {
  const args = parseArgs(process.argv.slice(2), {
    period: "string", out: "string", lang: "string", xlsx: "string", csv: "string", extracts: "string",
    baseline: "string", narratives: "string", tolerant: "boolean", "no-charts": "boolean",
  });
  if (!args.period || !args.out) throw new Error(USAGE);
  const lang = (args.lang ?? "fi") as Lang;
  if (!LANGS.includes(lang)) throw new Error(`--lang ${JSON.stringify(args.lang)}: expected fi, sv or en`);
  // A malformed half-year is caught before the pipeline runs (the "no data" check needs the data).
  for (const flag of ["period", "baseline"] as const) {
    if (args[flag] !== undefined && !isPeriod(args[flag], "half")) throw new Error(`--${flag} ${JSON.stringify(args[flag])} is not a half-year; write it like 2021H2 (H1 = January–June, H2 = July–December)`);
  }
  const dir = (args.extracts as string | undefined) ?? (await extractDirFromEnv());
  const result = await runPipeline(dir, { tolerant: Boolean(args.tolerant), onProgress: (m) => console.error(m) });
  // The publishing gate: the documents carry cells of this table only.
  await assertPublishable({ indicatorsCsv: toExportCsv(publish(result.cells)), sumsFromCsv: unwithheldCsv(result.unwithheld), units: result.units }, loadCatalogue(), (m) => console.error(m));
  const narratives = args.narratives as string | undefined;
  const workbook = narratives?.toLowerCase().endsWith(".xlsx");
  const model = await selfAssessmentWithWorkbooks(inputsFromPipeline(result), args.period as string, {
    baseline: (args.baseline as string | undefined) ?? null,
    narrativesDir: workbook ? undefined : narratives,
    workbooks: workbook ? [narratives!] : [],
  });
  const files = await renderExports(model, lang, { charts: !args["no-charts"] });
  write(args.out as string, files.docx);
  console.error(`wrote ${args.out}`);
  if (args.xlsx) {
    write(args.xlsx as string, files.xlsx);
    console.error(`wrote ${args.xlsx}`);
  }
  if (args.csv) {
    const excel = writeCsvDir(files.csv, args.csv as string);
    const data = writeCsvDir(files.dataCsv, args.csv as string);
    console.error(`wrote ${excel.length} CSV files for Excel and ${data.length} for calculation (*-data.csv) to ${args.csv}`);
  }
  const missing = model.goals.filter((g) => g.narratives[lang].status === "missing").map((g) => g.narratives[lang].path);
  if (missing.length) console.error(`note: ${missing.length} narrative text(s) missing, shown as missing: ${missing.join(", ")}`);
  const examples = model.goals.filter((g) => g.narratives[lang].example).map((g) => g.narratives[lang].path);
  if (examples.length) console.error(`note: ${examples.length} narrative text(s) are marked as examples (example: true): ${examples.join(", ")}`);
});
