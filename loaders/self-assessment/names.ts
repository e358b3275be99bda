// Languages and download file names of the self-assessment exports.
import type { Lang } from "../../src/lib/format.ts";

export const LANGS: readonly Lang[] = ["fi", "sv", "en"];

/**
 * The languages whose documents the site offers for download: all three, like
 * the site itself (each language adds a few seconds per half-year to the build).
 */
export const SITE_LANGS: readonly Lang[] = ["fi", "sv", "en"];

/**
 * The file names the site offers for a half-year and language: the documents,
 * the CSV tables for Finnish Excel (`-csv.zip`, the name it always had) and
 * the same tables for calculation (`-data-csv.zip`).
 */
export function exportFileNames(period: string, lang: Lang) {
  const base = `oma-arviointi-${period}-${lang}`;
  return { docx: `${base}.docx`, xlsx: `${base}.xlsx`, csv: `${base}-csv.zip`, data: `${base}-data-csv.zip` };
}

/** The office's fill-in workbook of a half-year (workbook.ts): offered only on the half-year's page. */
export const workbookFileName = (period: string, lang: Lang) => `oma-arviointi-${period}-${lang}-tayttopohja.xlsx`;

/** The suffix that tells a CSV for calculation from its Excel twin: `HT1-mittarit.csv` and `HT1-mittarit-data.csv`. */
export const DATA_CSV_SUFFIX = "-data";
