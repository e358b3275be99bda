// The four dates of a half-year's self-assessment, named once so that the
// page and every document (DOCX, XLSX, both CSV sets) say the same thing:
//
// - deadline: when STM/THL expect the report. The deadlines are 15 May and
//   15 November; the spec does not say which half-year goes to which, and a
//   half-year's figures exist only after it ends, so the January–June figures
//   are reported by 15 November of the same year and the July–December figures
//   by 15 May of the next year.
// - figuresCover: the days the figures cover — the half-year, cut to the
//   extract's period when the extract starts or ends inside it.
// - dataAsOf: the day the extract was taken (manifest `extracted_at`): the
//   records as they stood then.
// - preparedOn: the day the documents were prepared, which is the extract's
//   date too — never the build's clock, so two builds of one extract are
//   byte-identical.
import { isPeriod, periodEnd, periodStart } from "../../src/lib/periods.ts";

export interface ExtractInfo {
  extracted_at: string;
  period: { from: string; to: string };
}

export interface ReportDates {
  /** YYYY-MM-DD. */
  deadline: string;
  /** The report the deadline belongs to: spring (15 May) or autumn (15 November). */
  season: "spring" | "autumn";
  /** Inclusive days; partial when the extract covers only part of the half-year. */
  figuresCover: { from: string; to: string; partial: boolean };
  /** YYYY-MM-DD; null without a manifest. */
  dataAsOf: string | null;
  /** YYYY-MM-DD; null without a manifest. */
  preparedOn: string | null;
}

/** The reporting deadline of a half-year (2021H1 → 2021-11-15 autumn, 2021H2 → 2022-05-15 spring). */
export function reportDeadline(period: string): { deadline: string; season: "spring" | "autumn" } {
  if (!isPeriod(period, "half")) throw new Error(`not a half-year: ${JSON.stringify(period)} (expected e.g. 2021H2)`);
  const year = Number(period.slice(0, 4));
  return period.endsWith("H1") ? { deadline: `${year}-11-15`, season: "autumn" } : { deadline: `${year + 1}-05-15`, season: "spring" };
}

/** The calendar day of an ISO date or timestamp (its local date as written: "2024-01-15T06:00:00+02:00" → 2024-01-15). */
const day = (iso: string) => iso.slice(0, 10);

export function reportDates(period: string, extract: ExtractInfo | null): ReportDates {
  const { deadline, season } = reportDeadline(period);
  const [start, end] = [periodStart(period), periodEnd(period)];
  let figuresCover = { from: start, to: end, partial: false };
  if (extract) {
    const from = extract.period.from > start ? extract.period.from : start;
    const to = extract.period.to < end ? extract.period.to : end;
    figuresCover = { from, to, partial: from !== start || to !== end };
  }
  const taken = extract ? day(extract.extracted_at) : null;
  return { deadline, season, figuresCover, dataAsOf: taken, preparedOn: taken };
}

/** The date stamped on zip entries and office metadata: the preparation date, or a fixed day when there is no manifest (never the clock). */
export function fileDate(dates: Pick<ReportDates, "preparedOn">): string {
  return dates.preparedOn ?? "2020-01-01";
}
