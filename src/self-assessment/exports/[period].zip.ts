// The downloads of one half-year as one archive, which Framework unpacks on
// demand: exports/2021H2/oma-arviointi-2021H2-fi.docx, -fi.xlsx, -fi-csv.zip
// (the tables for Excel), -fi-data-csv.zip (the tables for calculation) and
// the same in Swedish and English (SITE_LANGS), and the office's fill-in workbook
// of each language (-tayttopohja.xlsx, workbook.ts). Reads only the published,
// suppressed cells of the page data (ensurePageData), never raw data.
import JSZip from "jszip";
import { extractDirFromEnv, parseArgs } from "../../../loaders/cli/args.ts";
import { ensurePageData } from "../../../loaders/publish/page-data.ts";
import { SITE_LANGS, workbookFileName } from "../../../loaders/self-assessment/names.ts";
import { renderOfficeWorkbook } from "../../../loaders/self-assessment/workbook.ts";
import { workbookLayout } from "../../../loaders/self-assessment/workbook-layout.ts";
import { fileDate } from "../../../loaders/self-assessment/dates.ts";
import { csvZip, exportFileNames, inputsFromPageData, renderExports, selfAssessmentFor } from "../../../loaders/self-assessment/build.ts";
import { readOfficeWorkbooks, withOfficeRecords } from "../../../loaders/self-assessment/office.ts";

const { period } = parseArgs(process.argv.slice(2), { period: "string" });
const dir = await ensurePageData(await extractDirFromEnv());
const inputs = inputsFromPageData(dir);
// The office's filled-in workbooks of data/narratives/ (office.ts), read and checked once.
const office = await readOfficeWorkbooks(inputs);
const model = selfAssessmentFor(inputs, period as string, { office });
// A new fill-in workbook starts from the start dates already recorded (the model's and the office's).
const programme = withOfficeRecords(inputs.programme, office);
const zip = new JSZip();
// The extract's date (the documents' preparation date), not the build's: two builds of one extract are identical.
const date = new Date(`${fileDate(model.dates)}T00:00:00Z`);
for (const lang of SITE_LANGS) {
  const names = exportFileNames(model.period, lang);
  const files = await renderExports(model, lang);
  zip.file(names.docx, files.docx, { date, createFolders: false });
  zip.file(names.xlsx, files.xlsx, { date, createFolders: false });
  zip.file(names.csv, await csvZip(model, lang, "csv"), { date, createFolders: false });
  zip.file(names.data, await csvZip(model, lang, "data"), { date, createFolders: false });
  const layout = workbookLayout({ period: model.period, lang, cells: inputs.cells, catalogue: inputs.catalogue, programme });
  zip.file(workbookFileName(model.period, lang), await renderOfficeWorkbook(layout, fileDate(model.dates)), { date, createFolders: false });
}
process.stdout.write(await zip.generateAsync({ type: "nodebuffer", compression: "STORE" }));
