// From inputs to the model and the files: one place that the CLI and the
// site's loaders share. `inputsFromPipeline` takes a pipeline run (CLI),
// `inputsFromPageData` the page data folder of ensurePageData (site); both
// hand the model only published, suppressed cells.
import { loadCatalogue, type Catalogue } from "../indicators/catalogue.ts";
import { publish } from "../publish/emit.ts";
import type { PipelineResult } from "../pipeline.ts";
import { loadProgramme, type Programme } from "../indicators/programme.ts";
import { readPageDataFolder } from "./cells.ts";
import { renderCsvFiles, zipCsv, type CsvFile } from "./csv.ts";
import { renderDataCsvFiles } from "./data-csv.ts";
import { fileDate } from "./dates.ts";
import { renderDocx } from "./docx.ts";
import { buildSelfAssessment, type SelfAssessment, type SelfAssessmentInput } from "./model.ts";
import { NARRATIVES_DIR, readNarratives } from "./narratives.ts";
import { readOfficeWorkbooks, withOfficeNarratives, withOfficeRecords } from "./office.ts";
import type { OfficeWorkbook } from "./workbook-read.ts";
import { exportFileNames, LANGS } from "./names.ts";
import type { Lang } from "./present.ts";
import { renderXlsx } from "./xlsx.ts";
import { stableZip } from "./stable-zip.ts";

export type Inputs = Omit<SelfAssessmentInput, "period" | "baseline" | "narratives">;

export function inputsFromPipeline(result: PipelineResult, catalogue: Catalogue = loadCatalogue(), programme: Programme = loadProgramme()): Inputs {
  return { cells: publish(result.cells), catalogue, programme, units: result.units, source: result.extract.manifest };
}

export function inputsFromPageData(dir: string, catalogue: Catalogue = loadCatalogue(), programme: Programme = loadProgramme()): Inputs {
  const { cells, meta } = readPageDataFolder(dir);
  return { cells, catalogue, programme, units: meta.units, source: meta.manifest };
}

/** `office`: the office's workbooks already read (readOfficeWorkbooks), whose statuses, start dates and texts win. */
export function selfAssessmentFor(inputs: Inputs, period: string, options: { baseline?: string | null; narrativesDir?: string; office?: readonly OfficeWorkbook[] } = {}): SelfAssessment {
  const office = options.office ?? [];
  const programme = withOfficeRecords(inputs.programme, office);
  const narratives = withOfficeNarratives(readNarratives(period, options.narrativesDir ?? NARRATIVES_DIR), office, period, programme);
  return buildSelfAssessment({ ...inputs, programme, period, baseline: options.baseline ?? null, narratives });
}

/** selfAssessmentFor after reading and checking the workbooks of the narratives folder and `workbooks` (--narratives FILE.xlsx). */
export async function selfAssessmentWithWorkbooks(inputs: Inputs, period: string, options: { baseline?: string | null; narrativesDir?: string; workbooks?: string[] } = {}): Promise<SelfAssessment> {
  const office = await readOfficeWorkbooks(inputs, { dir: options.narrativesDir ?? NARRATIVES_DIR, files: options.workbooks, period });
  return selfAssessmentFor(inputs, period, { ...options, office });
}

export { exportFileNames, LANGS };

export interface RenderedExports {
  docx: Buffer;
  xlsx: Buffer;
  /** The tables for Finnish Excel (csv.ts). */
  csv: CsvFile[];
  /** The same tables for calculation (data-csv.ts). */
  dataCsv: CsvFile[];
}

/** The documents, dated by the model's preparation date (the extract's), never the clock. */
export async function renderExports(model: SelfAssessment, lang: Lang, options: { charts?: boolean } = {}): Promise<RenderedExports> {
  const date = fileDate(model.dates);
  return {
    docx: await stableZip(await renderDocx(model, lang, options), date),
    xlsx: await stableZip(await renderXlsx(model, lang), date),
    csv: renderCsvFiles(model, lang),
    dataCsv: renderDataCsvFiles(model, lang),
  };
}

/** A CSV set as the site's ZIP download, in a folder named like the ZIP. */
export async function csvZip(model: SelfAssessment, lang: Lang, kind: "csv" | "data" = "csv"): Promise<Buffer> {
  const files = kind === "csv" ? renderCsvFiles(model, lang) : renderDataCsvFiles(model, lang);
  return stableZip(await zipCsv(files, exportFileNames(model.period, lang)[kind].replace(/\.zip$/, "")), fileDate(model.dates));
}
