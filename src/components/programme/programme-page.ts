// The body of a benefit goal's page (goals/HT1) and of a development area's
// (areas/KA1), which differ only in what they are about: both open with what
// is known — the indicators' values, goals (lib/analysis/goals.ts, counted as the
// overview counts them) and verdicts at the chosen period — then the measures
// (those with nothing reported in one line, not a row each), then each
// indicator's chart and table.
import type { Lang } from "../../lib/format.js";
import { formatPeriod } from "../../lib/format.js";
import { localized, t, type Localized } from "../../lib/i18n.js";
import type { Cell } from "../../lib/page-data/slices.js";
import { countGoals, goalOf } from "../../lib/analysis/goals.js";
import { scrollBox } from "../../lib/tables/a11y.js";
import { seriesTableDetails } from "../../lib/tables/chart-tables.js";
import { nameOf, type CatalogueIndicator, type Catalogue, type Measure, type Programme } from "../../lib/page-data/model.js";
import { formatTarget, targetStatusText } from "../charts/chart-common.js";
import { downloads, tableDownloads, type DownloadSource } from "../site/downloads.js";
import { goalCountLine } from "./goal-summary.js";
import { measureReported, measureRules, measuresTable } from "./measures.js";
import { outcomeText, statusLine, verdictText } from "./status.js";
import { figureTable, scrollTable, targetStatusCell } from "../tables/tables.js";
import { trendChart } from "../charts/trend-chart.js";

export type ProgrammeKind = "goal" | "area";

/** A benefit goal or a development area, with the other one it belongs to, its indicators and its measures. */
export interface ProgrammeSubject {
  kind: ProgrammeKind;
  id: string;
  name: Localized | undefined;
  description: Localized | undefined;
  /** A goal's development area, an area's benefit goal. */
  related: { kind: ProgrammeKind; id: string; name: Localized | undefined } | null;
  indicators: CatalogueIndicator[];
  measures: Measure[];
}

type ProgrammeModel = Pick<Programme, "benefitGoals" | "developmentAreas" | "measures">;

/** The goal's (or area's) indicators and measures: a goal's are those that name it, an area's those in it. */
export function programmeSubject(kind: ProgrammeKind, id: string, programme: ProgrammeModel, catalogue: Pick<Catalogue, "indicators">): ProgrammeSubject {
  if (kind === "goal") {
    const info = programme.benefitGoals.find((g) => g.id === id);
    const area = programme.developmentAreas.find((a) => a.id === info?.developmentArea);
    return {
      kind, id, name: info?.name, description: info?.description,
      related: area ? { kind: "area", id: area.id, name: area.name } : null,
      indicators: catalogue.indicators.filter((i) => i.benefitGoals.includes(id)),
      measures: programme.measures.filter((m) => m.primaryGoal === id || m.secondaryGoals.includes(id)),
    };
  }
  const info = programme.developmentAreas.find((a) => a.id === id);
  const goal = programme.benefitGoals.find((g) => g.id === info?.benefitGoal);
  return {
    kind, id, name: info?.name, description: undefined,
    related: goal ? { kind: "goal", id: goal.id, name: goal.name } : null,
    indicators: catalogue.indicators.filter((i) => i.developmentArea === id),
    measures: programme.measures.filter((m) => m.developmentArea === id),
  };
}

const el = <K extends keyof HTMLElementTagNameMap>(doc: Document, tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] => {
  const e = doc.createElement(tag);
  if (className) e.className = className;
  if (text !== undefined) e.textContent = text;
  return e;
};

/** Under the title: the goal's description and the link to its area (an area's: to its goal). */
export function programmeIntro(subject: ProgrammeSubject, o: { lang?: Lang; document?: Document } = {}): DocumentFragment {
  const doc = o.document ?? document;
  const lang = o.lang ?? "fi";
  const out = doc.createDocumentFragment();
  const description = localized(subject.description, lang);
  if (description) out.append(el(doc, "p", "lede", description));
  if (subject.related) {
    const p = el(doc, "p");
    const a = el(doc, "a", undefined, `${subject.related.id} ${localized(subject.related.name, lang)}`);
    a.href = `../${subject.related.kind === "goal" ? "goals" : "areas"}/${subject.related.id}.html`;
    p.append(`${t(lang, subject.related.kind === "goal" ? "benefitGoal" : "developmentArea")}: `, a);
    out.append(p);
  }
  return out;
}

