// What the pages read, computed once per build from one pipeline run: the
// published indicator table (Arrow IPC), the export CSV and a metadata file
// for the data-quality page. Written to a folder that Framework's thin data
// loaders (src/data/*.ts) copy to stdout.
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { UnitInfo } from "../../src/lib/cell.ts";
import { PROJECT_ROOT, loadCatalogue } from "../indicators/catalogue.ts";
import { publish, toArrowIpc, toExportCsv, unwithheldCsv } from "./emit.ts";
import { fingerprint } from "../extract/fingerprint.ts";
import { READY_FILES } from "./page-data-dir.ts";
import { runPipeline, type PipelineOptions, type PipelineResult } from "../pipeline.ts";
import { assertPublishable } from "../privacy/gate.ts";
import type { TableReport } from "../validate/validate.ts";
import { withheldShares, type WithheldShare } from "../privacy/withheld-share.ts";

/**
 * Where the pages' data lives. While a build's privacy audit still runs,
 * Framework reads the data about to be published from a folder beside it
 * (scripts/build.ts sets NELIMAALI_PAGE_DATA for Framework only); the folder
 * becomes .build/page-data, and the site dist/, only once the audit passed.
 */
export const PAGE_DATA_DIR = process.env.NELIMAALI_PAGE_DATA ?? join(PROJECT_ROOT, ".build", "page-data");

/** Row counts are published rounded to this, so that they cannot be combined with the indicator table. */
export const ROW_PRECISION = 100;

/**
 * A table's loaded rows as published: never the exact count (an exact count can be the
 * denominator of a withheld cell), but rounded to the nearest hundred (a count
 * under 50 reads 0: "under 100"), and whether the loaded and quarantined rows
 * add up to the manifest's count exactly (decided before rounding). Quarantined
 * rows are broken rows that no figure counts, so they are exact.
 */
export interface PublishedTable {
  table: string;
  file: string;
  rowsApprox: number;
  manifestRowsApprox: number;
  precision: number;
  matchesManifest: boolean;
  quarantined: number;
}

export const roundRows = (n: number): number => Math.round(n / ROW_PRECISION) * ROW_PRECISION;

/** `TableReport.rows` counts the file's data rows; the loaded rows are those less the quarantined ones. */
export function publishedTables(tables: readonly TableReport[]): PublishedTable[] {
  return tables.map((t) => {
    const loaded = t.rows - t.quarantined;
    return {
      table: t.table,
      file: t.file,
      rowsApprox: roundRows(loaded),
      manifestRowsApprox: roundRows(t.manifestRows),
      precision: ROW_PRECISION,
      matchesManifest: t.rows === t.manifestRows,
      quarantined: t.quarantined,
    };
  });
}

/** Months that have rows, per table: no counts (a monthly count can give a withheld denominator away). */
export function monthsWithRows(months: PipelineResult["months"]): { table: string; month: string }[] {
  return months.filter((m) => Number(m.rows) > 0).map((m) => ({ table: m.table, month: m.month }));
}

// No cache key here: it hashes where the extract lies and its files' times, so
// a copy of the same extract would publish another site (the "fingerprint"
// file beside it keys the cache and is not published).
export interface PageMeta {
  mode: "strict" | "tolerant";
  manifest: { source: string; extracted_at: string; period: { from: string; to: string } };
  tables: PublishedTable[];
  absentTables: string[];
  quarantine: { file: string; column: string | null; rule: string; count: number }[];
  months: { table: string; month: string }[];
  withheld: WithheldShare[];
  units: UnitInfo[];
}

/** Defined beside pageDataDir(), which loaders import without this module. */
export const PAGE_FILES = READY_FILES;

export interface PageDataOptions extends PipelineOptions {
  /** Where to write (default .build/page-data); tests use a folder of their own. */
  outDir?: string;
  /** The project whose code is fingerprinted (default this one); tests use a copy that nobody edits meanwhile. */
  codeRoot?: string;
  /**
   * Work on the data about to be published while the privacy audit runs (the
   * build runs Framework on it): given the folder it is in, and a signal that
   * aborts when the audit refuses. Nothing of it counts unless both succeed.
   */
  whileAuditing?: (pendingDir: string, signal: AbortSignal) => Promise<void>;
}

const MODES = ["strict", "tolerant"] as const;

/**
 * Runs the pipeline unless the folder already holds the output for this
 * fingerprint, which covers the extract, the code and the mode: output of a
 * tolerant run, or of older code, is never reused for a strict one.
 *
 * `tolerant: true` or `false` asks for that mode (scripts/build.ts always says).
 * Left out (Framework's data loaders, which run inside a build), the folder is
 * reused in the mode it was written in, as long as it is current for it;
 * otherwise the run is strict.
 */
