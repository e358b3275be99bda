// The downloads of one half-year as one archive, which Framework unpacks on
// demand: exports/2021H2/oma-arviointi-2021H2-fi.docx, -fi.xlsx, -fi-csv.zip
// (the tables for Excel), -fi-data-csv.zip (the tables for calculation) and
// the same in Swedish and English (SITE_LANGS), and the office's fill-in workbook
// of each language (-tayttopohja.xlsx, workbook.ts). Reads only the published,
// suppressed cells of the page data, never raw data. The same model as the
// page (loaders/self-assessment/site-render.ts, kept by site-outputs.ts).
import { parseArgs } from "../../../loaders/cli/args.ts";
import { pageDataDir } from "../../../loaders/publish/page-data-dir.ts";
import { siteOutput } from "../../../loaders/self-assessment/site-outputs.ts";

const { period } = parseArgs(process.argv.slice(2), { period: "string" });
process.stdout.write(await siteOutput("exports", await pageDataDir(), period as string));
