// Where an indicator's XmR limits are recalculated (NHS England's SPC v2.6
// partitions): the start dates of the development measures it follows — those
// of its development area and those whose primary or other benefit goal is
// one of its goals (as the goal and area pages list them) — and the
// recalculations the programme model records for it, each with its reason
// (a sustained shift with a known cause). A milestone of the whole programme
// is no break. The charts, the statuses of every page and the self-assessment
// all take their breaks from here, so one month is judged against one process.

export interface MeasureLike {
  developmentArea: string;
  primaryGoal: string;
  secondaryGoals: readonly string[];
  startDate: string | null;
}

/** A recorded recalculation as the programme model holds it (loaders/indicators/programme.ts Recalculation). */
export interface RecalculationLike {
  indicator: string;
  /** The first month of the new process, YYYY-MM. */
  from: string;
  /** Why (a text in each language); the breaks pass it on untouched. */
  reason?: unknown;
  /** Only for the extract whose manifest names this source. */
  extractSource?: string;
}

export interface IndicatorLinks {
  id: string;
  developmentArea: string;
  benefitGoals: readonly string[];
}

/** One break: a measure's start or a recorded recalculation. */
export type SpcBreak<M extends MeasureLike = MeasureLike, R extends RecalculationLike = RecalculationLike> =
  | { date: string; measure: M; recalculation?: undefined }
  | { date: string; recalculation: R; measure?: undefined };

/** The measures an indicator follows, in programme order. */
export function indicatorMeasures<M extends MeasureLike>(indicator: Omit<IndicatorLinks, "id">, programme: { measures: readonly M[] }): M[] {
  return programme.measures.filter((m) => m.developmentArea === indicator.developmentArea || indicator.benefitGoals.includes(m.primaryGoal) || m.secondaryGoals.some((g) => indicator.benefitGoals.includes(g)));
}

/**
 * The recorded recalculations that apply to an extract: those for every
 * extract, and those for this one (its manifest's source). Without a source,
 * only those for every extract — a recalculation recorded for the synthetic
 * sample never reaches a real extract's charts.
 */
export function applicableRecalculations<R extends RecalculationLike>(recalculations: readonly R[] | undefined, extractSource?: string | null): R[] {
  return (recalculations ?? []).filter((r) => r.extractSource === undefined || r.extractSource === extractSource);
}

/**
 * The breaks of an indicator's XmR charts, in date order (a measure's start
 * before a recalculation recorded for the same date): the start dates of the
 * measures it follows (as the programme gives them: YYYY, YYYY-MM or
 * YYYY-MM-DD) and its recorded recalculations that apply to the extract.
 */
export function spcBreaks<M extends MeasureLike, R extends RecalculationLike = RecalculationLike>(
  indicator: IndicatorLinks,
  programme: { measures: readonly M[]; recalculations?: readonly R[] },
  o: { extractSource?: string | null } = {},
): SpcBreak<M, R>[] {
  const starts = indicatorMeasures(indicator, programme).filter((m) => m.startDate).map((m): SpcBreak<M, R> => ({ date: m.startDate!, measure: m }));
  const recorded = applicableRecalculations(programme.recalculations, o.extractSource).filter((r) => r.indicator === indicator.id).map((r): SpcBreak<M, R> => ({ date: r.from, recalculation: r }));
  const day = (date: string) => (date.length === 4 ? `${date}-01-01` : date.length === 7 ? `${date}-01` : date);
  return [...starts, ...recorded].sort((a, b) => (day(a.date) < day(b.date) ? -1 : day(a.date) > day(b.date) ? 1 : 0));
}

/** The dates of an indicator's breaks (spcBreaks), for the calculations that need no reasons (statuses, self-assessment). */
export function spcBreakDates(indicator: IndicatorLinks, programme: { measures: readonly MeasureLike[]; recalculations?: readonly RecalculationLike[] }, o: { extractSource?: string | null } = {}): string[] {
  return spcBreaks(indicator, programme, o).map((b) => b.date);
}
