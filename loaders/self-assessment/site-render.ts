// The site's three outputs of one half-year from one read of the page data and
// one model: the page (src/self-assessment/[period].md.ts), its downloads as
// one archive (exports/[period].zip.ts) and its Swedish and English versions
// (lang/[period].zip.ts). The three loaders used to build the same model each
// (page data and workbooks read, statuses computed); site-outputs.ts keeps
// what this returns, so the first loader to run pays for all three — and for
// the other half-years whose outputs are missing, from the same read.
// Reads only the published, suppressed cells of the page data, never raw data.
// A document's bytes do not depend on what the process rendered before it
// (docx.ts numbers its drawings per document), so one process may render many.
import JSZip from "jszip";
import { csvZip, exportFileNames, inputsFromPageData, renderExports, selfAssessmentFor, type Inputs } from "./build.ts";
import { fileDate } from "./dates.ts";
import type { SelfAssessment } from "./model.ts";
import { SITE_LANGS, workbookFileName } from "./names.ts";
import { NARRATIVES_DIR } from "./narratives.ts";
import { readOfficeWorkbooks, withOfficeRecords } from "./office.ts";
import { languageFragment, periodPageMarkdown } from "./page.ts";
import { renderOfficeWorkbook } from "./workbook.ts";
import { workbookLayout } from "./workbook-layout.ts";
import type { OfficeWorkbook } from "./workbook-read.ts";

export interface SiteOutputs {
  /** The half-year's page, Finnish (periodPageMarkdown). */
  page: string;
  /** exports/<period>/…: DOCX, XLSX, both CSV sets and the fill-in workbook in each of SITE_LANGS. */
  exports: Buffer;
  /** lang/<period>/sv.html and en.html (languageFragment). */
  lang: Buffer;
}

/** `narrativesDir`: the office's texts and workbooks (default NARRATIVES_DIR; tests use their own). */
export async function renderSiteOutputs(pageDataDir: string, period: string, options: { narrativesDir?: string } = {}): Promise<SiteOutputs> {
  const first = await renderSiteOutputsOf(pageDataDir, [period], options).next();
  return (first.value as [string, SiteOutputs])[1];
}

/**
 * The outputs of each of `periods` in turn, from one read of the page data and
 * the workbooks: a loader process's start, its imports and that read cost
 * about 1.5 s, as much as a third of a half-year's rendering.
 */
export async function* renderSiteOutputsOf(pageDataDir: string, periods: readonly string[], options: { narrativesDir?: string } = {}): AsyncGenerator<[string, SiteOutputs]> {
  const narrativesDir = options.narrativesDir ?? NARRATIVES_DIR;
  const inputs = inputsFromPageData(pageDataDir);
  // The office's filled-in workbooks of the narratives folder (office.ts), read and checked once: their texts, statuses and start dates.
  const office = await readOfficeWorkbooks(inputs, { dir: narrativesDir });
  for (const period of periods) {
    const model = selfAssessmentFor(inputs, period, { office, narrativesDir });
    yield [period, { page: periodPageMarkdown(model), exports: await exportsZip(model, inputs, office), lang: await langZip(model) }];
  }
}

// Zip entries are dated by the extract (the documents' preparation date), not the build: two builds of one extract are identical.
const entryDate = (model: SelfAssessment) => ({ date: new Date(`${fileDate(model.dates)}T00:00:00Z`), createFolders: false });

/** The downloads of a half-year, which Framework unpacks on demand: oma-arviointi-2021H2-fi.docx, -fi.xlsx, -fi-csv.zip, -fi-data-csv.zip, -fi-tayttopohja.xlsx, … */
async function exportsZip(model: SelfAssessment, inputs: Inputs, office: readonly OfficeWorkbook[]): Promise<Buffer> {
  // A new fill-in workbook starts from the start dates already recorded (the model's and the office's).
  const programme = withOfficeRecords(inputs.programme, office);
  const zip = new JSZip();
  const options = entryDate(model);
  for (const lang of SITE_LANGS) {
    const names = exportFileNames(model.period, lang);
    const files = await renderExports(model, lang);
    zip.file(names.docx, files.docx, options);
    zip.file(names.xlsx, files.xlsx, options);
    zip.file(names.csv, await csvZip(model, lang, "csv"), options);
    zip.file(names.data, await csvZip(model, lang, "data"), options);
    const layout = workbookLayout({ period: model.period, lang, cells: inputs.cells, catalogue: inputs.catalogue, programme });
    zip.file(workbookFileName(model.period, lang), await renderOfficeWorkbook(layout, fileDate(model.dates)), options);
  }
  return zip.generateAsync({ type: "nodebuffer", compression: "STORE" });
}

/** sv.html and en.html: the page carries only Finnish, so it loads a third of the bytes. */
async function langZip(model: SelfAssessment): Promise<Buffer> {
  const zip = new JSZip();
  for (const lang of ["sv", "en"] as const) zip.file(`${lang}.html`, languageFragment(model, lang), entryDate(model));
  return zip.generateAsync({ type: "nodebuffer", compression: "STORE" });
}
