// node --import tsx loaders/privacy/audit/cli.ts FILE.csv [--sums-from WHOLE.csv] [--quality meta.json] [--units units.csv] [--catalogue indicators.json] [--verbose]
// --sums-from: the same table with nothing withheld (the build passes it), from
// which the audit reads only which sums hold exactly.
// --units: a CSV with unit_id, area and operating_model (the extract's units.csv
// will do), which places the rows of areas and operating models.
// Prints every figure a reader could recover from the published files and
// exits 1 if there is any (2 if the files contradict what the audit infers).
import { readFileSync } from "node:fs";
import { csvParse } from "d3-dsv";
import { parseArgs } from "node:util";
import { CATALOGUE_PATH, type Catalogue } from "../../indicators/catalogue.ts";
import { auditPublished } from "./index.ts";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { "sums-from": { type: "string" }, quality: { type: "string" }, units: { type: "string" }, catalogue: { type: "string" }, verbose: { type: "boolean" } },
});
if (positionals.length !== 1) {
  console.error("usage: node --import tsx loaders/privacy/audit/cli.ts FILE.csv [--sums-from WHOLE.csv] [--quality meta.json] [--units units.csv] [--catalogue indicators.json]");
  process.exit(2);
}
const catalogue = JSON.parse(readFileSync(values.catalogue ?? CATALOGUE_PATH, "utf8")) as Catalogue;
const result = await auditPublished({
  indicatorsCsv: readFileSync(positionals[0], "utf8"),
  sumsFromCsv: values["sums-from"] ? readFileSync(values["sums-from"], "utf8") : undefined,
  quality: values.quality ? JSON.parse(readFileSync(values.quality, "utf8")) : undefined,
  units: values.units ? csvParse(readFileSync(values.units, "utf8")).map((r) => ({ unit_id: r.unit_id!, area: r.area!, operating_model: r.operating_model! })) : undefined,
  catalogue,
  onProgress: values.verbose ? (m) => console.error(m) : undefined,
});
for (const v of result.violations) {
  console.log(`${v.rule}\t${v.indicator_id}\t${v.period_type} ${v.period}\t${v.unit_id}\t${v.breakdown_value}\t${v.field}\t[${v.min}, ${v.max}]`);
}
const s = result.stats;
const byRule = (rule: string) => result.violations.filter((v) => v.rule === rule).length;
console.error(
  `privacy audit: ${result.violations.length} violations (${byRule("pinned")} pinned, ${byRule("narrow")} narrow); ` +
    `${s.withheldCells} withheld cells, ${s.variables} unknowns, ${s.components} components (largest ${s.largestComponent}), ${s.lps} LPs, ${s.ms} ms; ` +
    `${result.links.length} linked series`,
);
if (result.contradictions) {
  console.error(`privacy audit: ${result.contradictions} published figures contradict the relations inferred from them; cannot vouch for these files`);
  process.exit(2);
}
// Zeros are reported, not refused (the gate does the same).
process.exit(result.violations.some((v) => v.rule !== "zero") ? 1 : 0);