/** The published cells the page reads: an indicator's whole-city series and one of its cells (lib/page-data/slices.ts's CellIndex). */
export interface ProgrammeCells {
  get(indicator: string, periodType: string): readonly Cell[];
  cell(indicator: string, period: string, periodType: string): Cell | undefined;
}

export interface ProgrammePageOptions {
  subject: ProgrammeSubject;
  programme: Pick<Programme, "benefitGoals" | "spearheads" | "dimensions" | "programme">;
  cells: ProgrammeCells;
  periodType: string;
  period: string;
  /** The extract's manifest, for the downloads. */
  manifest: DownloadSource;
  /** Draws a chart at the page's width (Observable's `resize`); without it, 640 px. */
  resize?: (render: (width: number) => Node) => Node;
  lang?: Lang;
  document?: Document;
}

/** The page's body: what is known, the measures, the indicators — three sections, each headed (h2). */
export function programmePage(o: ProgrammePageOptions): HTMLElement {
  const doc = o.document ?? document;
  const body = el(doc, "div", "programme-page");
  body.dataset.programmeKind = o.subject.kind;
  body.append(knownSection(o, doc), measuresSection(o, doc), indicatorsSection(o, doc));
  return body;
}

function section(doc: Document, name: string, heading: string): HTMLElement {
  const s = el(doc, "section", `programme-${name}`);
  s.dataset.programmeSection = name;
  s.append(el(doc, "h2", undefined, heading));
  return s;
}

/** Each indicator's value, goal and verdict at the period, after how many goals are met. */
function knownSection(o: ProgrammePageOptions, doc: Document): HTMLElement {
  const lang = o.lang ?? "fi";
  const { indicators } = o.subject;
  const s = section(doc, "known", t(lang, "programmeKnown"));
  if (!indicators.length) {
    s.append(el(doc, "p", undefined, t(lang, "noIndicators")));
    return s;
  }
  const current = indicators.map((i) => o.cells.cell(i.id, o.period, o.periodType));
  const goals = indicators.map((i, k) => goalOf(i.targets, current[k], o.period));
  s.append(goalCountLine(countGoals(goals), { lang, document: doc, prefix: t(lang, "programmeGoalsPeriod", { period: formatPeriod(o.period, lang) }) }));
  const table = figureTable(indicators.length, [
    {
      label: t(lang, "indicator"),
      text: (k) => {
        const a = el(doc, "a", undefined, localized(indicators[k].name, lang));
        a.href = `#${indicators[k].id}`;
        return a;
      },
    },
    { label: `${t(lang, "value")} ${formatPeriod(o.period, lang)}`, numeric: true, cell: (k) => ({ cell: current[k], indicator: indicators[k].id, period: o.period, measure: indicators[k].unit }) },
    {
      label: t(lang, "target"),
      text: (k) => {
        const goal = goals[k];
        const span = el(doc, "span", `goal-status target-status target-${goal.met === null ? "unknown" : goal.met ? "met" : "not-met"}`);
        span.dataset.goalMet = goal.met === null ? "unknown" : String(goal.met);
        span.dataset.goalKind = goal.kind;
        span.textContent = `${goal.kind === "target" ? formatTarget(goal.target, indicators[k].unit, lang) : t(lang, "noWorseningTarget")}: ${targetStatusText(goal.met, lang)}`;
        return span;
      },
    },
    { label: t(lang, "statusColumn"), text: (k) => verdictText(current[k]?.status?.verdict, lang) },
  ], { lang, document: doc, caption: t(lang, "programmeTableCaption", { period: formatPeriod(o.period, lang) }) });
  s.append(scrollTable(table, undefined, doc), tableDownloads(table, { manifest: o.manifest, lang, document: doc }), el(doc, "p", "muted small", t(lang, "goalsNote")));
  return s;
}

