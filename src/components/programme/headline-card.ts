// The overview's card for one headline indicator: the latest value, the
// change from the previous period and from the baseline with whether that is
// significantly better or worse (95 % intervals, by the indicator's
// direction), the goal and whether it is met (the target in force, else the
// programme's rule "no significant worsening": lib/analysis/goals.ts), the verdict (the
// monthly SPC chart at the period's end) and a small trend line. The verdict
// and the comparisons are the cell's status (lib/analysis/statuses.ts), not worked out
// here.
import { displayedChange, formatChange, formatPeriod, type Lang } from "../../lib/format.js";
import { t, type StringKey } from "../../lib/i18n.js";
import { previousPeriod } from "../../lib/periods.js";
import type { PublishedCell as Cell } from "../../lib/cell.js";
import type { Assessment } from "../../lib/analysis/status.js";
import type { Outcome } from "../../lib/stats/compare.js";
import { OUTCOME_KEY, changeArrow, verdictKey } from "./status.js";
import type { TargetLike } from "../../lib/analysis/targets.js";
import { goalOf } from "../../lib/analysis/goals.js";
import { cellValue } from "../tables/cell-value.js";
import { formatTarget } from "../charts/chart-common.js";
import { sparkline } from "../charts/sparkline.js";
import { seriesTable } from "../../lib/tables/chart-tables.js";
import { type DownloadSource, downloads } from "../site/downloads.js";

export interface HeadlineCardOptions {
  indicator: string;
  name: string;
  measure: string;
  direction: "higher" | "lower" | null;
  targets: readonly TargetLike[];
  /** The series of the whole (unit ALL, breakdown ALL) in period order. */
  series: readonly Cell[];
  assessment: Assessment;
  /** Link to the indicator's dimension page section. */
  href?: string;
  scope: string;
  /** With the extract's manifest, "Lataa: CSV · SVG · PNG" under the trend line (the series as a table, the line with title, source and date). */
  downloads?: DownloadSource;
  lang?: Lang;
  document?: Document;
}


const hasValue = (c: Cell | undefined): c is Cell & { value: number } => !!c && !c.suppressed && c.value !== null && Number.isFinite(c.value);

function el<K extends keyof HTMLElementTagNameMap>(doc: Document, tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const e = doc.createElement(tag);
  if (className) e.className = className;
  if (text !== undefined) e.textContent = text;
  return e;
}

export function headlineCard(o: HeadlineCardOptions): HTMLElement {
  const doc = o.document ?? document;
  const lang = o.lang ?? "fi";
  const a = o.assessment;
  const card = el(doc, "article", "card headline-card");
  card.dataset.indicator = o.indicator;
  card.dataset.verdict = a.verdict ?? "none";
  const title = el(doc, "h3");
  if (o.href) {
    const link = el(doc, "a", undefined, o.name);
    link.href = o.href;
    title.append(link);
  } else title.textContent = o.name;
  card.append(title);

  const big = el(doc, "div", "headline-value");
  big.append(cellValue(a.current, { indicator: o.indicator, period: a.period, measure: o.measure, lang, tag: "strong", document: doc }));
  big.append(el(doc, "span", "muted", ` ${formatPeriod(a.period, lang)}`));
  card.append(big);

  const dl = el(doc, "dl", "headline-facts");
  const row = (label: string, ...content: (Node | string)[]) => {
    dl.append(el(doc, "dt", undefined, label));
    const dd = el(doc, "dd");
    dd.append(...content);
    dl.append(dd);
    return dd;
  };
  // The target in force at the end of the period; without one, the programme's rule: no significant worsening.
  const goal = goalOf(o.targets, a.current, a.period);
  const targetDd = row(t(lang, "target"), goal.kind === "target" ? formatTarget(goal.target, o.measure, lang) : t(lang, "noWorseningTarget"));
  const met = goal.met === null ? "targetUnknown" : goal.met ? "targetMet" : "targetNotMet";
  targetDd.append(" ", el(doc, "span", `badge target-${met}`, t(lang, met)));
  targetDd.dataset.targetMet = goal.met === null ? "unknown" : String(goal.met);
  targetDd.dataset.targetKind = goal.kind;
  // The change is the difference of the two values as shown (displayedChange), so the
  // figures add up; its arrow is its sign (▲ up, ▼ down), and better or worse is said
  // in words and colour (the outcome, by the indicator's polarity).
  const change = (label: StringKey, outcome: Outcome, other: Cell | undefined, otherPeriod: string | undefined) => {
    const dd = row(t(lang, label));
    dd.dataset.outcome = outcome;
    const current = a.current;
    const delta = otherPeriod && hasValue(current) && hasValue(other) ? displayedChange(current.value, other.value, o.measure) : null;
    if (delta !== null) {
      const j = el(doc, "span", `change change-${outcome}`);
      const arrow = changeArrow(Math.abs(delta) < 1e-12 ? 0 : delta);
      j.textContent = `${arrow ? arrow + " " : ""}${formatChange(delta, o.measure, lang)}`;
      j.append(el(doc, "span", "outcome", ` (${t(lang, OUTCOME_KEY[outcome])})`));
      dd.append(j, " ");
    }
    if (otherPeriod) {
      dd.append(el(doc, "span", "muted", `${formatPeriod(otherPeriod, lang)}: `));
      dd.append(cellValue(other, { indicator: o.indicator, period: otherPeriod, measure: o.measure, lang, document: doc }));
    } else dd.append(el(doc, "span", "muted", t(lang, "noData")));
  };
  change("vsPrevious", a.vsPrevious, a.previous, previousPeriod(a.period));
  change("vsBaseline", a.vsBaseline, a.baseline, a.baselinePeriod !== null && a.baselinePeriod < a.period ? a.baselinePeriod : undefined);
  card.append(dl);

  const verdict = el(doc, "p", `verdict verdict-${a.verdict ?? "none"}`);
  verdict.append(el(doc, "strong", undefined, t(lang, verdictKey(a.verdict))));
  if (a.verdict) verdict.append(el(doc, "span", "muted", ` – ${t(lang, "basisSpc")}`));
  card.append(verdict);
  const line = sparkline(o.series, { name: o.name, scope: o.scope, measure: o.measure, targets: o.targets, lang, document: doc });
  card.append(line);
  if (o.downloads && line.querySelector("svg")) {
    card.append(downloads({
      title: `${o.name}, ${o.scope}`, table: () => seriesTable([{ label: o.scope, cells: o.series }], { name: o.name, measure: o.measure, targets: o.targets, lang, document: doc }),
      chart: () => line, manifest: o.downloads, lang, document: doc,
    }));
  }
  return card;
}
