// Where an indicator's XmR limits are recalculated: the start dates of the
// development measures it follows — those of its development area and those
// whose primary or other benefit goal is one of its goals (as the goal and
// area pages list them). A milestone of the whole programme is no break.
// The charts, the statuses of every page and the self-assessment all take
// their breaks from here, so one month is judged against one process.

export interface MeasureLike {
  developmentArea: string;
  primaryGoal: string;
  secondaryGoals: readonly string[];
  startDate: string | null;
}

export interface IndicatorLinks {
  developmentArea: string;
  benefitGoals: readonly string[];
}

/** The measures an indicator follows, in programme order. */
export function indicatorMeasures<M extends MeasureLike>(indicator: IndicatorLinks, programme: { measures: readonly M[] }): M[] {
  return programme.measures.filter((m) => m.developmentArea === indicator.developmentArea || indicator.benefitGoals.includes(m.primaryGoal) || m.secondaryGoals.some((g) => indicator.benefitGoals.includes(g)));
}

/** The dates (as the programme gives them: YYYY, YYYY-MM or YYYY-MM-DD) from which the indicator's XmR limits are recalculated. */
export function spcBreaks(indicator: IndicatorLinks, programme: { measures: readonly MeasureLike[] }): string[] {
  return indicatorMeasures(indicator, programme).filter((m) => m.startDate).map((m) => m.startDate!);
}
