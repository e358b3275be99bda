// From inputs to the model and the files: one place that the CLI and the
// site's loaders share. `inputsFromPipeline` takes a pipeline run (CLI),
// `inputsFromPageData` the page data folder of ensurePageData (site); both
// hand the model only published, suppressed cells.
import { loadCatalogue, type Catalogue } from "../catalogue.ts";
import { publish } from "../emit.ts";
import type { PipelineResult } from "../pipeline.ts";
import { loadProgramme, type Programme } from "../programme.ts";
import { readPageDataFolder } from "./cells.ts";
import { renderCsvFiles, zipCsv, type CsvFile } from "./csv.ts";
import { renderDocx } from "./docx.ts";
import { buildSelfAssessment, type SelfAssessment, type SelfAssessmentInput } from "./model.ts";
import { NARRATIVES_DIR, readNarratives } from "./narratives.ts";
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

export function selfAssessmentFor(inputs: Inputs, period: string, options: { baseline?: string | null; narrativesDir?: string } = {}): SelfAssessment {
  return buildSelfAssessment({ ...inputs, period, baseline: options.baseline ?? null, narratives: readNarratives(period, options.narrativesDir ?? NARRATIVES_DIR) });
}

export { exportFileNames, LANGS };

export interface RenderedExports {
  docx: Buffer;
  xlsx: Buffer;
  csv: CsvFile[];
}

export async function renderExports(model: SelfAssessment, lang: Lang, options: { generatedOn?: string; charts?: boolean } = {}): Promise<RenderedExports> {
  const generatedOn = options.generatedOn ?? new Date().toISOString().slice(0, 10);
  return {
    docx: await stableZip(await renderDocx(model, lang, { ...options, generatedOn }), generatedOn),
    xlsx: await stableZip(await renderXlsx(model, lang, { ...options, generatedOn }), generatedOn),
    csv: renderCsvFiles(model, lang),
  };
}

export async function csvZip(model: SelfAssessment, lang: Lang, isoDate = "2020-01-01"): Promise<Buffer> {
  return stableZip(await zipCsv(renderCsvFiles(model, lang), exportFileNames(model.period, lang).csv.replace(/\.zip$/, "")), isoDate);
}