/** The measures with something reported, a row each; those with nothing reported named in one line. The CSV holds them all. */
function measuresSection(o: ProgrammePageOptions, doc: Document): HTMLElement {
  const lang = o.lang ?? "fi";
  const { measures, id } = o.subject;
  const title = `${id}: ${t(lang, "measures")}`;
  const s = section(doc, "measures", t(lang, "measures"));
  if (!measures.length) {
    s.append(el(doc, "p", "muted", "–"));
    return s;
  }
  const reported = measures.filter(measureReported);
  const unreported = measures.filter((m) => !measureReported(m));
  if (reported.length) s.append(scrollBox(measuresTable(reported, o.programme, { lang, caption: title, document: doc }), title, doc));
  if (unreported.length) {
    const details = el(doc, "details", "measures-unreported");
    details.dataset.measuresUnreported = String(unreported.length);
    details.append(el(doc, "summary", undefined, unreported.length === 1 ? t(lang, "measuresUnreportedOne") : t(lang, "measuresUnreported", { count: unreported.length })));
    const list = el(doc, "p", "measures-unreported-names");
    unreported.forEach((m, k) => {
      if (k) list.append(", ");
      const name = el(doc, "span", undefined, localized(m.name, lang));
      name.dataset.measure = m.id;
      list.append(name);
    });
    details.append(list);
    s.append(details);
  }
  s.append(downloads({ title, table: () => measuresTable(measures, o.programme, { lang, caption: title, document: doc }), manifest: o.manifest, lang, document: doc }));
  if (!measures.some((m) => m.startDate)) s.append(el(doc, "p", "muted small", t(lang, "noStartDates")));
  return s;
}

/** Each indicator: its status, its whole-city chart with the measures' start dates, the chart's data and the period's figures. */
function indicatorsSection(o: ProgrammePageOptions, doc: Document): HTMLElement {
  const lang = o.lang ?? "fi";
  const { indicators, measures } = o.subject;
  const { period, periodType } = o;
  const s = section(doc, "indicators", t(lang, "followingIndicators"));
  if (!indicators.length) {
    s.append(el(doc, "p", undefined, t(lang, "noIndicators")));
    return s;
  }
  const rules = measureRules(measures, o.programme, lang);
  const resize = o.resize ?? ((render: (width: number) => Node) => render(640));
  const whole = t(lang, "whole");
  for (const indicator of indicators) {
    const name = localized(indicator.name, lang);
    const dimension = nameOf(o.programme.dimensions, indicator.dimension, lang);
    const series = o.cells.get(indicator.id, periodType);
    const cell = o.cells.cell(indicator.id, period, periodType);
    const table = figureTable(1, [
      { label: t(lang, "indicator"), text: () => name },
      { label: `${t(lang, "value")} ${formatPeriod(period, lang)}`, numeric: true, cell: () => ({ cell, indicator: indicator.id, period, measure: indicator.unit }) },
      ...(indicator.targets.length ? [{ label: t(lang, "target"), text: () => targetStatusCell(cell, indicator.targets, period, indicator.unit, lang, doc) }] : []),
      { label: t(lang, "statusColumn"), text: () => verdictText(cell?.status?.verdict, lang) },
      { label: t(lang, "vsPrevious"), text: () => outcomeText(cell?.status?.vsPrevious, lang, indicator.direction) },
      { label: t(lang, "vsBaseline"), text: () => outcomeText(cell?.status?.vsBaseline, lang, indicator.direction) },
    ], { lang, document: doc, caption: `${name}, ${formatPeriod(period, lang)}` });
    const box = el(doc, "section", "indicator-section chart-block");
    box.id = indicator.id;
    box.dataset.indicatorSection = indicator.id;
    const h3 = el(doc, "h3", undefined, `${name} `);
    h3.append(el(doc, "span", "muted small", `(${dimension})`));
    const links = el(doc, "p", "small");
    const toDimension = el(doc, "a", undefined, `${dimension} →`);
    toDimension.href = `../dimensions/${indicator.dimension}.html?pt=${periodType}&p=${period}#${indicator.id}`;
    const toMethods = el(doc, "a", undefined, t(lang, "methods"));
    toMethods.href = `../methods.html#${indicator.id}`;
    links.append(toDimension, " · ", toMethods);
    box.append(
      h3,
      statusLine(cell?.status, { lang, direction: indicator.direction, document: doc }),
      resize((width) => trendChart([{ key: "ALL", label: whole, cells: series, role: "main" }], { name, scope: whole, measure: indicator.unit, targets: indicator.targets, rules, indicator: indicator.id, downloads: o.manifest, lang, selectedPeriod: period, width, document: doc })),
      seriesTableDetails([{ label: whole, cells: series }], { name, measure: indicator.unit, targets: indicator.targets, lang, document: doc }),
      scrollTable(table, undefined, doc),
      tableDownloads(table, { manifest: o.manifest, lang, document: doc }),
      links,
    );
    s.append(box);
  }
  return s;
}
