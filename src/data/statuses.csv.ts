// Every published cell's verdict and comparisons (loaders/statuses-csv.ts),
// downloadable beside the indicator export: the same statuses the pages and
// the self-assessment read.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { PROJECT_ROOT, loadCatalogue } from "../../loaders/catalogue.ts";
import { extractDirFromEnv } from "../../loaders/cli/args.ts";
import { ensurePageData } from "../../loaders/page-data.ts";
import { cellsFromArrow } from "../../loaders/page-slices.ts";
import { statusesCsv } from "../../loaders/statuses-csv.ts";

const dir = await ensurePageData(await extractDirFromEnv());
const cells = cellsFromArrow(new Uint8Array(readFileSync(join(dir, "indicators.arrow"))));
const programme = JSON.parse(readFileSync(join(PROJECT_ROOT, "data", "programme.json"), "utf8"));
const meta = JSON.parse(readFileSync(join(dir, "meta.json"), "utf8")) as { manifest: { source: string } };
process.stdout.write(statusesCsv(cells, loadCatalogue(), programme, meta.manifest.source));
