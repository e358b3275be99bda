// Every published cell's verdict and comparisons (loaders/publish/statuses-csv.ts),
// downloadable beside the indicator export: the same statuses the pages and
// the self-assessment read.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { loadCatalogue } from "../../loaders/indicators/catalogue.ts";
import { extractDirFromEnv } from "../../loaders/cli/args.ts";
import { ensurePageData } from "../../loaders/publish/page-data.ts";
import { cellsFromArrow } from "../../loaders/publish/page-slices.ts";
import { statusesCsv } from "../../loaders/publish/statuses-csv.ts";
import { loadProgramme } from "../../loaders/indicators/programme.ts";
import { readPageDataFolder } from "../../loaders/self-assessment/cells.ts";
import { programmeWithOffice } from "../../loaders/self-assessment/office.ts";

const dir = await ensurePageData(await extractDirFromEnv());
const cells = cellsFromArrow(new Uint8Array(readFileSync(join(dir, "indicators.arrow"))));
const catalogue = loadCatalogue();
// The same programme model as the pages: with the start dates of the office's workbooks (they move SPC limits).
const programme = await programmeWithOffice({ cells: readPageDataFolder(dir).cells, catalogue, programme: loadProgramme() });
const meta = JSON.parse(readFileSync(join(dir, "meta.json"), "utf8")) as { manifest: { source: string } };
process.stdout.write(statusesCsv(cells, catalogue, programme, meta.manifest.source));