export async function ensurePageData(extractDir: string, options: PageDataOptions = {}): Promise<string> {
  const outDir = options.outDir ?? PAGE_DATA_DIR;
  // Framework's loaders in a build read the build's own data, never a pipeline of their own: code
  // edited while the build runs would otherwise change the key, and a loader would rerun the
  // pipeline and the audit and swap its result in under the build (scripts/build.ts).
  if (process.env.NELIMAALI_PAGE_DATA && !options.outDir && PAGE_FILES.every((f) => existsSync(join(outDir, f)))) return outDir;
  const stamp = join(outDir, "fingerprint");
  const current = existsSync(stamp) && PAGE_FILES.every((f) => existsSync(join(outDir, f))) ? readFileSync(stamp, "utf8") : null;
  const modes = options.tolerant === undefined ? MODES : [options.tolerant ? "tolerant" : "strict"];
  const catalogue = options.catalogue ?? loadCatalogue();
  for (const mode of modes) {
    // .build/page-data is swapped in only after the audit passed, by this very code (the fingerprint covers the audit's too): no second audit.
    if (current !== null && current === fingerprint(extractDir, { tolerant: mode === "tolerant", root: options.codeRoot })) {
      options.onProgress?.(`page data: current for this extract, mode (${mode}) and code (${current}); no pipeline, no audit`);
      return outDir;
    }
  }
  const tolerant = options.tolerant ?? false;
  const print = fingerprint(extractDir, { tolerant, root: options.codeRoot });
  let result: PipelineResult;
  let published: ReturnType<typeof publish>;
  let meta: PageMeta;
  let csv: string;
  // Written beside the old output, audited, then swapped in, so a failure never leaves half a folder.
  const next = `${outDir}.next`;
  try {
    result = await runPipeline(extractDir, { ...options, tolerant });
    published = publish(result.cells);
    csv = toExportCsv(published);
    meta = pageMeta(result, tolerant, catalogue.indicators.map((i) => i.id));
    rmSync(next, { recursive: true, force: true });
    mkdirSync(next, { recursive: true });
    writeFileSync(join(next, "indicators.arrow"), toArrowIpc(published));
    writeFileSync(join(next, "indicators.csv"), csv);
    writeFileSync(join(next, "meta.json"), JSON.stringify(meta));
    writeFileSync(join(next, "fingerprint"), print);
    // The publishing gate: the audit reads the files as they are about to be
    // published; nothing is published if it recovers anything.
    const refused = new AbortController();
    // The work beside the audit starts first: the audit reads and builds its system on this
    // thread (about 18 s on the bundled sample) before it first waits for its solvers.
    const beside = options.whileAuditing?.(next, refused.signal);
    const [audit, side] = await Promise.allSettled([
      assertPublishable({ indicatorsCsv: csv, sumsFromCsv: unwithheldCsv(result.unwithheld), quality: meta, units: result.units }, catalogue, options.onProgress).catch((e) => {
        refused.abort();
        throw e;
      }),
      beside,
    ]);
    if (audit.status === "rejected") throw audit.reason;
    if (side.status === "rejected") throw side.reason;
  } catch (error) {
    // What the folder holds is not current for this run (another mode, older
    // code or another extract): drop it, so that nothing can publish it.
    rmSync(next, { recursive: true, force: true });
    rmSync(outDir, { recursive: true, force: true });
    throw error;
  }
  rmSync(outDir, { recursive: true, force: true });
  renameSync(next, outDir);
  return outDir;
}

const ALL_TABLES = ["units", "clients", "contacts", "visits", "appointment_supply", "customer_feedback", "staff_survey", "staffing", "costs", "service_vouchers", "conditions", "measurements", "interventions"];

function pageMeta(result: PipelineResult, tolerant: boolean, indicatorOrder: string[]): PageMeta {
  return {
    mode: tolerant ? "tolerant" : "strict",
    manifest: { source: result.extract.manifest.source, extracted_at: result.extract.manifest.extracted_at, period: result.extract.manifest.period },
    tables: publishedTables(result.extract.tables),
    absentTables: ALL_TABLES.filter((t) => !result.present.includes(t)),
    quarantine: result.extract.quarantine,
    months: monthsWithRows(result.months),
    withheld: withheldShares(result.cells, result.suppressionLog, indicatorOrder),
    units: result.units,
  };
}

export function readPageFile(name: (typeof PAGE_FILES)[number]): Buffer {
  return readFileSync(join(PAGE_DATA_DIR, name));
}
