// A cell's status in words and symbols: its verdict (the monthly SPC chart at
// the period's end) and its comparisons (95 % intervals) with the previous
// period, the baseline and — for a unit — the whole city. The statuses come
// from the loaders (lib/analysis/statuses.ts); this only says them. Never by colour
// alone: every outcome has its words. ▲ / ▼ say up / down, never better /
// worse.
import type { Lang } from "../../lib/format.js";
import { t, type StringKey } from "../../lib/i18n.js";
import type { CellStatus, Verdict } from "../../lib/analysis/statuses.js";
import type { Outcome } from "../../lib/stats/compare.js";

/** Up and down: the sign of a change, never whether it is better or worse (that is said in words and colour). */
export const ARROW = { up: "▲", down: "▼" } as const;
/** The mark of a comparison that found no significant difference. */
export const SIMILAR_SYMBOL = "●";

/** The arrow of a change's sign: ▲ for a rise, ▼ for a fall, none for no change. */
export function changeArrow(delta: number | null | undefined): string {
  return delta === null || delta === undefined || !Number.isFinite(delta) || delta === 0 ? "" : delta > 0 ? ARROW.up : ARROW.down;
}

/**
 * The symbol of an outcome: the arrow of the change it found (up or down),
 * which for better / worse depends on the indicator's polarity — a cost that
 * fell is better and ▼. Without a polarity a better / worse outcome has no
 * arrow (its words say it); a similar one "●".
 */
export function outcomeSymbol(outcome: Outcome, direction?: "higher" | "lower" | null): string {
  switch (outcome) {
    case "higher": return ARROW.up;
    case "lower": return ARROW.down;
    case "similar": return SIMILAR_SYMBOL;
    case "better": return direction ? (direction === "higher" ? ARROW.up : ARROW.down) : "";
    case "worse": return direction ? (direction === "higher" ? ARROW.down : ARROW.up) : "";
    default: return "";
  }
}
/** The words for each outcome. */
export const OUTCOME_KEY: Record<Outcome, StringKey> = { better: "better", worse: "worse", similar: "similar", higher: "outcomeHigher", lower: "outcomeLower", "not-compared": "notCompared" };

/** The words of a verdict (null: not assessed). */
export function verdictKey(v: Verdict | null | undefined): StringKey {
  return v === "improving" ? "improving" : v === "worsening" ? "worsening" : v === "stable" ? "stable" : v === "changed" ? "changedVerdict" : "noVerdict";
}

/**
 * An outcome as text: "▲ parempi" (a rise, with the indicator's polarity
 * `direction`), "parempi" (without it), "● samaa tasoa", "ei verrattavissa".
 */
export function outcomeText(outcome: Outcome | null | undefined, lang: Lang, direction?: "higher" | "lower" | null): string {
  const o = outcome ?? "not-compared";
  const symbol = outcomeSymbol(o, direction);
  return `${symbol ? `${symbol} ` : ""}${t(lang, OUTCOME_KEY[o])}`;
}

/** A verdict as text: "Paranee", "Ei merkittävää muutosta", "Ei arvioitavissa". */
export function verdictText(v: Verdict | null | undefined, lang: Lang): string {
  return t(lang, verdictKey(v));
}

/**
 * One line under an indicator: the verdict at the period's end and the
 * comparisons with the previous period and the baseline (and the whole city
 * when `city` is set: a unit's figure). Data attributes carry the codes.
 */
export function statusLine(status: CellStatus | null | undefined, o: { lang?: Lang; city?: boolean; direction?: "higher" | "lower" | null; document?: Document } = {}): HTMLElement {
  const doc = o.document ?? document;
  const lang = o.lang ?? "fi";
  const p = doc.createElement("p");
  p.className = `status-line verdict-${status?.verdict ?? "none"}`;
  p.dataset.verdict = status?.verdict ?? "none";
  p.dataset.vsPrevious = status?.vsPrevious ?? "not-compared";
  p.dataset.vsBaseline = status?.vsBaseline ?? "not-compared";
  if (o.city) p.dataset.vsCity = status?.vsCity ?? "not-compared";
  const part = (label: string, text: string, strong = false) => {
    const span = doc.createElement("span");
    span.className = "status-part";
    span.append(`${label}: `);
    const value = doc.createElement(strong ? "strong" : "span");
    value.textContent = text;
    span.append(value);
    return span;
  };
  const parts = [
    part(t(lang, "statusColumn"), verdictText(status?.verdict, lang), true),
    part(t(lang, "vsPrevious"), outcomeText(status?.vsPrevious, lang, o.direction)),
    part(t(lang, "vsBaseline"), outcomeText(status?.vsBaseline, lang, o.direction)),
  ];
  if (o.city) parts.push(part(t(lang, "vsCity"), outcomeText(status?.vsCity, lang, o.direction)));
  parts.forEach((x, i) => p.append(...(i ? [" · ", x] : [x])));
  return p;
}
